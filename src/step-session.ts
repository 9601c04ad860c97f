/**
 * What every step (main, post, revoke-all) is handed, and the LINE session it builds from
 * it: one place for the HTTP layer, the signer and masking of each new assertion.
 */
import type { KeyObject } from 'node:crypto'
import type { ActionCore } from './action-core.js'
import type { Clock, Sleep } from './clock.js'
import { createLineHttp, type RetryPolicy, type Transport } from './http.js'
import type { Ledger, LedgerContext } from './ledger/index.js'
import { createLineApi } from './line-api.js'
import { createLineSession, type LineSession } from './session.js'

export interface StepDeps {
  core: ActionCore
  clock: Clock
  env: NodeJS.ProcessEnv
  /** One HTTP attempt; the default (proxy-aware) when omitted. */
  transport?: Transport
  /** Opens the ledger; imported lazily when omitted, so runs without one never load it. */
  openLedger?: (spec: string, context: LedgerContext) => Promise<Ledger>
  /** HTTP retry policy overrides (tests shorten the waits). */
  retryPolicy?: Partial<RetryPolicy>
  sleep?: Sleep
}

export function connectStepSession(
  deps: StepDeps,
  channel: { apiBaseUrl: string; channelId: string; keyId: string; privateKey: KeyObject }
): LineSession {
  const { core, clock } = deps
  const http = createLineHttp({ baseUrl: channel.apiBaseUrl, transport: deps.transport, clock, logger: core, policy: deps.retryPolicy, sleep: deps.sleep })
  return createLineSession({
    api: createLineApi(http),
    channelId: channel.channelId,
    keyId: channel.keyId,
    privateKey: channel.privateKey,
    clock,
    logger: core,
    onAssertion: (assertion) => core.setSecret(assertion)
  })
}
