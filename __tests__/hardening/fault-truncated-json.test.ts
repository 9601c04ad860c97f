// Section 3, end to end over dist/main: a 200 whose JSON body is cut short (a complete
// HTTP answer, so no network error). The step fails with a clear "not JSON" error that
// never quotes the body, and sets no output.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { LINE_HINTS } from '../../src/line-errors.js'
import { runAction } from '../helpers/action-runner.js'
import { startLineChannel, type LineChannel } from '../helpers/line-channel.js'

const TOKEN_IN_BODY = 'eyJhbGciOiJIUzI1NiJ9.truncated-token-that-must-never-be-printed-42'

describe('truncated JSON in a 200 answer (bundle)', () => {
  let line: LineChannel
  beforeAll(async () => (line = await startLineChannel()))
  afterAll(() => line.emulator.close())
  beforeEach(() => line.emulator.clearRequests())

  it.each([
    ['v2.1', '/oauth2/v2.1/token', 'issue a v2.1 token'],
    ['stateless', '/oauth2/v3/token', 'issue a stateless token']
  ])('%s: "unexpected answer … not JSON", no output', async (tokenType, path, operation) => {
    const cut = JSON.stringify({ access_token: TOKEN_IN_BODY, expires_in: 3600, token_type: 'Bearer', key_id: 'k' }).slice(0, 60)
    line.emulator.addFault({ path, responses: [{ status: 200, body: cut, headers: { 'content-type': 'application/json' } }] })
    const result = await runAction({ entry: 'main', inputs: { ...line.inputs, 'token-type': tokenType }, secrets: [...line.secrets, TOKEN_IN_BODY, cut] })
    expect(result.exitCode).not.toBe(0)
    expect(result.errors).toEqual([
      expect.stringMatching(new RegExp(`^LINE API: ${operation.replace('.', '\\.')} failed: unexpected answer \\(HTTP 200\\) \\(request ID [0-9a-f-]+\\)\\. The answer was not JSON; is api-base-url pointing at LINE's API\\?`))
    ])
    if (tokenType === 'v2.1') expect(result.errors[0]).toContain(LINE_HINTS.maybeIssued)
    expect(result.errors[0]).not.toContain(TOKEN_IN_BODY.slice(0, 20))
    expect(result.outputs).toEqual({})
    expect(result.masked).not.toContain('')
    expect(line.emulator.requests()).toHaveLength(1)
  })
})
