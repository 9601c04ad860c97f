/**
 * Test keys in every shape a user may give the `private-key` input, plus bad keys for the
 * refusal tests. Each key is generated once per test process, lazily (4096-bit generation
 * takes seconds, so only the tests that ask pay for it).
 */
import { createPublicKey, generateKeyPairSync, type JsonWebKey, type KeyObject } from 'node:crypto'

/** A UUID-shaped kid, as the LINE Developers Console gives. Carried by the shapes that hold a kid. */
export const TEST_KEY_ID = '0b3f8c9e-5d2a-4c71-9e6b-2f4a8d1c7e35'

export interface RsaPrivateJwk {
  kty: 'RSA'
  n: string
  e: string
  d: string
  p: string
  q: string
  dp: string
  dq: string
  qi: string
}

/** What a user registers in the LINE Developers Console: kty, alg, use, n, e; no kid. */
export interface ConsolePublicJwk {
  kty: 'RSA'
  alg: 'RS256'
  use: 'sig'
  n: string
  e: string
}

/** Every accepted `private-key` shape of one key, as the string a user would paste. */
export interface KeyShapes {
  /** jwx `jwk generate --template '{"alg":"RS256","use":"sig"}'`: sorted members, pretty-printed, no kid. */
  jwx: string
  /** Python JWCrypto `export_private()`: sorted members, no alg/use, with kid. */
  jwcrypto: string
  /** Browser WebCrypto `exportKey("jwk")`: key_ops ["sign"], ext true, alg RS256, no kid. */
  webcrypto: string
  /** LINE's node-jose sample: kid, use, alg, all on one line. */
  jwkWithKid: string
  /** A JWK Set holding the one private key (jwx shape). */
  jwkSet: string
  /** PKCS#8 PEM (`BEGIN PRIVATE KEY`). */
  pkcs8: string
  /** PKCS#1 PEM (`BEGIN RSA PRIVATE KEY`). */
  pkcs1: string
  /** PKCS#8 PEM with CRLF line ends. */
  crlfPem: string
  /** PKCS#8 PEM on one line, its newlines written as the two characters `\n`. */
  escapedPem: string
  /** PKCS#1 PEM on one line with literal `\r\n`. */
  escapedCrlfPem: string
  /** The escaped PEM inside double quotes, as a JSON string literal. */
  quotedEscapedPem: string
  /** standard base64 of the jwx JWK. */
  base64Jwk: string
  /** url-safe base64 of the WebCrypto JWK, no padding. */
  base64UrlJwk: string
  /** standard base64 of the PKCS#8 PEM, on one line. */
  base64Pem: string
  /** base64 of the PKCS#1 PEM wrapped at 76 characters (as `base64` prints it). */
  base64PemWrapped: string
  /** base64 of the DER bytes: a PKCS#8 PEM body without its BEGIN/END lines. */
  base64Der: string
}

export interface TestKey {
  privateKey: KeyObject
  publicKey: KeyObject
  privateJwk: RsaPrivateJwk
  publicJwkForConsole: ConsolePublicJwk
  /** The private JWK members. */
  privateParams: Pick<RsaPrivateJwk, 'd' | 'p' | 'q' | 'dp' | 'dq' | 'qi'>
  shapes: KeyShapes
  /**
   * Strings no message, log line or error may contain: d, p, q, dp, dq, qi and every
   * PKCS#8/PKCS#1 PEM body line.
   */
  secretFragments: string[]
}

const cache = new Map<string, unknown>()

/** Run `make` once per process per name. */
function cached<T>(name: string, make: () => T): T {
  if (!cache.has(name)) cache.set(name, make())
  return cache.get(name) as T
}

/** The main test key (RSA 2048), in every shape. */
export function testKey(): TestKey {
  return cached('testKey', () => buildTestKey(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey))
}

/** A second, unrelated RSA-2048 key: for "signed with the wrong key" and "not registered" cases. */
export function otherTestKey(): TestKey {
  return cached('otherTestKey', () => buildTestKey(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey))
}

/** Every accepted shape as [name, value] pairs, for `it.each`. */
export function acceptedKeyShapes(key: TestKey = testKey()): Array<[keyof KeyShapes, string]> {
  return Object.entries(key.shapes) as Array<[keyof KeyShapes, string]>
}

