import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { systemClock } from '../../src/clock.js'
import { runMainStep } from '../../src/main-step.js'
import { runPostStep } from '../../src/post-step.js'
import { fakeCore } from '../helpers/fake-core.js'
import { expectNoSecrets, startLineChannel, type LineChannel } from '../helpers/line-channel.js'

describe('post step: revoke the token main issued and confirm it is gone', () => {
  let line: LineChannel
  beforeAll(async () => (line = await startLineChannel()))
  afterAll(() => line.emulator.close())

  it('lists, revokes, lists again, and reports in the summary', async () => {
    const main = fakeCore(line.inputs)
    await runMainStep({ core: main, clock: systemClock, env: {} })
    const keyId = main.outputs['key-id']
    expect(line.emulator.activeKeyIds(line.channelId)).toContain(keyId)
    line.emulator.clearRequests()

    const post = fakeCore(line.inputs, main.saved)
    const result = await runPostStep({ core: post, clock: systemClock, env: {} })

    expect(result.outcome).toBe('revoked')
    expect(line.emulator.activeKeyIds(line.channelId)).not.toContain(keyId)
    expect(line.emulator.requests().map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /oauth2/v2.1/tokens/kid',
      'POST /oauth2/v2.1/revoke',
      'GET /oauth2/v2.1/tokens/kid'
    ])
    expect(post.logs.filter((l) => l.level === 'warning')).toEqual([])
    expect(post.text()).toContain(`Revoked the token with key ID ${keyId}; LINE no longer lists it as valid.`)
    const summary = post.summaries.join('\n')
    expect(summary).toContain('| Token type | v2.1 |')
    expect(summary).toContain(`| Key ID | ${keyId} |`)
    expect(summary).toContain(`| Expires at | ${main.outputs['expires-at']} |`)
    expect(summary).toContain('| Outcome | ✅ revoked and confirmed |')
    expect(summary).toContain('| Active v2.1 tokens on the channel | 0 of 30 |')
    // The post step masks the token it decrypted and every new assertion.
    expect(post.secrets).toContain(main.outputs.token)
    expectNoSecrets(post.text(), [...line.secrets, main.outputs.token])
  })

  it('makes no revoke call when the key ID is no longer valid', async () => {
    const main = fakeCore(line.inputs)
    await runMainStep({ core: main, clock: systemClock, env: {} })
    const first = fakeCore(line.inputs, main.saved)
    await runPostStep({ core: first, clock: systemClock, env: {} })
    line.emulator.clearRequests()

    const again = fakeCore(line.inputs, main.saved)
    const result = await runPostStep({ core: again, clock: systemClock, env: {} })
    expect(result.outcome).toBe('already-gone')
    expect(line.emulator.requests().map((r) => r.path)).toEqual(['/oauth2/v2.1/tokens/kid'])
    expect(again.summaries[0]).toContain('already gone')
  })
})
