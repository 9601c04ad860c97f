import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { systemClock } from '../../src/clock.js'
import { runRevokeAll } from '../../src/revoke-all/run.js'
import { startFixture, type Fixture } from './support.js'

describe('runRevokeAll: LINE accepts the revoke but it cannot be confirmed', () => {
  let f: Fixture
  beforeEach(async () => {
    f = await startFixture()
  })
  afterEach(() => f.close())

  const run = () => runRevokeAll({ session: f.session, ledger: f.ledger, channelId: f.channelId, channelSecret: f.channelSecret, keep: 0, dryRun: false, clock: systemClock, logger: f.logger })

  it('still-listed: a 200 that revoked nothing is a confirmed failure; the record stays', async () => {
    const token = await f.recorded(1)
    f.emulator.addFault({ path: '/oauth2/v2.1/revoke', responses: [{ status: 200, body: '' }] })
    const report = await run()
    expect(report.items[0]).toMatchObject({ keyId: token.keyId, fate: 'still-listed' })
    expect(report.counts).toMatchObject({ revoked: 0, failed: 1, active: 1 })
    expect(f.logger.warnings[0]).toContain(`Key ID ${token.keyId}: still listed after revoking: `)
    expect(await f.ledger.list(f.channelId)).toHaveLength(1)
  })

  it('unconfirmed: the confirming list fails; a warning, the record stays, active is unknown', async () => {
    const token = await f.recorded(1)
    // First list (to plan) served normally, the confirming one refused (a 4xx is not retried).
    f.emulator.addFault({ path: '/oauth2/v2.1/tokens/kid', responses: [{}, { status: 400 }] })
    const report = await run()
    expect(report.items[0]).toMatchObject({ keyId: token.keyId, fate: 'unconfirmed' })
    expect(report.counts).toMatchObject({ revoked: 0, failed: 0, unconfirmed: 1, active: undefined })
    expect(f.logger.warnings[0]).toContain(`Key ID ${token.keyId}: revoked, not confirmed: `)
    expect(await f.ledger.list(f.channelId)).toHaveLength(1)
    expect(f.emulator.activeKeyIds(f.channelId)).toEqual([]) // it was in fact revoked
  })
})
