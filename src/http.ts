/**
 * The one HTTP layer for every LINE call: URL and body building, a per-attempt timeout, a
 * bounded retry policy (network errors, timeouts, 429 with Retry-After, 5xx; never other
 * statuses) and LineApiError for every failure. Logs carry no query strings, bodies or tokens.
 */
import { realSleep, systemClock, type Clock, type Sleep } from './clock.js'
import { InputError, LineApiError } from './errors.js'
import { createHttpClientTransport, formatSeconds, isNotSentCode, isPermanentNetworkCode, networkError, safePath } from './http-transport.js'
import { httpHint, lineErrorFields, parseHttpDate, parseJson, parseRetryAfter } from './http-response.js'
import { silentLogger, type Logger } from './logger.js'

export { createHttpClientTransport } from './http-transport.js'

/** One raw HTTP exchange; what a transport does for a single attempt. */
export interface RawRequest {
  method: 'GET' | 'POST'
  /** Full URL including any query string. */
  url: string
  headers: Record<string, string>
  body?: string
  timeoutMs: number
  /** Bodies larger than this are not read to the end (the attempt fails as invalid-response). */
  maxBodyBytes: number
}

export interface RawResponse {
  status: number
  /** Lower-cased header names. */
  headers: Record<string, string | undefined>
  body: string
}

/**
 * A transport performs exactly one attempt and resolves with whatever status came back, or
 * rejects with a LineApiError of kind 'network' / 'timeout' / 'invalid-response' (body too large).
 * It never follows redirects.
 */
export type Transport = (request: RawRequest) => Promise<RawResponse>

export interface RetryPolicy {
  /** Attempts in all, including the first. Default 4. */
  maxAttempts: number
  /** First backoff delay; doubles each retry, with full jitter. Default 500 ms. */
  baseDelayMs: number
  /** Cap on a single delay, including a Retry-After. Default 10 s. */
  maxDelayMs: number
  /** Cap on the whole call including waits; no new attempt starts after it. Default 60 s. */
  totalBudgetMs: number
  /** Per-attempt timeout. Default 10 s. */
  timeoutMs: number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
  totalBudgetMs: 60_000,
  timeoutMs: 10_000
}

export interface LineRequest {
  method: 'GET' | 'POST'
  /** Path under the base URL, e.g. `/oauth2/v2.1/token`. */
  path: string
  /** Sent as application/x-www-form-urlencoded (POST). */
  form?: Record<string, string>
  /** Appended as a query string (GET). */
  query?: Record<string, string>
  /** What this call does, in words, for errors and logs: "issue a v2.1 token". */
  operation: string
  /**
   * False for a call whose effect LINE may have applied even when no answer came back
   * (issuing a v2.1 token). Then a timeout, a broken connection, 502 or 504 is not retried:
   * a retry could issue a second token that nobody hands over or revokes. Default true.
   */
  idempotent?: boolean
}

export interface LineResponse {
  status: number
  headers: Record<string, string | undefined>
  body: string
  /** The body parsed as JSON, or undefined when it is empty or not JSON. */
  json: unknown
  /** `x-line-request-id`, if present. */
  requestId?: string
  attempts: number
}

export interface LineHttpOptions {
  /** e.g. https://api.line.me (a trailing slash or a path prefix is allowed). */
  baseUrl: string
  transport?: Transport
  policy?: Partial<RetryPolicy>
  sleep?: Sleep
  clock?: Clock
  /** Returns [0, 1); used for jitter. */
  random?: () => number
  logger?: Logger
  userAgent?: string
  /** Larger bodies fail the attempt as invalid-response. Default 1 MiB. */
  maxBodyBytes?: number
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024
export const DEFAULT_USER_AGENT = 'line-channel-access-token-action'

/**
 * Calls LINE: builds the URL and body, retries network errors, timeouts, 429 (honouring
 * Retry-After, seconds or HTTP date, capped by maxDelayMs) and 5xx with exponential backoff
 * and full jitter within the policy; never retries other statuses. Resolves with 2xx
 * answers; for anything else rejects with LineApiError (kind 'http' with status, LINE's
 * error/error_description/message parsed from either body shape, request ID, server Date,
 * attempts). Logs each attempt at debug level (method, path, status, ms) without query
 * strings or bodies.
 */
export type LineHttp = (request: LineRequest) => Promise<LineResponse>

export function createLineHttp(options: LineHttpOptions): LineHttp {
  const baseUrl = normaliseBaseUrl(options.baseUrl)
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.policy }
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT
  const context: CallContext = {
    policy,
    transport: options.transport ?? createHttpClientTransport(userAgent),
    sleep: options.sleep ?? realSleep,
    clock: options.clock ?? systemClock,
    random: options.random ?? Math.random,
    logger: options.logger ?? silentLogger,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES
  }
  return (request) => call(context, request, buildRawRequest(baseUrl, request, userAgent, policy, context.maxBodyBytes))
}

interface CallContext {
  policy: RetryPolicy
  transport: Transport
  sleep: Sleep
  clock: Clock
  random: () => number
  logger: Logger
  maxBodyBytes: number
}

/** What one attempt produced: an answer (any status) or a transport failure. */
type Outcome = { response: RawResponse; error?: undefined } | { response?: undefined; error: LineApiError }

