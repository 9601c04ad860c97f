import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runAction, runMainThenPost } from '../helpers/action-runner.js'
import { startLineChannel, type LineChannel } from '../helpers/line-channel.js'

describe('post bundle: the job summary', () => {
  let line: LineChannel
  beforeAll(async () => (line = await startLineChannel()))
  afterAll(() => line.emulator.close())

  it('after a revoke: type, key ID, expires-at, outcome, details and the channel count, never the token', async () => {
    const seeded = [line.emulator.seedToken(line.channelId, 3600), line.emulator.seedToken(line.channelId, 3600)]
    const { main, post } = await runMainThenPost({ inputs: line.inputs, secrets: [...line.secrets, ...seeded.map((t) => t.accessToken)] })
    const keyId = main.outputs['key-id']
    expect(post.summary.split('\n')).toEqual([
      '### LINE channel access token',
      '',
      '| | |',
      '| --- | --- |',
      '| Token type | v2.1 |',
      `| Key ID | ${keyId} |`,
      `| Expires at | ${main.outputs['expires-at']} |`,
      '| Outcome | ✅ revoked and confirmed |',
      `| Details | Revoked the token with key ID ${keyId}; LINE no longer lists it as valid. |`,
      '| Active v2.1 tokens on the channel | 2 of 30 |',
      '',
      ''
    ])
    expect(post.summary).not.toContain(main.outputs.token)
    expect(post.summary).not.toContain(main.savedState['sealed-token'])
  })

  it('when skipped: the reason, and no count (nothing was asked)', async () => {
    const post = await runAction({ entry: 'post', inputs: line.inputs, state: { 'token-type': 'stateless' }, secrets: line.secrets })
    expect(post.summary).toContain('| Token type | stateless |')
    expect(post.summary).toContain('| Key ID | — |')
    expect(post.summary).toContain('| Outcome | ⏭️ skipped |')
    expect(post.summary).toContain('| Details | Nothing to revoke: stateless tokens cannot be revoked; it expires by itself within 15 minutes. |')
    expect(post.summary).toContain('| Active v2.1 tokens on the channel | unknown |')
  })
})
