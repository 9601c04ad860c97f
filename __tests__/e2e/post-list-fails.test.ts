import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runAction } from '../helpers/action-runner.js'
import { KID_LIST, expectIssuedV21, paths } from '../helpers/e2e.js'
import { startLineChannel, type LineChannel } from '../helpers/line-channel.js'

describe('post bundle: listing key IDs fails', () => {
  let line: LineChannel
  beforeAll(async () => (line = await startLineChannel()))
  afterAll(() => line.emulator.close())

  it('one ::warning:: with LINE\'s status and text, nothing revoked, exit 0', async () => {
    const main = await runAction({ entry: 'main', inputs: line.inputs, secrets: line.secrets })
    expectIssuedV21(main)
    line.emulator.clearRequests()
    line.emulator.addFault({ path: KID_LIST, responses: [{ status: 403, body: '{"message":"forbidden"}' }] })
    const post = await runAction({ entry: 'post', inputs: line.inputs, state: main.savedState, secrets: [...line.secrets, main.outputs.token] })
    expect(post.exitCode).toBe(0)
    expect(post.errors).toEqual([])
    expect(post.warnings).toHaveLength(1)
    expect(post.warnings[0]).toMatch(/HTTP 403: forbidden.*request ID/)
    expect(paths(line.emulator)).toEqual([KID_LIST])
    expect(line.emulator.activeKeyIds(line.channelId)).toEqual([main.outputs['key-id']])
    expect(post.summary).toContain('| Outcome | ⚠️ failed |')
    expect(post.summary).toContain('| Active v2.1 tokens on the channel | unknown |')
  })
})
