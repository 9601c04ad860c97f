import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runMainThenPost } from '../helpers/action-runner.js'
import { V21_TOKEN, expectIssuedV21, statusesOn } from '../helpers/e2e.js'
import { startLineChannel, type LineChannel } from '../helpers/line-channel.js'

const MINUTE = 60_000

describe('main + post bundles: a runner clock 20 minutes off either way', () => {
  let line: LineChannel
  beforeAll(async () => (line = await startLineChannel()))
  afterAll(() => line.emulator.close())

  it.each([
    ['runner 20 minutes slow', 20 * MINUTE, 'about 20 minutes behind'],
    ['runner 20 minutes fast', -20 * MINUTE, 'about 20 minutes ahead of']
  ])('%s: one 400, corrected from LINE\'s Date header, then a token; post still revokes it', async (_name, lineAheadMs, said) => {
    line.emulator.setClockSkew(lineAheadMs)
    line.emulator.clearRequests()
    const { main, post } = await runMainThenPost({ inputs: line.inputs, secrets: line.secrets })
    expectIssuedV21(main)
    expect(statusesOn(line.emulator, V21_TOKEN)).toEqual([400, 200])
    expect(main.warnings).toEqual([expect.stringContaining(`clock is ${said} LINE's`)])
    expect(post.exitCode).toBe(0)
    expect(post.warnings.filter((w) => !w.includes('clock is'))).toEqual([])
    expect(line.emulator.activeKeyIds(line.channelId)).not.toContain(main.outputs['key-id'])
  })
})
