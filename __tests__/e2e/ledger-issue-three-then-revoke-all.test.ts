import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runAction, type RunResult } from '../helpers/action-runner.js'
import { startLineChannel, type LineChannel } from '../helpers/line-channel.js'

describe('the whole chain over the bundles: main records three tokens, revoke-all keeps the newest', () => {
  let line: LineChannel
  let ledgerDir: string
  let issued: RunResult[]
  let cleanup: RunResult
  let recordedBeforeCleanup: string[]

  beforeAll(async () => {
    line = await startLineChannel()
    ledgerDir = mkdtempSync(join(tmpdir(), 'ledger-chain-'))
    const inputs = { ...line.inputs, ledger: `file:${ledgerDir}`, revoke: 'false', lifetime: '7d' }
    issued = []
    // One after another, so issued-at orders them.
    for (let i = 0; i < 3; i++) issued.push(await runAction({ entry: 'main', inputs, secrets: line.secrets }))
    recordedBeforeCleanup = readdirSync(join(ledgerDir, line.channelId)).sort()
    // revoke-all takes the same connection inputs (not token-type, lifetime or revoke).
    const shared = ['channel-id', 'private-key', 'key-id', 'channel-secret', 'api-base-url', 'ledger'].map((name) => [name, inputs[name as keyof typeof inputs]])
    cleanup = await runAction({
      entry: 'revoke-all',
      inputs: { ...Object.fromEntries(shared), keep: '1' },
      secrets: [...line.secrets, ...issued.map((run) => run.outputs.token)]
    })
  })
  afterAll(() => line.emulator.close())

  it('main recorded each token in the ledger (one file per key ID)', () => {
    expect(issued.map((run) => run.exitCode)).toEqual([0, 0, 0])
    const keyIds = issued.map((run) => run.outputs['key-id'])
    expect(recordedBeforeCleanup).toEqual(keyIds.map((id) => `${id}.json`).sort())
  })

  it('revoke-all revoked the two older tokens, kept the newest, and confirmed it in the emulator', () => {
    expect(cleanup.exitCode).toBe(0)
    expect(cleanup.outputs).toMatchObject({ revoked: '2', kept: '1', unknown: '0', active: '1' })
    const newest = issued[2].outputs['key-id']
    expect(line.emulator.activeKeyIds(line.channelId)).toEqual([newest])
    expect(readdirSync(join(ledgerDir, line.channelId))).toEqual([`${newest}.json`])
  })
})
