/** Reading a file the user named (relative to the working directory; `-` means stdin). */
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { InputError } from '../errors.js'
import type { CommandContext } from './context.js'

/** Keys, secrets and tokens are a few KB; a larger file is the wrong file. */
export const MAX_INPUT_FILE_BYTES = 1024 * 1024

/** Read a UTF-8 file named by `input` (a flag or environment variable); errors are InputError (exit 2). */
export async function readInputFile(ctx: CommandContext, fileName: string, input: string, what: string): Promise<string> {
  if (fileName === '-') {
    const text = await ctx.readStdin(what)
    if (text === undefined) throw new InputError(input, `is "-" (stdin), but stdin is a terminal: pipe ${what} in, or name a file.`)
    return text
  }
  if (!fileName.trim()) throw new InputError(input, `is empty: name the file that holds ${what}.`)
  const file = path.resolve(ctx.io.cwd, fileName)
  try {
    const info = await stat(file)
    if (!info.isFile()) throw new InputError(input, `${file} is not a file: name the file that holds ${what}.`)
    if (info.size > MAX_INPUT_FILE_BYTES) throw new InputError(input, `${file} is ${info.size} bytes; it should hold only ${what}.`)
    return await readFile(file, 'utf8')
  } catch (error) {
    if (error instanceof InputError) throw error
    throw new InputError(input, `cannot read ${file} (${describeErrorCode(error)}): name the file that holds ${what}.`)
  }
}

/** A system error by its code only: node's message repeats the path or address, which we already show. */
export function describeErrorCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  const known: Record<string, string> = {
    ENOENT: 'no such file',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EISDIR: 'it is a directory',
    ENOTDIR: 'a part of the path is not a directory',
    EEXIST: 'it already exists',
    EADDRINUSE: 'it is in use'
  }
  return (code && known[code]) ?? code ?? 'unknown error'
}
