// verify: the token from stdin, --token-file or (with a warning) --token; its remaining lifetime.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runInProcess, startChannel, type Channel } from './support.js'

describe('line-token verify', () => {
  let channel: Channel
  let token: string
  beforeAll(async () => {
    channel = await startChannel()
    token = channel.emulator.seedToken(channel.channelId, 1800).accessToken
  })
  afterAll(() => channel.close())

  it('reads the token from stdin and prints its remaining lifetime and channel', async () => {
    const result = await runInProcess(['verify'], { env: { LINE_API_BASE_URL: channel.emulator.url }, stdin: `${token}\n` })
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(new RegExp(`^valid for (30m|29m \\d+s) \\(until \\S+Z\\); channel ${channel.channelId}; scope .+\\n$`))
    expect(result.stderr).toBe('')
  })

  it('reads --token-file and prints JSON', async () => {
    const file = join(channel.dir, 'token.txt')
    writeFileSync(file, token)
    const result = await runInProcess(['verify', '--token-file', file, '--json'], { env: { LINE_API_BASE_URL: channel.emulator.url } })
    const json = JSON.parse(result.stdout) as Record<string, unknown>
    expect(json).toMatchObject({ client_id: channel.channelId })
    expect(json.expires_in).toBeGreaterThan(1700)
    expect(typeof json.scope).toBe('string')
  })

  it('accepts --token with a warning that names the safer forms, never showing the token', async () => {
    const result = await runInProcess(['verify', '--token', token, '--api-base-url', channel.emulator.url])
    expect(result.code).toBe(0)
    expect(result.stderr).toContain('warning: --token puts the token in your shell history')
    expect(result.stderr).toContain('--token-file FILE')
    expect(result.stderr).not.toContain(token)
  })

  it("uses LINE's API by default, and prints no scope when LINE sends none", async () => {
    const urls: string[] = []
    const transport = async (request: { url: string }) => {
      urls.push(request.url)
      return { status: 200, headers: {}, body: '{"client_id":"1234","expires_in":90}' }
    }
    const plain = await runInProcess(['verify'], { stdin: 'token-value', io: { transport } })
    expect(plain.stdout).toMatch(/^valid for 1m 30s \(until \S+Z\); channel 1234\n$/)
    expect(urls[0]).toMatch(/^https:\/\/api\.line\.me\/oauth2\/v2\.1\/verify\?/)
    const json = await runInProcess(['verify', '--json'], { stdin: 'token-value', io: { transport } })
    expect(Object.keys(JSON.parse(json.stdout) as object)).toEqual(['client_id', 'expires_in', 'expires_at'])
  })

  it('exits 1 for a token LINE does not know', async () => {
    const result = await runInProcess(['verify'], { env: { LINE_API_BASE_URL: channel.emulator.url }, stdin: 'not-a-valid-token' })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('HTTP 400')
    expect(result.stderr).not.toContain('not-a-valid-token')
  })

  it('exits 2 without a usable token', async () => {
    const terminal = await runInProcess(['verify'])
    expect(terminal.stderr).toContain('give the token on stdin (echo "$TOKEN" | line-token verify) or with --token-file FILE')
    const empty = await runInProcess(['verify'], { stdin: '\n' })
    expect(empty.stderr).toContain('Input "stdin": holds no token')
    const twoWords = await runInProcess(['verify'], { stdin: 'two tokens' })
    expect(twoWords.stderr).toContain('holds more than one word')
    const long = await runInProcess(['verify'], { stdin: 'x'.repeat(20_000) })
    expect(long.stderr).toContain('too long for a channel access token')
    const both = await runInProcess(['verify', '--token', 'a', '--token-file', 'b'])
    expect(both.stderr).toContain('give the token once')
    for (const result of [terminal, empty, twoWords, long, both]) expect(result.code).toBe(2)
  })

  it('refuses to read two things from stdin (exit 2)', async () => {
    const result = await runInProcess(['revoke', '--private-key-file', '-', '--token-key-id', 'k'], { env: { ...channel.env, LINE_PRIVATE_KEY_FILE: '' }, stdin: token })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('stdin can hold only one thing')
  })
})
