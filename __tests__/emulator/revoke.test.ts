import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { issueV21, postForm, revoke, startWithChannel, type Channel } from './support.js'

describe('POST /oauth2/v2.1/revoke', () => {
  let channel: Channel
  beforeAll(async () => {
    channel = await startWithChannel()
  })
  afterAll(() => channel.emulator.close())

  const badCredentials = { error: 'invalid_client', error_description: "Invalid 'client_credentials'." }

  it('revokes with the channel secret and answers 200 with an empty body', async () => {
    const issued = await issueV21(channel)
    const reply = await revoke(channel, issued.json.access_token as string)
    expect(reply.status).toBe(200)
    expect(reply.text).toBe('')
    expect(reply.headers.get('x-line-request-id')).toMatch(/^[0-9a-f]{32}$/)
    expect(channel.emulator.activeKeyIds(channel.channelId)).not.toContain(issued.json.key_id)
    expect(channel.emulator.tokens(channel.channelId).find((t) => t.keyId === issued.json.key_id)?.revoked).toBe(true)
  })

  it('refuses a wrong channel secret or an unknown channel and keeps the token', async () => {
    const issued = await issueV21(channel)
    const wrongSecret = await revoke(channel, issued.json.access_token as string, 'not-the-secret')
    expect(wrongSecret.status).toBe(400)
    expect(wrongSecret.json).toEqual(badCredentials)
    const unknownChannel = await postForm(channel.emulator.url, '/oauth2/v2.1/revoke', {
      client_id: '9999999999',
      client_secret: channel.channelSecret,
      access_token: issued.json.access_token as string
    })
    expect(unknownChannel.json).toEqual(badCredentials)
    expect(channel.emulator.activeKeyIds(channel.channelId)).toContain(issued.json.key_id)
  })

  it('answers 200 for an unknown token', async () => {
    const reply = await revoke(channel, 'eyJhbGciOiJIUzI1NiJ9.unknown.token')
    expect(reply.status).toBe(200)
    expect(reply.text).toBe('')
  })

  it("answers 200 but leaves another channel's token alone", async () => {
    const other = channel.emulator.seedToken('3333333333', 600)
    expect((await revoke(channel, other.accessToken)).status).toBe(200)
    expect(channel.emulator.activeKeyIds('3333333333')).toEqual([other.keyId])
  })

  it('requires client_id, client_secret and access_token', async () => {
    const full = { client_id: channel.channelId, client_secret: channel.channelSecret, access_token: 'x' }
    for (const missing of ['client_id', 'client_secret', 'access_token'] as const) {
      const form: Record<string, string> = { ...full }
      delete form[missing]
      const reply = await postForm(channel.emulator.url, '/oauth2/v2.1/revoke', form)
      expect(reply.status).toBe(400)
      expect(reply.json).toEqual({ error: 'invalid_request', error_description: `'${missing}' is required` })
    }
  })
})
