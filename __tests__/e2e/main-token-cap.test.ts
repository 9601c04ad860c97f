import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runAction } from '../helpers/action-runner.js'
import { V21_TOKEN, expectFailedOnce, statusesOn } from '../helpers/e2e.js'
import { startLineChannel, type LineChannel } from '../helpers/line-channel.js'

describe('main bundle: the channel already holds 30 v2.1 tokens', () => {
  let line: LineChannel
  beforeAll(async () => (line = await startLineChannel()))
  afterAll(() => line.emulator.close())

  it('fails once with LINE\'s message and points to revoke, revoke-all and stateless', async () => {
    const seeded = Array.from({ length: 30 }, () => line.emulator.seedToken(line.channelId, 3600))
    const main = await runAction({ entry: 'main', inputs: line.inputs, secrets: [...line.secrets, ...seeded.map((t) => t.accessToken)] })
    const error = expectFailedOnce(main, /The maximum number of access tokens has already been issued/)
    expect(error).toMatch(/30 active/)
    expect(error).toMatch(/revoke/)
    expect(error).toMatch(/revoke-all/)
    expect(error).toMatch(/stateless/)
    expect(statusesOn(line.emulator, V21_TOKEN)).toEqual([400])
    expect(line.emulator.activeKeyIds(line.channelId)).toHaveLength(30)
  })
})
