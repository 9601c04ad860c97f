import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { getQuery, JWT_BEARER, postForm, signAssertion, startWithChannel, type Channel } from './support.js'

describe('POST /oauth2/v3/token issues stateless tokens', () => {
  let channel: Channel
  beforeAll(async () => {
    channel = await startWithChannel()
  })
  afterAll(() => channel.emulator.close())

  const issue = (form: Record<string, string>) =>
    postForm(channel.emulator.url, '/oauth2/v3/token', { grant_type: 'client_credentials', ...form })

  it('issues a 15-minute token from an assertion (token_exp not needed), even with 30 v2.1 tokens active', async () => {
    for (let i = 0; i < 30; i++) channel.emulator.seedToken(channel.channelId, 600)
    const assertion = await signAssertion(channel, { claims: { token_exp: undefined } })
    const reply = await issue({ client_assertion_type: JWT_BEARER, client_assertion: assertion })
    expect(reply.status).toBe(200)
    expect(reply.json).toEqual({ token_type: 'Bearer', access_token: expect.stringMatching(/^eyJ/), expires_in: 900 })
    expect(reply.headers.get('x-line-request-id')).toMatch(/^[0-9a-f]{32}$/)
    const verified = await getQuery(channel.emulator.url, '/oauth2/v2.1/verify', { access_token: reply.json.access_token as string })
    expect(verified.json.client_id).toBe(channel.channelId)
    expect(channel.emulator.activeKeyIds(channel.channelId)).toHaveLength(30)
    expect(channel.emulator.tokens(channel.channelId).filter((t) => t.tokenType === 'stateless')).toHaveLength(1)
  })

  it('issues from client_id and client_secret', async () => {
    const reply = await issue({ client_id: channel.channelId, client_secret: channel.channelSecret })
    expect(reply.status).toBe(200)
    expect(reply.json.expires_in).toBe(900)
  })

  it('refuses a wrong secret, an unknown channel, and no credentials at all', async () => {
    const badCredentials = { error: 'invalid_client', error_description: "Invalid 'client_credentials'." }
    expect((await issue({ client_id: channel.channelId, client_secret: 'wrong' })).json).toEqual(badCredentials)
    expect((await issue({ client_id: '42', client_secret: channel.channelSecret })).json).toEqual(badCredentials)
    const none = await issue({})
    expect(none.status).toBe(400)
    expect(none.json).toEqual(badCredentials)
  })

  it('checks the assertion and the grant type', async () => {
    const expired = await signAssertion(channel, { claims: { exp: Math.floor(Date.now() / 1000) - 10 } })
    const reply = await issue({ client_assertion_type: JWT_BEARER, client_assertion: expired })
    expect(reply.json).toEqual({ error: 'invalid_client', error_description: 'Invalid exp' })
    const wrongGrant = await postForm(channel.emulator.url, '/oauth2/v3/token', {
      grant_type: 'authorization_code',
      client_id: channel.channelId,
      client_secret: channel.channelSecret
    })
    expect(wrongGrant.json.error).toBe('unsupported_grant_type')
  })
})
