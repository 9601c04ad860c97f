/**
 * Typed calls to LINE's channel access token endpoints. Every 2xx body is checked strictly;
 * a check that fails never quotes the body (it may hold a token).
 */
import { LineApiError } from './errors.js'
import type { LineHttp, LineRequest, LineResponse } from './http.js'
import { describeNonJsonBody, isRecord } from './http-response.js'
import { hintFor, OPERATION_NAMES, type LineOperation } from './line-errors.js'

export { hintFor, LINE_HINTS, OPERATION_NAMES, type LineOperation } from './line-errors.js'

export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'

export const LINE_PATHS = {
  issueV21Token: '/oauth2/v2.1/token',
  issueStatelessToken: '/oauth2/v3/token',
  listValidKeyIds: '/oauth2/v2.1/tokens/kid',
  verifyToken: '/oauth2/v2.1/verify',
  revokeToken: '/oauth2/v2.1/revoke'
} as const satisfies Record<LineOperation, string>

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
 *   iss/clientId mismatch (`channel-id`), Invalid exp (clock; the session adds that hint).
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
  return {
    issueV21Token: (assertion) =>
      run(http, 'issueV21Token', { method: 'POST', form: assertionForm(assertion), idempotent: false }, (body) => ({
        accessToken: body.string('access_token'),
        expiresIn: body.seconds('expires_in'),
        tokenType: body.string('token_type'),
        keyId: body.string('key_id'),
        requestId: body.requestId
      })),
    issueStatelessToken: (assertion) =>
      run(http, 'issueStatelessToken', { method: 'POST', form: assertionForm(assertion) }, (body) => ({
        accessToken: body.string('access_token'),
        expiresIn: body.seconds('expires_in'),
        tokenType: body.string('token_type'),
        requestId: body.requestId
      })),
    listValidKeyIds: (assertion) =>
      run(
        http,
        'listValidKeyIds',
        { method: 'GET', query: { client_assertion_type: CLIENT_ASSERTION_TYPE, client_assertion: assertion } },
        (body) => body.strings('kids')
      ),
    verifyToken: (accessToken) =>
      run(http, 'verifyToken', { method: 'GET', query: { access_token: accessToken } }, (body) => ({
        clientId: body.id('client_id'),
        expiresIn: body.seconds('expires_in'),
        scope: body.optionalString('scope')
      })),
    revokeToken: ({ channelId, channelSecret, accessToken }) =>
      run(
        http,
        'revokeToken',
        { method: 'POST', form: { client_id: channelId, client_secret: channelSecret, access_token: accessToken } },
        () => undefined,
        { emptyBodyAllowed: true }
      )
  }
}

function assertionForm(assertion: string): Record<string, string> {
  return { grant_type: 'client_credentials', client_assertion_type: CLIENT_ASSERTION_TYPE, client_assertion: assertion }
}

type CallShape = Omit<LineRequest, 'path' | 'operation'>

/** Sends one call, reads its body with `read`, and attaches guidance to any failure. */
async function run<T>(
  http: LineHttp,
  operation: LineOperation,
  shape: CallShape,
  read: (body: BodyReader) => T,
  options: { emptyBodyAllowed?: boolean } = {}
): Promise<T> {
  const name = OPERATION_NAMES[operation]
  try {
    const response = await http({ ...shape, path: LINE_PATHS[operation], operation: name })
    return read(new BodyReader(name, response, options.emptyBodyAllowed ?? false))
  } catch (error) {
    if (!(error instanceof LineApiError)) throw error
    const hint = hintFor(operation, error)
    throw hint ? error.withHint(hint) : error
  }
}

/** Strict accessors for a 2xx JSON body; each failure names the field, never its value. */
class BodyReader {
  private readonly fields: Record<string, unknown>

  constructor(
    private readonly operation: string,
    private readonly response: LineResponse,
    emptyBodyAllowed: boolean
  ) {
    if (emptyBodyAllowed && response.body.trim() === '') {
      this.fields = {}
    } else if (isRecord(response.json)) {
      this.fields = response.json
    } else {
      const what = response.json === undefined ? describeNonJsonBody(response.body, response.headers['content-type']) : 'The answer was JSON but not an object'
      throw this.invalid(`${what}; is api-base-url pointing at LINE's API?`)
    }
  }

  get requestId(): string | undefined {
    return this.response.requestId
  }

  string(name: string): string {
    const value = this.fields[name]
    if (typeof value !== 'string' || value === '') throw this.missing(name, 'a non-empty string')
    return value
  }

  optionalString(name: string): string | undefined {
    const value = this.fields[name]
    if (value === undefined || value === null) return undefined
    if (typeof value !== 'string') throw this.missing(name, 'a string')
    return value
  }

  /** A channel ID: LINE sends a string of digits; a bare number is accepted too. */
  id(name: string): string {
    const value = this.fields[name]
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value)
    return this.string(name)
  }

  seconds(name: string): number {
    const value = this.fields[name]
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw this.missing(name, 'a number of seconds')
    return value
  }

  strings(name: string): string[] {
    const value = this.fields[name]
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) throw this.missing(name, 'a list of strings')
    return value as string[]
  }

  private missing(name: string, expected: string): LineApiError {
    return this.invalid(`The answer's \`${name}\` is missing or not ${expected}; is api-base-url pointing at LINE's API?`)
  }

  private invalid(hint: string): LineApiError {
    return new LineApiError({
      kind: 'invalid-response',
      operation: this.operation,
      status: this.response.status,
      requestId: this.response.requestId,
      attempts: this.response.attempts,
      hint
    })
  }
}
