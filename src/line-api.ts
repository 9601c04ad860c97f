// CONTRACT STUB — implemented by the HTTP/LINE client helper.
import type { LineHttp } from './http.js'

export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'

export interface IssuedV21Token {
  accessToken: string
  expiresIn: number
  tokenType: string
  keyId: string
  requestId?: string
}

export interface IssuedStatelessToken {
  accessToken: string
  expiresIn: number
  tokenType: string
  requestId?: string
}

export interface VerifiedToken {
  clientId: string
  expiresIn: number
  scope?: string
}

/**
 * Typed calls to LINE's channel access token endpoints. Each validates the 2xx body
 * (missing `access_token`, `key_id`, a non-numeric `expires_in`, a `kids` that is not an
 * array of strings → LineApiError kind 'invalid-response', whose message never echoes the
 * body) and attaches guidance (`hint`) to the documented errors:
 * - 404 "Cannot find channel key…": the key ID is not registered for this channel (check
 *   `key-id` and `channel-id`, and that the public key was registered in the console).
 * - 400 "The maximum number of access tokens has already been issued": the channel holds 30
 *   active v2.1 tokens; revoke them (`revoke: true`, the revoke-all workflow) or use
 *   `token-type: stateless`.
 * - invalid_client: signature (the private key does not match the registered public key),
 *   iss/clientId mismatch (`channel-id`), Invalid exp (clock).
 * - revoke 400 invalid_client / Invalid 'client_credentials': wrong `channel-secret`.
 */
export interface LineApi {
  issueV21Token(assertion: string): Promise<IssuedV21Token>
  issueStatelessToken(assertion: string): Promise<IssuedStatelessToken>
  listValidKeyIds(assertion: string): Promise<string[]>
  verifyToken(accessToken: string): Promise<VerifiedToken>
  /** LINE answers 200 even for unknown tokens: confirm with listValidKeyIds. */
  revokeToken(params: { channelId: string; channelSecret: string; accessToken: string }): Promise<void>
}

export function createLineApi(http: LineHttp): LineApi {
  void http
  throw new Error('not implemented')
}
