// CONTRACT STUB — implemented by the ledger helper.
import type { Ledger } from './types.js'
import type { Logger } from '../logger.js'

export * from './types.js'

export interface LedgerContext {
  /** Needed to encrypt and decrypt tokens. */
  channelSecret: string
  /** For `github` ledgers. */
  githubToken?: string
  /** Defaults for `github` with no OWNER/REPO: GITHUB_REPOSITORY. */
  currentRepository?: string
  /** GITHUB_API_URL, default https://api.github.com. */
  githubApiUrl?: string
  logger?: Logger
}

/**
 * Open the ledger named by `spec`: `github`, `github:OWNER/REPO`, `github:OWNER/REPO@BRANCH`
 * (branch default `line-token-ledger`), or `file:DIR`. The GitHub backend is imported lazily
 * so runs without it never load @actions/github. Bad spec → InputError on input `ledger`.
 */
export async function openLedger(spec: string, context: LedgerContext): Promise<Ledger> {
  void spec
  void context
  throw new Error('not implemented')
}
