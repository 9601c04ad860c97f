/**
 * Flag parsing with node's util.parseArgs, strict: an unknown flag or a stray argument is
 * a usage error (exit 2). Messages name the flag but never repeat a stray argument, which
 * may be a token or key pasted in the wrong place.
 */
import { parseArgs } from 'node:util'
import { UsageError } from './errors.js'

export interface OptionSpec {
  type: 'string' | 'boolean'
  short?: string
}

export type OptionSpecs = Record<string, OptionSpec>

/** Every command takes these. */
export const COMMON_OPTIONS: OptionSpecs = {
  help: { type: 'boolean', short: 'h' },
  debug: { type: 'boolean' }
}

/** Parsed flags with typed accessors. */
export class Flags {
  constructor(private readonly values: Record<string, string | boolean | undefined>) {}

  /** A string flag's value, trimmed of nothing (files and secrets are taken as given); undefined when absent. */
  string(name: string): string | undefined {
    const value = this.values[name]
    return typeof value === 'string' ? value : undefined
  }

  boolean(name: string): boolean {
    return this.values[name] === true
  }

  has(name: string): boolean {
    return this.values[name] !== undefined
  }
}

export function parseFlags(commandLine: string, argv: readonly string[], options: OptionSpecs): Flags {
  try {
    const { values } = parseArgs({ args: [...argv], options: { ...COMMON_OPTIONS, ...options }, strict: true, allowPositionals: false })
    return new Flags(values as Record<string, string | boolean | undefined>)
  } catch (error) {
    throw new UsageError(`${describeParseError(error, options)} Run "${commandLine} --help" for the options.`)
  }
}

export function describeParseError(error: unknown, options: OptionSpecs): string {
  const code = (error as { code?: string }).code
  // Not `instanceof Error`: node's own errors may come from another realm (as under jest).
  const message = String((error as { message?: unknown }).message ?? '')
  const flag = safeFlagName(/'(-[^' <]*)/.exec(message)?.[1])
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${flag}.${suggest(flag, options)}`
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      // Not repeated: it may be a token or a key given in the wrong place.
      return 'unexpected argument: this command takes only options (secrets go in environment variables, files or stdin, never in arguments).'
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (message.includes('ambiguous')) return `option ${flag} needs a value; for a value that starts with "-", write ${flag}=VALUE.`
      return message.includes('argument missing') ? `option ${flag} needs a value.` : `option ${flag} does not take a value.`
    default:
      return 'the command line could not be read.'
  }
}

/** The flag as typed, bounded and printable (it is echoed back). */
function safeFlagName(flag: string | undefined): string {
  if (!flag) return '(unnamed)'
  const printable = flag.replace(/[^\x21-\x7e]/g, '?')
  return printable.length > 40 ? `${printable.slice(0, 40)}…` : printable
}

/** "Did you mean --lifetime?" for a near miss (same prefix, or one edit away). */
function suggest(flag: string, options: OptionSpecs): string {
  const typed = flag.replace(/^-+/, '')
  const names = [...Object.keys(options), ...Object.keys(COMMON_OPTIONS)]
  const near = names.find((name) => typed.length >= 3 && (name.startsWith(typed) || typed.startsWith(name) || editDistance(name, typed) <= 2))
  return near ? ` Did you mean --${near}?` : ''
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1))
      diagonal = above
    }
  }
  return row[b.length]
}
