import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { systemClock } from '../../src/clock.js'
import { runMainStep } from '../../src/main-step.js'
import { fakeCore } from '../helpers/fake-core.js'
import { ecP256Jwk, publicJwk, rsa1024Pem } from '../helpers/keys.js'
import { expectNoSecrets, startLineChannel, type LineChannel } from '../helpers/line-channel.js'

describe('main step: bad input fails before any request, naming the input', () => {
  let line: LineChannel
  beforeAll(async () => (line = await startLineChannel()))
  afterAll(() => line.emulator.close())

  const cases: [string, Record<string, string>, RegExp][] = [
    ['missing channel secret with revoke', { 'channel-secret': '' }, /^Input "channel-secret": is needed to revoke/],
    ['missing channel secret with a ledger', { 'channel-secret': '', revoke: 'false', ledger: 'file:x' }, /^Input "channel-secret": is needed with a ledger/],
    ['lifetime 31d', { lifetime: '31d' }, /^Input "lifetime": .*30 days/],
    ['lifetime garbage', { lifetime: 'soon' }, /^Input "lifetime"/],
    ['channel id with letters', { 'channel-id': 'abc' }, /^Input "channel-id": must be the channel ID/],
    ['empty channel id', { 'channel-id': '' }, /^Input "channel-id": is required/],
    ['empty private key', { 'private-key': '  ' }, /^Input "private-key": is required/],
    ['public key', { 'private-key': publicJwk() }, /^Input "private-key":.*public/i],
    ['EC key', { 'private-key': ecP256Jwk() }, /^Input "private-key":.*RSA/],
    ['1024-bit key', { 'private-key': rsa1024Pem() }, /^Input "private-key":.*1024/],
    ['unknown token type', { 'token-type': 'v3' }, /^Input "token-type"/],
    ['revoke not boolean', { revoke: 'yes' }, /^Input "revoke": must be true or false/],
    ['api base url not a URL', { 'api-base-url': 'api.line.me' }, /^Input "api-base-url": must be an absolute/],
    ['api base url with credentials', { 'api-base-url': 'https://u:p@api.line.me' }, /^Input "api-base-url": must not contain a user name/],
    ['api base url ftp', { 'api-base-url': 'ftp://api.line.me' }, /^Input "api-base-url": must use https/],
    ['api base url with query', { 'api-base-url': 'https://api.line.me/?x=1' }, /^Input "api-base-url": must not contain a query/],
    ['no key id anywhere', { 'key-id': '' }, /^Input "key-id"/],
    ['bad ledger spec', { ledger: 'redis://x' }, /^Input "ledger"/]
  ]

  it.each(cases)('%s', async (_name, overrides, message) => {
    line.emulator.clearRequests()
    const core = fakeCore({ ...line.inputs, ...overrides })
    await runMainStep({ core, clock: systemClock, env: {} })
    expect(core.failures).toHaveLength(1)
    expect(core.failures[0]).toMatch(message)
    expect(core.outputs).toEqual({})
    expect(line.emulator.requests()).toEqual([])
    expectNoSecrets(core.text(), line.secrets)
  })
})
