import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runAction, type RunResult } from '../helpers/action-runner.js'
import { startFixture, stepInputs, type Fixture } from '../revoke-all/support.js'

describe('revoke-all bundle: 30 recorded tokens, 100 ms latency per request', () => {
  let f: Fixture
  let result: RunResult

  beforeAll(async () => {
    f = await startFixture()
    for (let i = 0; i < 30; i++) await f.recorded(30 - i)
    f.emulator.setLatency(100)
    result = await runAction({ entry: 'revoke-all', inputs: stepInputs(f) })
  })
  afterAll(() => f.close())

  it('revokes and confirms all 30 in well under 30 × 100 ms (node start-up included)', () => {
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({ revoked: '30', active: '0' })
    expect(f.emulator.activeKeyIds(f.channelId)).toEqual([])
    expect(result.durationMs).toBeLessThan(3000)
  })
})
