/**
 * The LINE API emulator: a real HTTP(S) server on 127.0.0.1 that implements the five
 * channel access token endpoints of LINE-API.md with LINE's rules and error shapes, fault
 * injection, and an admin API under `/__emulator/` mirroring the Emulator methods
 * (POST /__emulator/channels {channelId, channelSecret?}, POST /__emulator/keys
 * {channelId, publicJwk} → {kid}, POST /__emulator/faults {path, responses},
 * DELETE /__emulator/faults, POST /__emulator/clock {skewMs}, POST /__emulator/latency {ms},
 * GET /__emulator/requests, DELETE /__emulator/requests, GET /__emulator/tokens?channelId=,
 * GET /__emulator/kids?channelId=, POST /__emulator/seed {channelId, lifetimeSeconds})
 * so that out-of-process users (the demo, the bench, bot developers) can drive it.
 */
export type {
  Emulator,
  EmulatorChannel,
  EmulatorOptions,
  EmulatorRequestLog,
  EmulatorTokenInfo,
  FaultResponse,
  FaultRule
} from './types.js'
export { startEmulator } from './server.js'
export { runEmulatorFromArgs, type RunEmulatorIo } from './cli.js'
export { ASSERTION_AUDIENCE, CLIENT_ASSERTION_TYPE } from './assertion-check.js'
export { MAX_ACTIVE_V21_TOKENS, MAX_V21_LIFETIME_SECONDS, STATELESS_LIFETIME_SECONDS } from './state.js'
