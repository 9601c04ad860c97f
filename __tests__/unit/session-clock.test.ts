import { afterEach, describe, expect, it } from '@jest/globals'
import { systemClock } from '../../src/clock.js'
import { LineApiError } from '../../src/errors.js'
import { createLineHttp } from '../../src/http.js'
import { createLineApi } from '../../src/line-api.js'
import { CLOCK_HINTS, createLineSession, describeOffset } from '../../src/session.js'
import { startServer, type ScriptedResponse, type TestServer } from '../helpers/http-server.js'
import { testKey } from '../helpers/keys.js'

const INVALID_EXP = { status: 400, body: { error: 'invalid_client', error_description: 'Invalid exp' } }
const ISSUED = { status: 200, body: { access_token: 'token', expires_in: 3600, token_type: 'Bearer', key_id: 'kid-1' } }

let server: TestServer | undefined
afterEach(() => server?.close())

async function sessionAgainst(script: ScriptedResponse[]) {
  server = await startServer(script)
  const warnings: string[] = []
  const http = createLineHttp({ baseUrl: server.url, policy: { baseDelayMs: 1, maxDelayMs: 2 } })
  const session = createLineSession({
    api: createLineApi(http),
    channelId: '1660000001',
    keyId: 'kid',
    privateKey: testKey().privateKey,
    clock: systemClock,
    logger: { debug() {}, info() {}, warning: (m) => void warnings.push(m) }
  })
  return { session, warnings, server }
}

describe('session: clock-skew correction from LINE\'s Date header', () => {
  it('corrects once, from the Date header, and remembers the offset for later calls', async () => {
    const lineTime = new Date(Date.now() + 20 * 60_000).toUTCString()
    const { session, warnings, server } = await sessionAgainst([{ ...INVALID_EXP, headers: { date: lineTime } }, ISSUED])
    await expect(session.issueV21Token(3600)).resolves.toMatchObject({ keyId: 'kid-1' })
    expect(server.requests).toHaveLength(2)
    expect(session.clockOffsetMs).toBeGreaterThan(19 * 60_000)
    expect(warnings[0]).toContain("this runner's clock is about 20 minutes behind LINE's")
  })

  it('no usable Date header: no retry, and the hint says to check the clock', async () => {
    const { session, server } = await sessionAgainst([{ ...INVALID_EXP, headers: { date: 'not a date' } }])
    const error = await session.listValidKeyIds().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LineApiError)
    expect((error as LineApiError).hint).toBe(CLOCK_HINTS.noDate)
    expect(server.requests).toHaveLength(1)
  })

  it('refused again with LINE\'s own time: the hint points at a proxy rewriting Date', async () => {
    const lineTime = new Date(Date.now() - 25 * 60_000).toUTCString()
    const { session, server } = await sessionAgainst([{ ...INVALID_EXP, headers: { date: lineTime } }])
    const error = (await session.issueStatelessToken().catch((e: unknown) => e)) as LineApiError
    expect(error.hint).toBe(CLOCK_HINTS.stillRefused)
    expect(error.message).toContain('HTTP 400: invalid_client: Invalid exp')
    expect(server.requests).toHaveLength(2)
  })

  it('other errors pass through untouched', async () => {
    const { session } = await sessionAgainst([{ status: 404, body: { message: 'Cannot find channel key that satisfies the conditions' } }])
    const error = (await session.listValidKeyIds().catch((e: unknown) => e)) as LineApiError
    expect(error.status).toBe(404)
    expect(error.hint).not.toBe(CLOCK_HINTS.noDate)
  })

  it('describes offsets the way people read them', () => {
    expect(describeOffset(45_000)).toBe('about 45 s behind')
    expect(describeOffset(-45_400)).toBe('about 45 s ahead of')
    expect(describeOffset(-20 * 60_000 - 800)).toBe('about 20 minutes ahead of')
  })
})
