// Section 4: an HTTP CONNECT proxy on 127.0.0.1 in front of the HTTPS emulator, with
// api-base-url on a host name only the proxy can resolve (api.line.test) and HTTPS_PROXY
// set: every request goes through the proxy (its log shows each tunnel) and succeeds.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runMainThenPost } from '../helpers/action-runner.js'
import { startLineChannel, type LineChannel } from '../helpers/line-channel.js'
import { startConnectProxy, type TestProxy } from '../helpers/proxy.js'
import { FAKE_LINE_HOST, makeTestPki, type TestPki } from '../helpers/tls.js'

describe('HTTPS_PROXY: the action tunnels through an HTTP CONNECT proxy', () => {
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

  it('issues, revokes and confirms through the proxy', async () => {
    const { main, post } = await runMainThenPost({
      inputs: { ...line.inputs, 'api-base-url': `https://${FAKE_LINE_HOST}` },
      env: { HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: pki.caCertFile },
      secrets: line.secrets
    })
    expect(main.errors).toEqual([])
    expect(main.outputs.token).toBeTruthy()
    expect(post.warnings).toEqual([])
    expect(post.stdout).toContain('Revoked the token')
    // One tunnel per request (keep-alive is off): issue, list, revoke, list.
    expect(proxy.log).toEqual(Array(4).fill({ method: 'CONNECT', target: `${FAKE_LINE_HOST}:443`, status: 200 }))
    expect(line.emulator.requests().map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'POST /oauth2/v2.1/token 200',
      'GET /oauth2/v2.1/tokens/kid 200',
      'POST /oauth2/v2.1/revoke 200',
      'GET /oauth2/v2.1/tokens/kid 200'
    ])
    expect(line.emulator.activeKeyIds(line.channelId)).toEqual([])
  })

  it('the lower-case https_proxy works too', async () => {
    proxy.log.length = 0
    const { main } = await runMainThenPost({
      inputs: { ...line.inputs, 'api-base-url': `https://${FAKE_LINE_HOST}`, 'token-type': 'stateless' },
      env: { https_proxy: proxy.url, NODE_EXTRA_CA_CERTS: pki.caCertFile },
      secrets: line.secrets
    })
    expect(main.errors).toEqual([])
    expect(main.outputs.token).toBeTruthy()
    expect(proxy.log).toHaveLength(1)
  })
})
