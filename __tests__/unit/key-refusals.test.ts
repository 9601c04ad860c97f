import { describe, expect, it } from '@jest/globals'
import { generateKeyPairSync } from 'node:crypto'
import { InputError } from '../../src/errors.js'
import { loadPrivateKey } from '../../src/key.js'
import {
  certificateLikePem,
  ecP256Jwk,
  ecP256Pkcs8Pem,
  ecP256Sec1Pem,
  ed25519Jwk,
  encryptedPkcs1Pem,
  encryptedPkcs8Pem,
  otherTestKey,
  publicJwk,
  publicPkcs1Pem,
  publicSpkiPem,
  rsa1024Pem,
  rsa4096Pem,
  rsaPssPem,
  testKey
} from '../helpers/keys.js'

const key = testKey()
const jwk = key.privateJwk
const pkcs8Lines = key.shapes.pkcs8.trim().split('\n')

/** The refusal for `raw`, checked to be an InputError on private-key. */
function refusalOf(raw: string, inputName?: string): InputError {
  try {
    loadPrivateKey(raw, inputName)
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return error as InputError
  }
  throw new Error('the key was accepted')
}

/** Long base64-ish runs in the input: no 12-character piece of them may appear in a message. */
function keyMaterialPieces(raw: string): string[] {
  const runs = raw.match(/[A-Za-z0-9+/_=-]{20,}/g) ?? []
  return runs.flatMap((run) => Array.from({ length: Math.floor((run.length - 12) / 6) + 1 }, (_, i) => run.slice(i * 6, i * 6 + 12)))
}

function expectNoKeyMaterial(message: string, raw: string): void {
  for (const fragment of [...key.secretFragments, ...keyMaterialPieces(raw)]) {
    expect(message).not.toContain(fragment)
  }
  // node:crypto's and JSON.parse's own texts (which may quote input) never come through.
  expect(message).not.toMatch(/error:|routines|ERR_|Unexpected (token|end)/)
}

const jwkWith = (changes: Record<string, unknown>): string => JSON.stringify({ ...jwk, ...changes })
const jwkWithout = (...members: string[]): string =>
  JSON.stringify(Object.fromEntries(Object.entries(jwk).filter(([member]) => !members.includes(member))))
const ed25519Pkcs8Pem = (): string =>
  generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }) as string
const publicDer = (type: 'spki' | 'pkcs1'): string => key.publicKey.export({ format: 'der', type }).toString('base64')

const PUBLIC = /this is the public key; give the private key instead/
const NOT_RSA = /LINE needs an RSA 2048-bit key used with RS256/
const UNRECOGNIZED = /Give the private key as a private JWK .*, as PEM .*, or as base64 of either\./
const ENCRYPTED = /encrypted with a passphrase; give the decrypted key/
const DAMAGED_PEM = /the PEM body is not a valid private key .*Copy the whole key again/

