// runnerCore re-implements the few @actions/core functions the steps use (the package's index
// also loads its OIDC client and undici, a third of start-up). This pins it to the library:
// the same calls must produce the same bytes on stdout and in the runner's files.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import * as actionsCore from '@actions/core'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fromActionsCore, runnerCore, type ActionsCoreModule } from '../../src/action-core.js'

interface Captured {
  stdout: string
  output: string
  state: string
  summary: string
  exitCode: typeof process.exitCode
  inputs: string[]
  states: string[]
  errors: string[]
}

const SAVED_ENV = { ...process.env }
let dir: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'runner-core-'))
})
afterEach(() => {
  process.env = { ...SAVED_ENV }
  process.exitCode = undefined
  rmSync(dir, { recursive: true, force: true })
})

/** Runs the same script of calls against one implementation, capturing everything it writes. */
async function capture(core: ActionsCoreModule, files: boolean): Promise<Captured> {
  const paths = { output: join(dir, 'output'), state: join(dir, 'state'), summary: join(dir, 'summary') }
  for (const path of Object.values(paths)) writeFileSync(path, '')
  process.env = { ...SAVED_ENV, 'INPUT_CHANNEL-ID': '  123  ', 'INPUT_KEY-ID': 'kid', INPUT_TWO_WORDS: 'x', STATE_token: 'sealed' }
  if (files) Object.assign(process.env, { GITHUB_OUTPUT: paths.output, GITHUB_STATE: paths.state, GITHUB_STEP_SUMMARY: paths.summary })
  else for (const name of ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY']) delete process.env[name]
  process.exitCode = undefined

  let stdout = ''
  const write = process.stdout.write
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += chunk.toString()
    return true
  }) as typeof process.stdout.write
  const errors: string[] = []
  try {
    const inputs = ['channel-id', 'key-id', 'two words', 'missing'].map((name) => core.getInput(name))
    const states = ['token', 'missing'].map((name) => core.getState(name))
    core.setSecret('s3cr%t\nline two\r')
    core.setOutput('token', 'multi\nline %value')
    core.setOutput('expires-in', '3600')
    core.saveState('key-id', 'abc:def,ghi')
    core.debug('debug %0A text\n')
    core.info('plain info')
    core.warning('careful: a, b')
    core.setFailed('failed\nbadly')
    if (files) {
      // Only with a summary file: @actions/core's summary remembers the first path it used.
      await core.summary.addRaw('| a | b |', true).write()
      await core.summary.addRaw('### heading').write()
      for (const call of [() => core.setOutput('x', 'y'), () => core.saveState('x', 'y')]) {
        process.env.GITHUB_OUTPUT = process.env.GITHUB_STATE = join(dir, 'missing-file')
        try {
          call()
        } catch (error) {
          errors.push((error as Error).message)
        }
      }
    }
    return {
      stdout,
      output: readFileSync(paths.output, 'utf8'),
      state: readFileSync(paths.state, 'utf8'),
      summary: readFileSync(paths.summary, 'utf8'),
      exitCode: process.exitCode,
      inputs,
      states,
      errors
    }
  } finally {
    process.stdout.write = write
  }
}

/** The file commands' delimiters are random UUIDs. */
const normalise = (c: Captured): Captured => {
  const strip = (text: string) => text.replace(/ghadelimiter_[0-9a-f-]{36}/g, 'ghadelimiter_UUID')
  return { ...c, stdout: strip(c.stdout), output: strip(c.output), state: strip(c.state) }
}

describe('runnerCore writes exactly what @actions/core writes', () => {
  it.each([
    ['with the runner files (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_STEP_SUMMARY)', true],
    ['without them (the older ::set-output / ::save-state commands)', false]
  ])('%s', async (_name, files) => {
    const ours = normalise(await capture(runnerCore, files))
    const library = normalise(await capture(actionsCore as unknown as ActionsCoreModule, files))
    expect(ours).toEqual(library)
    expect(ours.inputs).toEqual(['123', 'kid', 'x', ''])
    expect(ours.exitCode).toBe(1)
  })

  it('the summary refuses a missing variable or file with @actions/core\'s words', async () => {
    delete process.env.GITHUB_STEP_SUMMARY
    await expect(runnerCore.summary.addRaw('x').write()).rejects.toThrow(
      'Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.'
    )
    const path = join(dir, 'no-such-dir', 'summary')
    process.env.GITHUB_STEP_SUMMARY = path
    await expect(runnerCore.summary.addRaw('x').write()).rejects.toThrow(
      `Unable to access summary file: '${path}'. Check if the file has correct read/write permissions.`
    )
  })

  it('fromActionsCore skips the summary outside a runner and passes everything else through', async () => {
    const calls: string[] = []
    const record = (name: string) => (...args: unknown[]) => void calls.push(`${name}:${args.join(',')}`)
    const fake = {
      getInput: (name: string) => `in:${name}`,
      getState: (name: string) => `st:${name}`,
      setSecret: record('setSecret'),
      setOutput: record('setOutput'),
      saveState: record('saveState'),
      setFailed: record('setFailed'),
      debug: record('debug'),
      info: record('info'),
      warning: record('warning'),
      summary: { addRaw: (text: string) => ({ write: async () => void calls.push(`summary:${text}`) }) }
    }
    const outside = fromActionsCore(fake, {})
    await outside.writeSummary('ignored')
    const inside = fromActionsCore(fake, { GITHUB_STEP_SUMMARY: '/x' })
    inside.setSecret('s')
    inside.setOutput('o', 'v')
    inside.saveState('k', 'v')
    inside.setFailed('f')
    inside.debug('d')
    inside.info('i')
    inside.warning('w')
    await inside.writeSummary('table')
    expect([inside.getInput('a'), inside.getState('b')]).toEqual(['in:a', 'st:b'])
    expect(calls).toEqual(['setSecret:s', 'setOutput:o,v', 'saveState:k,v', 'setFailed:f', 'debug:d', 'info:i', 'warning:w', 'summary:table'])
  })
})
