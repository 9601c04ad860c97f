import { afterEach, describe, expect, it } from '@jest/globals'
import { LineApiError } from '../../src/errors.js'
import { createLineHttp, type LineHttpOptions } from '../../src/http.js'
import { HTTP_HINTS } from '../../src/http-response.js'
import { fakeTiming, rejectionOf, startServer, type TestServer } from '../helpers/http-server.js'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

function lineHttp(baseUrl: string, timing: ReturnType<typeof fakeTiming>, extra: Partial<LineHttpOptions> = {}) {
  return createLineHttp({ baseUrl, sleep: timing.sleep, clock: timing.clock, logger: timing.logger, random: () => 0.6, ...extra })
}

describe('5xx answers are retried with exponential backoff and full jitter', () => {
  it('succeeds after two 5xx answers and reports the attempts', async () => {
    server = await startServer([{ status: 503 }, { status: 500, body: { message: 'oops' } }, { status: 200, body: { kids: [] } }])
    const timing = fakeTiming()
    const response = await lineHttp(server.url, timing)({ method: 'GET', path: '/oauth2/v2.1/tokens/kid', query: { a: 'b' }, operation: 'list valid key IDs' })
    expect(response.status).toBe(200)
    expect(response.attempts).toBe(3)
    expect(response.json).toEqual({ kids: [] })
    // full jitter: random() × base × 2^(retry-1) = 0.6 × 500, 0.6 × 1000
    expect(timing.delays).toEqual([300, 600])
    expect(timing.messages('info')).toEqual([
      'LINE answered 503; retrying in 0.3 s (attempt 2 of 4)',
      'LINE answered 500; retrying in 0.6 s (attempt 3 of 4)'
    ])
    expect(timing.messages('debug')).toEqual([
      'GET /oauth2/v2.1/tokens/kid → 503 (0 ms)',
      'GET /oauth2/v2.1/tokens/kid → 500 (0 ms)',
      'GET /oauth2/v2.1/tokens/kid → 200 (0 ms)'
    ])
    expect(server.requests).toHaveLength(3)
  })

  it('gives up after maxAttempts with the last status, LINE text, attempts and a hint', async () => {
    server = await startServer([{ status: 500, body: { message: 'Internal error' }, headers: { 'x-line-request-id': 'req-9' } }])
    const timing = fakeTiming()
    const error = await rejectionOf(lineHttp(server.url, timing)({ method: 'POST', path: '/oauth2/v3/token', form: {}, operation: 'issue a stateless token' }))
    expect(error).toBeInstanceOf(LineApiError)
    const e = error as LineApiError
    expect(e).toMatchObject({ kind: 'http', status: 500, lineMessage: 'Internal error', requestId: 'req-9', attempts: 4, hint: HTTP_HINTS.serverError })
    expect(e.message).toBe(
      `LINE API: issue a stateless token failed: HTTP 500: Internal error (request ID req-9, 4 attempts). ${HTTP_HINTS.serverError}`
    )
    expect(timing.delays).toEqual([300, 600, 1200])
    expect(server.requests).toHaveLength(4)
  })

  it('caps each delay at maxDelayMs', async () => {
    server = await startServer([{ status: 502 }])
    const timing = fakeTiming()
    const http = lineHttp(server.url, timing, { random: () => 0.999, policy: { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 2500 } })
    await rejectionOf(http({ method: 'GET', path: '/x', operation: 'x' }))
    expect(timing.delays.map(Math.round)).toEqual([999, 1998, 2498, 2498])
  })

  it('starts no attempt that the total budget would not cover', async () => {
    server = await startServer([{ status: 504 }])
    const timing = fakeTiming()
    const http = lineHttp(server.url, timing, { random: () => 1 - Number.EPSILON, policy: { maxAttempts: 10, baseDelayMs: 1000, maxDelayMs: 60_000, totalBudgetMs: 5000 } })
    const error = (await rejectionOf(http({ method: 'GET', path: '/x', operation: 'x' }))) as LineApiError
    // waits ≈1000 and ≈2000 fit in 5000 ms; the next (≈4000) would not
    expect(timing.delays).toHaveLength(2)
    expect(error.attempts).toBe(3)
    expect(server.requests).toHaveLength(3)
  })

  it('does not retry 502 or 504 for a call that is not idempotent, but does retry 500 and 503', async () => {
    server = await startServer([{ status: 503 }, { status: 500 }, { status: 502 }, { status: 200, body: {} }])
    const timing = fakeTiming()
    const error = (await rejectionOf(
      lineHttp(server.url, timing)({ method: 'POST', path: '/oauth2/v2.1/token', form: {}, operation: 'issue a v2.1 token', idempotent: false })
    )) as LineApiError
    expect(error).toMatchObject({ status: 502, attempts: 3 })
    expect(server.requests).toHaveLength(3)
  })

  it('uses the real clock, sleep and jitter by default', async () => {
    server = await startServer([{ status: 503 }, { status: 200, body: { ok: true } }])
    const response = await createLineHttp({ baseUrl: server.url, policy: { baseDelayMs: 1 } })({ method: 'GET', path: '/x', operation: 'x' })
    expect(response.attempts).toBe(2)
  })
})
