import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdir, readFile, readdir, stat, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { createFileLedger } from '../../src/ledger/file.js'
import { openLedger } from '../../src/ledger/index.js'
import { CHANNEL_ID, CHANNEL_SECRET, entry, tempDir } from './fixtures.js'

describe('file ledger: put, list, remove', () => {
  let dir: string
  let cleanup: () => Promise<void>
  beforeEach(async () => ({ dir, cleanup } = await tempDir()))
  afterEach(() => cleanup())

  it('stores one private pretty-JSON file per token and lists them decrypted', async () => {
    const ledger = createFileLedger({ dir: path.join(dir, 'ledger'), channelSecret: CHANNEL_SECRET })
    expect(ledger.description).toBe(`file:${path.join(dir, 'ledger')}`)
    await ledger.put(entry('kid-b'))
    await ledger.put(entry('kid-a'))
    await ledger.put(entry('kid-a')) // idempotent

    const channelDir = path.join(dir, 'ledger', CHANNEL_ID)
    expect((await readdir(channelDir)).sort()).toEqual(['kid-a.json', 'kid-b.json'])
    expect((await stat(channelDir)).mode & 0o777).toBe(0o700)
    expect((await stat(path.join(channelDir, 'kid-a.json'))).mode & 0o777).toBe(0o600)
    const text = await readFile(path.join(channelDir, 'kid-a.json'), 'utf8')
    expect(JSON.parse(text)).toMatchObject({ version: 1, channelId: CHANNEL_ID, keyId: 'kid-a', expiresAt: entry('kid-a').expiresAt })
    expect(text).not.toContain(entry('kid-a').accessToken)

    expect(await ledger.list(CHANNEL_ID)).toEqual([entry('kid-a'), entry('kid-b')])
    expect(await ledger.list('999')).toEqual([])

    await ledger.remove(CHANNEL_ID, 'kid-a')
    await ledger.remove(CHANNEL_ID, 'kid-a') // missing is fine
    await ledger.remove('999', 'kid-x')
    expect(await ledger.list(CHANNEL_ID)).toEqual([entry('kid-b')])
  })

  it('ignores temp files and anything that is not a record', async () => {
    const ledger = createFileLedger({ dir, channelSecret: CHANNEL_SECRET })
    await ledger.put(entry('kid-a'))
    await writeFile(path.join(dir, CHANNEL_ID, '.kid-z.json.0123.tmp'), 'half a fil')
    await writeFile(path.join(dir, CHANNEL_ID, 'notes.txt'), 'hello')
    await mkdir(path.join(dir, CHANNEL_ID, 'sub.json.d'))
    expect((await ledger.list(CHANNEL_ID)).map((e) => e.keyId)).toEqual(['kid-a'])
  })

  it('skips a record removed between listing and reading, and reports one that cannot be read', async () => {
    const ledger = createFileLedger({ dir, channelSecret: CHANNEL_SECRET })
    await ledger.put(entry('kid-a'))
    // A dangling link reads as ENOENT, exactly like a file a parallel job just removed.
    await symlink(path.join(dir, 'nowhere'), path.join(dir, CHANNEL_ID, 'kid-gone.json'))
    expect((await ledger.list(CHANNEL_ID)).map((e) => e.keyId)).toEqual(['kid-a'])
    await mkdir(path.join(dir, CHANNEL_ID, 'kid-dir.json'))
    await expect(ledger.list(CHANNEL_ID)).rejects.toThrow(`could not read the ledger record ${path.join(dir, CHANNEL_ID, 'kid-dir.json')} (EISDIR)`)
  })

  it('names the file of a corrupt record', async () => {
    const ledger = createFileLedger({ dir, channelSecret: CHANNEL_SECRET })
    await mkdir(path.join(dir, CHANNEL_ID))
    await writeFile(path.join(dir, CHANNEL_ID, 'kid-a.json'), 'garbage')
    await expect(ledger.list(CHANNEL_ID)).rejects.toThrow(`the ledger record ${path.join(dir, CHANNEL_ID, 'kid-a.json')} is not a valid record (not JSON)`)
  })

  it('resolves a relative directory against the working directory (via openLedger)', async () => {
    const previous = process.cwd()
    process.chdir(dir)
    try {
      const ledger = await openLedger(' file: store ', { channelSecret: CHANNEL_SECRET })
      expect(ledger.description).toBe(`file:${path.join(process.cwd(), 'store')}`)
      await ledger.put(entry('kid-a'))
      expect(await readdir(path.join(dir, 'store', CHANNEL_ID))).toEqual(['kid-a.json'])
    } finally {
      process.chdir(previous)
    }
  })
})
