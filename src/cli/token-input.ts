/** The access token a command works on: from stdin, --token-file FILE, or (with a warning) --token. */
import { InputError } from '../errors.js'
import type { Flags, OptionSpecs } from './args.js'
import type { CommandContext } from './context.js'
import { UsageError } from './errors.js'
import { readInputFile } from './files.js'

export const TOKEN_OPTIONS: OptionSpecs = {
  'token-file': { type: 'string' },
  token: { type: 'string' }
}

export const TOKEN_HELP = [
  '--token-file FILE        read the token from FILE ("-" for stdin)',
  '--token TOKEN            the token itself (discouraged: it lands in shell history)'
]

/** A v2.1 token is a JWT of a few hundred characters; far more is not a token. */
const MAX_TOKEN_LENGTH = 16 * 1024

export async function readAccessToken(ctx: CommandContext, flags: Flags): Promise<string> {
  const { text, input } = await readTokenText(ctx, flags)
  const token = text.trim()
  ctx.redactor.add(token)
  if (!token) throw new InputError(input, 'holds no token: give the channel access token (what "line-token issue" printed).')
  if (token.length > MAX_TOKEN_LENGTH) throw new InputError(input, `is ${token.length} characters long, too long for a channel access token.`)
  if (/\s/.test(token)) throw new InputError(input, 'holds more than one word: give only the channel access token, on one line.')
  return token
}

async function readTokenText(ctx: CommandContext, flags: Flags): Promise<{ text: string; input: string }> {
  const inline = flags.string('token')
  const file = flags.string('token-file')
  if (inline !== undefined && file !== undefined) throw new UsageError('give the token once: on stdin, with --token-file FILE, or with --token, not several.')
  if (inline !== undefined) {
    ctx.redactor.add(inline)
    ctx.warn('--token puts the token in your shell history and the process list. Pipe it on stdin (echo "$TOKEN" | line-token …) or use --token-file FILE instead.')
    return { text: inline, input: '--token' }
  }
  if (file !== undefined) return { text: await readInputFile(ctx, file, '--token-file', 'the token'), input: '--token-file' }
  const piped = await ctx.readStdin('the token')
  if (piped === undefined) {
    throw new UsageError(`give the token on stdin (echo "$TOKEN" | ${ctx.commandLine}) or with --token-file FILE.`)
  }
  return { text: piped, input: 'stdin' }
}
