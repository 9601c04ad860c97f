import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { systemClock } from '../../src/clock.js'
import { openLedger, LedgerError } from '../../src/ledger/index.js'
import { runRevokeAll } from '../../src/revoke-all/run.js'
import { startFixture, type Fixture } from './support.js'

describe('runRevokeAll: the ledger was written with another channel secret', () => {
  let f: Fixture
  let token: { accessToken: string }

  beforeAll(async () => {
    f = await startFixture()
    token = await f.recorded(2)
  })
  afterAll(() => f.close())

  it('fails with a clear LedgerError before any call to LINE, and revokes nothing', async () => {
    const wrongSecret = 'f'.repeat(32)
    const ledger = await openLedger(`file:${f.ledgerDir}`, { channelSecret: wrongSecret })
    f.emulator.clearRequests()
    const run = runRevokeAll({ session: f.session, ledger, channelId: f.channelId, channelSecret: wrongSecret, keep: 0, dryRun: false, clock: systemClock, logger: f.logger })

    const error = await run.then(() => undefined, (e: unknown) => e)
    expect(error).toBeInstanceOf(LedgerError)
    expect((error as Error).message).toMatch(/could not be decrypted with this channel secret/)
    expect((error as Error).message).not.toContain(token.accessToken)
    expect((error as Error).message).not.toContain(wrongSecret)
    expect(f.emulator.requests()).toEqual([])
    expect(f.emulator.activeKeyIds(f.channelId)).toHaveLength(1)
  })
})
