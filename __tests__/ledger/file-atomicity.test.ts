import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdir, readdir } from 'node:fs/promises'
import path from 'node:path'
import { createFileLedger } from '../../src/ledger/file.js'
import { LedgerError } from '../../src/ledger/index.js'
import { CHANNEL_ID, CHANNEL_SECRET, entry, tempDir } from './fixtures.js'

describe('file ledger: atomic writes', () => {
  let dir: string
  let cleanup: () => Promise<void>
  beforeEach(async () => ({ dir, cleanup } = await tempDir()))
  afterEach(() => cleanup())

  it('keeps every entry of 20 concurrent puts (two ledger objects, as two jobs) and leaves no temp file', async () => {
    const jobA = createFileLedger({ dir, channelSecret: CHANNEL_SECRET })
    const jobB = createFileLedger({ dir, channelSecret: CHANNEL_SECRET })
    const keyIds = Array.from({ length: 20 }, (_, i) => `kid-${String(i).padStart(2, '0')}`)
    // The same key ID written by both jobs at once must still end as one whole record.
    await Promise.all([...keyIds.map((k, i) => (i % 2 ? jobA : jobB).put(entry(k))), jobA.put(entry('kid-00'))])
    expect((await readdir(path.join(dir, CHANNEL_ID))).sort()).toEqual(keyIds.map((k) => `${k}.json`))
    expect((await jobB.list(CHANNEL_ID)).map((e) => e.keyId)).toEqual(keyIds)
  })

  it('removes its temp file when the rename fails, and reports what it was doing', async () => {
    const ledger = createFileLedger({ dir, channelSecret: CHANNEL_SECRET })
    // A directory where the record should go makes rename fail after the temp file was written.
    await mkdir(path.join(dir, CHANNEL_ID, 'kid-a.json', 'inner'), { recursive: true })
    const error = await ledger.put(entry('kid-a')).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LedgerError)
    expect((error as Error).message).toMatch(/^could not write the ledger record .*kid-a\.json \((EISDIR|ENOTEMPTY|EEXIST|EPERM)\)/)
    expect(await readdir(path.join(dir, CHANNEL_ID))).toEqual(['kid-a.json'])
  })

  it('reports a ledger path that is not a directory', async () => {
    const file = path.join(dir, 'plain-file')
    await (await import('node:fs/promises')).writeFile(file, 'x')
    const ledger = createFileLedger({ dir: file, channelSecret: CHANNEL_SECRET })
    await expect(ledger.put(entry('kid-a'))).rejects.toThrow(/^could not create the ledger directory .*plain-file\/1234567890 \((ENOTDIR|EEXIST)\)/)
    await expect(ledger.list(CHANNEL_ID)).rejects.toThrow(/^could not read the ledger directory .*\(ENOTDIR\)/)
    await expect(ledger.remove(CHANNEL_ID, 'kid-a')).rejects.toThrow(/^could not remove the ledger record .*\(ENOTDIR\)/)
  })
})
