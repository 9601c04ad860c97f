/**
 * The default transport: one attempt, through @actions/http-client when a proxy applies
 * (HTTPS_PROXY / NO_PROXY as http-client reads them; it always bypasses the proxy for 127.*
 * and localhost), else straight through node:http(s) the way http-client sends it.
 * Redirects are not followed, retries are left to the caller, the whole attempt is bounded
 * by a timer, and the body is read with a byte limit.
 */
import * as http from 'node:http'
import type { IncomingMessage, RequestOptions } from 'node:http'
import * as https from 'node:https'
import type { HttpClient } from '@actions/http-client'
import { getProxyUrl } from '@actions/http-client/lib/proxy'
import type { RequestHandler } from '@actions/http-client/lib/interfaces'
import { LineApiError } from './errors.js'
import type { RawRequest, RawResponse, Transport } from './http.js'

/** Certificate and TLS failures: the server's identity could not be checked. */
const TLS_CERT_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID'
])

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN'])

/** Failures that happen before the request reaches the server, so a retry cannot repeat it. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'])

export const NETWORK_HINTS = {
  tls: "The server's certificate is not trusted: add your CA with NODE_EXTRA_CA_CERTS.",
  certExpired: "The server's certificate has expired (or this machine's clock is wrong): check the certificate at api-base-url.",
  altName: "The server's certificate does not match the host in api-base-url: check api-base-url.",
  protocol: 'The TLS handshake failed: check that api-base-url uses https:// only for a server that speaks TLS.',
  dns: 'Cannot resolve the host in api-base-url: check its spelling and the runner’s DNS.',
  refused: 'Nothing accepted the connection at api-base-url (or at HTTPS_PROXY): check the URL, the port and the proxy settings.'
} as const

/** Guidance for a socket error code, if there is any to give. */
export function networkHint(code: string | undefined): string | undefined {
  if (!code) return undefined
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') return NETWORK_HINTS.certExpired
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return NETWORK_HINTS.altName
  if (TLS_CERT_CODES.has(code)) return NETWORK_HINTS.tls
  if (code === 'EPROTO' || code.startsWith('ERR_SSL_')) return NETWORK_HINTS.protocol
  if (DNS_CODES.has(code)) return NETWORK_HINTS.dns
  if (code === 'ECONNREFUSED') return NETWORK_HINTS.refused
  return undefined
}

/** True when retrying cannot help: the certificate will be just as wrong next time. */
export function isPermanentNetworkCode(code: string | undefined): boolean {
  return code !== undefined && (TLS_CERT_CODES.has(code) || code === 'EPROTO' || code.startsWith('ERR_SSL_'))
}

/** True when the request surely never reached the server (safe to retry even a non-idempotent call). */
export function isNotSentCode(code: string | undefined): boolean {
  return code !== undefined && NOT_SENT_CODES.has(code)
}

/**
 * Our error for a failed socket. The underlying message is dropped on purpose: it can hold
 * the request URL, whose query may carry a token; only a well-formed code is kept.
 */
export function networkError(cause: unknown, operation: string): LineApiError {
  const raw = (cause as { code?: unknown } | null)?.code
  const code = typeof raw === 'string' && /^[A-Z0-9_]{2,64}$/.test(raw) ? raw : undefined
  return new LineApiError({ kind: 'network', operation, code, hint: networkHint(code) })
}

export function timeoutError(operation: string, timeoutMs: number): LineApiError {
  return new LineApiError({
    kind: 'timeout',
    operation,
    hint: `No answer within ${formatSeconds(timeoutMs)}: LINE or the network in between is slow or unreachable.`
  })
}

export function bodyTooLargeError(operation: string, status: number, maxBodyBytes: number): LineApiError {
  return new LineApiError({
    kind: 'invalid-response',
    operation,
    status,
    hint: `The answer's body is larger than ${maxBodyBytes} bytes, far more than LINE sends: check api-base-url.`
  })
}

