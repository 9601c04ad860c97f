// CONTRACT STUB — implemented by the HTTP/LINE client helper.
import type { Clock, Sleep } from './clock.js'
import type { Logger } from './logger.js'

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
}

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
  void options
  throw new Error('not implemented')
}

/** The default transport: @actions/http-client (honours HTTPS_PROXY / NO_PROXY), no redirects. */
export function createHttpClientTransport(userAgent?: string): Transport {
  void userAgent
  throw new Error('not implemented')
}
