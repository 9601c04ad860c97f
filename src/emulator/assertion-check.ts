import { compactVerify, decodeProtectedHeader } from 'jose'
import { MESSAGES, oauthError, plainError, type Answer } from './answers.js'
import type { EmulatorState } from './state.js'

export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'
export const ASSERTION_AUDIENCE = 'https://api.line.me/'
/** `exp` may be at most this far after now. */
const MAX_EXP_AHEAD_SECONDS = 30 * 60

export interface CheckedAssertion {
  channelId: string
  claims: Record<string, unknown>
}

export type AssertionResult = { ok: true; assertion: CheckedAssertion } | { ok: false; answer: Answer }

const refuse = (answer: Answer): AssertionResult => ({ ok: false, answer })

/**
 * Checks a client assertion the way LINE does: the key named by `kid` must be registered,
 * the RS256 signature must verify against it, and iss/sub/aud/exp must hold on the
 * emulator's clock. Reads `client_assertion_type` and `client_assertion` from the form or
 * query. `token_exp` is the caller's business (only the v2.1 issue reads it).
 */
export async function checkAssertion(
  state: EmulatorState,
  nowMs: number,
  params: URLSearchParams
): Promise<AssertionResult> {
  if (params.get('client_assertion_type') !== CLIENT_ASSERTION_TYPE) {
    return refuse(oauthError(400, 'invalid_request', `client_assertion_type must be ${CLIENT_ASSERTION_TYPE}`))
  }
  const assertion = params.get('client_assertion')
  if (!assertion) return refuse(oauthError(400, 'invalid_request', "'client_assertion' is required"))

  let header: ReturnType<typeof decodeProtectedHeader>
  try {
    header = decodeProtectedHeader(assertion)
  } catch {
    return refuse(oauthError(400, 'invalid_request', 'The client_assertion is not a JWS'))
  }
  if (header.alg !== 'RS256') return refuse(oauthError(400, 'invalid_client', 'Invalid alg: use RS256'))
  if (header.typ !== 'JWT') return refuse(oauthError(400, 'invalid_client', 'Invalid typ: use JWT'))

  const key = typeof header.kid === 'string' ? state.key(header.kid) : undefined
  if (!key) return refuse(plainError(404, MESSAGES.unknownKey))

  let payload: Uint8Array
  try {
    payload = (await compactVerify(assertion, key.publicKey, { algorithms: ['RS256'] })).payload
  } catch {
    return refuse(oauthError(400, 'invalid_client', 'Invalid signature'))
  }
  const claims = parseClaims(payload)
  if (!claims) return refuse(oauthError(400, 'invalid_request', 'The client_assertion payload is not a JSON object'))

  if (claims.iss !== key.channelId || claims.sub !== key.channelId) {
    return refuse(oauthError(400, 'invalid_client', MESSAGES.issMismatch))
  }
  if (claims.aud !== ASSERTION_AUDIENCE) return refuse(oauthError(400, 'invalid_client', 'Invalid aud'))
  const nowSeconds = Math.floor(nowMs / 1000)
  const exp = claims.exp
  if (typeof exp !== 'number' || !(exp > nowSeconds && exp <= nowSeconds + MAX_EXP_AHEAD_SECONDS)) {
    return refuse(oauthError(400, 'invalid_client', MESSAGES.invalidExp))
  }
  return { ok: true, assertion: { channelId: key.channelId, claims } }
}

function parseClaims(payload: Uint8Array): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(payload).toString('utf8'))
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}
