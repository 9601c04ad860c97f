/**
 * revoke-all: read the ledger, list LINE's valid key IDs once, plan, revoke with bounded
 * concurrency and confirm, then tidy the ledger. Shared by the clean-up action and the CLI;
 * it logs per-token problems as warnings and throws only when it cannot start (the ledger
 * cannot be read, or the key IDs cannot be listed).
 */
import type { Clock } from '../clock.js'
import { messageOf } from '../errors.js'
import type { Ledger } from '../ledger/types.js'
import type { Logger } from '../logger.js'
import { mapWithConcurrency } from '../concurrency.js'
import { MAX_ACTIVE_V21_TOKENS, revokeAndConfirm, type RevokeOutcome, type RevokeStatus } from '../revoke.js'
import type { LineSession } from '../session.js'
import { REASON_TEXT, planRevokeAll, type PlanItem, type PlanReason } from './plan.js'

export const DEFAULT_REVOKE_CONCURRENCY = 10

export type RevokeAllFate =
  /** Revoked, and its key ID is no longer listed. */
  | 'revoked'
  /** Spared by `keep` or `older-than`. */
  | 'kept'
  /** Not listed any more; its ledger record was removed. */
  | 'pruned'
  /** Not listed any more, but removing its ledger record failed (the next run tries again). */
  | 'prune-failed'
  /** Listed, no ledger record: issued elsewhere, cannot be revoked without the token. */
  | 'unknown'
  /** The revoke call failed. */
  | 'failed'
  /** LINE answered the revoke call, but the key ID is still listed. */
  | 'still-listed'
  /** LINE answered the revoke call, but listing again failed. */
  | 'unconfirmed'
  /** Dry run: would be revoked. */
  | 'would-revoke'
  /** Dry run: would be pruned from the ledger. */
  | 'would-prune'

export interface RevokeAllItem {
  keyId: string
  fate: RevokeAllFate
  /** Why the plan chose this (see REASON_TEXT). */
  reason: PlanReason
  /** From the ledger record, when there is one. */
  issuedAt?: string
  expiresAt?: string
  /** What went wrong: the revoke, the confirmation, or the ledger update. Never holds a token. */
  error?: string
}

export interface RevokeAllCounts {
  revoked: number
  kept: number
  pruned: number
  unknown: number
  /** Confirmed failures: failed or still-listed. */
  failed: number
  unconfirmed: number
  /** Valid v2.1 tokens of the channel after the run; undefined if the confirming list failed. */
  active: number | undefined
}

export interface RevokeAllReport {
  channelId: string
  dryRun: boolean
  ledger: string
  keep: number
  olderThanSeconds?: number
  /** Ledger entries newest first, then unknown key IDs. */
  items: RevokeAllItem[]
  counts: RevokeAllCounts
  /** Valid v2.1 key IDs when the run started. */
  activeBefore: number
  maxActive: number
}

export interface RunRevokeAllOptions {
  session: LineSession
  ledger: Ledger
  channelId: string
  channelSecret: string
  /** Keep the newest N valid ledger entries. */
  keep: number
  /** Only revoke entries issued at least this long ago; undefined = any age. */
  olderThanSeconds?: number
  dryRun: boolean
  clock: Clock
  logger: Logger
  /** Revoke calls (and ledger removals) in flight at once. */
  concurrency?: number
  /** Called with each token read from the ledger before anything else happens, so the caller can mask it. */
  onToken?: (accessToken: string) => void
}

