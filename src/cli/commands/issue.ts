/** issue: a v2.1 or stateless channel access token; only the token on stdout (for $(...)), or --json. */
import { formatDuration } from '../../duration.js'
import { parseLifetime, parseTokenType } from '../../inputs.js'
import type { Ledger } from '../../ledger/index.js'
import { recordOrRevoke } from '../../record-issued.js'
import { issuingRunFromEnv } from '../../run-context.js'
import type { LineSession } from '../../session.js'
import type { Flags } from '../args.js'
import { CHANNEL_HELP, CHANNEL_SECRET_HELP, formatHelp, type Command } from '../command.js'
import type { CommandContext } from '../context.js'
import { LEDGER_HELP, LEDGER_OPTIONS, openCliLedger } from '../ledger.js'
import { openChannelSession } from '../line.js'
import { CHANNEL_OPTIONS, CHANNEL_SECRET_OPTIONS, requireChannelSecret } from '../settings.js'

export const issueCommand: Command = {
  name: 'issue',
  summary: 'issue a v2.1 or stateless channel access token',
  options: {
    ...CHANNEL_OPTIONS,
    ...CHANNEL_SECRET_OPTIONS,
    ...LEDGER_OPTIONS,
    type: { type: 'string' },
    lifetime: { type: 'string' },
    json: { type: 'boolean' }
  },
  help: formatHelp({
    usage: 'line-token issue [--type v2.1|stateless] [--lifetime DURATION] [--json] [--ledger SPEC]',
    description: [
      'Signs an assertion with the private key and issues a channel access token. Prints only the',
      'token (for TOKEN=$(line-token issue)), or with --json {access_token, token_type, key_id,',
      'expires_in, expires_at}. A v2.1 token holds one of the channel\'s 30 slots until it expires or',
      'is revoked (line-token revoke); --ledger records it so that revoke-all can revoke it later.'
    ],
    options: [
      '--type TYPE              v2.1 (default: revocable, up to 30 days) or stateless (15 minutes, no cap)',
      '--lifetime DURATION      v2.1 lifetime: seconds (900) or 30m, 12h, 7d, …; 1s to 30d (default 1h)',
      '--json                   print a JSON object instead of only the token',
      `${LEDGER_HELP}; needs the channel secret`,
      ...CHANNEL_HELP,
      ...CHANNEL_SECRET_HELP
    ],
    examples: [
      'TOKEN=$(line-token issue --lifetime 30m)',
      'line-token issue --type stateless',
      'line-token issue --lifetime 7d --ledger file:./ledger --json'
    ]
  }),
  run: issue
}

interface IssuedToken {
  access_token: string
  token_type: string
  key_id?: string
  expires_in: number
  expires_at: string
}

async function issue(ctx: CommandContext, flags: Flags): Promise<void> {
  const tokenType = parseTokenType(flags.string('type') ?? '', '--type')
  const lifetimeSeconds = tokenType === 'v2.1' ? parseLifetime(flags.string('lifetime') ?? '', '--lifetime') : undefined
  if (tokenType === 'stateless' && flags.has('lifetime')) ctx.warn('--lifetime is ignored: a stateless token always lives 15 minutes.')
  const { session, channelId } = await openChannelSession(ctx, flags)

  const ledgerSpec = flags.string('ledger')
  let ledger: Ledger | undefined
  let channelSecret = ''
  if (ledgerSpec !== undefined && tokenType === 'stateless') {
    ctx.say('The ledger is not used for stateless tokens: they cannot be revoked and expire in 15 minutes.')
  } else if (ledgerSpec !== undefined) {
    channelSecret = await requireChannelSecret(ctx, flags, 'with --ledger: the ledger encrypts tokens with it')
    ledger = await openCliLedger(ctx, ledgerSpec, channelSecret)
  }

  const issuedAtMs = ctx.io.clock.now()
  let result: IssuedToken
  if (lifetimeSeconds === undefined) {
    const token = await session.issueStatelessToken()
    ctx.redactor.add(token.accessToken)
    result = describe(token, issuedAtMs)
    ctx.say(`Issued a stateless token for channel ${channelId}, valid for ${formatDuration(token.expiresIn)} (until ${result.expires_at}). It cannot be revoked.`)
  } else {
    const token = await session.issueV21Token(lifetimeSeconds)
    ctx.redactor.add(token.accessToken)
    result = { ...describe(token, issuedAtMs), key_id: token.keyId }
    if (ledger) await record(ctx, { ledger, session, channelId, channelSecret, token: result, issuedAtMs })
    ctx.say(
      `Issued a v2.1 token for channel ${channelId} (key ID ${token.keyId}), valid for ${formatDuration(token.expiresIn)} (until ${result.expires_at}). ` +
        `It holds one of the channel's 30 slots until then; revoke it with: line-token revoke --token-key-id=${token.keyId} (token on stdin).`
    )
  }
  ctx.print(flags.boolean('json') ? JSON.stringify(result) : result.access_token)
}

function describe(token: { accessToken: string; tokenType: string; expiresIn: number }, issuedAtMs: number): IssuedToken {
  return {
    access_token: token.accessToken,
    token_type: token.tokenType,
    expires_in: token.expiresIn,
    expires_at: new Date(issuedAtMs + token.expiresIn * 1000).toISOString()
  }
}

interface RecordParams {
  ledger: Ledger
  session: LineSession
  channelId: string
  channelSecret: string
  token: IssuedToken
  issuedAtMs: number
}

/** Record the token; one that cannot be recorded is revoked at once, so nothing is left untracked. */
async function record(ctx: CommandContext, params: RecordParams): Promise<void> {
  const { ledger, session, channelId, channelSecret, token, issuedAtMs } = params
  const keyId = token.key_id as string
  const entry = { channelId, keyId, accessToken: token.access_token, issuedAt: new Date(issuedAtMs).toISOString(), expiresAt: token.expires_at, run: issuingRunFromEnv(ctx.io.env) }
  const failure = await recordOrRevoke({ ledger, session, channelSecret, entry })
  if (!failure) {
    ctx.say(`Recorded key ID ${keyId} in the ledger (${ledger.description}).`)
    return
  }
  if (failure.revoked) ctx.warn(`Could not record key ID ${keyId} in the ledger, so the token was revoked at once.`)
  else ctx.warn(`Could not record key ID ${keyId} in the ledger, and revoking it failed too (${failure.revokeError}); it stays valid until ${token.expires_at}.`)
  throw failure.error
}
