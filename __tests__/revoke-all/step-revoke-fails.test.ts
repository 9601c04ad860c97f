import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { systemClock } from '../../src/clock.js'
import { runRevokeAllStep } from '../../src/revoke-all/step.js'
import { FAST_RETRIES, recordingCore, startFixture, stepInputs, type Fixture, type RecordingCore } from './support.js'

describe('runRevokeAllStep: a revoke is confirmed to have failed', () => {
  let f: Fixture
  let core: RecordingCore
  let failing: { keyId: string }

  beforeAll(async () => {
    f = await startFixture()
    failing = await f.recorded(1)
    f.emulator.addFault({ path: '/oauth2/v2.1/revoke', responses: Array.from({ length: 4 }, () => ({ status: 500 })) })
    core = recordingCore(stepInputs(f))
    await runRevokeAllStep({ core, clock: systemClock, env: {}, retryPolicy: FAST_RETRIES })
  })
  afterAll(() => f.close())

  it('warns about the token and fails the step', () => {
    expect(core.warnings.join('\n')).toContain(`Key ID ${failing.keyId}: revoke failed: `)
    expect(core.failures).toEqual([`1 token(s) could not be revoked (see the warnings above); they still hold slots on channel ${f.channelId}.`])
  })

  it('still sets the outputs and writes the summary', () => {
    expect(core.outputs).toMatchObject({ revoked: '0', active: '1' })
    expect(core.summaries.join('\n')).toMatch(/\| revoke failed \| listed as valid and recorded in the ledger; LINE API: .*HTTP 500/)
    expect(core.summaries.join('\n')).toContain('failed 1')
  })
})
