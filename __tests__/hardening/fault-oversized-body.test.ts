// Section 3: an answer far larger than anything LINE sends is not read to the end.
// End to end over dist/main with the emulator's 2 MiB answer (declared length), and in
// process against a server that streams an endless body: the read stops at the limit.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { systemClock } from '../../src/clock.js'
import { DEFAULT_MAX_BODY_BYTES } from '../../src/http.js'
import { LINE_HINTS } from '../../src/line-errors.js'
import { runMainStep } from '../../src/main-step.js'
import { runAction } from '../helpers/action-runner.js'
import { fakeCore } from '../helpers/fake-core.js'
import { startServer, type TestServer } from '../helpers/http-server.js'
import { startLineChannel, type LineChannel } from '../helpers/line-channel.js'

describe('an oversized answer', () => {
  let line: LineChannel
  let endless: TestServer
  let bytesSent = 0
  beforeAll(async () => {
    line = await startLineChannel()
    // Streams JSON-looking bytes until the client goes away.
    endless = await startServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.write('{"access_token":"')
      const chunk = 'x'.repeat(64 * 1024)
      const pump = () => {
        while (!response.destroyed && bytesSent < 64 * 1024 * 1024) {
          bytesSent += chunk.length
          if (!response.write(chunk)) return void response.once('drain', pump)
        }
        response.end()
      }
      response.on('error', () => undefined)
      pump()
    })
  })
  afterAll(async () => {
    await endless.close()
    await line.emulator.close()
  })

  it('bundle: a 2 MiB answer fails at once with "larger than … bytes"', async () => {
    line.emulator.addFault({ path: '/oauth2/v2.1/token', responses: [{ status: 200, bodyBytes: 2 * 1024 * 1024 }] })
    const result = await runAction({ entry: 'main', inputs: line.inputs, secrets: line.secrets })
    expect(result.exitCode).not.toBe(0)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(/^LINE API: issue a v2\.1 token failed: unexpected answer \(HTTP 200\)/)
    expect(result.errors[0]).toContain(`larger than ${DEFAULT_MAX_BODY_BYTES} bytes, far more than LINE sends: check api-base-url`)
    expect(result.errors[0]).toContain(LINE_HINTS.maybeIssued)
    expect(result.outputs).toEqual({})
    expect(result.stdout.length + result.stderr.length).toBeLessThan(20_000)
  })

  it('in process: an endless body is abandoned soon after the limit', async () => {
    const core = fakeCore({ ...line.inputs, 'api-base-url': endless.url, 'token-type': 'stateless' })
    const started = Date.now()
    await runMainStep({ core, clock: systemClock, env: {}, retryPolicy: { maxAttempts: 1, timeoutMs: 20_000 } })
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(core.failures).toHaveLength(1)
    expect(core.failures[0]).toMatch(/^LINE API: issue a stateless token failed: unexpected answer \(HTTP 200\)\. The answer's body is larger than/)
    // Far less than the 64 MiB the server was ready to send.
    expect(bytesSent).toBeLessThan(16 * 1024 * 1024)
    expect(core.outputs).toEqual({})
  })
})
