import { afterEach, describe, expect, it } from '@jest/globals'
import { LineApiError } from '../../src/errors.js'
import { createLineHttp } from '../../src/http.js'
import { CLIENT_ASSERTION_TYPE, createLineApi, LINE_HINTS } from '../../src/line-api.js'
import { fakeTiming, rejectionOf, startServer, type ScriptedResponse, type TestServer } from '../helpers/http-server.js'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function apiFor(script: ScriptedResponse[], timeoutMs = 5000) {
  server = await startServer(script)
  const timing = fakeTiming()
  return createLineApi(createLineHttp({ baseUrl: server.url, sleep: timing.sleep, clock: timing.clock, random: () => 0, policy: { timeoutMs } }))
}

const issued = { access_token: 'TOKEN-SECRET', expires_in: 3600, token_type: 'Bearer', key_id: 'kid-1' }

describe('issueV21Token', () => {
  it('POSTs the assertion to /oauth2/v2.1/token and returns the typed token', async () => {
    const api = await apiFor([{ status: 200, body: issued, headers: { 'x-line-request-id': 'rq' } }])
    await expect(api.issueV21Token('ASSERTION')).resolves.toEqual({ accessToken: 'TOKEN-SECRET', expiresIn: 3600, tokenType: 'Bearer', keyId: 'kid-1', requestId: 'rq' })
    const [request] = server!.requests
    expect(request.method).toBe('POST')
    expect(request.url).toBe('/oauth2/v2.1/token')
    expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual({
      grant_type: 'client_credentials',
      client_assertion_type: CLIENT_ASSERTION_TYPE,
      client_assertion: 'ASSERTION'
    })
  })

  it.each([
    ['access_token missing', { ...issued, access_token: undefined }, 'access_token'],
    ['access_token empty', { ...issued, access_token: '' }, 'access_token'],
    ['key_id missing', { ...issued, key_id: undefined }, 'key_id'],
    ['expires_in a string', { ...issued, expires_in: '3600' }, 'expires_in'],
    ['expires_in negative', { ...issued, expires_in: -1 }, 'expires_in'],
    ['token_type a number', { ...issued, token_type: 1 }, 'token_type']
  ])('refuses a 200 with %s, without echoing the body', async (_name, body, field) => {
    const api = await apiFor([{ status: 200, body }])
    const error = (await rejectionOf(api.issueV21Token('ASSERTION'))) as LineApiError
    expect(error).toBeInstanceOf(LineApiError)
    expect(error).toMatchObject({ kind: 'invalid-response', status: 200, operation: 'issue a v2.1 token', attempts: 1 })
    expect(error.hint).toContain(`\`${field}\``)
    expect(error.hint).toContain(LINE_HINTS.maybeIssued)
    expect(error.message).not.toContain('TOKEN-SECRET')
  })

  it('refuses a 200 that is an HTML page or a JSON array', async () => {
    const api = await apiFor([{ status: 200, body: '<html>TOKEN-SECRET</html>' }, { status: 200, body: [issued] }])
    const html = (await rejectionOf(api.issueV21Token('A'))) as LineApiError
    expect(html.hint).toMatch(/^The answer was an HTML page, not JSON from LINE; is api-base-url pointing at LINE's API\?/)
    expect(html.message).not.toContain('TOKEN-SECRET')
    const array = (await rejectionOf(api.issueV21Token('A'))) as LineApiError
    expect(array.hint).toMatch(/^The answer was JSON but not an object/)
  })

  it('explains the 30-token cap', async () => {
    const api = await apiFor([{ status: 400, body: { message: 'The maximum number of access tokens has already been issued' } }])
    const error = (await rejectionOf(api.issueV21Token('A'))) as LineApiError
    expect(error.hint).toBe(LINE_HINTS.tokenCap)
    expect(error.message).toBe(
      `LINE API: issue a v2.1 token failed: HTTP 400: The maximum number of access tokens has already been issued. ${LINE_HINTS.tokenCap}`
    )
  })

  it('explains an unknown key ID', async () => {
    const api = await apiFor([{ status: 404, body: { message: 'Cannot find channel key that satisfies the conditions' } }])
    expect(((await rejectionOf(api.issueV21Token('A'))) as LineApiError).hint).toBe(LINE_HINTS.unknownKeyId)
  })

  it('leaves "Invalid exp" to the session (it corrects the clock and owns that hint)', async () => {
    const api = await apiFor([{ status: 400, body: { error: 'invalid_client', error_description: 'Invalid exp' } }])
    expect(((await rejectionOf(api.issueV21Token('A'))) as LineApiError).hint).toBeUndefined()
  })

  it('does not retry a timeout, and says a token may exist all the same', async () => {
    const api = await apiFor([{ hang: true }, { status: 200, body: issued }], 150)
    const error = (await rejectionOf(api.issueV21Token('A'))) as LineApiError
    expect(error).toMatchObject({ kind: 'timeout', attempts: 1 })
    expect(error.hint).toMatch(/^No answer within 0\.2 s: .* LINE may have issued a token all the same/)
    expect(server!.requests).toHaveLength(1)
  })

  it('explains throttling when 429 persists', async () => {
    const api = await apiFor([{ status: 429, headers: { 'retry-after': '0' } }])
    const error = (await rejectionOf(api.issueV21Token('A'))) as LineApiError
    expect(error).toMatchObject({ status: 429, attempts: 4, hint: LINE_HINTS.throttled })
  })
})
