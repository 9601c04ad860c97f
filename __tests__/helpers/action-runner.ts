/**
 * Runs a committed dist/ bundle the way the GitHub runner does: INPUT_* variables with the
 * action.yml defaults, GITHUB_OUTPUT / GITHUB_STATE / GITHUB_STEP_SUMMARY files, STATE_*
 * variables for the post step. Every run goes through the leak oracle (see findLeaks), so
 * no end-to-end test can forget to check that secrets stay out of the logs.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'

export const ROOT = new URL('../..', import.meta.url).pathname

export type ActionName = 'root' | 'revoke-all'

export interface RunOptions {
  /** Which action.yml supplies the defaults. */
  action?: ActionName
  /** Which bundle: main or post of the root action, or the revoke-all main. */
  entry: 'main' | 'post' | 'revoke-all'
  inputs: Record<string, string>
  /** STATE_* values for a post step (what main saved). */
  state?: Record<string, string>
  /** Extra environment (HTTPS_PROXY, NODE_EXTRA_CA_CERTS, GITHUB_API_URL, …). */
  env?: Record<string, string>
  /** More strings that must never appear in logs (besides the masked ones and secret inputs). */
  secrets?: string[]
  /** Node binary (to try the bundle on another Node version). */
  node?: string
  timeoutMs?: number
}

export interface RunResult {
  exitCode: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  /** What this step saved for its post step. */
  savedState: Record<string, string>
  summary: string
  /** Values registered with ::add-mask::, unescaped. */
  masked: string[]
  /** ::error:: annotations, unescaped. */
  errors: string[]
  /** ::warning:: annotations, unescaped. */
  warnings: string[]
  durationMs: number
}

const ACTION_FILES: Record<ActionName, string> = { root: 'action.yml', 'revoke-all': 'revoke-all/action.yml' }
const SECRET_INPUTS = ['private-key', 'channel-secret', 'github-token']

interface ActionYml {
  inputs?: Record<string, { default?: string; required?: boolean }>
}

/** action.yml defaults, with `${{ github.token }}` replaced as the runner would (by a fake token here). */
export function actionDefaults(action: ActionName): Record<string, string> {
  const yml = parse(readFileSync(join(ROOT, ACTION_FILES[action]), 'utf8')) as ActionYml
  const defaults: Record<string, string> = {}
  for (const [name, spec] of Object.entries(yml.inputs ?? {})) {
    if (spec.default === undefined) continue
    defaults[name] = String(spec.default).replace('${{ github.token }}', 'ghs_fake_workflow_token_for_tests_0001')
  }
  return defaults
}

export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/** Reads a GITHUB_OUTPUT / GITHUB_STATE file (`name<<delimiter` … `delimiter` records). */
export function parseCommandFile(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i])
    if (match) {
      const [, name, delimiter] = match
      const body: string[] = []
      for (i++; i < lines.length && lines[i] !== delimiter; i++) body.push(lines[i])
      values[name] = body.join('\n')
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=')
      values[lines[i].slice(0, at)] = lines[i].slice(at + 1)
    }
  }
  return values
}

function unescapeCommandData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

function commandValues(stdout: string, command: string): string[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith(`::${command}`))
    .map((line) => unescapeCommandData(line.slice(line.indexOf('::', 2) + 2)))
}

export async function runAction(options: RunOptions): Promise<RunResult> {
  const action = options.action ?? (options.entry === 'revoke-all' ? 'revoke-all' : 'root')
  const dir = mkdtempSync(join(tmpdir(), 'line-action-run-'))
  const files = { output: join(dir, 'output'), state: join(dir, 'state'), summary: join(dir, 'summary') }
  for (const file of Object.values(files)) writeFileSync(file, '')
  const inputs = { ...actionDefaults(action), ...options.inputs }
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: dir,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    RUNNER_TEMP: dir,
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_REPOSITORY: 'octo-org/bot',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: 'deploy',
    GITHUB_JOB: 'deploy',
    GITHUB_SERVER_URL: 'https://github.com',
    ...options.env
  }
  for (const [name, value] of Object.entries(inputs)) env[inputEnvName(name)] = value
  for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value

  const bundle = options.entry === 'revoke-all' ? 'dist/revoke-all/index.js' : `dist/${options.entry}/index.js`
  const started = Date.now()
  const child = spawn(options.node ?? process.execPath, [join(ROOT, bundle)], { env, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000)
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)))
  clearTimeout(timer)

  const result: RunResult = {
    exitCode,
    stdout,
    stderr,
    outputs: parseCommandFile(readFileSync(files.output, 'utf8')),
    savedState: parseCommandFile(readFileSync(files.state, 'utf8')),
    summary: readFileSync(files.summary, 'utf8'),
    masked: commandValues(stdout, 'add-mask'),
    errors: commandValues(stdout, 'error'),
    warnings: commandValues(stdout, 'warning'),
    durationMs: Date.now() - started
  }
  rmSync(dir, { recursive: true, force: true })

  const secrets = [...(options.secrets ?? []), ...SECRET_INPUTS.map((name) => inputs[name] ?? '')]
  const leaks = findLeaks(result, secrets)
  if (leaks.length) {
    throw new Error(`Secret leak: ${leaks.join('; ')}\n--- stdout ---\n${stdout}\n--- stderr ---\n${stderr}`)
  }
  return result
}

/** Pieces of a secret worth looking for: the whole value and each substantial line of it. */
function secretPieces(secret: string): string[] {
  const pieces = new Set<string>()
  const trimmed = secret.trim()
  if (trimmed.length >= 8) pieces.add(trimmed)
  for (const line of trimmed.split(/\r?\n|\\n/)) {
    const piece = line.trim()
    // PEM armour lines are public text; only the key's body is secret.
    if (piece.length >= 16 && !piece.startsWith('-----')) pieces.add(piece)
  }
  return [...pieces]
}

/**
 * The leak oracle: every masked value, every secret input, the token output and any extra
 * secret must not appear in stdout or stderr (except on its own ::add-mask:: line), the job
 * summary, any output other than `token`, or the saved state.
 */
export function findLeaks(result: RunResult, extraSecrets: string[] = []): string[] {
  const secrets = [...result.masked, ...extraSecrets, result.outputs.token ?? ''].flatMap(secretPieces)
  const places: [string, string][] = [
    ['stdout', result.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::')).join('\n')],
    ['stderr', result.stderr],
    ['job summary', result.summary],
    ...Object.entries(result.outputs)
      .filter(([name]) => name !== 'token')
      .map(([name, value]): [string, string] => [`output ${name}`, value]),
    ...Object.entries(result.savedState).map(([name, value]): [string, string] => [`state ${name}`, value])
  ]
  const leaks: string[] = []
  for (const [place, text] of places) {
    for (const secret of secrets) {
      if (text.includes(secret)) leaks.push(`a secret (${secret.length} chars, starting ${JSON.stringify(secret.slice(0, 4))}…) appears in ${place}`)
    }
  }
  return [...new Set(leaks)]
}

/** Runs main, then post with what main saved, like a job with this one step. */
export async function runMainThenPost(options: Omit<RunOptions, 'entry' | 'state'> & { postEnv?: Record<string, string> }): Promise<{ main: RunResult; post: RunResult }> {
  const main = await runAction({ ...options, entry: 'main' })
  const post = await runAction({ ...options, entry: 'post', state: main.savedState, env: { ...options.env, ...options.postEnv }, secrets: [...(options.secrets ?? []), main.outputs.token ?? ''] })
  return { main, post }
}