const cases: Array<[string, () => string, RegExp]> = [
  ['empty', () => '', /is empty\. Store the channel's assertion signing private key in a repository secret/],
  ['whitespace only', () => ' \n\t ', /is empty/],
  ['empty quotes', () => '""', /holds nothing but quotes or whitespace/],
  ['absurdly long', () => `${key.shapes.pkcs8}${'A'.repeat(70_000)}`, /is \d+ characters long; an RSA-2048 private key is under 4,000 characters/],
  ['public SPKI PEM', publicSpkiPem, PUBLIC],
  ['public PKCS#1 PEM', publicPkcs1Pem, PUBLIC],
  ['public JWK', publicJwk, PUBLIC],
  ['public SPKI DER in base64', () => publicDer('spki'), PUBLIC],
  ['public PKCS#1 DER in base64', () => publicDer('pkcs1'), PUBLIC],
  ['certificate', certificateLikePem, /this is a certificate, which holds only the public key; give the private key/],
  ['EC JWK', ecP256Jwk, /this is a "kty": "EC" key; LINE needs an RSA 2048-bit key/],
  ['Ed25519 JWK', ed25519Jwk, /"kty": "OKP"/],
  ['oct JWK', () => JSON.stringify({ kty: 'oct', k: jwk.d }), /"kty": "oct"/],
  ['odd kty', () => JSON.stringify({ kty: `<${jwk.d}>`, d: jwk.d }), /this is a non-RSA key/],
  ['EC SEC1 PEM', ecP256Sec1Pem, /this is an EC \(elliptic curve\) key/],
  ['EC PKCS#8 PEM', ecP256Pkcs8Pem, /this is an EC \(elliptic curve\) key/],
  ['Ed25519 PKCS#8 PEM', ed25519Pkcs8Pem, /this is a "ed25519" key/],
  ['DSA PEM label', () => '-----BEGIN DSA PRIVATE KEY-----\nAAAA\n-----END DSA PRIVATE KEY-----', /this is a DSA key/],
  ['RSA-PSS PEM', rsaPssPem, /RSA-PSS/],
  ['RSA 1024 PEM', rsa1024Pem, /this RSA key has 1024 bits; LINE needs exactly 2048\. Create a 2048-bit RSA key/],
  ['RSA 4096 PEM', rsa4096Pem, /has 4096 bits/],
  ['JWK with a cut-off n', () => jwkWith({ n: 'AAAA' }), /has 0 bits/],
  ['JWK alg RS512', () => jwkWith({ alg: 'RS512' }), /the JWK says "alg": "RS512", but LINE needs RS256/],
  ['JWK odd alg', () => jwkWith({ alg: 'RS256 please' }), /"alg": something other than "RS256"/],
  ['encrypted PKCS#8', encryptedPkcs8Pem, ENCRYPTED],
  ['encrypted PKCS#1', encryptedPkcs1Pem, ENCRYPTED],
  ['OpenSSH key', () => '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----', /OpenSSH private key; give it as PEM/],
  ['unknown PEM label', () => '-----BEGIN FOO BAR-----\nAAAA\n-----END FOO BAR-----', /is a PEM block labelled "FOO BAR", not a private key/],
  ['broken BEGIN line', () => `-----BEGIN private key\n${pkcs8Lines[1]}`, /not a complete PEM BEGIN line/],
  ['PEM cut off', () => key.shapes.pkcs8.slice(0, 900), /the PEM has no "-----END PRIVATE KEY-----" line, so the value looks cut off/],
  ['escaped PEM cut off', () => key.shapes.escapedPem.slice(0, 900), /looks cut off/],
  ['PEM with lines missing', () => [...pkcs8Lines.slice(0, 5), ...pkcs8Lines.slice(-3)].join('\n'), DAMAGED_PEM],
  ['PEM with a non-base64 body', () => [pkcs8Lines[0], `${pkcs8Lines[1].slice(0, 30)}!*`, pkcs8Lines.at(-1)].join('\n'), DAMAGED_PEM],
  ['PKCS#8 label on a PKCS#1 body', () => key.shapes.pkcs1.replace(/RSA PRIVATE KEY/g, 'PRIVATE KEY'), DAMAGED_PEM],
  ['broken JSON', () => key.shapes.jwx.slice(0, 300), /looks like JSON but is not valid JSON/],
  ['JSON array', () => `[${key.shapes.jwx}]`, /is JSON but not a JWK object/],
  ['keys not a list', () => JSON.stringify({ keys: jwk }), /"keys" member that is not a list/],
  ['empty JWK Set', () => '{"keys":[]}', /is a JWK Set with 0 keys; give the one private key/],
  ['JWK Set of two', () => JSON.stringify({ keys: [jwk, otherTestKey().privateJwk] }), /JWK Set with 2 keys/],
  ['JWK Set of a string', () => JSON.stringify({ keys: [jwk.d] }), /JWK Set whose key is not a JWK object/],
  ['JSON without kty', () => JSON.stringify({ d: jwk.d, n: jwk.n }), /is JSON but not a JWK \(it has no "kty" member\)/],
  ['non-string member', () => jwkWith({ d: 12345 }), /the JWK member "d" is not a string/],
  ['object member', () => jwkWith({ kid: { toString: 'x' } }), /the JWK member "kid" is not a string/],
  ['missing CRT members', () => jwkWithout('p', 'q'), /the JWK lacks RSA members: p, q \(a complete private JWK has n, e, d, p, q, dp, dq and qi\)/],
  ['empty qi', () => jwkWith({ qi: '' }), /lacks RSA members: qi /],
  ['non-base64url members', () => jwkWith({ n: `${jwk.n}!`, qi: `${jwk.qi}=` }), /these JWK members are not base64url: n, qi/],
  ['n from another key', () => jwkWith({ n: otherTestKey().privateJwk.n }), /private and public parts do not belong together/],
  ['plain words', () => 'my private key', /is not a key this action recognizes/],
  ['binary junk', () => '\u0000\u0001\u0002', /is not a key this action recognizes/],
  ['base64 junk', () => Buffer.from('this is not a key, just text that is long enough to look like one').toString('base64'), /is base64 but decodes to neither a JWK nor a PEM or DER private key/],
  ['quotes nested too deep', () => `"'"'"${key.shapes.pkcs8}"'"'"`, /is not a key this action recognizes/]
]

describe('loadPrivateKey refuses bad keys with an actionable message and no key material', () => {
  it.each(cases)('%s', (_name, makeRaw, expected) => {
    const raw = makeRaw()
    const error = refusalOf(raw)
    expect(error.input).toBe('private-key')
    expect(error.message).toMatch(/^Input "private-key": /)
    expect(error.message).toMatch(expected)
    expectNoKeyMaterial(error.message, raw)
  })

  it('every unrecognized shape lists what is accepted', () => {
    for (const raw of ['my private key', '{"a":', Buffer.from('junk '.repeat(20)).toString('base64'), 'abc']) {
      expect(refusalOf(raw).message).toMatch(UNRECOGNIZED)
    }
  })

  it('non-RSA refusals explain how to create the right key', () => {
    expect(refusalOf(ecP256Jwk()).message).toMatch(NOT_RSA)
    expect(refusalOf(ecP256Jwk()).message).toContain('jwx jwk generate --type RSA --keysize 2048')
  })

  it('names the input it was given', () => {
    expect(refusalOf('', 'LINE_PRIVATE_KEY').message).toMatch(/^Input "LINE_PRIVATE_KEY": is empty/)
  })
})
