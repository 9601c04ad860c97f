import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runAction } from '../helpers/action-runner.js'
import { V21_TOKEN, expectFailedOnce, statusesOn } from '../helpers/e2e.js'
import { startLineChannel, type LineChannel } from '../helpers/line-channel.js'

describe('main bundle: a key ID not registered for the channel', () => {
  let line: LineChannel
  beforeAll(async () => (line = await startLineChannel()))
  afterAll(() => line.emulator.close())

  it('fails once with LINE\'s 404 text, the request ID and what to check', async () => {
    const main = await runAction({ entry: 'main', inputs: { ...line.inputs, 'key-id': '11111111-2222-3333-4444-555555555555' }, secrets: line.secrets })
    const error = expectFailedOnce(main, /HTTP 404: Cannot find channel key that satisfies the conditions \(request ID [0-9a-f]+\)/)
    expect(error).toMatch(/key-id/)
    expect(error).toMatch(/channel/i)
    expect(statusesOn(line.emulator, V21_TOKEN)).toEqual([404])
    expect(main.savedState).toEqual({})
  })
})
