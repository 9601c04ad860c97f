import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { systemClock } from '../../src/clock.js'
import { runRevokeAllStep } from '../../src/revoke-all/step.js'
import { recordingCore, startFixture, stepInputs, type Fixture, type RecordingCore } from './support.js'

describe('runRevokeAllStep: keep 1 of three recorded tokens, one token issued elsewhere', () => {
  let f: Fixture
  let core: RecordingCore
  let tokens: Array<{ keyId: string; accessToken: string }>
  let foreign: { keyId: string; accessToken: string }

  beforeAll(async () => {
    f = await startFixture()
    tokens = [await f.recorded(3), await f.recorded(2), await f.recorded(1)]
    foreign = f.emulator.seedToken(f.channelId, 600)
    core = recordingCore(stepInputs(f, { keep: '1' }))
    await runRevokeAllStep({ core, clock: systemClock, env: {} })
  })
  afterAll(() => f.close())

  it('succeeds and sets the five counts as outputs', () => {
    expect(core.failures).toEqual([])
    expect(core.outputs).toEqual({ revoked: '2', kept: '1', pruned: '0', unknown: '1', active: '2' })
    expect(f.emulator.activeKeyIds(f.channelId).sort()).toEqual([tokens[2].keyId, foreign.keyId].sort())
  })

  it('writes a summary table with each key ID and its fate, and the count out of 30', () => {
    const summary = core.summaries.join('\n')
    expect(summary).toContain(`| \`${tokens[2].keyId}\` |`)
    expect(summary).toMatch(new RegExp(`\\| \`${tokens[0].keyId}\` \\|[^\\n]*\\| revoked \\|`))
    expect(summary).toMatch(new RegExp(`\\| \`${foreign.keyId}\` \\|[^\\n]*\\| unknown \\| issued elsewhere, cannot be revoked without the token \\|`))
    expect(summary).toContain('**Active v2.1 tokens on the channel: 2 / 30.**')
    expect(summary).toContain('keep the newest 1')
  })

  it('masks the channel secret, the tokens read from the ledger and each assertion; no token or secret in any message', () => {
    for (const t of tokens) expect(core.secrets).toContain(t.accessToken)
    expect(core.secrets).toContain(f.channelSecret)
    expect(core.secrets.some((s) => s.split('.').length === 3 && s.startsWith('ey'))).toBe(true)
    const everything = [...core.summaries, ...core.infos, ...core.warnings, ...Object.values(core.outputs)].join('\n')
    for (const t of [...tokens, foreign]) expect(everything).not.toContain(t.accessToken)
    expect(everything).not.toContain(f.channelSecret)
  })
})
