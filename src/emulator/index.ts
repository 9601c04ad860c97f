// CONTRACT STUB — implemented by the emulator helper.
import type { JWK } from 'jose'

/** One scripted answer for fault injection. */
export interface FaultResponse {
  /** HTTP status to answer with (default: serve normally after delay). */
  status?: number
  /** Raw body to send; default a LINE-style JSON error for the status. */
  body?: string
  /** Extra response headers, e.g. {'retry-after': '1'}. */
  headers?: Record<string, string>
  /** Wait this long before answering (or before dropping). */
  delayMs?: number
  /** Destroy the socket without answering. */
  drop?: boolean
  /** Never answer (keep the socket open until the emulator closes). */
  hang?: boolean
  /** Send headers and part of the body, then reset the connection. */
  resetMidBody?: boolean
}

export interface FaultRule {
  /** Exact path, e.g. `/oauth2/v2.1/token`. */
  path: string
  /** Consumed one per request, in order; when exhausted the endpoint behaves normally. */
  responses: FaultResponse[]
}

export interface EmulatorRequestLog {
  method: string
  path: string
  status: number
  /** ms since the epoch on the emulator's (skewed) clock. */
  at: number
  /** Whether the answer was scripted by a fault rule. */
  injected: boolean
}

export interface EmulatorTokenInfo {
  channelId: string
  keyId: string
  tokenType: 'v2.1' | 'stateless'
  issuedAt: number
  expiresAt: number
  revoked: boolean
}

export interface EmulatorOptions {
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number
  host?: string
  /** Added to the real clock for every time check and the `Date` header. */
  clockSkewMs?: number
  /** Latency added to every request. */
  latencyMs?: number
  /** Optional TLS: PEM key and certificate; serves HTTPS when given. */
  tls?: { key: string; cert: string }
}

export interface EmulatorChannel {
  channelId: string
  channelSecret: string
}

export interface Emulator {
  /** e.g. http://127.0.0.1:54321 (no trailing slash). */
  url: string
  port: number
  /** Create (or return) a channel; secret generated when omitted. */
  addChannel(channelId: string, channelSecret?: string): EmulatorChannel
  /** Register a public JWK (kty, alg, n, e, use|key_ops; no kid) for a channel; returns the generated kid (a UUID). */
  registerPublicKey(channelId: string, publicJwk: JWK): string
  /** Queue scripted answers for a path. */
  addFault(rule: FaultRule): void
  clearFaults(): void
  setClockSkew(ms: number): void
  setLatency(ms: number): void
  /** Every request answered so far, oldest first. */
  requests(): EmulatorRequestLog[]
  clearRequests(): void
  /** Tokens issued for a channel (active and not). */
  tokens(channelId: string): EmulatorTokenInfo[]
  /** Valid (unexpired, unrevoked) v2.1 key IDs of a channel, as /oauth2/v2.1/tokens/kid would list them. */
  activeKeyIds(channelId: string): string[]
  /** Issue a v2.1 token directly (test set-up, e.g. fill the channel to 30) without an assertion. */
  seedToken(channelId: string, lifetimeSeconds: number): { accessToken: string; keyId: string }
  close(): Promise<void>
}

/**
 * Start the LINE API emulator. Implements the five endpoints of LINE-API.md with LINE's
 * rules and error shapes, and an admin API under `/__emulator/` mirroring the methods above
 * (POST /__emulator/channels {channelId, channelSecret?}, POST /__emulator/keys
 * {channelId, publicJwk} → {kid}, POST /__emulator/faults {path, responses},
 * DELETE /__emulator/faults, POST /__emulator/clock {skewMs}, POST /__emulator/latency {ms},
 * GET /__emulator/requests, DELETE /__emulator/requests, GET /__emulator/tokens?channelId=,
 * GET /__emulator/kids?channelId=, POST /__emulator/seed {channelId, lifetimeSeconds})
 * so that out-of-process users (the demo, the bench, bot developers) can drive it.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  void options
  throw new Error('not implemented')
}
