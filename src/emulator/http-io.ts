import type { IncomingMessage, ServerResponse } from 'node:http'
import { newRequestId } from './ids.js'

/** LINE's bodies are a few KB at most; anything bigger is refused rather than buffered. */
export const MAX_REQUEST_BODY_BYTES = 64 * 1024

export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError'
}

export async function readBody(request: IncomingMessage, limit = MAX_REQUEST_BODY_BYTES): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > limit) throw new BodyTooLargeError(`request body over ${limit} bytes`)
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** Headers every answer carries: LINE's request ID and a `Date` from the (skewed) emulator clock. */
export function commonHeaders(nowMs: number): Record<string, string> {
  return { 'x-line-request-id': newRequestId(), date: new Date(nowMs).toUTCString() }
}

export function contentTypeFor(body: string): string | undefined {
  if (body === '') return undefined
  return body.trimStart().startsWith('<') ? 'text/html; charset=utf-8' : 'application/json'
}

/** Statuses that must not carry a body. */
export function statusAllowsBody(status: number): boolean {
  return !(status < 200 || status === 204 || status === 304)
}

/** Writes a complete answer. Extra headers win over the defaults (a fault may set its own content-type). */
export function writeAnswer(
  response: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string>
): void {
  const payload = statusAllowsBody(status) ? body : ''
  response.writeHead(status, { ...defaultHeaders(payload), ...lowerCaseKeys(headers) })
  response.end(payload)
}

export function defaultHeaders(body: string): Record<string, string> {
  const type = contentTypeFor(body)
  return { ...(type ? { 'content-type': type } : {}), 'content-length': String(Buffer.byteLength(body)) }
}

export function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]))
}

/**
 * Timers for latency and fault delays that `close()` can cancel at once: a cancelled wait
 * never resolves, so the request it belonged to is simply abandoned with its socket.
 */
export class Waits {
  private readonly timers = new Set<NodeJS.Timeout>()

  wait(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve()
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer)
        resolve()
      }, ms)
      this.timers.add(timer)
    })
  }

  cancelAll(): void {
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
  }
}
