// Section 3, end to end over dist/main: LINE's endpoint answers with a redirect to another
// host. The action does not follow it (the assertion and tokens must never go elsewhere):
// the other server receives nothing, and the error says what to fix.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { HTTP_HINTS } from '../../src/http-response.js'
import { runAction, runMainThenPost } from '../helpers/action-runner.js'
import { startServer, type TestServer } from '../helpers/http-server.js'
import { startLineChannel, type LineChannel } from '../helpers/line-channel.js'

describe('a redirect is not followed', () => {
  let line: LineChannel
  let elsewhere: TestServer
  beforeAll(async () => {
    line = await startLineChannel()
    elsewhere = await startServer([{ status: 200, body: { access_token: 'stolen', expires_in: 60, token_type: 'Bearer', key_id: 'x' } }])
  })
  afterAll(async () => {
    await elsewhere.close()
    await line.emulator.close()
  })
  beforeEach(() => {
    line.emulator.clearRequests()
    elsewhere.requests.length = 0
  })

  it.each([[301], [302], [307], [308]])('issue: HTTP %i to another host fails, and that host gets no request', async (status) => {
    line.emulator.addFault({ path: '/oauth2/v2.1/token', responses: [{ status, body: '', headers: { location: `${elsewhere.url}/oauth2/v2.1/token` } }] })
    const result = await runAction({ entry: 'main', inputs: line.inputs, secrets: line.secrets })
    expect(result.exitCode).not.toBe(0)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(new RegExp(`^LINE API: issue a v2\\.1 token failed: HTTP ${status}`))
    expect(result.errors[0]).toContain(HTTP_HINTS.redirect)
    expect(result.errors[0]).not.toContain(elsewhere.url)
    expect(result.outputs).toEqual({})
    expect(elsewhere.requests).toEqual([])
    expect(line.emulator.requests()).toHaveLength(1)
  })

  it('post step: a redirected revoke (token and channel secret in the body) is not followed', async () => {
    line.emulator.addFault({ path: '/oauth2/v2.1/revoke', responses: [{ status: 307, body: '', headers: { location: `${elsewhere.url}/oauth2/v2.1/revoke` } }] })
    const { main, post } = await runMainThenPost({ inputs: line.inputs, secrets: line.secrets })
    expect(main.errors).toEqual([])
    expect(post.exitCode).toBe(0)
    expect(post.warnings).toEqual([expect.stringMatching(/^The token was not revoked: LINE API: revoke a token failed: HTTP 307/)])
    expect(post.warnings[0]).toContain(HTTP_HINTS.redirect)
    expect(elsewhere.requests).toEqual([])
  })
})
