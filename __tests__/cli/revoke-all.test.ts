// revoke-all: plan against the ledger, revoke and confirm, prune; --keep, --older-than,
// --dry-run, --json; exit 1 when a revoke fails, 2 on bad usage.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { createHttpClientTransport, type Transport } from '../../src/http.js'
import { openLedger, type Ledger } from '../../src/ledger/index.js'
import { runInProcess, startChannel, type Channel } from './support.js'

describe('line-token revoke-all', () => {
  let channel: Channel
  let ledger: Ledger
  let spec: string
  const tokens: Array<{ accessToken: string; keyId: string }> = []

  async function record(ageSeconds: number): Promise<{ accessToken: string; keyId: string }> {
    const token = channel.emulator.seedToken(channel.channelId, 7200)
    const issuedAt = new Date(Date.now() - ageSeconds * 1000).toISOString()
    await ledger.put({ channelId: channel.channelId, ...token, issuedAt, expiresAt: new Date(Date.now() + 3_600_000).toISOString() })
    tokens.push(token)
    return token
  }

  beforeAll(async () => {
    channel = await startChannel()
    spec = `file:${join(channel.dir, 'ledger')}`
    ledger = await openLedger(spec, { channelSecret: channel.channelSecret })
  })
  afterAll(() => channel.close())

  it('plans only with --dry-run, one line per key ID', async () => {
    const old = await record(7200)
    const recent = await record(60)
    const unknown = channel.emulator.seedToken(channel.channelId, 3600)
    const result = await runInProcess(['revoke-all', '--ledger', spec, '--older-than', '1h', '--dry-run'], { env: channel.env })
    expect(result.code).toBe(0)
    const lines = result.stdout.trim().split('\n')
    expect(lines.find((l) => l.startsWith(old.keyId))).toContain('would be revoked')
    expect(lines.find((l) => l.startsWith(recent.keyId))).toContain('kept')
    expect(lines.find((l) => l.startsWith(unknown.keyId))).toContain('unknown')
    expect(result.stderr).toContain('Dry run: planning only')
    expect(result.stderr).toContain('Dry run: would revoke 1, would prune 0, kept 1 (keep 0, older than 1h), unknown 1.')
    expect(channel.emulator.activeKeyIds(channel.channelId)).toHaveLength(3)
  })

  it('revokes all but the newest --keep N, confirms, and prints JSON with --json', async () => {
    const result = await runInProcess(['revoke-all', '--ledger', spec, '--keep', '1', '--json'], { env: channel.env })
    expect(result.code).toBe(0)
    const report = JSON.parse(result.stdout) as { counts: Record<string, number>; items: Array<{ keyId: string; fate: string }> }
    expect(report.counts).toMatchObject({ revoked: 1, kept: 1, unknown: 1, failed: 0, active: 2 })
    expect(result.stdout).not.toContain(tokens[0].accessToken)
    expect(result.stderr).toContain('Revoked 1, pruned 0, kept 1 (keep 1), unknown 1. Active v2.1 tokens on channel')
  })

  it('exits 1 when a revoke fails, keeping the record', async () => {
    const real = createHttpClientTransport('test')
    const refuse: Transport = async (request) =>
      request.url.endsWith('/oauth2/v2.1/revoke') ? { status: 400, headers: {}, body: '{"error":"invalid_client","error_description":"Invalid client_secret"}' } : real(request)
    const result = await runInProcess(['revoke-all', '--ledger', spec], { env: channel.env, io: { transport: refuse } })
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('revoke failed')
    expect(result.stderr).toMatch(/1 token\(s\) could not be revoked/)
    expect(result.stderr).not.toContain(tokens[1].accessToken)
    expect((await ledger.list(channel.channelId)).map((e) => e.keyId)).toContain(tokens[1].keyId)
  })

  it('prunes records no longer listed and says when the confirming list failed', async () => {
    // Revoked behind the ledger's back: the run prunes its record.
    const gone = await record(10)
    expect((await runInProcess(['revoke', `--token-key-id=${gone.keyId}`], { env: channel.env, stdin: gone.accessToken })).code).toBe(0)
    // Revoked by the run, but the confirming list fails.
    const remaining = await record(10)
    channel.emulator.addFault({ path: '/oauth2/v2.1/tokens/kid', responses: [{}, { status: 400, body: '{"message":"nope"}' }] })
    const result = await runInProcess(['revoke-all', '--ledger', spec], { env: channel.env })
    expect(result.code).toBe(0)
    expect(result.stdout.split('\n').find((l) => l.startsWith(gone.keyId))).toContain('pruned from the ledger')
    expect(result.stdout.split('\n').find((l) => l.startsWith(remaining.keyId))).toContain('revoked, not confirmed')
    expect(result.stderr).toMatch(/not confirmed \d+\. Active v2\.1 tokens on channel \d+: unknown \(\d+ before\)/)
  })

  it('exits 2 without --ledger, or with a bad --keep or --older-than', async () => {
    const noLedger = await runInProcess(['revoke-all'], { env: channel.env })
    expect(noLedger.stderr).toContain('--ledger SPEC is required')
    const keep = await runInProcess(['revoke-all', '--ledger', spec, '--keep', 'many'], { env: channel.env })
    expect(keep.stderr).toContain('Input "--keep"')
    const dash = await runInProcess(['revoke-all', '--ledger', spec, '--keep', '-1'], { env: channel.env })
    expect(dash.stderr).toContain('option --keep needs a value; for a value that starts with "-", write --keep=VALUE.')
    const olderThan = await runInProcess(['revoke-all', '--ledger', spec, '--older-than', 'soon'], { env: channel.env })
    expect(olderThan.stderr).toContain('Input "--older-than"')
    const noSecret = await runInProcess(['revoke-all', '--ledger', spec], { env: { ...channel.env, LINE_CHANNEL_SECRET: '' } })
    expect(noSecret.stderr).toContain('the channel secret is required')
    for (const result of [noLedger, keep, dash, olderThan, noSecret]) expect(result.code).toBe(2)
  })
})
