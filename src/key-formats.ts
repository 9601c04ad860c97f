/**
 * Reading the `private-key` input's many shapes into a node KeyObject: a private JWK (or a
 * one-key JWK Set), PKCS#8 or PKCS#1 PEM, base64 (standard or url-safe) of either, DER,
 * surrounding quotes, PEM whose newlines arrived as literal `\n`. Everything is imported
 * through node:crypto (jose cannot import PKCS#1). node:crypto's and JSON.parse's own
 * error messages may quote the input, so they are never passed on: each failure maps to a
 * fixed text of ours.
 */
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto'

/** What every "unrecognised" message tells the user to give instead. */
export const ACCEPTED_SHAPES =
  'Give the private key as a private JWK (JSON with "kty": "RSA" and "d"), as PEM ' +
  '("-----BEGIN PRIVATE KEY-----" or "-----BEGIN RSA PRIVATE KEY-----"), or as base64 of either.'

export const PUBLIC_KEY_GIVEN =
  'this is the public key; give the private key instead (the JWK that has "d", or the PEM that begins ' +
  '"-----BEGIN PRIVATE KEY-----"). The public half is what you register in the LINE Developers Console; ' +
  'the private half goes in the secret.'

const CERTIFICATE_GIVEN =
  'this is a certificate, which holds only the public key; give the private key instead (the JWK that has "d", ' +
  'or the PEM that begins "-----BEGIN PRIVATE KEY-----").'

const ENCRYPTED_PEM =
  'this PEM key is encrypted with a passphrase; give the decrypted key instead, e.g. the output of ' +
  '"openssl pkey -in key.pem -out key-decrypted.pem".'

const OPENSSH_KEY =
  'this is an OpenSSH private key; give it as PEM instead (convert a copy with "ssh-keygen -p -m PKCS8 -f <file>"), ' +
  'or give the private JWK whose public half you registered with LINE.'

const PEM_DAMAGED =
  'the PEM body is not a valid private key (it may be cut off or altered). ' +
  'Copy the whole key again, from the BEGIN line to the END line.'

/** The message for a key of the wrong type, e.g. `an EC`. */
export function notRsaKey(what: string): string {
  return (
    `this is ${what} key; LINE needs an RSA 2048-bit key used with RS256. Create one ` +
    `(e.g. jwx jwk generate --type RSA --keysize 2048 --template '{"alg":"RS256","use":"sig"}'), ` +
    'register its public half in the LINE Developers Console and store the private half.'
  )
}

/** The strings to mask: each form of the input we saw, kept only when long enough to matter. */
export class SecretSet {
  private readonly values = new Set<string>()

  /** Shorter strings are not masked: masking "RSA" or "abc" would garble unrelated log lines. */
  static readonly MIN_LENGTH = 16

  add(value: string | undefined): void {
    const trimmed = value?.trim()
    if (trimmed && trimmed.length >= SecretSet.MIN_LENGTH) this.values.add(trimmed)
  }

  /**
   * Add a form of the input. Multi-line PEM or base64 is also added line by line (logs mask
   * line by line); JSON is not split, as its lines would include the public `"n": …`.
   */
  addForm(text: string): void {
    this.add(text)
    const trimmed = text.trim()
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) return
    for (const line of text.split(/\r?\n/)) {
      if (!line.trim().startsWith('-----')) this.add(line)
    }
  }

  toArray(): string[] {
    return [...this.values]
  }
}

export interface ReadContext {
  secrets: SecretSet
  /** Throws the InputError for the key input. */
  refuse(message: string): never
}

export interface ReadKey {
  privateKey: KeyObject
  /** The JWK's `kid`, when the input was a JWK that carries one. */
  kid?: string
}

/** Quotes and base64 may wrap each other; more layers than this are not a key. */
const MAX_WRAPPING_DEPTH = 3

/** Shorter base64 cannot hold even a public RSA-2048 key; such text is treated as unrecognized. */
const MIN_BASE64_KEY_LENGTH = 64

