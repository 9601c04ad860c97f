import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runAction, runMainThenPost, type RunResult } from '../helpers/action-runner.js'
import { V21_TOKEN, expectFailedOnce, expectIssuedV21, infoLines, paths } from '../helpers/e2e.js'
import { startLineChannel, type LineChannel } from '../helpers/line-channel.js'

/** A skipping post step: exit 0, one info line, no warning, no request, a "skipped" summary. */
function expectSkipped(post: RunResult, said: RegExp): void {
  expect(post.exitCode).toBe(0)
  expect(post.warnings).toEqual([])
  expect(post.errors).toEqual([])
  expect(infoLines(post)).toEqual([expect.stringMatching(said)])
  expect(post.summary).toContain('| Outcome | ⏭️ skipped |')
}

describe('post bundle: skips with one info line and no request', () => {
  let line: LineChannel
  beforeAll(async () => (line = await startLineChannel()))
  afterAll(() => line.emulator.close())

  it('the token has already expired: no request', async () => {
    const main = await runAction({ entry: 'main', inputs: line.inputs, secrets: line.secrets })
    expectIssuedV21(main)
    line.emulator.clearRequests()
    const expiredAt = new Date(Date.now() - 60_000).toISOString()
    const post = await runAction({ entry: 'post', inputs: line.inputs, state: { ...main.savedState, 'expires-at': expiredAt }, secrets: [...line.secrets, main.outputs.token] })
    expectSkipped(post, /the token expired at/)
    expect(paths(line.emulator)).toEqual([])
  })

  it('revoke: false — the token stays valid', async () => {
    line.emulator.clearRequests()
    const { main, post } = await runMainThenPost({ inputs: { ...line.inputs, revoke: 'false' }, secrets: line.secrets })
    expectIssuedV21(main)
    expectSkipped(post, /revoke is false\. The token stays valid until/)
    expect(paths(line.emulator)).toEqual([V21_TOKEN])
    expect(line.emulator.activeKeyIds(line.channelId)).toContain(main.outputs['key-id'])
  })

  it('main failed (no state): nothing to revoke', async () => {
    line.emulator.clearRequests()
    const { main, post } = await runMainThenPost({ inputs: { ...line.inputs, 'key-id': '11111111-2222-3333-4444-555555555555' }, secrets: line.secrets })
    expectFailedOnce(main, /HTTP 404/)
    expect(main.savedState).toEqual({})
    line.emulator.clearRequests()
    const again = await runAction({ entry: 'post', inputs: line.inputs, state: {}, secrets: line.secrets })
    for (const run of [post, again]) expectSkipped(run, /the main step issued no token/)
    expect(paths(line.emulator)).toEqual([])
  })
})
