import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { systemClock } from '../../src/clock.js'
import { failureMessage } from '../../src/errors.js'
import { runMainStep } from '../../src/main-step.js'
import { fakeCore } from '../helpers/fake-core.js'
import { FAST_RETRIES, expectNoSecrets, startLineChannel, type LineChannel } from '../helpers/line-channel.js'

describe('main step: LINE refuses, and the error says what to do', () => {
  let line: LineChannel
  beforeAll(async () => (line = await startLineChannel()))
  afterAll(() => line.emulator.close())

  it('an unregistered key ID fails with the 404 text, request ID and guidance', async () => {
    const core = fakeCore({ ...line.inputs, 'key-id': '11111111-2222-3333-4444-555555555555' })
    await runMainStep({ core, clock: systemClock, env: {}, retryPolicy: FAST_RETRIES })
    expect(core.failures).toHaveLength(1)
    expect(core.failures[0]).toMatch(/HTTP 404: Cannot find channel key that satisfies the conditions \(request ID [0-9a-f]+\)/)
    expect(core.failures[0]).toMatch(/key-id/)
    expect(core.outputs).toEqual({})
    expect(core.saved).toEqual({})
  })

  it('the 30-token cap fails with LINE\'s message and points to revoke, revoke-all and stateless', async () => {
    for (let i = 0; i < 30; i++) line.emulator.seedToken(line.channelId, 3600)
    const core = fakeCore(line.inputs)
    await runMainStep({ core, clock: systemClock, env: {}, retryPolicy: FAST_RETRIES })
    expect(core.failures[0]).toMatch(/The maximum number of access tokens has already been issued/)
    expect(core.failures[0]).toMatch(/30 active/)
    expect(core.failures[0]).toMatch(/revoke-all/)
    expect(core.failures[0]).toMatch(/stateless/)
    expectNoSecrets(core.text(), line.secrets)
  })

  it('reports an unexpected error as a bug, without a stack trace', () => {
    const message = failureMessage(new TypeError('x is not a function'))
    expect(message).toBe('Unexpected error: x is not a function. This is a bug in the action; please report it.')
    expect(failureMessage('thrown text')).toContain('thrown text')
  })
})
