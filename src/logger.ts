/**
 * The subset of `@actions/core` the core modules log through. The action passes `core`
 * itself; the CLI passes a stderr logger; tests pass a recorder.
 */
export interface Logger {
  debug(message: string): void
  info(message: string): void
  warning(message: string): void
}

export const silentLogger: Logger = { debug() {}, info() {}, warning() {} }
