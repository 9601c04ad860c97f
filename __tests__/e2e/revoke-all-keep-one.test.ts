import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runAction, type RunResult } from '../helpers/action-runner.js'
import { startFixture, stepInputs, type Fixture } from '../revoke-all/support.js'

describe('revoke-all bundle: three recorded tokens, keep 1, one token issued elsewhere', () => {
  let f: Fixture
  let tokens: Array<{ keyId: string; accessToken: string }>
  let foreign: { keyId: string; accessToken: string }
  let result: RunResult

  beforeAll(async () => {
    f = await startFixture()
    tokens = [await f.recorded(3), await f.recorded(2), await f.recorded(1)]
    foreign = f.emulator.seedToken(f.channelId, 600)
    result = await runAction({ entry: 'revoke-all', inputs: stepInputs(f, { keep: '1' }), secrets: [...tokens, foreign].map((t) => t.accessToken) })
  })
  afterAll(() => f.close())

  it('exits 0 with the counts as outputs', () => {
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toEqual({ revoked: '2', kept: '1', pruned: '0', unknown: '1', active: '2' })
  })

  it('revoked the two older tokens (confirmed in the emulator) and removed them from the ledger', async () => {
    expect(f.emulator.activeKeyIds(f.channelId).sort()).toEqual([tokens[2].keyId, foreign.keyId].sort())
    expect((await f.ledger.list(f.channelId)).map((e) => e.keyId)).toEqual([tokens[2].keyId])
  })

  it('masks every token it read and writes the per-key-ID summary', () => {
    for (const t of tokens) expect(result.masked).toContain(t.accessToken)
    expect(result.summary).toContain(`| \`${foreign.keyId}\` |`)
    expect(result.summary).toContain('| unknown | issued elsewhere, cannot be revoked without the token |')
    expect(result.summary).toContain('**Active v2.1 tokens on the channel: 2 / 30.**')
  })
})
