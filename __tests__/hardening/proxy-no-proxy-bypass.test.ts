// Section 4: NO_PROXY naming the LINE host bypasses HTTPS_PROXY. The fake host then cannot be
// resolved without the proxy, so the step fails with the clear DNS message, and the proxy
// log proves it was never asked.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { NETWORK_HINTS } from '../../src/http-transport.js'
import { runAction } from '../helpers/action-runner.js'
import { startLineChannel, type LineChannel } from '../helpers/line-channel.js'
import { startConnectProxy, type TestProxy } from '../helpers/proxy.js'
import { FAKE_LINE_HOST, makeTestPki, type TestPki } from '../helpers/tls.js'

describe('NO_PROXY bypasses HTTPS_PROXY', () => {
  let pki: TestPki
  let line: LineChannel
  let proxy: TestProxy
  beforeAll(async () => {
    pki = makeTestPki()
    line = await startLineChannel({ tls: pki.server })
    proxy = await startConnectProxy({ [`${FAKE_LINE_HOST}:443`]: `127.0.0.1:${line.emulator.port}` })
  })
  afterAll(async () => {
    await proxy.close()
    await line.emulator.close()
    pki.remove()
  })

  it.each([['NO_PROXY', FAKE_LINE_HOST], ['no_proxy', `.line.test`]])('%s=%s: no tunnel, and a clear DNS error', async (name, value) => {
    proxy.log.length = 0
    const result = await runAction({
      entry: 'main',
      inputs: { ...line.inputs, 'api-base-url': `https://${FAKE_LINE_HOST}` },
      env: { HTTPS_PROXY: proxy.url, [name]: value, NODE_EXTRA_CA_CERTS: pki.caCertFile },
      secrets: line.secrets
    })
    expect(proxy.log).toEqual([])
    expect(result.exitCode).not.toBe(0)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(/^LINE API: issue a v2\.1 token failed: network error \((ENOTFOUND|EAI_AGAIN)\)/)
    expect(result.errors[0]).toContain(NETWORK_HINTS.dns)
    expect(result.outputs).toEqual({})
    expect(line.emulator.requests()).toEqual([])
  })

  it('a control run without NO_PROXY does reach the proxy (so the test above can fail)', async () => {
    proxy.log.length = 0
    const result = await runAction({
      entry: 'main',
      inputs: { ...line.inputs, 'api-base-url': `https://${FAKE_LINE_HOST}`, 'token-type': 'stateless' },
      env: { HTTPS_PROXY: proxy.url, NO_PROXY: 'example.com', NODE_EXTRA_CA_CERTS: pki.caCertFile },
      secrets: line.secrets
    })
    expect(result.errors).toEqual([])
    expect(proxy.log.map((entry) => entry.target)).toEqual([`${FAKE_LINE_HOST}:443`])
  })
})
