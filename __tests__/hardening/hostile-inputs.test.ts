// Section 2: random and adversarial values for every root-action input, through the main
// step in process (real transport, real emulator). Whatever the value, the step either
// succeeds with a valid token, or fails with exactly one error that names the input
// (`Input "…"`, before any request), or, for a well-formed key ID that is not registered,
// with LINE's documented 404. Never an unexpected error or a stack trace, never a request
// that LINE refuses as a bad assertion (HTTP 400), never a secret in what the user sees,
// and never a polluted Object.prototype.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { systemClock } from '../../src/clock.js'
import { LINE_HINTS } from '../../src/line-errors.js'
import { runMainStep } from '../../src/main-step.js'
import { fakeCore, type FakeCore } from '../helpers/fake-core.js'
import { otherTestKey, testKey } from '../helpers/keys.js'
import { FAST_RETRIES, startLineChannel, type LineChannel } from '../helpers/line-channel.js'

const NUM_RUNS = 60
const INPUT_NAMES = ['channel-id', 'private-key', 'key-id', 'channel-secret', 'token-type', 'lifetime', 'revoke', 'api-base-url']
const MAX_LIFETIME = 30 * 24 * 3600
const key = testKey()
const jwk = key.privateJwk as unknown as Record<string, unknown>

// ---- generators ----------------------------------------------------------------------------

/** Strings nobody should type into an input, plus plain random ones. */
const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\n',
    '\r\n\t',
    '\u0000',
    '\u202e\u200b',
    '\ufeff',
    'null',
    'undefined',
    'true',
    '[]',
    '{}',
    '0',
    '-1',
    'NaN',
    '${{ secrets.LINE_CHANNEL_SECRET }}',
    'a%0A::error::injected',
    '::add-mask::x',
    'x\n::set-output name=token::stolen',
    '"; rm -rf / #',
    '../../etc/passwd'
  ),
  fc.integer({ min: 1, max: 80_000 }).map((n) => 'A'.repeat(n)),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('base64')),
  fc.json({ maxDepth: 2 })
)

const withSpace = (value: string) => fc.constantFrom(value, ` ${value} `, `\n${value}\n`, `\t${value}`)

/** A JSON value of a type a JWK member never has, or a wrong value of the right type. */
const wrongMemberValue = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.string({ maxLength: 20 }), fc.constant(null))

const privateKeyValue = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  // Every accepted shape, sometimes wrapped in whitespace.
  { weight: 2, arbitrary: fc.constantFrom(...Object.values(key.shapes)).chain(withSpace) },
  // Extra members, of any type.
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }).map((extra) => JSON.stringify({ ...extra, ...jwk })),
  // A member of the wrong type or value.
  fc
    .tuple(fc.constantFrom('kty', 'n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi', 'alg', 'use', 'key_ops', 'kid', 'keys'), wrongMemberValue)
    .map(([member, value]) => JSON.stringify({ ...jwk, [member]: value })),
  // Members missing.
  fc.subarray(Object.keys(jwk)).map((drop) => JSON.stringify(Object.fromEntries(Object.entries(jwk).filter(([name]) => !drop.includes(name))))),
  // Duplicate members: JSON.parse keeps the last one, valid or not.
  fc
    .tuple(fc.constantFrom('kty', 'n', 'e', 'd', 'p', 'q'), fc.oneof(fc.string({ maxLength: 20 }), fc.constant('RSA')), fc.boolean())
    .map(([member, other, realLast]) => {
      const body = JSON.stringify(jwk).slice(1, -1)
      const real = `"${member}":${JSON.stringify(jwk[member])}`
      const fake = `"${member}":${JSON.stringify(other)}`
      return realLast ? `{${fake},${body},${real}}` : `{${body},${fake}}`
    }),
  // Prototype pollution attempts, at the top level and inside a JWK Set.
  fc.constantFrom(
    `{"__proto__":{"polluted":"yes","kty":"RSA"},${JSON.stringify(jwk).slice(1)}`,
    `{"constructor":{"prototype":{"polluted":"yes"}},${JSON.stringify(jwk).slice(1)}`,
    `{"__proto__":${JSON.stringify(jwk)}}`,
    `{"keys":[{"__proto__":{"polluted":"yes"},${JSON.stringify(jwk).slice(1)}]}`,
    `{"keys":{"__proto__":[${JSON.stringify(jwk)}]}}`,
    `{"prototype":{"polluted":"yes"},${JSON.stringify(jwk).slice(1)}`
  ),
  // Key parameters from two different keys (each part valid, the whole not).
  fc.constantFrom('n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi').map((member) => JSON.stringify({ ...jwk, [member]: (otherTestKey().privateJwk as unknown as Record<string, unknown>)[member] })),
  // Algorithms other than RS256; JWK Sets of the wrong size.
  fc.constantFrom('RS512', 'none', 'HS256', 'ES256', '').map((alg) => JSON.stringify({ ...jwk, alg })),
  fc.constantFrom(JSON.stringify({ keys: [] }), JSON.stringify({ keys: [jwk, jwk] }), JSON.stringify({ keys: [{ ...jwk, kty: 'EC' }] })),
  // base64 of a damaged JWK or PEM.
  fc.tuple(fc.constantFrom(key.shapes.jwx, key.shapes.pkcs8), fc.nat(), fc.nat({ max: 50 })).map(([text, at, cut]) => {
    const i = at % text.length
    return Buffer.from(text.slice(0, i) + text.slice(i + cut)).toString('base64')
  })
)

