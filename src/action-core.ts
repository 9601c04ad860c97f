/**
 * What the step logic needs from the runner, as one object passed in: the entry files hand
 * over `runnerCore` (below: the part of `@actions/core` we use, through `fromActionsCore`),
 * tests hand over a recorder. This keeps the step logic free of module mocks.
 */
import { randomUUID } from 'node:crypto'
import { appendFileSync, constants, existsSync } from 'node:fs'
import { access, appendFile } from 'node:fs/promises'
import { EOL } from 'node:os'
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

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C')

function issueCommand(command: string, message: string): void {
  process.stdout.write(`::${command}::${escapeData(message)}${EOL}`)
}

function issueFileCommand(command: 'OUTPUT' | 'STATE', key: string, value: string): void {
  const filePath = process.env[`GITHUB_${command}`]
  if (!filePath) throw new Error(`Unable to find environment variable for file command ${command}`)
  if (!existsSync(filePath)) throw new Error(`Missing file at path: ${filePath}`)
  const delimiter = `ghadelimiter_${randomUUID()}`
  const converted = value
  if (key.includes(delimiter)) throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`)
  if (converted.includes(delimiter)) throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`)
  appendFileSync(filePath, `${key}<<${delimiter}${EOL}${converted}${EOL}${delimiter}${EOL}`, { encoding: 'utf8' })
}

function keyValue(command: 'OUTPUT' | 'STATE', legacy: string, name: string, value: string): void {
  if (process.env[`GITHUB_${command}`]) return issueFileCommand(command, name, value)
  if (command === 'OUTPUT') process.stdout.write(EOL)
  process.stdout.write(`::${legacy}${name ? ` name=${escapeProperty(name)}` : ' '}::${escapeData(value)}${EOL}`)
}

/**
 * The parts of @actions/core the steps use (workflow commands, file commands, inputs, state,
 * the job summary), written out with the same output as @actions/core 3.x (command escaping,
 * `name<<ghadelimiter_UUID` file commands, summary appended). The entries pass this instead
 * of `@actions/core`, whose index also loads its OIDC client and through it
 * @actions/http-client and undici: about a third of a step's start-up (docs/benchmarks.md).
 */
export const runnerCore: ActionsCoreModule = {
  getInput: (name) => (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim(),
  getState: (name) => process.env[`STATE_${name}`] || '',
  setSecret: (secret) => issueCommand('add-mask', secret),
  setOutput: (name, value) => keyValue('OUTPUT', 'set-output', name, value),
  saveState: (name, value) => keyValue('STATE', 'save-state', name, value),
  setFailed(message) {
    process.exitCode = 1
    issueCommand('error', message)
  },
  debug: (message) => issueCommand('debug', message),
  info: (message) => void process.stdout.write(message + EOL),
  warning: (message) => issueCommand('warning', message),
  summary: {
    addRaw: (text, addEOL = false) => ({
      async write() {
        const filePath = process.env.GITHUB_STEP_SUMMARY
        if (!filePath) throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.')
        try {
          await access(filePath, constants.R_OK | constants.W_OK)
        } catch {
          throw new Error(`Unable to access summary file: '${filePath}'. Check if the file has correct read/write permissions.`)
        }
        await appendFile(filePath, text + (addEOL ? EOL : ''), { encoding: 'utf8' })
      }
    })
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
