// Section 5: 20 main steps at once against one emulator and one `file:` ledger. Every issued
// token is in the ledger exactly once (and decrypts to the token that step handed over);
// then one revoke-all run leaves the channel with no valid key IDs and the ledger empty.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { systemClock } from '../../src/clock.js'
import { createFileLedger } from '../../src/ledger/file.js'
import { runMainStep } from '../../src/main-step.js'
import { runRevokeAllStep } from '../../src/revoke-all/step.js'
import { fakeCore, type FakeCore } from '../helpers/fake-core.js'
import { expectNoSecrets, FAST_RETRIES, startLineChannel, type LineChannel } from '../helpers/line-channel.js'

const STEPS = 20

describe('20 concurrent main steps, one ledger, then revoke-all', () => {
  let line: LineChannel
  let dir: string
  beforeAll(async () => {
    line = await startLineChannel()
    dir = mkdtempSync(join(tmpdir(), 'line-ledger-concurrency-'))
  })
  afterAll(async () => {
    await line.emulator.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('records each token exactly once, and revoke-all brings the channel to zero', async () => {
    const inputs = { ...line.inputs, ledger: `file:${dir}`, revoke: 'false', lifetime: '2h' }
    const cores: FakeCore[] = Array.from({ length: STEPS }, () => fakeCore(inputs))
    await Promise.all(cores.map((core, i) => runMainStep({ core, clock: systemClock, env: { GITHUB_RUN_ID: String(1000 + i) }, retryPolicy: FAST_RETRIES })))

    for (const core of cores) {
      expect(core.failures).toEqual([])
      expectNoSecrets(core.text(), [...line.secrets, core.outputs.token])
    }
    const handedOver = new Map(cores.map((core) => [core.outputs['key-id'], core.outputs.token]))
    expect(handedOver.size).toBe(STEPS)
    expect(new Set(handedOver.values()).size).toBe(STEPS)
    expect(line.emulator.activeKeyIds(line.channelId).sort()).toEqual([...handedOver.keys()].sort())

    // Exactly one record per token: one file each, no leftovers (temp files), no duplicates.
    const files = readdirSync(join(dir, line.channelId))
    expect(files.sort()).toEqual([...handedOver.keys()].map((keyId) => `${keyId}.json`).sort())
    const entries = await createFileLedger({ dir, channelSecret: line.channelSecret }).list(line.channelId)
    expect(entries).toHaveLength(STEPS)
    for (const entry of entries) expect(entry.accessToken).toBe(handedOver.get(entry.keyId))
    expect(new Set(entries.map((entry) => entry.run?.runId)).size).toBe(STEPS)

    const cleanup = fakeCore({ ...line.inputs, ledger: `file:${dir}` })
    const report = await runRevokeAllStep({ core: cleanup, clock: systemClock, env: {}, retryPolicy: FAST_RETRIES })
    expect(cleanup.failures).toEqual([])
    expect(report?.counts).toMatchObject({ revoked: STEPS, failed: 0, unconfirmed: 0, unknown: 0, active: 0 })
    expect(cleanup.outputs).toMatchObject({ revoked: String(STEPS), active: '0' })
    expect(line.emulator.activeKeyIds(line.channelId)).toEqual([])
    expect(line.emulator.tokens(line.channelId).filter((token) => !token.revoked)).toEqual([])
    expect(await createFileLedger({ dir, channelSecret: line.channelSecret }).list(line.channelId)).toEqual([])
    expectNoSecrets(cleanup.text(), [...line.secrets, ...handedOver.values()])
  })
})
