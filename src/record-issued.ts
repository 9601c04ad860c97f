/**
 * "Nothing untracked": a v2.1 token issued with a ledger is either recorded or revoked at
 * once. Shared by the main step and the CLI's `issue`.
 */
import { messageOf } from './errors.js'
import type { Ledger, LedgerEntry } from './ledger/types.js'
import type { LineSession } from './session.js'

export interface RecordFailure {
  /** The ledger's error, to fail with. */
  error: unknown
  /** Whether the token was revoked after the ledger failed. */
  revoked: boolean
  /** Why revoking failed too, when it did. */
  revokeError?: string
}

/** Records the entry; on failure revokes the token and describes what happened (never throws). */
export async function recordOrRevoke(params: { ledger: Ledger; session: LineSession; channelSecret: string; entry: LedgerEntry }): Promise<RecordFailure | undefined> {
  const { ledger, session, channelSecret, entry } = params
  try {
    await ledger.put(entry)
    return undefined
  } catch (error) {
    try {
      await session.revokeToken({ channelSecret, accessToken: entry.accessToken })
      return { error, revoked: true }
    } catch (revokeError) {
      return { error, revoked: false, revokeError: messageOf(revokeError) }
    }
  }
}
