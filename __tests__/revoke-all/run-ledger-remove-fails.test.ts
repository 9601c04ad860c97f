import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { systemClock } from '../../src/clock.js'
import { LedgerError, type Ledger } from '../../src/ledger/index.js'
import { runRevokeAll, type RevokeAllReport } from '../../src/revoke-all/run.js'
import { startFixture, type Fixture } from './support.js'

describe('runRevokeAll: removing ledger records fails', () => {
  let f: Fixture
  let revoked: { keyId: string }
  let gone: { keyId: string; accessToken: string }
  let report: RevokeAllReport

  beforeAll(async () => {
    f = await startFixture()
    revoked = await f.recorded(1)
    gone = await f.recorded(2)
    await f.session.revokeToken({ channelSecret: f.channelSecret, accessToken: gone.accessToken })
    // The real file ledger, with a remove that fails (e.g. a read-only directory or a lost race).
    const ledger: Ledger = {
      description: f.ledger.description,
      put: (entry) => f.ledger.put(entry),
      list: (channelId) => f.ledger.list(channelId),
      remove: () => Promise.reject(new LedgerError('could not remove the ledger record (EACCES)'))
    }
    report = await runRevokeAll({ session: f.session, ledger, channelId: f.channelId, channelSecret: f.channelSecret, keep: 0, dryRun: false, clock: systemClock, logger: f.logger })
  })
  afterAll(() => f.close())

  it('still counts the revoke as done, with a warning', () => {
    expect(report.items.find((i) => i.keyId === revoked.keyId)).toMatchObject({ fate: 'revoked', error: expect.stringContaining('EACCES') })
    expect(report.counts).toMatchObject({ revoked: 1, failed: 0 })
    expect(f.logger.warnings.find((w) => w.includes(revoked.keyId))).toContain('revoked: its ledger record could not be removed (the next run tries again)')
  })

  it('reports the stale record as prune-failed, not pruned', () => {
    expect(report.items.find((i) => i.keyId === gone.keyId)?.fate).toBe('prune-failed')
    expect(report.counts.pruned).toBe(0)
    expect(f.logger.warnings.find((w) => w.includes(gone.keyId))).toContain('no longer listed, ledger record not removed')
  })
})
