import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { systemClock } from '../../src/clock.js'
import { runMainStep } from '../../src/main-step.js'
import { fakeCore } from '../helpers/fake-core.js'
import { startLineChannel, type LineChannel } from '../helpers/line-channel.js'

const MINUTE = 60_000

describe('main step: a runner clock 20 minutes off either way still gets a token', () => {
  let line: LineChannel
  beforeAll(async () => (line = await startLineChannel()))
  afterAll(() => line.emulator.close())

  it.each([
    ['runner 20 minutes slow', 20 * MINUTE, 'about 20 minutes behind'],
    ['runner 20 minutes fast', -20 * MINUTE, 'about 20 minutes ahead of']
  ])('%s: corrected from the Date header, one retry', async (_name, lineAheadMs, said) => {
    line.emulator.setClockSkew(lineAheadMs)
    line.emulator.clearRequests()
    const core = fakeCore(line.inputs)
    await runMainStep({ core, clock: systemClock, env: {} })
    expect(core.failures).toEqual([])
    expect(core.outputs.token).toBeTruthy()
    expect(line.emulator.requests().map((r) => r.status)).toEqual([400, 200])
    expect(core.logs.find((l) => l.level === 'warning')?.message).toContain(`clock is ${said} LINE's`)
  })

  it('a 10-minute skew needs no correction at all', async () => {
    line.emulator.setClockSkew(10 * MINUTE)
    line.emulator.clearRequests()
    const core = fakeCore(line.inputs)
    await runMainStep({ core, clock: systemClock, env: {} })
    expect(line.emulator.requests().map((r) => r.status)).toEqual([200])
  })
})
