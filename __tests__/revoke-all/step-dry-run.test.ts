import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { systemClock } from '../../src/clock.js'
import { runRevokeAllStep } from '../../src/revoke-all/step.js'
import { recordingCore, revokeCalls, startFixture, stepInputs, type Fixture, type RecordingCore } from './support.js'

describe('runRevokeAllStep: dry run', () => {
  let f: Fixture
  let core: RecordingCore

  beforeAll(async () => {
    f = await startFixture()
    await f.recorded(2)
    await f.recorded(1)
    core = recordingCore(stepInputs(f, { 'dry-run': 'true' }))
    await runRevokeAllStep({ core, clock: systemClock, env: {} })
  })
  afterAll(() => f.close())

  it('revokes nothing and says so in the log and the summary', async () => {
    expect(revokeCalls(f.emulator)).toBe(0)
    expect(f.emulator.activeKeyIds(f.channelId)).toHaveLength(2)
    expect(await f.ledger.list(f.channelId)).toHaveLength(2)
    expect(core.infos[0]).toMatch(/^Dry run: /)
    const summary = core.summaries.join('\n')
    expect(summary).toContain('(dry run: nothing changed)')
    expect(summary).toContain('Would revoke 2, would prune 0')
    expect(summary.match(/\| would be revoked \|/g)).toHaveLength(2)
  })

  it('reports zero revoked (nothing was) and the unchanged active count', () => {
    expect(core.failures).toEqual([])
    expect(core.outputs).toEqual({ revoked: '0', kept: '0', pruned: '0', unknown: '0', active: '2' })
  })
})
