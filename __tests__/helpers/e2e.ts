/** Small helpers shared by the root action's end-to-end suites (__tests__/e2e/main-*, post-*). */
import { expect } from '@jest/globals'
import type { Emulator } from '../../src/emulator/index.js'
import type { RunResult } from './action-runner.js'

export const V21_TOKEN = '/oauth2/v2.1/token'
export const V3_TOKEN = '/oauth2/v3/token'
export const KID_LIST = '/oauth2/v2.1/tokens/kid'
export const REVOKE = '/oauth2/v2.1/revoke'

/** The requests the emulator answered for one path, as statuses in order. */
export function statusesOn(emulator: Emulator, path: string): number[] {
  return emulator.requests().filter((r) => r.path === path).map((r) => r.status)
}

/** The paths of every request the emulator answered, in order. */
export function paths(emulator: Emulator): string[] {
  return emulator.requests().map((r) => r.path)
}

/** A failed main step as the runner sees it: exit code 1, exactly one ::error::, no token handed over. */
export function expectFailedOnce(result: RunResult, message?: RegExp): string {
  expect({ exitCode: result.exitCode, errors: result.errors.length }).toEqual({ exitCode: 1, errors: 1 })
  if (message) expect(result.errors[0]).toMatch(message)
  expect(result.outputs).toEqual({})
  return result.errors[0]
}

/** A main step that issued a v2.1 token: exit 0, no annotations of failure, the four outputs. */
export function expectIssuedV21(result: RunResult): void {
  expect(result.errors).toEqual([])
  expect(result.exitCode).toBe(0)
  expect(Object.keys(result.outputs).sort()).toEqual(['expires-at', 'expires-in', 'key-id', 'token'])
  expect(result.masked).toContain(result.outputs.token)
}

/** Lines of stdout that are not workflow commands (what `core.info` printed). */
export function infoLines(result: RunResult): string[] {
  return result.stdout.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('::'))
}
