/**
 * The root action's main step: check every input, issue the token, hand it over masked,
 * and leave the post step what it needs to revoke it. Nothing here touches the runner
 * directly; the entry file passes `core` and the transport in.
 */
import { maskSecret } from './action-core.js'
import { formatDuration } from './duration.js'
import { failureMessage } from './errors.js'
import { readActionInputs, type ActionInputs } from './inputs.js'
import { loadPrivateKey, resolveKeyId } from './key.js'
import { encryptToken } from './ledger/crypto.js'
import type { Ledger } from './ledger/index.js'
import { recordOrRevoke } from './record-issued.js'
import { connectStepSession, type StepDeps } from './step-session.js'
import { issuingRunFromEnv } from './run-context.js'

/** Names of the values saved for the post step. The token is saved only encrypted. */
export const STATE = {
  tokenType: 'token-type',
  keyId: 'key-id',
  expiresAt: 'expires-at',
  sealedToken: 'sealed-token',
  ledger: 'ledger'
} as const

/** What the main step is handed (the same as every step). */
export type MainStepDeps = StepDeps

/** Resolves when the step is done; never throws (a failure is reported with setFailed). */
export async function runMainStep(deps: MainStepDeps): Promise<void> {
  const { core } = deps
  try {
    await issueAndHandOver(deps)
  } catch (error) {
    core.setFailed(failureMessage(error))
  }
}


async function issueAndHandOver(deps: MainStepDeps): Promise<void> {
  const { core, clock, env } = deps
  // Mask what the user gave us before anything can print it.
  maskSecret(core, core.getInput('channel-secret').trim())
  maskSecret(core, core.getInput('private-key').trim())

  const inputs = readActionInputs((name) => core.getInput(name))
  const signingKey = loadPrivateKey(inputs.privateKey)
  for (const secret of signingKey.secrets) maskSecret(core, secret)
  const keyId = resolveKeyId(inputs.keyId, signingKey)

  // Opening the ledger checks its spec and token before anything is issued.
  const ledger = inputs.ledger && inputs.tokenType === 'v2.1' ? await openLedgerFor(inputs, deps) : undefined
  if (inputs.ledger && inputs.tokenType === 'stateless') core.info('The ledger is not used for stateless tokens: they cannot be revoked and expire in 15 minutes.')

  const session = connectStepSession(deps, { apiBaseUrl: inputs.apiBaseUrl, channelId: inputs.channelId, keyId, privateKey: signingKey.privateKey })

  if (inputs.tokenType === 'stateless') {
    const token = await session.issueStatelessToken()
    core.setSecret(token.accessToken)
    core.saveState(STATE.tokenType, 'stateless')
    const expiresAt = new Date(clock.now() + token.expiresIn * 1000).toISOString()
    core.setOutput('token', token.accessToken)
    core.setOutput('expires-in', String(token.expiresIn))
    core.setOutput('expires-at', expiresAt)
    core.info(`Issued a stateless channel access token for channel ${inputs.channelId}, valid for ${formatDuration(token.expiresIn)} (until ${expiresAt}). It cannot be revoked.`)
    return
  }

  const token = await session.issueV21Token(inputs.lifetimeSeconds)
  core.setSecret(token.accessToken)
  const issuedAt = new Date(clock.now())
  const expiresAt = new Date(issuedAt.getTime() + token.expiresIn * 1000).toISOString()
  // Save state before anything else can fail, so the post step can always find the token.
  core.saveState(STATE.tokenType, 'v2.1')
  core.saveState(STATE.keyId, token.keyId)
  core.saveState(STATE.expiresAt, expiresAt)
  if (inputs.channelSecret) {
    const sealed = await encryptToken(token.accessToken, inputs.channelSecret, inputs.channelId, token.keyId)
    core.saveState(STATE.sealedToken, sealed)
  }

  if (ledger) {
    const entry = { channelId: inputs.channelId, keyId: token.keyId, accessToken: token.accessToken, issuedAt: issuedAt.toISOString(), expiresAt, run: issuingRunFromEnv(env) }
    const failure = await recordOrRevoke({ ledger, session, channelSecret: inputs.channelSecret, entry })
    if (failure) {
      if (failure.revoked) {
        core.saveState(STATE.sealedToken, '')
        core.warning(`Could not record key ID ${token.keyId} in the ledger, so the token was revoked at once and the step fails.`)
      } else {
        core.warning(`Could not record key ID ${token.keyId} in the ledger, and revoking it failed too (${failure.revokeError}); the post step will try again.`)
      }
      throw failure.error
    }
    core.saveState(STATE.ledger, 'recorded')
    core.info(`Recorded key ID ${token.keyId} in the ledger (${ledger.description}).`)
  }

  core.setOutput('token', token.accessToken)
  core.setOutput('key-id', token.keyId)
  core.setOutput('expires-in', String(token.expiresIn))
  core.setOutput('expires-at', expiresAt)
  const after = inputs.revoke ? 'It will be revoked when the job ends.' : 'It will NOT be revoked when the job ends (revoke: false).'
  core.info(`Issued a v2.1 channel access token for channel ${inputs.channelId} (key ID ${token.keyId}), valid for ${formatDuration(token.expiresIn)} (until ${expiresAt}). ${after}`)
}

async function openLedgerFor(inputs: ActionInputs, deps: MainStepDeps): Promise<Ledger> {
  const open = deps.openLedger ?? (await import('./ledger/index.js')).openLedger
  return open(inputs.ledger, {
    channelSecret: inputs.channelSecret,
    githubToken: inputs.githubToken,
    currentRepository: deps.env.GITHUB_REPOSITORY,
    githubApiUrl: deps.env.GITHUB_API_URL,
    logger: deps.core
  })
}
