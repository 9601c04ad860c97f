/**
 * A LINE session for one channel and one signing key: signs a fresh assertion for each call
 * that needs one, and corrects for a runner clock that is off (LINE rejects an assertion
 * whose `exp` is not in (now, now + 30 min] on LINE's clock). Every consumer (the main and
 * post steps, revoke-all, the CLI) goes through this, so skew handling lives in one place.
 */
import type { KeyObject } from 'node:crypto'
import { signAssertion } from './assertion.js'
import type { Clock } from './clock.js'
import { LineApiError } from './errors.js'
import type { IssuedStatelessToken, IssuedV21Token, LineApi, VerifiedToken } from './line-api.js'
import type { Logger } from './logger.js'

export interface LineSessionOptions {
  api: LineApi
  channelId: string
  keyId: string
  privateKey: KeyObject
  clock: Clock
  logger: Logger
  /** Called with each assertion right after signing, so the caller can mask it. */
  onAssertion?: (assertion: string) => void
}

export interface LineSession {
  issueV21Token(tokenExpSeconds: number): Promise<IssuedV21Token>
  issueStatelessToken(): Promise<IssuedStatelessToken>
  listValidKeyIds(): Promise<string[]>
  verifyToken(accessToken: string): Promise<VerifiedToken>
  revokeToken(params: { channelSecret: string; accessToken: string }): Promise<void>
  /** LINE's clock minus ours, in ms, as last learned (0 until a correction happened). */
  readonly clockOffsetMs: number
}

/** True for LINE's answer to an assertion whose `exp` is out of range on LINE's clock. */
export function isInvalidExp(error: unknown): error is LineApiError {
  return (
    error instanceof LineApiError &&
    error.kind === 'http' &&
    error.status === 400 &&
    /invalid exp/i.test(error.errorDescription ?? error.lineMessage ?? '')
  )
}

export function createLineSession(options: LineSessionOptions): LineSession {
  const { api, channelId, keyId, privateKey, clock, logger, onAssertion } = options
  let clockOffsetMs = 0

  async function sign(tokenExpSeconds?: number): Promise<string> {
    const assertion = await signAssertion({ channelId, keyId, privateKey, tokenExpSeconds, nowMs: clock.now() + clockOffsetMs })
    onAssertion?.(assertion)
    return assertion
  }

  /** Run an assertion call; on "Invalid exp" with a usable Date header, correct the clock and retry once. */
  async function withAssertion<T>(call: (assertion: string) => Promise<T>, tokenExpSeconds?: number): Promise<T> {
    try {
      return await call(await sign(tokenExpSeconds))
    } catch (error) {
      if (!isInvalidExp(error) || error.serverDate === undefined) throw withClockHint(error, CLOCK_HINTS.noDate)
      const offset = error.serverDate - clock.now()
      logger.warning(`LINE rejected the assertion's expiry time: this runner's clock is ${describeOffset(offset)} LINE's. Retrying once with LINE's time; fix the runner's time synchronisation (NTP).`)
      clockOffsetMs = offset
      try {
        return await call(await sign(tokenExpSeconds))
      } catch (retryError) {
        throw withClockHint(retryError, CLOCK_HINTS.stillRefused)
      }
    }
  }

  return {
    issueV21Token: (tokenExpSeconds) => withAssertion((a) => api.issueV21Token(a), tokenExpSeconds),
    issueStatelessToken: () => withAssertion((a) => api.issueStatelessToken(a)),
    listValidKeyIds: () => withAssertion((a) => api.listValidKeyIds(a)),
    verifyToken: (accessToken) => api.verifyToken(accessToken),
    revokeToken: ({ channelSecret, accessToken }) => api.revokeToken({ channelId, channelSecret, accessToken }),
    get clockOffsetMs() {
      return clockOffsetMs
    }
  }
}

export const CLOCK_HINTS = {
  noDate:
    "The assertion's expiry time was refused: the runner's clock is probably far off and LINE's answer carried no usable Date header. Check the machine's time synchronisation (NTP).",
  stillRefused:
    "The assertion's expiry time was refused even with LINE's own time (from its Date header): a proxy or gateway at api-base-url may be rewriting the Date header, or the clock moved during the run. Check the machine's time synchronisation (NTP)."
} as const

function withClockHint(error: unknown, hint: string): unknown {
  return isInvalidExp(error) && !error.hint ? error.withHint(hint) : error
}

/** "about 20 minutes behind" / "about 45 s ahead of": the Date header has 1 s resolution. */
export function describeOffset(lineMinusOursMs: number): string {
  const seconds = Math.abs(Math.round(lineMinusOursMs / 1000))
  const size = seconds >= 120 ? `about ${Math.round(seconds / 60)} minutes` : `about ${seconds} s`
  return `${size} ${lineMinusOursMs > 0 ? 'behind' : 'ahead of'}`
}
