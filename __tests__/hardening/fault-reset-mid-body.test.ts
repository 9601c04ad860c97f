// Section 3, end to end over dist/main: LINE sends the headers and half of the body, then
// resets the connection. A v2.1 issue is not retried (LINE may have issued the token) and
// the error says so; a stateless issue is retried and succeeds.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { LINE_HINTS } from '../../src/line-errors.js'
import { runAction } from '../helpers/action-runner.js'
import { startLineChannel, type LineChannel } from '../helpers/line-channel.js'

const TOKEN_IN_BODY = 'eyJhbGciOiJIUzI1NiJ9.cut-off-token-that-must-never-be-printed-0123456789'
const body = JSON.stringify({ access_token: TOKEN_IN_BODY, expires_in: 3600, token_type: 'Bearer', key_id: 'kid-reset' })

describe('connection reset in the middle of the body (bundle)', () => {
  let line: LineChannel
  beforeAll(async () => (line = await startLineChannel()))
  afterAll(() => line.emulator.close())
  beforeEach(() => line.emulator.clearRequests())

  it('v2.1: fails once with a network error and the "may have issued" hint; no token output', async () => {
    line.emulator.addFault({ path: '/oauth2/v2.1/token', responses: [{ status: 200, body, resetMidBody: true }] })
    const result = await runAction({ entry: 'main', inputs: line.inputs, secrets: [...line.secrets, TOKEN_IN_BODY] })
    expect(result.exitCode).not.toBe(0)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(/^LINE API: issue a v2\.1 token failed: network error/)
    expect(result.errors[0]).toContain(LINE_HINTS.maybeIssued)
    expect(result.errors[0]).not.toMatch(/Unexpected error/)
    expect(result.outputs).toEqual({})
    expect(result.masked).not.toContain('')
    expect(line.emulator.requests()).toHaveLength(1)
  })

  it('stateless: retried, and the second attempt succeeds', async () => {
    line.emulator.addFault({ path: '/oauth2/v3/token', responses: [{ status: 200, body, resetMidBody: true }] })
    const result = await runAction({ entry: 'main', inputs: { ...line.inputs, 'token-type': 'stateless' }, secrets: [...line.secrets, TOKEN_IN_BODY] })
    expect(result.errors).toEqual([])
    expect(result.outputs.token).toBeTruthy()
    expect(result.outputs.token).not.toBe(TOKEN_IN_BODY)
    expect(result.stdout).toMatch(/LINE could not be reached[^\n]*; retrying/)
    expect(line.emulator.requests().map((r) => r.injected)).toEqual([true, false])
  })
})
