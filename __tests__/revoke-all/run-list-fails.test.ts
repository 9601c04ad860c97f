import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { systemClock } from '../../src/clock.js'
import { LineApiError } from '../../src/errors.js'
import { runRevokeAll } from '../../src/revoke-all/run.js'
import { revokeCalls, startFixture, type Fixture } from './support.js'

describe('runRevokeAll: listing the valid key IDs fails', () => {
  let f: Fixture
  beforeAll(async () => {
    f = await startFixture()
    await f.recorded(1)
  })
  afterAll(() => f.close())

  it('throws LINE\'s error and touches neither the tokens nor the ledger', async () => {
    f.emulator.addFault({ path: '/oauth2/v2.1/tokens/kid', responses: [{ status: 404, body: '{"message":"Cannot find channel key that satisfies the conditions"}' }] })
    const error = await runRevokeAll({ session: f.session, ledger: f.ledger, channelId: f.channelId, channelSecret: f.channelSecret, keep: 0, dryRun: false, clock: systemClock, logger: f.logger }).then(
      () => undefined,
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(LineApiError)
    expect((error as LineApiError).status).toBe(404)
    expect(revokeCalls(f.emulator)).toBe(0)
    expect(await f.ledger.list(f.channelId)).toHaveLength(1)
  })
})
