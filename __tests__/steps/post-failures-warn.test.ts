import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { systemClock } from '../../src/clock.js'
import { runMainStep } from '../../src/main-step.js'
import { runPostStep } from '../../src/post-step.js'
import { fakeCore, type FakeCore } from '../helpers/fake-core.js'
import { FAST_RETRIES, expectNoSecrets, startLineChannel, type LineChannel } from '../helpers/line-channel.js'

describe('post step: failures are warnings with LINE\'s status and request ID, never a failed job', () => {
  let line: LineChannel
  let main: FakeCore
  beforeAll(async () => (line = await startLineChannel()))
  afterAll(() => line.emulator.close())
  beforeEach(async () => {
    line.emulator.clearFaults()
    main = fakeCore(line.inputs)
    await runMainStep({ core: main, clock: systemClock, env: {} })
    line.emulator.clearRequests()
  })

  const post = async (inputs: Record<string, string> = {}) => {
    const core = fakeCore({ ...line.inputs, ...inputs }, main.saved)
    const result = await runPostStep({ core, clock: systemClock, env: {}, retryPolicy: FAST_RETRIES })
    return { core, result, warnings: core.logs.filter((l) => l.level === 'warning').map((l) => l.message) }
  }

  it('revoke answers 500 twice, then succeeds', async () => {
    line.emulator.addFault({ path: '/oauth2/v2.1/revoke', responses: [{ status: 500 }, { status: 500 }] })
    const { result, warnings } = await post()
    expect(result.outcome).toBe('revoked')
    expect(warnings).toEqual([])
    expect(line.emulator.requests().filter((r) => r.path === '/oauth2/v2.1/revoke').map((r) => r.status)).toEqual([500, 500, 200])
  })

  it('revoke keeps failing: one warning, outcome failed, the summary says why', async () => {
    line.emulator.addFault({ path: '/oauth2/v2.1/revoke', responses: Array(10).fill({ status: 503 }) })
    const { core, result, warnings } = await post()
    expect(result.outcome).toBe('failed')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/^The token was not revoked: LINE API: .*HTTP 503.*request ID/)
    expect(core.failures).toEqual([])
    expect(core.summaries[0]).toContain('⚠️ failed')
    expect(line.emulator.activeKeyIds(line.channelId)).toContain(main.outputs['key-id'])
    expectNoSecrets(core.text(), [...line.secrets, main.outputs.token])
  })

  it('listing key IDs fails: a warning, nothing revoked', async () => {
    line.emulator.addFault({ path: '/oauth2/v2.1/tokens/kid', responses: [{ status: 403, body: '{"message":"forbidden"}' }] })
    const { result, warnings } = await post()
    expect(result.outcome).toBe('failed')
    expect(warnings[0]).toMatch(/HTTP 403: forbidden/)
    expect(line.emulator.requests().map((r) => r.path)).toEqual(['/oauth2/v2.1/tokens/kid'])
  })

  it('a wrong channel secret cannot even open the saved token: a clear warning', async () => {
    const { result, warnings } = await post({ 'channel-secret': 'f'.repeat(32) })
    expect(result.outcome).toBe('failed')
    expect(warnings[0]).toMatch(/could not be decrypted with this channel secret/)
    expect(warnings[0]).not.toContain('f'.repeat(32))
  })

  it('the confirming list fails after the revoke: a warning that it is unconfirmed', async () => {
    line.emulator.addFault({ path: '/oauth2/v2.1/tokens/kid', responses: [{}, ...Array(10).fill({ status: 502 })] })
    const { result, warnings } = await post()
    expect(result.outcome).toBe('failed')
    expect(warnings[0]).toMatch(/revoke call succeeded but listing key IDs to confirm it failed/)
  })

  it('revoke answers 200 but the key ID is still listed: a warning, not a false success', async () => {
    line.emulator.addFault({ path: '/oauth2/v2.1/revoke', responses: [{ status: 200, body: '' }] })
    const { core, result, warnings } = await post()
    expect(result.outcome).toBe('failed')
    expect(warnings[0]).toMatch(/LINE accepted the revoke call, but the key ID is still listed as valid/)
    const active = line.emulator.activeKeyIds(line.channelId)
    expect(active).toContain(main.outputs['key-id'])
    expect(core.summaries[0]).toContain(`| Active v2.1 tokens on the channel | ${active.length} of 30 |`)
  })

  it('the summary cannot be written: a warning, the outcome stands', async () => {
    const core = fakeCore(line.inputs, main.saved)
    core.writeSummary = async () => {
      throw new Error('disk full')
    }
    const result = await runPostStep({ core, clock: systemClock, env: {}, retryPolicy: FAST_RETRIES })
    expect(result.outcome).toBe('revoked')
    expect(core.logs.map((l) => l.message)).toContain('Could not write the job summary: disk full')
  })
})
