import { afterEach, describe, expect, it } from '@jest/globals'
import { LineApiError } from '../../src/errors.js'
import { createHttpClientTransport, createLineHttp, DEFAULT_MAX_BODY_BYTES } from '../../src/http.js'
import { fakeTiming, rejectionOf, startServer, type TestServer } from '../helpers/http-server.js'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const raw = (url: string, maxBodyBytes: number) => ({ method: 'GET' as const, url, headers: {}, timeoutMs: 5000, maxBodyBytes })

describe('the body is read with a byte limit', () => {
  it('refuses a declared Content-Length over the limit without reading it', async () => {
    server = await startServer([{ status: 200, body: 'x'.repeat(2000), headers: { 'content-length': '2000' } }])
    const error = (await rejectionOf(createHttpClientTransport()(raw(`${server.url}/x`, 1000)))) as LineApiError
    expect(error).toMatchObject({ kind: 'invalid-response', status: 200 })
    expect(error.hint).toContain('larger than 1000 bytes')
  })

  it('stops reading a chunked body once it passes the limit', async () => {
    server = await startServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' })
      const chunk = 'y'.repeat(600)
      response.write(chunk)
      setTimeout(() => response.write(chunk), 20)
      // never ends: the client must stop on the size, not wait for the end
    })
    const started = Date.now()
    const error = (await rejectionOf(createHttpClientTransport()(raw(`${server.url}/x`, 1000)))) as LineApiError
    expect(error.kind).toBe('invalid-response')
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('accepts a body of exactly the limit', async () => {
    server = await startServer([{ status: 200, body: 'z'.repeat(1000) }])
    const response = await createHttpClientTransport()(raw(`${server.url}/x`, 1000))
    expect(response.body).toHaveLength(1000)
  })

  it('is 1 MiB by default in createLineHttp, and a too-large answer is not retried', async () => {
    expect(DEFAULT_MAX_BODY_BYTES).toBe(1024 * 1024)
    server = await startServer([{ status: 503, body: 'e'.repeat(DEFAULT_MAX_BODY_BYTES + 1) }, { status: 200, body: {} }])
    const timing = fakeTiming()
    const http = createLineHttp({ baseUrl: server.url, sleep: timing.sleep, clock: timing.clock, logger: timing.logger })
    const error = (await rejectionOf(http({ method: 'GET', path: '/x', operation: 'list valid key IDs' }))) as LineApiError
    expect(error).toMatchObject({ kind: 'invalid-response', status: 503, attempts: 1, operation: 'list valid key IDs' })
    expect(error.message).not.toContain('eeee')
    expect(timing.messages('debug')).toEqual(['GET /x → unreadable answer (0 ms)'])
    expect(server.requests).toHaveLength(1)
  })

  it('takes maxBodyBytes from the options', async () => {
    server = await startServer([{ status: 200, body: { kids: ['a'.repeat(200)] } }])
    const error = (await rejectionOf(createLineHttp({ baseUrl: server.url, maxBodyBytes: 100 })({ method: 'GET', path: '/x', operation: 'x' }))) as LineApiError
    expect(error.kind).toBe('invalid-response')
  })
})
