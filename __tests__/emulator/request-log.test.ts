import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { HOUR_MS, issueV21, revoke, signAssertion, startWithChannel, type Channel } from './support.js'

describe('the request log and the skewed clock', () => {
  let channel: Channel
  beforeAll(async () => {
    channel = await startWithChannel({ clockSkewMs: -HOUR_MS })
  })
  afterAll(() => channel.emulator.close())

  it('stamps the Date header and the log with the skewed clock', async () => {
    const nowSeconds = Math.floor((Date.now() - HOUR_MS) / 1000)
    const reply = await issueV21(channel, await signAssertion(channel, { nowSeconds }))
    expect(reply.status).toBe(200)
    const date = Date.parse(reply.headers.get('date') as string)
    expect(Math.abs(date - (Date.now() - HOUR_MS))).toBeLessThan(5_000)
    const [entry] = channel.emulator.requests()
    expect(Math.abs(entry.at - (Date.now() - HOUR_MS))).toBeLessThan(5_000)
  })

  it('refuses an assertion whose exp is fine on the real clock but too far ahead on the emulator clock', async () => {
    const reply = await issueV21(channel)
    expect(reply.json).toEqual({ error: 'invalid_client', error_description: 'Invalid exp' })
  })

  it('logs method, path, status, time and injection, and never a token, secret or query', async () => {
    channel.emulator.clearRequests()
    const nowSeconds = Math.floor((Date.now() - HOUR_MS) / 1000)
    const assertion = await signAssertion(channel, { nowSeconds })
    const issued = await issueV21(channel, assertion)
    await revoke(channel, issued.json.access_token as string)
    await fetch(`${channel.emulator.url}/oauth2/v2.1/verify?access_token=${issued.json.access_token as string}`)
    const log = channel.emulator.requests()
    expect(log.map(({ method, path, status, injected }) => ({ method, path, status, injected }))).toEqual([
      { method: 'POST', path: '/oauth2/v2.1/token', status: 200, injected: false },
      { method: 'POST', path: '/oauth2/v2.1/revoke', status: 200, injected: false },
      { method: 'GET', path: '/oauth2/v2.1/verify', status: 400, injected: false }
    ])
    const text = JSON.stringify(log)
    for (const secret of [issued.json.access_token as string, assertion, channel.channelSecret, 'access_token']) {
      expect(text).not.toContain(secret)
    }
  })

  it('hands out copies: changing a returned entry does not change the log', () => {
    const [entry] = channel.emulator.requests()
    entry.status = 999
    expect(channel.emulator.requests()[0].status).not.toBe(999)
  })
})
