/**
 * What a command runs with: its flags' owner's I/O, split by purpose. Data goes to stdout;
 * everything meant for people (progress, warnings, the error line) goes to stderr, through
 * the redactor.
 */
import type { Logger } from '../logger.js'
import { UsageError } from './errors.js'
import type { CliIo } from './io.js'
import { Redactor } from './redact.js'

/** What stdin may hold at most: a token or a key is a few KB; more is not what we asked for. */
export const MAX_STDIN_BYTES = 1024 * 1024

export class CommandContext {
  readonly redactor = new Redactor()
  readonly logger: Logger
  private stdinTakenFor: string | undefined

  constructor(
    readonly io: CliIo,
    /** e.g. "line-token issue", for messages. */
    readonly commandLine: string,
    readonly debug: boolean
  ) {
    this.logger = {
      debug: (message) => {
        if (this.debug) this.say(`debug: ${message}`)
      },
      info: (message) => this.say(message),
      warning: (message) => this.warn(message)
    }
  }

  /** A line of data on stdout. */
  print(text: string): void {
    this.io.stdout.write(`${text}\n`)
  }

  /** A line for people on stderr. */
  say(text: string): void {
    this.io.stderr.write(`${this.redactor.redact(text)}\n`)
  }

  warn(text: string): void {
    this.say(`warning: ${text}`)
  }

  /**
   * Everything on stdin, or undefined when stdin is a terminal (nothing was piped). Only one
   * thing can come from stdin per run; `what` names it for the error when two ask.
   */
  async readStdin(what: string): Promise<string | undefined> {
    if (this.stdinTakenFor !== undefined) {
      throw new UsageError(`stdin can hold only one thing: it is already read for ${this.stdinTakenFor}, so give ${what} another way.`)
    }
    this.stdinTakenFor = what
    const { stdin } = this.io
    if (typeof stdin === 'function') return stdin()
    if (stdin.isTTY) return undefined
    let text = ''
    for await (const chunk of stdin) {
      text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
      if (text.length > MAX_STDIN_BYTES) throw new UsageError(`stdin holds more than ${MAX_STDIN_BYTES} bytes; it should hold only ${what}.`)
    }
    return text
  }
}