export function formatSeconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`
}

/** The transport's own name for the call; createLineHttp replaces it with the operation. */
function describeRequest(request: RawRequest): string {
  return `${request.method} ${safePath(request.url)}`
}

/** The URL's path without query or fragment (they can hold tokens). */
export function safePath(url: string): string {
  try {
    return new URL(url).pathname
  } catch {
    return '(invalid URL)'
  }
}

export function createHttpClientTransport(userAgent?: string): Transport {
  return (request) => sendOnce(request, userAgent)
}

async function sendOnce(request: RawRequest, userAgent: string | undefined): Promise<RawResponse> {
  const operation = describeRequest(request)
  const controller = new AbortController()
  const ua = userAgent ?? request.headers['user-agent']
  let timer: ReturnType<typeof setTimeout> | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(timeoutError(operation, request.timeoutMs))
      controller.abort()
    }, request.timeoutMs)
  })
  try {
    // No proxy for this URL (the usual case): node:http directly, as http-client would do it.
    // Through a proxy: http-client itself (its tunnel agents), loaded only then, because it
    // imports undici, which costs about a third of a step's start-up.
    const attempt = getProxyUrl(new URL(request.url))
      ? import('@actions/http-client').then(({ HttpClient }) =>
          exchange(
            // A fresh client per attempt, so the abort signal belongs to this request only.
            new HttpClient(ua, [abortWith(controller.signal)], { allowRedirects: false, allowRetries: false, keepAlive: false, socketTimeout: request.timeoutMs }),
            request,
            operation
          )
        )
      : exchangeDirect(request, ua, controller.signal, operation)
    return await Promise.race([attempt, deadline])
  } catch (error) {
    throw toTransportError(error, operation, request.timeoutMs)
  } finally {
    clearTimeout(timer)
  }
}

async function exchange(client: HttpClient, request: RawRequest, operation: string): Promise<RawResponse> {
  const response = await client.request(request.method, request.url, request.body ?? null, request.headers)
  const message = response.message
  const status = message.statusCode ?? 0
  const body = await readBounded(message, request.maxBodyBytes, () => bodyTooLargeError(operation, status, request.maxBodyBytes))
  return { status, headers: flattenHeaders(message.headers), body }
}

/** One request with node:http(s), the way http-client sends it without a proxy: no keep-alive, no redirects. */
async function exchangeDirect(request: RawRequest, userAgent: string | undefined, signal: AbortSignal, operation: string): Promise<RawResponse> {
  const url = new URL(request.url)
  const usingSsl = url.protocol === 'https:'
  const headers: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = value
  if (userAgent != null) headers['user-agent'] = userAgent
  if (typeof request.body === 'string') headers['Content-Length'] = Buffer.byteLength(request.body, 'utf8')
  const options: RequestOptions = {
    host: url.hostname,
    port: url.port ? parseInt(url.port) : usingSsl ? 443 : 80,
    path: (url.pathname || '') + (url.search || ''),
    method: request.method,
    headers,
    agent: usingSsl ? new https.Agent({ keepAlive: false }) : new http.Agent({ keepAlive: false }),
    signal
  }
  const message = await new Promise<IncomingMessage>((resolve, reject) => {
    const req = (usingSsl ? https : http).request(options, resolve)
    req.setTimeout(request.timeoutMs, () => {
      req.socket?.end()
      // Our own error: a message with the path would carry verify's access_token query.
      reject(timeoutError(operation, request.timeoutMs))
    })
    req.on('error', reject)
    if (request.body) req.write(request.body, 'utf8')
    req.end()
  })
  const status = message.statusCode ?? 0
  const body = await readBounded(message, request.maxBodyBytes, () => bodyTooLargeError(operation, status, request.maxBodyBytes))
  return { status, headers: flattenHeaders(message.headers), body }
}

/** Reads the body, giving up (and closing the connection) as soon as it passes the limit. */
async function readBounded(message: IncomingMessage, maxBytes: number, tooLarge: () => LineApiError): Promise<string> {
  const declared = Number(message.headers['content-length'])
  if (declared > maxBytes) {
    message.destroy()
    throw tooLarge()
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of message as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > maxBytes) throw tooLarge() // leaving the loop destroys the stream
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function flattenHeaders(headers: IncomingMessage['headers']): Record<string, string | undefined> {
  const flat: Record<string, string | undefined> = {}
  for (const [name, value] of Object.entries(headers)) {
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value
  }
  return flat
}

export function toTransportError(error: unknown, operation: string, timeoutMs: number): LineApiError {
  if (error instanceof LineApiError) return error
  // http-client's own socket timeout rejects with "Request timeout: <path and query>".
  if (error instanceof Error && !('code' in error) && error.message.startsWith('Request timeout')) {
    return timeoutError(operation, timeoutMs)
  }
  return networkError(error, operation)
}

/** An http-client handler whose only job is to hand the request our abort signal. */
function abortWith(signal: AbortSignal): RequestHandler {
  return {
    prepareRequest(options: RequestOptions) {
      options.signal = signal
    },
    canHandleAuthentication: () => false,
    handleAuthentication: () => Promise.reject(new Error('not supported'))
  }
}
