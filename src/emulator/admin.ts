import { plainError, type Answer } from './answers.js'
import { messageOf } from '../errors.js'
import type { Emulator } from './types.js'

/** The admin API's path prefix; never faulted, delayed or logged. */
export const ADMIN_PREFIX = '/__emulator/'

export type EmulatorControls = Omit<Emulator, 'url' | 'port' | 'close'>

type AdminHandler = (controls: EmulatorControls, input: AdminInput) => unknown

interface AdminInput {
  body: Record<string, unknown>
  query: URLSearchParams
}

const OK = { ok: true }

/** `METHOD name` → handler. Each mirrors one method of the Emulator object, JSON in and out. */
const ADMIN_ROUTES: Readonly<Record<string, AdminHandler>> = {
  'POST channels': (c, { body }) => c.addChannel(body.channelId as string, body.channelSecret as string | undefined),
  'POST keys': (c, { body }) => ({ kid: c.registerPublicKey(body.channelId as string, body.publicJwk as never) }),
  'POST faults': (c, { body }) => (c.addFault(body as never), OK),
  'DELETE faults': (c) => (c.clearFaults(), OK),
  'POST clock': (c, { body }) => (c.setClockSkew(body.skewMs as number), OK),
  'POST latency': (c, { body }) => (c.setLatency(body.ms as number), OK),
  'GET requests': (c) => c.requests(),
  'DELETE requests': (c) => (c.clearRequests(), OK),
  'GET tokens': (c, { query }) => c.tokens(query.get('channelId') ?? ''),
  'GET kids': (c, { query }) => c.activeKeyIds(query.get('channelId') ?? ''),
  'POST seed': (c, { body }) => c.seedToken(body.channelId as string, body.lifetimeSeconds as number)
}

export function answerAdminRequest(
  controls: EmulatorControls,
  method: string,
  path: string,
  query: URLSearchParams,
  bodyText: string
): Answer {
  const handler = ADMIN_ROUTES[`${method} ${path.slice(ADMIN_PREFIX.length)}`]
  if (!handler) return plainError(404, `No admin route ${method} ${path}`)
  let body: unknown
  try {
    body = bodyText.trim() === '' ? {} : JSON.parse(bodyText)
  } catch {
    return plainError(400, 'The admin API takes a JSON body')
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return plainError(400, 'The admin API takes a JSON object')
  try {
    return { status: 200, json: handler(controls, { body: body as Record<string, unknown>, query }) }
  } catch (error) {
    return plainError(400, messageOf(error))
  }
}
