import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runAction } from '../helpers/action-runner.js'
import { REVOKE, expectIssuedV21, statusesOn } from '../helpers/e2e.js'
import { startLineChannel, type LineChannel } from '../helpers/line-channel.js'

describe('post bundle: revoke keeps failing', () => {
  let line: LineChannel
  beforeAll(async () => (line = await startLineChannel()))
  afterAll(() => line.emulator.close())

  it('gives up after the retry policy: one ::warning:: with status and request ID, exit 0', async () => {
    const main = await runAction({ entry: 'main', inputs: line.inputs, secrets: line.secrets })
    expectIssuedV21(main)
    line.emulator.clearRequests()
    line.emulator.addFault({ path: REVOKE, responses: Array(10).fill({ status: 503 }) })
    const post = await runAction({ entry: 'post', inputs: line.inputs, state: main.savedState, secrets: [...line.secrets, main.outputs.token] })
    expect(post.exitCode).toBe(0)
    expect(post.errors).toEqual([])
    expect(post.warnings).toHaveLength(1)
    expect(post.warnings[0]).toMatch(/^The token was not revoked: LINE API: .*HTTP 503.*request ID/)
    const attempts = statusesOn(line.emulator, REVOKE)
    expect(attempts.length).toBeGreaterThan(1)
    expect(attempts.every((s) => s === 503)).toBe(true)
    expect(line.emulator.activeKeyIds(line.channelId)).toEqual([main.outputs['key-id']])
    expect(post.summary).toContain('| Outcome | ⚠️ failed |')
  })
})
