import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { systemClock } from '../../src/clock.js'
import { STATE } from '../../src/main-step.js'
import { runPostStep } from '../../src/post-step.js'
import { fakeCore } from '../helpers/fake-core.js'
import { startLineChannel, type LineChannel } from '../helpers/line-channel.js'

describe('post step: skips with one info line and no request', () => {
  let line: LineChannel
  beforeAll(async () => (line = await startLineChannel()))
  afterAll(() => line.emulator.close())

  const inAnHour = new Date(Date.now() + 3600_000).toISOString()
  const v21 = { [STATE.tokenType]: 'v2.1', [STATE.keyId]: 'kid1', [STATE.expiresAt]: inAnHour, [STATE.sealedToken]: 'sealed' }
  const cases: [string, Record<string, string>, Record<string, string>, RegExp][] = [
    ['main issued no token', {}, {}, /the main step issued no token/],
    ['stateless token', {}, { [STATE.tokenType]: 'stateless' }, /stateless tokens cannot be revoked/],
    ['revoke is false', { revoke: 'false' }, v21, /revoke is false\. The token stays valid until/],
    ['main already revoked it (ledger failure)', {}, { ...v21, [STATE.sealedToken]: '' }, /already revoked its token or saved none/],
    ['token already expired', {}, { ...v21, [STATE.expiresAt]: new Date(Date.now() - 1000).toISOString() }, /the token expired at/],
    ['token expires within the margin', {}, { ...v21, [STATE.expiresAt]: new Date(Date.now() + 10_000).toISOString() }, /the token expired at/]
  ]

  it.each(cases)('%s', async (_name, inputs, state, said) => {
    line.emulator.clearRequests()
    const core = fakeCore({ ...line.inputs, ...inputs }, state)
    const result = await runPostStep({ core, clock: systemClock, env: {} })
    expect(result.outcome).toBe('skipped')
    expect(core.logs.filter((l) => l.level === 'info').map((l) => l.message)).toEqual([expect.stringMatching(said)])
    expect(core.logs.filter((l) => l.level === 'warning')).toEqual([])
    expect(core.summaries[0]).toContain('⏭️ skipped')
    expect(line.emulator.requests()).toEqual([])
  })
})
