import { afterEach, describe, expect, it } from '@jest/globals'
import { LineApiError } from '../../src/errors.js'
import { createHttpClientTransport, createLineHttp } from '../../src/http.js'
import { HTTP_HINTS } from '../../src/http-response.js'
import { fakeTiming, rejectionOf, startServer, type TestServer } from '../helpers/http-server.js'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

describe('redirects are never followed', () => {
  it('the transport returns the 3xx answer as it is', async () => {
    server = await startServer([{ status: 302, headers: { Location: '/elsewhere' }, body: 'moved' }])
    const response = await createHttpClientTransport('ua/1')({ method: 'GET', url: `${server.url}/x`, headers: {}, timeoutMs: 2000, maxBodyBytes: 1000 })
    expect(response).toMatchObject({ status: 302, body: 'moved' })
    expect(response.headers.location).toBe('/elsewhere')
    expect(server.requests).toHaveLength(1)
    expect(server.requests[0].headers['user-agent']).toBe('ua/1')
  })

  it.each([301, 302, 307, 308])('createLineHttp treats HTTP %i as an error, without retrying or following', async (status) => {
    server = await startServer([{ status, headers: { location: `/login?next=/oauth2/v2.1/verify%3Faccess_token%3DTOKEN-SECRET` } }, { status: 200, body: {} }])
    const timing = fakeTiming()
    const http = createLineHttp({ baseUrl: server.url, sleep: timing.sleep, clock: timing.clock })
    const error = (await rejectionOf(http({ method: 'GET', path: '/oauth2/v2.1/verify', query: { access_token: 'TOKEN-SECRET' }, operation: 'verify a token' }))) as LineApiError
    expect(error).toMatchObject({ kind: 'http', status, attempts: 1, hint: HTTP_HINTS.redirect })
    expect(error.message).toBe(`LINE API: verify a token failed: HTTP ${status}. ${HTTP_HINTS.redirect}`)
    expect(server.requests).toHaveLength(1)
  })
})
