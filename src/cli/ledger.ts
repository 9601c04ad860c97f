/** The ledger for the CLI: `file:DIR` (relative to the working directory) or a GitHub repository via GITHUB_TOKEN. */
import path from 'node:path'
import { openLedger, parseLedgerSpec, type Ledger } from '../ledger/index.js'
import type { OptionSpecs } from './args.js'
import type { CommandContext } from './context.js'
import { UsageError } from './errors.js'

export const LEDGER_OPTIONS: OptionSpecs = { ledger: { type: 'string' } }

export const LEDGER_HELP =
  '--ledger SPEC            file:DIR, or github:OWNER/REPO[@BRANCH] (needs GITHUB_TOKEN or GH_TOKEN with contents: write)'

export async function openCliLedger(ctx: CommandContext, spec: string, channelSecret: string): Promise<Ledger> {
  const { env, cwd } = ctx.io
  const parsed = parseLedgerSpec(spec, env.GITHUB_REPOSITORY)
  const githubToken = env.GITHUB_TOKEN || env.GH_TOKEN
  ctx.redactor.add(githubToken)
  if (parsed.kind === 'file') {
    // Relative to the working directory the CLI was given, not the process's.
    return openLedger(`file:${path.resolve(cwd, parsed.dir)}`, { channelSecret, logger: ctx.logger })
  }
  if (!githubToken) {
    throw new UsageError(
      `the ledger ${spec.trim()} is kept in ${parsed.owner}/${parsed.repo} through the GitHub API: set GITHUB_TOKEN (or GH_TOKEN) to a token with contents: write on it, e.g. GH_TOKEN=$(gh auth token).`
    )
  }
  return openLedger(spec, {
    channelSecret,
    githubToken,
    currentRepository: env.GITHUB_REPOSITORY,
    githubApiUrl: env.GITHUB_API_URL,
    logger: ctx.logger
  })
}
