import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runAction, type RunResult } from '../helpers/action-runner.js'
import { startFixture, stepInputs, type Fixture } from '../revoke-all/support.js'

describe('revoke-all bundle: a channel secret that cannot read the ledger', () => {
  let f: Fixture
  let result: RunResult

  beforeAll(async () => {
    f = await startFixture()
    const token = await f.recorded(1)
    f.emulator.clearRequests()
    result = await runAction({ entry: 'revoke-all', inputs: stepInputs(f, { 'channel-secret': '0123456789abcdef0123456789abcdef' }), secrets: [token.accessToken] })
  })
  afterAll(() => f.close())

  it('fails with a clear error and sends nothing to LINE', () => {
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(/could not be decrypted with this channel secret/)
    expect(f.emulator.requests()).toEqual([])
    expect(f.emulator.activeKeyIds(f.channelId)).toHaveLength(1)
  })
})
