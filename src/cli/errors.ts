/**
 * Exit codes and the one error line. 0 success; 1 LINE, network or ledger trouble (or an
 * outcome that did not happen, such as a revoke that could not be confirmed); 2 bad usage
 * or bad input, found before anything is sent.
 */
import { InputError, LineApiError, messageOf } from '../errors.js'
import { LedgerError } from '../ledger/types.js'

export const EXIT_OK = 0
export const EXIT_FAILED = 1
export const EXIT_USAGE = 2

/** The command line was wrong: an unknown command or flag, a missing value. Exit 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/** The command ran but its outcome is a failure (already reported in detail). Exit 1. */
export class CommandFailed extends Error {
  override name = 'CommandFailed'
}

export function exitCodeOf(error: unknown): number {
  return error instanceof UsageError || error instanceof InputError ? EXIT_USAGE : EXIT_FAILED
}

/** Ours say what to do; anything else is a bug, reported without its stack (it may carry values). */
export function errorText(error: unknown): string {
  if (error instanceof UsageError || error instanceof InputError || error instanceof LineApiError || error instanceof LedgerError || error instanceof CommandFailed) {
    return error.message
  }
  return `Unexpected error: ${messageOf(error)}. This is a bug in line-token; please report it (run again with --debug for details).`
}

/** Errors are one line: join any line breaks a message may carry. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim()
}
