import { afterEach, describe, expect, it } from '@jest/globals'
import { InputError } from '../../src/errors.js'
import { createLineHttp, DEFAULT_USER_AGENT, normaliseBaseUrl } from '../../src/http.js'
import { fakeTiming, startServer, type TestServer } from '../helpers/http-server.js'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

describe('what goes on the wire', () => {
  it('POSTs a urlencoded form with accept and user-agent headers', async () => {
    server = await startServer([{ status: 200, body: { ok: true }, headers: { 'X-Line-Request-Id': 'r1', 'Set-Cookie': 'a=1' } }])
    const http = createLineHttp({ baseUrl: `${server.url}/`, userAgent: 'my-agent/2' })
    const response = await http({ method: 'POST', path: '/oauth2/v2.1/token', form: { grant_type: 'client_credentials', x: 'a b&c=d' }, operation: 'issue' })
    const [request] = server.requests
    expect(request.method).toBe('POST')
    expect(request.url).toBe('/oauth2/v2.1/token')
    expect(request.body).toBe('grant_type=client_credentials&x=a+b%26c%3Dd')
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(request.headers.accept).toBe('application/json')
    expect(request.headers['user-agent']).toBe('my-agent/2')
    expect(response).toMatchObject({ status: 200, json: { ok: true }, requestId: 'r1', attempts: 1 })
    expect(response.headers['x-line-request-id']).toBe('r1')
    expect(response.headers['set-cookie']).toBe('a=1')
  })

  it('GETs with an encoded query, no body and the default user agent, and keeps a path prefix', async () => {
    server = await startServer([{ status: 200, body: 'not json' }])
    const timing = fakeTiming()
    const http = createLineHttp({ baseUrl: `${server.url}/gateway/line///`, logger: timing.logger, clock: timing.clock })
    const response = await http({ method: 'GET', path: 'oauth2/v2.1/verify', query: { access_token: 'a+b/c=' }, operation: 'verify' })
    const [request] = server.requests
    expect(request.url).toBe('/gateway/line/oauth2/v2.1/verify?access_token=a%2Bb%2Fc%3D')
    expect(request.body).toBe('')
    expect(request.headers['content-type']).toBeUndefined()
    expect(request.headers['user-agent']).toBe(DEFAULT_USER_AGENT)
    expect(response.json).toBeUndefined()
    expect(timing.messages('debug')).toEqual(['GET /gateway/line/oauth2/v2.1/verify → 200 (0 ms)'])
  })

  it('sends no query string for an empty query', async () => {
    server = await startServer([{ status: 204 }])
    const response = await createLineHttp({ baseUrl: server.url })({ method: 'GET', path: '/x', query: {}, operation: 'x' })
    expect(server.requests[0].url).toBe('/x')
    expect(response).toMatchObject({ status: 204, body: '', json: undefined })
  })
})

describe('api-base-url', () => {
  it.each([
    ['https://api.line.me', 'https://api.line.me'],
    ['https://api.line.me/', 'https://api.line.me'],
    [' http://127.0.0.1:8080/prefix/ ', 'http://127.0.0.1:8080/prefix']
  ])('%p → %p', (input, expected) => {
    expect(normaliseBaseUrl(input)).toBe(expected)
  })

  it.each(['api.line.me', 'ftp://api.line.me', 'https://api.line.me/?x=1', 'https://api.line.me/#f', 'https://user:pw@api.line.me'])('refuses %p before any request', (input) => {
    expect(() => createLineHttp({ baseUrl: input })).toThrow(InputError)
    expect(() => createLineHttp({ baseUrl: input })).toThrow(/^Input "api-base-url": /)
  })

  it('does not echo a refused URL (it may hold credentials)', () => {
    expect(() => normaliseBaseUrl('https://user:SECRET@api.line.me')).toThrow(expect.objectContaining({ message: expect.not.stringContaining('SECRET') }))
  })
})
