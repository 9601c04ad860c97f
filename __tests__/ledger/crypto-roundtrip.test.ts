import { describe, expect, it } from '@jest/globals'
import { decodeProtectedHeader } from 'jose'
import { decryptToken, deriveLedgerKey, encryptToken } from '../../src/ledger/crypto.js'
import { CHANNEL_ID, CHANNEL_SECRET } from './fixtures.js'

describe('ledger token encryption round trip', () => {
  const binding = { channelId: CHANNEL_ID, keyId: 'kid-1', where: 'test' }

  it('decrypts what it encrypted, and the JWE carries no clear token', async () => {
    const jwe = await encryptToken('the-token', CHANNEL_SECRET, CHANNEL_ID, 'kid-1')
    expect(jwe.split('.')).toHaveLength(5)
    expect(jwe).not.toContain('the-token')
    expect(decodeProtectedHeader(jwe)).toEqual({ alg: 'dir', enc: 'A256GCM', fmt: 'line-token-ledger/v1', channelId: CHANNEL_ID, keyId: 'kid-1' })
    await expect(decryptToken(jwe, CHANNEL_SECRET, binding)).resolves.toBe('the-token')
  })

  it('uses a fresh IV each time', async () => {
    const a = await encryptToken('same', CHANNEL_SECRET, CHANNEL_ID, 'kid-1')
    const b = await encryptToken('same', CHANNEL_SECRET, CHANNEL_ID, 'kid-1')
    expect(a).not.toBe(b)
  })

  it('derives a 32-byte key per channel, stable for the same inputs', () => {
    const key = deriveLedgerKey(CHANNEL_SECRET, CHANNEL_ID)
    expect(key).toHaveLength(32)
    expect(Buffer.from(deriveLedgerKey(CHANNEL_SECRET, CHANNEL_ID)).equals(Buffer.from(key))).toBe(true)
    expect(Buffer.from(deriveLedgerKey(CHANNEL_SECRET, '999')).equals(Buffer.from(key))).toBe(false)
  })

  it('refuses an empty channel secret', () => {
    expect(() => deriveLedgerKey('', CHANNEL_ID)).toThrow(/set `channel-secret`/)
  })

  it('refuses a token moved to another key ID or channel', async () => {
    const jwe = await encryptToken('the-token', CHANNEL_SECRET, CHANNEL_ID, 'kid-1')
    await expect(decryptToken(jwe, CHANNEL_SECRET, { ...binding, keyId: 'kid-2' })).rejects.toThrow(
      /key ID kid-2 \(test\) holds a token that was recorded for another channel or key ID/
    )
    // Another channel derives another key: it cannot even be decrypted.
    await expect(decryptToken(jwe, CHANNEL_SECRET, { ...binding, channelId: '999' })).rejects.toThrow(/could not be decrypted/)
  })
})
