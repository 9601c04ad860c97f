// End to end: no secret ever reaches stderr — private key parameters and PEM lines, the
// channel secret, tokens — whether the secrets come from the environment or (with a
// warning each) from flags; the token appears only on issue's stdout, as requested.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { leakedIn, runBundled, secretsOf, startChannel, type Channel, type Result } from './support.js'

describe('bundled CLI: secrets stay off stderr', () => {
  let channel: Channel
  beforeAll(async () => {
    channel = await startChannel()
  })
  afterAll(() => channel.close())

  it('for every command, with secrets from the environment', async () => {
    const issued = await runBundled(['issue', '--json', '--ledger', 'file:ledger', '--debug'], { env: channel.env, cwd: channel.dir })
    expect(issued.code).toBe(0)
    const { access_token: token, key_id: keyId } = JSON.parse(issued.stdout) as { access_token: string; key_id: string }
    const secrets = secretsOf(channel, token)
    const tokenFile = join(channel.dir, 'token')
    writeFileSync(tokenFile, token)

    const results: Array<[string, Result]> = [
      ['issue', issued],
      ['list', await runBundled(['list', '--ledger', 'file:ledger', '--debug'], { env: channel.env, cwd: channel.dir })],
      ['verify', await runBundled(['verify', '--token-file', tokenFile, '--debug'], { env: channel.env })],
      ['revoke-all dry run', await runBundled(['revoke-all', '--ledger', 'file:ledger', '--dry-run', '--debug'], { env: channel.env, cwd: channel.dir })],
      ['revoke', await runBundled(['revoke', `--token-key-id=${keyId}`, '--ledger', 'file:ledger', '--debug'], { env: channel.env, cwd: channel.dir, stdin: token })],
      ['verify after revoke (error)', await runBundled(['verify', '--debug'], { env: channel.env, stdin: token })],
      ['bad key', await runBundled(['list'], { env: { ...channel.env, LINE_PRIVATE_KEY_FILE: '', LINE_PRIVATE_KEY: channel.key.shapes.jwx.replace('"RSA"', '"EC"') } })]
    ]
    for (const [name, result] of results) {
      expect({ name, leaked: leakedIn(result.stderr, secrets) }).toEqual({ name, leaked: [] })
      if (name !== 'issue') expect({ name, stdout: result.stdout.includes(token) }).toEqual({ name, stdout: false })
    }
    expect(results.map(([, result]) => result.code)).toEqual([0, 0, 0, 0, 0, 1, 2])
  })

  it('with secrets given as flags: each is accepted with a warning naming the safer form', async () => {
    const { accessToken, keyId } = channel.emulator.seedToken(channel.channelId, 600)
    const secrets = secretsOf(channel, accessToken)
    const flags = [
      '--channel-id',
      channel.channelId,
      '--api-base-url',
      channel.emulator.url,
      '--key-id',
      channel.kid,
      '--private-key',
      channel.key.shapes.jwx,
      '--channel-secret',
      channel.channelSecret,
      '--token',
      accessToken,
      `--token-key-id=${keyId}`
    ]
    const result = await runBundled(['revoke', ...flags])
    expect(result.code).toBe(0)
    expect(result.stderr).toContain('warning: --private-key puts the private key in your shell history and the process list. Use LINE_PRIVATE_KEY or LINE_PRIVATE_KEY_FILE=FILE')
    expect(result.stderr).toContain('warning: --channel-secret puts the channel secret in your shell history and the process list. Use LINE_CHANNEL_SECRET or LINE_CHANNEL_SECRET_FILE=FILE')
    expect(result.stderr).toContain('warning: --token puts the token in your shell history')
    expect(leakedIn(result.stderr, secrets)).toEqual([])
    expect(channel.emulator.activeKeyIds(channel.channelId)).not.toContain(keyId)
  })
})
