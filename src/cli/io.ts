/**
 * What the command line talks to, passed in so every command runs in-process in tests:
 * streams, environment, working directory, clock, and optionally the HTTP transport.
 */
import type { Clock } from '../clock.js'
import type { RetryPolicy, Transport } from '../http.js'

export interface Writable {
  write(text: string): unknown
}

/** A readable stream (process.stdin) or a function giving what stdin holds (tests). */
export type StdinSource = (NodeJS.ReadableStream & { isTTY?: boolean }) | (() => string | Promise<string>)

/** Where SIGINT/SIGTERM arrive (the process, or an EventEmitter in tests). */
export type SignalSource = Pick<NodeJS.EventEmitter, 'once' | 'removeListener'>

export interface CliIo {
  stdout: Writable
  stderr: Writable
  stdin: StdinSource
  env: NodeJS.ProcessEnv
  /** Relative file names resolve against this. */
  cwd: string
  clock: Clock
  /** One HTTP attempt; the proxy-aware default when omitted. */
  transport?: Transport
  /** HTTP retry policy overrides (tests shorten the waits). */
  retryPolicy?: Partial<RetryPolicy>
  /** For `emulator`: the signals that stop it (default: the process). */
  signals?: SignalSource
}
