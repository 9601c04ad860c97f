import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { issueV21, JWT_BEARER, postForm, signAssertion, startWithChannel, type Channel } from './support.js'

describe('POST /oauth2/v2.1/token issues a v2.1 token', () => {
  let channel: Channel
  beforeAll(async () => {
    channel = await startWithChannel()
  })
  afterAll(() => channel.emulator.close())

  it('answers access_token, expires_in = token_exp, token_type Bearer and a key_id, with LINE headers', async () => {
    const reply = await issueV21(channel, await signAssertion(channel, { claims: { token_exp: 900 } }))
    expect(reply.status).toBe(200)
    expect(reply.json).toEqual({
      access_token: expect.stringMatching(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/),
      expires_in: 900,
      token_type: 'Bearer',
      key_id: expect.stringMatching(/^[\w-]{16,}$/)
    })
    expect((reply.json.access_token as string).length).toBeGreaterThanOrEqual(160)
    expect(reply.headers.get('x-line-request-id')).toMatch(/^[0-9a-f]{32}$/)
    expect(reply.headers.get('content-type')).toBe('application/json')
    expect(Math.abs(Date.parse(reply.headers.get('date') as string) - Date.now())).toBeLessThan(5_000)
    expect(channel.emulator.activeKeyIds(channel.channelId)).toContain(reply.json.key_id)
  })

  it('gives every token its own key_id and request ID', async () => {
    const [a, b] = [await issueV21(channel), await issueV21(channel)]
    expect(a.json.key_id).not.toBe(b.json.key_id)
    expect(a.json.access_token).not.toBe(b.json.access_token)
    expect(a.headers.get('x-line-request-id')).not.toBe(b.headers.get('x-line-request-id'))
  })

  it('records the token for the admin view without its secret value', async () => {
    const reply = await issueV21(channel)
    const info = channel.emulator.tokens(channel.channelId).find((token) => token.keyId === reply.json.key_id)
    expect(info).toEqual({
      channelId: channel.channelId,
      keyId: reply.json.key_id,
      tokenType: 'v2.1',
      issuedAt: expect.any(Number),
      expiresAt: expect.any(Number),
      revoked: false
    })
    expect((info?.expiresAt ?? 0) - (info?.issuedAt ?? 0)).toBe(3_600_000)
    expect(JSON.stringify(channel.emulator.tokens(channel.channelId))).not.toContain(reply.json.access_token)
  })

  it('refuses a wrong or missing grant_type and a wrong client_assertion_type', async () => {
    const assertion = await signAssertion(channel)
    const url = channel.emulator.url
    const base = { client_assertion_type: JWT_BEARER, client_assertion: assertion }
    expect((await postForm(url, '/oauth2/v2.1/token', base)).json).toEqual({
      error: 'invalid_request',
      error_description: "'grant_type' is required"
    })
    const wrongGrant = await postForm(url, '/oauth2/v2.1/token', { ...base, grant_type: 'password' })
    expect(wrongGrant.status).toBe(400)
    expect(wrongGrant.json.error).toBe('unsupported_grant_type')
    const wrongType = await postForm(url, '/oauth2/v2.1/token', { ...base, grant_type: 'client_credentials', client_assertion_type: 'jwt' })
    expect(wrongType.status).toBe(400)
    expect(wrongType.json.error).toBe('invalid_request')
    const noAssertion = await postForm(url, '/oauth2/v2.1/token', { grant_type: 'client_credentials', client_assertion_type: JWT_BEARER })
    expect(noAssertion.json.error_description).toBe("'client_assertion' is required")
  })

  it('refuses a body that is not form-urlencoded', async () => {
    const response = await fetch(`${channel.emulator.url}/oauth2/v2.1/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}'
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      error: 'invalid_request',
      error_description: 'Content-Type must be application/x-www-form-urlencoded'
    })
  })

  it('answers 405 to the wrong method and 404 to an unknown path, in the plain error shape', async () => {
    const wrongMethod = await fetch(`${channel.emulator.url}/oauth2/v2.1/token`)
    expect(wrongMethod.status).toBe(405)
    expect(await wrongMethod.json()).toEqual({ message: 'Method not allowed' })
    const unknown = await fetch(`${channel.emulator.url}/v2/bot/info`)
    expect(unknown.status).toBe(404)
    expect(await unknown.json()).toEqual({ message: 'Not found' })
    expect(unknown.headers.get('x-line-request-id')).toMatch(/^[0-9a-f]{32}$/)
  })

  it('refuses a request body over 64 KiB with 413', async () => {
    const response = await fetch(`${channel.emulator.url}/oauth2/v2.1/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `grant_type=${'x'.repeat(70 * 1024)}`
    })
    expect(response.status).toBe(413)
    expect(await response.json()).toEqual({ message: 'Request body too large' })
  })
})
