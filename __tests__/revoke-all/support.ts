// Shared set-up for the revoke-all run and step tests: a real emulator with one channel and
// the test key registered, a real LINE session over HTTP, and a `file:` ledger in a temp dir.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ActionCore } from '../../src/action-core.js'
import { systemClock } from '../../src/clock.js'
import { startEmulator, type Emulator } from '../../src/emulator/index.js'
import { createLineHttp } from '../../src/http.js'
import { openLedger, type Ledger } from '../../src/ledger/index.js'
import { createLineApi } from '../../src/line-api.js'
import type { Logger } from '../../src/logger.js'
import { createLineSession, type LineSession } from '../../src/session.js'
import { testKey } from '../helpers/keys.js'

export const CHANNEL_ID = '2000000001'
/** Short waits so retry tests stay fast. */
export const FAST_RETRIES = { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 }

export interface RecordingLogger extends Logger {
  infos: string[]
  warnings: string[]
  debugs: string[]
}

export function recordingLogger(): RecordingLogger {
  const infos: string[] = []
  const warnings: string[] = []
  const debugs: string[] = []
  return {
    infos,
    warnings,
    debugs,
    info: (m) => void infos.push(m),
    warning: (m) => void warnings.push(m),
    debug: (m) => void debugs.push(m)
  }
}

export interface Fixture {
  emulator: Emulator
  channelId: string
  channelSecret: string
  keyId: string
  ledgerDir: string
  ledger: Ledger
  session: LineSession
  logger: RecordingLogger
  /** Seed a token in the emulator and record it in the ledger as issued `hoursAgo` hours ago. */
  recorded(hoursAgo: number): Promise<{ keyId: string; accessToken: string }>
  close(): Promise<void>
}

export async function startFixture(options: { latencyMs?: number } = {}): Promise<Fixture> {
  const emulator = await startEmulator({ latencyMs: options.latencyMs })
  const { channelSecret } = emulator.addChannel(CHANNEL_ID)
  const keyId = emulator.registerPublicKey(CHANNEL_ID, testKey().publicJwkForConsole)
  const ledgerDir = mkdtempSync(join(tmpdir(), 'revoke-all-ledger-'))
  const ledger = await openLedger(`file:${ledgerDir}`, { channelSecret })
  const logger = recordingLogger()
  const http = createLineHttp({ baseUrl: emulator.url, clock: systemClock, logger, policy: FAST_RETRIES })
  const session = createLineSession({ api: createLineApi(http), channelId: CHANNEL_ID, keyId, privateKey: testKey().privateKey, clock: systemClock, logger })
  return {
    emulator,
    channelId: CHANNEL_ID,
    channelSecret,
    keyId,
    ledgerDir,
    ledger,
    session,
    logger,
    async recorded(hoursAgo) {
      const token = emulator.seedToken(CHANNEL_ID, 86_400)
      const issuedAtMs = Date.now() - hoursAgo * 3_600_000
      await ledger.put({
        channelId: CHANNEL_ID,
        keyId: token.keyId,
        accessToken: token.accessToken,
        issuedAt: new Date(issuedAtMs).toISOString(),
        expiresAt: new Date(issuedAtMs + 86_400_000).toISOString()
      })
      return token
    },
    async close() {
      await emulator.close()
      rmSync(ledgerDir, { recursive: true, force: true })
    }
  }
}

/** Revoke requests the emulator answered. */
export function revokeCalls(emulator: Emulator): number {
  return emulator.requests().filter((r) => r.path === '/oauth2/v2.1/revoke').length
}

export interface RecordingCore extends ActionCore {
  outputs: Record<string, string>
  secrets: string[]
  failures: string[]
  summaries: string[]
  infos: string[]
  warnings: string[]
}

/** An ActionCore that records everything; `inputs` as the runner would hand them over. */
export function recordingCore(inputs: Record<string, string>, options: { summaryFails?: boolean } = {}): RecordingCore {
  const core: RecordingCore = {
    outputs: {},
    secrets: [],
    failures: [],
    summaries: [],
    infos: [],
    warnings: [],
    getInput: (name) => inputs[name] ?? '',
    getState: () => '',
    setSecret: (secret) => void core.secrets.push(secret),
    setOutput: (name, value) => void (core.outputs[name] = value),
    saveState: () => undefined,
    setFailed: (message) => void core.failures.push(message),
    debug: () => undefined,
    info: (message) => void core.infos.push(message),
    warning: (message) => void core.warnings.push(message),
    async writeSummary(markdown) {
      if (options.summaryFails) throw new Error('summary file not writable')
      core.summaries.push(markdown)
    }
  }
  return core
}

/** The step's inputs for a fixture: everything valid, overridable per test. */
export function stepInputs(f: Fixture, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    'channel-id': f.channelId,
    'private-key': testKey().shapes.pkcs8,
    'key-id': f.keyId,
    'channel-secret': f.channelSecret,
    'api-base-url': f.emulator.url,
    ledger: `file:${f.ledgerDir}`,
    'github-token': 'ghs_fake_workflow_token_for_tests_0001',
    keep: '0',
    'older-than': '',
    'dry-run': 'false',
    ...overrides
  }
}