/** Read the trimmed, non-empty input text, peeling quotes and base64 as needed. */
export function readKeyText(text: string, ctx: ReadContext, depth = 0): ReadKey {
  const value = text.trim()
  if (!value) ctx.refuse(`holds nothing but quotes or whitespace. ${ACCEPTED_SHAPES}`)
  if (depth > MAX_WRAPPING_DEPTH) ctx.refuse(`is not a key this action recognizes. ${ACCEPTED_SHAPES}`)
  const unquoted = unquote(value)
  if (unquoted !== undefined) {
    ctx.secrets.addForm(unquoted)
    return readKeyText(unquoted, ctx, depth + 1)
  }
  if (value.startsWith('{') || value.startsWith('[')) return readJwkJson(value, ctx)
  if (value.includes('-----BEGIN')) return readPem(value, ctx)
  // Base64 may be wrapped over lines; a key in base64 is well over a thousand characters.
  const compact = value.replace(/[\r\n]+/g, '')
  if (compact.length >= MIN_BASE64_KEY_LENGTH && /^[A-Za-z0-9+/_-]+={0,2}$/.test(compact)) {
    ctx.secrets.addForm(value)
    ctx.secrets.add(compact)
    return readBase64(compact, ctx, depth)
  }
  ctx.refuse(`is not a key this action recognizes. ${ACCEPTED_SHAPES}`)
}

/** `"…"` (a JSON string literal when it parses as one, so `\n` and `\"` are decoded) or `'…'`. */
function unquote(value: string): string | undefined {
  const quote = value[0]
  if (value.length < 2 || (quote !== '"' && quote !== "'") || !value.endsWith(quote)) return undefined
  if (quote === '"') {
    try {
      return JSON.parse(value) as string
    } catch {
      // Not a valid JSON string (e.g. real line breaks inside): take what is between the quotes.
    }
  }
  return value.slice(1, -1)
}

function readBase64(compact: string, ctx: ReadContext, depth: number): ReadKey {
  // Buffer's base64 decoder reads the url-safe alphabet too, with or without padding.
  const bytes = Buffer.from(compact, 'base64')
  const decoded = bytes.toString('utf8')
  const trimmed = decoded.trim()
  if (trimmed.startsWith('{') || trimmed.startsWith('"') || trimmed.includes('-----BEGIN')) {
    ctx.secrets.addForm(decoded)
    return readKeyText(decoded, ctx, depth + 1)
  }
  return readDer(bytes, ctx)
}

/** Binary DER: what a PEM body without its BEGIN/END lines decodes to. */
function readDer(der: Buffer, ctx: ReadContext): ReadKey {
  const privateKey =
    tryKey(() => createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })) ??
    tryKey(() => createPrivateKey({ key: der, format: 'der', type: 'pkcs1' }))
  if (privateKey) return { privateKey }
  const publicKey =
    tryKey(() => createPublicKey({ key: der, format: 'der', type: 'spki' })) ??
    tryKey(() => createPublicKey({ key: der, format: 'der', type: 'pkcs1' }))
  if (publicKey) ctx.refuse(PUBLIC_KEY_GIVEN)
  ctx.refuse(`is base64 but decodes to neither a JWK nor a PEM or DER private key. ${ACCEPTED_SHAPES}`)
}

/** Run a node:crypto import; its error (which may quote the input) is dropped on purpose. */
function tryKey(importKey: () => KeyObject): KeyObject | undefined {
  try {
    return importKey()
  } catch {
    return undefined
  }
}

/** Import, or refuse with our message (never node's). */
function importOrRefuse(importKey: () => KeyObject, ctx: ReadContext, message: string): KeyObject {
  const key = tryKey(importKey)
  if (!key) ctx.refuse(message)
  return key
}

// ---- PEM -------------------------------------------------------------------------------

