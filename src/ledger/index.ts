import { InputError } from '../errors.js'
import type { Logger } from '../logger.js'
import { createFileLedger } from './file.js'
import { parseLedgerSpec } from './spec.js'
import type { Ledger } from './types.js'

export * from './types.js'
export { parseLedgerSpec, DEFAULT_LEDGER_BRANCH, type LedgerSpec } from './spec.js'

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
  const parsed = parseLedgerSpec(spec, context.currentRepository)
  if (!context.channelSecret) {
    throw new InputError('channel-secret', 'the ledger encrypts tokens with a key derived from the channel secret: set `channel-secret`')
  }
  if (parsed.kind === 'file') {
    return createFileLedger({ dir: parsed.dir, channelSecret: context.channelSecret })
  }
  if (!context.githubToken) {
    throw new InputError('github-token', `the \`github\` ledger writes to ${parsed.owner}/${parsed.repo} through the GitHub API and needs a token: keep the default \`\${{ github.token }}\` or pass one`)
  }
  const { createGitHubLedger } = await import('./github.js')
  return createGitHubLedger({
    ...parsed,
    token: context.githubToken,
    apiUrl: context.githubApiUrl || 'https://api.github.com',
    channelSecret: context.channelSecret,
    logger: context.logger
  })
}
