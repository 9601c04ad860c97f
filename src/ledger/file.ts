/**
 * `file:DIR` ledger: `<DIR>/<channel-id>/<key-id>.json`. Every write goes to a temp file in
 * the same directory and is renamed into place, so a crash leaves either the old record or
 * the new one, and parallel jobs on one machine never see half a file.
 */
import { randomBytes } from 'node:crypto'
import { mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises'
import path from 'node:path'
import { assertSafeId, keyIdOfFileName, openRecord, recordPath, sealEntry, validateEntry } from './record.js'
import { LedgerError, type Ledger, type LedgerEntry } from './types.js'

export interface FileLedgerOptions {
  /** The ledger directory; relative paths resolve against the working directory. */
  dir: string
  channelSecret: string
}

export function createFileLedger(options: FileLedgerOptions): Ledger {
  const root = path.resolve(options.dir)
  const { channelSecret } = options
  const fileOf = (channelId: string, keyId: string) => path.join(root, ...recordPath(channelId, keyId).split('/'))

  return {
    description: `file:${root}`,

    async put(entry: LedgerEntry) {
      validateEntry(entry)
      const text = await sealEntry(entry, channelSecret)
      const target = fileOf(entry.channelId, entry.keyId)
      await fsStep(`create the ledger directory ${path.dirname(target)}`, () =>
        mkdir(path.dirname(target), { recursive: true, mode: 0o700 })
      )
      await writeAtomically(target, text)
    },

    async remove(channelId: string, keyId: string) {
      assertSafeId('channel ID', channelId)
      assertSafeId('key ID', keyId)
      const target = fileOf(channelId, keyId)
      await fsStep(`remove the ledger record ${target}`, async () => {
        await unlink(target).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error
        })
      })
    },

    async list(channelId: string) {
      assertSafeId('channel ID', channelId)
      const dir = path.join(root, channelId)
      const names = await fsStep(`read the ledger directory ${dir}`, () =>
        readdir(dir).catch((error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return [] as string[]
          throw error
        })
      )
      const entries: LedgerEntry[] = []
      for (const name of names.sort()) {
        // Temp files start with a dot and end in .tmp; anything else that is not a record is left alone.
        const keyId = keyIdOfFileName(name)
        if (keyId === undefined) continue
        const file = path.join(dir, name)
        const text = await fsStep(`read the ledger record ${file}`, () =>
          readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
            // Removed by a parallel job between readdir and here: it is gone, not an error.
            if (error.code === 'ENOENT') return undefined
            throw error
          })
        )
        if (text === undefined) continue
        entries.push(await openRecord(text, { channelSecret, channelId, keyId, where: file }))
      }
      return entries
    }
  }
}

/** Write to a uniquely named temp file (0600), fsync, rename over the target, fsync the directory. */
async function writeAtomically(target: string, text: string): Promise<void> {
  const dir = path.dirname(target)
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(8).toString('hex')}.tmp`)
  try {
    await fsStep(`write the ledger record ${target}`, async () => {
      const handle = await open(temp, 'wx', 0o600)
      try {
        await handle.writeFile(text, 'utf8')
        await handle.sync()
      } finally {
        await handle.close()
      }
      await rename(temp, target)
    })
  } catch (error) {
    await unlink(temp).catch(() => undefined)
    throw error
  }
  // Make the rename itself durable. Some platforms cannot fsync a directory; the record is written anyway.
  await syncDirectory(dir)
}

async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    /* best effort */
  }
}

/** Run a file-system step, turning its failure into a LedgerError that says what was being done. */
async function fsStep<T>(what: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step()
  } catch (error) {
    if (error instanceof LedgerError) throw error
    const code = (error as NodeJS.ErrnoException).code
    const hint = code === 'EACCES' || code === 'EPERM' ? ': check that the runner user may write there' : ''
    throw new LedgerError(`could not ${what} (${code ?? (error as Error).message})${hint}`)
  }
}
