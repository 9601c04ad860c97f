import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runAction } from '../helpers/action-runner.js'
import { V21_TOKEN, expectIssuedV21, statusesOn } from '../helpers/e2e.js'
import { startLineChannel, type LineChannel } from '../helpers/line-channel.js'

describe('main bundle: the token endpoint answers 503 twice, then issues', () => {
  let line: LineChannel
  beforeAll(async () => (line = await startLineChannel()))
  afterAll(() => line.emulator.close())

  it('retries with backoff and succeeds on the third attempt', async () => {
    line.emulator.addFault({ path: V21_TOKEN, responses: [{ status: 503 }, { status: 503 }] })
    const main = await runAction({ entry: 'main', inputs: line.inputs, secrets: line.secrets })
    expectIssuedV21(main)
    expect(statusesOn(line.emulator, V21_TOKEN)).toEqual([503, 503, 200])
    expect(line.emulator.activeKeyIds(line.channelId)).toEqual([main.outputs['key-id']])
  })
})
