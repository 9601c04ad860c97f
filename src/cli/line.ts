/** The LINE client the commands use: the shared HTTP layer, API and session, wired to the CLI's I/O. */
import { createLineHttp, type LineHttp } from '../http.js'
import { createLineApi, type LineApi } from '../line-api.js'
import { createLineSession, type LineSession } from '../session.js'
import type { Flags } from './args.js'
import type { CommandContext } from './context.js'
import { readApiBaseUrl, readChannelId, readChannelKey } from './settings.js'
import { VERSION } from './version.js'

export const USER_AGENT = `line-token/${VERSION} (line-channel-access-token-action)`

export function createCliHttp(ctx: CommandContext, baseUrl: string): LineHttp {
  const { io } = ctx
  return createLineHttp({ baseUrl, transport: io.transport, clock: io.clock, logger: ctx.logger, policy: io.retryPolicy, userAgent: USER_AGENT })
}

export function createCliApi(ctx: CommandContext, flags: Flags): LineApi {
  return createLineApi(createCliHttp(ctx, readApiBaseUrl(ctx, flags)))
}

export interface ChannelSession {
  session: LineSession
  channelId: string
  /** The signing key's key ID (not a token's). */
  keyId: string
}

/**
 * Read the channel's settings (ID, key, key ID, API URL) and open a session. Every setting
 * is checked here, before anything is sent.
 */
export async function openChannelSession(ctx: CommandContext, flags: Flags): Promise<ChannelSession> {
  const channelId = readChannelId(ctx, flags)
  const { signingKey, keyId } = await readChannelKey(ctx, flags)
  const api = createCliApi(ctx, flags)
  const session = createLineSession({
    api,
    channelId,
    keyId,
    privateKey: signingKey.privateKey,
    clock: ctx.io.clock,
    logger: ctx.logger,
    onAssertion: (assertion) => ctx.redactor.add(assertion)
  })
  return { session, channelId, keyId }
}
