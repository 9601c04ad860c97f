// Shared set-up for the CLI tests: an in-process emulator with one channel and the test key
// registered, a temp dir holding the key file, and two ways to run the CLI: in-process
// (runCli with captured streams, for coverage) and as the bundled child process
// (node dist/cli/index.js, as users run it).
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli, type CliIo } from '../../src/cli/index.js'
import { systemClock } from '../../src/clock.js'
import { startEmulator, type Emulator } from '../../src/emulator/index.js'
import { checkCliRun } from '../helpers/cli-runner.js'
import { testKey, type TestKey } from '../helpers/keys.js'

export const CHANNEL_ID = '3000000001'
export const ROOT = new URL('../../', import.meta.url).pathname
export const BUNDLE = join(ROOT, 'dist/cli/index.js')
/** Short waits so network-failure tests stay fast. */
export const FAST_RETRIES = { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5, timeoutMs: 2000 }

export interface Result {
  code: number
  stdout: string
  stderr: string
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv
  /** What stdin holds; undefined = a terminal (nothing piped). */
  stdin?: string
  cwd?: string
  io?: Partial<CliIo>
}

/** runCli in this process, with captured streams. */
export async function runInProcess(argv: string[], options: RunOptions = {}): Promise<Result> {
  let stdout = ''
  let stderr = ''
  // A terminal: nothing piped, which the CLI must notice instead of waiting.
  const terminal = { isTTY: true } as unknown as CliIo['stdin']
  const stdin: CliIo['stdin'] = options.stdin === undefined ? terminal : () => options.stdin as string
  const code = await runCli(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin,
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    clock: systemClock,
    retryPolicy: FAST_RETRIES,
    ...options.io
  })
  // Every run goes through the shared leak oracle.
  return checkCliRun({ argv, env: options.env, stdin: options.stdin, cwd: options.cwd }, { code, stdout, stderr })
}

/** The bundled CLI as a child process (stdin closed after `stdin` is written). */
export function runBundled(argv: string[], options: RunOptions = {}): Promise<Result> {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run "node scripts/build.mjs cli" first`)
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BUNDLE, ...argv], { cwd: options.cwd ?? ROOT, env: options.env ?? {}, stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    child.on('error', reject)
    child.on('close', (code) => {
      // Every run goes through the shared leak oracle.
      try {
        resolve(checkCliRun({ argv, env: options.env, stdin: options.stdin, cwd: options.cwd ?? ROOT }, { code: code ?? -1, stdout, stderr }))
      } catch (leak) {
        reject(leak as Error)
      }
    })
    child.stdin.end(options.stdin ?? '')
  })
}

export interface Channel {
  emulator: Emulator
  channelId: string
  channelSecret: string
  /** The kid the emulator gave the test key. */
  kid: string
  key: TestKey
  dir: string
  /** The private key as a jwx-shaped JWK file (no kid). */
  keyFile: string
  /** Everything a command needs, as environment variables. */
  env: NodeJS.ProcessEnv
  close(): Promise<void>
}

export async function startChannel(): Promise<Channel> {
  const key = testKey()
  const emulator = await startEmulator()
  const { channelSecret } = emulator.addChannel(CHANNEL_ID)
  const kid = emulator.registerPublicKey(CHANNEL_ID, key.publicJwkForConsole)
  const dir = mkdtempSync(join(tmpdir(), 'line-token-cli-'))
  const keyFile = join(dir, 'private.jwk.json')
  writeFileSync(keyFile, key.shapes.jwx, { mode: 0o600 })
  const env = {
    LINE_CHANNEL_ID: CHANNEL_ID,
    LINE_PRIVATE_KEY_FILE: keyFile,
    LINE_KEY_ID: kid,
    LINE_CHANNEL_SECRET: channelSecret,
    LINE_API_BASE_URL: emulator.url
  }
  return {
    emulator,
    channelId: CHANNEL_ID,
    channelSecret,
    kid,
    key,
    dir,
    keyFile,
    env,
    close: async () => {
      await emulator.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

/** Every secret no stderr may show: private key parameters and PEM lines, the channel secret, extra values. */
export function secretsOf(channel: Channel, ...more: string[]): string[] {
  return [...channel.key.secretFragments, channel.channelSecret, ...more].filter((s) => s.length >= 8)
}

export function leakedIn(text: string, secrets: readonly string[]): string[] {
  return secrets.filter((secret) => text.includes(secret))
}
