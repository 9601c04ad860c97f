import { describe, expect, it } from '@jest/globals'
import { planRevokeAll } from '../../src/revoke-all/plan.js'
import { NOW_MS, entry } from './fixtures.js'

describe('planRevokeAll: ledger and LINE disagree', () => {
  it('prunes entries LINE no longer lists and reports listed key IDs with no entry as unknown', () => {
    const entries = [entry('gone', 2), entry('live', 1)]
    const plan = planRevokeAll({ validKeyIds: ['live', 'foreign-1', 'foreign-2'], entries, keep: 0, nowMs: NOW_MS })

    expect(plan.items.map((i) => [i.keyId, i.fate, i.reason])).toEqual([
      ['live', 'revoke', 'selected'],
      ['gone', 'prune', 'not-listed'],
      ['foreign-1', 'unknown', 'not-in-ledger'],
      ['foreign-2', 'unknown', 'not-in-ledger']
    ])
    expect(plan.toPrune.map((e) => e.keyId)).toEqual(['gone'])
    expect(plan.unknownKeyIds).toEqual(['foreign-1', 'foreign-2'])
    expect(plan.items.find((i) => i.fate === 'unknown')?.entry).toBeUndefined()
  })

  it('uses the first record when a backend returns a key ID twice, and lists a repeated valid key ID once', () => {
    const first = entry('dup', 3)
    const second = entry('dup', 1, { accessToken: 'other' })
    const plan = planRevokeAll({ validKeyIds: ['dup', 'x', 'x'], entries: [first, second], keep: 0, nowMs: NOW_MS })
    expect(plan.toRevoke).toEqual([first])
    expect(plan.unknownKeyIds).toEqual(['x'])
  })
})