function buildTestKey(privateKey: KeyObject): TestKey {
  const publicKey = createPublicKey(privateKey)
  const privateJwk = toPrivateJwk(privateKey.export({ format: 'jwk' }))
  const { kty, n, e, d, p, q, dp, dq, qi } = privateJwk
  const pkcs8 = privateKey.export({ format: 'pem', type: 'pkcs8' }) as string
  const pkcs1 = privateKey.export({ format: 'pem', type: 'pkcs1' }) as string
  const der = privateKey.export({ format: 'der', type: 'pkcs8' })
  const jwx = JSON.stringify({ alg: 'RS256', d, dp, dq, e, kty, n, p, q, qi, use: 'sig' }, null, 2)
  const webcrypto = JSON.stringify({ alg: 'RS256', d, dp, dq, e, ext: true, key_ops: ['sign'], kty, n, p, q, qi })
  const escapedPem = pkcs8.trim().replace(/\n/g, '\\n')
  const shapes: KeyShapes = {
    jwx,
    jwcrypto: JSON.stringify({ d, dp, dq, e, kid: TEST_KEY_ID, kty, n, p, q, qi }),
    webcrypto,
    jwkWithKid: JSON.stringify({ kty, kid: TEST_KEY_ID, use: 'sig', alg: 'RS256', e, n, d, p, q, dp, dq, qi }),
    jwkSet: JSON.stringify({ keys: [JSON.parse(jwx)] }),
    pkcs8,
    pkcs1,
    crlfPem: pkcs8.replace(/\n/g, '\r\n'),
    escapedPem,
    escapedCrlfPem: pkcs1.trim().replace(/\n/g, '\\r\\n'),
    quotedEscapedPem: `"${escapedPem}"`,
    base64Jwk: Buffer.from(jwx).toString('base64'),
    base64UrlJwk: Buffer.from(webcrypto).toString('base64url'),
    base64Pem: Buffer.from(pkcs8).toString('base64'),
    base64PemWrapped: wrap(Buffer.from(pkcs1).toString('base64'), 76),
    base64Der: der.toString('base64')
  }
  return {
    privateKey,
    publicKey,
    privateJwk,
    publicJwkForConsole: { kty: 'RSA', alg: 'RS256', use: 'sig', n, e },
    privateParams: { d, p, q, dp, dq, qi },
    shapes,
    secretFragments: [d, p, q, dp, dq, qi, ...pemBodyLines(pkcs8), ...pemBodyLines(pkcs1)]
  }
}

function toPrivateJwk(jwk: JsonWebKey): RsaPrivateJwk {
  const member = (name: keyof JsonWebKey): string => {
    const value = jwk[name]
    if (typeof value !== 'string') throw new Error(`exported JWK lacks ${name}`)
    return value
  }
  return { kty: 'RSA', n: member('n'), e: member('e'), d: member('d'), p: member('p'), q: member('q'), dp: member('dp'), dq: member('dq'), qi: member('qi') }
}

/** The base64 lines between a PEM's BEGIN and END lines. */
export function pemBodyLines(pem: string): string[] {
  return pem.split(/\r?\n/).filter((line) => line && !line.startsWith('-----'))
}

function wrap(text: string, width: number): string {
  return text.match(new RegExp(`.{1,${width}}`, 'g'))!.join('\n')
}

// ---- Bad keys (each generated on first use) ---------------------------------------------

/** PKCS#8 PEM of an RSA key of the given size (1024 and 4096 are cached; 4096 is slow). */
export function rsaPemOfSize(bits: number): string {
  return cached(`rsa${bits}`, () =>
    generateKeyPairSync('rsa', { modulusLength: bits }).privateKey.export({ format: 'pem', type: 'pkcs8' }) as string
  )
}

export const rsa1024Pem = (): string => rsaPemOfSize(1024)
export const rsa4096Pem = (): string => rsaPemOfSize(4096)

function ecKey(): KeyObject {
  return cached('ec', () => generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey)
}

/** A private EC P-256 JWK (kty EC, with d). */
export const ecP256Jwk = (): string => JSON.stringify({ ...ecKey().export({ format: 'jwk' }), alg: 'ES256', use: 'sig' })
/** SEC 1 PEM (`BEGIN EC PRIVATE KEY`). */
export const ecP256Sec1Pem = (): string => ecKey().export({ format: 'pem', type: 'sec1' }) as string
/** PKCS#8 PEM of the EC key (`BEGIN PRIVATE KEY`: only the contents show it is not RSA). */
export const ecP256Pkcs8Pem = (): string => ecKey().export({ format: 'pem', type: 'pkcs8' }) as string

/** A private Ed25519 JWK (kty OKP). */
export const ed25519Jwk = (): string =>
  JSON.stringify(cached('ed25519', () => generateKeyPairSync('ed25519').privateKey).export({ format: 'jwk' }))

/** An RSA-PSS 2048-bit PKCS#8 PEM. */
export const rsaPssPem = (): string =>
  cached('rsaPss', () =>
    generateKeyPairSync('rsa-pss', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs8' }) as string
  )

/** The main test key's public half as SPKI PEM (`BEGIN PUBLIC KEY`). */
export const publicSpkiPem = (): string => testKey().publicKey.export({ format: 'pem', type: 'spki' }) as string
/** The main test key's public half as PKCS#1 PEM (`BEGIN RSA PUBLIC KEY`). */
export const publicPkcs1Pem = (): string => testKey().publicKey.export({ format: 'pem', type: 'pkcs1' }) as string
/** The main test key's public JWK as registered in the console (no d). */
export const publicJwk = (): string => JSON.stringify(testKey().publicJwkForConsole)
/**
 * A block labelled CERTIFICATE. node:crypto cannot create certificates, so its body is the
 * public key's DER: enough for a label-based refusal, not a real certificate.
 */
export const certificateLikePem = (): string =>
  `-----BEGIN CERTIFICATE-----\n${wrap(testKey().publicKey.export({ format: 'der', type: 'spki' }).toString('base64'), 64)}\n-----END CERTIFICATE-----\n`

/** The main test key as passphrase-encrypted PKCS#8 (`BEGIN ENCRYPTED PRIVATE KEY`). */
export const encryptedPkcs8Pem = (): string =>
  testKey().privateKey.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'test-passphrase' }) as string
/** The main test key as legacy encrypted PKCS#1 (`BEGIN RSA PRIVATE KEY` with `Proc-Type: 4,ENCRYPTED`). */
export const encryptedPkcs1Pem = (): string =>
  testKey().privateKey.export({ format: 'pem', type: 'pkcs1', cipher: 'aes-256-cbc', passphrase: 'test-passphrase' }) as string
