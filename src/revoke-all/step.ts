/**
 * The clean-up action's step (revoke-all/action.yml): check the inputs, open the ledger,
 * run revoke-all, set the counts as outputs and write the job summary. The step fails only
 * when it could not start (inputs, ledger, listing key IDs) or a revoke was confirmed to
 * have failed; everything else per token is a warning.
 */
import { cell, maskSecret, type ActionCore } from '../action-core.js'
import { MAX_TOKEN_LIFETIME_SECONDS, formatDuration, parseDuration } from '../duration.js'
import { InputError, failureMessage, messageOf } from '../errors.js'
import { parseApiBaseUrl, parseBoolean, readChannelInputs, type GetInput } from '../inputs.js'
import { loadPrivateKey, resolveKeyId } from '../key.js'
import { openLedger as defaultOpenLedger } from '../ledger/index.js'
import { connectStepSession, type StepDeps } from '../step-session.js'
import { REASON_TEXT } from './plan.js'
import { FATE_TEXT, runRevokeAll, type RevokeAllReport } from './run.js'

export interface RevokeAllInputs {
  channelId: string
  privateKey: string
  /** Empty when not given (the JWK's kid is used then). */
  keyId: string
  channelSecret: string
  apiBaseUrl: string
  ledger: string
  githubToken: string
  keep: number
  /** Undefined: any age. */
  olderThanSeconds?: number
  dryRun: boolean
}

/** What the revoke-all step is handed: what every step is, and how many revokes run at once. */
export interface RevokeAllStepDeps extends StepDeps {
  /** Revoke calls in flight at once (default 10). */
  concurrency?: number
}

export const OUTPUTS = ['revoked', 'kept', 'pruned', 'unknown', 'active'] as const

export function parseKeep(value: string, input = 'keep'): number {
  const text = value.trim()
  if (!text) return 0
  if (!/^\d{1,6}$/.test(text)) throw new InputError(input, 'must be a whole number of tokens to keep, 0 or more (e.g. keep: 1 keeps the newest token).')
  return Number(text)
}

export function parseOlderThan(value: string, input = 'older-than'): number | undefined {
  const text = value.trim()
  if (!text) return undefined
  return parseDuration(text, { input, minSeconds: 1, maxSeconds: MAX_TOKEN_LIFETIME_SECONDS })
}

export function readRevokeAllInputs(getInput: GetInput): RevokeAllInputs {
  const { channelId, privateKey, keyId, channelSecret } = readChannelInputs(getInput)
  if (!channelSecret) {
    throw new InputError(
      'channel-secret',
      "is required: LINE's revoke call needs it, and the ledger's tokens are encrypted with it. Pass channel-secret: ${{ secrets.LINE_CHANNEL_SECRET }}."
    )
  }
  const apiBaseUrl = parseApiBaseUrl(getInput('api-base-url'))
  const ledger = getInput('ledger').trim()
  if (!ledger) {
    throw new InputError(
      'ledger',
      'is required: revoke-all can only revoke tokens recorded in a ledger (a token cannot be revoked without the token itself). Use the same value the issuing steps use, e.g. ledger: github.'
    )
  }
  const githubToken = getInput('github-token').trim()
  const keep = parseKeep(getInput('keep'))
  const olderThanSeconds = parseOlderThan(getInput('older-than'))
  const dryRun = parseBoolean(getInput('dry-run'), 'dry-run', false)
  return { channelId, privateKey, keyId, channelSecret, apiBaseUrl, ledger, githubToken, keep, olderThanSeconds, dryRun }
}

/** Resolves when the step is done; never throws (a failure is reported with setFailed). */
export async function runRevokeAllStep(deps: RevokeAllStepDeps): Promise<RevokeAllReport | undefined> {
  const { core } = deps
  try {
    const report = await revokeAll(deps)
    setOutputs(core, report)
    await writeSummarySafely(core, summaryOf(report))
    const failed = report.counts.failed
    if (failed > 0) {
      core.setFailed(`${failed} token(s) could not be revoked (see the warnings above); they still hold slots on channel ${report.channelId}.`)
    }
    return report
  } catch (error) {
    const message = failureMessage(error)
    core.setFailed(message)
    await writeSummarySafely(core, `### LINE revoke-all\n\nNothing was revoked: ${cell(message)}\n`)
    return undefined
  }
}

