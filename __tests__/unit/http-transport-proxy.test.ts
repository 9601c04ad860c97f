// The default transport through a proxy, in process: when HTTP(S)_PROXY applies to the URL,
// the request goes through @actions/http-client (loaded only then) and its CONNECT tunnel;
// otherwise straight to the server. (The bundle-level HTTPS proxy tests are in hardening/.)
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { startEmulator, type Emulator } from '../../src/emulator/index.js'
import { createHttpClientTransport, createLineHttp } from '../../src/http.js'
import { createLineApi } from '../../src/line-api.js'
import { startConnectProxy, type TestProxy } from '../helpers/proxy.js'

const SAVED = { ...process.env }
const HOST = 'api.line.test'

describe('default transport: a proxy that applies is used, NO_PROXY bypasses it', () => {
  let emulator: Emulator
  let proxy: TestProxy
  let token: string
  beforeAll(async () => {
    emulator = await startEmulator()
    proxy = await startConnectProxy({ [`${HOST}:80`]: `127.0.0.1:${emulator.port}` })
    token = emulator.seedToken('1660000001', 3600).accessToken
  })
  afterEach(() => {
    process.env = { ...SAVED }
    proxy.log.length = 0
  })
  afterAll(async () => {
    await proxy.close()
    await emulator.close()
  })

  const api = () => createLineApi(createLineHttp({ baseUrl: `http://${HOST}`, transport: createHttpClientTransport(), policy: { maxAttempts: 1 } }))

  it('HTTP_PROXY: the call tunnels through the proxy and succeeds', async () => {
    process.env.HTTP_PROXY = proxy.url
    await expect(api().verifyToken(token)).resolves.toMatchObject({ clientId: '1660000001' })
    expect(proxy.log).toEqual([{ method: 'CONNECT', target: `${HOST}:80`, status: 200 }])
    expect(emulator.requests().at(-1)).toMatchObject({ path: '/oauth2/v2.1/verify', status: 200 })
  })

  it('NO_PROXY for the host: no tunnel, so the unresolvable host fails as a DNS error', async () => {
    process.env.HTTP_PROXY = proxy.url
    process.env.NO_PROXY = HOST
    const error = (await api().verifyToken(token).catch((e: unknown) => e)) as Error
    expect(error.message).toMatch(/network error \((ENOTFOUND|EAI_AGAIN)\)/)
    expect(proxy.log).toEqual([])
  })
})
