import { describe, expect, it } from '@jest/globals'
import { planRevokeAll } from '../../src/revoke-all/plan.js'
import { NOW_MS, entry } from './fixtures.js'

describe('planRevokeAll: every ledger entry valid, no keep, no older-than', () => {
  it('revokes them all, newest first', () => {
    const entries = [entry('a', 3), entry('b', 1), entry('c', 2)]
    const plan = planRevokeAll({ validKeyIds: ['a', 'b', 'c'], entries, keep: 0, nowMs: NOW_MS })

    expect(plan.items.map((i) => [i.keyId, i.fate, i.reason])).toEqual([
      ['b', 'revoke', 'selected'],
      ['c', 'revoke', 'selected'],
      ['a', 'revoke', 'selected']
    ])
    expect(plan.toRevoke.map((e) => e.keyId)).toEqual(['b', 'c', 'a'])
    expect(plan.toKeep).toEqual([])
    expect(plan.toPrune).toEqual([])
    expect(plan.unknownKeyIds).toEqual([])
  })

  it('plans nothing for an empty ledger and no valid key IDs', () => {
    const plan = planRevokeAll({ validKeyIds: [], entries: [], keep: 3, olderThanSeconds: 60, nowMs: NOW_MS })
    expect(plan).toEqual({ items: [], toRevoke: [], toKeep: [], toPrune: [], unknownKeyIds: [] })
  })
})
