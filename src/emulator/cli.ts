import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { startEmulator } from './server.js'
import type { Emulator, EmulatorOptions } from './types.js'

export interface RunEmulatorIo {
  /** Where SIGINT/SIGTERM arrive (default: the process). */
  signals?: Pick<NodeJS.EventEmitter, 'once'>
  /** Called with 0 once the emulator has closed after a signal (default: process.exit). */
  exit?: (code: number) => void
}

const USAGE = 'usage: emulator [--port N] [--clock-skew-ms N] [--latency-ms N] [--tls-key FILE --tls-cert FILE]'

/**
 * The standalone emulator: parses the flags, starts the server, prints one JSON line
 * `{"url":…,"port":…}` to stdout and keeps running until SIGINT or SIGTERM.
 * Throws (before starting anything) on a bad flag.
 */
export async function runEmulatorFromArgs(
  argv: string[],
  stdout: { write(text: string): unknown },
  io: RunEmulatorIo = {}
): Promise<Emulator> {
  const emulator = await startEmulator(optionsFromArgs(argv))
  stdout.write(`${JSON.stringify({ url: emulator.url, port: emulator.port })}\n`)
  const signals = io.signals ?? process
  const exit = io.exit ?? ((code: number) => process.exit(code))
  const stop = () => {
    void emulator.close().then(() => exit(0))
  }
  signals.once('SIGINT', stop)
  signals.once('SIGTERM', stop)
  return emulator
}

export function optionsFromArgs(argv: string[]): EmulatorOptions {
  let values: Record<string, string | undefined>
  try {
    values = parseArgs({
      args: joinNegativeNumbers(argv),
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        'clock-skew-ms': { type: 'string' },
        'latency-ms': { type: 'string' },
        'tls-key': { type: 'string' },
        'tls-cert': { type: 'string' }
      }
    }).values
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${USAGE}`)
  }
  const port = integerFlag(values, 'port', 0, 0, 65_535)
  const options: EmulatorOptions = {
    port,
    clockSkewMs: integerFlag(values, 'clock-skew-ms', 0, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
    latencyMs: integerFlag(values, 'latency-ms', 0, 0, 600_000)
  }
  const keyFile = values['tls-key']
  const certFile = values['tls-cert']
  if (Boolean(keyFile) !== Boolean(certFile)) throw new Error(`--tls-key and --tls-cert go together\n${USAGE}`)
  if (keyFile && certFile) options.tls = { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') }
  return options
}

/** `--clock-skew-ms -5000` reads as a flag followed by a flag to parseArgs; glue such values on with `=`. */
function joinNegativeNumbers(argv: string[]): string[] {
  const joined: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const next = argv[i + 1]
    if (/^--[\w-]+$/.test(argv[i]) && next !== undefined && /^-\d/.test(next)) {
      joined.push(`${argv[i]}=${next}`)
      i++
    } else {
      joined.push(argv[i])
    }
  }
  return joined
}

function integerFlag(values: Record<string, string | undefined>, name: string, fallback: number, min: number, max: number): number {
  const text = values[name]
  if (text === undefined) return fallback
  const value = Number(text)
  if (!/^-?\d+$/.test(text.trim()) || value < min || value > max) {
    throw new Error(`--${name} must be a whole number from ${min} to ${max}, got "${text}"\n${USAGE}`)
  }
  return value
}
