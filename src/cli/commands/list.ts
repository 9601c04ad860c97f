/** list: the channel's valid v2.1 key IDs, each marked with what the ledger knows of it. */
import type { IssuingRun, LedgerEntry } from '../../ledger/index.js'
import { MAX_ACTIVE_V21_TOKENS } from '../../revoke.js'
import type { Flags } from '../args.js'
import { CHANNEL_HELP, CHANNEL_SECRET_HELP, formatHelp, type Command } from '../command.js'
import type { CommandContext } from '../context.js'
import { LEDGER_HELP, LEDGER_OPTIONS, openCliLedger } from '../ledger.js'
import { openChannelSession } from '../line.js'
import { CHANNEL_OPTIONS, CHANNEL_SECRET_OPTIONS, requireChannelSecret } from '../settings.js'

export const listCommand: Command = {
  name: 'list',
  summary: "list the channel's valid v2.1 key IDs (with what the ledger knows)",
  options: { ...CHANNEL_OPTIONS, ...CHANNEL_SECRET_OPTIONS, ...LEDGER_OPTIONS, json: { type: 'boolean' } },
  help: formatHelp({
    usage: 'line-token list [--ledger SPEC] [--json]',
    description: [
      "Lists the key IDs of the channel's valid v2.1 tokens (GET /oauth2/v2.1/tokens/kid), one per line.",
      'With --ledger, each is marked with its issue and expiry time and issuing run, or "not in ledger"',
      '(issued elsewhere: it cannot be revoked without the token).'
    ],
    options: ['--json                   print a JSON object', `${LEDGER_HELP}; needs the channel secret`, ...CHANNEL_HELP, ...CHANNEL_SECRET_HELP],
    examples: ['line-token list', 'line-token list --ledger file:./ledger', 'line-token list --json | jq -r \'.key_ids[].key_id\'']
  }),
  run: list
}

interface ListedKeyId {
  key_id: string
  /** Present with --ledger: the record, or null when the ledger does not know the key ID. */
  ledger?: { issued_at: string; expires_at: string; run?: IssuingRun } | null
}

async function list(ctx: CommandContext, flags: Flags): Promise<void> {
  const { session, channelId } = await openChannelSession(ctx, flags)
  const ledgerSpec = flags.string('ledger')
  let entries: Map<string, LedgerEntry> | undefined
  if (ledgerSpec !== undefined) {
    const channelSecret = await requireChannelSecret(ctx, flags, 'with --ledger: the ledger encrypts tokens with it')
    const ledger = await openCliLedger(ctx, ledgerSpec, channelSecret)
    const recorded = await ledger.list(channelId)
    for (const entry of recorded) ctx.redactor.add(entry.accessToken)
    entries = new Map(recorded.map((entry) => [entry.keyId, entry]))
  }
  const keyIds = await session.listValidKeyIds()

  const listed: ListedKeyId[] = keyIds.map((keyId) => {
    if (!entries) return { key_id: keyId }
    const entry = entries.get(keyId)
    return { key_id: keyId, ledger: entry ? { issued_at: entry.issuedAt, expires_at: entry.expiresAt, ...(entry.run ? { run: entry.run } : {}) } : null }
  })

  if (flags.boolean('json')) {
    ctx.print(JSON.stringify({ channel_id: channelId, active: keyIds.length, max_active: MAX_ACTIVE_V21_TOKENS, key_ids: listed }))
  } else {
    for (const item of listed) ctx.print(describe(item))
  }
  ctx.say(`Channel ${channelId} holds ${keyIds.length} of ${MAX_ACTIVE_V21_TOKENS} valid v2.1 tokens.`)
  if (entries) {
    const valid = new Set(keyIds)
    const gone = [...entries.keys()].filter((keyId) => !valid.has(keyId)).length
    if (gone > 0) ctx.say(`${gone} ledger record(s) are no longer listed (expired or revoked); line-token revoke-all prunes them.`)
  }
}

function describe(item: ListedKeyId): string {
  if (item.ledger === undefined) return item.key_id
  if (item.ledger === null) return `${item.key_id}  not in ledger`
  const { issued_at, expires_at, run } = item.ledger
  const by = run?.url ?? run?.runId
  return `${item.key_id}  issued ${issued_at}  expires ${expires_at}${by ? `  run ${by}` : ''}`
}
