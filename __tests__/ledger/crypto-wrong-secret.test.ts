import { describe, expect, it } from '@jest/globals'
import { decryptToken, encryptToken } from '../../src/ledger/crypto.js'
import { LedgerError } from '../../src/ledger/index.js'
import { CHANNEL_ID, CHANNEL_SECRET, OTHER_SECRET } from './fixtures.js'

describe('a wrong channel secret', () => {
  it('gives a clear error that names the key ID and shows no secret or token', async () => {
    const jwe = await encryptToken('the-secret-token', CHANNEL_SECRET, CHANNEL_ID, 'kid-1')
    const error = await decryptToken(jwe, OTHER_SECRET, {
      channelId: CHANNEL_ID,
      keyId: 'kid-1',
      where: 'file:/ledger/1234567890/kid-1.json',
      expiresAt: '2025-01-02T04:04:05.000Z'
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LedgerError)
    const message = (error as Error).message
    expect(message).toMatch(/^the ledger record for key ID kid-1 could not be decrypted with this channel secret: was the channel secret changed \(reissued\)\? Records made with the old secret cannot be read; remove them/)
    expect(message).toContain('file:/ledger/1234567890/kid-1.json')
    expect(message).toContain('2025-01-02T04:04:05.000Z')
    for (const secret of [CHANNEL_SECRET, OTHER_SECRET, 'the-secret-token', jwe]) expect(message).not.toContain(secret)
  })
})
