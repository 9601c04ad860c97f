import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo, Socket } from 'node:net'
import { ADMIN_PREFIX, answerAdminRequest, type EmulatorControls } from './admin.js'
import { plainError, type Answer } from './answers.js'
import { SkewedClock } from './clock.js'
import { playFault } from './fault-answer.js'
import { FaultQueue, replacesAnswer } from './faults.js'
import { BodyTooLargeError, commonHeaders, lowerCaseKeys, readBody, Waits, writeAnswer } from './http-io.js'
import { answerLineRequest } from './line-routes.js'
import { EmulatorState } from './state.js'
import type { Emulator, EmulatorOptions, EmulatorRequestLog } from './types.js'

const FORM_TYPE = 'application/x-www-form-urlencoded'

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const clock = new SkewedClock(options.clockSkewMs ?? 0)
  const state = new EmulatorState(() => clock.now())
  const faults = new FaultQueue()
  const waits = new Waits()
  const log: EmulatorRequestLog[] = []
  let latencyMs = checkedLatency(options.latencyMs ?? 0)

  const controls: EmulatorControls = {
    addChannel: (channelId, channelSecret) => state.addChannel(channelId, channelSecret),
    registerPublicKey: (channelId, publicJwk) => state.registerPublicKey(channelId, publicJwk),
    addFault: (rule) => faults.add(rule),
    clearFaults: () => faults.clear(),
    setClockSkew: (ms) => clock.setSkew(ms),
    setLatency: (ms) => {
      latencyMs = checkedLatency(ms)
    },
    requests: () => log.map((entry) => ({ ...entry })),
    clearRequests: () => {
      log.length = 0
    },
    tokens: (channelId) => state.tokens(channelId),
    activeKeyIds: (channelId) => state.activeKeyIds(channelId),
    seedToken: (channelId, lifetimeSeconds) => {
      if (!(Number.isInteger(lifetimeSeconds) && lifetimeSeconds > 0)) {
        throw new Error('lifetimeSeconds must be a whole number of seconds above 0')
      }
      state.addChannel(channelId)
      const token = state.issueV21(channelId, lifetimeSeconds)
      return { accessToken: token.accessToken, keyId: token.keyId }
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // A server-side IncomingMessage always has a url and a method.
    const url = new URL(request.url as string, 'http://emulator')
    const method = request.method as string
    let bodyText: string
    try {
      bodyText = await readBody(request)
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error
      response.setHeader('connection', 'close')
      send(response, plainError(413, 'Request body too large'), {})
      return
    }
    if (url.pathname.startsWith(ADMIN_PREFIX)) {
      send(response, answerAdminRequest(controls, method, url.pathname, url.searchParams, bodyText), {})
      return
    }

    await waits.wait(latencyMs)
    const fault = faults.take(url.pathname)
    const record = (status: number) =>
      log.push({ method, path: url.pathname, status, at: clock.now(), injected: fault !== undefined })
    if (fault) {
      await waits.wait(fault.delayMs ?? 0)
      if (replacesAnswer(fault)) {
        record(playFault(fault, request, response, commonHeaders(clock.now())))
        return
      }
    }
    const isForm = (request.headers['content-type'] ?? '').toLowerCase().startsWith(FORM_TYPE)
    const answer = await answerLineRequest(
      { method, path: url.pathname, query: url.searchParams, form: isForm ? new URLSearchParams(bodyText) : undefined },
      state,
      clock.now()
    )
    send(response, answer, lowerCaseKeys(fault?.headers ?? {}))
    record(answer.status)
  }

  function send(response: ServerResponse, answer: Answer, extraHeaders: Record<string, string>): void {
    const body = answer.json === undefined ? '' : JSON.stringify(answer.json)
    writeAnswer(response, answer.status, body, { ...commonHeaders(clock.now()), 'cache-control': 'no-store', ...extraHeaders })
  }

  const handler = (request: IncomingMessage, response: ServerResponse) => {
    handle(request, response).catch(() => {
      // A client that aborts its upload lands here; so would a bug. Answer like a broken server, never crash.
      if (!response.headersSent) send(response, plainError(500, 'Internal server error'), {})
    })
  }
  const server: Server = options.tls ? createHttpsServer(options.tls, handler) : createHttpServer(handler)

  // Track raw sockets so close() can destroy hanging and keep-alive connections at once.
  const sockets = new Set<Socket>()
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })

  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo

  return {
    url: `${options.tls ? 'https' : 'http'}://${host}:${port}`,
    port,
    ...controls,
    close: () =>
      new Promise<void>((resolve) => {
        waits.cancelAll()
        server.close(() => resolve())
        for (const socket of sockets) socket.destroy()
      })
  }
}

function checkedLatency(ms: number): number {
  if (!(Number.isFinite(ms) && ms >= 0)) throw new Error('latency must be a number of milliseconds, 0 or more')
  return ms
}
