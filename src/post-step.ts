/**
 * The root action's post step: revoke the v2.1 token main issued, and prove it by the key ID
 * leaving LINE's list. It never fails the job: a problem is a warning carrying LINE's status,
 * text and request ID, and the job summary says what happened (never the token).
 */
import { cell, maskSecret, type ActionCore } from './action-core.js'
import { messageOf } from './errors.js'
import { parseApiBaseUrl, parseBoolean, parseChannelId } from './inputs.js'
import { loadPrivateKey, resolveKeyId } from './key.js'
import { decryptToken } from './ledger/crypto.js'
import { STATE } from './main-step.js'
import { MAX_ACTIVE_V21_TOKENS, revokeAndConfirm, type RevokeOutcome } from './revoke.js'
import { connectStepSession, type StepDeps } from './step-session.js'

/** A token this close to expiry is left to expire rather than revoked. */
export const EXPIRY_MARGIN_MS = 30_000

/** What the post step is handed (the same as every step). */
export type PostStepDeps = StepDeps

/** What the post step did, for the summary and for tests. */
export interface PostResult {
  outcome: 'revoked' | 'already-gone' | 'skipped' | 'failed'
  /** One sentence: why skipped, what failed. */
  detail: string
  tokenType?: string
  keyId?: string
  expiresAt?: string
  /** Valid v2.1 tokens of the channel after the step, when known. */
  active?: number
}

export async function runPostStep(deps: PostStepDeps): Promise<PostResult> {
  const { core } = deps
  let result: PostResult
  try {
    result = await revokeIssuedToken(deps)
  } catch (error) {
    result = { outcome: 'failed', detail: messageOf(error), ...stateFields(core) }
  }
  if (result.outcome === 'failed') core.warning(`The token was not revoked: ${result.detail}`)
  else core.info(result.detail)
  try {
    await core.writeSummary(summaryMarkdown(result))
  } catch (error) {
    core.warning(`Could not write the job summary: ${messageOf(error)}`)
  }
  return result
}

function stateFields(core: ActionCore): Pick<PostResult, 'tokenType' | 'keyId' | 'expiresAt'> {
  return {
    tokenType: core.getState(STATE.tokenType) || undefined,
    keyId: core.getState(STATE.keyId) || undefined,
    expiresAt: core.getState(STATE.expiresAt) || undefined
  }
}

async function revokeIssuedToken(deps: PostStepDeps): Promise<PostResult> {
  const { core, clock } = deps
  const fields = stateFields(core)
  const skip = (detail: string): PostResult => ({ outcome: 'skipped', detail, ...fields })

  if (!fields.tokenType) return skip('Nothing to revoke: the main step issued no token.')
  if (fields.tokenType === 'stateless') return skip('Nothing to revoke: stateless tokens cannot be revoked; it expires by itself within 15 minutes.')
  if (!parseBoolean(core.getInput('revoke'), 'revoke', true)) {
    return skip(`Not revoking: revoke is false. The token stays valid until ${fields.expiresAt ?? 'it expires'}.`)
  }
  const sealed = core.getState(STATE.sealedToken)
  if (!sealed || !fields.keyId) return skip('Nothing to revoke: the main step already revoked its token or saved none.')
  const expiresAt = Date.parse(fields.expiresAt ?? '')
  if (Number.isFinite(expiresAt) && expiresAt - EXPIRY_MARGIN_MS <= clock.now()) {
    return skip(`Nothing to revoke: the token expired at ${fields.expiresAt}.`)
  }

  const channelSecret = core.getInput('channel-secret').trim()
  maskSecret(core, channelSecret)
  maskSecret(core, core.getInput('private-key').trim())
  const channelId = parseChannelId(core.getInput('channel-id'))
  const signingKey = loadPrivateKey(core.getInput('private-key'))
  for (const secret of signingKey.secrets) maskSecret(core, secret)
  const keyId = resolveKeyId(core.getInput('key-id'), signingKey)
  const accessToken = await decryptToken(sealed, channelSecret, { channelId, keyId: fields.keyId, where: 'the main step\'s saved state' })
  core.setSecret(accessToken)

  const session = connectStepSession(deps, { apiBaseUrl: parseApiBaseUrl(core.getInput('api-base-url')), channelId, keyId, privateKey: signingKey.privateKey })

  const report = await revokeAndConfirm({ session, channelSecret, tokens: [{ keyId: fields.keyId, accessToken }], logger: core })
  const outcome = report.outcomes[0]
  const result = describeOutcome(outcome, fields, report.activeAfter)
  if (result.outcome !== 'failed' && core.getState(STATE.ledger) === 'recorded') {
    await removeFromLedger(deps, channelId, channelSecret, fields.keyId)
  }
  return result
}

function describeOutcome(outcome: RevokeOutcome, fields: Pick<PostResult, 'tokenType' | 'keyId' | 'expiresAt'>, active: number | undefined): PostResult {
  const base = { ...fields, active }
  switch (outcome.status) {
    case 'revoked':
      return { ...base, outcome: 'revoked', detail: `Revoked the token with key ID ${outcome.keyId}; LINE no longer lists it as valid.` }
    case 'already-gone':
      return { ...base, outcome: 'already-gone', detail: `Nothing to revoke: key ID ${outcome.keyId} is no longer valid (already revoked or expired).` }
    default:
      return { ...base, outcome: 'failed', detail: outcome.error ?? `revoking key ID ${outcome.keyId} failed` }
  }
}

async function removeFromLedger(deps: PostStepDeps, channelId: string, channelSecret: string, keyId: string): Promise<void> {
  const { core, env } = deps
  try {
    const open = deps.openLedger ?? (await import('./ledger/index.js')).openLedger
    const ledger = await open(core.getInput('ledger').trim(), {
      channelSecret,
      githubToken: core.getInput('github-token').trim(),
      currentRepository: env.GITHUB_REPOSITORY,
      githubApiUrl: env.GITHUB_API_URL,
      logger: core
    })
    await ledger.remove(channelId, keyId)
    core.info(`Removed key ID ${keyId} from the ledger (${ledger.description}).`)
  } catch (error) {
    core.warning(`The token is revoked, but its ledger record could not be removed: ${messageOf(error)}. The next revoke-all run prunes it.`)
  }
}

const OUTCOME_TEXT: Record<PostResult['outcome'], string> = {
  revoked: '✅ revoked and confirmed',
  'already-gone': '✅ already gone (revoked or expired)',
  skipped: '⏭️ skipped',
  failed: '⚠️ failed'
}

export function summaryMarkdown(result: PostResult): string {
  const rows: [string, string][] = [
    ['Token type', result.tokenType ?? '—'],
    ['Key ID', result.keyId ?? '—'],
    ['Expires at', result.expiresAt ?? '—'],
    ['Outcome', OUTCOME_TEXT[result.outcome]],
    ['Details', result.detail],
    ['Active v2.1 tokens on the channel', result.active === undefined ? 'unknown' : `${result.active} of ${MAX_ACTIVE_V21_TOKENS}`]
  ]
  return ['### LINE channel access token', '', '| | |', '| --- | --- |', ...rows.map(([k, v]) => `| ${k} | ${cell(v)} |`), ''].join('\n')
}
