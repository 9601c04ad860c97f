import { afterEach, describe, expect, it } from '@jest/globals'
import { LineApiError } from '../../src/errors.js'
import { createLineHttp } from '../../src/http.js'
import { createLineApi, LINE_HINTS } from '../../src/line-api.js'
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

const params = { channelId: '1234567890', channelSecret: 'SECRET-VALUE', accessToken: 'TOKEN-SECRET' }

describe('revokeToken', () => {
  it('POSTs client_id, client_secret and access_token to /oauth2/v2.1/revoke; an empty 200 is success', async () => {
    const api = await apiFor([{ status: 200 }])
    await expect(api.revokeToken(params)).resolves.toBeUndefined()
    const [request] = server!.requests
    expect(request).toMatchObject({ method: 'POST', url: '/oauth2/v2.1/revoke' })
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual({ client_id: '1234567890', client_secret: 'SECRET-VALUE', access_token: 'TOKEN-SECRET' })
  })

  it('accepts a JSON object body too', async () => {
    const api = await apiFor([{ status: 200, body: {} }])
    await expect(api.revokeToken(params)).resolves.toBeUndefined()
  })

  it('refuses a 200 HTML page (a proxy answered, nothing was revoked)', async () => {
    const api = await apiFor([{ status: 200, body: '<html>login</html>' }])
    const error = (await rejectionOf(api.revokeToken(params))) as LineApiError
    expect(error.kind).toBe('invalid-response')
  })

  it.each([
    [{ error: 'invalid_client', error_description: 'Invalid client_secret' }],
    [{ error: 'invalid_request', error_description: "Invalid 'client_credentials'." }]
  ])('explains a wrong channel secret (%j), never showing it', async (body) => {
    const api = await apiFor([{ status: 400, body }])
    const error = (await rejectionOf(api.revokeToken(params))) as LineApiError
    expect(error.hint).toBe(LINE_HINTS.wrongSecret)
    expect(error.message).not.toMatch(/SECRET-VALUE|TOKEN-SECRET/)
    expect(error.attempts).toBe(1)
  })

  it('adds nothing to other 400s', async () => {
    const api = await apiFor([{ status: 400, body: { error: 'invalid_request', error_description: 'access_token is required' } }])
    expect(((await rejectionOf(api.revokeToken(params))) as LineApiError).hint).toBeUndefined()
  })
})
