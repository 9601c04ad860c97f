import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runAction, runMainThenPost, type RunResult } from '../helpers/action-runner.js'
import { KID_LIST, REVOKE, V21_TOKEN, expectIssuedV21, paths } from '../helpers/e2e.js'
import { startLineChannel, type LineChannel } from '../helpers/line-channel.js'

describe('main + post bundles: the token is revoked and the revocation confirmed', () => {
  let line: LineChannel
  let main: RunResult
  let post: RunResult
  let other: { keyId: string; accessToken: string }
  beforeAll(async () => {
    line = await startLineChannel()
    other = line.emulator.seedToken(line.channelId, 3600)
    ;({ main, post } = await runMainThenPost({ inputs: line.inputs, secrets: [...line.secrets, other.accessToken] }))
  })
  afterAll(() => line.emulator.close())

  it('main issues a v2.1 token and saves only what post needs (the token sealed)', () => {
    expectIssuedV21(main)
    expect(Object.keys(main.savedState).sort()).toEqual(['expires-at', 'key-id', 'sealed-token', 'token-type'])
    expect(main.savedState['key-id']).toBe(main.outputs['key-id'])
    expect(main.savedState['sealed-token']).not.toContain(main.outputs.token)
  })

  it('post lists, revokes, lists again, and exits 0 without warnings', () => {
    expect(post.exitCode).toBe(0)
    expect(post.warnings).toEqual([])
    expect(post.errors).toEqual([])
    expect(paths(line.emulator)).toEqual([V21_TOKEN, KID_LIST, REVOKE, KID_LIST])
    expect(line.emulator.requests().every((r) => r.status === 200)).toBe(true)
    expect(post.stdout).toContain(`Revoked the token with key ID ${main.outputs['key-id']}; LINE no longer lists it as valid.`)
  })

  it('the emulator no longer lists the key ID; the unrelated token is untouched', () => {
    expect(line.emulator.activeKeyIds(line.channelId)).toEqual([other.keyId])
    expect(line.emulator.tokens(line.channelId).find((t) => t.keyId === main.outputs['key-id'])?.revoked).toBe(true)
  })

  it('post masks the token it unsealed', () => {
    expect(post.masked).toContain(main.outputs.token)
  })

  it('a second post run finds the key ID gone: no revoke call', async () => {
    line.emulator.clearRequests()
    const again = await runAction({ entry: 'post', inputs: line.inputs, state: main.savedState, secrets: [...line.secrets, main.outputs.token] })
    expect(again.exitCode).toBe(0)
    expect(paths(line.emulator)).toEqual([KID_LIST])
  })
})