/** PEM labels that are not a usable private key, and what to tell the user. */
const UNUSABLE_PEM_LABELS = new Map<string, string>([
  ['ENCRYPTED PRIVATE KEY', ENCRYPTED_PEM],
  ['PUBLIC KEY', PUBLIC_KEY_GIVEN],
  ['RSA PUBLIC KEY', PUBLIC_KEY_GIVEN],
  ['CERTIFICATE', CERTIFICATE_GIVEN],
  ['EC PRIVATE KEY', notRsaKey('an EC (elliptic curve)')],
  ['DSA PRIVATE KEY', notRsaKey('a DSA')],
  ['OPENSSH PRIVATE KEY', OPENSSH_KEY]
])

/** Turn literal `\n` (two characters, as some secret stores and .env files give) and CRLF into newlines. */
function unescapeNewlines(text: string): string {
  return text.replace(/\\r\\n|\\n|\\r/g, '\n').replace(/\r\n?/g, '\n')
}

function readPem(text: string, ctx: ReadContext): ReadKey {
  const pem = unescapeNewlines(text)
  ctx.secrets.addForm(pem)
  // A private-key block wins wherever it is (a bundle may start with a certificate).
  const begin = /-----BEGIN ((?:RSA )?PRIVATE KEY)-----/.exec(pem) ?? /-----BEGIN ([A-Z0-9 ]{1,40})-----/.exec(pem)
  if (!begin) ctx.refuse(`has a "-----BEGIN" that is not a complete PEM BEGIN line. ${ACCEPTED_SHAPES}`)
  const label = begin[1]
  const unusable = UNUSABLE_PEM_LABELS.get(label)
  if (unusable) ctx.refuse(unusable)
  if (label !== 'PRIVATE KEY' && label !== 'RSA PRIVATE KEY') {
    ctx.refuse(`is a PEM block labelled "${label}", not a private key. ${ACCEPTED_SHAPES}`)
  }
  const endLine = `-----END ${label}-----`
  const bodyStart = begin.index + begin[0].length
  const end = pem.indexOf(endLine, bodyStart)
  if (end < 0) {
    ctx.refuse(`the PEM has no "${endLine}" line, so the value looks cut off. Copy the whole key, from the BEGIN line to the END line.`)
  }
  const body = pem.slice(bodyStart, end)
  ctx.secrets.add(pem.slice(begin.index, end + endLine.length))
  if (/Proc-Type:[^\n]*ENCRYPTED/.test(body)) ctx.refuse(ENCRYPTED_PEM)
  const compact = body.replace(/\s+/g, '')
  ctx.secrets.add(compact)
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) ctx.refuse(PEM_DAMAGED)
  const type = label === 'PRIVATE KEY' ? 'pkcs8' : 'pkcs1'
  const privateKey = importOrRefuse(() => createPrivateKey({ key: Buffer.from(compact, 'base64'), format: 'der', type }), ctx, PEM_DAMAGED)
  return { privateKey }
}

// ---- JWK -------------------------------------------------------------------------------

/** JWK members read as strings; anything else in the JSON is ignored. */
const JWK_STRING_MEMBERS = ['kty', 'alg', 'kid', 'n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'] as const
type JwkMember = (typeof JWK_STRING_MEMBERS)[number]
type CopiedJwk = Partial<Record<JwkMember, string>>

/** What node:crypto needs to import an RSA private JWK. */
const RSA_PRIVATE_MEMBERS = ['n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'] as const

/** The JWK members that are secret. */
export const JWK_PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi'] as const

