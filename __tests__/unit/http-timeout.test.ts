import { afterEach, describe, expect, it } from '@jest/globals'
import { LineApiError } from '../../src/errors.js'
import { createHttpClientTransport, createLineHttp } from '../../src/http.js'
import { fakeTiming, rejectionOf, startServer, type TestServer } from '../helpers/http-server.js'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

describe('the per-attempt timeout', () => {
  it('fails an attempt as a timeout when the server accepts and never answers', async () => {
    server = await startServer([{ hang: true }])
    const started = Date.now()
    const error = (await rejectionOf(
      createHttpClientTransport()({ method: 'GET', url: `${server.url}/oauth2/v2.1/verify?access_token=SECRET`, headers: {}, timeoutMs: 300, maxBodyBytes: 1000 })
    )) as LineApiError
    const elapsed = Date.now() - started
    expect(error).toBeInstanceOf(LineApiError)
    expect(error.kind).toBe('timeout')
    expect(error.message).not.toContain('SECRET')
    expect(elapsed).toBeGreaterThanOrEqual(250)
    expect(elapsed).toBeLessThan(2000)
  })

  it('also bounds an answer whose body never finishes', async () => {
    server = await startServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' })
      response.write('{"kids":')
    })
    const error = (await rejectionOf(
      createHttpClientTransport()({ method: 'GET', url: `${server.url}/x`, headers: {}, timeoutMs: 300, maxBodyBytes: 1000 })
    )) as LineApiError
    expect(error.kind).toBe('timeout')
  })

  it('is retried, logged and counted by createLineHttp', async () => {
    server = await startServer([{ hang: true }, { status: 200, body: { kids: [] } }])
    const timing = fakeTiming()
    const http = createLineHttp({ baseUrl: server.url, sleep: timing.sleep, clock: timing.clock, logger: timing.logger, random: () => 0.5, policy: { timeoutMs: 200 } })
    const response = await http({ method: 'GET', path: '/oauth2/v2.1/tokens/kid', operation: 'list valid key IDs' })
    expect(response.attempts).toBe(2)
    expect(timing.messages('info')).toEqual(['LINE did not answer within 0.2 s; retrying in 0.3 s (attempt 2 of 4)'])
    expect(timing.messages('debug')[0]).toBe('GET /oauth2/v2.1/tokens/kid → timeout (0 ms)')
  })

  it('gives up after the last attempt with kind timeout', async () => {
    server = await startServer([{ hang: true }])
    const timing = fakeTiming()
    const http = createLineHttp({ baseUrl: server.url, sleep: timing.sleep, clock: timing.clock, random: () => 0, policy: { timeoutMs: 150, maxAttempts: 2 } })
    const error = (await rejectionOf(http({ method: 'GET', path: '/x', operation: 'list valid key IDs' }))) as LineApiError
    expect(error).toMatchObject({ kind: 'timeout', attempts: 2, operation: 'list valid key IDs' })
    expect(error.message).toMatch(/^LINE API: list valid key IDs failed: no answer before the timeout \(2 attempts\)\. No answer within 0\.2 s/)
  })

  it('does not retry a timeout of a call that is not idempotent', async () => {
    server = await startServer([{ hang: true }, { status: 200, body: {} }])
    const timing = fakeTiming()
    const http = createLineHttp({ baseUrl: server.url, sleep: timing.sleep, clock: timing.clock, policy: { timeoutMs: 150 } })
    const error = (await rejectionOf(http({ method: 'POST', path: '/oauth2/v2.1/token', form: {}, operation: 'issue a v2.1 token', idempotent: false }))) as LineApiError
    expect(error).toMatchObject({ kind: 'timeout', attempts: 1 })
    expect(server.requests).toHaveLength(1)
  })

  it('shortens the last attempt to what is left of the total budget', async () => {
    server = await startServer([{ hang: true }])
    const timing = fakeTiming()
    const seen: number[] = []
    const transport = createHttpClientTransport()
    const http = createLineHttp({
      baseUrl: server.url,
      sleep: timing.sleep,
      clock: timing.clock,
      random: () => 0.5,
      policy: { timeoutMs: 1000, totalBudgetMs: 1400, baseDelayMs: 400, maxAttempts: 3 },
      transport: (raw) => {
        seen.push(raw.timeoutMs)
        timing.advance(raw.timeoutMs)
        return transport({ ...raw, timeoutMs: 20 })
      }
    })
    await rejectionOf(http({ method: 'GET', path: '/x', operation: 'x' }))
    // 1000 ms spent, 200 ms waited: 200 ms left for the second attempt
    expect(seen).toEqual([1000, 200])
  })
})
