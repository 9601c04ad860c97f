import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startEmulator, type Emulator } from '../../src/emulator/index.js'
import { newRsaKey, type RsaKey } from './support.js'

describe('registering public keys and channels, as the console allows', () => {
  let emulator: Emulator
  let key: RsaKey
  beforeAll(async () => {
    emulator = await startEmulator()
    key = newRsaKey()
  })
  afterAll(() => emulator.close())

  it('accepts use:sig and key_ops:["verify"] shapes and ignores a kid, creating the channel when needed', () => {
    const withoutUse = { ...key.publicJwk }
    delete withoutUse.use
    const a = emulator.registerPublicKey('100', key.publicJwk)
    const b = emulator.registerPublicKey('100', { ...withoutUse, key_ops: ['verify'], ext: true, kid: 'mine' })
    expect(a).not.toBe(b)
    expect(b).not.toBe('mine')
    expect(emulator.addChannel('100').channelSecret).toMatch(/^[0-9a-f]{32}$/)
  })

  it.each([
    ['a non-object', null, 'JWK object'],
    ['an EC key', { kty: 'EC', crv: 'P-256', x: 'a', y: 'b' }, 'RSA'],
    ['a private key', { d: 'secret' }, 'private'],
    ['no alg', { alg: undefined }, 'RS256'],
    ['alg RS512', { alg: 'RS512' }, 'RS256'],
    ['use enc', { use: 'enc' }, 'use'],
    ['key_ops with sign', { use: undefined, key_ops: ['sign', 'verify'] }, 'key_ops'],
    ['neither use nor key_ops', { use: undefined }, 'use']
  ])('refuses %s', (_label, change, message) => {
    const jwk = change === null ? null : { ...key.publicJwk, ...change }
    expect(() => emulator.registerPublicKey('100', jwk as never)).toThrow(message)
  })

  it('refuses an RSA key that is not 2048 bits', () => {
    expect(() => emulator.registerPublicKey('100', newRsaKey(1024).publicJwk)).toThrow('1024-bit')
  })

  it('validates channel IDs and secrets and keeps the first secret', () => {
    expect(() => emulator.addChannel('abc')).toThrow('digits')
    expect(() => emulator.addChannel('200', '')).toThrow('channelSecret')
    expect(emulator.addChannel('200', 'first').channelSecret).toBe('first')
    expect(emulator.addChannel('200', 'second').channelSecret).toBe('first')
    expect(emulator.tokens('404')).toEqual([])
    expect(emulator.activeKeyIds('404')).toEqual([])
  })

  it('validates seedToken and the clock skew', () => {
    expect(() => emulator.seedToken('300', 1.5)).toThrow('lifetimeSeconds')
    expect(() => emulator.seedToken('300', -1)).toThrow('lifetimeSeconds')
    expect(() => emulator.setClockSkew(Number.POSITIVE_INFINITY)).toThrow('clock skew')
  })
})
