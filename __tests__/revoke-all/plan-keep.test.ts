import { describe, expect, it } from '@jest/globals'
import { planRevokeAll } from '../../src/revoke-all/plan.js'
import { NOW_MS, entry } from './fixtures.js'

describe('planRevokeAll: keep the newest N valid entries', () => {
  const entries = [entry('old', 30), entry('mid', 20), entry('new', 10)]

  it('keep 1 keeps the newest and revokes the other two', () => {
    const plan = planRevokeAll({ validKeyIds: ['old', 'mid', 'new'], entries, keep: 1, nowMs: NOW_MS })
    expect(plan.toKeep.map((e) => e.keyId)).toEqual(['new'])
    expect(plan.items.find((i) => i.keyId === 'new')?.reason).toBe('newest')
    expect(plan.toRevoke.map((e) => e.keyId)).toEqual(['mid', 'old'])
  })

  it('counts only VALID entries towards keep: a gone newest entry is pruned, not kept', () => {
    const plan = planRevokeAll({ validKeyIds: ['old', 'mid'], entries, keep: 1, nowMs: NOW_MS })
    expect(plan.toPrune.map((e) => e.keyId)).toEqual(['new'])
    expect(plan.toKeep.map((e) => e.keyId)).toEqual(['mid'])
    expect(plan.toRevoke.map((e) => e.keyId)).toEqual(['old'])
  })

  it('keep larger than the ledger keeps everything', () => {
    const plan = planRevokeAll({ validKeyIds: ['old', 'mid', 'new'], entries, keep: 10, nowMs: NOW_MS })
    expect(plan.toKeep).toHaveLength(3)
    expect(plan.toRevoke).toEqual([])
  })

  it('unknown key IDs do not count towards keep (they have no issue time)', () => {
    const plan = planRevokeAll({ validKeyIds: ['elsewhere', 'old', 'mid', 'new'], entries, keep: 1, nowMs: NOW_MS })
    expect(plan.unknownKeyIds).toEqual(['elsewhere'])
    expect(plan.toKeep.map((e) => e.keyId)).toEqual(['new'])
  })

  it('breaks ties in issuedAt by key ID, so the plan is deterministic', () => {
    const tied = [entry('z', 5), entry('y', 5)]
    const plan = planRevokeAll({ validKeyIds: ['y', 'z'], entries: tied, keep: 1, nowMs: NOW_MS })
    expect(plan.toKeep.map((e) => e.keyId)).toEqual(['y'])
    expect(plan.toRevoke.map((e) => e.keyId)).toEqual(['z'])
  })

  it('sorts an entry with an unreadable issue time as the oldest, so keep never picks it', () => {
    const broken = entry('broken', 0, { issuedAt: '' })
    const plan = planRevokeAll({ validKeyIds: ['broken', 'old'], entries: [broken, entry('old', 40)], keep: 1, nowMs: NOW_MS })
    expect(plan.toKeep.map((e) => e.keyId)).toEqual(['old'])
    expect(plan.toRevoke).toEqual([broken])
  })
})
