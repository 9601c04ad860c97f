/** The shape of a command, and its help text layout. */
import type { Flags, OptionSpecs } from './args.js'
import type { CommandContext } from './context.js'

export interface Command {
  name: string
  /** One line, for the program's help. */
  summary: string
  /** The full `--help` text. */
  help: string
  options: OptionSpecs
  /** Resolves on success; throws UsageError/InputError (exit 2) or anything else (exit 1). */
  run(ctx: CommandContext, flags: Flags): Promise<void>
}

export const CHANNEL_HELP = [
  '--channel-id ID          the channel ID (env LINE_CHANNEL_ID)',
  '--private-key-file FILE  the assertion signing private key: private JWK or PEM (env LINE_PRIVATE_KEY_FILE,',
  '                         or LINE_PRIVATE_KEY holding the key itself)',
  '--private-key KEY        the key itself (discouraged: it lands in shell history)',
  '--key-id KID             the key ID the LINE Developers Console gave (env LINE_KEY_ID; default: the JWK\'s kid)',
  '--api-base-url URL       where LINE\'s API is (env LINE_API_BASE_URL; default https://api.line.me)'
]

export const CHANNEL_SECRET_HELP = [
  '--channel-secret-file FILE  the channel secret (env LINE_CHANNEL_SECRET, or LINE_CHANNEL_SECRET_FILE)',
  '--channel-secret SECRET     the secret itself (discouraged: it lands in shell history)'
]

export interface HelpParts {
  usage: string
  description: string[]
  options: string[]
  examples: string[]
}

export function formatHelp(parts: HelpParts): string {
  const indent = (lines: string[]) => lines.map((line) => `  ${line}`)
  return [
    `Usage: ${parts.usage}`,
    '',
    ...parts.description,
    '',
    'Options:',
    ...indent([...parts.options, '--debug                  show debug logs and stack traces', '-h, --help               show this help']),
    '',
    'Examples:',
    ...indent(parts.examples),
    '',
    'Exit codes: 0 success, 1 LINE, network or ledger error, 2 bad usage or input.'
  ].join('\n')
}
