import type { JWK } from 'jose'

/** One scripted answer for fault injection. */
export interface FaultResponse {
  /** HTTP status to answer with (default: serve normally after delay). */
  status?: number
  /** Raw body to send; default a LINE-style JSON error for the status. A body starting with `<` is sent as text/html. */
  body?: string
  /** Send this many bytes of JSON-looking padding as the body (an oversized answer); wins over `body`. */
  bodyBytes?: number
  /** Extra response headers, e.g. {'retry-after': '1'}. Also added to a normal answer when `status` is absent. */
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
  /** The status sent; 0 when the socket was dropped or the request was left hanging. */
  status: number
  /** ms since the epoch on the emulator's (skewed) clock. */
  at: number
  /** Whether a fault rule was consumed for this request. */
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
  /** Interface to listen on (default 127.0.0.1); an IPv4 address or a host name. */
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
