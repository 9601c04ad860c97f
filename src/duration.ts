/**
 * Durations as people write them in workflow inputs (`900`, `30m`, `1h 30m`, `7d`), parsed
 * exactly (BigInt, so `1.1h` or a 40-digit number cannot be mangled by floating point).
 */
import { InputError } from './errors.js'

export const MAX_TOKEN_LIFETIME_SECONDS = 30 * 24 * 60 * 60

/** Largest unit first: the order compound durations must follow. */
const UNITS = [
  ['d', 86_400],
  ['h', 3_600],
  ['m', 60],
  ['s', 1]
] as const

const UNIT_NAMES: Record<string, string> = { d: 'day', h: 'hour', m: 'minute', s: 'second' }

/** Longer text is not a duration anyone means; refusing it early keeps BigInt work small. */
const MAX_DURATION_TEXT_LENGTH = 64

/** How much of the user's text a message repeats. */
const MAX_ECHO_LENGTH = 40

/**
 * Parse a duration: whole seconds (`900`) or a number with unit `s`, `m`, `h`, `d`
 * (`30m`, `7d`, `1.5h` allowed only if it gives whole seconds). Units may be combined,
 * largest first and each at most once (`1h30m`, `1d 12h`, `1m 30s` — what formatDuration
 * prints). Units are case-insensitive; surrounding whitespace and spaces between number and
 * unit are ignored. Refused (InputError naming `input`): empty, negative, no unit other than
 * s/m/h/d (`1w`), exponents, NaN/Infinity, not whole seconds, or outside
 * [minSeconds, maxSeconds]. Every message says what is accepted.
 */
export function parseDuration(text: string, options: { input: string; minSeconds: number; maxSeconds: number }): number {
  const { input, minSeconds, maxSeconds } = options
  const value = text.trim()
  // Typed explicitly so that TypeScript narrows after each call.
  const refuse: (problem: string) => never = (problem) => {
    throw new InputError(input, `${problem}. ${acceptedDurations(minSeconds, maxSeconds)}`)
  }
  if (!value) refuse('is empty')
  const shown = `"${echo(value)}"`
  if (value.length > MAX_DURATION_TEXT_LENGTH) refuse(`${shown} is too long to be a duration`)
  if (value.startsWith('-')) refuse(`${shown} is negative`)
  const seconds = exactSeconds(value.toLowerCase())
  if (seconds === undefined) refuse(`${shown} is not a duration`)
  if (seconds === 'fraction') refuse(`${shown} is not a whole number of seconds`)
  if (seconds > BigInt(maxSeconds)) {
    const whose = maxSeconds === MAX_TOKEN_LIFETIME_SECONDS ? "LINE's maximum" : 'the maximum'
    refuse(`${shown} is longer than ${whose} of ${describeLong(maxSeconds)}`)
  }
  if (seconds < BigInt(minSeconds)) refuse(`${shown} is shorter than the minimum of ${describeLong(minSeconds)}`)
  return Number(seconds)
}

/** The exact number of seconds; undefined when not a duration, 'fraction' when not whole seconds. */
function exactSeconds(value: string): bigint | 'fraction' | undefined {
  const bare = /^(\d+)(?:\.(\d+))?$/.exec(value)
  if (bare) return partSeconds(bare[1], bare[2], 1)
  const part = /(\d+)(?:\.(\d+))?\s*([dhms])\s*/y
  let total = 0n
  let nextUnit = 0
  while (part.lastIndex < value.length) {
    const match = part.exec(value)
    if (!match) return undefined
    const unitIndex = UNITS.findIndex(([unit]) => unit === match[3])
    // Largest unit first, each once: "30m1h" or "1h1h" is more likely a typo than a wish.
    if (unitIndex < nextUnit) return undefined
    nextUnit = unitIndex + 1
    const seconds = partSeconds(match[1], match[2], UNITS[unitIndex][1])
    if (seconds === 'fraction') return seconds
    total += seconds
  }
  return total
}

function partSeconds(whole: string, fraction: string | undefined, unitSeconds: number): bigint | 'fraction' {
  const unit = BigInt(unitSeconds)
  if (fraction === undefined) return BigInt(whole) * unit
  const scale = 10n ** BigInt(fraction.length)
  const scaled = (BigInt(whole) * scale + BigInt(fraction)) * unit
  return scaled % scale === 0n ? scaled / scale : 'fraction'
}

/** The user's text, safe to repeat: no control or format characters, at most 40 characters. */
function echo(value: string): string {
  const clean = value.replace(/[\p{Cc}\p{Cf}]/gu, '')
  return clean.length > MAX_ECHO_LENGTH ? `${clean.slice(0, MAX_ECHO_LENGTH)}…` : clean
}

function acceptedDurations(minSeconds: number, maxSeconds: number): string {
  return (
    'Give whole seconds (900) or a number with a unit s, m, h or d (30m, 1.5h, 7d), or units combined largest first (1h 30m), ' +
    `from ${formatDuration(minSeconds)} to ${formatDuration(maxSeconds)}.`
  )
}

/** "30 days (2592000 seconds)", "1 second", "90 seconds". */
function describeLong(seconds: number): string {
  // The largest unit that divides it; seconds always qualify.
  const [unit, size] = UNITS.filter(([, size]) => size === 1 || (seconds >= size && seconds % size === 0))[0]
  const count = seconds / size
  const words = `${count} ${UNIT_NAMES[unit]}${count === 1 ? '' : 's'}`
  return unit === 's' ? words : `${words} (${seconds} seconds)`
}

/** Format seconds for people: 3600 → "1h", 90 → "1m 30s", 0 → "0s". Fractions are rounded. */
export function formatDuration(seconds: number): string {
  let rest = Math.max(0, Math.round(seconds))
  const parts: string[] = []
  for (const [unit, size] of UNITS) {
    const count = Math.floor(rest / size)
    rest -= count * size
    if (count > 0) parts.push(`${count}${unit}`)
  }
  return parts.join(' ') || '0s'
}
