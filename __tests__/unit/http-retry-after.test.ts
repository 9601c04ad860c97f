import { afterEach, describe, expect, it } from '@jest/globals'
import { LineApiError } from '../../src/errors.js'
import { createLineHttp, type LineHttpOptions } from '../../src/http.js'
import { HTTP_HINTS, parseRetryAfter } from '../../src/http-response.js'
import { fakeTiming, rejectionOf, startServer, type TestServer } from '../helpers/http-server.js'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

function lineHttp(baseUrl: string, timing: ReturnType<typeof fakeTiming>, extra: Partial<LineHttpOptions> = {}) {
  return createLineHttp({ baseUrl, sleep: timing.sleep, clock: timing.clock, logger: timing.logger, random: () => 0.5, ...extra })
}
const request = { method: 'GET', path: '/oauth2/v2.1/tokens/kid', operation: 'list valid key IDs' } as const

describe('429 honours Retry-After', () => {
  it('waits the delta-seconds LINE asks for', async () => {
    server = await startServer([{ status: 429, headers: { 'retry-after': '2' } }, { status: 200, body: { kids: ['a'] } }])
    const timing = fakeTiming()
    const response = await lineHttp(server.url, timing)(request)
    expect(timing.delays).toEqual([2000])
    expect(response.attempts).toBe(2)
    expect(timing.messages('info')).toEqual(['LINE answered 429; retrying in 2 s (attempt 2 of 4)'])
  })

  it('reads an HTTP date relative to the injected clock', async () => {
    const timing = fakeTiming(Date.UTC(2025, 5, 1, 12, 0, 0))
    const at = new Date(Date.UTC(2025, 5, 1, 12, 0, 3)).toUTCString()
    server = await startServer([{ status: 429, headers: { 'retry-after': at } }, { status: 200, body: {} }])
    await lineHttp(server.url, timing)(request)
    expect(timing.delays).toEqual([3000])
  })

  it('caps a long Retry-After at maxDelayMs', async () => {
    server = await startServer([{ status: 429, headers: { 'retry-after': '120' } }, { status: 200, body: {} }])
    const timing = fakeTiming()
    await lineHttp(server.url, timing, { policy: { maxDelayMs: 10_000 } })(request)
    expect(timing.delays).toEqual([10_000])
  })

  it('falls back to jittered backoff when Retry-After is absent or unreadable', async () => {
    server = await startServer([{ status: 429 }, { status: 429, headers: { 'retry-after': 'soon' } }, { status: 200, body: {} }])
    const timing = fakeTiming()
    await lineHttp(server.url, timing)(request)
    expect(timing.delays).toEqual([250, 500])
  })

  it('honours Retry-After on 503 too', async () => {
    server = await startServer([{ status: 503, headers: { 'retry-after': '1' } }, { status: 200, body: {} }])
    const timing = fakeTiming()
    await lineHttp(server.url, timing)(request)
    expect(timing.delays).toEqual([1000])
  })

  it('does not start an attempt after a wait that would break the total budget', async () => {
    server = await startServer([{ status: 429, headers: { 'retry-after': '8' } }])
    const timing = fakeTiming()
    const error = (await rejectionOf(lineHttp(server.url, timing, { policy: { totalBudgetMs: 5000 } })(request))) as LineApiError
    expect(timing.delays).toEqual([])
    expect(error).toMatchObject({ kind: 'http', status: 429, attempts: 1, hint: HTTP_HINTS.rateLimited })
    expect(server.requests).toHaveLength(1)
  })

  it('retries a 429 even for a call that is not idempotent (LINE did not act on it)', async () => {
    server = await startServer([{ status: 429, headers: { 'retry-after': '0' } }, { status: 200, body: {} }])
    const timing = fakeTiming()
    const response = await lineHttp(server.url, timing)({ method: 'POST', path: '/oauth2/v2.1/token', form: {}, operation: 'issue', idempotent: false })
    expect(response.attempts).toBe(2)
    expect(timing.delays).toEqual([0])
  })
})

describe('parseRetryAfter', () => {
  const now = Date.UTC(2025, 0, 1)
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['  ', undefined],
    ['0', 0],
    [' 5 ', 5000],
    ['1.5', undefined],
    ['-3', undefined],
    ['not a date', undefined],
    [new Date(now + 4000).toUTCString(), 4000],
    [new Date(now - 4000).toUTCString(), 0]
  ])('%p → %p', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected)
  })
})
