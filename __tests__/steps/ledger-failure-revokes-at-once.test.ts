import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { systemClock } from '../../src/clock.js'
import { LedgerError, type Ledger } from '../../src/ledger/index.js'
import { runMainStep, STATE } from '../../src/main-step.js'
import { runPostStep } from '../../src/post-step.js'
import { fakeCore } from '../helpers/fake-core.js'
import { FAST_RETRIES, startLineChannel, type LineChannel } from '../helpers/line-channel.js'

/** A ledger whose store refuses every write. */
const brokenLedger = async (): Promise<Ledger> => ({
  description: 'github:octo/ledger@line-token-ledger',
  put: async () => {
    throw new LedgerError('the GitHub token cannot write to octo/ledger: give the workflow `contents: write`')
  },
  remove: async () => {},
  list: async () => []
})

describe('ledger: a token that cannot be recorded is revoked at once, and the step fails', () => {
  let line: LineChannel
  beforeAll(async () => (line = await startLineChannel()))
  afterAll(() => line.emulator.close())

  it('revokes the token, hands nothing over, fails with the ledger error', async () => {
    const core = fakeCore({ ...line.inputs, ledger: 'github:octo/ledger', revoke: 'false' })
    await runMainStep({ core, clock: systemClock, env: {}, openLedger: brokenLedger })
    expect(core.failures).toEqual(['the GitHub token cannot write to octo/ledger: give the workflow `contents: write`'])
    expect(core.outputs).toEqual({})
    expect(line.emulator.activeKeyIds(line.channelId)).toEqual([])
    expect(core.saved[STATE.sealedToken]).toBe('')
    expect(core.logs.find((l) => l.level === 'warning')?.message).toMatch(/revoked at once/)
  })

  it('if that revoke fails too, post tries again with what main saved', async () => {
    line.emulator.addFault({ path: '/oauth2/v2.1/revoke', responses: Array(4).fill({ status: 503 }) })
    const inputs = { ...line.inputs, ledger: 'github:octo/ledger' }
    const main = fakeCore(inputs)
    await runMainStep({ core: main, clock: systemClock, env: {}, openLedger: brokenLedger, retryPolicy: FAST_RETRIES })
    expect(main.failures).toHaveLength(1)
    expect(main.logs.find((l) => l.level === 'warning')?.message).toMatch(/revoking it failed too .*the post step will try again/)
    expect(line.emulator.activeKeyIds(line.channelId)).toHaveLength(1)

    const post = fakeCore(inputs, main.saved)
    expect((await runPostStep({ core: post, clock: systemClock, env: {} })).outcome).toBe('revoked')
    expect(line.emulator.activeKeyIds(line.channelId)).toEqual([])
  })
})