/** Channel IDs other than the real one that are all digits would reach LINE as a different channel: excluded here. */
function channelIdValue(valid: string) {
  return fc.oneof(hostileString, withSpace(valid), fc.constantFrom('1'.repeat(21), '١٦٦٠٠٠٠٠٠١', '0x6300001', '1660000001.0', '+1660000001', `${valid}\u0000`)).filter((value) => {
    const text = value.trim()
    return text === valid || !/^\d{1,20}$/.test(text)
  })
}

function keyIdValue(valid: string) {
  return fc.oneof(hostileString, withSpace(valid), fc.uuid().map(String), fc.constantFrom(`${valid}\n`, `"${valid}"`, `${valid} x`, 'k'.repeat(128), 'k'.repeat(129), `${valid}\u00a0`))
}

const tokenTypeValue = fc.oneof(hostileString, fc.constantFrom('v2.1', 'V2.1', ' stateless ', 'STATELESS', 'Stateless', 'v2', 'v3', 'v2.1\n', 'state less'))

const UNITS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }

/** [text, seconds it means (undefined: not a duration we can predict)]. */
const lifetimeValue: fc.Arbitrary<[string, number | undefined]> = fc.oneof(
  fc
    .tuple(fc.oneof(fc.integer({ min: -3, max: 3 }), fc.integer({ min: 0, max: MAX_LIFETIME + 3 }), fc.constantFrom(29, 30, 31, 719, 720, 721, 43199, 43200, 43201)), fc.constantFrom('', 's', 'm', 'h', 'd'))
    .map(([n, unit]): [string, number] => [`${n}${unit}`, n * UNITS[unit]]),
  fc.constantFrom<[string, number | undefined]>(['', 3600], [' 30m ', 1800], ['1h30m', 5400], ['1h 30m', 5400], ['1.5h', 5400], ['30D', MAX_LIFETIME], [`${MAX_LIFETIME}`, MAX_LIFETIME], [`${MAX_LIFETIME + 1}`, MAX_LIFETIME + 1]),
  fc.constantFrom('1e3', '0x10', 'Infinity', 'NaN', '-0', '٣', '1w', '30m1h', '1h1h', '0.5s', '99999999999999999999999999', '1 h', '2592000.0').map((text): [string, undefined] => [text, undefined]),
  hostileString.map((text): [string, undefined] => [text, undefined])
)

const revokeValue = fc.oneof(hostileString, fc.constantFrom('true', 'false', 'True', 'FALSE', 'yes', 'no', '1', 'on', ' true '))

function apiBaseUrlValue(emulatorUrl: string) {
  return fc.oneof(
    // Without a colon a string is never an absolute URL, so nothing is ever sent elsewhere.
    hostileString.filter((text) => !text.includes(':') && text.trim() !== ''),
    fc.constantFrom(
      'ftp://api.line.me',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/plain,hi',
      'https://user:pass@api.line.me',
      'https://:pass@api.line.me',
      `${emulatorUrl}/?x=1`,
      `${emulatorUrl}#fragment`,
      'http://',
      'https://[::1',
      'http://exa mple.com',
      `${emulatorUrl}///`,
      ` ${emulatorUrl} `,
      `${emulatorUrl}\n`,
      emulatorUrl.replace('http://', 'HTTP://')
    )
  )
}

// ---- the invariant -------------------------------------------------------------------------

interface Expectation {
  /** Inputs whose InputError is an acceptable outcome. */
  inputs: readonly string[]
  /** Whether LINE's 404 for an unregistered (well-formed) key ID is acceptable. */
  unknownKeyIdOk?: boolean
  /** Must the step succeed (true), fail (false), or either (undefined)? */
  succeeds?: boolean
  /** Extra strings that must never be shown (the hostile secret values). */
  secrets?: string[]
}

