/**
 * The LINE assertion: a JWT (RFC 7523) signed with the channel's assertion signing key,
 * carrying exactly the members LINE documents (no iat/jti).
 */
import type { KeyObject } from 'node:crypto'
import { SignJWT } from 'jose'
import { InputError } from './errors.js'

/** The `aud` LINE requires. It does not change with `api-base-url`. */
export const ASSERTION_AUDIENCE = 'https://api.line.me/'

/**
 * How far ahead of "now" the assertion's `exp` is put. LINE accepts exp in
 * (now, now + 30 min] on its own clock; 15 minutes tolerates a runner clock that is up to
 * 15 minutes off either way, and the issue core corrects larger skews from the `Date` header.
 */
export const ASSERTION_EXP_AHEAD_SECONDS = 15 * 60

export interface AssertionClaims {
  channelId: string
  keyId: string
  privateKey: KeyObject
  /** Requested token lifetime in seconds (`token_exp`); omitted for list/stateless calls. */
  tokenExpSeconds?: number
  /** "Now" in ms since the epoch, already corrected for any known clock skew. */
  nowMs: number
}

/**
 * Sign a LINE assertion: header {alg: RS256, typ: JWT, kid}, claims {iss: channelId,
 * sub: channelId, aud: ASSERTION_AUDIENCE, exp: floor(nowMs/1000) + ASSERTION_EXP_AHEAD_SECONDS,
 * token_exp?}. Uses jose's SignJWT.
 */
export async function signAssertion(claims: AssertionClaims): Promise<string> {
  const { channelId, keyId, privateKey, tokenExpSeconds, nowMs } = claims
  // Callers pass values already validated (parseDuration); a bad one here is a programming error.
  if (tokenExpSeconds !== undefined && !(Number.isSafeInteger(tokenExpSeconds) && tokenExpSeconds > 0)) {
    throw new RangeError(`token_exp must be a positive whole number of seconds, got ${tokenExpSeconds}`)
  }
  const payload = tokenExpSeconds === undefined ? {} : { token_exp: tokenExpSeconds }
  const jwt = new SignJWT(payload)
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: keyId })
    .setIssuer(channelId)
    .setSubject(channelId)
    .setAudience(ASSERTION_AUDIENCE)
    .setExpirationTime(Math.floor(nowMs / 1000) + ASSERTION_EXP_AHEAD_SECONDS)
  try {
    return await jwt.sign(privateKey)
  } catch {
    // node:crypto accepts some damaged keys (a wrong "d" next to valid CRT members) that
    // WebCrypto, under jose, refuses. The cause's text is WebCrypto's; ours says what to do.
    throw new InputError(
      'private-key',
      'could not sign with this key: its private members are damaged or do not belong together. Copy the whole private key again from where it was generated, or generate a new key pair and register its public key.'
    )
  }
}
