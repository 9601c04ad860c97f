/**
 * The assertion signing key: load it from the `private-key` input (see key-formats.ts for
 * the shapes), check it is what LINE needs (RSA, 2048 bits, working), and pick the key ID.
 */
import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto'
import { InputError } from './errors.js'
import { ACCEPTED_SHAPES, JWK_PRIVATE_MEMBERS, notRsaKey, readKeyText, SecretSet, type ReadContext } from './key-formats.js'

export interface SigningKey {
  /** The RSA-2048 private key, ready for jose (RS256). */
  privateKey: KeyObject
  /** The `kid` carried by a JWK input, if any. */
  keyId?: string
  /**
   * Every string derived from the input that must be masked in logs: the raw input as given,
   * its decoded forms (base64-decoded, `\n`-unescaped), the PEM body lines, and the JWK
   * private members (d, p, q, dp, dq, qi). Never includes public values (n, e, kid).
   */
  secrets: string[]
}

/** An RSA-2048 key is under 4 KB in any shape; far more means the secret holds something else. */
export const MAX_PRIVATE_KEY_INPUT_LENGTH = 64 * 1024

/** LINE's only accepted key size. */
export const REQUIRED_MODULUS_BITS = 2048

/** A key ID longer than this is not one LINE gave (LINE's are 36-character UUIDs). */
export const MAX_KEY_ID_LENGTH = 128

/**
 * Load the assertion signing key from the `private-key` input. Accepts: a private JWK (jwx,
 * JWCrypto, WebCrypto shapes, with or without `kid`; or a JWK Set holding one key), PKCS#8 or
 * PKCS#1 PEM, base64 (standard or url-safe) of any of these or of DER, PEM with literal `\n`
 * sequences or CRLF, surrounding whitespace or quotes. Refuses with InputError (input name
 * `inputName`, default "private-key"): empty value, a public key or certificate, a non-RSA
 * key, an RSA key that is not 2048 bits, an encrypted PEM, an unparseable value, a JWK whose
 * `alg` is present and not RS256, an input over 64 KiB. Messages say what to fix and never
 * contain key material.
 */
export function loadPrivateKey(raw: string, inputName = 'private-key'): SigningKey {
  const ctx: ReadContext = {
    secrets: new SecretSet(),
    refuse(message: string): never {
      throw new InputError(inputName, message)
    }
  }
  if (raw.length > MAX_PRIVATE_KEY_INPUT_LENGTH) {
    ctx.refuse(
      `is ${raw.length} characters long; an RSA-2048 private key is under 4,000 characters in any shape. ` +
        'Check that the secret holds only the private key.'
    )
  }
  const text = raw.trim()
  if (!text) {
    ctx.refuse(
      "is empty. Store the channel's assertion signing private key in a repository secret and pass it, " +
        `e.g. private-key: \${{ secrets.LINE_PRIVATE_KEY }}. ${ACCEPTED_SHAPES}`
    )
  }
  ctx.secrets.addForm(text)
  const { privateKey, kid } = readKeyText(text, ctx)
  requireRsa2048(privateKey, ctx)
  requireWorkingKey(privateKey, ctx)
  addPrivateMembers(privateKey, ctx.secrets)
  const keyId = kid?.trim()
  return { privateKey, ...(keyId ? { keyId } : {}), secrets: ctx.secrets.toArray() }
}

function requireRsa2048(key: KeyObject, ctx: ReadContext): void {
  const type = key.asymmetricKeyType
  if (type === 'rsa-pss') {
    ctx.refuse(notRsaKey('an RSA-PSS (restricted to PSS padding), not a plain RSA,'))
  }
  if (type !== 'rsa') ctx.refuse(notRsaKey(type === 'ec' ? 'an EC (elliptic curve)' : `a "${String(type)}"`))
  const bits = key.asymmetricKeyDetails?.modulusLength
  if (bits !== REQUIRED_MODULUS_BITS) {
    ctx.refuse(
      `this RSA key has ${bits} bits; LINE needs exactly ${REQUIRED_MODULUS_BITS}. Create a 2048-bit RSA key ` +
        `(e.g. jwx jwk generate --type RSA --keysize 2048 --template '{"alg":"RS256","use":"sig"}'), ` +
        'register its public half in the LINE Developers Console and store the private half.'
    )
  }
}

/**
 * Sign and verify a probe. node:crypto imports a JWK whose `n` or `e` belongs to another key
 * without complaint; LINE would then reject every assertion with an unhelpful message.
 */
function requireWorkingKey(key: KeyObject, ctx: ReadContext): void {
  const probe = Buffer.from('line-assertion-key-check')
  let works = false
  try {
    works = verify('sha256', probe, createPublicKey(key), sign('sha256', probe, key))
  } catch {
    // Treated as "does not work" below; node's message is not shown.
  }
  if (!works) {
    ctx.refuse(
      "the key's private and public parts do not belong together (a value may be altered, or taken from two keys). " +
        'Export the private key again.'
    )
  }
}

/** Mask the private members in their JWK form too, whatever shape the input had. */
function addPrivateMembers(key: KeyObject, secrets: SecretSet): void {
  const jwk = key.export({ format: 'jwk' })
  for (const member of JWK_PRIVATE_MEMBERS) secrets.add(jwk[member])
}

/**
 * Pick the key ID: the explicit `key-id` input wins (trimmed); else the JWK's `kid`; else
 * InputError on `key-id` saying where to find it (LINE Developers Console → channel → Basic
 * settings → Assertion Signing Key). A key ID must be 1–128 printable ASCII characters
 * without whitespace or quotes. Messages never echo the value (it might be a pasted secret).
 */
export function resolveKeyId(explicit: string | undefined, key: SigningKey, inputName = 'key-id'): string {
  const given = explicit?.trim()
  if (given) return validKeyId(given, inputName, 'The key ID')
  if (key.keyId !== undefined) return validKeyId(key.keyId, inputName, 'The "kid" in the private-key JWK')
  throw new InputError(
    inputName,
    'is required because the private key carries no "kid". Copy the key ID from the LINE Developers Console ' +
      '(your channel → Basic settings → Assertion Signing Key → kid) and pass it as key-id.'
  )
}

function validKeyId(id: string, inputName: string, what: string): string {
  const problem = keyIdProblem(id)
  if (problem) {
    throw new InputError(
      inputName,
      `${what} ${problem}. Give the kid exactly as the LINE Developers Console shows it ` +
        '(your channel → Basic settings → Assertion Signing Key), e.g. a UUID like 1a2b3c4d-….'
    )
  }
  return id
}

function keyIdProblem(id: string): string | undefined {
  if (id.length > MAX_KEY_ID_LENGTH) return `is ${id.length} characters long; a key ID has at most ${MAX_KEY_ID_LENGTH}`
  if (/[\r\n]/.test(id)) return 'contains a line break; give only the key ID, on one line'
  if (/\p{Cc}/u.test(id)) return 'contains a control character'
  if (/\s/.test(id)) return 'contains whitespace'
  if (/["'`]/.test(id)) return 'contains a quote character; give the key ID without quotes'
  if (/[^\x21-\x7e]/.test(id)) return 'contains a character that is not printable ASCII'
  return undefined
}
