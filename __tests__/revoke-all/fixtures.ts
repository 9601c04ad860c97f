import type { LedgerEntry } from '../../src/ledger/types.js'

export const CHANNEL_ID = '1234567890'
export const NOW_MS = Date.parse('2025-06-01T12:00:00Z')

/** A ledger entry issued `hoursAgo` hours before NOW_MS. */
export function entry(keyId: string, hoursAgo: number, overrides: Partial<LedgerEntry> = {}): LedgerEntry {
  const issuedAtMs = NOW_MS - hoursAgo * 3_600_000
  return {
    channelId: CHANNEL_ID,
    keyId,
    accessToken: `token-of-${keyId}`,
    issuedAt: new Date(issuedAtMs).toISOString(),
    expiresAt: new Date(issuedAtMs + 7 * 86_400_000).toISOString(),
    ...overrides
  }
}
