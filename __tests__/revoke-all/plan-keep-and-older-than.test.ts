import { describe, expect, it } from '@jest/globals'
import { planRevokeAll } from '../../src/revoke-all/plan.js'
import { NOW_MS, entry } from './fixtures.js'

describe('planRevokeAll: keep and older-than together', () => {
  it('keeps the newest N, then spares whatever else is too recent', () => {
    const entries = [entry('a', 1), entry('b', 2), entry('c', 8), entry('d', 12)]
    const plan = planRevokeAll({ validKeyIds: ['a', 'b', 'c', 'd'], entries, keep: 1, olderThanSeconds: 6 * 3600, nowMs: NOW_MS })
    expect(plan.items.map((i) => [i.keyId, i.fate, i.reason])).toEqual([
      ['a', 'keep', 'newest'],
      ['b', 'keep', 'too-recent'],
      ['c', 'revoke', 'selected'],
      ['d', 'revoke', 'selected']
    ])
  })

  it('keep still holds back old tokens when every valid entry is older than older-than', () => {
    const entries = [entry('a', 10), entry('b', 20)]
    const plan = planRevokeAll({ validKeyIds: ['a', 'b'], entries, keep: 1, olderThanSeconds: 3600, nowMs: NOW_MS })
    expect(plan.toKeep.map((e) => e.keyId)).toEqual(['a'])
    expect(plan.toRevoke.map((e) => e.keyId)).toEqual(['b'])
  })
})
