// revoke: confirmed through the key ID list when the key ID is known (--token-key-id or the
// ledger), sent but unconfirmed otherwise; exit 1 when it does not take effect.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { createHttpClientTransport, type Transport } from '../../src/http.js'
import { openLedger } from '../../src/ledger/index.js'
import { runInProcess, startChannel, type Channel } from './support.js'

/** A transport that answers the revoke call itself with `status`, so LINE never sees it. */
function swallowRevoke(status: number): Transport {
  const real = createHttpClientTransport('test')
  return async (request) =>
    request.url.endsWith('/oauth2/v2.1/revoke') ? { status, headers: {}, body: status === 200 ? '' : '{"message":"refused"}' } : real(request)
}

describe('line-token revoke', () => {
  let channel: Channel
  beforeAll(async () => {
    channel = await startChannel()
  })
  afterAll(() => channel.close())

  it('revokes and confirms with --token-key-id', async () => {
    const { accessToken, keyId } = channel.emulator.seedToken(channel.channelId, 3600)
    const result = await runInProcess(['revoke', `--token-key-id=${keyId}`, '--json'], { env: channel.env, stdin: accessToken })
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toEqual({ key_id: keyId, status: 'revoked', active: 0 })
    expect(result.stderr).toContain(`its key ID ${keyId} is no longer listed`)
    expect(channel.emulator.activeKeyIds(channel.channelId)).not.toContain(keyId)

    const again = await runInProcess(['revoke', `--token-key-id=${keyId}`], { env: channel.env, stdin: accessToken })
    expect(again.code).toBe(0)
    expect(again.stdout).toBe('')
    expect(again.stderr).toContain('already revoked or has expired')
  })

  it('sends the revoke without a key ID, saying it cannot be confirmed (no private key needed)', async () => {
    const { accessToken, keyId } = channel.emulator.seedToken(channel.channelId, 3600)
    const env = { ...channel.env, LINE_PRIVATE_KEY_FILE: '', LINE_KEY_ID: '' }
    const result = await runInProcess(['revoke', '--json'], { env, stdin: accessToken })
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toEqual({ key_id: null, status: 'sent-unconfirmed' })
    expect(result.stderr).toContain('cannot be confirmed')
    expect(result.stderr).toContain('--token-key-id KID')
    expect(channel.emulator.activeKeyIds(channel.channelId)).not.toContain(keyId)
  })

  it('finds the key ID in the ledger, confirms, and removes the record', async () => {
    const ledgerDir = join(channel.dir, 'ledger')
    const ledger = await openLedger(`file:${ledgerDir}`, { channelSecret: channel.channelSecret })
    const seeded = channel.emulator.seedToken(channel.channelId, 3600)
    const now = new Date().toISOString()
    await ledger.put({ channelId: channel.channelId, ...seeded, issuedAt: now, expiresAt: now })
    const result = await runInProcess(['revoke', '--ledger', 'file:ledger', '--token-key-id', 'mistaken-key-id'], { env: channel.env, stdin: seeded.accessToken, cwd: channel.dir })
    expect(result.code).toBe(0)
    expect(result.stderr).toContain(`the ledger recorded this token under key ID ${seeded.keyId}; using the ledger's`)
    expect(result.stderr).toContain(`Removed key ID ${seeded.keyId} from the ledger`)
    expect(await ledger.list(channel.channelId)).toEqual([])
    expect(channel.emulator.activeKeyIds(channel.channelId)).not.toContain(seeded.keyId)
  })

  it('says when the ledger has no record, and sends the revoke unconfirmed', async () => {
    const { accessToken } = channel.emulator.seedToken(channel.channelId, 3600)
    const result = await runInProcess(['revoke', '--ledger', 'file:ledger'], { env: channel.env, stdin: accessToken, cwd: channel.dir })
    expect(result.code).toBe(0)
    expect(result.stderr).toContain('has no record of this token')
    expect(result.stderr).toContain('cannot be confirmed')
  })

  it('exits 1 when the key ID is still listed after LINE accepted the revoke', async () => {
    const { accessToken, keyId } = channel.emulator.seedToken(channel.channelId, 3600)
    const result = await runInProcess(['revoke', `--token-key-id=${keyId}`], { env: channel.env, stdin: accessToken, io: { transport: swallowRevoke(200) } })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`Revoking the token with key ID ${keyId} is not confirmed: LINE accepted the revoke call, but the key ID is still listed`)
    expect(result.stderr).not.toContain(accessToken)
  })

  it('exits 1 when LINE refuses the revoke', async () => {
    const { accessToken, keyId } = channel.emulator.seedToken(channel.channelId, 3600)
    const confirmed = await runInProcess(['revoke', `--token-key-id=${keyId}`], { env: channel.env, stdin: accessToken, io: { transport: swallowRevoke(400) } })
    expect(confirmed).toMatchObject({ code: 1 })
    expect(confirmed.stderr).toContain('HTTP 400')
    const unconfirmed = await runInProcess(['revoke'], { env: channel.env, stdin: accessToken, io: { transport: swallowRevoke(400) } })
    expect(unconfirmed.code).toBe(1)
  })

  it('exits 2 without the channel secret or with a bad --token-key-id', async () => {
    const noSecret = await runInProcess(['revoke'], { env: { ...channel.env, LINE_CHANNEL_SECRET: '' }, stdin: 'some-token' })
    expect(noSecret.code).toBe(2)
    expect(noSecret.stderr).toContain("the channel secret is required to revoke: LINE's revoke call needs it")
    const badKid = await runInProcess(['revoke', '--token-key-id', 'has "quotes"'], { env: channel.env, stdin: 'some-token' })
    expect(badKid.code).toBe(2)
    expect(badKid.stderr).toContain('Input "--token-key-id"')
    const noChannel = await runInProcess(['revoke'], { env: { ...channel.env, LINE_CHANNEL_ID: '' }, stdin: 'some-token' })
    expect(noChannel.code).toBe(2)
  })
})
