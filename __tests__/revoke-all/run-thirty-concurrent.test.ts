import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { systemClock } from '../../src/clock.js'
import { runRevokeAll } from '../../src/revoke-all/run.js'
import { startFixture, type Fixture } from './support.js'

describe('runRevokeAll: 30 revokes with 100 ms latency per request', () => {
  let f: Fixture

  beforeAll(async () => {
    f = await startFixture()
    for (let i = 0; i < 30; i++) await f.recorded(30 - i)
    f.emulator.setLatency(100)
  })
  afterAll(() => f.close())

  it('finishes in well under 30 round trips (bounded concurrency), and confirms all 30', async () => {
    const started = Date.now()
    const report = await runRevokeAll({ session: f.session, ledger: f.ledger, channelId: f.channelId, channelSecret: f.channelSecret, keep: 0, dryRun: false, clock: systemClock, logger: f.logger })
    const elapsed = Date.now() - started

    // list + 3 waves of 10 revokes + list ≈ 5 × 100 ms; in a row it would be 32 × 100 ms.
    expect(elapsed).toBeLessThan(1500)
    expect(report.counts.revoked).toBe(30)
    expect(report.counts.active).toBe(0)
    expect(f.emulator.activeKeyIds(f.channelId)).toEqual([])
    expect(await f.ledger.list(f.channelId)).toEqual([])
  })
})
