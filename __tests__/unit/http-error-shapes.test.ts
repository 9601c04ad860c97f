import { afterEach, describe, expect, it } from '@jest/globals'
import { LineApiError } from '../../src/errors.js'
import { createLineHttp } from '../../src/http.js'
import { describeNonJsonBody, HTTP_HINTS, lineErrorFields, parseHttpDate } from '../../src/http-response.js'
import { fakeTiming, rejectionOf, startServer, type ScriptedResponse, type TestServer } from '../helpers/http-server.js'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function failWith(answer: ScriptedResponse): Promise<LineApiError> {
  server = await startServer([answer])
  const timing = fakeTiming()
  const http = createLineHttp({ baseUrl: server.url, sleep: timing.sleep, clock: timing.clock, policy: { maxAttempts: 1 } })
  return (await rejectionOf(http({ method: 'POST', path: '/oauth2/v2.1/token', form: {}, operation: 'issue a v2.1 token' }))) as LineApiError
}

describe('error bodies', () => {
  it('reads the OAuth shape, the request ID and the server Date', async () => {
    const date = 'Wed, 01 Jan 2025 00:00:05 GMT'
    const error = await failWith({
      status: 400,
      body: { error: 'invalid_client', error_description: 'Invalid exp' },
      headers: { 'X-Line-Request-Id': 'abc-123', Date: date }
    })
    expect(error).toMatchObject({ kind: 'http', status: 400, error: 'invalid_client', errorDescription: 'Invalid exp', requestId: 'abc-123', serverDate: Date.parse(date) })
    expect(error.hint).toBeUndefined()
    expect(error.message).toBe('LINE API: issue a v2.1 token failed: HTTP 400: invalid_client: Invalid exp (request ID abc-123)')
  })

  it('reads the plain message shape', async () => {
    const error = await failWith({ status: 404, body: { message: 'Cannot find channel key that satisfies the conditions' } })
    expect(error.lineMessage).toBe('Cannot find channel key that satisfies the conditions')
    expect(error.message).toBe('LINE API: issue a v2.1 token failed: HTTP 404: Cannot find channel key that satisfies the conditions')
  })

  it('describes an HTML page from a proxy without quoting it', async () => {
    const error = await failWith({ status: 400, body: '<html><body>Blocked by corporate proxy SECRET</body></html>', headers: { 'content-type': 'text/html' } })
    expect(error.lineText).toBeUndefined()
    expect(error.hint).toBe(`The answer was an HTML page, not JSON from LINE: ${HTTP_HINTS.notFromLine}`)
    expect(error.message).not.toMatch(/Blocked|<html|SECRET/)
  })

  it('describes a 502 HTML page and still gives the 5xx advice', async () => {
    const error = await failWith({ status: 502, body: '<!DOCTYPE html><title>Bad gateway</title>' })
    expect(error.hint).toBe(`The answer was an HTML page, not JSON from LINE. ${HTTP_HINTS.serverError}`)
  })

  it('describes an empty body', async () => {
    const error = await failWith({ status: 500 })
    expect(error.hint).toBe(`The answer had an empty body. ${HTTP_HINTS.serverError}`)
    expect(error.message).toBe(`LINE API: issue a v2.1 token failed: HTTP 500. The answer had an empty body. ${HTTP_HINTS.serverError}`)
  })

  it('describes plain text without quoting it', async () => {
    const error = await failWith({ status: 418, body: 'I am a teapot with TOKEN-SECRET' })
    expect(error.hint).toBe(`The answer was not JSON: ${HTTP_HINTS.notFromLine}`)
    expect(error.message).not.toContain('TOKEN-SECRET')
  })

  it('has no date when the Date header is unreadable or absent', async () => {
    const error = await failWith({ status: 400, body: { message: 'x' }, headers: { date: 'yesterday-ish' } })
    expect(error.serverDate).toBeUndefined()
    expect(parseHttpDate(undefined)).toBeUndefined()
  })
})

describe('lineErrorFields', () => {
  it('ignores fields that are not strings and non-object bodies', () => {
    expect(lineErrorFields({ error: 1, error_description: null, message: ['x'] })).toEqual({})
    expect(lineErrorFields([{ message: 'x' }])).toEqual({})
    expect(lineErrorFields('x')).toEqual({})
    expect(lineErrorFields(undefined)).toEqual({})
  })

  it('keeps LINE text on one line and bounded', () => {
    expect(lineErrorFields({ message: '  two\n lines\t ' })).toEqual({ lineMessage: 'two lines' })
    expect(lineErrorFields({ message: '   ' }).lineMessage).toBeUndefined()
    const long = lineErrorFields({ error_description: 'a'.repeat(1000) }).errorDescription ?? ''
    expect(long).toHaveLength(301)
    expect(long.endsWith('…')).toBe(true)
  })

  it('describeNonJsonBody looks at the content type or the first character', () => {
    expect(describeNonJsonBody('   ', undefined)).toBe('The answer had an empty body')
    expect(describeNonJsonBody('hello', 'text/html; charset=utf-8')).toBe('The answer was an HTML page, not JSON from LINE')
    expect(describeNonJsonBody('  <p>', undefined)).toBe('The answer was an HTML page, not JSON from LINE')
    expect(describeNonJsonBody('hello', 'text/plain')).toBe('The answer was not JSON')
  })
})
