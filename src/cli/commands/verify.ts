/** verify: how long a token has left (GET /oauth2/v2.1/verify). Needs only the token. */
import { formatDuration } from '../../duration.js'
import type { Flags } from '../args.js'
import { formatHelp, type Command } from '../command.js'
import type { CommandContext } from '../context.js'
import { createCliApi } from '../line.js'
import { TOKEN_HELP, TOKEN_OPTIONS, readAccessToken } from '../token-input.js'

export const verifyCommand: Command = {
  name: 'verify',
  summary: "show a token's remaining lifetime and channel",
  options: { ...TOKEN_OPTIONS, 'api-base-url': { type: 'string' }, json: { type: 'boolean' } },
  help: formatHelp({
    usage: 'line-token verify [--token-file FILE] [--json]   (token on stdin)',
    description: [
      "Asks LINE how long the token has left (GET /oauth2/v2.1/verify) and prints it with the token's",
      'channel ID. An expired, revoked or unknown token is a LINE error (exit 1).'
    ],
    options: [
      ...TOKEN_HELP,
      '--json                   print {client_id, expires_in, expires_at, scope}',
      "--api-base-url URL       where LINE's API is (env LINE_API_BASE_URL; default https://api.line.me)"
    ],
    examples: ['echo "$TOKEN" | line-token verify', 'line-token verify --token-file token.txt --json']
  }),
  run: verify
}

async function verify(ctx: CommandContext, flags: Flags): Promise<void> {
  const token = await readAccessToken(ctx, flags)
  const api = createCliApi(ctx, flags)
  const verified = await api.verifyToken(token)
  const expiresAt = new Date(ctx.io.clock.now() + verified.expiresIn * 1000).toISOString()
  if (flags.boolean('json')) {
    ctx.print(
      JSON.stringify({
        client_id: verified.clientId,
        expires_in: verified.expiresIn,
        expires_at: expiresAt,
        ...(verified.scope !== undefined ? { scope: verified.scope } : {})
      })
    )
    return
  }
  const scope = verified.scope ? `; scope ${verified.scope}` : ''
  ctx.print(`valid for ${formatDuration(verified.expiresIn)} (until ${expiresAt}); channel ${verified.clientId}${scope}`)
}
