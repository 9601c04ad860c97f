/**
 * revoke: revoke one v2.1 token and, when its key ID is known (--token-key-id, or the ledger's
 * record of the token), confirm it left LINE's list of valid key IDs. LINE's revoke answers 200
 * even for a token it does not know, so without the key ID the revoke cannot be confirmed.
 */
import { InputError } from '../../errors.js'
import type { Ledger, LedgerEntry } from '../../ledger/index.js'
import { MAX_ACTIVE_V21_TOKENS, revokeAndConfirm } from '../../revoke.js'
import type { LineSession } from '../../session.js'
import type { Flags } from '../args.js'
import { CHANNEL_HELP, CHANNEL_SECRET_HELP, formatHelp, type Command } from '../command.js'
import type { CommandContext } from '../context.js'
import { CommandFailed } from '../errors.js'
import { LEDGER_HELP, LEDGER_OPTIONS, openCliLedger } from '../ledger.js'
import { createCliApi, openChannelSession } from '../line.js'
import { CHANNEL_OPTIONS, CHANNEL_SECRET_OPTIONS, readChannelId, requireChannelSecret } from '../settings.js'
import { TOKEN_HELP, TOKEN_OPTIONS, readAccessToken } from '../token-input.js'

export const revokeCommand: Command = {
  name: 'revoke',
  summary: 'revoke one v2.1 token and confirm it is gone',
  options: {
    ...TOKEN_OPTIONS,
    ...CHANNEL_OPTIONS,
    ...CHANNEL_SECRET_OPTIONS,
    ...LEDGER_OPTIONS,
    'token-key-id': { type: 'string' },
    json: { type: 'boolean' }
  },
  help: formatHelp({
    usage: 'line-token revoke [--token-key-id KID | --ledger SPEC] [--token-file FILE] [--json]   (token on stdin)',
    description: [
      "Revokes the token (POST /oauth2/v2.1/revoke, which needs the channel ID and secret). LINE answers",
      "200 even for a token it does not know, so the revoke is confirmed by the token's key ID leaving",
      'the list of valid key IDs. Give the key ID with --token-key-id (issue prints it), or --ledger',
      'to look the token up; confirming also needs the private key. Without a key ID the revoke is',
      'sent but cannot be confirmed. With --ledger, the record is removed once the token is gone.'
    ],
    options: [
      ...TOKEN_HELP,
      "--token-key-id KID       the token's key ID (issue --json prints it as key_id), to confirm the revoke",
      `${LEDGER_HELP}`,
      '--json                   print {key_id, status, active}',
      ...CHANNEL_HELP,
      ...CHANNEL_SECRET_HELP
    ],
    examples: [
      'echo "$TOKEN" | line-token revoke --token-key-id="$KID"',
      'line-token revoke --token-file token.txt --ledger file:./ledger',
      'echo "$TOKEN" | line-token revoke        # sent, but not confirmed'
    ]
  }),
  run: revoke
}

type RevokeResult = { key_id: string | null; status: 'revoked' | 'already-gone' | 'sent-unconfirmed'; active?: number }

async function revoke(ctx: CommandContext, flags: Flags): Promise<void> {
  const accessToken = await readAccessToken(ctx, flags)
  const channelId = readChannelId(ctx, flags)
  const channelSecret = await requireChannelSecret(ctx, flags, "to revoke: LINE's revoke call needs it")
  const explicitKeyId = tokenKeyId(flags)
  const ledgerSpec = flags.string('ledger')
  // Confirming lists key IDs, which needs the private key: check it now, before anything is sent.
  const channel = explicitKeyId !== undefined || ledgerSpec !== undefined ? await openChannelSession(ctx, flags) : undefined

  const ledger = ledgerSpec === undefined ? undefined : await openCliLedger(ctx, ledgerSpec, channelSecret)
  const record = ledger && (await findRecord(ctx, ledger, channelId, accessToken))
  if (record && explicitKeyId && record.keyId !== explicitKeyId) {
    ctx.warn(`--token-key-id is ${explicitKeyId}, but the ledger recorded this token under key ID ${record.keyId}; using the ledger's.`)
  }
  const keyId = record?.keyId ?? explicitKeyId

  const result =
    keyId !== undefined && channel
      ? await revokeConfirmed(ctx, channel.session, keyId, channelSecret, accessToken)
      : await revokeUnconfirmed(ctx, flags, channelId, channelSecret, accessToken)
  if (ledger && record) {
    await ledger.remove(channelId, record.keyId)
    ctx.say(`Removed key ID ${record.keyId} from the ledger (${ledger.description}).`)
  }
  if (flags.boolean('json')) ctx.print(JSON.stringify(result))
}

/** --token-key-id, checked like a key ID (printable, no spaces or quotes, at most 128 characters). */
function tokenKeyId(flags: Flags): string | undefined {
  const value = flags.string('token-key-id')?.trim()
  if (value === undefined) return undefined
  if (!/^[\x21-\x7e]{1,128}$/.test(value) || /["'`]/.test(value)) {
    throw new InputError('--token-key-id', 'must be the key ID LINE returned with the token (key_id), e.g. a UUID-like string without spaces or quotes.')
  }
  return value
}

async function findRecord(ctx: CommandContext, ledger: Ledger, channelId: string, accessToken: string): Promise<LedgerEntry | undefined> {
  const entries = await ledger.list(channelId)
  for (const entry of entries) ctx.redactor.add(entry.accessToken)
  const record = entries.find((entry) => entry.accessToken === accessToken)
  if (!record) ctx.say(`The ledger (${ledger.description}) has no record of this token.`)
  return record
}

async function revokeConfirmed(ctx: CommandContext, session: LineSession, keyId: string, channelSecret: string, accessToken: string): Promise<RevokeResult> {
  const report = await revokeAndConfirm({ session, channelSecret, tokens: [{ keyId, accessToken }], logger: ctx.logger })
  const outcome = report.outcomes[0]
  switch (outcome.status) {
    case 'revoked':
      ctx.say(`Revoked the token; its key ID ${keyId} is no longer listed (${report.activeAfter} of ${MAX_ACTIVE_V21_TOKENS} valid v2.1 tokens remain).`)
      return { key_id: keyId, status: 'revoked', active: report.activeAfter }
    case 'already-gone':
      ctx.say(`Key ID ${keyId} is not listed as valid: the token was already revoked or has expired. Nothing to revoke.`)
      return { key_id: keyId, status: 'already-gone', active: report.activeBefore }
    default:
      // failed, still-listed, unconfirmed: the token may still be valid.
      throw new CommandFailed(`Revoking the token with key ID ${keyId} is not confirmed: ${outcome.error}`)
  }
}

async function revokeUnconfirmed(ctx: CommandContext, flags: Flags, channelId: string, channelSecret: string, accessToken: string): Promise<RevokeResult> {
  await createCliApi(ctx, flags).revokeToken({ channelId, channelSecret, accessToken })
  ctx.warn(
    "LINE accepted the revoke call, but without the token's key ID it cannot be confirmed (LINE answers the same for an unknown token). " +
      'To confirm, give --token-key-id KID (line-token issue prints it) or keep tokens in a --ledger.'
  )
  return { key_id: null, status: 'sent-unconfirmed' }
}
