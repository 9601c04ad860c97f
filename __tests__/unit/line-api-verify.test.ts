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
  return createLineApi(createLineHttp({ baseUrl: server.url, sleep: timing.sleep, clock: timing.clock, random: () => 0, logger: timing.logger }))
}

describe('verifyToken', () => {
  it('GETs /oauth2/v2.1/verify with the token in the query', async () => {
    const api = await apiFor([{ status: 200, body: { client_id: '1234567890', expires_in: 2591659, scope: 'profile chat_message.write' } }])
    await expect(api.verifyToken('TOKEN')).resolves.toEqual({ clientId: '1234567890', expiresIn: 2591659, scope: 'profile chat_message.write' })
    expect(server!.requests[0]).toMatchObject({ method: 'GET', url: '/oauth2/v2.1/verify?access_token=TOKEN', body: '' })
  })

  it('accepts a numeric client_id and no scope', async () => {
    const api = await apiFor([{ status: 200, body: { client_id: 1234567890, expires_in: 0, scope: null } }])
    await expect(api.verifyToken('T')).resolves.toEqual({ clientId: '1234567890', expiresIn: 0, scope: undefined })
  })

  it.each([[{ expires_in: 5 }], [{ client_id: '1', expires_in: 5, scope: 7 }], [{ client_id: 1.5, expires_in: 5 }], [{ client_id: '1', expires_in: Number.NaN }]])(
    'refuses %j',
    async (body) => {
      const api = await apiFor([{ status: 200, body }])
      expect(((await rejectionOf(api.verifyToken('T'))) as LineApiError).kind).toBe('invalid-response')
    }
  )

  it('explains an expired or unknown token, with neither the token in the message nor in the logs', async () => {
    const api = await apiFor([{ status: 400, body: { error: 'invalid_request', error_description: 'The access token expired' } }])
    const error = (await rejectionOf(api.verifyToken('TOKEN-SECRET'))) as LineApiError
    expect(error.hint).toBe(LINE_HINTS.tokenInvalid)
    expect(error.message).toBe(`LINE API: verify a token failed: HTTP 400: invalid_request: The access token expired. ${LINE_HINTS.tokenInvalid}`)
  })

  it('keeps the HTTP layer hint for answers it has nothing to add to', async () => {
    const api = await apiFor([{ status: 500 }])
    const error = (await rejectionOf(api.verifyToken('T'))) as LineApiError
    expect(error.hint).toMatch(/usually temporary/)
  })
})
