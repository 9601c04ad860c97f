/** The public JWK exactly as the LINE Developers Console takes it: kty, alg, use, n, e, and no kid. */
import type { KeyObject } from 'node:crypto'

export interface ConsolePublicJwk {
  kty: 'RSA'
  alg: 'RS256'
  use: 'sig'
  n: string
  e: string
}

export function consolePublicJwk(publicKey: KeyObject): ConsolePublicJwk {
  const { n, e } = publicKey.export({ format: 'jwk' })
  return { kty: 'RSA', alg: 'RS256', use: 'sig', n: n as string, e: e as string }
}

/** Quote a path for a copy-pasted shell line when it needs it. */
export function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`
}
