import { afterEach, describe, expect, it } from '@jest/globals'
import { LineApiError } from '../../src/errors.js'
import { createLineHttp } from '../../src/http.js'
import { fakeTiming, rejectionOf, startServer, type TestServer } from '../helpers/http-server.js'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

describe('4xx answers other than 429 are never retried', () => {
  it.each([400, 401, 403, 404, 405, 409, 413, 422])('HTTP %i: one attempt, no wait', async (status) => {
    server = await startServer([{ status, body: { error: 'invalid_request', error_description: 'nope' } }, { status: 200, body: {} }])
    const timing = fakeTiming()
    const http = createLineHttp({ baseUrl: server.url, sleep: timing.sleep, clock: timing.clock, logger: timing.logger })
    const error = (await rejectionOf(http({ method: 'POST', path: '/oauth2/v2.1/token', form: { a: '1' }, operation: 'issue a v2.1 token' }))) as LineApiError
    expect(error).toBeInstanceOf(LineApiError)
    expect(error).toMatchObject({ kind: 'http', status, error: 'invalid_request', errorDescription: 'nope', attempts: 1 })
    expect(error.message).toBe(`LINE API: issue a v2.1 token failed: HTTP ${status}: invalid_request: nope`)
    expect(timing.delays).toEqual([])
    expect(timing.messages('info')).toEqual([])
    expect(server.requests).toHaveLength(1)
  })
})