async function call(context: CallContext, request: LineRequest, raw: RawRequest): Promise<LineResponse> {
  const { policy, clock, logger } = context
  const started = clock.now()
  for (let attempt = 1; ; attempt++) {
    const remainingMs = policy.totalBudgetMs - (clock.now() - started)
    const outcome = await attemptOnce(context, { ...raw, timeoutMs: Math.max(1, Math.min(policy.timeoutMs, remainingMs)) }, request)
    if (outcome.response && isSuccess(outcome.response.status)) return toLineResponse(outcome.response, attempt)

    const failure = outcome.error ?? httpError(request.operation, outcome.response)
    const delayMs = retryDelay(context, request, outcome, attempt)
    const elapsedMs = clock.now() - started
    if (delayMs === undefined || attempt >= policy.maxAttempts || elapsedMs + delayMs >= policy.totalBudgetMs) {
      throw new LineApiError({ ...failure.details(), operation: request.operation, attempts: attempt })
    }
    logger.info(`${describeFailure(outcome, raw.timeoutMs)}; retrying in ${formatSeconds(delayMs)} (attempt ${attempt + 1} of ${policy.maxAttempts})`)
    await context.sleep(delayMs)
  }
}

async function attemptOnce(context: CallContext, raw: RawRequest, request: LineRequest): Promise<Outcome> {
  const startedAt = context.clock.now()
  let outcome: Outcome
  try {
    outcome = { response: await context.transport(raw) }
  } catch (error) {
    outcome = { error: error instanceof LineApiError ? error : networkError(error, request.operation) }
  }
  const ms = context.clock.now() - startedAt
  context.logger.debug(`${raw.method} ${safePath(raw.url)} → ${describeOutcome(outcome)} (${ms} ms)`)
  return outcome
}

/** How long to wait before the next attempt, or undefined when this failure is not retried. */
function retryDelay(context: CallContext, request: LineRequest, outcome: Outcome, attempt: number): number | undefined {
  const { policy, random } = context
  const idempotent = request.idempotent ?? true
  const backoffMs = () => random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1))
  if (outcome.error) {
    const { kind, code } = outcome.error
    if (kind === 'timeout') return idempotent ? backoffMs() : undefined
    if (kind !== 'network' || isPermanentNetworkCode(code)) return undefined
    return idempotent || isNotSentCode(code) ? backoffMs() : undefined
  }
  const { status, headers } = outcome.response
  if (status === 429 || status === 503) {
    const retryAfterMs = parseRetryAfter(headers['retry-after'], context.clock.now())
    return retryAfterMs === undefined ? backoffMs() : Math.min(retryAfterMs, policy.maxDelayMs)
  }
  if (status >= 500 && status < 600) return idempotent || (status !== 502 && status !== 504) ? backoffMs() : undefined
  return undefined
}

function httpError(operation: string, response: RawResponse): LineApiError {
  const fields = lineErrorFields(parseJson(response.body))
  return new LineApiError({
    kind: 'http',
    operation,
    status: response.status,
    ...fields,
    requestId: response.headers['x-line-request-id'],
    serverDate: parseHttpDate(response.headers['date']),
    hint: httpHint(response.status, fields, response.body, response.headers['content-type'])
  })
}

function toLineResponse(response: RawResponse, attempts: number): LineResponse {
  return {
    status: response.status,
    headers: response.headers,
    body: response.body,
    json: parseJson(response.body),
    requestId: response.headers['x-line-request-id'],
    attempts
  }
}

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300
}

/** For the debug log: a status or what went wrong, never a message that could hold data. */
function describeOutcome(outcome: Outcome): string {
  if (outcome.response) return String(outcome.response.status)
  const { kind, code } = outcome.error
  if (kind === 'timeout') return 'timeout'
  if (kind === 'invalid-response') return 'unreadable answer'
  return code ? `network error (${code})` : 'network error'
}

/** For the retry notice. */
function describeFailure(outcome: Outcome, timeoutMs: number): string {
  if (outcome.response) return `LINE answered ${outcome.response.status}`
  const { kind, code } = outcome.error
  if (kind === 'timeout') return `LINE did not answer within ${formatSeconds(timeoutMs)}`
  return `LINE could not be reached${code ? ` (${code})` : ''}`
}

function buildRawRequest(baseUrl: string, request: LineRequest, userAgent: string, policy: RetryPolicy, maxBodyBytes: number): RawRequest {
  const query = request.query && Object.keys(request.query).length ? `?${new URLSearchParams(request.query).toString()}` : ''
  const path = request.path.startsWith('/') ? request.path : `/${request.path}`
  const headers: Record<string, string> = { accept: 'application/json', 'user-agent': userAgent }
  let body: string | undefined
  if (request.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded'
    body = new URLSearchParams(request.form).toString()
  }
  return { method: request.method, url: `${baseUrl}${path}${query}`, headers, body, timeoutMs: policy.timeoutMs, maxBodyBytes }
}

/** Validates api-base-url and drops trailing slashes; a path prefix (a gateway's) is kept. */
export function normaliseBaseUrl(baseUrl: string): string {
  let url: URL
  try {
    url = new URL(baseUrl.trim())
  } catch {
    throw new InputError('api-base-url', 'not a URL; use an http(s) URL such as https://api.line.me')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError('api-base-url', `use an http:// or https:// URL (got ${url.protocol}), such as https://api.line.me`)
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new InputError('api-base-url', 'remove the query string, fragment or credentials; give just the scheme, host and an optional path, such as https://api.line.me')
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}
