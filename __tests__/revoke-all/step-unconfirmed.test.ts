import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { systemClock } from '../../src/clock.js'
import { runRevokeAllStep } from '../../src/revoke-all/step.js'
import { recordingCore, startFixture, stepInputs, type Fixture, type RecordingCore } from './support.js'

describe('runRevokeAllStep: the confirming list fails after revoking', () => {
  let f: Fixture
  let core: RecordingCore

  beforeAll(async () => {
    f = await startFixture()
    await f.recorded(1)
    f.emulator.addFault({ path: '/oauth2/v2.1/tokens/kid', responses: [{}, { status: 400 }] })
    core = recordingCore(stepInputs(f))
    await runRevokeAllStep({ core, clock: systemClock, env: {} })
  })
  afterAll(() => f.close())

  it('warns but does not fail (nothing is confirmed to have failed), and leaves active empty', () => {
    expect(core.failures).toEqual([])
    expect(core.warnings).toHaveLength(1)
    expect(core.outputs).toEqual({ revoked: '0', kept: '0', pruned: '0', unknown: '0', active: '' })
    expect(core.summaries.join('\n')).toContain('unknown (listing key IDs after revoking failed; 1 before) / 30')
  })
})
