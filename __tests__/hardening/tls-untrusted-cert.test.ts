// Section 4: a certificate from a CA the runner does not trust fails at once (no retries)
// with a clear TLS error that names NODE_EXTRA_CA_CERTS, and the server never gets a request.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { NETWORK_HINTS } from '../../src/http-transport.js'
import { runAction } from '../helpers/action-runner.js'
import { startLineChannel, type LineChannel } from '../helpers/line-channel.js'
import { makeTestPki, type TestPki } from '../helpers/tls.js'

describe('HTTPS with a certificate the runner does not trust', () => {
  let pki: TestPki
  let otherCa: TestPki
  let line: LineChannel
  beforeAll(async () => {
    pki = makeTestPki()
    otherCa = makeTestPki('Some Other CA')
    line = await startLineChannel({ tls: pki.server })
  })
  afterAll(async () => {
    await line.emulator.close()
    pki.remove()
    otherCa.remove()
  })

  it.each([
    ['no extra CA', false],
    ['a different CA in NODE_EXTRA_CA_CERTS', true]
  ])('fails with a TLS error naming NODE_EXTRA_CA_CERTS (%s)', async (_name, otherCaTrusted) => {
    const env: Record<string, string> = otherCaTrusted ? { NODE_EXTRA_CA_CERTS: otherCa.caCertFile } : {}
    const result = await runAction({ entry: 'main', inputs: line.inputs, env, secrets: line.secrets })
    expect(result.exitCode).not.toBe(0)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(/^LINE API: issue a v2\.1 token failed: network error \((UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)\)/)
    expect(result.errors[0]).toContain(NETWORK_HINTS.tls)
    expect(result.errors[0]).toContain('NODE_EXTRA_CA_CERTS')
    // Not retried: the certificate will be just as wrong next time.
    expect(result.stdout).not.toContain('retrying')
    expect(result.outputs).toEqual({})
    expect(line.emulator.requests()).toEqual([])
  })
})
