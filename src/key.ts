// CONTRACT STUB — implemented by the key/assertion helper.
import type { KeyObject } from 'node:crypto'

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

/**
 * Load the assertion signing key from the `private-key` input. Accepts: a private JWK (jwx,
 * JWCrypto, WebCrypto shapes, with or without `kid`), PKCS#8 or PKCS#1 PEM, base64 of any of
 * these, PEM with literal `\n` sequences, surrounding whitespace. Refuses with InputError
 * (input name `inputName`, default "private-key"): empty value, a public key, a non-RSA
 * key, an RSA key that is not 2048 bits, an unparseable value, a JWK whose `alg` is present
 * and not RS256. Messages say what to fix and never contain key material.
 */
export function loadPrivateKey(raw: string, inputName = 'private-key'): SigningKey {
  void raw
  void inputName
  throw new Error('not implemented')
}

/**
 * Pick the key ID: the explicit `key-id` input wins (trimmed); else the JWK's `kid`; else
 * InputError on `key-id` saying where to find it (LINE Developers Console → channel → Basic
 * settings → Assertion Signing Key).
 */
export function resolveKeyId(explicit: string | undefined, key: SigningKey, inputName = 'key-id'): string {
  void explicit
  void key
  void inputName
  throw new Error('not implemented')
}
