// CONTRACT — the ledger's public shape. Implemented by the ledger helper.

/** The workflow run that issued a token (for audits); absent outside GitHub Actions. */
export interface IssuingRun {
  repository?: string
  workflow?: string
  job?: string
  runId?: string
  runAttempt?: string
  url?: string
}

/** A ledger entry as the code uses it: the token in clear. */
export interface LedgerEntry {
  channelId: string
  keyId: string
  accessToken: string
  /** ISO 8601 UTC. */
  issuedAt: string
  /** ISO 8601 UTC. */
  expiresAt: string
  run?: IssuingRun
}

/**
 * The ledger: one record per token, `<channel-id>/<key-id>.json`. The stored record keeps
 * metadata readable and the token JWE-encrypted (dir + A256GCM) under a key derived from the
 * channel secret (HKDF-SHA256, domain-separated info string).
 */
export interface Ledger {
  /** Human description for logs and summaries, e.g. "file:/var/ledger" or "github:o/r@line-token-ledger". Never holds a token. */
  readonly description: string
  /** Record a token. Idempotent for the same key ID. */
  put(entry: LedgerEntry): Promise<void>
  /** Remove a record; a missing record is not an error. */
  remove(channelId: string, keyId: string): Promise<void>
  /** Every record of the channel, decrypted. A record the channel secret cannot decrypt → LedgerError with a clear message. */
  list(channelId: string): Promise<LedgerEntry[]>
}

export { LedgerError } from '../errors.js'
