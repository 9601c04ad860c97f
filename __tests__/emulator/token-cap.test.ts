import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { HOUR_MS, issueV21, revoke, signAssertion, startWithChannel, type Channel } from './support.js'

describe('at most 30 active v2.1 tokens per channel', () => {
  let channel: Channel
  beforeAll(async () => {
    channel = await startWithChannel()
  })
  afterAll(() => channel.emulator.close())

  const capMessage = { message: 'The maximum number of access tokens has already been issued' }

  it('refuses the 31st token with LINE message and evicts nothing', async () => {
    for (let i = 0; i < 29; i++) channel.emulator.seedToken(channel.channelId, 60)
    const thirtieth = await issueV21(channel)
    expect(thirtieth.status).toBe(200)
    const before = channel.emulator.activeKeyIds(channel.channelId)
    expect(before).toHaveLength(30)

    const refused = await issueV21(channel)
    expect(refused.status).toBe(400)
    expect(refused.json).toEqual(capMessage)
    expect(channel.emulator.activeKeyIds(channel.channelId)).toEqual(before)
    expect(() => channel.emulator.seedToken(channel.channelId, 60)).toThrow(capMessage.message)
  })

  it('frees slots when tokens expire (time moved with clock skew)', async () => {
    // 29 seeded tokens live 60 s, the one issued through the API lives 1 h.
    channel.emulator.setClockSkew(HOUR_MS / 2)
    expect(channel.emulator.activeKeyIds(channel.channelId)).toHaveLength(1)
    const nowSeconds = Math.floor((Date.now() + HOUR_MS / 2) / 1000)
    const reply = await issueV21(channel, await signAssertion(channel, { nowSeconds }))
    expect(reply.status).toBe(200)
    channel.emulator.setClockSkew(0)
  })
})

describe('revoking frees a slot', () => {
  let channel: Channel
  beforeAll(async () => {
    channel = await startWithChannel()
  })
  afterAll(() => channel.emulator.close())

  it('lets the 31st issue succeed after one of 30 is revoked', async () => {
    const held = channel.emulator.seedToken(channel.channelId, 600)
    for (let i = 0; i < 29; i++) channel.emulator.seedToken(channel.channelId, 600)
    expect((await issueV21(channel)).status).toBe(400)
    expect((await revoke(channel, held.accessToken)).status).toBe(200)
    expect(channel.emulator.activeKeyIds(channel.channelId)).not.toContain(held.keyId)
    expect((await issueV21(channel)).status).toBe(200)
  })
})
