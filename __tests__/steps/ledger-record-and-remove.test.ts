import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { systemClock } from '../../src/clock.js'
import { openLedger } from '../../src/ledger/index.js'
import { runMainStep } from '../../src/main-step.js'
import { runPostStep } from '../../src/post-step.js'
import { fakeCore } from '../helpers/fake-core.js'
import { startLineChannel, type LineChannel } from '../helpers/line-channel.js'

describe('ledger: main records the token, post removes it once revoked', () => {
  let line: LineChannel
  let dir: string
  beforeAll(async () => {
    line = await startLineChannel()
    dir = mkdtempSync(join(tmpdir(), 'ledger-steps-'))
  })
  afterAll(() => line.emulator.close())

  const env = { GITHUB_RUN_ID: '77', GITHUB_REPOSITORY: 'octo/bot', GITHUB_WORKFLOW: 'deploy', GITHUB_JOB: 'ship', GITHUB_RUN_ATTEMPT: '2' }

  it('records key ID, encrypted token, expiry and the run; post removes the record', async () => {
    const inputs = { ...line.inputs, ledger: `file:${dir}` }
    const main = fakeCore(inputs)
    await runMainStep({ core: main, clock: systemClock, env })
    expect(main.failures).toEqual([])
    const keyId = main.outputs['key-id']

    const file = join(dir, line.channelId, `${keyId}.json`)
    const stored = readFileSync(file, 'utf8')
    expect(stored).not.toContain(main.outputs.token)
    const record = JSON.parse(stored)
    expect(record).toMatchObject({ channelId: line.channelId, keyId, expiresAt: main.outputs['expires-at'] })
    expect(record.run).toMatchObject({ repository: 'octo/bot', runId: '77', url: 'https://github.com/octo/bot/actions/runs/77' })
    const ledger = await openLedger(`file:${dir}`, { channelSecret: line.channelSecret })
    expect((await ledger.list(line.channelId)).map((e) => e.accessToken)).toEqual([main.outputs.token])
    expect(main.text()).toContain(`Recorded key ID ${keyId} in the ledger`)

    const post = fakeCore(inputs, main.saved)
    const result = await runPostStep({ core: post, clock: systemClock, env })
    expect(result.outcome).toBe('revoked')
    expect(readdirSync(join(dir, line.channelId))).toEqual([])
    expect(post.text()).toContain(`Removed key ID ${keyId} from the ledger`)
  })

  it('a token with revoke: false stays in the ledger after post', async () => {
    const inputs = { ...line.inputs, ledger: `file:${dir}`, revoke: 'false', lifetime: '7d' }
    const main = fakeCore(inputs)
    await runMainStep({ core: main, clock: systemClock, env })
    const post = fakeCore(inputs, main.saved)
    expect((await runPostStep({ core: post, clock: systemClock, env })).outcome).toBe('skipped')
    expect(readdirSync(join(dir, line.channelId))).toEqual([`${main.outputs['key-id']}.json`])
  })

  it('a record that cannot be removed is a warning; the token is still revoked', async () => {
    const inputs = { ...line.inputs, ledger: `file:${dir}` }
    const main = fakeCore(inputs)
    await runMainStep({ core: main, clock: systemClock, env })
    const post = fakeCore(inputs, main.saved)
    const result = await runPostStep({
      core: post,
      clock: systemClock,
      env,
      openLedger: async () => {
        throw new Error('ledger unreachable')
      }
    })
    expect(result.outcome).toBe('revoked')
    expect(post.logs.find((l) => l.level === 'warning')?.message).toMatch(/ledger record could not be removed: ledger unreachable/)
  })
})
