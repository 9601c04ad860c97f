/** Shared values for the ledger tests. */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { LedgerEntry } from '../../src/ledger/index.js'

export const CHANNEL_ID = '1234567890'
export const CHANNEL_SECRET = 'c0ffee-channel-secret-0123456789'
export const OTHER_SECRET = 'reissued-channel-secret-9876543210'

export function entry(keyId: string, overrides: Partial<LedgerEntry> = {}): LedgerEntry {
  return {
    channelId: CHANNEL_ID,
    keyId,
    accessToken: `eyJ.token-for-${keyId}.secret-part`,
    issuedAt: '2025-01-02T03:04:05.000Z',
    expiresAt: '2025-01-02T04:04:05.000Z',
    run: { repository: 'o/r', workflow: 'deploy', job: 'build', runId: '42', runAttempt: '1', url: 'https://github.com/o/r/actions/runs/42' },
    ...overrides
  }
}

export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ledger-test-'))
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) }
}

export const noSleep = async () => {}

export const GITHUB_TOKEN = 'ghs_standin_token_0123456789'
export const OWNER = 'octo'
export const REPO = 'ledger-repo'

/** A sleep that records the delays asked for, without waiting. */
export function recordingSleep(): { sleep: (ms: number) => Promise<void>; delays: number[] } {
  const delays: number[] = []
  return { delays, sleep: async (ms: number) => void delays.push(ms) }
}
