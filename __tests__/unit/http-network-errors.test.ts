import { afterEach, describe, expect, it } from '@jest/globals'
import { LineApiError } from '../../src/errors.js'
import { createHttpClientTransport, createLineHttp, type Transport } from '../../src/http.js'
import { NETWORK_HINTS, networkError, networkHint, toTransportError } from '../../src/http-transport.js'
import { closedPort, fakeTiming, rejectionOf, startServer, type TestServer } from '../helpers/http-server.js'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

function lineHttp(baseUrl: string, timing = fakeTiming(), transport?: Transport) {
  return createLineHttp({ baseUrl, sleep: timing.sleep, clock: timing.clock, logger: timing.logger, random: () => 0.5, transport })
}
const verify = { method: 'GET', path: '/oauth2/v2.1/verify', query: { access_token: 'TOKEN-SECRET' }, operation: 'verify a token' } as const

describe('socket failures become kind network with a code, never the raw message', () => {
  it('connection refused: retried, coded, hinted', async () => {
    const port = await closedPort()
    const timing = fakeTiming()
    const error = (await rejectionOf(lineHttp(`http://127.0.0.1:${port}`, timing)(verify))) as LineApiError
    expect(error).toBeInstanceOf(LineApiError)
    expect(error).toMatchObject({ kind: 'network', code: 'ECONNREFUSED', attempts: 4, hint: NETWORK_HINTS.refused })
    expect(error.message).not.toContain('TOKEN-SECRET')
    expect(error.message).not.toContain('127.0.0.1')
    expect(timing.messages('info')[0]).toBe('LINE could not be reached (ECONNREFUSED); retrying in 0.3 s (attempt 2 of 4)')
    expect(timing.messages('debug')[0]).toBe('GET /oauth2/v2.1/verify → network error (ECONNREFUSED) (0 ms)')
    expect(timing.logs.map((entry) => entry.message).join('\n')).not.toContain('TOKEN-SECRET')
  })

  it('connection refused is retried even for a call that is not idempotent (nothing was sent)', async () => {
    const port = await closedPort()
    const error = (await rejectionOf(
      lineHttp(`http://127.0.0.1:${port}`)({ method: 'POST', path: '/oauth2/v2.1/token', form: {}, operation: 'issue', idempotent: false })
    )) as LineApiError
    expect(error.attempts).toBe(4)
  })

  it('connection reset: retried for an idempotent call', async () => {
    server = await startServer([{ reset: true }, { status: 200, body: { client_id: '1', expires_in: 5 } }])
    const response = await lineHttp(server.url)(verify)
    expect(response.attempts).toBe(2)
  })

  it('connection reset: not retried for a call that is not idempotent', async () => {
    server = await startServer([{ reset: true }, { status: 200, body: {} }])
    const error = (await rejectionOf(
      lineHttp(server.url)({ method: 'POST', path: '/oauth2/v2.1/token', form: {}, operation: 'issue', idempotent: false })
    )) as LineApiError
    expect(error).toMatchObject({ kind: 'network', code: 'ECONNRESET', attempts: 1 })
    expect(error.hint).toBeUndefined()
    expect(server.requests).toHaveLength(1)
  })

  it('a connection that breaks in the middle of the body is a network error', async () => {
    server = await startServer((_request, response) => {
      response.writeHead(200, { 'content-length': '100' })
      response.write('{"kids":', () => response.socket?.destroy())
    })
    const error = (await rejectionOf(
      createHttpClientTransport()({ method: 'GET', url: `${server.url}/x`, headers: {}, timeoutMs: 5000, maxBodyBytes: 1000 })
    )) as LineApiError
    expect(error.kind).toBe('network')
    expect(error.code).toBe('ECONNRESET')
  })

  it('https:// to a server that does not speak TLS: not retried, hinted', async () => {
    server = await startServer([{ status: 200, body: {} }])
    const timing = fakeTiming()
    const error = (await rejectionOf(lineHttp(`https://127.0.0.1:${server.port}`, timing)(verify))) as LineApiError
    expect(error.kind).toBe('network')
    expect(error.code).toMatch(/^(EPROTO|ERR_SSL_)/)
    expect(error.hint).toBe(NETWORK_HINTS.protocol)
    expect(error.attempts).toBe(1)
    expect(error.message).not.toContain('TOKEN-SECRET')
  })

  it('an unresolvable host: a DNS code and hint', async () => {
    const error = (await rejectionOf(
      createHttpClientTransport()({ method: 'GET', url: 'http://no-such-host.invalid/oauth2/v2.1/verify?access_token=TOKEN-SECRET', headers: {}, timeoutMs: 5000, maxBodyBytes: 1000 })
    )) as LineApiError
    expect(error.kind).toBe('network')
    expect(['ENOTFOUND', 'EAI_AGAIN']).toContain(error.code)
    expect(error.hint).toBe(NETWORK_HINTS.dns)
    expect(error.message).not.toContain('TOKEN-SECRET')
    expect(error.message).not.toContain('no-such-host')
  })

  it('a URL the client cannot parse is a coded network error that does not repeat the URL', async () => {
    const error = (await rejectionOf(
      createHttpClientTransport()({ method: 'GET', url: 'not a url?access_token=TOKEN-SECRET', headers: {}, timeoutMs: 1000, maxBodyBytes: 1000 })
    )) as LineApiError
    expect(error).toMatchObject({ kind: 'network', code: 'ERR_INVALID_URL', operation: 'GET (invalid URL)' })
    expect(error.message).not.toContain('TOKEN-SECRET')
  })

  it('certificate failures are hinted and not retried', async () => {
    const timing = fakeTiming()
    const failing: Transport = async () => {
      throw Object.assign(new Error('self-signed certificate https://x/?access_token=TOKEN-SECRET'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' })
    }
    const error = (await rejectionOf(lineHttp('https://line.example', timing, failing)(verify))) as LineApiError
    expect(error).toMatchObject({ kind: 'network', code: 'DEPTH_ZERO_SELF_SIGNED_CERT', attempts: 1, hint: NETWORK_HINTS.tls })
    expect(error.message).toBe(`LINE API: verify a token failed: network error (DEPTH_ZERO_SELF_SIGNED_CERT). ${NETWORK_HINTS.tls}`)
  })

  it('a transport that throws something odd still yields a network error without its message', async () => {
    const failing: Transport = async () => {
      throw new Error('boom at https://x/?access_token=TOKEN-SECRET')
    }
    const error = (await rejectionOf(lineHttp('https://line.example', fakeTiming(), failing)(verify))) as LineApiError
    expect(error).toMatchObject({ kind: 'network', code: undefined, attempts: 4 })
    expect(error.message).toBe('LINE API: verify a token failed: network error (4 attempts)')
  })
})

describe('networkHint', () => {
  it.each([
    ['CERT_HAS_EXPIRED', NETWORK_HINTS.certExpired],
    ['CERT_NOT_YET_VALID', NETWORK_HINTS.certExpired],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', NETWORK_HINTS.tls],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', NETWORK_HINTS.tls],
    ['SELF_SIGNED_CERT_IN_CHAIN', NETWORK_HINTS.tls],
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', NETWORK_HINTS.tls],
    ['ERR_TLS_CERT_ALTNAME_INVALID', NETWORK_HINTS.altName],
    ['EPROTO', NETWORK_HINTS.protocol],
    ['ERR_SSL_WRONG_VERSION_NUMBER', NETWORK_HINTS.protocol],
    ['ENOTFOUND', NETWORK_HINTS.dns],
    ['EAI_AGAIN', NETWORK_HINTS.dns],
    ['ECONNREFUSED', NETWORK_HINTS.refused],
    ['ECONNRESET', undefined],
    [undefined, undefined]
  ])('%p', (code, hint) => {
    expect(networkHint(code)).toBe(hint)
  })

  it('the TLS hint names NODE_EXTRA_CA_CERTS and the DNS hint api-base-url', () => {
    expect(NETWORK_HINTS.tls).toContain('NODE_EXTRA_CA_CERTS')
    expect(NETWORK_HINTS.dns).toContain('api-base-url')
  })

  it('keeps only a well-formed code', () => {
    expect(networkError({ code: 'has spaces and a https://url' }, 'x').code).toBeUndefined()
    expect(networkError(null, 'x').code).toBeUndefined()
    expect(networkError({ code: 42 }, 'x').code).toBeUndefined()
  })

  it("maps http-client's own socket timeout to kind timeout without its message (it holds the path and query)", () => {
    const error = toTransportError(new Error('Request timeout: /oauth2/v2.1/verify?access_token=TOKEN-SECRET'), 'GET /oauth2/v2.1/verify', 1000)
    expect(error.kind).toBe('timeout')
    expect(error.message).not.toContain('TOKEN-SECRET')
  })
})