function readJwkJson(text: string, ctx: ReadContext): ReadKey {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    ctx.refuse(`looks like JSON but is not valid JSON (check that the whole value was copied, with its quotes and braces). ${ACCEPTED_SHAPES}`)
  }
  const jwk = copyJwkMembers(singleJwk(parsed, ctx), ctx)
  for (const member of JWK_PRIVATE_MEMBERS) ctx.secrets.add(jwk[member])
  checkJwk(jwk, ctx)
  const members = Object.fromEntries(['kty', ...RSA_PRIVATE_MEMBERS].map((m) => [m, jwk[m as JwkMember]]))
  const privateKey = importOrRefuse(
    () => createPrivateKey({ key: members, format: 'jwk' }),
    ctx,
    "the JWK's RSA members do not form a valid key (a value may be cut off or altered). Export the private key again."
  )
  return { privateKey, kid: jwk.kid }
}

/** The one JWK object in the JSON: the value itself, or the only key of a JWK Set. */
function singleJwk(parsed: unknown, ctx: ReadContext): Record<string, unknown> {
  if (!isObject(parsed)) ctx.refuse(`is JSON but not a JWK object. ${ACCEPTED_SHAPES}`)
  if (!Object.hasOwn(parsed, 'keys')) return parsed
  const keys = parsed.keys
  if (!Array.isArray(keys)) ctx.refuse(`is JSON with a "keys" member that is not a list. ${ACCEPTED_SHAPES}`)
  if (keys.length !== 1) {
    ctx.refuse(`is a JWK Set with ${keys.length} keys; give the one private key, as a single JWK object.`)
  }
  const [only] = keys
  if (!isObject(only)) ctx.refuse(`is a JWK Set whose key is not a JWK object. ${ACCEPTED_SHAPES}`)
  return only
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Copy only the known members into a fresh object: `__proto__`, `constructor` and anything
 * else hostile JSON may carry never reach node:crypto or our code.
 */
function copyJwkMembers(source: Record<string, unknown>, ctx: ReadContext): CopiedJwk {
  const jwk: CopiedJwk = {}
  for (const member of JWK_STRING_MEMBERS) {
    if (!Object.hasOwn(source, member)) continue
    const value = source[member]
    if (typeof value !== 'string') ctx.refuse(`the JWK member "${member}" is not a string. Export the private key again.`)
    jwk[member] = value
  }
  return jwk
}

/** Public, harmless-to-show values (kty, alg) are echoed only when short and plain. */
function shown(value: string): string | undefined {
  return /^[A-Za-z0-9_-]{1,16}$/.test(value) ? value : undefined
}

function checkJwk(jwk: CopiedJwk, ctx: ReadContext): void {
  if (jwk.kty === undefined) ctx.refuse(`is JSON but not a JWK (it has no "kty" member). ${ACCEPTED_SHAPES}`)
  if (jwk.kty !== 'RSA') {
    const kty = shown(jwk.kty)
    ctx.refuse(notRsaKey(kty ? `a "kty": "${kty}"` : 'a non-RSA'))
  }
  if (jwk.d === undefined) ctx.refuse(PUBLIC_KEY_GIVEN)
  if (jwk.alg !== undefined && jwk.alg !== 'RS256') {
    const alg = shown(jwk.alg)
    ctx.refuse(
      `the JWK says "alg": ${alg ? `"${alg}"` : 'something other than "RS256"'}, but LINE needs RS256. ` +
        'Give the key you registered for RS256 (its JWK has "alg": "RS256" or no "alg").'
    )
  }
  const missing = RSA_PRIVATE_MEMBERS.filter((member) => !jwk[member])
  if (missing.length) {
    ctx.refuse(
      `the JWK lacks RSA members: ${missing.join(', ')} ` +
        '(a complete private JWK has n, e, d, p, q, dp, dq and qi). Export the whole private key again.'
    )
  }
  // node:crypto imports any string without complaint, so check the encoding ourselves.
  const malformed = RSA_PRIVATE_MEMBERS.filter((member) => !/^[A-Za-z0-9_-]+$/.test(jwk[member] as string))
  if (malformed.length) {
    ctx.refuse(
      `these JWK members are not base64url: ${malformed.join(', ')} ` +
        '(a value may be cut off or altered). Export the private key again.'
    )
  }
}
