import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runAction } from '../helpers/action-runner.js'
import { KID_LIST, REVOKE, V21_TOKEN, paths } from '../helpers/e2e.js'
import { startLineChannel, type LineChannel } from '../helpers/line-channel.js'

/**
 * The main step's process is killed right after issuing: the runner still has the state file
 * main wrote (saved before any output), and runs post (post-if: always()). Simulated by
 * giving post only the saved state: no outputs were ever read, the token is not known to the test.
 */
describe('post bundle: main was killed after issuing', () => {
  let line: LineChannel
  beforeAll(async () => (line = await startLineChannel()))
  afterAll(() => line.emulator.close())

  it('finds the token in state alone, revokes it and confirms', async () => {
    const main = await runAction({ entry: 'main', inputs: line.inputs, secrets: line.secrets })
    const issued = line.emulator.tokens(line.channelId)
    expect(issued).toHaveLength(1)
    const state = main.savedState
    expect(state['key-id']).toBe(issued[0].keyId)
    line.emulator.clearRequests()

    const post = await runAction({ entry: 'post', inputs: line.inputs, state, secrets: [...line.secrets, main.outputs.token] })
    expect(post.exitCode).toBe(0)
    expect(post.warnings).toEqual([])
    expect(paths(line.emulator)).toEqual([KID_LIST, REVOKE, KID_LIST])
    expect(line.emulator.activeKeyIds(line.channelId)).toEqual([])
    expect(paths(line.emulator)).not.toContain(V21_TOKEN)
  })
})
