/** A recording stand-in for the runner's `core`, for in-process tests of the step logic. */
import type { ActionCore } from '../../src/action-core.js'

export interface FakeCore extends ActionCore {
  inputs: Record<string, string>
  state: Record<string, string>
  outputs: Record<string, string>
  saved: Record<string, string>
  secrets: string[]
  logs: { level: 'debug' | 'info' | 'warning'; message: string }[]
  failures: string[]
  summaries: string[]
  /** Every line a user would see in the log, in order (failures included). */
  text(): string
}

export function fakeCore(inputs: Record<string, string>, state: Record<string, string> = {}): FakeCore {
  const core: FakeCore = {
    inputs,
    state,
    outputs: {},
    saved: {},
    secrets: [],
    logs: [],
    failures: [],
    summaries: [],
    getInput: (name) => (inputs[name] ?? '').trim(),
    getState: (name) => state[name] ?? '',
    setSecret: (secret) => void core.secrets.push(secret),
    setOutput: (name, value) => void (core.outputs[name] = value),
    saveState: (name, value) => void (core.saved[name] = value),
    setFailed: (message) => void core.failures.push(message),
    debug: (message) => void core.logs.push({ level: 'debug', message }),
    info: (message) => void core.logs.push({ level: 'info', message }),
    warning: (message) => void core.logs.push({ level: 'warning', message }),
    writeSummary: async (markdown) => void core.summaries.push(markdown),
    text: () => [...core.logs.map((l) => l.message), ...core.failures, ...core.summaries].join('\n')
  }
  return core
}
