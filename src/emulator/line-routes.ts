import { MESSAGES, oauthError, plainError, type Answer } from './answers.js'
import { checkAssertion } from './assertion-check.js'
import { MAX_V21_LIFETIME_SECONDS, STATELESS_LIFETIME_SECONDS, type EmulatorState } from './state.js'

/** One request to a LINE endpoint, already read. `form` is undefined when the body is not form-urlencoded. */
export interface LineRequest {
  method: string
  path: string
  query: URLSearchParams
  form: URLSearchParams | undefined
}

interface RouteContext {
  state: EmulatorState
  now: number
}

type Handler = (request: LineRequest, context: RouteContext) => Answer | Promise<Answer>

interface Route {
  method: 'GET' | 'POST'
  handle: Handler
}

/** The five endpoints of LINE-API.md. */
export const LINE_ROUTES: Readonly<Record<string, Route>> = {
  '/oauth2/v2.1/token': { method: 'POST', handle: withForm(issueV21) },
  '/oauth2/v2.1/tokens/kid': { method: 'GET', handle: listKeyIds },
  '/oauth2/v2.1/verify': { method: 'GET', handle: verify },
  '/oauth2/v2.1/revoke': { method: 'POST', handle: withForm(revoke) },
  '/oauth2/v3/token': { method: 'POST', handle: withForm(issueStateless) }
}

export function isLinePath(path: string): boolean {
  return Object.hasOwn(LINE_ROUTES, path)
}

export async function answerLineRequest(request: LineRequest, state: EmulatorState, now: number): Promise<Answer> {
  const route = isLinePath(request.path) ? LINE_ROUTES[request.path] : undefined
  if (!route) return plainError(404, 'Not found')
  if (request.method !== route.method) return plainError(405, 'Method not allowed')
  return route.handle(request, { state, now })
}

/** POST endpoints take application/x-www-form-urlencoded only; say so instead of failing obscurely. */
function withForm(handle: (form: URLSearchParams, context: RouteContext) => Answer | Promise<Answer>): Handler {
  return (request, context) =>
    request.form
      ? handle(request.form, context)
      : oauthError(400, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded')
}

function grantTypeError(form: URLSearchParams): Answer | undefined {
  const grantType = form.get('grant_type')
  if (!grantType) return oauthError(400, 'invalid_request', "'grant_type' is required")
  if (grantType !== 'client_credentials') return oauthError(400, 'unsupported_grant_type', 'Unsupported grant type')
  return undefined
}

async function issueV21(form: URLSearchParams, { state, now }: RouteContext): Promise<Answer> {
  const badGrant = grantTypeError(form)
  if (badGrant) return badGrant
  const checked = await checkAssertion(state, now, form)
  if (!checked.ok) return checked.answer
  const lifetime = checked.assertion.claims.token_exp
  if (!Number.isInteger(lifetime) || (lifetime as number) <= 0 || (lifetime as number) > MAX_V21_LIFETIME_SECONDS) {
    return oauthError(400, 'invalid_request', 'Invalid token_exp')
  }
  if (state.isFull(checked.assertion.channelId)) return plainError(400, MESSAGES.tokenCap)
  const token = state.issueV21(checked.assertion.channelId, lifetime as number)
  return {
    status: 200,
    json: { access_token: token.accessToken, expires_in: lifetime, token_type: 'Bearer', key_id: token.keyId }
  }
}

async function listKeyIds(request: LineRequest, { state, now }: RouteContext): Promise<Answer> {
  const checked = await checkAssertion(state, now, request.query)
  if (!checked.ok) return checked.answer
  return { status: 200, json: { kids: state.activeKeyIds(checked.assertion.channelId) } }
}

function verify(request: LineRequest, { state, now }: RouteContext): Answer {
  const accessToken = request.query.get('access_token')
  if (!accessToken) return oauthError(400, 'invalid_request', "'access_token' is required")
  const token = state.activeToken(accessToken)
  if (!token) {
    // A string that does not even look like a token is "malformed"; a well-formed unknown,
    // revoked or expired one is "expired", which is what LINE says for both.
    const looksLikeToken = /^[\w-]+\.[\w-]+\.[\w-]+$/.test(accessToken)
    return oauthError(400, 'invalid_request', looksLikeToken ? MESSAGES.tokenExpired : MESSAGES.tokenMalformed)
  }
  return {
    status: 200,
    json: { scope: 'profile chat_message.write', client_id: token.channelId, expires_in: Math.floor((token.expiresAt - now) / 1000) }
  }
}

function revoke(form: URLSearchParams, { state }: RouteContext): Answer {
  for (const name of ['client_id', 'client_secret', 'access_token']) {
    if (!form.get(name)) return oauthError(400, 'invalid_request', `'${name}' is required`)
  }
  const channel = state.channel(form.get('client_id') as string)
  if (!channel || channel.channelSecret !== form.get('client_secret')) {
    return oauthError(400, 'invalid_client', MESSAGES.badClientCredentials)
  }
  state.revoke(channel.channelId, form.get('access_token') as string)
  return { status: 200 }
}

async function issueStateless(form: URLSearchParams, { state, now }: RouteContext): Promise<Answer> {
  const badGrant = grantTypeError(form)
  if (badGrant) return badGrant
  let channelId: string
  if (form.has('client_assertion') || form.has('client_assertion_type')) {
    const checked = await checkAssertion(state, now, form)
    if (!checked.ok) return checked.answer
    channelId = checked.assertion.channelId
  } else {
    const channel = state.channel(form.get('client_id') ?? '')
    if (!channel || channel.channelSecret !== form.get('client_secret')) {
      return oauthError(400, 'invalid_client', MESSAGES.badClientCredentials)
    }
    channelId = channel.channelId
  }
  const token = state.issueStateless(channelId)
  return { status: 200, json: { token_type: 'Bearer', access_token: token.accessToken, expires_in: STATELESS_LIFETIME_SECONDS } }
}
