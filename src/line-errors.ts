/**
 * Guidance for LINE's documented errors, per operation. Exported so tests and the docs can
 * use the same words the action prints.
 */
import type { LineApiError } from './errors.js'
import { isNotSentCode, isPermanentNetworkCode } from './http-transport.js'

/** The calls of the LINE API client (the method names of LineApi). */
export type LineOperation = 'issueV21Token' | 'issueStatelessToken' | 'listValidKeyIds' | 'verifyToken' | 'revokeToken'

/** How each call is named in messages and logs. */
export const OPERATION_NAMES: Record<LineOperation, string> = {
  issueV21Token: 'issue a v2.1 token',
  issueStatelessToken: 'issue a stateless token',
  listValidKeyIds: 'list valid key IDs',
  verifyToken: 'verify a token',
  revokeToken: 'revoke a token'
}

export const LINE_HINTS = {
  unknownKeyId:
    'LINE does not know this key ID for this channel: check `key-id` (the kid the LINE Developers Console showed when the public key was registered) and `channel-id`, and that the public key is registered on this channel.',
  tokenCap:
    "The channel already holds 30 active v2.1 tokens, LINE's limit, and LINE refuses new ones until some expire or are revoked. Let this action revoke what it issues (`revoke: true`, the default, with `channel-secret`), run the revoke-all clean-up workflow to free the slots now, or use `token-type: stateless` (15-minute tokens with no cap).",
  badSignature: "LINE could not verify the assertion's signature: `private-key` does not match the public key registered under `key-id`.",
  issMismatch: '`channel-id` is not the channel that `key-id` belongs to: check both in the LINE Developers Console.',
  malformedAssertion: 'LINE could not read the assertion: check that `private-key` is an RSA key (RS256, 2048 bits) and `key-id` the kid LINE gave for it.',
  assertionRefused:
    'LINE refused the assertion: check that `private-key` matches the public key registered under `key-id`, and that `channel-id` is that key’s channel.',
  wrongSecret: 'LINE refused the channel credentials: check `channel-secret` (the channel secret of this channel, from Basic settings) and `channel-id`.',
  tokenInvalid: 'The token is expired, revoked, or not a channel access token of this channel.',
  gateway:
    "HTTP 401 and 403 are not answers LINE's token endpoints give: a proxy or gateway at api-base-url (or HTTPS_PROXY) probably refused the request; check its credentials or allow-list.",
  proxyAuth: 'The proxy requires authentication: put the user and password in the HTTPS_PROXY URL.',
  throttled: 'LINE throttles channels that issue many v2.1 tokens in a short time: issue fewer (one token per job) or use `token-type: stateless`.',
  maybeIssued: "LINE may have issued a token all the same; if so it holds one of the channel's 30 slots until it expires."
} as const

/** Guidance for a failed call, or undefined when the HTTP layer's own hint is the best we have. */
export function hintFor(operation: LineOperation, error: LineApiError): string | undefined {
  if (operation === 'issueV21Token' && mayHaveIssued(error)) return joinHints(error.hint, LINE_HINTS.maybeIssued)
  if (error.kind !== 'http') return undefined
  const text = (error.errorDescription ?? error.lineMessage ?? '').toLowerCase()
  const status = error.status
  if (status === 401 || status === 403) return LINE_HINTS.gateway
  if (status === 407) return LINE_HINTS.proxyAuth
  if (status === 429 && operation === 'issueV21Token') return LINE_HINTS.throttled
  if (text.includes('maximum number of access tokens')) return LINE_HINTS.tokenCap
  if (status === 404 && text.includes('cannot find channel key')) return LINE_HINTS.unknownKeyId
  if (status !== 400) return undefined
  if (operation === 'revokeToken') return isCredentialError(error, text) ? LINE_HINTS.wrongSecret : undefined
  if (operation === 'verifyToken') return LINE_HINTS.tokenInvalid
  return assertionHint(error, text) // the three calls left all send an assertion
}

function assertionHint(error: LineApiError, text: string): string | undefined {
  // The session owns clock-skew handling and its hint (it retries with LINE's Date).
  if (text.includes('invalid exp')) return undefined
  if (text.includes('iss and clientid')) return LINE_HINTS.issMismatch
  if (text.includes('signature')) return LINE_HINTS.badSignature
  if (text.includes('not jws') || text.includes('malformed')) return LINE_HINTS.malformedAssertion
  return error.error === 'invalid_client' ? LINE_HINTS.assertionRefused : undefined
}

function isCredentialError(error: LineApiError, text: string): boolean {
  return error.error === 'invalid_client' || text.includes('client_credentials')
}

/**
 * True when the issue request may have reached LINE although no usable answer came back:
 * a timeout, a connection broken after sending, a gateway error, an unreadable 2xx.
 */
export function mayHaveIssued(error: LineApiError): boolean {
  switch (error.kind) {
    case 'timeout':
    case 'invalid-response':
      return true
    case 'network':
      return !isNotSentCode(error.code) && !isPermanentNetworkCode(error.code)
    case 'http':
      return error.status === 502 || error.status === 504
  }
}

function joinHints(first: string | undefined, second: string): string {
  return first ? `${first} ${second}` : second
}
