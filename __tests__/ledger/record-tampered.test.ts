import { describe, expect, it } from '@jest/globals'
import { LedgerError } from '../../src/ledger/index.js'
import { assertSafeId, keyIdOfFileName, openRecord, sealEntry } from '../../src/ledger/record.js'
import { CHANNEL_ID, CHANNEL_SECRET, entry } from './fixtures.js'

const open = (text: string, keyId = 'kid-1') => openRecord(text, { channelSecret: CHANNEL_SECRET, channelId: CHANNEL_ID, keyId, where: 'store:x.json' })

describe('stored records', () => {
  it('round-trips an entry with readable metadata and an encrypted token', async () => {
    const text = await sealEntry(entry('kid-1'), CHANNEL_SECRET)
    const record = JSON.parse(text)
    expect(Object.keys(record)).toEqual(['version', 'channelId', 'keyId', 'issuedAt', 'expiresAt', 'run', 'token'])
    expect(record.version).toBe(1)
    expect(text).toContain('\n  "keyId": "kid-1"')
    expect(text).not.toContain(entry('kid-1').accessToken)
    await expect(open(text)).resolves.toEqual(entry('kid-1'))
  })

  it('keeps only known run fields and allows no run', async () => {
    const withExtra = await sealEntry(entry('kid-1', { run: { runId: '1', extra: 'x' } as never }), CHANNEL_SECRET)
    expect(JSON.parse(withExtra).run).toEqual({ runId: '1' })
    const noRun = await sealEntry(entry('kid-1', { run: undefined }), CHANNEL_SECRET)
    expect(JSON.parse(noRun)).not.toHaveProperty('run')
    expect(await open(noRun)).not.toHaveProperty('run')
  })

  it('refuses a tampered token, naming the record', async () => {
    const record = JSON.parse(await sealEntry(entry('kid-1'), CHANNEL_SECRET))
    const parts = record.token.split('.')
    parts[3] = parts[3].startsWith('A') ? `B${parts[3].slice(1)}` : `A${parts[3].slice(1)}`
    await expect(open(JSON.stringify({ ...record, token: parts.join('.') }))).rejects.toThrow(/could not be decrypted.*store:x\.json.*altered/)
    await expect(open(JSON.stringify({ ...record, token: 'not-a-jwe' }))).rejects.toThrow(
      'the ledger record for key ID kid-1 (store:x.json) is corrupt: its token is not a valid encrypted value. Remove the record (the token expires at 2025-01-02T04:04:05.000Z).'
    )
  })

  it('refuses a record copied to another key ID even when its metadata is rewritten', async () => {
    const record = JSON.parse(await sealEntry(entry('kid-1'), CHANNEL_SECRET))
    await expect(open(JSON.stringify({ ...record, keyId: 'kid-2' }), 'kid-2')).rejects.toThrow(/recorded for another channel or key ID/)
  })

  it.each([
    ['not JSON', '{', /not JSON/],
    ['an array', '[]', /not a JSON object/],
    ['no version', '{}', /unsupported version missing/],
    ['version 2', '{"version":2}', /unsupported version 2/],
    ['no token', JSON.stringify({ version: 1, channelId: CHANNEL_ID, keyId: 'kid-1', issuedAt: 'x', expiresAt: 'y' }), /"token" is missing/],
    ['path mismatch', JSON.stringify({ version: 1, channelId: '1', keyId: 'kid-1', issuedAt: 'x', expiresAt: 'y', token: 't' }), /does not match its path/],
    ['bad time', JSON.stringify({ version: 1, channelId: CHANNEL_ID, keyId: 'kid-1', issuedAt: 'yesterday', expiresAt: 'y', token: 't' }), /ISO 8601/],
    ['bad run', JSON.stringify({ version: 1, channelId: CHANNEL_ID, keyId: 'kid-1', issuedAt: '2025-01-01T00:00:00Z', expiresAt: '2025-01-01T00:00:00Z', run: { runId: 1 }, token: 't' }), /"run" is not an object of strings/]
  ])('refuses a record that is %s, naming the file', async (_name, text, pattern) => {
    const error = await open(text).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LedgerError)
    expect((error as Error).message).toMatch(/^the ledger record store:x\.json is not a valid record \(/)
    expect((error as Error).message).toMatch(pattern)
  })

  it('validates entries before sealing them', async () => {
    await expect(sealEntry(entry('kid-1', { accessToken: '' }), CHANNEL_SECRET)).rejects.toThrow(/token for key ID kid-1 is empty/)
    await expect(sealEntry(entry('kid-1', { expiresAt: 'soon' }), CHANNEL_SECRET)).rejects.toThrow(/invalid expiresAt/)
    await expect(sealEntry(entry('../x'), CHANNEL_SECRET)).rejects.toThrow(/key ID "..\/x" cannot name a ledger record/)
  })

  it('accepts only safe path segments as IDs', () => {
    for (const ok of ['1234567890', 'sDTOzw5wIfWxVxa-PEzcmeQA', 'a.b_c~d']) expect(() => assertSafeId('key ID', ok)).not.toThrow()
    for (const bad of ['', '.', '..', '.hidden', 'a/b', 'a\\b', 'a\nb', 'a\u0000b', 'x'.repeat(201), 'é']) {
      expect(() => assertSafeId('key ID', bad)).toThrow(LedgerError)
    }
    expect(() => assertSafeId('channel ID', 42)).toThrow('the channel ID (number) cannot name a ledger record')
    expect(() => assertSafeId('key ID', 'y'.repeat(300))).toThrow(/"y{60}…"/)
  })

  it('maps file names to key IDs', () => {
    expect(keyIdOfFileName('kid-1.json')).toBe('kid-1')
    expect(keyIdOfFileName('.kid-1.json.abc.tmp')).toBeUndefined()
    expect(keyIdOfFileName('.kid-1.json')).toBeUndefined()
    expect(keyIdOfFileName('README.md')).toBeUndefined()
  })
})
