import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runAction } from '../helpers/action-runner.js'
import { expectFailedOnce } from '../helpers/e2e.js'
import { ecP256Jwk, encryptedPkcs8Pem, publicJwk, publicSpkiPem, rsa1024Pem, testKey } from '../helpers/keys.js'
import { startLineChannel, type LineChannel } from '../helpers/line-channel.js'

/** Every refusal happens before the first request: the emulator sees nothing. */
describe('main bundle: bad keys and inputs are refused before any request', () => {
  let line: LineChannel
  beforeAll(async () => (line = await startLineChannel()))
  afterAll(() => line.emulator.close())

  const jwk = (): Record<string, unknown> => JSON.parse(testKey().shapes.jwx) as Record<string, unknown>
  const cases: Array<[string, () => Record<string, string>, RegExp]> = [
    ['public key (JWK)', () => ({ 'private-key': publicJwk() }), /^Input "private-key":.*this is the public key; give the private key instead/],
    ['public key (SPKI PEM)', () => ({ 'private-key': publicSpkiPem() }), /^Input "private-key":.*this is the public key/],
    ['EC key', () => ({ 'private-key': ecP256Jwk() }), /^Input "private-key":.*"kty": "EC".*LINE needs an RSA 2048-bit key/],
    ['1024-bit RSA key', () => ({ 'private-key': rsa1024Pem() }), /^Input "private-key":.*1024/],
    ['garbage', () => ({ 'private-key': 'this is not a key at all, just some text pasted by mistake' }), /^Input "private-key":.*Give the private key as a private JWK/],
    ['encrypted PEM', () => ({ 'private-key': encryptedPkcs8Pem() }), /^Input "private-key":.*encrypted with a passphrase; give the decrypted key/],
    ['JWK alg not RS256', () => ({ 'private-key': JSON.stringify({ ...jwk(), alg: 'RS512' }) }), /^Input "private-key":.*"alg": "RS512".*LINE needs RS256/],
    ['missing key ID', () => ({ 'key-id': '' }), /^Input "key-id":.*kid/],
    ['lifetime 31d', () => ({ lifetime: '31d' }), /^Input "lifetime":.*30 days/],
    ['missing channel secret with revoke: true', () => ({ 'channel-secret': '' }), /^Input "channel-secret": is needed to revoke/]
  ]

  it.each(cases)('%s', async (_name, overrides, message) => {
    line.emulator.clearRequests()
    const inputs = { ...line.inputs, ...overrides() }
    const main = await runAction({ entry: 'main', inputs, secrets: line.secrets })
    expectFailedOnce(main, message)
    expect(main.savedState).toEqual({})
    expect(line.emulator.requests()).toEqual([])
  })
})
