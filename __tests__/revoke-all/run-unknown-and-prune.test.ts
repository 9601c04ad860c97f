import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { systemClock } from '../../src/clock.js'
import { runRevokeAll, type RevokeAllReport } from '../../src/revoke-all/run.js'
import { startFixture, type Fixture } from './support.js'

describe('runRevokeAll: a token issued elsewhere and a ledger record whose token is gone', () => {
  let f: Fixture
  let foreign: { keyId: string }
  let gone: { keyId: string }
  let live: { keyId: string }
  let report: RevokeAllReport

  beforeAll(async () => {
    f = await startFixture()
    foreign = f.emulator.seedToken(f.channelId, 3600) // never recorded
    const goneToken = await f.recorded(5)
    gone = goneToken
    await f.session.revokeToken({ channelSecret: f.channelSecret, accessToken: goneToken.accessToken })
    live = await f.recorded(4)
    f.emulator.clearRequests()
    report = await runRevokeAll({ session: f.session, ledger: f.ledger, channelId: f.channelId, channelSecret: f.channelSecret, keep: 0, dryRun: false, clock: systemClock, logger: f.logger })
  })
  afterAll(() => f.close())

  it('reports the unrecorded key ID as unknown and leaves it valid', () => {
    const item = report.items.find((i) => i.keyId === foreign.keyId)
    expect(item).toMatchObject({ fate: 'unknown', reason: 'not-in-ledger' })
    expect(f.emulator.activeKeyIds(f.channelId)).toEqual([foreign.keyId])
    expect(f.logger.infos.join('\n')).toContain(`${foreign.keyId}: issued elsewhere, cannot be revoked without the token`)
  })

  it('prunes the record whose key ID LINE no longer lists, without a revoke call for it', async () => {
    expect(report.items.find((i) => i.keyId === gone.keyId)).toMatchObject({ fate: 'pruned', reason: 'not-listed' })
    expect(await f.ledger.list(f.channelId)).toEqual([])
    expect(f.emulator.requests().filter((r) => r.path === '/oauth2/v2.1/revoke')).toHaveLength(1)
  })

  it('revokes the live recorded token and counts everything', () => {
    expect(report.items.find((i) => i.keyId === live.keyId)?.fate).toBe('revoked')
    expect(report.counts).toEqual({ revoked: 1, kept: 0, pruned: 1, unknown: 1, failed: 0, unconfirmed: 0, active: 1 })
  })
})
