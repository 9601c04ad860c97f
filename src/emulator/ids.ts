import { randomBytes, randomUUID } from 'node:crypto'

// What a v2.1 token looks like on the wire: a compact JWS (HS256 header), ~170 characters.
// The payload here is random bytes, not claims: the emulator's tokens are opaque handles.
const TOKEN_HEADER = Buffer.from('{"alg":"HS256"}').toString('base64url')

export function newAccessToken(): string {
  return `${TOKEN_HEADER}.${randomBytes(80).toString('base64url')}.${randomBytes(32).toString('base64url')}`
}

/** LINE's `key_id` of a v2.1 token: a short random base64url string. */
export function newTokenKeyId(): string {
  return randomBytes(16).toString('base64url')
}

/** The `kid` the console hands out for a registered public key: a UUID. */
export function newAssertionKid(): string {
  return randomUUID()
}

export function newChannelSecret(): string {
  return randomBytes(16).toString('hex')
}

export function newRequestId(): string {
  return randomBytes(16).toString('hex')
}
