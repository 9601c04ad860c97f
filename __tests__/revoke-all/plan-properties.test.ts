import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { planRevokeAll } from '../../src/revoke-all/plan.js'
import { NOW_MS, entry } from './fixtures.js'

describe('planRevokeAll: invariants over random ledgers', () => {
  it('every key ID gets exactly one fate; revoke and keep only for valid ones; keep bounds hold', () => {
    const keyIds = fc.uniqueArray(fc.constantFrom(...'abcdefghijklmnop'.split('')), { maxLength: 16 })
    fc.assert(
      fc.property(
        keyIds,
        keyIds,
        fc.array(fc.integer({ min: -2, max: 48 }), { minLength: 16, maxLength: 16 }),
        fc.nat({ max: 6 }),
        fc.option(fc.integer({ min: 1, max: 48 * 3600 }), { nil: undefined }),
        (ledgerIds, validKeyIds, ages, keep, olderThanSeconds) => {
          const entries = ledgerIds.map((id, i) => entry(id, ages[i]))
          const plan = planRevokeAll({ validKeyIds, entries, keep, olderThanSeconds, nowMs: NOW_MS })
          const valid = new Set(validKeyIds)

          const all = new Set([...ledgerIds, ...validKeyIds])
          expect(plan.items.map((i) => i.keyId).sort()).toEqual([...all].sort())
          for (const item of plan.items) {
            if (item.fate === 'revoke' || item.fate === 'keep') expect(valid.has(item.keyId)).toBe(true)
            if (item.fate === 'prune') expect(valid.has(item.keyId)).toBe(false)
            if (item.fate === 'unknown') expect(ledgerIds.includes(item.keyId)).toBe(false)
          }
          const validRecorded = entries.filter((e) => valid.has(e.keyId))
          const keptNewest = plan.items.filter((i) => i.reason === 'newest').length
          expect(keptNewest).toBe(Math.min(keep, validRecorded.length))
          // No revoked entry is newer than a kept-as-newest one.
          const newestKept = plan.items.filter((i) => i.reason === 'newest').map((i) => Date.parse(i.entry!.issuedAt))
          for (const revoked of plan.toRevoke) {
            for (const kept of newestKept) expect(Date.parse(revoked.issuedAt)).toBeLessThanOrEqual(kept)
            if (olderThanSeconds !== undefined) expect(NOW_MS - Date.parse(revoked.issuedAt)).toBeGreaterThanOrEqual(olderThanSeconds * 1000)
          }
        }
      )
    )
  })
})
