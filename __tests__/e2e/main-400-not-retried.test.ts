import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runAction } from '../helpers/action-runner.js'
import { V21_TOKEN, expectFailedOnce, statusesOn } from '../helpers/e2e.js'
import { startLineChannel, type LineChannel } from '../helpers/line-channel.js'

describe('main bundle: a 400 from the token endpoint', () => {
  let line: LineChannel
  beforeAll(async () => (line = await startLineChannel()))
  afterAll(() => line.emulator.close())

  it('is not retried: one attempt, one ::error:: with LINE\'s status and text', async () => {
    line.emulator.addFault({ path: V21_TOKEN, responses: [{ status: 400, body: '{"error":"invalid_request","error_description":"some parameter is wrong"}' }] })
    const main = await runAction({ entry: 'main', inputs: line.inputs, secrets: line.secrets })
    expectFailedOnce(main, /HTTP 400.*some parameter is wrong/)
    expect(statusesOn(line.emulator, V21_TOKEN)).toEqual([400])
    expect(main.savedState).toEqual({})
    expect(line.emulator.activeKeyIds(line.channelId)).toEqual([])
  })
})
