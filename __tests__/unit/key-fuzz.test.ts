import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { parseDuration } from '../../src/duration.js'
import { InputError } from '../../src/errors.js'
import { loadPrivateKey } from '../../src/key.js'
import { testKey } from '../helpers/keys.js'

const key = testKey()

/** Run `load`; it may succeed, or throw an InputError whose message holds none of the key's secrets. */
function onlyInputErrors(load: () => unknown): void {
  try {
    load()
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    const message = (error as Error).message
    for (const fragment of key.secretFragments) expect(message).not.toContain(fragment)
  }
}

describe('hostile and random input', () => {
  it('loadPrivateKey: random strings only ever give InputError', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (raw) => onlyInputErrors(() => loadPrivateKey(raw))), { numRuns: 300 })
  })

  it('loadPrivateKey: damaged copies of real keys never leak key material', () => {
    const shapes = Object.values(key.shapes)
    const damaged = fc
      .tuple(fc.constantFrom(...shapes), fc.nat(), fc.nat(), fc.string({ maxLength: 3 }))
      .map(([shape, at, length, insert]) => {
        const start = at % shape.length
        return shape.slice(0, start) + insert + shape.slice(start + (length % 40))
      })
    fc.assert(fc.property(damaged, (raw) => onlyInputErrors(() => loadPrivateKey(raw))), { numRuns: 150 })
  })

  it('loadPrivateKey: JSON with random member values only ever gives InputError', () => {
    const member = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom(key.privateJwk.d, key.privateJwk.n))
    const jwk = fc.record(
      { kty: fc.constantFrom('RSA', 'EC', 'oct'), alg: fc.constantFrom('RS256', 'RS512'), n: member, e: member, d: member, p: member, q: member, dp: member, dq: member, qi: member, kid: member },
      { requiredKeys: [] }
    )
    fc.assert(fc.property(jwk, (value) => onlyInputErrors(() => loadPrivateKey(JSON.stringify(value)))), { numRuns: 200 })
  })

  it('parseDuration: random text only ever gives a number in range or InputError', () => {
    const options = { input: 'lifetime', minSeconds: 1, maxSeconds: 2_592_000 }
    const text = fc.oneof(fc.string({ maxLength: 30 }), fc.stringMatching(/^-?\d{0,8}(\.\d{0,3})?\s?[smhdwSMHD]?( \d{1,3}[smhd])?$/))
    fc.assert(
      fc.property(text, (value) => {
        try {
          const seconds = parseDuration(value, options)
          expect(Number.isSafeInteger(seconds) && seconds >= 1 && seconds <= 2_592_000).toBe(true)
        } catch (error) {
          expect(error).toBeInstanceOf(InputError)
        }
      }),
      { numRuns: 500 }
    )
  })
})
