import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { systemClock } from '../../src/clock.js'
import { runMainStep, STATE } from '../../src/main-step.js'
import { decryptToken } from '../../src/ledger/crypto.js'
import { fakeCore } from '../helpers/fake-core.js'
import { expectNoSecrets, startLineChannel, type LineChannel } from '../helpers/line-channel.js'

describe('main step: a v2.1 token is issued and handed over masked', () => {
  let line: LineChannel
  beforeAll(async () => (line = await startLineChannel()))
  afterAll(() => line.emulator.close())

  it('sets every output, masks before output, and saves only an encrypted token for post', async () => {
    const core = fakeCore({ ...line.inputs, lifetime: '30m', revoke: 'true' })
    await runMainStep({ core, clock: systemClock, env: {} })

    expect(core.failures).toEqual([])
    const token = core.outputs.token
    expect(token.length).toBeGreaterThan(100)
    expect(core.outputs['key-id']).toBe(line.emulator.activeKeyIds(line.channelId)[0])
    expect(core.outputs['expires-in']).toBe('1800')
    expect(Date.parse(core.outputs['expires-at']) - Date.now()).toBeGreaterThan(1790_000)
    expect(core.outputs['expires-at']).toMatch(/Z$/)
    // Masked: the token, the channel secret, the key's private parameters, the assertion.
    expect(core.secrets).toEqual(expect.arrayContaining([token, line.channelSecret, line.key.privateParams.d]))
    expect(core.secrets.some((s) => s.split('.').length === 3 && s !== token)).toBe(true)
    // State: what post needs, and the token only encrypted under the channel secret.
    expect(core.saved[STATE.tokenType]).toBe('v2.1')
    expect(core.saved[STATE.keyId]).toBe(core.outputs['key-id'])
    expect(JSON.stringify(core.saved)).not.toContain(token)
    const opened = await decryptToken(core.saved[STATE.sealedToken], line.channelSecret, {
      channelId: line.channelId,
      keyId: core.outputs['key-id'],
      where: 'state'
    })
    expect(opened).toBe(token)
    expect(core.text()).toContain('It will be revoked when the job ends')
    expectNoSecrets(core.text(), [...line.secrets, token])
  })

  it('says the token outlives the job when revoke is false, and needs no channel secret then', async () => {
    const core = fakeCore({ ...line.inputs, 'channel-secret': '', revoke: 'false' })
    await runMainStep({ core, clock: systemClock, env: {} })
    expect(core.failures).toEqual([])
    expect(core.saved[STATE.sealedToken]).toBeUndefined()
    expect(core.text()).toContain('will NOT be revoked')
  })

  it('uses the kid carried by the JWK when key-id is empty', async () => {
    const jwkWithKid = JSON.stringify({ ...JSON.parse(line.key.shapes.jwx), kid: line.keyId })
    const core = fakeCore({ ...line.inputs, 'private-key': jwkWithKid, 'key-id': '' })
    await runMainStep({ core, clock: systemClock, env: {} })
    expect(core.failures).toEqual([])
    expect(core.outputs.token).toBeTruthy()
  })
})
