import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { issueV21, signAssertion, startWithChannel, type Channel } from './support.js'

describe('token_exp (the requested v2.1 lifetime in seconds)', () => {
  let channel: Channel
  beforeAll(async () => {
    channel = await startWithChannel()
  })
  afterAll(() => channel.emulator.close())

  const invalid = { error: 'invalid_request', error_description: 'Invalid token_exp' }

  it('accepts exactly 30 days', async () => {
    const reply = await issueV21(channel, await signAssertion(channel, { claims: { token_exp: 2_592_000 } }))
    expect(reply.status).toBe(200)
    expect(reply.json.expires_in).toBe(2_592_000)
  })

  it.each([
    ['over 30 days', 2_592_001],
    ['zero', 0],
    ['negative', -5],
    ['fractional', 1.5],
    ['a string', '3600'],
    ['missing', undefined]
  ])('refuses a token_exp that is %s', async (_label, tokenExp) => {
    const reply = await issueV21(channel, await signAssertion(channel, { claims: { token_exp: tokenExp as number } }))
    expect(reply.status).toBe(400)
    expect(reply.json).toEqual(invalid)
  })
})
