import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http'
import { defaultHeaders, lowerCaseKeys, writeAnswer } from './http-io.js'
import type { FaultResponse } from './types.js'

/**
 * Plays a fault that replaces the endpoint's answer. Returns the status sent, or 0 when
 * nothing was sent (dropped or left hanging; a hanging socket is destroyed by `close()`).
 */
export function playFault(
  fault: FaultResponse,
  request: IncomingMessage,
  response: ServerResponse,
  commonHeaders: Record<string, string>
): number {
  if (fault.drop) {
    request.socket.destroy()
    return 0
  }
  if (fault.hang) return 0
  const status = fault.status ?? 200
  const headers = { ...commonHeaders, ...lowerCaseKeys(fault.headers ?? {}) }
  const body = faultBody(fault, status)
  if (fault.resetMidBody) {
    // Promise the whole body, deliver half of it, then cut the connection.
    const full = body || defaultBody(status)
    const bytes = Buffer.from(full)
    response.writeHead(status, { ...defaultHeaders(full), ...headers })
    response.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => request.socket.destroy())
    return status
  }
  writeAnswer(response, status, body, headers)
  return status
}

function faultBody(fault: FaultResponse, status: number): string {
  if (fault.bodyBytes !== undefined) return jsonPadding(fault.bodyBytes)
  return fault.body ?? defaultBody(status)
}

/** A LINE-style plain error for the status. */
function defaultBody(status: number): string {
  return JSON.stringify({ message: STATUS_CODES[status] ?? `HTTP ${status}` })
}

/** Exactly `bytes` bytes that start like a LINE JSON answer (valid JSON from 14 bytes up). */
export function jsonPadding(bytes: number): string {
  const prefix = '{"message":"'
  const suffix = '"}'
  return `${prefix}${'x'.repeat(Math.max(0, bytes - prefix.length - suffix.length))}${suffix}`.slice(0, bytes)
}
