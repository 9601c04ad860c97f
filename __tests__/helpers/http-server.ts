/**
 * A real HTTP server on 127.0.0.1 (random port) for tests of the HTTP layer: answer with a
 * handler or a scripted list of responses, record every request, and close for good
 * (open sockets included, so a hanging answer never keeps jest alive).
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import type { Clock, Sleep } from '../../src/clock.js'
import type { Logger } from '../../src/logger.js'

export interface RecordedRequest {
  method: string
  /** Path and query, as sent. */
  url: string
  headers: IncomingHttpHeaders
  body: string
}

export type Handler = (request: RecordedRequest, response: ServerResponse, raw: IncomingMessage) => void | Promise<void>

export interface ScriptedResponse {
  status?: number
  headers?: Record<string, string>
  /** A string is sent as is; anything else as JSON. */
  body?: unknown
  /** Accept the request and never answer. */
  hang?: boolean
  /** Drop the connection without answering. */
  reset?: boolean
}

export interface TestServer {
  /** e.g. http://127.0.0.1:40123 */
  url: string
  port: number
  requests: RecordedRequest[]
  close(): Promise<void>
}

/** Starts a server; a script answers the nth request with its nth entry (the last one repeats). */
export async function startServer(handlerOrScript: Handler | ScriptedResponse[]): Promise<TestServer> {
  const handler = typeof handlerOrScript === 'function' ? handlerOrScript : scriptHandler(handlerOrScript)
  const requests: RecordedRequest[] = []
  const sockets = new Set<Socket>()
  const server = createServer((raw, response) => {
    const chunks: Buffer[] = []
    raw.on('data', (chunk: Buffer) => chunks.push(chunk))
    raw.on('end', () => {
      const request = { method: raw.method ?? '', url: raw.url ?? '', headers: raw.headers, body: Buffer.concat(chunks).toString('utf8') }
      requests.push(request)
      void handler(request, response, raw)
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}

function scriptHandler(script: ScriptedResponse[]): Handler {
  let next = 0
  return (_request, response) => {
    const step = script[Math.min(next++, script.length - 1)]
    if (step.hang) return
    if (step.reset) {
      response.socket?.destroy()
      return
    }
    send(response, step.status ?? 200, step.body, step.headers)
  }
}

/** Writes an answer; objects are sent as JSON. */
export function send(response: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  const isText = typeof body === 'string' || body === undefined
  const text = body === undefined ? '' : isText ? (body as string) : JSON.stringify(body)
  const contentType = isText ? {} : { 'content-type': 'application/json' }
  response.writeHead(status, { ...contentType, ...headers })
  response.end(text)
}

/** A port nothing listens on (a server was there a moment ago). */
export async function closedPort(): Promise<number> {
  const server = await startServer([])
  await server.close()
  return server.port
}

/**
 * Fake time for retry tests: `sleep` records each delay and moves `clock` forward by it,
 * resolving at once; `logger` records what was logged.
 */
export function fakeTiming(startMs = Date.UTC(2025, 0, 1)) {
  let now = startMs
  const delays: number[] = []
  const logs: { level: keyof Logger; message: string }[] = []
  const clock: Clock = { now: () => now }
  const sleep: Sleep = async (ms) => {
    delays.push(ms)
    now += ms
  }
  const logger: Logger = {
    debug: (message) => logs.push({ level: 'debug', message }),
    info: (message) => logs.push({ level: 'info', message }),
    warning: (message) => logs.push({ level: 'warning', message })
  }
  return {
    clock,
    sleep,
    logger,
    delays,
    logs,
    advance: (ms: number) => {
      now += ms
    },
    messages: (level: keyof Logger) => logs.filter((entry) => entry.level === level).map((entry) => entry.message)
  }
}

/** Runs `promise` expecting a rejection and returns the error (fails the test otherwise). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected a rejection, but the promise resolved')
}
