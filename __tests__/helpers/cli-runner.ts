/**
 * The leak oracle for the command line, the counterpart of action-runner.ts's findLeaks:
 * every CLI run (bundled or in-process) should go through `checkCliRun`, so no CLI test can
 * forget to check that secrets stay out of what the user sees.
 *
 * The secrets of a run are found by themselves, from what the command was given: the
 * channel secret and private key from the environment, from files the environment or flags
 * name, or from the flags; the private key's parameters (d, p, q, dp, dq, qi) and PEM body
 * lines; a token read from stdin, `--token` or `--token-file`. None of them may appear on
 * stdout or stderr. A token the command printed on stdout (`issue`) must not appear on
 * stderr either.
 */
import { createPrivateKey } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { isAbsolute, join } from 'node:path'

export interface CliRun {
  argv: readonly string[]
  env?: NodeJS.ProcessEnv
  stdin?: string
  cwd?: string
}

export interface CliOutput {
  stdout: string
  stderr: string
}

const SECRET_ENV = ['LINE_CHANNEL_SECRET', 'LINE_PRIVATE_KEY']
const SECRET_FILE_ENV = ['LINE_CHANNEL_SECRET_FILE', 'LINE_PRIVATE_KEY_FILE']
const SECRET_FLAGS = ['channel-secret', 'private-key', 'token']
const SECRET_FILE_FLAGS = ['channel-secret-file', 'private-key-file', 'token-file']
const PRIVATE_JWK_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi']

/** The value of `--name value` or `--name=value`, if given. */
function flagValues(argv: readonly string[], name: string): string[] {
  const values: string[] = []
  argv.forEach((arg, i) => {
    if (arg === `--${name}` && i + 1 < argv.length) values.push(argv[i + 1])
    else if (arg.startsWith(`--${name}=`)) values.push(arg.slice(name.length + 3))
  })
  return values
}

function readIfFile(path: string, cwd: string): string | undefined {
  if (!path || path === '-') return undefined
  const full = isAbsolute(path) ? path : join(cwd, path)
  try {
    return existsSync(full) ? readFileSync(full, 'utf8') : undefined
  } catch {
    return undefined
  }
}

/** A secret value and the pieces of it worth looking for (JWK private members, PEM body lines). */
export function secretPieces(secret: string): string[] {
  const pieces = new Set<string>()
  const text = secret.trim()
  if (text.length >= 8) pieces.add(text)
  for (const line of text.split(/\r?\n|\\n/)) {
    const piece = line.trim()
    if (piece.length >= 16 && !piece.startsWith('-----')) pieces.add(piece)
  }
  try {
    const json = JSON.parse(text) as unknown
    const keys = Array.isArray((json as { keys?: unknown })?.keys) ? (json as { keys: unknown[] }).keys : [json]
    for (const key of keys) {
      for (const member of PRIVATE_JWK_MEMBERS) {
        const value = (key as Record<string, unknown> | null)?.[member]
        if (typeof value === 'string' && value.length >= 8) pieces.add(value)
      }
    }
  } catch {
    // Not JSON: the whole value and its lines are looked for, and (below) a PEM's key members.
  }
  for (const member of privateMembersOfPem(text)) pieces.add(member)
  return [...pieces]
}

/** A PEM private key's JWK members (d, p, q, …): the same secret in another encoding. */
function privateMembersOfPem(text: string): string[] {
  if (!text.includes('-----BEGIN')) return []
  try {
    const jwk = createPrivateKey(text.replace(/\\n/g, '\n')).export({ format: 'jwk' }) as Record<string, unknown>
    return PRIVATE_JWK_MEMBERS.map((member) => jwk[member]).filter((value): value is string => typeof value === 'string')
  } catch {
    return []
  }
}

/** Every secret the command was handed (see the file comment). */
export function cliSecrets(run: CliRun): string[] {
  const env = run.env ?? {}
  const cwd = run.cwd ?? process.cwd()
  const raw: string[] = []
  for (const name of SECRET_ENV) raw.push(env[name] ?? '')
  for (const name of SECRET_FILE_ENV) raw.push(readIfFile(env[name] ?? '', cwd) ?? '')
  for (const flag of SECRET_FLAGS) raw.push(...flagValues(run.argv, flag))
  for (const flag of SECRET_FILE_FLAGS) raw.push(...flagValues(run.argv, flag).map((path) => readIfFile(path, cwd) ?? ''))
  if (run.stdin) raw.push(run.stdin)
  return [...new Set(raw.flatMap(secretPieces))]
}

/** Tokens the command printed on stdout: `issue` prints the bare token, or JSON with access_token. */
function printedTokens(stdout: string): string[] {
  const tokens: string[] = []
  try {
    const json = JSON.parse(stdout) as { access_token?: unknown }
    if (typeof json?.access_token === 'string') tokens.push(json.access_token)
  } catch {
    const only = stdout.trim()
    if (/^\S{16,}$/.test(only)) tokens.push(only)
  }
  return tokens
}

/** Where a secret of the run shows, as sentences (empty when nothing leaked). */
export function findCliLeaks(run: CliRun, output: CliOutput, extraSecrets: readonly string[] = []): string[] {
  const secrets = [...cliSecrets(run), ...extraSecrets.flatMap(secretPieces)]
  const leaks: string[] = []
  for (const [place, text] of [['stdout', output.stdout], ['stderr', output.stderr]] as const) {
    for (const secret of secrets) {
      if (text.includes(secret)) leaks.push(`a secret (${secret.length} chars, starting ${JSON.stringify(secret.slice(0, 4))}…) appears on ${place}`)
    }
  }
  for (const token of printedTokens(output.stdout)) {
    if (output.stderr.includes(token)) leaks.push('the token printed on stdout appears on stderr too')
  }
  return [...new Set(leaks)]
}

/** Throws (failing the test) when a secret of the run leaked; returns the output otherwise. */
export function checkCliRun<T extends CliOutput>(run: CliRun, output: T, extraSecrets: readonly string[] = []): T {
  const leaks = findCliLeaks(run, output, extraSecrets)
  if (leaks.length) {
    throw new Error(`Secret leak from line-token ${run.argv.join(' ')}: ${leaks.join('; ')}\n--- stdout ---\n${output.stdout}\n--- stderr ---\n${output.stderr}`)
  }
  return output
}
