/**
 * Reading LINE's answers: the two error-body shapes, bodies that are not JSON (a proxy's
 * HTML page, an empty body), Retry-After and Date. Nothing here ever copies a non-JSON body
 * into a message: it may be a large HTML page, or hold a token.
 */

/** LINE's own error words, from either body shape. */
export interface LineErrorFields {
  error?: string
  errorDescription?: string
  lineMessage?: string
}

/** Longest piece of LINE's text we show; LINE's real messages are far shorter. */
const MAX_TEXT_CHARS = 300

/** The body as JSON, or undefined when it is empty or not JSON. */
export function parseJson(body: string): unknown {
  if (body.trim() === '') return undefined
  try {
    return JSON.parse(body) as unknown
  } catch {
    return undefined
  }
}

/** `{"error","error_description"}` and `{"message"}`; fields that are not strings are ignored. */
export function lineErrorFields(json: unknown): LineErrorFields {
  if (!isRecord(json)) return {}
  return {
    error: cleanText(json.error),
    errorDescription: cleanText(json.error_description),
    lineMessage: cleanText(json.message)
  }
}

export function hasLineText(fields: LineErrorFields): boolean {
  return Boolean(fields.error ?? fields.errorDescription ?? fields.lineMessage)
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** One line, bounded: a misbehaving server must not flood the log. */
function cleanText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const text = value.replace(/\s+/g, ' ').trim()
  if (text === '') return undefined
  return text.length > MAX_TEXT_CHARS ? `${text.slice(0, MAX_TEXT_CHARS)}…` : text
}

/** Says what kind of body came back when it is not LINE's JSON; never quotes it. */
export function describeNonJsonBody(body: string, contentType: string | undefined): string {
  if (body.trim() === '') return 'The answer had an empty body'
  if (/html/i.test(contentType ?? '') || /^\s*</.test(body)) return 'The answer was an HTML page, not JSON from LINE'
  return 'The answer was not JSON'
}

export const HTTP_HINTS = {
  redirect: 'api-base-url answered with a redirect; point it at the API itself.',
  rateLimited: 'LINE is limiting the request rate and kept refusing while we retried: wait a few minutes, then re-run.',
  serverError: 'LINE (or a gateway in front of it) failed; this is usually temporary: re-run the job later.',
  notFromLine: 'a proxy, gateway or load balancer probably answered instead of LINE: check api-base-url and HTTPS_PROXY / NO_PROXY.'
} as const

/** General guidance for a non-2xx answer; the LINE API client adds specific hints on top. */
export function httpHint(status: number, fields: LineErrorFields, body: string, contentType: string | undefined): string | undefined {
  if (status >= 300 && status < 400) return HTTP_HINTS.redirect
  if (status === 429) return HTTP_HINTS.rateLimited
  const bodyNote = hasLineText(fields) ? undefined : describeNonJsonBody(body, contentType)
  if (status >= 500) return bodyNote ? `${bodyNote}. ${HTTP_HINTS.serverError}` : HTTP_HINTS.serverError
  return bodyNote ? `${bodyNote}: ${HTTP_HINTS.notFromLine}` : undefined
}

/**
 * Retry-After as a delay in ms: delta-seconds, or an HTTP date relative to `nowMs`.
 * Undefined when absent or unreadable; never negative.
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  const text = value?.trim()
  if (!text) return undefined
  if (/^\d+$/.test(text)) return Number(text) * 1000
  // Date.parse is lenient ("1.5" is a date to it); an HTTP date always names a month or day.
  if (!/[a-z]/i.test(text)) return undefined
  const date = Date.parse(text)
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs)
}

/** The Date header in ms since the epoch, if it is readable. */
export function parseHttpDate(value: string | undefined): number | undefined {
  if (!value) return undefined
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : date
}
