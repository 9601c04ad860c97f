import { describe, expect, it } from '@jest/globals'
import { MAX_TOKEN_LIFETIME_SECONDS, formatDuration, parseDuration } from '../../src/duration.js'
import { InputError } from '../../src/errors.js'

const LIFETIME = { input: 'lifetime', minSeconds: 1, maxSeconds: MAX_TOKEN_LIFETIME_SECONDS }
const ACCEPTED = 'Give whole seconds (900) or a number with a unit s, m, h or d (30m, 1.5h, 7d), or units combined largest first (1h 30m), from 1s to 30d.'

function refusal(text: string, options = LIFETIME): InputError {
  try {
    parseDuration(text, options)
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return error as InputError
  }
  throw new Error(`"${text}" was accepted`)
}

describe('parseDuration', () => {
  it.each([
    ['900', 900],
    ['900s', 900],
    ['30m', 1800],
    ['1h', 3600],
    ['7d', 604_800],
    ['30d', 2_592_000],
    ['2592000', 2_592_000],
    ['1s', 1],
    ['1.5h', 5400],
    ['0.5m', 30],
    ['1.25m', 75],
    ['1.000s', 1],
    ['  1h \n', 3600],
    ['1H', 3600],
    ['7D', 604_800],
    ['30 m', 1800],
    ['1h30m', 5400],
    ['1h 30m', 5400],
    ['1d 2h 3m 4s', 93_784],
    ['1.5h30m', 7200],
    ['0001h', 3600]
  ])('%p is %p seconds', (text, seconds) => {
    expect(parseDuration(text, LIFETIME)).toBe(seconds)
  })

  it.each([
    ['', 'Input "lifetime": is empty. '],
    ['   ', 'Input "lifetime": is empty. '],
    ['31d', `Input "lifetime": "31d" is longer than LINE's maximum of 30 days (2592000 seconds). `],
    ['2592001', `Input "lifetime": "2592001" is longer than LINE's maximum of 30 days (2592000 seconds). `],
    ['99999999999999999999999d', `is longer than LINE's maximum`],
    ['0', 'Input "lifetime": "0" is shorter than the minimum of 1 second. '],
    ['0s', 'is shorter than the minimum of 1 second'],
    ['0.0h', 'is shorter than the minimum'],
    ['-5', 'Input "lifetime": "-5" is negative. '],
    ['-1h', 'is negative'],
    ['1w', 'Input "lifetime": "1w" is not a duration. '],
    ['1y', 'is not a duration'],
    ['h', 'is not a duration'],
    ['1.h', 'is not a duration'],
    ['.5h', 'is not a duration'],
    ['1e3', 'is not a duration'],
    ['+5', 'is not a duration'],
    ['0x10', 'is not a duration'],
    ['NaN', 'is not a duration'],
    ['Infinity', 'is not a duration'],
    ['1h 1h', 'is not a duration'],
    ['30m1h', 'is not a duration'],
    ['1h30', 'is not a duration'],
    ['1.5', 'Input "lifetime": "1.5" is not a whole number of seconds. '],
    ['1.0001m', 'is not a whole number of seconds'],
    ['1h 0.3s', 'is not a whole number of seconds']
  ])('refuses %p', (text, expected) => {
    const message = refusal(text).message
    expect(message).toContain(expected)
    expect(message.endsWith(ACCEPTED)).toBe(true)
  })

  it('repeats at most 40 characters of the text and strips control characters', () => {
    expect(refusal('1h\u0007\u202ex').message).toContain('"1hx" is not a duration')
    const long = 'x'.repeat(50)
    expect(refusal(long).message).toContain(`"${'x'.repeat(40)}…" is not a duration`)
    expect(refusal('9'.repeat(65)).message).toContain(`"${'9'.repeat(40)}…" is too long to be a duration`)
  })

  it('uses the given bounds and input name', () => {
    const options = { input: 'timeout', minSeconds: 60, maxSeconds: 7200 }
    expect(parseDuration('2h', options)).toBe(7200)
    expect(refusal('3h', options).message).toBe(
      'Input "timeout": "3h" is longer than the maximum of 2 hours (7200 seconds). Give whole seconds (900) or a number with a unit s, m, h or d (30m, 1.5h, 7d), or units combined largest first (1h 30m), from 1m to 2h.'
    )
    expect(refusal('59s', options).message).toContain('"59s" is shorter than the minimum of 1 minute (60 seconds)')
    expect(refusal('1', { input: 'x', minSeconds: 90, maxSeconds: 100 }).message).toContain('the minimum of 90 seconds')
    expect(refusal('1', { input: 'x', minSeconds: 2, maxSeconds: 100 }).message).toContain('the minimum of 2 seconds')
    expect(parseDuration('0', { input: 'x', minSeconds: 0, maxSeconds: 10 })).toBe(0)
    expect(refusal('11', { input: 'x', minSeconds: 0, maxSeconds: 10 }).message).toContain('from 0s to 10s')
  })
})

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [1, '1s'],
    [90, '1m 30s'],
    [3600, '1h'],
    [5400, '1h 30m'],
    [93_784, '1d 2h 3m 4s'],
    [2_592_000, '30d'],
    [86_401, '1d 1s'],
    [1.4, '1s'],
    [-5, '0s']
  ])('%p → %p', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text)
  })

  it('round-trips through parseDuration', () => {
    for (const seconds of [1, 59, 61, 3599, 3601, 86_399, 93_784, 2_592_000]) {
      expect(parseDuration(formatDuration(seconds), LIFETIME)).toBe(seconds)
    }
  })
})
