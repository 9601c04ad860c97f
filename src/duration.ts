// CONTRACT STUB — implemented by the key/assertion helper.
import { InputError } from './errors.js'

export const MAX_TOKEN_LIFETIME_SECONDS = 30 * 24 * 60 * 60

/**
 * Parse a duration: whole seconds (`900`) or a number with unit `s`, `m`, `h`, `d`
 * (`30m`, `7d`, `1.5h` allowed only if it gives whole seconds). Surrounding whitespace is
 * ignored. Throws InputError naming `input` when unparseable or outside [minSeconds, maxSeconds].
 */
export function parseDuration(
  text: string,
  options: { input: string; minSeconds: number; maxSeconds: number }
): number {
  void text
  void options
  throw new InputError(options.input, 'not implemented')
}

/** Format seconds for people: 3600 → "1h", 90 → "1m 30s". */
export function formatDuration(seconds: number): string {
  return `${seconds}s`
}
