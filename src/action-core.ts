/**
 * What the step logic needs from the runner, as one object passed in: the entry files hand
 * over `@actions/core` (through `fromActionsCore`), tests hand over a recorder. This keeps
 * the step logic free of module mocks.
 */
import type { Logger } from './logger.js'

export interface ActionCore extends Logger {
  getInput(name: string): string
  getState(name: string): string
  setSecret(secret: string): void
  setOutput(name: string, value: string): void
  saveState(name: string, value: string): void
  /** Fails the step with one `::error::` annotation. */
  setFailed(message: string): void
  /** Appends Markdown to the job summary; a no-op outside a runner. */
  writeSummary(markdown: string): Promise<void>
}

/** The subset of `@actions/core` we use, so this file does not import it (tests stay light). */
export interface ActionsCoreModule {
  getInput(name: string): string
  getState(name: string): string
  setSecret(secret: string): void
  setOutput(name: string, value: string): void
  saveState(name: string, value: string): void
  setFailed(message: string): void
  debug(message: string): void
  info(message: string): void
  warning(message: string): void
  summary: { addRaw(text: string, addEOL?: boolean): { write(): Promise<unknown> } }
}

export function fromActionsCore(core: ActionsCoreModule, env: NodeJS.ProcessEnv = process.env): ActionCore {
  return {
    getInput: (name) => core.getInput(name),
    getState: (name) => core.getState(name),
    setSecret: (secret) => core.setSecret(secret),
    setOutput: (name, value) => core.setOutput(name, value),
    saveState: (name, value) => core.saveState(name, value),
    setFailed: (message) => core.setFailed(message),
    debug: (message) => core.debug(message),
    info: (message) => core.info(message),
    warning: (message) => core.warning(message),
    async writeSummary(markdown) {
      // core.summary throws when the runner gave no summary file (local runs, the demo without one).
      if (!env.GITHUB_STEP_SUMMARY) return
      await core.summary.addRaw(markdown, true).write()
    }
  }
}

/** Masks a secret and, for multi-line values, each line: the runner masks line by line. */
export function maskSecret(core: Pick<ActionCore, 'setSecret'>, secret: string | undefined): void {
  if (!secret) return
  core.setSecret(secret)
  if (/[\r\n]/.test(secret)) {
    for (const line of secret.split(/\r?\n/)) {
      if (line.trim().length >= 8) core.setSecret(line.trim())
    }
  }
}

/** Markdown table cell: no pipes or newlines from values breaking the table. */
export function cell(value: string): string {
  return value.replace(/[|\r\n]/g, ' ')
}
