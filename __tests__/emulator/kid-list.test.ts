import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { HOUR_MS, issueV21, JWT_BEARER, getQuery, listKids, revoke, signAssertion, startWithChannel, type Channel } from './support.js'

describe('GET /oauth2/v2.1/tokens/kid lists the key IDs of valid v2.1 tokens', () => {
  let channel: Channel
  beforeAll(async () => {
    channel = await startWithChannel()
  })
  afterAll(() => channel.emulator.close())

  it('lists nothing for a fresh channel', async () => {
    const reply = await listKids(channel)
    expect(reply.status).toBe(200)
    expect(reply.json).toEqual({ kids: [] })
    expect(reply.headers.get('x-line-request-id')).toMatch(/^[0-9a-f]{32}$/)
  })

  it('lists issued tokens; revoked and expired ones drop out', async () => {
    const shortLived = await issueV21(channel, await signAssertion(channel, { claims: { token_exp: 60 } }))
    const toRevoke = await issueV21(channel)
    const longLived = await issueV21(channel, await signAssertion(channel, { claims: { token_exp: 86_400 } }))
    expect((await listKids(channel)).json.kids).toEqual([shortLived.json.key_id, toRevoke.json.key_id, longLived.json.key_id])

    await revoke(channel, toRevoke.json.access_token as string)
    expect((await listKids(channel)).json.kids).toEqual([shortLived.json.key_id, longLived.json.key_id])

    channel.emulator.setClockSkew(2 * HOUR_MS)
    const later = await signAssertion(channel, { nowSeconds: Math.floor((Date.now() + 2 * HOUR_MS) / 1000) })
    expect((await listKids(channel, later)).json.kids).toEqual([longLived.json.key_id])
    expect(channel.emulator.activeKeyIds(channel.channelId)).toEqual([longLived.json.key_id])
    channel.emulator.setClockSkew(0)
  })

  it('does not list stateless tokens or other channels', async () => {
    channel.emulator.seedToken('5555555555', 600)
    const kids = (await listKids(channel)).json.kids as string[]
    expect(kids).not.toContain(channel.emulator.activeKeyIds('5555555555')[0])
  })

  it('needs the jwt-bearer assertion type', async () => {
    const reply = await getQuery(channel.emulator.url, '/oauth2/v2.1/tokens/kid', {
      client_assertion_type: `${JWT_BEARER}x`,
      client_assertion: await signAssertion(channel)
    })
    expect(reply.status).toBe(400)
    expect(reply.json.error).toBe('invalid_request')
    const noType = await getQuery(channel.emulator.url, '/oauth2/v2.1/tokens/kid')
    expect(noType.status).toBe(400)
  })
})
