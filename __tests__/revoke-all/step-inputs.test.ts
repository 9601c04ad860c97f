import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { systemClock } from '../../src/clock.js'
import { parseKeep, readRevokeAllInputs, runRevokeAllStep } from '../../src/revoke-all/step.js'
import { recordingCore, startFixture, stepInputs, type Fixture } from './support.js'

describe('runRevokeAllStep: bad inputs fail before any request', () => {
  let f: Fixture
  beforeAll(async () => {
    f = await startFixture()
  })
  afterAll(() => f.close())

  it.each([
    ['channel-id', { 'channel-id': '' }, /^Input "channel-id": is required/],
    ['channel-id', { 'channel-id': 'abc' }, /^Input "channel-id": must be the channel ID, digits only/],
    ['private-key', { 'private-key': '  ' }, /^Input "private-key": is required/],
    ['channel-secret', { 'channel-secret': '' }, /^Input "channel-secret": is required: LINE's revoke call needs it/],
    ['api-base-url', { 'api-base-url': 'ftp://x' }, /^Input "api-base-url": must use https:\/\//],
    ['ledger', { ledger: ' ' }, /^Input "ledger": is required: revoke-all can only revoke tokens recorded in a ledger/],
    ['ledger', { ledger: 'nonsense' }, /^Input "ledger"/],
    ['keep', { keep: '-1' }, /^Input "keep": must be a whole number/],
    ['keep', { keep: '1.5' }, /^Input "keep": must be a whole number/],
    ['older-than', { 'older-than': 'yesterday' }, /^Input "older-than"/],
    ['older-than', { 'older-than': '0' }, /^Input "older-than"/],
    ['dry-run', { 'dry-run': 'yes' }, /^Input "dry-run": must be true or false/],
    ['private-key', { 'private-key': 'not a key' }, /^Input "private-key"/]
  ])('%s: %j', async (_name, overrides, message) => {
    f.emulator.clearRequests()
    const core = recordingCore(stepInputs(f, overrides as Record<string, string>))
    await runRevokeAllStep({ core, clock: systemClock, env: {} })
    expect(core.failures).toHaveLength(1)
    expect(core.failures[0]).toMatch(message)
    expect(f.emulator.requests()).toEqual([])
    expect(core.outputs).toEqual({})
  })

  it('masks the secret inputs before checking anything', async () => {
    const core = recordingCore(stepInputs(f, { 'channel-id': 'bad' }))
    await runRevokeAllStep({ core, clock: systemClock, env: {} })
    expect(core.secrets).toEqual(expect.arrayContaining([f.channelSecret, 'ghs_fake_workflow_token_for_tests_0001']))
  })

  it('reads the defaults: keep 0, any age, no dry run, LINE\'s API', () => {
    const inputs = readRevokeAllInputs((name) => ({ 'channel-id': '1', 'private-key': 'k', 'channel-secret': 's', ledger: 'github' })[name] ?? '')
    expect(inputs).toMatchObject({ keep: 0, olderThanSeconds: undefined, dryRun: false, apiBaseUrl: 'https://api.line.me', keyId: '', githubToken: '' })
  })

  it('parses keep and older-than', () => {
    expect(parseKeep(' 3 ')).toBe(3)
    const inputs = readRevokeAllInputs((name) => ({ 'channel-id': '1', 'private-key': 'k', 'channel-secret': 's', ledger: 'github', 'older-than': '6h', keep: '2', 'dry-run': 'true' })[name] ?? '')
    expect(inputs).toMatchObject({ keep: 2, olderThanSeconds: 21_600, dryRun: true })
  })
})
