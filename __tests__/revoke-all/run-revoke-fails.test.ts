import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { systemClock } from '../../src/clock.js'
import { runRevokeAll, type RevokeAllReport } from '../../src/revoke-all/run.js'
import { startFixture, type Fixture } from './support.js'

describe('runRevokeAll: the revoke call keeps failing', () => {
  let f: Fixture
  let token: { keyId: string; accessToken: string }
  let report: RevokeAllReport

  beforeAll(async () => {
    f = await startFixture()
    token = await f.recorded(2)
    // More 503s than the retry policy makes attempts.
    f.emulator.addFault({ path: '/oauth2/v2.1/revoke', responses: Array.from({ length: 6 }, () => ({ status: 503 })) })
    report = await runRevokeAll({ session: f.session, ledger: f.ledger, channelId: f.channelId, channelSecret: f.channelSecret, keep: 0, dryRun: false, clock: systemClock, logger: f.logger })
  })
  afterAll(() => f.close())

  it('reports the token as failed with LINE\'s error, as a warning naming the key ID', () => {
    expect(report.items).toEqual([expect.objectContaining({ keyId: token.keyId, fate: 'failed' })])
    expect(report.items[0].error).toMatch(/HTTP 503/)
    expect(f.logger.warnings).toHaveLength(1)
    expect(f.logger.warnings[0]).toContain(`Key ID ${token.keyId}: revoke failed: `)
    expect(f.logger.warnings[0]).not.toContain(token.accessToken)
    expect(report.counts).toMatchObject({ revoked: 0, failed: 1, active: 1 })
  })

  it('keeps the ledger record, so the next run can try again', async () => {
    expect((await f.ledger.list(f.channelId)).map((e) => e.keyId)).toEqual([token.keyId])
    expect(f.emulator.activeKeyIds(f.channelId)).toEqual([token.keyId])
  })
})
