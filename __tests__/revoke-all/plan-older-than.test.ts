import { describe, expect, it } from '@jest/globals'
import { planRevokeAll } from '../../src/revoke-all/plan.js'
import { NOW_MS, entry } from './fixtures.js'

describe('planRevokeAll: older-than spares recently issued entries', () => {
  const entries = [entry('h1', 1), entry('h5', 5), entry('h6', 6), entry('h9', 9)]
  const valid = ['h1', 'h5', 'h6', 'h9']

  it('older-than 6h revokes entries issued 6h ago or earlier and keeps the rest', () => {
    const plan = planRevokeAll({ validKeyIds: valid, entries, keep: 0, olderThanSeconds: 6 * 3600, nowMs: NOW_MS })
    expect(plan.toRevoke.map((e) => e.keyId)).toEqual(['h6', 'h9'])
    expect(plan.items.filter((i) => i.fate === 'keep').map((i) => [i.keyId, i.reason])).toEqual([
      ['h1', 'too-recent'],
      ['h5', 'too-recent']
    ])
  })

  it('an entry issued in the future (clock skew) counts as recent', () => {
    const plan = planRevokeAll({ validKeyIds: ['f'], entries: [entry('f', -1)], keep: 0, olderThanSeconds: 60, nowMs: NOW_MS })
    expect(plan.toKeep.map((e) => e.keyId)).toEqual(['f'])
  })

  it('keeps an entry whose issue time is unreadable when older-than is set, and revokes it otherwise', () => {
    const broken = entry('x', 0, { issuedAt: 'not a date' })
    const guarded = planRevokeAll({ validKeyIds: ['x'], entries: [broken], keep: 0, olderThanSeconds: 60, nowMs: NOW_MS })
    expect(guarded.items).toEqual([{ keyId: 'x', fate: 'keep', reason: 'issued-at-unreadable', entry: broken }])

    const unguarded = planRevokeAll({ validKeyIds: ['x'], entries: [broken], keep: 0, nowMs: NOW_MS })
    expect(unguarded.toRevoke).toEqual([broken])
  })
})
