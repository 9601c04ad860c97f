/**
 * The `line-token` command line: `runCli(argv, io)` parses the command and its flags, runs it,
 * and resolves with the exit code (0 success, 1 LINE/network/ledger failure, 2 bad usage or
 * input). Errors are one line on stderr; --debug adds debug logs and the stack trace.
 */
import { systemClock } from '../clock.js'
import { errorText, exitCodeOf, oneLine, EXIT_OK, EXIT_USAGE } from './errors.js'
import { parseFlags } from './args.js'
import { COMMANDS, findCommand, programHelp } from './program.js'
import { CommandContext } from './context.js'
import type { CliIo } from './io.js'
import { VERSION } from './version.js'

export type { CliIo, StdinSource, Writable, SignalSource } from './io.js'
export { VERSION } from './version.js'
export { COMMANDS } from './program.js'

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  // A --debug before the command counts too: `line-token --debug issue`.
  const leadingDebug = argv[0] === '--debug'
  const args = leadingDebug ? argv.slice(1) : [...argv]
  const [name, ...rest] = args
  const debug = leadingDebug || rest.includes('--debug')
  // Only a known command's name goes into messages: anything else may be a pasted secret.
  const known = COMMANDS.some((command) => command.name === name)
  const ctx = new CommandContext(io, known ? `line-token ${name}` : 'line-token', debug)
  try {
    if (name === undefined) {
      io.stderr.write(`${programHelp()}\n`)
      return EXIT_USAGE
    }
    if (name === '--help' || name === '-h' || name === 'help') return showHelp(ctx, rest)
    if (name === '--version' || name === '-V') {
      ctx.print(VERSION)
      return EXIT_OK
    }
    const command = findCommand(name)
    const flags = parseFlags(ctx.commandLine, rest, command.options)
    if (flags.boolean('help')) {
      ctx.print(command.help)
      return EXIT_OK
    }
    await command.run(ctx, flags)
    return EXIT_OK
  } catch (error) {
    return report(ctx, error)
  }
}

/** `line-token help [COMMAND]`, `line-token --help`. */
function showHelp(ctx: CommandContext, rest: string[]): number {
  const topic = rest.find((arg) => !arg.startsWith('-'))
  ctx.print(topic === undefined ? programHelp() : findCommand(topic).help)
  return EXIT_OK
}

function report(ctx: CommandContext, error: unknown): number {
  ctx.say(`${ctx.commandLine}: ${oneLine(errorText(error))}`)
  if (ctx.debug && error instanceof Error && error.stack) ctx.say(error.stack)
  return exitCodeOf(error)
}

/** The real process's I/O, for the bin entry. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd(), clock: systemClock }
}
