import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runAction } from '../helpers/action-runner.js'
import { V21_TOKEN, expectIssuedV21, statusesOn } from '../helpers/e2e.js'
import { startLineChannel, type LineChannel } from '../helpers/line-channel.js'

describe('main bundle: 429 with Retry-After: 1', () => {
  let line: LineChannel
  beforeAll(async () => (line = await startLineChannel()))
  afterAll(() => line.emulator.close())

  it('waits the second LINE asked for, retries once and issues', async () => {
    line.emulator.addFault({ path: V21_TOKEN, responses: [{ status: 429, headers: { 'retry-after': '1' } }] })
    const main = await runAction({ entry: 'main', inputs: line.inputs, secrets: line.secrets })
    expectIssuedV21(main)
    const attempts = line.emulator.requests().filter((r) => r.path === V21_TOKEN)
    expect(attempts.map((r) => r.status)).toEqual([429, 200])
    expect(attempts[1].at - attempts[0].at).toBeGreaterThanOrEqual(950)
    expect(statusesOn(line.emulator, V21_TOKEN)).toHaveLength(2)
  })
})
