import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { systemClock } from '../../src/clock.js'
import { runRevokeAll, type RevokeAllReport } from '../../src/revoke-all/run.js'
import { startFixture, type Fixture } from './support.js'

describe('runRevokeAll: three recorded tokens, keep 1', () => {
  let f: Fixture
  let tokens: Array<{ keyId: string }>
  let report: RevokeAllReport

  beforeAll(async () => {
    f = await startFixture()
    tokens = [await f.recorded(3), await f.recorded(2), await f.recorded(1)]
    report = await runRevokeAll({ session: f.session, ledger: f.ledger, channelId: f.channelId, channelSecret: f.channelSecret, keep: 1, dryRun: false, clock: systemClock, logger: f.logger })
  })
  afterAll(() => f.close())

  it('revokes the two older tokens and keeps the newest (confirmed by the emulator)', () => {
    expect(f.emulator.activeKeyIds(f.channelId)).toEqual([tokens[2].keyId])
    expect(report.items.map((i) => [i.keyId, i.fate])).toEqual([
      [tokens[2].keyId, 'kept'],
      [tokens[1].keyId, 'revoked'],
      [tokens[0].keyId, 'revoked']
    ])
  })

  it('removes the revoked tokens from the ledger and keeps the kept one', async () => {
    expect((await f.ledger.list(f.channelId)).map((e) => e.keyId)).toEqual([tokens[2].keyId])
  })

  it('counts them, with the channel at 1 of 30 afterwards', () => {
    expect(report.counts).toEqual({ revoked: 2, kept: 1, pruned: 0, unknown: 0, failed: 0, unconfirmed: 0, active: 1 })
    expect(report.activeBefore).toBe(3)
    expect(report.maxActive).toBe(30)
    expect(f.logger.warnings).toEqual([])
  })

  it('lists the key IDs once to plan and once to confirm', () => {
    expect(f.emulator.requests().filter((r) => r.path === '/oauth2/v2.1/tokens/kid')).toHaveLength(2)
  })
})
