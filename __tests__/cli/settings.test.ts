// Settings from flags or the environment (the flag wins), secrets from files or the
// environment, a warning when a secret is a plain flag, and exit 2 for anything missing or bad.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { rsa1024Pem } from '../helpers/keys.js'
import { leakedIn, runInProcess, secretsOf, startChannel, type Channel } from './support.js'

describe('line-token settings', () => {
  let channel: Channel
  beforeAll(async () => {
    channel = await startChannel()
  })
  afterAll(() => channel.close())

  const without = (...names: string[]): NodeJS.ProcessEnv => Object.fromEntries(Object.entries(channel.env).filter(([name]) => !names.includes(name)))

  it('takes every setting from flags alone', async () => {
    const result = await runInProcess([
      'list',
      '--channel-id',
      channel.channelId,
      '--private-key-file',
      channel.keyFile,
      '--key-id',
      channel.kid,
      '--api-base-url',
      channel.emulator.url
    ])
    expect(result.code).toBe(0)
    expect(result.stderr).not.toContain('warning')
  })

  it('lets a flag win over the environment', async () => {
    const result = await runInProcess(['list', '--channel-id', 'abc'], { env: channel.env })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('Input "--channel-id": must be the channel ID')
    const fromEnv = await runInProcess(['list'], { env: { ...channel.env, LINE_CHANNEL_ID: 'abc' } })
    expect(fromEnv.stderr).toContain('Input "LINE_CHANNEL_ID"')
  })

  it('reads the key itself from LINE_PRIVATE_KEY, in any accepted shape', async () => {
    for (const shape of [channel.key.shapes.pkcs1, channel.key.shapes.escapedPem, channel.key.shapes.base64Jwk]) {
      const result = await runInProcess(['list'], { env: { ...without('LINE_PRIVATE_KEY_FILE'), LINE_PRIVATE_KEY: shape } })
      expect(result.code).toBe(0)
    }
  })

  it('reads the key from stdin with --private-key-file -', async () => {
    const result = await runInProcess(['list', '--private-key-file', '-'], { env: without('LINE_PRIVATE_KEY_FILE'), stdin: channel.key.shapes.pkcs8 })
    expect(result.code).toBe(0)
    const terminal = await runInProcess(['list', '--private-key-file', '-'], { env: without('LINE_PRIVATE_KEY_FILE') })
    expect(terminal.code).toBe(2)
    expect(terminal.stderr).toContain('stdin is a terminal')
  })

  it('reads stdin from a stream, refusing more than a key could be', async () => {
    const env = without('LINE_PRIVATE_KEY_FILE')
    const stream = Readable.from([Buffer.from(channel.key.shapes.pkcs8.slice(0, 100)), channel.key.shapes.pkcs8.slice(100)])
    expect((await runInProcess(['list', '--private-key-file', '-'], { env, io: { stdin: stream } })).code).toBe(0)
    const huge = Readable.from(['x'.repeat(600 * 1024), 'y'.repeat(600 * 1024)])
    const tooMuch = await runInProcess(['list', '--private-key-file', '-'], { env, io: { stdin: huge } })
    expect(tooMuch.code).toBe(2)
    expect(tooMuch.stderr).toContain('stdin holds more than')
  })

  it('warns when the key is a plain flag, naming the file and environment forms', async () => {
    const result = await runInProcess(['list', '--private-key', channel.key.shapes.jwx], { env: without('LINE_PRIVATE_KEY_FILE') })
    expect(result.code).toBe(0)
    expect(result.stderr).toContain('warning: --private-key puts the private key in your shell history')
    expect(result.stderr).toContain('LINE_PRIVATE_KEY_FILE=FILE')
    expect(leakedIn(result.stderr, secretsOf(channel))).toEqual([])
  })

  it('needs --private-key=PEM for a PEM (it starts with "-"), without repeating the key', async () => {
    const pem = channel.key.shapes.pkcs8
    const spaced = await runInProcess(['list', '--private-key', pem], { env: without('LINE_PRIVATE_KEY_FILE') })
    expect(spaced.code).toBe(2)
    expect(spaced.stderr).toContain('write --private-key=VALUE')
    expect(leakedIn(spaced.stderr, secretsOf(channel))).toEqual([])
    expect((await runInProcess(['list', `--private-key=${pem}`], { env: without('LINE_PRIVATE_KEY_FILE') })).code).toBe(0)
  })

  it('refuses two sources of one secret (exit 2)', async () => {
    const flags = await runInProcess(['list', '--private-key', 'x', '--private-key-file', 'y'], { env: channel.env })
    expect(flags.code).toBe(2)
    expect(flags.stderr).toContain('not both')
    const envs = await runInProcess(['list'], { env: { ...channel.env, LINE_PRIVATE_KEY: channel.key.shapes.jwx } })
    expect(envs.code).toBe(2)
    expect(envs.stderr).toContain('LINE_PRIVATE_KEY and LINE_PRIVATE_KEY_FILE are both set')
  })

  it('says what is missing (exit 2): channel ID, key, key ID', async () => {
    const noChannel = await runInProcess(['list'], { env: without('LINE_CHANNEL_ID') })
    expect(noChannel.stderr).toContain('the channel ID is required: set LINE_CHANNEL_ID')
    const noKey = await runInProcess(['list'], { env: without('LINE_PRIVATE_KEY_FILE') })
    expect(noKey.stderr).toContain('the assertion signing private key is required')
    expect(noKey.stderr).toContain('line-token keygen')
    writeFileSync(join(channel.dir, 'empty'), '  \n')
    const emptyKey = await runInProcess(['list', '--private-key-file', join(channel.dir, 'empty')], { env: channel.env })
    expect(emptyKey.stderr).toContain('--private-key-file is empty')
    const noKid = await runInProcess(['list'], { env: without('LINE_KEY_ID') })
    expect(noKid.stderr).toContain('the key ID is required')
    for (const result of [noChannel, noKey, emptyKey, noKid]) expect(result.code).toBe(2)
  })

  it('checks the key and the key ID (exit 2)', async () => {
    const small = await runInProcess(['list'], { env: { ...without('LINE_PRIVATE_KEY_FILE'), LINE_PRIVATE_KEY: rsa1024Pem() } })
    expect(small.code).toBe(2)
    expect(small.stderr).toContain('Input "LINE_PRIVATE_KEY"')
    expect(small.stderr).toContain('1024 bits')
    const kid = await runInProcess(['list', '--key-id', 'has space'], { env: channel.env })
    expect(kid.code).toBe(2)
    expect(kid.stderr).toContain('Input "--key-id"')
  })

  it('explains unreadable files (exit 2): missing, a directory, too large', async () => {
    const missing = await runInProcess(['list'], { env: { ...channel.env, LINE_PRIVATE_KEY_FILE: 'no-such.json' }, cwd: channel.dir })
    expect(missing.stderr).toContain(`cannot read ${join(channel.dir, 'no-such.json')} (no such file)`)
    const dir = join(channel.dir, 'a-dir')
    mkdirSync(dir)
    const directory = await runInProcess(['list', '--private-key-file', dir], { env: channel.env })
    expect(directory.stderr).toContain('is not a file')
    const big = join(channel.dir, 'big')
    writeFileSync(big, Buffer.alloc(1024 * 1024 + 1))
    const tooBig = await runInProcess(['list', '--private-key-file', big], { env: channel.env })
    expect(tooBig.stderr).toContain('bytes; it should hold only the private key')
    const blank = await runInProcess(['list', '--private-key-file', ' '], { env: channel.env })
    expect(blank.stderr).toContain('is empty: name the file')
    for (const result of [missing, directory, tooBig, blank]) expect(result.code).toBe(2)
  })

  it('reads the channel secret from LINE_CHANNEL_SECRET_FILE or --channel-secret-file, and warns for --channel-secret', async () => {
    const secretFile = join(channel.dir, 'secret')
    writeFileSync(secretFile, `${channel.channelSecret}\n`)
    const ledger = ['list', '--ledger', `file:${join(channel.dir, 'ledger')}`]
    const fromEnvFile = await runInProcess(ledger, { env: { ...without('LINE_CHANNEL_SECRET'), LINE_CHANNEL_SECRET_FILE: secretFile } })
    expect(fromEnvFile.code).toBe(0)
    const fromFlagFile = await runInProcess([...ledger, '--channel-secret-file', secretFile], { env: without('LINE_CHANNEL_SECRET') })
    expect(fromFlagFile.code).toBe(0)
    const inline = await runInProcess([...ledger, '--channel-secret', channel.channelSecret], { env: without('LINE_CHANNEL_SECRET') })
    expect(inline.code).toBe(0)
    expect(inline.stderr).toContain('warning: --channel-secret puts the channel secret in your shell history')
    expect(inline.stderr).toContain('LINE_CHANNEL_SECRET_FILE=FILE')
    expect(leakedIn(inline.stderr, [channel.channelSecret])).toEqual([])
  })

  it('refuses an empty or multi-word channel secret (exit 2)', async () => {
    const ledger = ['list', '--ledger', 'file:x']
    const empty = join(channel.dir, 'empty-secret')
    writeFileSync(empty, '\n')
    const blank = await runInProcess([...ledger, '--channel-secret-file', empty], { env: without('LINE_CHANNEL_SECRET') })
    expect(blank.code).toBe(2)
    expect(blank.stderr).toContain('--channel-secret-file is empty')
    const spaced = await runInProcess(ledger, { env: { ...channel.env, LINE_CHANNEL_SECRET: 'two words here' } })
    expect(spaced.code).toBe(2)
    expect(spaced.stderr).toContain('contains whitespace')
  })

  it('checks the API base URL (exit 2) and takes it from LINE_API_BASE_URL', async () => {
    const bad = await runInProcess(['list'], { env: { ...channel.env, LINE_API_BASE_URL: 'ftp://example.com' } })
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('Input "LINE_API_BASE_URL"')
    const flag = await runInProcess(['list', '--api-base-url', 'not a url'], { env: channel.env })
    expect(flag.stderr).toContain('Input "--api-base-url"')
  })

  it('exits 1 when LINE cannot be reached', async () => {
    const result = await runInProcess(['list'], { env: { ...channel.env, LINE_API_BASE_URL: 'http://127.0.0.1:9' } })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('network error')
  })
})
