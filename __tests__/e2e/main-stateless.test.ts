import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runMainThenPost, type RunResult } from '../helpers/action-runner.js'
import { V3_TOKEN, infoLines, paths } from '../helpers/e2e.js'
import { startLineChannel, type LineChannel } from '../helpers/line-channel.js'

describe('main + post bundles: token-type stateless', () => {
  let line: LineChannel
  let main: RunResult
  let post: RunResult
  beforeAll(async () => {
    line = await startLineChannel()
    ;({ main, post } = await runMainThenPost({ inputs: { ...line.inputs, 'channel-secret': '', 'token-type': 'stateless' }, secrets: line.secrets }))
  })
  afterAll(() => line.emulator.close())

  it('issues a 15-minute token from /oauth2/v3/token with no key-id output', () => {
    expect(main.errors).toEqual([])
    expect(main.exitCode).toBe(0)
    expect(Object.keys(main.outputs).sort()).toEqual(['expires-at', 'expires-in', 'token'])
    expect(main.outputs['expires-in']).toBe('900')
    expect(Date.parse(main.outputs['expires-at']) - Date.now()).toBeGreaterThan(850_000)
    expect(main.masked).toContain(main.outputs.token)
    expect(main.savedState).toEqual({ 'token-type': 'stateless' })
  })

  it('post skips with one info line and sends nothing', () => {
    expect(post.exitCode).toBe(0)
    expect(post.warnings).toEqual([])
    expect(infoLines(post)).toEqual([expect.stringMatching(/stateless tokens cannot be revoked/)])
    expect(paths(line.emulator)).toEqual([V3_TOKEN])
    expect(line.emulator.activeKeyIds(line.channelId)).toEqual([])
  })
})
