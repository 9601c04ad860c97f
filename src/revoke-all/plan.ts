/**
 * The revoke-all planner: pure, no I/O. Given the key IDs LINE lists as valid and the
 * channel's ledger entries, it decides each key ID's fate and says why, so the run can act
 * on it and a dry run can show it unchanged.
 */
import type { LedgerEntry } from '../ledger/types.js'

export type PlannedFate =
  /** In the ledger and listed as valid: revoke it with the stored token. */
  | 'revoke'
  /** In the ledger and listed as valid, but spared by `keep` or `older-than`. */
  | 'keep'
  /** In the ledger but no longer listed (expired or revoked elsewhere): drop the record. */
  | 'prune'
  /** Listed as valid but not in the ledger: issued elsewhere, cannot be revoked without the token. */
  | 'unknown'

export type PlanReason =
  /** Among the newest `keep` valid ledger entries. */
  | 'newest'
  /** Issued less than `older-than` ago. */
  | 'too-recent'
  /** `older-than` is set and the entry's issue time cannot be read, so its age is unknown. */
  | 'issued-at-unreadable'
  /** Revoke: nothing spares it. */
  | 'selected'
  /** Prune: not listed by LINE any more. */
  | 'not-listed'
  /** Unknown: listed by LINE, no ledger record. */
  | 'not-in-ledger'

export interface PlanItem {
  keyId: string
  fate: PlannedFate
  reason: PlanReason
  /** Absent only for `unknown`. */
  entry?: LedgerEntry
}

export interface RevokeAllPlan {
  /** Ledger entries newest first, then unknown key IDs in LINE's order. */
  items: PlanItem[]
  toRevoke: LedgerEntry[]
  toKeep: LedgerEntry[]
  toPrune: LedgerEntry[]
  unknownKeyIds: string[]
}

export interface PlanInput {
  validKeyIds: readonly string[]
  entries: readonly LedgerEntry[]
  /** Keep the newest N valid ledger entries (by issuedAt). */
  keep: number
  /** Only revoke entries issued at least this long ago; undefined = any age. */
  olderThanSeconds?: number
  nowMs: number
}

export const REASON_TEXT: Record<PlanReason, string> = {
  newest: 'among the newest tokens kept by "keep"',
  'too-recent': 'issued more recently than "older-than"',
  'issued-at-unreadable': 'its issue time in the ledger is unreadable, so "older-than" cannot be checked',
  selected: 'listed as valid and recorded in the ledger',
  'not-listed': 'no longer listed by LINE (expired or already revoked)',
  'not-in-ledger': 'issued elsewhere, cannot be revoked without the token'
}

export function planRevokeAll(input: PlanInput): RevokeAllPlan {
  const { validKeyIds, keep, olderThanSeconds, nowMs } = input
  const valid = new Set(validKeyIds)
  const entries = newestFirst(uniqueByKeyId(input.entries))

  const items: PlanItem[] = []
  let keptNewest = 0
  for (const entry of entries) {
    const { keyId } = entry
    if (!valid.has(keyId)) {
      items.push({ keyId, fate: 'prune', reason: 'not-listed', entry })
    } else if (keptNewest < keep) {
      // `entries` is newest first, so the first `keep` valid ones are the newest.
      keptNewest++
      items.push({ keyId, fate: 'keep', reason: 'newest', entry })
    } else {
      const spared = olderThanReason(entry, olderThanSeconds, nowMs)
      items.push(spared ? { keyId, fate: 'keep', reason: spared, entry } : { keyId, fate: 'revoke', reason: 'selected', entry })
    }
  }

  const recorded = new Set(entries.map((entry) => entry.keyId))
  const unknownKeyIds = [...new Set(validKeyIds)].filter((keyId) => !recorded.has(keyId))
  for (const keyId of unknownKeyIds) items.push({ keyId, fate: 'unknown', reason: 'not-in-ledger' })

  const withFate = (fate: PlannedFate): LedgerEntry[] => items.filter((item) => item.fate === fate).map((item) => item.entry as LedgerEntry)
  return { items, toRevoke: withFate('revoke'), toKeep: withFate('keep'), toPrune: withFate('prune'), unknownKeyIds }
}

/** Why `older-than` spares this entry, or undefined when it does not. */
function olderThanReason(entry: LedgerEntry, olderThanSeconds: number | undefined, nowMs: number): PlanReason | undefined {
  if (olderThanSeconds === undefined) return undefined
  const issuedAtMs = Date.parse(entry.issuedAt)
  // Erring on the side of keeping: the point of older-than is not to pull a token from a job still using it.
  if (Number.isNaN(issuedAtMs)) return 'issued-at-unreadable'
  return nowMs - issuedAtMs < olderThanSeconds * 1000 ? 'too-recent' : undefined
}

/** One record per key ID is the ledger's layout; should a backend ever return two, the first wins. */
function uniqueByKeyId(entries: readonly LedgerEntry[]): LedgerEntry[] {
  const seen = new Set<string>()
  return entries.filter((entry) => !seen.has(entry.keyId) && seen.add(entry.keyId))
}

/** Newest issuedAt first; unreadable times sort last; ties by key ID so the plan is deterministic. */
function newestFirst(entries: LedgerEntry[]): LedgerEntry[] {
  const time = (entry: LedgerEntry): number => {
    const ms = Date.parse(entry.issuedAt)
    return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms
  }
  // Key IDs are unique here (uniqueByKeyId), so the tie-break never sees two equal ones.
  return [...entries].sort((a, b) => time(b) - time(a) || (a.keyId < b.keyId ? -1 : 1))
}
