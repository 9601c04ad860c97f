import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { issueV21, listKids, startWithChannel, type Channel } from './support.js'

describe('fault injection: scripted statuses and bodies', () => {
  let channel: Channel
  beforeAll(async () => {
    channel = await startWithChannel()
  })
  afterEach(() => {
    channel.emulator.clearFaults()
    channel.emulator.clearRequests()
  })
  afterAll(() => channel.emulator.close())

  const path = '/oauth2/v2.1/token'

  it('plays a status sequence in order with headers, then serves normally', async () => {
    channel.emulator.addFault({
      path,
      responses: [{ status: 429, headers: { 'Retry-After': '1' } }, { status: 503 }]
    })
    const first = await issueV21(channel)
    expect(first.status).toBe(429)
    expect(first.headers.get('retry-after')).toBe('1')
    expect(first.json).toEqual({ message: 'Too Many Requests' })
    expect(first.headers.get('x-line-request-id')).toMatch(/^[0-9a-f]{32}$/)
    expect(first.headers.get('date')).toBeTruthy()
    const second = await issueV21(channel)
    expect(second.status).toBe(503)
    expect(second.json).toEqual({ message: 'Service Unavailable' })
    expect((await issueV21(channel)).status).toBe(200)
    expect(channel.emulator.requests().map((r) => [r.status, r.injected])).toEqual([
      [429, true],
      [503, true],
      [200, false]
    ])
  })

  it('queues rules for one path only and appends to an existing queue', async () => {
    channel.emulator.addFault({ path, responses: [{ status: 500 }] })
    channel.emulator.addFault({ path, responses: [{ status: 502 }] })
    expect((await listKids(channel)).status).toBe(200)
    expect((await issueV21(channel)).status).toBe(500)
    expect((await issueV21(channel)).status).toBe(502)
  })

  it('sends an HTML body as text/html and a custom body verbatim', async () => {
    channel.emulator.addFault({
      path,
      responses: [
        { status: 502, body: '<html><body>Bad Gateway</body></html>' },
        { status: 400, body: '{"error":"invalid_client","error_description":"Invalid exp"}' },
        { status: 500, body: '' },
        { status: 599 }
      ]
    })
    const html = await issueV21(channel)
    expect(html.status).toBe(502)
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(html.text).toBe('<html><body>Bad Gateway</body></html>')
    const custom = await issueV21(channel)
    expect(custom.json).toEqual({ error: 'invalid_client', error_description: 'Invalid exp' })
    const empty = await issueV21(channel)
    expect(empty.text).toBe('')
    expect(empty.headers.get('content-type')).toBeNull()
    expect((await issueV21(channel)).json).toEqual({ message: 'HTTP 599' })
  })

  it('sends an oversized body of exactly bodyBytes bytes', async () => {
    channel.emulator.addFault({ path, responses: [{ status: 200, bodyBytes: 2_000_000 }, { status: 200, bodyBytes: 5 }] })
    const big = await issueV21(channel)
    expect(big.status).toBe(200)
    expect(Buffer.byteLength(big.text)).toBe(2_000_000)
    expect(big.text.startsWith('{"message":"xxx')).toBe(true)
    expect(() => JSON.parse(big.text)).not.toThrow()
    expect((await issueV21(channel)).text).toBe('{"mes')
  })

  it('redirects with status 302 and a location header', async () => {
    channel.emulator.addFault({ path, responses: [{ status: 302, headers: { location: 'https://example.com/' } }] })
    const reply = await issueV21(channel)
    expect(reply.status).toBe(302)
    expect(reply.headers.get('location')).toBe('https://example.com/')
  })

  it('sends no body with 204, and lets a fault override the content type', async () => {
    channel.emulator.addFault({
      path,
      responses: [{ status: 204, body: 'ignored' }, { status: 200, body: 'plain', headers: { 'Content-Type': 'text/plain' } }]
    })
    const noContent = await issueV21(channel)
    expect(noContent.status).toBe(204)
    expect(noContent.text).toBe('')
    const plain = await issueV21(channel)
    expect(plain.headers.get('content-type')).toBe('text/plain')
    expect(plain.text).toBe('plain')
  })

  it('adds headers to a normal answer when no status is scripted', async () => {
    channel.emulator.addFault({ path, responses: [{ headers: { 'x-extra': 'yes' } }] })
    const reply = await issueV21(channel)
    expect(reply.status).toBe(200)
    expect(reply.headers.get('x-extra')).toBe('yes')
    expect(channel.emulator.requests()[0]).toMatchObject({ status: 200, injected: true })
  })

  it('forgets queued faults on clearFaults', async () => {
    channel.emulator.addFault({ path, responses: [{ status: 500 }] })
    channel.emulator.clearFaults()
    expect((await issueV21(channel)).status).toBe(200)
  })

  it.each([
    [{ path: 'no-slash', responses: [] }, 'path'],
    [{ path, responses: 'x' }, 'responses'],
    [{ path, responses: [null] }, 'must be an object'],
    [{ path, responses: [{ status: 42 }] }, 'status'],
    [{ path, responses: [{ status: 200.5 }] }, 'status'],
    [{ path, responses: [{ body: 5 }] }, 'body'],
    [{ path, responses: [{ bodyBytes: -1 }] }, 'bodyBytes'],
    [{ path, responses: [{ delayMs: Number.NaN }] }, 'delayMs'],
    [{ path, responses: [{ headers: { a: 1 } }] }, 'headers'],
    [{ path, responses: [{ headers: null }] }, 'headers'],
    [null, 'path']
  ])('refuses the malformed rule %j', (rule, word) => {
    expect(() => channel.emulator.addFault(rule as never)).toThrow(word)
  })
})
