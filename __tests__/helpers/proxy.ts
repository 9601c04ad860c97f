/**
 * A small HTTP CONNECT proxy on 127.0.0.1 that logs every request it gets and resolves host
 * names itself: `hosts` maps a `host:port` target (e.g. `api.line.test:443`) to the
 * `127.0.0.1:port` it really connects to. Unknown targets get 502; plain (non-CONNECT)
 * requests get 405. Nothing else on the machine can resolve the fake names, so a request
 * that succeeds provably went through the proxy.
 */
import { createServer, type IncomingMessage } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'

export interface ProxyLogEntry {
  method: string
  /** The CONNECT target (`host:port`) or the request URL. */
  target: string
  /** 200 when the tunnel was opened. */
  status: number
}

export interface TestProxy {
  url: string
  port: number
  log: ProxyLogEntry[]
  close(): Promise<void>
}

export async function startConnectProxy(hosts: Record<string, string>): Promise<TestProxy> {
  const log: ProxyLogEntry[] = []
  const sockets = new Set<Socket>()
  const server = createServer((request, response) => {
    log.push({ method: request.method ?? '', target: request.url ?? '', status: 405 })
    response.writeHead(405, { 'content-type': 'text/plain' }).end('This test proxy only tunnels (CONNECT).\n')
  })
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  server.on('connect', (request: IncomingMessage, client: Socket, head: Buffer) => {
    const target = request.url ?? ''
    const mapped = hosts[target.toLowerCase()]
    if (!mapped) {
      log.push({ method: 'CONNECT', target, status: 502 })
      client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n')
      return
    }
    const [host, port] = mapped.split(':')
    const upstream = connect(Number(port), host, () => {
      log.push({ method: 'CONNECT', target, status: 200 })
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length) upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    sockets.add(upstream)
    upstream.on('close', () => sockets.delete(upstream))
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    log,
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
