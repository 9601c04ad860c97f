import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { systemClock } from '../../src/clock.js'
import { runMainStep, STATE } from '../../src/main-step.js'
import { fakeCore } from '../helpers/fake-core.js'
import { startLineChannel, type LineChannel } from '../helpers/line-channel.js'

describe('main step: token-type stateless', () => {
  let line: LineChannel
  beforeAll(async () => (line = await startLineChannel()))
  afterAll(() => line.emulator.close())

  it('issues a 15-minute token from /oauth2/v3/token, without key-id output or channel secret', async () => {
    const core = fakeCore({ ...line.inputs, 'channel-secret': '', 'token-type': 'stateless', lifetime: 'ignored for stateless', ledger: 'file:/nonexistent' })
    await runMainStep({ core, clock: systemClock, env: {} })
    expect(core.failures).toEqual([])
    expect(core.outputs['expires-in']).toBe('900')
    expect(core.outputs['key-id']).toBeUndefined()
    expect(core.secrets).toContain(core.outputs.token)
    expect(core.saved).toEqual({ [STATE.tokenType]: 'stateless' })
    expect(line.emulator.requests().map((r) => r.path)).toEqual(['/oauth2/v3/token'])
    expect(line.emulator.activeKeyIds(line.channelId)).toEqual([])
    expect(core.text()).toContain('cannot be revoked')
    expect(core.text()).toContain('ledger is not used for stateless tokens')
  })
})