async function revokeAll(deps: RevokeAllStepDeps): Promise<RevokeAllReport> {
  const { core, clock, env } = deps
  // Mask what the user gave us before anything can print it.
  maskSecret(core, core.getInput('channel-secret').trim())
  maskSecret(core, core.getInput('private-key').trim())
  maskSecret(core, core.getInput('github-token').trim())

  const inputs = readRevokeAllInputs((name) => core.getInput(name))
  const signingKey = loadPrivateKey(inputs.privateKey)
  for (const secret of signingKey.secrets) maskSecret(core, secret)
  const keyId = resolveKeyId(inputs.keyId, signingKey)

  const ledger = await (deps.openLedger ?? defaultOpenLedger)(inputs.ledger, {
    channelSecret: inputs.channelSecret,
    githubToken: inputs.githubToken,
    currentRepository: env.GITHUB_REPOSITORY,
    githubApiUrl: env.GITHUB_API_URL,
    logger: core
  })

  const session = connectStepSession(deps, { apiBaseUrl: inputs.apiBaseUrl, channelId: inputs.channelId, keyId, privateKey: signingKey.privateKey })

  if (inputs.dryRun) core.info('Dry run: planning only; nothing is revoked and the ledger is not changed.')
  return runRevokeAll({
    session,
    ledger,
    channelId: inputs.channelId,
    channelSecret: inputs.channelSecret,
    keep: inputs.keep,
    olderThanSeconds: inputs.olderThanSeconds,
    dryRun: inputs.dryRun,
    clock,
    logger: core,
    concurrency: deps.concurrency,
    onToken: (token) => maskSecret(core, token)
  })
}

function setOutputs(core: ActionCore, report: RevokeAllReport): void {
  const { counts } = report
  core.setOutput('revoked', String(counts.revoked))
  core.setOutput('kept', String(counts.kept))
  core.setOutput('pruned', String(counts.pruned))
  core.setOutput('unknown', String(counts.unknown))
  // Empty when listing again after revoking failed: we do not know the count then.
  core.setOutput('active', counts.active === undefined ? '' : String(counts.active))
}

/** The job summary: one row per key ID (never a token) and the channel's count out of 30. */
export function summaryOf(report: RevokeAllReport): string {
  const { counts } = report
  const lines = [`### LINE revoke-all: channel ${report.channelId}${report.dryRun ? ' (dry run: nothing changed)' : ''}`, '']
  const olderThan = report.olderThanSeconds === undefined ? 'of any age' : `issued at least ${formatDuration(report.olderThanSeconds)} ago`
  lines.push(`Ledger: \`${cell(report.ledger)}\` · keep the newest ${report.keep} · revoke tokens ${olderThan}`, '')
  if (report.items.length === 0) {
    lines.push('No tokens: the ledger holds none for this channel and LINE lists none.', '')
  } else {
    lines.push('| Key ID | Issued | Expires | Fate | Why |', '|---|---|---|---|---|')
    for (const item of report.items) {
      const why = item.error ? `${REASON_TEXT[item.reason]}; ${item.error}` : REASON_TEXT[item.reason]
      lines.push(`| \`${cell(item.keyId)}\` | ${cell(item.issuedAt ?? '–')} | ${cell(item.expiresAt ?? '–')} | ${cell(FATE_TEXT[item.fate])} | ${cell(why)} |`)
    }
    lines.push('')
  }
  const done = report.dryRun
    ? `Would revoke ${report.items.filter((i) => i.fate === 'would-revoke').length}, would prune ${report.items.filter((i) => i.fate === 'would-prune').length}`
    : `Revoked ${counts.revoked}, pruned ${counts.pruned}`
  lines.push(`${done}, kept ${counts.kept}, unknown ${counts.unknown}${counts.failed ? `, failed ${counts.failed}` : ''}.`, '')
  const active = counts.active === undefined ? `unknown (listing key IDs after revoking failed; ${report.activeBefore} before)` : `${counts.active}`
  lines.push(`**Active v2.1 tokens on the channel: ${active} / ${report.maxActive}.**`, '')
  if (counts.unknown > 0) {
    lines.push(
      `Unknown key IDs were issued without this ledger (another tool, a step without \`ledger\`, or the console); they expire on their own and cannot be revoked without the token.`,
      ''
    )
  }
  return lines.join('\n')
}

/** A summary that cannot be written must not turn a good run into a failed one. */
async function writeSummarySafely(core: ActionCore, markdown: string): Promise<void> {
  try {
    await core.writeSummary(markdown)
  } catch (error) {
    core.warning(`Could not write the job summary: ${messageOf(error)}`)
  }
}
