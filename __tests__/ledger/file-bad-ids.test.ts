import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { createFileLedger } from '../../src/ledger/file.js'
import { LedgerError } from '../../src/ledger/index.js'
import { CHANNEL_SECRET, entry, tempDir } from './fixtures.js'

describe('file ledger: unsafe IDs never reach the file system', () => {
  let dir: string
  let cleanup: () => Promise<void>
  beforeEach(async () => ({ dir, cleanup } = await tempDir()))
  afterEach(() => cleanup())

  it.each([['..'], ['../escape'], ['a/b'], ['a\u0001b'], ['']])('rejects %j as key ID or channel ID', async (bad) => {
    const ledger = createFileLedger({ dir: path.join(dir, 'ledger'), channelSecret: CHANNEL_SECRET })
    await expect(ledger.put(entry(bad))).rejects.toThrow(LedgerError)
    await expect(ledger.put(entry('ok', { channelId: bad }))).rejects.toThrow(/the channel ID .* cannot name a ledger record/)
    await expect(ledger.remove(bad, 'ok')).rejects.toThrow(LedgerError)
    await expect(ledger.remove('123', bad)).rejects.toThrow(LedgerError)
    await expect(ledger.list(bad)).rejects.toThrow(LedgerError)
    expect(await readdir(dir)).toEqual([])
  })
})
