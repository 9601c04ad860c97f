import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runAction } from '../helpers/action-runner.js'
import { REVOKE, expectIssuedV21, statusesOn } from '../helpers/e2e.js'
import { startLineChannel, type LineChannel } from '../helpers/line-channel.js'

describe('post bundle: revoke answers 500, then succeeds', () => {
  let line: LineChannel
  beforeAll(async () => (line = await startLineChannel()))
  afterAll(() => line.emulator.close())

  it('retries the idempotent revoke, confirms, no warning', async () => {
    const main = await runAction({ entry: 'main', inputs: line.inputs, secrets: line.secrets })
    expectIssuedV21(main)
    line.emulator.clearRequests()
    line.emulator.addFault({ path: REVOKE, responses: [{ status: 500 }, { status: 500 }] })
    const post = await runAction({ entry: 'post', inputs: line.inputs, state: main.savedState, secrets: [...line.secrets, main.outputs.token] })
    expect(post.exitCode).toBe(0)
    expect(post.warnings).toEqual([])
    expect(statusesOn(line.emulator, REVOKE)).toEqual([500, 500, 200])
    expect(line.emulator.activeKeyIds(line.channelId)).toEqual([])
    expect(post.summary).toContain('| Outcome | ✅ revoked and confirmed |')
  })
})
