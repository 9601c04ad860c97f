import { describe, expect, it } from '@jest/globals'
import { createPublicKey } from 'node:crypto'
import { loadPrivateKey } from '../../src/key.js'
import { acceptedKeyShapes, pemBodyLines, TEST_KEY_ID, testKey } from '../helpers/keys.js'

function modulusOf(raw: string): string | undefined {
  return createPublicKey(loadPrivateKey(raw).privateKey).export({ format: 'jwk' }).n
}

describe('loadPrivateKey: every accepted shape gives the same key', () => {
  const key = testKey()

  it.each(acceptedKeyShapes())('%s', (_name, raw) => {
    const loaded = loadPrivateKey(raw)
    expect(loaded.privateKey.asymmetricKeyType).toBe('rsa')
    expect(loaded.privateKey.asymmetricKeyDetails?.modulusLength).toBe(2048)
    expect(modulusOf(raw)).toBe(key.privateJwk.n)
  })

  it.each([
    ['surrounding whitespace', (pem: string) => `\n\n   ${pem}  \t\n`],
    ['single quotes', (pem: string) => `'${pem}'`],
    ['double quotes around real newlines', (pem: string) => `"${pem.trim()}"`],
    ['one line with spaces for newlines', (pem: string) => pem.trim().replace(/\n/g, ' ')],
    ['a certificate before the key', (pem: string) => `-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n${pem}`]
  ])('PEM with %s', (_name, mangle) => {
    expect(modulusOf(mangle(key.shapes.pkcs8))).toBe(key.privateJwk.n)
  })

  it('reads a JSON-encoded JWK string and base64 of a quoted escaped PEM', () => {
    expect(modulusOf(JSON.stringify(key.shapes.webcrypto))).toBe(key.privateJwk.n)
    expect(modulusOf(Buffer.from(key.shapes.quotedEscapedPem).toString('base64'))).toBe(key.privateJwk.n)
  })

  it('ignores unknown and hostile JSON members', () => {
    const hostile = `{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"x5c":["AAAA"],${key.shapes.webcrypto.slice(1)}`
    expect(modulusOf(hostile)).toBe(key.privateJwk.n)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('returns the JWK kid, trimmed, and no kid for shapes without one', () => {
    expect(loadPrivateKey(key.shapes.jwcrypto).keyId).toBe(TEST_KEY_ID)
    expect(loadPrivateKey(key.shapes.jwkWithKid).keyId).toBe(TEST_KEY_ID)
    expect(loadPrivateKey(JSON.stringify({ ...key.privateJwk, kid: `  ${TEST_KEY_ID} ` })).keyId).toBe(TEST_KEY_ID)
    expect(loadPrivateKey(JSON.stringify({ ...key.privateJwk, kid: '' }))).not.toHaveProperty('keyId')
    expect(loadPrivateKey(key.shapes.jwx)).not.toHaveProperty('keyId')
    expect(loadPrivateKey(key.shapes.pkcs8)).not.toHaveProperty('keyId')
  })
})

describe('loadPrivateKey: secrets to mask', () => {
  const key = testKey()
  const { d, p, q, dp, dq, qi } = key.privateParams

  it.each(acceptedKeyShapes())('%s: the input, the private members, no public values', (_name, raw) => {
    const { secrets } = loadPrivateKey(raw)
    expect(secrets).toContain(raw.trim())
    expect(secrets).toEqual(expect.arrayContaining([d, p, q, dp, dq, qi]))
    expect(secrets).not.toContain(key.privateJwk.n)
    expect(secrets).not.toContain(key.privateJwk.e)
    expect(secrets).not.toContain(TEST_KEY_ID)
    expect(new Set(secrets).size).toBe(secrets.length)
    expect(secrets.every((secret) => secret.length >= 16)).toBe(true)
  })

  it('PEM: the whole PEM and each body line', () => {
    const { secrets } = loadPrivateKey(`  ${key.shapes.pkcs1}  `)
    expect(secrets).toContain(key.shapes.pkcs1.trim())
    expect(secrets).toEqual(expect.arrayContaining(pemBodyLines(key.shapes.pkcs1)))
  })

  it('escaped and base64 PEM: every decoded form and the PEM body lines', () => {
    const escaped = loadPrivateKey(key.shapes.escapedPem).secrets
    expect(escaped).toContain(key.shapes.pkcs8.trim())
    expect(escaped).toEqual(expect.arrayContaining(pemBodyLines(key.shapes.pkcs8)))

    const wrapped = loadPrivateKey(key.shapes.base64PemWrapped).secrets
    expect(wrapped).toContain(key.shapes.base64PemWrapped.replace(/\s/g, ''))
    expect(wrapped).toEqual(expect.arrayContaining(key.shapes.base64PemWrapped.split('\n').filter((line) => line.length >= 16)))
    expect(wrapped).toContain(key.shapes.pkcs1.trim())
    expect(wrapped).toEqual(expect.arrayContaining(pemBodyLines(key.shapes.pkcs1)))
  })

  it('base64 JWK: the decoded JSON, but not its public lines', () => {
    const { secrets } = loadPrivateKey(key.shapes.base64Jwk)
    expect(secrets).toContain(key.shapes.jwx)
    expect(secrets.some((secret) => secret.includes('"n"') && !secret.includes('"d"'))).toBe(false)
  })
})
