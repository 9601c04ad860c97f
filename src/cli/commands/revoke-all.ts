/** revoke-all: the clean-up action's plan and run, from the command line (the same core). */
import { formatDuration } from '../../duration.js'
import { REASON_TEXT } from '../../revoke-all/plan.js'
import { FATE_TEXT, runRevokeAll, type RevokeAllReport } from '../../revoke-all/run.js'
import { parseKeep, parseOlderThan } from '../../revoke-all/step.js'
import type { Flags } from '../args.js'
import { CHANNEL_HELP, CHANNEL_SECRET_HELP, formatHelp, type Command } from '../command.js'
import type { CommandContext } from '../context.js'
import { CommandFailed, UsageError } from '../errors.js'
import { LEDGER_HELP, LEDGER_OPTIONS, openCliLedger } from '../ledger.js'
import { openChannelSession } from '../line.js'
import { CHANNEL_OPTIONS, CHANNEL_SECRET_OPTIONS, requireChannelSecret } from '../settings.js'

export const revokeAllCommand: Command = {
  name: 'revoke-all',
  summary: 'revoke the tokens a ledger recorded (plan, revoke, confirm, prune)',
  options: {
    ...CHANNEL_OPTIONS,
    ...CHANNEL_SECRET_OPTIONS,
    ...LEDGER_OPTIONS,
    keep: { type: 'string' },
    'older-than': { type: 'string' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' }
  },
  help: formatHelp({
    usage: 'line-token revoke-all --ledger SPEC [--keep N] [--older-than DURATION] [--dry-run] [--json]',
    description: [
      "Lists the channel's valid key IDs once and plans against the ledger: recorded tokens still valid",
      'are revoked (except the newest --keep N and those younger than --older-than), records no longer',
      'listed are pruned, and valid key IDs the ledger does not know are reported as unknown (they',
      'cannot be revoked without the token). Each revoke is confirmed by listing again. Prints one line',
      'per key ID; exits 1 if a revoke failed or its key ID stayed listed.'
    ],
    options: [
      `${LEDGER_HELP} (required)`,
      '--keep N                 keep the newest N valid recorded tokens (default 0)',
      '--older-than DURATION    revoke only tokens issued at least this long ago (6h, 1d, …)',
      '--dry-run                plan and print only; revoke nothing, change nothing',
      '--json                   print the full report as JSON',
      ...CHANNEL_HELP,
      ...CHANNEL_SECRET_HELP
    ],
    examples: [
      'line-token revoke-all --ledger file:./ledger --dry-run',
      'line-token revoke-all --ledger file:./ledger --keep 1',
      'GH_TOKEN=$(gh auth token) line-token revoke-all --ledger github:me/bot --older-than 6h'
    ]
  }),
  run: revokeAll
}

async function revokeAll(ctx: CommandContext, flags: Flags): Promise<void> {
  const ledgerSpec = flags.string('ledger')
  if (ledgerSpec === undefined) {
    throw new UsageError('--ledger SPEC is required: revoke-all can only revoke tokens a ledger recorded (a token cannot be revoked without the token itself).')
  }
  const keep = parseKeep(flags.string('keep') ?? '', '--keep')
  const olderThanSeconds = parseOlderThan(flags.string('older-than') ?? '', '--older-than')
  const dryRun = flags.boolean('dry-run')
  const { session, channelId } = await openChannelSession(ctx, flags)
  const channelSecret = await requireChannelSecret(ctx, flags, "to revoke (LINE's revoke call needs it) and to read the ledger")
  const ledger = await openCliLedger(ctx, ledgerSpec, channelSecret)

  if (dryRun) ctx.say('Dry run: planning only; nothing is revoked and the ledger is not changed.')
  const report = await runRevokeAll({
    session,
    ledger,
    channelId,
    channelSecret,
    keep,
    olderThanSeconds,
    dryRun,
    clock: ctx.io.clock,
    logger: ctx.logger,
    onToken: (token) => ctx.redactor.add(token)
  })

  if (flags.boolean('json')) ctx.print(JSON.stringify(report))
  else for (const line of reportLines(report)) ctx.print(line)
  ctx.say(summaryLine(report))
  if (report.counts.failed > 0) {
    throw new CommandFailed(`${report.counts.failed} token(s) could not be revoked (see the warnings above); they still hold slots on channel ${channelId}.`)
  }
}

/** One line per key ID: key ID, fate, issue and expiry times, and why. */
function reportLines(report: RevokeAllReport): string[] {
  return report.items.map((item) => {
    const times = item.issuedAt ? `  issued ${item.issuedAt}  expires ${item.expiresAt}` : ''
    return `${item.keyId}  ${FATE_TEXT[item.fate]}${times}  (${REASON_TEXT[item.reason]})`
  })
}

function summaryLine(report: RevokeAllReport): string {
  const { counts } = report
  const olderThan = report.olderThanSeconds === undefined ? '' : `, older than ${formatDuration(report.olderThanSeconds)}`
  const done = report.dryRun
    ? `Dry run: would revoke ${report.items.filter((i) => i.fate === 'would-revoke').length}, would prune ${report.items.filter((i) => i.fate === 'would-prune').length}`
    : `Revoked ${counts.revoked}, pruned ${counts.pruned}`
  const failed = counts.failed ? `, failed ${counts.failed}` : ''
  const unconfirmed = counts.unconfirmed ? `, not confirmed ${counts.unconfirmed}` : ''
  const active = counts.active === undefined ? `unknown (${report.activeBefore} before)` : String(counts.active)
  return `${done}, kept ${counts.kept} (keep ${report.keep}${olderThan}), unknown ${counts.unknown}${failed}${unconfirmed}. Active v2.1 tokens on channel ${report.channelId}: ${active} of ${report.maxActive}.`
}
