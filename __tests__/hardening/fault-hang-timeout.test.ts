// Section 3: LINE accepts the connection and never answers. The per-request timeout fires,
// and the whole call stays within the retry budget. In process (main step, real transport,
// real emulator) with a short policy; the bundle uses the same code with a 10 s timeout.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { systemClock } from '../../src/clock.js'
import { LINE_HINTS } from '../../src/line-errors.js'
import { runMainStep } from '../../src/main-step.js'
import { fakeCore } from '../helpers/fake-core.js'
import { expectNoSecrets, startLineChannel, type LineChannel } from '../helpers/line-channel.js'

const HANG = { hang: true }

describe('a server that accepts and never answers', () => {
  let line: LineChannel
  beforeAll(async () => (line = await startLineChannel()))
  afterAll(() => line.emulator.close())
  beforeEach(() => {
    line.emulator.clearFaults()
    line.emulator.clearRequests()
  })

  it('v2.1: one attempt, the timeout fires, and the error says a token may have been issued', async () => {
    line.emulator.addFault({ path: '/oauth2/v2.1/token', responses: [HANG, HANG, HANG] })
    const core = fakeCore(line.inputs)
    const started = Date.now()
    await runMainStep({ core, clock: systemClock, env: {}, retryPolicy: { timeoutMs: 400, baseDelayMs: 1, maxDelayMs: 5, totalBudgetMs: 5000 } })
    const elapsed = Date.now() - started
    expect(core.failures).toHaveLength(1)
    expect(core.failures[0]).toMatch(/^LINE API: issue a v2\.1 token failed: no answer before the timeout\. No answer within 0\.4 s/)
    expect(core.failures[0]).toContain(LINE_HINTS.maybeIssued)
    // Not retried: a second issue could create a token nobody hands over or revokes.
    expect(line.emulator.requests()).toHaveLength(1)
    expect(elapsed).toBeGreaterThanOrEqual(390)
    expect(elapsed).toBeLessThan(3000)
    expect(core.outputs).toEqual({})
    expectNoSecrets(core.text(), line.secrets)
  })

  it('stateless (safe to retry): every attempt times out, and the total stays within the budget', async () => {
    line.emulator.addFault({ path: '/oauth2/v3/token', responses: Array(20).fill(HANG) })
    const core = fakeCore({ ...line.inputs, 'token-type': 'stateless' })
    const started = Date.now()
    await runMainStep({
      core,
      clock: systemClock,
      env: {},
      retryPolicy: { maxAttempts: 20, timeoutMs: 300, baseDelayMs: 1, maxDelayMs: 5, totalBudgetMs: 1000 }
    })
    const elapsed = Date.now() - started
    expect(core.failures).toHaveLength(1)
    expect(core.failures[0]).toMatch(/^LINE API: issue a stateless token failed: no answer before the timeout \(\d attempts\)/)
    const attempts = line.emulator.requests().length
    expect(attempts).toBeGreaterThanOrEqual(3)
    expect(attempts).toBeLessThanOrEqual(4)
    expect(elapsed).toBeLessThan(2500)
    expect(core.logs.some((l) => /LINE did not answer within 0\.3 s; retrying/.test(l.message))).toBe(true)
    expect(core.outputs).toEqual({})
  })

  it('stateless: a retry after one hang succeeds', async () => {
    line.emulator.addFault({ path: '/oauth2/v3/token', responses: [HANG] })
    const core = fakeCore({ ...line.inputs, 'token-type': 'stateless' })
    await runMainStep({ core, clock: systemClock, env: {}, retryPolicy: { timeoutMs: 300, baseDelayMs: 1, maxDelayMs: 5 } })
    expect(core.failures).toEqual([])
    expect(core.outputs.token).toBeTruthy()
    expect(line.emulator.requests().map((r) => r.status)).toEqual([0, 200])
  })
})
