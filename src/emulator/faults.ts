import type { FaultResponse, FaultRule } from './types.js'

/** Scripted answers per path, consumed one per request in the order they were queued. */
export class FaultQueue {
  private readonly queues = new Map<string, FaultResponse[]>()

  add(rule: FaultRule): void {
    validateRule(rule)
    const queue = this.queues.get(rule.path) ?? []
    queue.push(...rule.responses.map((response) => ({ ...response })))
    this.queues.set(rule.path, queue)
  }

  /** The next scripted answer for this path, if any is left. */
  take(path: string): FaultResponse | undefined {
    return this.queues.get(path)?.shift()
  }

  clear(): void {
    this.queues.clear()
  }
}

function validateRule(rule: FaultRule): void {
  if (!rule || typeof rule.path !== 'string' || !rule.path.startsWith('/')) {
    throw new Error('a fault rule needs a "path" starting with "/"')
  }
  if (!Array.isArray(rule.responses)) throw new Error('a fault rule needs a "responses" array')
  rule.responses.forEach(validateResponse)
}

function validateResponse(response: FaultResponse, index: number): void {
  const where = `fault response ${index}`
  if (!response || typeof response !== 'object') throw new Error(`${where} must be an object`)
  const { status, body, bodyBytes, headers, delayMs } = response
  if (status !== undefined && !(Number.isInteger(status) && status >= 100 && status <= 599)) {
    throw new Error(`${where}: "status" must be an HTTP status from 100 to 599`)
  }
  if (body !== undefined && typeof body !== 'string') throw new Error(`${where}: "body" must be a string`)
  if (bodyBytes !== undefined && !(Number.isInteger(bodyBytes) && bodyBytes >= 0)) {
    throw new Error(`${where}: "bodyBytes" must be a whole number of bytes`)
  }
  if (delayMs !== undefined && !(Number.isFinite(delayMs) && delayMs >= 0)) {
    throw new Error(`${where}: "delayMs" must be a number of milliseconds`)
  }
  if (headers !== undefined) {
    const valid =
      typeof headers === 'object' && headers !== null && Object.values(headers).every((value) => typeof value === 'string')
    if (!valid) throw new Error(`${where}: "headers" must map names to string values`)
  }
}

/** Whether the fault replaces the endpoint's answer (rather than only delaying or decorating it). */
export function replacesAnswer(fault: FaultResponse): boolean {
  return Boolean(fault.drop || fault.hang || fault.resetMidBody || fault.status !== undefined)
}
