// Section 7: docs/troubleshooting.md covers every error a user can hit. The keys are taken
// from the source, so a new message or hint fails this test until the doc explains it:
// every hint in LINE_HINTS / HTTP_HINTS / NETWORK_HINTS / CLOCK_HINTS, every input an InputError can name,
// the start of every InputError, key refusal, duration refusal, LedgerError, warning and
// step failure message, and the fixed texts of the HTTP layer and the LINE client.
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { HTTP_HINTS } from '../../src/http-response.js'
import { NETWORK_HINTS } from '../../src/http-transport.js'
import { LINE_HINTS } from '../../src/line-errors.js'
import { CLOCK_HINTS } from '../../src/session.js'

const ROOT = new URL('../..', import.meta.url).pathname
const DOC = readFileSync(join(ROOT, 'docs/troubleshooting.md'), 'utf8')

/** Compare without markdown code marks, escapes and line breaks. */
function normalise(text: string): string {
  return text
    .replace(/[`\\]/g, '')
    .replace(/[‘’]/g, "'")
    .replace(/\s+/g, ' ')
    .toLowerCase()
}
const doc = normalise(DOC)
const missing = (keys: string[]) => [...new Set(keys)].filter((key) => !doc.includes(normalise(key)))

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : []
  })
}
// The emulator's messages are LINE's (covered by the LINE_HINTS rows); the CLI has docs/cli.md
// but its InputErrors are listed here too.
const FILES = sourceFiles(join(ROOT, 'src')).filter((file) => !relative(ROOT, file).startsWith('src/emulator/'))
const SOURCES = FILES.map((file) => ({ file: relative(ROOT, file), text: readFileSync(file, 'utf8') }))

/** The literal text of a string expression's first piece: '…', "…" or `…` (up to its first ${…}). */
const LITERAL = String.raw`(?:'((?:\\.|[^'\\])*)'|"((?:\\.|[^"\\])*)"|\x60((?:\\.|[^\x60\\])*)\x60)`

/** The longest literal run of a message (placeholders removed), first 6 words, trimmed of punctuation. */
function keyOf(literal: string): string | undefined {
  const runs = literal
    .replace(/\\(['"`$])/g, '$1')
    // A nested template cuts the literal short: drop the unfinished placeholder.
    .replace(/\$\{[^}]*$/, '')
    .split(/\$\{(?:[^{}]|\{[^{}]*\})*\}/)
    .map((run) => run.replace(/^[\s:;,.()]+|[\s:;,.()]+$/g, ''))
  const longest = runs.reduce((a, b) => (b.length > a.length ? b : a), '')
  const words = longest.split(/\s+/).slice(0, 6).join(' ')
  return words.length >= 6 ? words : undefined
}

function messagesAfter(call: RegExp): { file: string; key: string }[] {
  const pattern = new RegExp(`${call.source}\\s*${LITERAL}`, 'g')
  return SOURCES.flatMap(({ file, text }) =>
    [...text.matchAll(pattern)].flatMap((match) => {
      const key = keyOf(match[1] ?? match[2] ?? match[3] ?? '')
      return key ? [{ file, key }] : []
    })
  )
}

describe('docs/troubleshooting.md covers every error', () => {
  it('has the error → cause → fix table', () => {
    expect(DOC).toMatch(/\| *Error[^|]*\| *Cause[^|]*\| *Fix/i)
  })

  it.each([
    ['LINE_HINTS', LINE_HINTS],
    ['HTTP_HINTS', HTTP_HINTS],
    ['NETWORK_HINTS', NETWORK_HINTS],
    ['CLOCK_HINTS', CLOCK_HINTS]
  ])('every %s text, quoted', (_name, hints) => {
    // The first clause is enough to find it; the doc may shorten the rest.
    const keys = Object.values(hints as Record<string, string>).map((hint) => hint.split(/(?<=[.:;])\s/)[0].split(/\s+/).slice(0, 8).join(' '))
    expect(missing(keys)).toEqual([])
  })

  it('every input an InputError can name, as `Input "name"`', () => {
    const names = new Set<string>()
    for (const { text } of SOURCES) {
      for (const m of text.matchAll(/new InputError\(\s*'([^']+)'/g)) names.add(m[1])
      for (const m of text.matchAll(/\b(?:input|inputName) = '([^']+)'/g)) names.add(m[1])
      for (const m of text.matchAll(/parseBoolean\([^,]+,\s*'([^']+)'/g)) names.add(m[1])
      for (const m of text.matchAll(/parse(?:Duration|Keep|OlderThan)\([^)]*\binput: '([^']+)'/g)) names.add(m[1])
    }
    for (const name of ['channel-id', 'private-key', 'key-id', 'channel-secret', 'token-type', 'lifetime', 'revoke', 'api-base-url', 'ledger', 'github-token', 'keep', 'older-than', 'dry-run']) {
      expect(names).toContain(name)
    }
    expect(missing([...names].map((name) => `Input "${name}"`))).toEqual([])
  })

  it('the start of every InputError, key refusal and duration refusal', () => {
    const keys = [
      ...messagesAfter(/new InputError\(\s*[^,()]+,/),
      ...messagesAfter(/\brefuse\(\s*/),
      ...messagesAfter(/\bbad\(\s*/)
    ]
    expect(keys.length).toBeGreaterThan(40)
    expect(missing(keys.map((k) => k.key))).toEqual([])
  })

  it('the fixed key-refusal texts (PUBLIC_KEY_GIVEN, ENCRYPTED_PEM, …)', () => {
    const text = SOURCES.find((s) => s.file === 'src/key-formats.ts')!.text
    const keys = [...text.matchAll(new RegExp(`const [A-Z_]+ =\\s*${LITERAL}`, 'g'))].map((m) => keyOf(m[1] ?? m[2] ?? m[3] ?? '')).filter((k): k is string => k !== undefined)
    expect(keys.length).toBeGreaterThanOrEqual(5)
    expect(missing(keys)).toEqual([])
  })

  it('every LedgerError', () => {
    const keys = messagesAfter(/new LedgerError\(\s*/)
    expect(keys.length).toBeGreaterThan(10)
    expect(missing(keys.map((k) => k.key))).toEqual([])
  })

  it('every warning and step failure the steps print', () => {
    const keys = messagesAfter(/\.(?:warning|setFailed)\(\s*/).filter((k) => !k.file.startsWith('src/cli/'))
    expect(keys.length).toBeGreaterThan(5)
    expect(missing(keys.map((k) => k.key))).toEqual([])
  })

  it('the HTTP layer and the LINE client: error shapes, timeouts, bodies, clock skew', () => {
    expect(
      missing([
        'LINE API:',
        'no answer before the timeout',
        'No answer within',
        'network error (',
        'unexpected answer (HTTP',
        "The answer's body is larger than",
        'The answer had an empty body',
        'The answer was an HTML page, not JSON from LINE',
        'The answer was not JSON',
        'The answer was JSON but not an object',
        'is missing or not',
        "is api-base-url pointing at LINE's API?",
        "LINE rejected the assertion's expiry time",
        "The assertion's expiry time was refused",
        'retrying in',
        'Unexpected error:',
        'LINE accepted the revoke call, but the key ID is still listed as valid',
        'the revoke call succeeded but listing key IDs to confirm it failed',
        'NODE_EXTRA_CA_CERTS',
        'HTTPS_PROXY',
        'NO_PROXY'
      ])
    ).toEqual([])
  })

  it('the check fails for a message the doc does not have', () => {
    expect(missing(['Input "no-such-input"', 'a message nobody wrote'])).toEqual(['Input "no-such-input"', 'a message nobody wrote'])
  })
})