export async function runRevokeAll(options: RunRevokeAllOptions): Promise<RevokeAllReport> {
  const { session, ledger, channelId, channelSecret, keep, olderThanSeconds, dryRun, clock, logger, onToken } = options
  const concurrency = options.concurrency ?? DEFAULT_REVOKE_CONCURRENCY

  // Ledger first, then LINE: a token issued and recorded in between then shows up as
  // "unknown" (harmless) instead of as a ledger entry that is "not listed" and gets pruned.
  const entries = await ledger.list(channelId)
  for (const entry of entries) onToken?.(entry.accessToken)
  const validKeyIds = await session.listValidKeyIds()

  const plan = planRevokeAll({ validKeyIds, entries, keep, olderThanSeconds, nowMs: clock.now() })
  logger.info(
    `${ledger.description}: ${entries.length} recorded token(s); LINE lists ${validKeyIds.length} of ${MAX_ACTIVE_V21_TOKENS} valid. ` +
      `Plan: revoke ${plan.toRevoke.length}, keep ${plan.toKeep.length}, prune ${plan.toPrune.length}, unknown ${plan.unknownKeyIds.length}.`
  )
  for (const keyId of plan.unknownKeyIds) logger.info(`Key ID ${keyId}: ${REASON_TEXT['not-in-ledger']}.`)

  const base = { channelId, dryRun, ledger: ledger.description, keep, olderThanSeconds, activeBefore: validKeyIds.length, maxActive: MAX_ACTIVE_V21_TOKENS }
  if (dryRun) {
    const items = plan.items.map((item) => toItem(item, dryRunFate(item)))
    return { ...base, items, counts: count(items, validKeyIds.length) }
  }

  const revokeReport = await revokeAndConfirm({ session, channelSecret, tokens: plan.toRevoke, logger, validKeyIds, concurrency })
  const outcomes = new Map(revokeReport.outcomes.map((outcome) => [outcome.keyId, outcome]))

  // Only records whose key ID is confirmed gone leave the ledger; anything in doubt stays for the next run.
  const items = plan.items.map((item) => toItem(item, settledFate(item, outcomes), outcomes.get(item.keyId)?.error))
  const goneFromLedger = items.filter((item) => item.fate === 'revoked' || item.fate === 'pruned')
  await mapWithConcurrency(goneFromLedger, concurrency, async (item) => {
    try {
      await ledger.remove(channelId, item.keyId)
    } catch (error) {
      item.error = `its ledger record could not be removed (the next run tries again): ${messageOf(error)}`
      if (item.fate === 'pruned') item.fate = 'prune-failed'
    }
  })

  for (const item of items) warnAbout(item, logger)
  return { ...base, items, counts: count(items, revokeReport.activeAfter) }
}

/** The fate in words, for logs and the job summary. */
export const FATE_TEXT: Record<RevokeAllFate, string> = {
  revoked: 'revoked',
  kept: 'kept',
  pruned: 'pruned from the ledger',
  'prune-failed': 'no longer listed, ledger record not removed',
  unknown: 'unknown',
  failed: 'revoke failed',
  'still-listed': 'still listed after revoking',
  unconfirmed: 'revoked, not confirmed',
  'would-revoke': 'would be revoked',
  'would-prune': 'would be pruned from the ledger'
}

function dryRunFate(item: PlanItem): RevokeAllFate {
  switch (item.fate) {
    case 'revoke':
      return 'would-revoke'
    case 'prune':
      return 'would-prune'
    case 'keep':
      return 'kept'
    case 'unknown':
      return 'unknown'
  }
}

/** What revokeAndConfirm found, as a fate. 'already-gone' cannot happen with the list we pass it; were it to, the key ID is gone all the same. */
const REVOKE_FATE: Record<RevokeStatus, RevokeAllFate> = {
  revoked: 'revoked',
  'already-gone': 'pruned',
  'still-listed': 'still-listed',
  unconfirmed: 'unconfirmed',
  failed: 'failed'
}

function settledFate(item: PlanItem, outcomes: ReadonlyMap<string, RevokeOutcome>): RevokeAllFate {
  if (item.fate === 'keep') return 'kept'
  if (item.fate === 'prune') return 'pruned'
  if (item.fate === 'unknown') return 'unknown'
  // revokeAndConfirm answers with one outcome per token it was given.
  return REVOKE_FATE[(outcomes.get(item.keyId) as RevokeOutcome).status]
}

function toItem(item: PlanItem, fate: RevokeAllFate, error?: string): RevokeAllItem {
  return { keyId: item.keyId, fate, reason: item.reason, issuedAt: item.entry?.issuedAt, expiresAt: item.entry?.expiresAt, error }
}

function warnAbout(item: RevokeAllItem, logger: Logger): void {
  if (!item.error) return
  logger.warning(`Key ID ${item.keyId}: ${FATE_TEXT[item.fate]}: ${item.error}`)
}

function count(items: readonly RevokeAllItem[], active: number | undefined): RevokeAllCounts {
  const n = (...fates: RevokeAllFate[]): number => items.filter((item) => fates.includes(item.fate)).length
  return {
    revoked: n('revoked'),
    kept: n('kept'),
    pruned: n('pruned'),
    unknown: n('unknown'),
    failed: n('failed', 'still-listed'),
    unconfirmed: n('unconfirmed'),
    active
  }
}
