/**
 * Revoke v2.1 tokens and prove it. LINE's revoke answers 200 even when nothing was revoked,
 * so the only proof is the key ID leaving /oauth2/v2.1/tokens/kid: list, revoke what is
 * listed, list again. Used by the post step (one token), revoke-all and the CLI.
 */
import { mapWithConcurrency } from './concurrency.js'
import { messageOf } from './errors.js'
import type { Logger } from './logger.js'
import type { LineSession } from './session.js'

export const MAX_ACTIVE_V21_TOKENS = 30

export interface TokenToRevoke {
  keyId: string
  accessToken: string
}

export type RevokeStatus =
  /** Revoked, and its key ID is no longer listed. */
  | 'revoked'
  /** Its key ID was not listed before we started: already revoked or expired. No call made. */
  | 'already-gone'
  /** LINE answered the revoke call, but the key ID is still listed afterwards. */
  | 'still-listed'
  /** LINE answered the revoke call, but listing again failed, so it is not confirmed. */
  | 'unconfirmed'
  /** The revoke call failed (after the HTTP layer's retries). */
  | 'failed'

export interface RevokeOutcome {
  keyId: string
  status: RevokeStatus
  /** For failed / unconfirmed: what went wrong (LINE's status, text, request ID). */
  error?: string
}

export interface RevokeReport {
  outcomes: RevokeOutcome[]
  /** Valid v2.1 key IDs before, as listed. */
  activeBefore: number
  /** Valid v2.1 key IDs after, when the confirming list succeeded. */
  activeAfter?: number
  /** The key IDs listed after revoking (when the confirming list succeeded). */
  validKeyIdsAfter?: string[]
}

export interface RevokeOptions {
  session: LineSession
  channelSecret: string
  tokens: readonly TokenToRevoke[]
  logger: Logger
  /** Key IDs already listed by the caller (revoke-all lists once to plan); listed here otherwise. */
  validKeyIds?: readonly string[]
  /** Revoke calls in flight at once. */
  concurrency?: number
}

/** Throws only if the first list of key IDs fails; everything after that is reported per token. */
export async function revokeAndConfirm(options: RevokeOptions): Promise<RevokeReport> {
  const { session, channelSecret, tokens, logger, concurrency = 8 } = options
  const validBefore = new Set(options.validKeyIds ?? (await session.listValidKeyIds()))

  const attempted = await mapWithConcurrency(tokens, concurrency, async (token): Promise<RevokeOutcome> => {
    if (!validBefore.has(token.keyId)) return { keyId: token.keyId, status: 'already-gone' }
    try {
      await session.revokeToken({ channelSecret, accessToken: token.accessToken })
      return { keyId: token.keyId, status: 'revoked' }
    } catch (error) {
      return { keyId: token.keyId, status: 'failed', error: messageOf(error) }
    }
  })

  if (!attempted.some((outcome) => outcome.status === 'revoked')) {
    return { outcomes: attempted, activeBefore: validBefore.size, activeAfter: validBefore.size, validKeyIdsAfter: [...validBefore] }
  }

  let validAfter: string[]
  try {
    validAfter = await session.listValidKeyIds()
  } catch (error) {
    const reason = `the revoke call succeeded but listing key IDs to confirm it failed: ${messageOf(error)}`
    logger.debug(reason)
    return {
      outcomes: attempted.map((o) => (o.status === 'revoked' ? { ...o, status: 'unconfirmed', error: reason } : o)),
      activeBefore: validBefore.size
    }
  }
  const stillValid = new Set(validAfter)
  const outcomes = attempted.map((o): RevokeOutcome =>
    o.status === 'revoked' && stillValid.has(o.keyId)
      ? { ...o, status: 'still-listed', error: 'LINE accepted the revoke call, but the key ID is still listed as valid' }
      : o
  )
  return { outcomes, activeBefore: validBefore.size, activeAfter: validAfter.length, validKeyIdsAfter: validAfter }
}
