import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto'
import type { JWK } from 'jose'
import { newAccessToken, newAssertionKid, newChannelSecret, newTokenKeyId } from './ids.js'
import type { EmulatorChannel, EmulatorTokenInfo } from './types.js'

/** LINE's documented limits. */
export const MAX_ACTIVE_V21_TOKENS = 30
export const MAX_V21_LIFETIME_SECONDS = 2_592_000
export const STATELESS_LIFETIME_SECONDS = 900

export interface RegisteredKey {
  channelId: string
  publicKey: KeyObject
}

interface TokenRecord extends EmulatorTokenInfo {
  accessToken: string
}

/** Thrown when a channel already holds the maximum number of active v2.1 tokens. */
export class TokenCapError extends Error {
  override name = 'TokenCapError'
}

/** Channels, their registered assertion keys, and every token issued. No I/O. */
export class EmulatorState {
  private readonly channels = new Map<string, EmulatorChannel>()
  private readonly keys = new Map<string, RegisteredKey>()
  private readonly issued = new Map<string, TokenRecord>()

  constructor(private readonly now: () => number) {}

  addChannel(channelId: string, channelSecret?: string): EmulatorChannel {
    if (typeof channelId !== 'string' || !/^\d+$/.test(channelId)) {
      throw new Error('channelId must be a string of digits, like the IDs LINE gives channels')
    }
    if (channelSecret !== undefined && (typeof channelSecret !== 'string' || channelSecret === '')) {
      throw new Error('channelSecret must be a non-empty string when given')
    }
    const existing = this.channels.get(channelId)
    if (existing) return { ...existing }
    const channel = { channelId, channelSecret: channelSecret ?? newChannelSecret() }
    this.channels.set(channelId, channel)
    return { ...channel }
  }

  channel(channelId: string): EmulatorChannel | undefined {
    return this.channels.get(channelId)
  }

  /** Registers the public half of an assertion signing key, as the LINE Developers Console does. */
  registerPublicKey(channelId: string, publicJwk: JWK): string {
    this.addChannel(channelId)
    const publicKey = importRegistrablePublicJwk(publicJwk)
    const kid = newAssertionKid()
    this.keys.set(kid, { channelId, publicKey })
    return kid
  }

  key(kid: string): RegisteredKey | undefined {
    return this.keys.get(kid)
  }

  /** LINE refuses (never evicts) a v2.1 token beyond the cap; expired and revoked ones do not count. */
  isFull(channelId: string): boolean {
    return this.activeKeyIds(channelId).length >= MAX_ACTIVE_V21_TOKENS
  }

  /** Issues a v2.1 token; throws TokenCapError when the channel is full. */
  issueV21(channelId: string, lifetimeSeconds: number): TokenRecord {
    if (this.isFull(channelId)) throw new TokenCapError('The maximum number of access tokens has already been issued')
    return this.record(channelId, 'v2.1', lifetimeSeconds)
  }

  issueStateless(channelId: string): TokenRecord {
    return this.record(channelId, 'stateless', STATELESS_LIFETIME_SECONDS)
  }

  /** The token if it is known and still valid. */
  activeToken(accessToken: string): TokenRecord | undefined {
    const token = this.issued.get(accessToken)
    return token && this.isActive(token) ? token : undefined
  }

  /** Revokes a v2.1 token of this channel; unknown tokens and other channels' tokens are ignored, as LINE does. */
  revoke(channelId: string, accessToken: string): void {
    const token = this.issued.get(accessToken)
    if (token && token.channelId === channelId && token.tokenType === 'v2.1') token.revoked = true
  }

  activeKeyIds(channelId: string): string[] {
    return this.records(channelId)
      .filter((token) => token.tokenType === 'v2.1' && this.isActive(token))
      .map((token) => token.keyId)
  }

  tokens(channelId: string): EmulatorTokenInfo[] {
    return this.records(channelId).map(({ accessToken: _secret, ...info }) => info)
  }

  private records(channelId: string): TokenRecord[] {
    return [...this.issued.values()].filter((token) => token.channelId === channelId)
  }

  private isActive(token: TokenRecord): boolean {
    return !token.revoked && token.expiresAt > this.now()
  }

  private record(channelId: string, tokenType: 'v2.1' | 'stateless', lifetimeSeconds: number): TokenRecord {
    const issuedAt = this.now()
    const token: TokenRecord = {
      accessToken: newAccessToken(),
      channelId,
      keyId: tokenType === 'v2.1' ? newTokenKeyId() : '',
      tokenType,
      issuedAt,
      expiresAt: issuedAt + lifetimeSeconds * 1000,
      revoked: false
    }
    this.issued.set(token.accessToken, token)
    return token
  }
}

/**
 * Accepts what the console accepts: an RSA public JWK of 2048 bits with `alg` RS256 and
 * either `use: "sig"` or `key_ops: ["verify"]` (a `kid` is ignored: the console assigns one).
 */
function importRegistrablePublicJwk(jwk: JWK): KeyObject {
  if (!jwk || typeof jwk !== 'object') throw new Error('publicJwk must be a JWK object')
  if (jwk.kty !== 'RSA' || typeof jwk.n !== 'string' || typeof jwk.e !== 'string') {
    throw new Error('publicJwk must be an RSA key with "kty":"RSA", "n" and "e"')
  }
  if ('d' in jwk) throw new Error('publicJwk holds a private key; register only the public half')
  if (jwk.alg !== 'RS256') throw new Error('publicJwk must have "alg":"RS256"')
  const forSigning = jwk.use === 'sig' || (jwk.key_ops?.length === 1 && jwk.key_ops[0] === 'verify')
  if (!forSigning) throw new Error('publicJwk must have "use":"sig" or "key_ops":["verify"]')
  const publicKey = createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e } as JsonWebKey, format: 'jwk' })
  const bits = publicKey.asymmetricKeyDetails?.modulusLength
  if (bits !== 2048) throw new Error(`publicJwk is a ${bits}-bit RSA key; LINE requires 2048 bits`)
  return publicKey
}
