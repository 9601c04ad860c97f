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

describe('listValidKeyIds', () => {
  it('GETs /oauth2/v2.1/tokens/kid with the assertion in the query', async () => {
    const api = await apiFor([{ status: 200, body: { kids: ['k1', 'k2'] } }])
    await expect(api.listValidKeyIds('ASSERTION')).resolves.toEqual(['k1', 'k2'])
    const [request] = server!.requests
    const url = new URL(request.url, 'http://x')
    expect(request.method).toBe('GET')
    expect(url.pathname).toBe('/oauth2/v2.1/tokens/kid')
    expect(Object.fromEntries(url.searchParams)).toEqual({ client_assertion_type: CLIENT_ASSERTION_TYPE, client_assertion: 'ASSERTION' })
    expect(request.body).toBe('')
  })

  it('accepts an empty list', async () => {
    const api = await apiFor([{ status: 200, body: { kids: [] } }])
    await expect(api.listValidKeyIds('A')).resolves.toEqual([])
  })

  it.each([[{}], [{ kids: 'k1' }], [{ kids: ['k1', 2] }], [{ kids: null }]])('refuses %j', async (body) => {
    const api = await apiFor([{ status: 200, body }])
    const error = (await rejectionOf(api.listValidKeyIds('A'))) as LineApiError
    expect(error).toMatchObject({ kind: 'invalid-response', operation: 'list valid key IDs' })
    expect(error.hint).toContain('`kids` is missing or not a list of strings')
  })

  it('explains a signature LINE cannot verify, and other assertion refusals', async () => {
    const api = await apiFor([
      { status: 400, body: { error: 'invalid_client', error_description: 'Invalid signature' } },
      { status: 400, body: { error: 'invalid_client', error_description: 'something new' } },
      { status: 400, body: { error: 'invalid_request', error_description: 'The access token malformed' } },
      { status: 400, body: { error: 'invalid_request', error_description: 'whatever' } }
    ])
    expect(((await rejectionOf(api.listValidKeyIds('A'))) as LineApiError).hint).toBe(LINE_HINTS.badSignature)
    expect(((await rejectionOf(api.listValidKeyIds('A'))) as LineApiError).hint).toBe(LINE_HINTS.assertionRefused)
    expect(((await rejectionOf(api.listValidKeyIds('A'))) as LineApiError).hint).toBe(LINE_HINTS.malformedAssertion)
    expect(((await rejectionOf(api.listValidKeyIds('A'))) as LineApiError).hint).toBeUndefined()
  })

  it('says when a gateway, not LINE, refused with 401 or 403', async () => {
    const api = await apiFor([{ status: 403, body: '<html>Forbidden</html>' }])
    const error = (await rejectionOf(api.listValidKeyIds('A'))) as LineApiError
    expect(error.hint).toBe(LINE_HINTS.gateway)
    expect(error.message).not.toContain('ASSERTION')
  })
})
