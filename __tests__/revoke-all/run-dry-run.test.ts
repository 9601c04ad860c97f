import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { systemClock } from '../../src/clock.js'
import { runRevokeAll, type RevokeAllReport } from '../../src/revoke-all/run.js'
import { revokeCalls, startFixture, type Fixture } from './support.js'

describe('runRevokeAll: dry run', () => {
  let f: Fixture
  let report: RevokeAllReport
  let activeBefore: string[]
  let ledgerBefore: string[]
  const masked: string[] = []

  beforeAll(async () => {
    f = await startFixture()
    await f.recorded(10)
    await f.recorded(1)
    const gone = await f.recorded(20)
    await f.session.revokeToken({ channelSecret: f.channelSecret, accessToken: gone.accessToken })
    f.emulator.seedToken(f.channelId, 600)
    activeBefore = f.emulator.activeKeyIds(f.channelId).sort()
    ledgerBefore = (await f.ledger.list(f.channelId)).map((e) => e.keyId).sort()
    f.emulator.clearRequests()
    report = await runRevokeAll({
      session: f.session,
      ledger: f.ledger,
      channelId: f.channelId,
      channelSecret: f.channelSecret,
      keep: 0,
      olderThanSeconds: 6 * 3600,
      dryRun: true,
      clock: systemClock,
      logger: f.logger,
      onToken: (token) => masked.push(token)
    })
  })
  afterAll(() => f.close())

  it('changes nothing: no revoke call, the same valid key IDs, the same ledger', async () => {
    expect(revokeCalls(f.emulator)).toBe(0)
    expect(f.emulator.activeKeyIds(f.channelId).sort()).toEqual(activeBefore)
    expect((await f.ledger.list(f.channelId)).map((e) => e.keyId).sort()).toEqual(ledgerBefore)
  })

  it('reports what it would do', () => {
    expect(report.dryRun).toBe(true)
    expect(report.items.map((i) => i.fate)).toEqual(['kept', 'would-revoke', 'would-prune', 'unknown'])
    expect(report.items[0].reason).toBe('too-recent')
    expect(report.counts).toEqual({ revoked: 0, kept: 1, pruned: 0, unknown: 1, failed: 0, unconfirmed: 0, active: 3 })
  })

  it('hands every token read from the ledger to onToken (so the step can mask it)', () => {
    expect(masked).toHaveLength(3)
  })
})
