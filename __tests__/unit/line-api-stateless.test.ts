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

async function apiFor(script: ScriptedResponse[]) {
  server = await startServer(script)
  const timing = fakeTiming()
  return createLineApi(createLineHttp({ baseUrl: server.url, sleep: timing.sleep, clock: timing.clock, random: () => 0 }))
}

describe('issueStatelessToken', () => {
  it('POSTs the assertion to /oauth2/v3/token and returns the typed token', async () => {
    const api = await apiFor([{ status: 200, body: { token_type: 'Bearer', access_token: 'T', expires_in: 900 } }])
    await expect(api.issueStatelessToken('ASSERTION')).resolves.toEqual({ accessToken: 'T', expiresIn: 900, tokenType: 'Bearer', requestId: undefined })
    const [request] = server!.requests
    expect(request).toMatchObject({ method: 'POST', url: '/oauth2/v3/token' })
    expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual({
      grant_type: 'client_credentials',
      client_assertion_type: CLIENT_ASSERTION_TYPE,
      client_assertion: 'ASSERTION'
    })
  })

  it('is retried after a timeout-free 5xx (a stateless token holds no slot)', async () => {
    const api = await apiFor([{ status: 502 }, { status: 200, body: { token_type: 'Bearer', access_token: 'T', expires_in: 900 } }])
    await expect(api.issueStatelessToken('A')).resolves.toMatchObject({ accessToken: 'T' })
  })

  it('refuses a body without expires_in', async () => {
    const api = await apiFor([{ status: 200, body: { token_type: 'Bearer', access_token: 'T' } }])
    const error = (await rejectionOf(api.issueStatelessToken('A'))) as LineApiError
    expect(error.kind).toBe('invalid-response')
    expect(error.hint).not.toContain(LINE_HINTS.maybeIssued)
  })

  it('explains an assertion whose iss does not match the key', async () => {
    const api = await apiFor([{ status: 400, body: { error: 'invalid_client', error_description: 'iss and clientId of key do not match' } }])
    expect(((await rejectionOf(api.issueStatelessToken('A'))) as LineApiError).hint).toBe(LINE_HINTS.issMismatch)
  })
})
