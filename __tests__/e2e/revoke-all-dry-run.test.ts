import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runAction, type RunResult } from '../helpers/action-runner.js'
import { revokeCalls, startFixture, stepInputs, type Fixture } from '../revoke-all/support.js'

describe('revoke-all bundle: dry run', () => {
  let f: Fixture
  let result: RunResult
  let tokens: Array<{ accessToken: string }>

  beforeAll(async () => {
    f = await startFixture()
    tokens = [await f.recorded(2), await f.recorded(1)]
    result = await runAction({ entry: 'revoke-all', inputs: stepInputs(f, { 'dry-run': 'true' }), secrets: tokens.map((t) => t.accessToken) })
  })
  afterAll(() => f.close())

  it('changes nothing: no revoke call, both tokens valid, both records kept', async () => {
    expect(result.exitCode).toBe(0)
    expect(revokeCalls(f.emulator)).toBe(0)
    expect(f.emulator.activeKeyIds(f.channelId)).toHaveLength(2)
    expect(await f.ledger.list(f.channelId)).toHaveLength(2)
  })

  it('reports the plan', () => {
    expect(result.outputs).toMatchObject({ revoked: '0', active: '2' })
    expect(result.summary).toContain('(dry run: nothing changed)')
    expect(result.summary).toContain('Would revoke 2')
  })
})
