import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startEmulator, type Emulator } from '../../src/emulator/index.js'
import { issueV21, newRsaKey, signAssertion, type Channel } from './support.js'

describe('the admin API under /__emulator/ drives the emulator out of process', () => {
  let emulator: Emulator
  beforeAll(async () => {
    emulator = await startEmulator()
  })
  afterAll(() => emulator.close())

  async function admin(method: string, name: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    const response = await fetch(`${emulator.url}/__emulator/${name}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
    })
    return { status: response.status, json: await response.json() }
  }

  it('sets up a channel and a key, then issues and lists through LINE endpoints', async () => {
    const created = await admin('POST', 'channels', { channelId: '1111111111', channelSecret: 'secret-1' })
    expect(created).toEqual({ status: 200, json: { channelId: '1111111111', channelSecret: 'secret-1' } })
    expect((await admin('POST', 'channels', { channelId: '1111111111' })).json).toEqual(created.json)

    const key = newRsaKey()
    const { json } = await admin('POST', 'keys', { channelId: '1111111111', publicJwk: key.publicJwk })
    const kid = (json as { kid: string }).kid
    expect(kid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)

    const channel: Channel = { emulator, channelId: '1111111111', channelSecret: 'secret-1', kid, key }
    const issued = await issueV21(channel, await signAssertion(channel))
    expect(issued.status).toBe(200)

    expect((await admin('GET', 'kids?channelId=1111111111')).json).toEqual([issued.json.key_id])
    const tokens = (await admin('GET', 'tokens?channelId=1111111111')).json as Array<Record<string, unknown>>
    expect(tokens).toEqual([expect.objectContaining({ keyId: issued.json.key_id, tokenType: 'v2.1', revoked: false })])
    expect((await admin('GET', 'kids')).json).toEqual([])
    expect((await admin('GET', 'tokens')).json).toEqual([])
  })

  it('seeds tokens', async () => {
    const seeded = await admin('POST', 'seed', { channelId: '2222222222', lifetimeSeconds: 60 })
    expect(seeded.status).toBe(200)
    expect(seeded.json).toEqual({ accessToken: expect.stringMatching(/^eyJ/), keyId: expect.any(String) })
    expect(emulator.activeKeyIds('2222222222')).toEqual([(seeded.json as { keyId: string }).keyId])
    const bad = await admin('POST', 'seed', { channelId: '2222222222', lifetimeSeconds: 0 })
    expect(bad).toEqual({ status: 400, json: { message: 'lifetimeSeconds must be a whole number of seconds above 0' } })
  })

  it('queues and clears faults', async () => {
    expect((await admin('POST', 'faults', { path: '/oauth2/v2.1/verify', responses: [{ status: 500 }, { status: 500 }] })).json).toEqual({ ok: true })
    expect((await fetch(`${emulator.url}/oauth2/v2.1/verify`)).status).toBe(500)
    expect((await admin('DELETE', 'faults')).json).toEqual({ ok: true })
    expect((await fetch(`${emulator.url}/oauth2/v2.1/verify`)).status).toBe(400)
    expect((await admin('POST', 'faults', { path: '/x', responses: [{ status: 1 }] })).status).toBe(400)
  })

  it('moves the clock and sets latency', async () => {
    expect((await admin('POST', 'clock', { skewMs: 86_400_000 })).json).toEqual({ ok: true })
    const date = Date.parse((await fetch(`${emulator.url}/oauth2/v2.1/verify`)).headers.get('date') as string)
    expect(date - Date.now()).toBeGreaterThan(86_000_000)
    expect((await admin('POST', 'clock', { skewMs: 'soon' })).status).toBe(400)
    expect((await admin('POST', 'clock', { skewMs: 0 })).status).toBe(200)

    expect((await admin('POST', 'latency', { ms: 100 })).json).toEqual({ ok: true })
    const started = Date.now()
    await fetch(`${emulator.url}/oauth2/v2.1/verify`)
    expect(Date.now() - started).toBeGreaterThanOrEqual(90)
    expect((await admin('POST', 'latency', { ms: 0 })).status).toBe(200)
  })

  it('reads and clears the request log, which leaves admin calls out', async () => {
    await admin('DELETE', 'requests')
    await fetch(`${emulator.url}/oauth2/v2.1/verify`)
    const log = (await admin('GET', 'requests')).json as Array<Record<string, unknown>>
    expect(log).toEqual([{ method: 'GET', path: '/oauth2/v2.1/verify', status: 400, at: expect.any(Number), injected: false }])
    expect((await admin('DELETE', 'requests')).json).toEqual({ ok: true })
    expect((await admin('GET', 'requests')).json).toEqual([])
  })

  it('answers errors in the plain shape: unknown route, bad JSON, bad input', async () => {
    expect(await admin('GET', 'nope')).toEqual({ status: 404, json: { message: 'No admin route GET /__emulator/nope' } })
    expect(await admin('POST', 'channels', '{not json')).toEqual({ status: 400, json: { message: 'The admin API takes a JSON body' } })
    expect(await admin('POST', 'channels', '[1]')).toEqual({ status: 400, json: { message: 'The admin API takes a JSON object' } })
    expect((await admin('POST', 'channels', { channelId: 'abc' })).status).toBe(400)
    expect((await admin('POST', 'keys', { channelId: '1', publicJwk: { kty: 'EC' } })).status).toBe(400)
  })
})
