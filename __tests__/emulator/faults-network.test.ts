import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { request } from 'node:http'
import { startEmulator } from '../../src/emulator/index.js'
import { getQuery, issueV21, startWithChannel, type Channel } from './support.js'

describe('fault injection: broken connections, delays and latency', () => {
  let channel: Channel
  beforeAll(async () => {
    channel = await startWithChannel()
  })
  afterEach(() => {
    channel.emulator.clearFaults()
    channel.emulator.clearRequests()
    channel.emulator.setLatency(0)
  })
  afterAll(() => channel.emulator.close())

  const path = '/oauth2/v2.1/token'

  it('drops the connection without an answer', async () => {
    channel.emulator.addFault({ path, responses: [{ drop: true }] })
    await expect(issueV21(channel)).rejects.toThrow('fetch failed')
    expect(channel.emulator.requests()).toEqual([{ method: 'POST', path, status: 0, at: expect.any(Number), injected: true }])
    expect((await issueV21(channel)).status).toBe(200)
  })

  it('hangs without answering', async () => {
    channel.emulator.addFault({ path: '/oauth2/v2.1/verify', responses: [{ hang: true }] })
    const started = Date.now()
    const pending = fetch(`${channel.emulator.url}/oauth2/v2.1/verify?access_token=x`, { signal: AbortSignal.timeout(150) })
    await expect(pending).rejects.toThrow()
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)
    expect(channel.emulator.requests()[0]).toMatchObject({ status: 0, injected: true })
  })

  it('resets the connection in the middle of the body', async () => {
    channel.emulator.addFault({ path, responses: [{ resetMidBody: true }, { status: 200, body: '', resetMidBody: true }] })
    const response = await fetch(`${channel.emulator.url}${path}`, { method: 'POST' })
    expect(response.status).toBe(200)
    expect(Number(response.headers.get('content-length'))).toBeGreaterThan(0)
    await expect(response.text()).rejects.toThrow()
    const second = await fetch(`${channel.emulator.url}${path}`, { method: 'POST' })
    await expect(second.text()).rejects.toThrow()
  })

  it('delays a scripted answer and a normal one', async () => {
    channel.emulator.addFault({ path, responses: [{ delayMs: 120, status: 500 }, { delayMs: 120 }] })
    let started = Date.now()
    expect((await issueV21(channel)).status).toBe(500)
    expect(Date.now() - started).toBeGreaterThanOrEqual(110)
    started = Date.now()
    expect((await issueV21(channel)).status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(110)
  })

  it('adds global latency to LINE endpoints but not to the admin API', async () => {
    channel.emulator.setLatency(120)
    let started = Date.now()
    await getQuery(channel.emulator.url, '/oauth2/v2.1/verify', { access_token: 'x' })
    expect(Date.now() - started).toBeGreaterThanOrEqual(110)
    started = Date.now()
    await getQuery(channel.emulator.url, '/__emulator/requests')
    expect(Date.now() - started).toBeLessThan(110)
    expect(() => channel.emulator.setLatency(-1)).toThrow('latency')
  })

  it('closes at once with a hanging request, a pending delay and an idle keep-alive socket', async () => {
    const emulator = await startEmulator({ latencyMs: 0 })
    emulator.addFault({ path: '/a', responses: [{ hang: true }] })
    emulator.addFault({ path: '/b', responses: [{ delayMs: 60_000 }] })
    const errors: Error[] = []
    const send = (p: string) =>
      new Promise<void>((resolve) => {
        const req = request(`${emulator.url}${p}`, () => resolve())
        req.on('error', (error) => {
          errors.push(error)
          resolve()
        })
        req.end()
      })
    const hanging = send('/a')
    const delayed = send('/b')
    await new Promise((resolve) => setTimeout(resolve, 50))
    const started = Date.now()
    await emulator.close()
    await Promise.all([hanging, delayed])
    expect(Date.now() - started).toBeLessThan(1_000)
    expect(errors).toHaveLength(2)
  })
})
