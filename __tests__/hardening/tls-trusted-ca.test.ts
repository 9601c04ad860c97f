// Section 4: the emulator over HTTPS with a certificate from a CA the test generates, trusted
// through NODE_EXTRA_CA_CERTS: the bundled main and post steps issue, revoke and confirm.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runMainThenPost } from '../helpers/action-runner.js'
import { startLineChannel, type LineChannel } from '../helpers/line-channel.js'
import { makeTestPki, type TestPki } from '../helpers/tls.js'

describe('HTTPS with a private CA trusted via NODE_EXTRA_CA_CERTS', () => {
  let pki: TestPki
  let line: LineChannel
  beforeAll(async () => {
    pki = makeTestPki()
    line = await startLineChannel({ tls: pki.server })
  })
  afterAll(async () => {
    await line.emulator.close()
    pki.remove()
  })

  it('issues over TLS, then revokes and confirms', async () => {
    expect(line.emulator.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
    const { main, post } = await runMainThenPost({
      inputs: line.inputs,
      env: { NODE_EXTRA_CA_CERTS: pki.caCertFile },
      secrets: line.secrets
    })
    expect(main.errors).toEqual([])
    expect(main.exitCode).toBe(0)
    expect(main.outputs.token).toBeTruthy()
    expect(post.warnings).toEqual([])
    expect(post.stdout).toContain('Revoked the token')
    expect(line.emulator.activeKeyIds(line.channelId)).toEqual([])
    // The TLS server really answered: issue, list, revoke, list.
    expect(line.emulator.requests().map((r) => r.status)).toEqual([200, 200, 200, 200])
  })
})
