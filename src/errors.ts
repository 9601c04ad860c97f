/**
 * The two error types every part of the project throws. Their messages are shown to users
 * as they are, so they must say what went wrong and what to do, and must never contain a
 * key, secret, assertion or token.
 */

/** Bad input: a value the user supplied is missing or wrong. Raised before any request. */
export class InputError extends Error {
  override name = 'InputError'
  /** The input (action input name, CLI flag or environment variable) that is wrong. */
  readonly input: string

  constructor(input: string, message: string) {
    super(`Input "${input}": ${message}`)
    this.input = input
  }
}

/** How a call to LINE (or to the ledger's store) failed. */
export type LineApiErrorKind =
  /** LINE answered with a non-2xx status. */
  | 'http'
  /** No usable answer: connection refused or reset, DNS failure, TLS failure. */
  | 'network'
  /** The per-request timeout fired. */
  | 'timeout'
  /** A 2xx answer that is not what LINE documents (not JSON, a missing field, too large). */
  | 'invalid-response'

export interface LineApiErrorDetails {
  kind: LineApiErrorKind
  /** What we were doing, in words: "issue a v2.1 token", "list valid key IDs", … */
  operation: string
  /** HTTP status, when there was an answer. */
  status?: number
  /** OAuth-style `error`. */
  error?: string
  /** OAuth-style `error_description`. */
  errorDescription?: string
  /** Plain-style `message`. */
  lineMessage?: string
  /** `x-line-request-id` response header. */
  requestId?: string
  /** The response `Date` header, in ms since the epoch (used to correct clock skew). */
  serverDate?: number
  /** How many attempts were made in all. */
  attempts?: number
  /** Guidance: what the user can do about it. */
  hint?: string
  /** The underlying error's code (ECONNREFUSED, CERT_HAS_EXPIRED, …), never its message if it may hold data. */
  code?: string
}

/**
 * The one error type for LINE API calls. Its message reads
 * `LINE API: <operation> failed: HTTP 404: <LINE's text> (request ID abc). <hint>`.
 */
export class LineApiError extends Error {
  override name = 'LineApiError'
  readonly kind: LineApiErrorKind
  readonly operation: string
  readonly status?: number
  readonly error?: string
  readonly errorDescription?: string
  readonly lineMessage?: string
  readonly requestId?: string
  readonly serverDate?: number
  readonly attempts?: number
  readonly hint?: string
  readonly code?: string

  constructor(details: LineApiErrorDetails) {
    super(formatLineApiError(details))
    this.kind = details.kind
    this.operation = details.operation
    this.status = details.status
    this.error = details.error
    this.errorDescription = details.errorDescription
    this.lineMessage = details.lineMessage
    this.requestId = details.requestId
    this.serverDate = details.serverDate
    this.attempts = details.attempts
    this.hint = details.hint
    this.code = details.code
  }

  /** LINE's own words: `error: error_description`, or `message`. */
  get lineText(): string | undefined {
    return lineTextOf(this)
  }

  /** A copy with guidance attached (the message is rebuilt). */
  withHint(hint: string): LineApiError {
    return new LineApiError({ ...this.details(), hint })
  }

  details(): LineApiErrorDetails {
    return {
      kind: this.kind,
      operation: this.operation,
      status: this.status,
      error: this.error,
      errorDescription: this.errorDescription,
      lineMessage: this.lineMessage,
      requestId: this.requestId,
      serverDate: this.serverDate,
      attempts: this.attempts,
      hint: this.hint,
      code: this.code
    }
  }
}

function lineTextOf(d: Pick<LineApiErrorDetails, 'error' | 'errorDescription' | 'lineMessage'>): string | undefined {
  if (d.error && d.errorDescription) return `${d.error}: ${d.errorDescription}`
  return d.error ?? d.errorDescription ?? d.lineMessage
}

function formatLineApiError(d: LineApiErrorDetails): string {
  const parts: string[] = []
  switch (d.kind) {
    case 'http':
      parts.push(`HTTP ${d.status}`)
      break
    case 'timeout':
      parts.push('no answer before the timeout')
      break
    case 'network':
      parts.push(`network error${d.code ? ` (${d.code})` : ''}`)
      break
    case 'invalid-response':
      parts.push(`unexpected answer${d.status ? ` (HTTP ${d.status})` : ''}`)
      break
  }
  const text = lineTextOf(d)
  let message = `LINE API: ${d.operation} failed: ${parts.join('')}${text ? `: ${text}` : ''}`
  const extras: string[] = []
  if (d.requestId) extras.push(`request ID ${d.requestId}`)
  if (d.attempts && d.attempts > 1) extras.push(`${d.attempts} attempts`)
  if (extras.length) message += ` (${extras.join(', ')})`
  if (d.hint) message += `. ${d.hint}`
  return message
}

/** The message of anything thrown, for places that must report without crashing. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Errors of the ledger (unreachable store, permission, wrong channel secret, corrupt record). */
export class LedgerError extends Error {
  override name = 'LedgerError'
}

/** What a step prints when it fails: our own errors as they are, anything else as a bug. */
export function failureMessage(error: unknown): string {
  if (error instanceof InputError || error instanceof LineApiError || error instanceof LedgerError) return error.message
  // Not ours: report the message only (no stack: it can carry values), and ask for a report.
  return `Unexpected error: ${messageOf(error)}. This is a bug in the action; please report it.`
}
