import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runMainThenPost } from '../helpers/action-runner.js'
import { KID_LIST, REVOKE, V21_TOKEN, expectIssuedV21, paths } from '../helpers/e2e.js'
import { acceptedKeyShapes } from '../helpers/keys.js'
import { startLineChannel, type LineChannel } from '../helpers/line-channel.js'

describe('main + post bundles: every accepted private-key shape issues and revokes a token', () => {
  let line: LineChannel
  beforeAll(async () => (line = await startLineChannel()))
  afterAll(() => line.emulator.close())

  it.each(acceptedKeyShapes())('%s', async (_shape, privateKey) => {
    line.emulator.clearRequests()
    const { main, post } = await runMainThenPost({ inputs: { ...line.inputs, 'private-key': privateKey }, secrets: line.secrets })
    expectIssuedV21(main)
    expect(post.exitCode).toBe(0)
    expect(post.warnings).toEqual([])
    expect(paths(line.emulator)).toEqual([V21_TOKEN, KID_LIST, REVOKE, KID_LIST])
    expect(line.emulator.activeKeyIds(line.channelId)).not.toContain(main.outputs['key-id'])
  })
})