/** Secrets worth looking for: long enough not to match by chance, and not one repeated character. */
function worthChecking(secret: string): boolean {
  const text = secret.trim()
  return text.length >= 16 && new Set(text).size >= 6
}

describe('hostile and malformed input (property-based, in process)', () => {
  let line: LineChannel
  /** The kinds of outcome a property produced, so no property can pass by never failing (or never succeeding). */
  let seen: Set<string>
  beforeAll(async () => (line = await startLineChannel()))
  afterAll(() => line.emulator.close())
  beforeEach(() => {
    seen = new Set()
  })

  /** Runs the main step with some inputs replaced, checks the invariant, and revokes what was issued. */
  async function check(overrides: Record<string, string>, expectation: Expectation): Promise<FakeCore> {
    line.emulator.clearRequests()
    const core = fakeCore({ ...line.inputs, ...overrides })
    await runMainStep({ core, clock: systemClock, env: {}, retryPolicy: { ...FAST_RETRIES, maxAttempts: 1 } })
    const requests = line.emulator.requests()
    const shown = core.text()
    const described = `inputs ${JSON.stringify(overrides).slice(0, 300)} → ${JSON.stringify(core.failures).slice(0, 500)}`

    expect({ described, polluted: ({} as Record<string, unknown>).polluted }).toEqual({ described, polluted: undefined })
    expect({ described, failures: core.failures.length <= 1 }).toEqual({ described, failures: true })
    for (const failure of core.failures) {
      expect(failure).not.toMatch(/Unexpected error|bug in the action|\n\s+at |TypeError|SyntaxError|RangeError/)
    }
    // Never an assertion LINE refuses (bad signature, iss mismatch, malformed): no 400 at all.
    expect({ described, statuses: requests.filter((r) => r.status === 400) }).toEqual({ described, statuses: [] })

    if (core.failures.length === 0) {
      if (expectation.succeeds === false) throw new Error(`expected a failure: ${described}`)
      expect(core.outputs.token).toMatch(/^\S+$/)
      expect(core.secrets).toContain(core.outputs.token)
      expect(core.outputs['expires-in']).toMatch(/^\d+$/)
      expect(requests.map((r) => r.status)).toEqual([200])
      seen.add('success')
    } else {
      if (expectation.succeeds === true) throw new Error(`expected success: ${described}`)
      const failure = core.failures[0]
      expect(core.outputs).toEqual({})
      const input = /^Input "([^"]+)": /.exec(failure)?.[1]
      seen.add(input === undefined ? 'LINE 404' : `Input "${input}"`)
      if (input !== undefined) {
        expect({ described, input: expectation.inputs.includes(input) }).toEqual({ described, input: true })
        expect({ described, requests }).toEqual({ described, requests: [] })
      } else {
        expect({ described, unknownKeyId: expectation.unknownKeyIdOk === true }).toEqual({ described, unknownKeyId: true })
        expect(failure).toMatch(/^LINE API: issue a (v2\.1|stateless) token failed: HTTP 404: Cannot find channel key/)
        expect(failure).toContain(LINE_HINTS.unknownKeyId)
      }
    }

    const secrets = [...line.secrets, ...(expectation.secrets ?? []).map((s) => s.trim()).filter(worthChecking)]
    const leaked = secrets.filter((secret) => shown.includes(secret))
    expect({ described, leaked: leaked.length }).toEqual({ described, leaked: 0 })

    if (core.outputs['key-id']) await revoke(core.outputs.token)
    return core
  }

  /** Keep the channel under LINE's 30-token cap across runs. */
  async function revoke(token: string): Promise<void> {
    const response = await fetch(`${line.emulator.url}/oauth2/v2.1/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: line.channelId, client_secret: line.channelSecret, access_token: token })
    })
    expect(response.status).toBe(200)
  }

  it('private-key: every shape, damaged JSON, duplicate and extra members, wrong types, __proto__, base64 of garbage', async () => {
    await fc.assert(
      fc.asyncProperty(privateKeyValue, async (value) => {
        await check({ 'private-key': value }, { inputs: ['private-key'], secrets: [value] })
      }),
      { numRuns: NUM_RUNS }
    )
    expect([...seen].sort()).toEqual(['success', 'Input "private-key"'].sort())
  })

  it('private-key: the accepted shapes always succeed', async () => {
    for (const value of Object.values(key.shapes)) await check({ 'private-key': value }, { inputs: [], succeeds: true })
    expect([...seen].sort()).toEqual(['success'].sort())
  })

  it('channel-id', async () => {
    await fc.assert(
      fc.asyncProperty(channelIdValue(line.channelId), async (value) => {
        await check({ 'channel-id': value }, { inputs: ['channel-id'], succeeds: value.trim() === line.channelId ? true : false })
      }),
      { numRuns: NUM_RUNS }
    )
    expect([...seen].sort()).toEqual(['success', 'Input "channel-id"'].sort())
  })

  it('key-id: refused before sending unless well-formed; a well-formed unknown one gets LINE\'s 404', async () => {
    await fc.assert(
      fc.asyncProperty(keyIdValue(line.keyId), async (value) => {
        await check({ 'key-id': value }, { inputs: ['key-id'], unknownKeyIdOk: true, succeeds: value.trim() === line.keyId ? true : undefined })
      }),
      { numRuns: NUM_RUNS }
    )
    expect([...seen].sort()).toEqual(['success', 'Input "key-id"', 'LINE 404'].sort())
  })

  it('channel-secret: any non-empty value works for issuing; it is never shown', async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, async (value) => {
        await check({ 'channel-secret': value }, { inputs: ['channel-secret'], succeeds: value.trim() !== '', secrets: [value] })
      }),
      { numRuns: NUM_RUNS }
    )
    expect([...seen].sort()).toEqual(['success', 'Input "channel-secret"'].sort())
  })

  it('token-type', async () => {
    await fc.assert(
      fc.asyncProperty(tokenTypeValue, async (value) => {
        const known = ['', 'v2.1', 'stateless'].includes(value.trim().toLowerCase())
        const core = await check({ 'token-type': value }, { inputs: ['token-type'], succeeds: known })
        if (value.trim().toLowerCase() === 'stateless') expect(core.outputs['key-id']).toBeUndefined()
      }),
      { numRuns: NUM_RUNS }
    )
    expect([...seen].sort()).toEqual(['success', 'Input "token-type"'].sort())
  })

  it('lifetime: edge values; a success always carries exactly the lifetime asked for', async () => {
    await fc.assert(
      fc.asyncProperty(lifetimeValue, async ([text, seconds]) => {
        const inRange = seconds !== undefined && seconds >= 1 && seconds <= MAX_LIFETIME
        const core = await check({ lifetime: text }, { inputs: ['lifetime'], succeeds: seconds === undefined ? undefined : inRange })
        if (seconds !== undefined && inRange) expect(core.outputs['expires-in']).toBe(String(seconds))
      }),
      { numRuns: NUM_RUNS }
    )
    expect([...seen].sort()).toEqual(['success', 'Input "lifetime"'].sort())
  })

  it('revoke', async () => {
    await fc.assert(
      fc.asyncProperty(revokeValue, async (value) => {
        const known = ['', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE'].includes(value.trim())
        await check({ revoke: value }, { inputs: ['revoke'], succeeds: known })
      }),
      { numRuns: NUM_RUNS }
    )
    expect([...seen].sort()).toEqual(['success', 'Input "revoke"'].sort())
  })

  it('api-base-url: refused before sending unless it is the emulator', async () => {
    await fc.assert(
      fc.asyncProperty(apiBaseUrlValue(line.emulator.url), async (value) => {
        await check({ 'api-base-url': value }, { inputs: ['api-base-url'] })
      }),
      { numRuns: NUM_RUNS }
    )
    expect([...seen].sort()).toEqual(['success', 'Input "api-base-url"'].sort())
  })

  it('all inputs hostile at once', async () => {
    const maybe = <T>(valid: T, hostile: fc.Arbitrary<T>) => fc.oneof(fc.constant(valid), hostile)
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          'channel-id': maybe(line.channelId, channelIdValue(line.channelId)),
          'private-key': maybe(key.shapes.jwx, privateKeyValue),
          'key-id': maybe(line.keyId, keyIdValue(line.keyId)),
          'channel-secret': maybe(line.channelSecret, hostileString),
          'token-type': maybe('v2.1', tokenTypeValue),
          lifetime: maybe('1h', lifetimeValue.map(([text]) => text)),
          revoke: maybe('true', revokeValue),
          'api-base-url': maybe(line.emulator.url, apiBaseUrlValue(line.emulator.url))
        }),
        async (inputs) => {
          await check(inputs, { inputs: INPUT_NAMES, unknownKeyIdOk: true, secrets: [inputs['private-key'], inputs['channel-secret']] })
        }
      ),
      { numRuns: NUM_RUNS }
    )
    expect(seen.has('success')).toBe(true)
    expect(seen.size).toBeGreaterThanOrEqual(4)
  })
})
