import { describe, expect, it } from '@jest/globals'
import { findLeaks, type RunResult } from '../helpers/action-runner.js'

const SECRET = 'Zq8v-masked-value-7f3a9c1e'
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.fake-line-token.sig0123456789'

/** A clean run in which SECRET was masked and TOKEN handed over as the `token` output. */
function run(changes: Partial<RunResult> = {}): RunResult {
  return {
    exitCode: 0,
    stdout: `::add-mask::${SECRET}\n::add-mask::${TOKEN}\nIssued a v2.1 channel access token (key ID kid-1).\n`,
    stderr: '',
    outputs: { token: TOKEN, 'key-id': 'kid-1', 'expires-in': '3600' },
    savedState: { 'token-type': 'v2.1', 'key-id': 'kid-1', 'sealed-token': 'v1.c2VhbGVk' },
    summary: '### LINE channel access token\n',
    masked: [SECRET, TOKEN],
    errors: [],
    warnings: [],
    durationMs: 1,
    ...changes
  }
}

describe('the leak oracle (findLeaks)', () => {
  it('reports nothing for a clean run: a masked value on its own ::add-mask:: line is allowed', () => {
    expect(findLeaks(run())).toEqual([])
  })

  it.each<[string, Partial<RunResult>, RegExp]>([
    ['stdout', { stdout: `::add-mask::${SECRET}\nthe secret is ${SECRET}\n` }, /appears in stdout/],
    ['stdout inside another command', { stdout: `::add-mask::${SECRET}\n::error::bad value ${SECRET}\n` }, /appears in stdout/],
    ['stderr', { stderr: `Error: ${SECRET}\n    at x` }, /appears in stderr/],
    ['the job summary', { summary: `| Token | ${TOKEN} |` }, /appears in job summary/],
    ['an output other than token', { outputs: { token: TOKEN, 'key-id': SECRET } }, /appears in output key-id/],
    ['the saved state', { savedState: { 'sealed-token': `plain:${TOKEN}` } }, /appears in state sealed-token/]
  ])('reports a masked value in %s', (_place, changes, where) => {
    const leaks = findLeaks(run(changes))
    expect(leaks).toHaveLength(1)
    expect(leaks[0]).toMatch(where)
    // The report describes the secret without repeating it.
    expect(leaks[0]).not.toContain(SECRET)
    expect(leaks[0]).not.toContain(TOKEN)
  })

  it('reports every place a secret appears', () => {
    const leaks = findLeaks(run({ stdout: `x ${SECRET}`, summary: SECRET, outputs: { token: TOKEN, other: SECRET }, savedState: { s: SECRET } }))
    expect(leaks.map((l) => l.replace(/.*appears in /, ''))).toEqual(['stdout', 'job summary', 'output other', 'state s'])
  })

  it('checks extra secrets that were never masked (secret inputs), and each line of a multi-line one', () => {
    const pemBody = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7'
    const key = `-----BEGIN PRIVATE KEY-----\n${pemBody}\n-----END PRIVATE KEY-----`
    expect(findLeaks(run({ stderr: `could not parse ${pemBody}` }))).toEqual([])
    expect(findLeaks(run({ stderr: `could not parse ${pemBody}` }), [key])).toEqual([expect.stringMatching(/appears in stderr/)])
    // PEM armour lines are public text.
    expect(findLeaks(run({ stdout: 'expected -----BEGIN PRIVATE KEY-----' }), [key])).toEqual([])
  })

  it('the token may appear in the token output only', () => {
    expect(findLeaks(run({ masked: [], stdout: `token ${TOKEN}` }))).toEqual([expect.stringMatching(/appears in stdout/)])
  })

  it('ignores values too short to be secrets (an empty input, a tiny value)', () => {
    expect(findLeaks(run({ masked: ['', 'abc'], stdout: 'abc abc' }), [''])).toEqual([])
  })
})
