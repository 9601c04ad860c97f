// End to end: every command of the bundled CLI, as a child process against an in-process
// emulator, with each exit code it can give (keygen and emulator have no LINE call: 0 and 2).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { runBundled, startChannel, type Channel } from './support.js'

describe('bundled CLI: commands and exit codes', () => {
  let channel: Channel
  beforeAll(async () => {
    channel = await startChannel()
  })
  afterAll(() => channel.close())

  describe('issue', () => {
    it('0: prints only the token', async () => {
      const result = await runBundled(['issue', '--lifetime', '10m'], { env: channel.env })
      expect(result.code).toBe(0)
      expect(result.stdout).toMatch(/^\S+\n$/)
    })
    it('1: LINE refuses an unregistered key ID', async () => {
      const result = await runBundled(['issue'], { env: { ...channel.env, LINE_KEY_ID: 'not-registered' } })
      expect(result.code).toBe(1)
      expect(result.stderr).toMatch(/^line-token issue: LINE API: issue a v2.1 token failed: HTTP 404/)
    })
    it('2: a bad lifetime, before anything is sent', async () => {
      const result = await runBundled(['issue', '--lifetime', '0'], { env: channel.env })
      expect(result.code).toBe(2)
      expect(result.stderr).toContain('Input "--lifetime"')
    })
  })

  describe('list', () => {
    it('0: the valid key IDs', async () => {
      const { keyId } = channel.emulator.seedToken(channel.channelId, 600)
      const result = await runBundled(['list'], { env: channel.env })
      expect(result.code).toBe(0)
      expect(result.stdout.split('\n')).toContain(keyId)
    })
    it('1: LINE answers with an error', async () => {
      channel.emulator.addFault({ path: '/oauth2/v2.1/tokens/kid', responses: [{ status: 400 }] })
      const result = await runBundled(['list'], { env: channel.env })
      expect(result.code).toBe(1)
      expect(result.stderr).toContain('HTTP 400')
    })
    it('2: no channel ID', async () => {
      const result = await runBundled(['list'], { env: { ...channel.env, LINE_CHANNEL_ID: '' } })
      expect(result.code).toBe(2)
      expect(result.stderr).toContain('the channel ID is required')
    })
  })

  describe('verify', () => {
    it('0: the token from stdin', async () => {
      const { accessToken } = channel.emulator.seedToken(channel.channelId, 600)
      const result = await runBundled(['verify'], { env: channel.env, stdin: `${accessToken}\n` })
      expect(result.code).toBe(0)
      expect(result.stdout).toContain(`channel ${channel.channelId}`)
    })
    it('1: a token LINE does not know', async () => {
      const result = await runBundled(['verify'], { env: channel.env, stdin: 'unknown-token' })
      expect(result.code).toBe(1)
    })
    it('2: nothing on stdin', async () => {
      const result = await runBundled(['verify'], { env: channel.env, stdin: '' })
      expect(result.code).toBe(2)
      expect(result.stderr).toContain('holds no token')
    })
  })

  describe('revoke', () => {
    it('0: revoked and confirmed', async () => {
      const { accessToken, keyId } = channel.emulator.seedToken(channel.channelId, 600)
      const result = await runBundled(['revoke', `--token-key-id=${keyId}`], { env: channel.env, stdin: accessToken })
      expect(result.code).toBe(0)
      expect(channel.emulator.activeKeyIds(channel.channelId)).not.toContain(keyId)
    })
    it('1: LINE refuses the revoke', async () => {
      const { accessToken, keyId } = channel.emulator.seedToken(channel.channelId, 600)
      channel.emulator.addFault({ path: '/oauth2/v2.1/revoke', responses: [{ status: 400 }] })
      const result = await runBundled(['revoke', `--token-key-id=${keyId}`], { env: channel.env, stdin: accessToken })
      expect(result.code).toBe(1)
      expect(result.stderr).toContain('is not confirmed')
    })
    it('2: no channel secret', async () => {
      const result = await runBundled(['revoke'], { env: { ...channel.env, LINE_CHANNEL_SECRET: '' }, stdin: 'a-token' })
      expect(result.code).toBe(2)
    })
  })

  describe('revoke-all', () => {
    it('0: revokes what the ledger recorded', async () => {
      const issued = await runBundled(['issue', '--ledger', 'file:ledger', '--json'], { env: channel.env, cwd: channel.dir })
      const { key_id } = JSON.parse(issued.stdout) as { key_id: string }
      const result = await runBundled(['revoke-all', '--ledger', 'file:ledger'], { env: channel.env, cwd: channel.dir })
      expect(result.code).toBe(0)
      expect(result.stdout).toContain(`${key_id}  revoked`)
      expect(channel.emulator.activeKeyIds(channel.channelId)).not.toContain(key_id)
    })
    it('1: the ledger cannot be read with this channel secret', async () => {
      await runBundled(['issue', '--ledger', 'file:ledger'], { env: channel.env, cwd: channel.dir })
      const result = await runBundled(['revoke-all', '--ledger', `file:${join(channel.dir, 'ledger')}`], {
        env: { ...channel.env, LINE_CHANNEL_SECRET: 'not-the-channel-secret' }
      })
      expect(result.code).toBe(1)
      expect(result.stderr.trim().split('\n')).toHaveLength(1)
    })
    it('2: no --ledger', async () => {
      const result = await runBundled(['revoke-all', '--dry-run'], { env: channel.env })
      expect(result.code).toBe(2)
    })
  })

  describe('keygen', () => {
    it('0 and 2 (no --out)', async () => {
      expect((await runBundled(['keygen', '--out', 'k.json'], { cwd: channel.dir })).code).toBe(0)
      expect((await runBundled(['keygen'])).code).toBe(2)
    })
  })

  describe('the program', () => {
    it('0 for --help and --version, 2 for an unknown command', async () => {
      expect((await runBundled(['--help'])).code).toBe(0)
      expect((await runBundled(['revoke-all', '--help'])).stdout).toContain('Examples:')
      expect((await runBundled(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/)
      expect((await runBundled(['frobnicate'])).code).toBe(2)
    })
  })
})
