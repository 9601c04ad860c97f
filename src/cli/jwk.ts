/** JWKs as the CLI writes them: the console's public shape, and the jwx-style private shape. */
import type { KeyObject } from 'node:crypto'

export interface ConsolePublicJwk {
  kty: 'RSA'
  alg: 'RS256'
  use: 'sig'
  n: string
  e: string
}

/** The public JWK exactly as the LINE Developers Console takes it: kty, alg, use, n, e, and no kid. */
export function consolePublicJwk(publicKey: KeyObject): ConsolePublicJwk {
  const { n, e } = publicKey.export({ format: 'jwk' })
  return { kty: 'RSA', alg: 'RS256', use: 'sig', n: n as string, e: e as string }
}

/** The jwx shape: alg RS256 and use sig alongside the RSA members; no kid (the console assigns it). */
export function privateJwkText(privateKey: KeyObject): string {
  const { kty, n, e, d, p, q, dp, dq, qi } = privateKey.export({ format: 'jwk' })
  return `${JSON.stringify({ kty, alg: 'RS256', use: 'sig', n, e, d, p, q, dp, dq, qi }, null, 2)}\n`
}

/** Quote a path for a copy-pasted shell line when it needs it. */
export function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`
}
