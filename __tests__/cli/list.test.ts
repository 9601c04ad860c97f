// list: the valid key IDs, plain or --json, marked with what the ledger knows.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { openLedger } from '../../src/ledger/index.js'
import { startServer } from '../helpers/http-server.js'
import { runInProcess, startChannel, type Channel } from './support.js'

describe('line-token list', () => {
  let channel: Channel
  let recorded: { accessToken: string; keyId: string }
  let unrecorded: { accessToken: string; keyId: string }
  let ledgerDir: string
  beforeAll(async () => {
    channel = await startChannel()
    ledgerDir = join(channel.dir, 'ledger')
    recorded = channel.emulator.seedToken(channel.channelId, 3600)
    unrecorded = channel.emulator.seedToken(channel.channelId, 3600)
    const ledger = await openLedger(`file:${ledgerDir}`, { channelSecret: channel.channelSecret })
    const at = new Date().toISOString()
    const expires = new Date(Date.now() + 3_600_000).toISOString()
    await ledger.put({ channelId: channel.channelId, ...recorded, issuedAt: at, expiresAt: expires, run: { runId: '7', url: 'https://github.com/me/bot/actions/runs/7' } })
    await ledger.put({ channelId: channel.channelId, keyId: 'gone-key-id', accessToken: 'gone-token-value', issuedAt: at, expiresAt: expires })
  })
  afterAll(() => channel.close())

  it('prints one valid key ID per line and the count on stderr', async () => {
    const result = await runInProcess(['list'], { env: channel.env })
    expect(result.code).toBe(0)
    expect(result.stdout.trim().split('\n').sort()).toEqual([recorded.keyId, unrecorded.keyId].sort())
    expect(result.stderr).toBe(`Channel ${channel.channelId} holds 2 of 30 valid v2.1 tokens.\n`)
  })

  it('marks each key ID with the ledger record, or "not in ledger"', async () => {
    const result = await runInProcess(['list', '--ledger', `file:${ledgerDir}`], { env: channel.env })
    expect(result.code).toBe(0)
    const lines = result.stdout.trim().split('\n')
    expect(lines.find((line) => line.startsWith(recorded.keyId))).toMatch(/issued \S+Z {2}expires \S+Z {2}run https:\/\/github.com\/me\/bot\/actions\/runs\/7$/)
    expect(lines).toContain(`${unrecorded.keyId}  not in ledger`)
    expect(result.stderr).toContain('1 ledger record(s) are no longer listed')
    expect(result.stdout + result.stderr).not.toContain(recorded.accessToken)
  })

  it('prints JSON with --json', async () => {
    const result = await runInProcess(['list', '--json', '--ledger', `file:${ledgerDir}`], { env: channel.env })
    const json = JSON.parse(result.stdout) as { channel_id: string; active: number; max_active: number; key_ids: Array<{ key_id: string; ledger: unknown }> }
    expect(json).toMatchObject({ channel_id: channel.channelId, active: 2, max_active: 30 })
    expect(json.key_ids.find((k) => k.key_id === unrecorded.keyId)?.ledger).toBeNull()
    expect(json.key_ids.find((k) => k.key_id === recorded.keyId)?.ledger).toMatchObject({ run: { runId: '7' } })
    const plain = JSON.parse((await runInProcess(['list', '--json'], { env: channel.env })).stdout) as { key_ids: object[] }
    expect(plain.key_ids.every((k) => !('ledger' in k))).toBe(true)
  })

  it('shows a record without a run URL by its run ID, and without a run by times only', async () => {
    const dir = join(channel.dir, 'ledger-runs')
    const ledger = await openLedger(`file:${dir}`, { channelSecret: channel.channelSecret })
    const at = new Date().toISOString()
    await ledger.put({ channelId: channel.channelId, ...recorded, issuedAt: at, expiresAt: at, run: { runId: '8' } })
    await ledger.put({ channelId: channel.channelId, ...unrecorded, issuedAt: at, expiresAt: at })
    const lines = (await runInProcess(['list', '--ledger', `file:${dir}`], { env: channel.env })).stdout.trim().split('\n')
    expect(lines.find((line) => line.startsWith(recorded.keyId))).toMatch(/run 8$/)
    expect(lines.find((line) => line.startsWith(unrecorded.keyId))).toMatch(/expires \S+Z$/)
  })

  it('exits 1 when the ledger cannot be read with this channel secret', async () => {
    const env = { ...channel.env, LINE_CHANNEL_SECRET: 'another-channel-secret' }
    const result = await runInProcess(['list', '--ledger', `file:${ledgerDir}`], { env })
    expect(result.code).toBe(1)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
  })

  it('needs GITHUB_TOKEN for a github ledger (exit 2), and a valid spec', async () => {
    const github = await runInProcess(['list', '--ledger', 'github:me/bot'], { env: channel.env })
    expect(github.code).toBe(2)
    expect(github.stderr).toContain('set GITHUB_TOKEN (or GH_TOKEN)')
    const bad = await runInProcess(['list', '--ledger', 'nowhere'], { env: channel.env })
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('Input "ledger"')
  })

  it('opens a github ledger with GH_TOKEN (here refused: exit 1, token never shown)', async () => {
    const github = await startServer([{ status: 401, body: { message: 'Bad credentials' } }])
    try {
      const env = { ...channel.env, GH_TOKEN: 'ghp_not-a-real-token-123456', GITHUB_API_URL: github.url }
      const result = await runInProcess(['list', '--ledger', 'github:me/bot'], { env })
      expect(result.code).toBe(1)
      expect(github.requests[0].headers.authorization).toContain('ghp_not-a-real-token-123456')
      expect(result.stderr).not.toContain('ghp_not-a-real-token-123456')
    } finally {
      await github.close()
    }
  })
})
