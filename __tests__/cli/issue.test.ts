// issue: only the token on stdout, or --json; v2.1 and stateless; lifetime and type checks;
// the ledger records the token, and a token that cannot be recorded is revoked at once.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openLedger } from '../../src/ledger/index.js'
import { leakedIn, runInProcess, secretsOf, startChannel, type Channel } from './support.js'

describe('line-token issue', () => {
  let channel: Channel
  beforeAll(async () => {
    channel = await startChannel()
  })
  afterAll(() => channel.close())

  it('prints only the v2.1 token, and says on stderr what it issued', async () => {
    const result = await runInProcess(['issue', '--lifetime', '30m'], { env: channel.env })
    expect(result.code).toBe(0)
    const token = result.stdout.trim()
    expect(result.stdout).toBe(`${token}\n`)
    const issued = channel.emulator.tokens(channel.channelId).at(-1)
    expect(issued).toMatchObject({ tokenType: 'v2.1', revoked: false })
    expect((issued!.expiresAt - issued!.issuedAt) / 1000).toBe(1800)
    expect(result.stderr).toContain(`key ID ${issued!.keyId}`)
    expect(result.stderr).toContain('valid for 30m')
    expect(leakedIn(result.stderr, secretsOf(channel, token))).toEqual([])
  })

  it('prints {access_token, token_type, key_id, expires_in, expires_at} with --json', async () => {
    const before = Date.now()
    const result = await runInProcess(['issue', '--json'], { env: channel.env })
    expect(result.code).toBe(0)
    const json = JSON.parse(result.stdout) as Record<string, unknown>
    expect(Object.keys(json).sort()).toEqual(['access_token', 'expires_at', 'expires_in', 'key_id', 'token_type'])
    expect(json).toMatchObject({ token_type: 'Bearer', expires_in: 3600 })
    expect(channel.emulator.activeKeyIds(channel.channelId)).toContain(json.key_id)
    expect(Date.parse(json.expires_at as string)).toBeGreaterThanOrEqual(before + 3_600_000)
  })

  it('issues a stateless token (no key_id), ignoring --lifetime with a warning', async () => {
    const result = await runInProcess(['issue', '--type', 'stateless', '--lifetime', '1h', '--json'], { env: channel.env })
    expect(result.code).toBe(0)
    const json = JSON.parse(result.stdout) as Record<string, unknown>
    expect(json.key_id).toBeUndefined()
    expect(json.expires_in).toBe(900)
    expect(result.stderr).toContain('warning: --lifetime is ignored')
    expect(result.stderr).toContain('cannot be revoked')
  })

  it('exits 2 on a bad --lifetime or --type, before sending anything', async () => {
    channel.emulator.clearRequests()
    const lifetime = await runInProcess(['issue', '--lifetime', '31d'], { env: channel.env })
    expect(lifetime.code).toBe(2)
    expect(lifetime.stderr).toContain('Input "--lifetime"')
    const type = await runInProcess(['issue', '--type', 'v3'], { env: channel.env })
    expect(type.code).toBe(2)
    expect(type.stderr).toContain('Input "--type"')
    expect(channel.emulator.requests()).toEqual([])
  })

  it('records a v2.1 token in a file ledger with --ledger', async () => {
    const ledgerDir = join(channel.dir, 'ledger')
    const result = await runInProcess(['issue', '--ledger', 'file:ledger', '--json'], {
      env: { ...channel.env, GITHUB_RUN_ID: '42', GITHUB_REPOSITORY: 'me/bot' },
      cwd: channel.dir
    })
    expect(result.code).toBe(0)
    const json = JSON.parse(result.stdout) as { key_id: string; access_token: string }
    const ledger = await openLedger(`file:${ledgerDir}`, { channelSecret: channel.channelSecret })
    const [entry] = (await ledger.list(channel.channelId)).filter((e) => e.keyId === json.key_id)
    expect(entry).toMatchObject({ accessToken: json.access_token, run: { runId: '42', repository: 'me/bot' } })
    expect(result.stderr).toContain('Recorded key ID')
  })

  it('does not use the ledger for a stateless token', async () => {
    const result = await runInProcess(['issue', '--type', 'stateless', '--ledger', 'file:unused'], { env: channel.env, cwd: channel.dir })
    expect(result.code).toBe(0)
    expect(result.stderr).toContain('The ledger is not used for stateless tokens')
  })

  it('needs the channel secret with --ledger (exit 2)', async () => {
    const env = { ...channel.env, LINE_CHANNEL_SECRET: '' }
    const result = await runInProcess(['issue', '--ledger', 'file:ledger'], { env, cwd: channel.dir })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('the channel secret is required with --ledger')
  })

  it('revokes a token it cannot record at once, and exits 1', async () => {
    const blocker = join(channel.dir, 'not-a-dir')
    writeFileSync(blocker, 'a file where the ledger directory should be')
    const active = channel.emulator.activeKeyIds(channel.channelId).length
    const result = await runInProcess(['issue', '--ledger', `file:${blocker}`], { env: channel.env })
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain('so the token was revoked at once')
    expect(channel.emulator.activeKeyIds(channel.channelId)).toHaveLength(active)
  })

  it('warns when the token it cannot record cannot be revoked either', async () => {
    const blocker = join(channel.dir, 'not-a-dir')
    const env = { ...channel.env, LINE_CHANNEL_SECRET: 'wrong-channel-secret-0000' }
    const result = await runInProcess(['issue', '--ledger', `file:${blocker}`], { env })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('and revoking it failed too')
  })

  it('exits 1 when LINE refuses: the key ID is not registered for the channel', async () => {
    // The JWK carries a kid the emulator never gave; with no LINE_KEY_ID it is used.
    const env = { ...channel.env, LINE_KEY_ID: '', LINE_PRIVATE_KEY_FILE: '', LINE_PRIVATE_KEY: channel.key.shapes.jwkWithKid }
    const result = await runInProcess(['issue'], { env })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('HTTP 404')
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
  })
})
