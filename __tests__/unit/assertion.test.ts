import { describe, expect, it } from '@jest/globals'
import { decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose'
import { ASSERTION_AUDIENCE, ASSERTION_EXP_AHEAD_SECONDS, signAssertion } from '../../src/assertion.js'
import { InputError } from '../../src/errors.js'
import { loadPrivateKey } from '../../src/key.js'
import { TEST_KEY_ID, otherTestKey, testKey } from '../helpers/keys.js'

const NOW_MS = Date.UTC(2025, 0, 2, 3, 4, 5, 678)

describe('signAssertion', () => {
  const key = testKey()

  it('signs the header and claims LINE documents, and nothing else', async () => {
    const jwt = await signAssertion({ channelId: '1234567890', keyId: TEST_KEY_ID, privateKey: key.privateKey, tokenExpSeconds: 3600, nowMs: NOW_MS })
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'RS256', typ: 'JWT', kid: TEST_KEY_ID })
    expect(decodeJwt(jwt)).toEqual({
      iss: '1234567890',
      sub: '1234567890',
      aud: 'https://api.line.me/',
      exp: Math.floor(NOW_MS / 1000) + ASSERTION_EXP_AHEAD_SECONDS,
      token_exp: 3600
    })
    expect(ASSERTION_AUDIENCE).toBe('https://api.line.me/')
  })

  it('puts exp 15 minutes after the given now (not the machine clock)', async () => {
    const jwt = await signAssertion({ channelId: '1', keyId: 'k', privateKey: key.privateKey, nowMs: 1_000_999 })
    expect(decodeJwt(jwt).exp).toBe(1000 + 15 * 60)
  })

  it('leaves token_exp out when no lifetime is given', async () => {
    const jwt = await signAssertion({ channelId: '1', keyId: 'k', privateKey: key.privateKey, nowMs: NOW_MS })
    expect(decodeJwt(jwt)).not.toHaveProperty('token_exp')
  })

  it('verifies with the public key, and not with another key', async () => {
    const privateKey = loadPrivateKey(key.shapes.pkcs1).privateKey
    const jwt = await signAssertion({ channelId: '42', keyId: TEST_KEY_ID, privateKey, tokenExpSeconds: 60, nowMs: Date.now() })
    const { payload } = await jwtVerify(jwt, key.publicKey, { algorithms: ['RS256'], audience: ASSERTION_AUDIENCE, issuer: '42', subject: '42' })
    expect(payload.token_exp).toBe(60)
    await expect(jwtVerify(jwt, otherTestKey().publicKey)).rejects.toThrow()
  })

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects token_exp %p as a programming error', async (tokenExpSeconds) => {
    await expect(signAssertion({ channelId: '1', keyId: 'k', privateKey: key.privateKey, tokenExpSeconds, nowMs: NOW_MS })).rejects.toThrow(RangeError)
  })
})

describe('a damaged key that node:crypto accepts but cannot sign under jose', () => {
  it('is refused as bad input on private-key, naming no key material', async () => {
    const jwk = { ...(testKey().privateJwk as unknown as Record<string, string>), d: 'AA' }
    const key = loadPrivateKey(JSON.stringify(jwk))
    const error = await signAssertion({ channelId: '1660000001', keyId: 'kid', privateKey: key.privateKey, nowMs: Date.now() }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InputError)
    expect((error as Error).message).toMatch(/^Input "private-key": could not sign with this key/)
    for (const secret of testKey().secretFragments) expect((error as Error).message).not.toContain(secret)
  })
})
