import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runAction } from '../helpers/action-runner.js'
import { KID_LIST, REVOKE, expectIssuedV21, paths } from '../helpers/e2e.js'
import { startLineChannel, type LineChannel } from '../helpers/line-channel.js'

describe('post bundle: the key ID is no longer valid (revoked elsewhere)', () => {
  let line: LineChannel
  beforeAll(async () => (line = await startLineChannel()))
  afterAll(() => line.emulator.close())

  it('lists once, makes no revoke call, says it is already gone, exits 0', async () => {
    const main = await runAction({ entry: 'main', inputs: line.inputs, secrets: line.secrets })
    expectIssuedV21(main)
    // Someone revokes the token between the steps.
    const answer = await fetch(`${line.emulator.url}${REVOKE}`, {
      method: 'POST',
      body: new URLSearchParams({ client_id: line.channelId, client_secret: line.channelSecret, access_token: main.outputs.token })
    })
    expect(answer.status).toBe(200)
    line.emulator.clearRequests()

    const post = await runAction({ entry: 'post', inputs: line.inputs, state: main.savedState, secrets: [...line.secrets, main.outputs.token] })
    expect(post.exitCode).toBe(0)
    expect(post.warnings).toEqual([])
    expect(paths(line.emulator)).toEqual([KID_LIST])
    expect(post.stdout).toContain(`key ID ${main.outputs['key-id']} is no longer valid (already revoked or expired)`)
    expect(post.summary).toContain('| Outcome | ✅ already gone (revoked or expired) |')
  })
})
