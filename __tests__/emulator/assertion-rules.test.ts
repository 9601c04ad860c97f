import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { CompactSign, SignJWT } from 'jose'
import { issueV21, listKids, newRsaKey, signAssertion, startWithChannel, type Channel } from './support.js'

describe('the assertion is checked like LINE does', () => {
  let channel: Channel
  beforeAll(async () => {
    channel = await startWithChannel()
  })
  afterAll(() => channel.emulator.close())

  const now = () => Math.floor(Date.now() / 1000)
  const invalidClient = (description: string) => ({ error: 'invalid_client', error_description: description })

  it('refuses an aud other than https://api.line.me/', async () => {
    for (const aud of ['https://api.line.me', 'http://127.0.0.1/', ['https://api.line.me/']]) {
      const reply = await issueV21(channel, await signAssertion(channel, { claims: { aud } }))
      expect(reply.status).toBe(400)
      expect(reply.json).toEqual(invalidClient('Invalid aud'))
    }
  })

  it('refuses iss != sub, and iss/sub that are not the channel of the key', async () => {
    for (const claims of [{ sub: '999' }, { iss: '999' }, { iss: '999', sub: '999' }, { iss: undefined }]) {
      const reply = await issueV21(channel, await signAssertion(channel, { claims }))
      expect(reply.status).toBe(400)
      expect(reply.json).toEqual(invalidClient('iss and clientId of key do not match'))
    }
  })

  it('accepts exp up to 30 minutes ahead and refuses anything later', async () => {
    const exact = await issueV21(channel, await signAssertion(channel, { claims: { exp: now() + 1800 } }))
    expect(exact.status).toBe(200)
    const tooFar = await issueV21(channel, await signAssertion(channel, { claims: { exp: now() + 1900 } }))
    expect(tooFar.status).toBe(400)
    expect(tooFar.json).toEqual(invalidClient('Invalid exp'))
  })

  it('refuses exp in the past, exp equal to now, and a missing or non-numeric exp', async () => {
    for (const exp of [now() - 60, now() - 1, undefined, 'soon']) {
      const reply = await issueV21(channel, await signAssertion(channel, { claims: { exp: exp as number } }))
      expect(reply.json).toEqual(invalidClient('Invalid exp'))
    }
  })

  it('answers 404 in the plain shape for an unknown or missing kid', async () => {
    for (const header of [{ kid: '00000000-0000-4000-8000-000000000000' }, { kid: undefined }]) {
      const reply = await issueV21(channel, await signAssertion(channel, { header }))
      expect(reply.status).toBe(404)
      expect(reply.json).toEqual({ message: 'Cannot find channel key that satisfies the conditions' })
    }
  })

  it('refuses an assertion signed by another key', async () => {
    const reply = await issueV21(channel, await signAssertion(channel, { key: newRsaKey().privateKey }))
    expect(reply.status).toBe(400)
    expect(reply.json).toEqual(invalidClient('Invalid signature'))
  })

  it('refuses a tampered payload', async () => {
    const [header, , signature] = (await signAssertion(channel)).split('.')
    const payload = Buffer.from(JSON.stringify({ iss: channel.channelId, sub: channel.channelId, token_exp: 1 })).toString('base64url')
    const reply = await issueV21(channel, `${header}.${payload}.${signature}`)
    expect(reply.json).toEqual(invalidClient('Invalid signature'))
  })

  it('refuses another alg and another typ', async () => {
    const rs384 = await new SignJWT({ iss: channel.channelId, sub: channel.channelId, aud: 'https://api.line.me/', exp: now() + 60, token_exp: 60 })
      .setProtectedHeader({ alg: 'RS384', typ: 'JWT', kid: channel.kid })
      .sign(channel.key.privateKey)
    expect((await issueV21(channel, rs384)).json).toEqual(invalidClient('Invalid alg: use RS256'))
    const noTyp = await issueV21(channel, await signAssertion(channel, { header: { typ: undefined } }))
    expect(noTyp.json).toEqual(invalidClient('Invalid typ: use JWT'))
  })

  it('refuses something that is not a JWS, and a payload that is not a JSON object', async () => {
    const garbage = await issueV21(channel, 'not-a-jwt')
    expect(garbage.status).toBe(400)
    expect(garbage.json).toEqual({ error: 'invalid_request', error_description: 'The client_assertion is not a JWS' })
    const arrayPayload = await new CompactSign(new TextEncoder().encode('[1,2]'))
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: channel.kid })
      .sign(channel.key.privateKey)
    expect((await issueV21(channel, arrayPayload)).json.error_description).toBe('The client_assertion payload is not a JSON object')
    const textPayload = await new CompactSign(new TextEncoder().encode('hello'))
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: channel.kid })
      .sign(channel.key.privateKey)
    expect((await issueV21(channel, textPayload)).json.error_description).toBe('The client_assertion payload is not a JSON object')
  })

  it('applies the same rules to the key ID list', async () => {
    const reply = await listKids(channel, await signAssertion(channel, { claims: { aud: 'https://example.com/' } }))
    expect(reply.status).toBe(400)
    expect(reply.json).toEqual(invalidClient('Invalid aud'))
  })

  it('ties a key to its own channel: another channel key cannot speak for this one', async () => {
    const other = newRsaKey()
    const otherKid = channel.emulator.registerPublicKey('2222222222', other.publicJwk)
    const reply = await issueV21(channel, await signAssertion(channel, { header: { kid: otherKid }, key: other.privateKey }))
    expect(reply.json).toEqual(invalidClient('iss and clientId of key do not match'))
  })
})
