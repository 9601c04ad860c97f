import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { systemClock } from '../../src/clock.js'
import { runRevokeAllStep } from '../../src/revoke-all/step.js'
import { recordingCore, startFixture, stepInputs, type Fixture } from './support.js'

describe('runRevokeAllStep: it cannot list key IDs or read the ledger', () => {
  let f: Fixture
  beforeAll(async () => {
    f = await startFixture()
    await f.recorded(1)
  })
  afterAll(() => f.close())

  it('fails the step with LINE\'s error when listing key IDs fails, and says so in the summary', async () => {
    f.emulator.addFault({ path: '/oauth2/v2.1/tokens/kid', responses: [{ status: 404, body: '{"message":"Cannot find channel key that satisfies the conditions"}' }] })
    const core = recordingCore(stepInputs(f))
    await runRevokeAllStep({ core, clock: systemClock, env: {} })
    expect(core.failures).toHaveLength(1)
    expect(core.failures[0]).toMatch(/^LINE API: list valid key IDs failed: HTTP 404/)
    expect(core.outputs).toEqual({})
    expect(core.summaries.join('\n')).toContain('Nothing was revoked: LINE API: list valid key IDs failed')
  })

  it('fails the step with the ledger\'s error when the channel secret cannot read it', async () => {
    f.emulator.clearRequests()
    const core = recordingCore(stepInputs(f, { 'channel-secret': '0123456789abcdef0123456789abcdef' }))
    await runRevokeAllStep({ core, clock: systemClock, env: {} })
    expect(core.failures).toHaveLength(1)
    expect(core.failures[0]).toMatch(/could not be decrypted with this channel secret/)
    expect(f.emulator.requests()).toEqual([])
  })

  it('a summary that cannot be written is a warning, not a failure', async () => {
    const core = recordingCore(stepInputs(f, { 'dry-run': 'true' }), { summaryFails: true })
    await runRevokeAllStep({ core, clock: systemClock, env: {} })
    expect(core.failures).toEqual([])
    expect(core.warnings).toEqual(['Could not write the job summary: summary file not writable'])
  })

  it('reports an unexpected error as a bug, without its stack', async () => {
    const core = recordingCore(stepInputs(f))
    await runRevokeAllStep({ core, clock: systemClock, env: {}, openLedger: () => Promise.reject(new TypeError('boom')) })
    expect(core.failures).toEqual(['Unexpected error: boom. This is a bug in the action; please report it.'])
  })
})
