// Section 1: the shared leak oracles catch what they must. findLeaks (every runAction goes
// through it) sees a secret in an ::error:: line (how a thrown error reaches the user), in
// stderr (an unhandled exception's stack), the job summary, outputs other than `token`, and
// saved state, and lets it stand only on its own ::add-mask:: line. checkCliRun (every CLI
// run in __tests__/cli goes through it via support.ts) sees the CLI's secrets from the
// environment, key files, flags and stdin. And a real failing bundle run passes the oracle.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { findLeaks, runAction, type RunResult } from '../helpers/action-runner.js'
import { checkCliRun, cliSecrets, findCliLeaks } from '../helpers/cli-runner.js'
import { testKey } from '../helpers/keys.js'
import { startLineChannel, type LineChannel } from '../helpers/line-channel.js'

const SECRET = 'Zq7ChannelSecretValue0123456789ab'

function result(overrides: Partial<RunResult>): RunResult {
  return {
    exitCode: 0,
    stdout: '',
    stderr: '',
    outputs: {},
    savedState: {},
    summary: '',
    masked: [],
    errors: [],
    warnings: [],
    durationMs: 0,
    ...overrides
  }
}

describe('findLeaks (action runs)', () => {
  it.each<[string, Partial<RunResult>]>([
    ['an ::error:: line (a thrown error message)', { stdout: `::error::LINE API: failed with ${SECRET}\n` }],
    ['a stack trace on stderr', { stderr: `Error: ${SECRET}\n    at main (index.js:1:1)\n` }],
    ['the job summary', { summary: `| secret | ${SECRET} |` }],
    ['an output other than token', { outputs: { 'key-id': SECRET } }],
    ['saved state', { savedState: { 'sealed-token': `x${SECRET}` } }],
    ['a ::debug:: line', { stdout: `::debug::POST /oauth2/v2.1/token?client_secret=${SECRET}\n` }]
  ])('flags a secret in %s', (_where, overrides) => {
    expect(findLeaks(result(overrides), [SECRET])).toHaveLength(1)
  })

  it('flags a masked value (e.g. an assertion) and the token output wherever else they appear', () => {
    const assertion = 'eyJhbGciOiJSUzI1NiJ9.assertion-payload.signature-part'
    const leaked = result({ masked: [assertion], outputs: { token: 'tok-0123456789abcdef' }, stdout: `::add-mask::${assertion}\nsent ${assertion}\n`, summary: 'tok-0123456789abcdef' })
    expect(findLeaks(leaked)).toHaveLength(2)
  })

  it('flags each line of a multi-line secret (a PEM body line) on its own', () => {
    const pem = testKey().shapes.pkcs8
    const line = pem.split('\n')[3]
    expect(findLeaks(result({ stderr: `near ${line} here` }), [pem])).toHaveLength(1)
  })

  it('allows a secret only on its own ::add-mask:: line', () => {
    expect(findLeaks(result({ stdout: `::add-mask::${SECRET}\nIssued a token.\n`, masked: [SECRET] }), [SECRET])).toEqual([])
  })
})

describe('runAction: a failing bundle run goes through the oracle', () => {
  let line: LineChannel
  beforeAll(async () => (line = await startLineChannel()))
  afterAll(() => line.emulator.close())

  it('a LINE error surfaces as one ::error:: line, and no secret is in it', async () => {
    line.emulator.addFault({ path: '/oauth2/v2.1/token', responses: [{ status: 400, body: JSON.stringify({ error: 'invalid_client', error_description: 'Invalid signature' }) }] })
    const run = await runAction({ entry: 'main', inputs: line.inputs, secrets: line.secrets })
    expect(run.errors).toHaveLength(1)
    expect(findLeaks(run, line.secrets)).toEqual([])
    // The oracle sees the very text the user sees: re-inserting a secret into it is caught.
    expect(findLeaks({ ...run, stdout: run.stdout.replace('::error::', `::error::${line.channelSecret} `) }, line.secrets)).toHaveLength(1)
  })
})

describe('checkCliRun (CLI runs)', () => {
  let dir: string
  const key = testKey()
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cli-oracle-'))
    writeFileSync(join(dir, 'key.json'), key.shapes.jwx)
    writeFileSync(join(dir, 'secret'), `${SECRET}\n`)
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('finds the secrets in the environment, key files, flags and stdin', () => {
    const secrets = cliSecrets({
      argv: ['revoke', '--channel-secret-file', 'secret', '--token=tok-from-flag-0123456789'],
      env: { LINE_PRIVATE_KEY_FILE: join(dir, 'key.json'), LINE_CHANNEL_SECRET: 'env-secret-0123456789' },
      stdin: 'tok-from-stdin-0123456789\n',
      cwd: dir
    })
    for (const expected of [key.privateJwk.d, key.privateJwk.p, key.privateJwk.qi, SECRET, 'env-secret-0123456789', 'tok-from-flag-0123456789', 'tok-from-stdin-0123456789']) {
      expect(secrets).toContain(expected)
    }
    expect(secrets).not.toContain(key.privateJwk.n)
  })

  it.each([
    ['a key parameter on stderr', { stdout: '', stderr: `bad key ${key.privateJwk.dq}` }],
    ['the channel secret on stdout', { stdout: SECRET, stderr: '' }],
    ['the stdin token on stderr', { stdout: '', stderr: 'token tok-from-stdin-0123456789 refused' }],
    ['the issued token on stderr too', { stdout: 'issued-token-abcdefghijklmnop\n', stderr: 'debug: issued-token-abcdefghijklmnop' }]
  ])('flags %s', (_name, output) => {
    const run = { argv: ['issue'], env: { LINE_PRIVATE_KEY: key.shapes.pkcs8, LINE_CHANNEL_SECRET_FILE: join(dir, 'secret') }, stdin: 'tok-from-stdin-0123456789', cwd: dir }
    // At least one: a key member can also contain a PEM body line of the same key (the same
    // bytes, base64 and base64url alike when the line has no + or /), itself a secret.
    expect(findCliLeaks(run, output).length).toBeGreaterThanOrEqual(1)
    expect(findCliLeaks(run, { stdout: '', stderr: 'nothing secret here' })).toEqual([])
    expect(() => checkCliRun(run, output)).toThrow(/Secret leak from line-token issue/)
  })

  it('knows the key members of a PEM key (the same secret, encoded differently)', () => {
    const secrets = cliSecrets({ argv: ['list'], env: { LINE_PRIVATE_KEY: key.shapes.pkcs1 } })
    for (const member of ['d', 'p', 'q', 'dp', 'dq', 'qi'] as const) expect(secrets).toContain(key.privateJwk[member])
    const escaped = cliSecrets({ argv: ['list'], env: { LINE_PRIVATE_KEY: key.shapes.escapedPem } })
    expect(escaped).toContain(key.privateJwk.d)
  })

  it('passes a clean run', () => {
    const output = { code: 0, stdout: 'issued-token-abcdefghijklmnop\n', stderr: 'Issued a v2.1 token.\n' }
    expect(checkCliRun({ argv: ['issue'], env: { LINE_PRIVATE_KEY: key.shapes.jwx } }, output)).toBe(output)
  })
})
