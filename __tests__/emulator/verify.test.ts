import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { getQuery, HOUR_MS, issueV21, revoke, startWithChannel, type Channel } from './support.js'

describe('GET /oauth2/v2.1/verify', () => {
  let channel: Channel
  beforeAll(async () => {
    channel = await startWithChannel()
  })
  afterAll(() => channel.emulator.close())

  const verify = (accessToken?: string) =>
    getQuery(channel.emulator.url, '/oauth2/v2.1/verify', accessToken === undefined ? {} : { access_token: accessToken })
  const expired = { error: 'invalid_request', error_description: 'The access token expired' }

  it('answers client_id, the seconds left and a scope for a valid token', async () => {
    const token = (await issueV21(channel)).json.access_token as string
    const reply = await verify(token)
    expect(reply.status).toBe(200)
    expect(reply.json).toEqual({ client_id: channel.channelId, expires_in: expect.any(Number), scope: expect.any(String) })
    expect(reply.json.expires_in).toBeGreaterThan(3590)
    expect(reply.json.expires_in).toBeLessThanOrEqual(3600)

    channel.emulator.setClockSkew(HOUR_MS / 2)
    const later = await verify(token)
    expect(later.json.expires_in).toBeLessThanOrEqual(1800)
    expect(later.json.expires_in).toBeGreaterThan(1790)

    channel.emulator.setClockSkew(HOUR_MS)
    expect((await verify(token)).json).toEqual(expired)
    channel.emulator.setClockSkew(0)
  })

  it('says expired for a revoked or unknown token and malformed for garbage', async () => {
    const token = (await issueV21(channel)).json.access_token as string
    await revoke(channel, token)
    expect((await verify(token)).json).toEqual(expired)
    expect((await verify('eyJhbGciOiJIUzI1NiJ9.abc.def')).status).toBe(400)
    expect((await verify('eyJhbGciOiJIUzI1NiJ9.abc.def')).json).toEqual(expired)
    expect((await verify('hello world')).json).toEqual({ error: 'invalid_request', error_description: 'The access token malformed' })
  })

  it('requires access_token', async () => {
    const reply = await verify()
    expect(reply.status).toBe(400)
    expect(reply.json).toEqual({ error: 'invalid_request', error_description: "'access_token' is required" })
  })
})
