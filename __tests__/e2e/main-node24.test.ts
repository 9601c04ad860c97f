import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { runMainThenPost } from '../helpers/action-runner.js'
import { KID_LIST, REVOKE, V21_TOKEN, expectIssuedV21, paths } from '../helpers/e2e.js'
import { startLineChannel, type LineChannel } from '../helpers/line-channel.js'

/** action.yml says `using: node24`: run the bundles on Node 24 when LINE_E2E_NODE24 names its binary. */
const node24 = process.env.LINE_E2E_NODE24
const describeIf = node24 ? describe : describe.skip

describeIf('main + post bundles on Node 24 (LINE_E2E_NODE24)', () => {
  let line: LineChannel
  beforeAll(async () => (line = await startLineChannel()))
  afterAll(() => line.emulator.close())

  it('issues, revokes and confirms', async () => {
    expect(execFileSync(node24 as string, ['--version'], { encoding: 'utf8' })).toMatch(/^v24\./)
    const { main, post } = await runMainThenPost({ inputs: line.inputs, secrets: line.secrets, node: node24 })
    expectIssuedV21(main)
    expect(main.stderr).toBe('')
    expect(post.exitCode).toBe(0)
    expect(post.warnings).toEqual([])
    expect(post.stderr).toBe('')
    expect(paths(line.emulator)).toEqual([V21_TOKEN, KID_LIST, REVOKE, KID_LIST])
    expect(line.emulator.activeKeyIds(line.channelId)).toEqual([])
  })
})
