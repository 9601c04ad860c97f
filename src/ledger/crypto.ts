/**
 * Token encryption for ledger records: JWE compact, `dir` + `A256GCM`, under a key derived
 * from the channel secret. Whoever can read a token from the ledger could revoke it anyway
 * (revoking needs the channel secret), and nobody else can.
 */
import { hkdfSync } from 'node:crypto'
import { CompactEncrypt, compactDecrypt, errors } from 'jose'
import { LedgerError } from './types.js'

/** Fixed project salt: HKDF's salt need not be secret, only constant. */
const SALT = 'line-channel-access-token-action/ledger/salt/v1'
/** Domain separation: this key is for ledger records of one channel and nothing else. */
const INFO_PREFIX = 'line-channel-access-token-action/ledger/v1'

/** Header parameter naming the record format, so a JWE from elsewhere is never taken for ours. */
const FORMAT = 'line-token-ledger/v1'

/** HKDF-SHA256(ikm = channel secret, fixed salt, info = prefix + channel ID) → 32 bytes. */
export function deriveLedgerKey(channelSecret: string, channelId: string): Uint8Array {
  if (!channelSecret) throw new LedgerError('the ledger needs the channel secret to encrypt and decrypt tokens: set `channel-secret`')
  return new Uint8Array(hkdfSync('sha256', channelSecret, SALT, `${INFO_PREFIX}\0channel:${channelId}`, 32))
}

/** Where a record lives and whom it belongs to, for binding and for error messages. */
export interface RecordBinding {
  channelId: string
  keyId: string
  /** Human location of the record, e.g. "file:/ledger/123/abc.json". */
  where: string
  /** ISO time the token expires, to tell the user how long an unreadable record matters. */
  expiresAt?: string
}

/**
 * Encrypt a token. The channel and key ID go into the protected header, which AES-GCM
 * authenticates, so a record copied to another key ID or channel fails to open.
 */
export async function encryptToken(token: string, channelSecret: string, channelId: string, keyId: string): Promise<string> {
  const key = deriveLedgerKey(channelSecret, channelId)
  return new CompactEncrypt(new TextEncoder().encode(token))
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', fmt: FORMAT, channelId, keyId })
    .encrypt(key)
}

/** Decrypt a token; any failure is a LedgerError that says what to do and never shows data. */
export async function decryptToken(jwe: string, channelSecret: string, binding: RecordBinding): Promise<string> {
  const key = deriveLedgerKey(channelSecret, binding.channelId)
  let result: Awaited<ReturnType<typeof compactDecrypt>>
  try {
    result = await compactDecrypt(jwe, key, { keyManagementAlgorithms: ['dir'], contentEncryptionAlgorithms: ['A256GCM'] })
  } catch (error) {
    if (error instanceof errors.JWEDecryptionFailed) throw wrongSecretError(binding)
    throw new LedgerError(
      `the ledger record for key ID ${binding.keyId} (${binding.where}) is corrupt: its token is not a valid encrypted value. ` +
        `Remove the record${expiryNote(binding)}.`
    )
  }
  const header = result.protectedHeader
  if (header.fmt !== FORMAT || header.channelId !== binding.channelId || header.keyId !== binding.keyId) {
    throw new LedgerError(
      `the ledger record for key ID ${binding.keyId} (${binding.where}) holds a token that was recorded for another channel or key ID: ` +
        `the record was copied or altered. Remove it${expiryNote(binding)}.`
    )
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(result.plaintext)
}

function wrongSecretError(binding: RecordBinding): LedgerError {
  return new LedgerError(
    `the ledger record for key ID ${binding.keyId} could not be decrypted with this channel secret: ` +
      `was the channel secret changed (reissued)? Records made with the old secret cannot be read; remove them ` +
      `(this one is ${binding.where}) and revoke those tokens another way, or let them expire${expiryNote(binding)}. ` +
      `If the secret did not change, the record was altered.`
  )
}

function expiryNote(binding: RecordBinding): string {
  return binding.expiresAt ? ` (the token expires at ${binding.expiresAt})` : ''
}
