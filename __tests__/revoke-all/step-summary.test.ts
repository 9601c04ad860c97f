import { describe, expect, it } from '@jest/globals'
import type { RevokeAllReport } from '../../src/revoke-all/run.js'
import { summaryOf } from '../../src/revoke-all/step.js'

const base: RevokeAllReport = {
  channelId: '1234567890',
  dryRun: false,
  ledger: 'file:/tmp/ledger',
  keep: 0,
  items: [],
  counts: { revoked: 0, kept: 0, pruned: 0, unknown: 0, failed: 0, unconfirmed: 0, active: 0 },
  activeBefore: 0,
  maxActive: 30
}

describe('summaryOf: edge cases of the job summary', () => {
  it('says there was nothing to do when the ledger and LINE hold no tokens', () => {
    const summary = summaryOf(base)
    expect(summary).toContain('No tokens: the ledger holds none for this channel and LINE lists none.')
    expect(summary).not.toContain('| Key ID |')
    expect(summary).toContain('revoke tokens of any age')
    expect(summary).toContain('**Active v2.1 tokens on the channel: 0 / 30.**')
  })

  it('says the active count is unknown when the confirming list failed, and shows older-than', () => {
    const summary = summaryOf({
      ...base,
      olderThanSeconds: 6 * 3600,
      activeBefore: 4,
      items: [{ keyId: 'k|1', fate: 'unconfirmed', reason: 'selected', issuedAt: '2025-01-01T00:00:00.000Z', expiresAt: '2025-01-02T00:00:00.000Z', error: 'listing failed\nbadly' }],
      counts: { ...base.counts, unconfirmed: 1, active: undefined }
    })
    expect(summary).toContain('**Active v2.1 tokens on the channel: unknown (listing key IDs after revoking failed; 4 before) / 30.**')
    expect(summary).toContain('revoke tokens issued at least 6h ago')
    // Pipes and newlines from values cannot break the table.
    expect(summary).toContain('| `k 1` | 2025-01-01T00:00:00.000Z | 2025-01-02T00:00:00.000Z | revoked, not confirmed | listed as valid and recorded in the ledger; listing failed badly |')
  })
})
