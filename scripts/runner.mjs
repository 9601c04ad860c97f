// A tiny stand-in for the GitHub runner, shared by the demo and the benchmark: runs a dist/
// bundle with INPUT_* (action.yml defaults applied), GITHUB_OUTPUT/GITHUB_STATE/summary files
// and STATE_* for post, and masks ::add-mask:: values in what it shows, as the runner does.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'

export const ROOT = new URL('..', import.meta.url).pathname

export function actionDefaults(file = 'action.yml') {
  const yml = parse(readFileSync(join(ROOT, file), 'utf8'))
  return Object.fromEntries(
    Object.entries(yml.inputs ?? {})
      .filter(([, spec]) => spec.default !== undefined)
      .map(([name, spec]) => [name, String(spec.default).replace('${{ github.token }}', '')])
  )
}

export function parseCommandFile(text) {
  const values = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i])
    if (!match) continue
    const body = []
    for (i++; i < lines.length && lines[i] !== match[2]; i++) body.push(lines[i])
    values[match[1]] = body.join('\n')
  }
  return values
}

/** Runs one bundle; resolves with exit code, raw stdout/stderr, outputs, saved state, summary and wall time. */
export async function runBundle({ bundle, inputs, state = {}, env = {}, actionFile = 'action.yml', node = process.execPath }) {
  const dir = mkdtempSync(join(tmpdir(), 'line-runner-'))
  const files = { output: join(dir, 'output'), state: join(dir, 'state'), summary: join(dir, 'summary') }
  for (const file of Object.values(files)) writeFileSync(file, '')
  const childEnv = {
    PATH: process.env.PATH,
    GITHUB_ACTIONS: 'true',
    RUNNER_TEMP: dir,
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_STEP_SUMMARY: files.summary,
    ...env
  }
  for (const [name, value] of Object.entries({ ...actionDefaults(actionFile), ...inputs })) childEnv[`INPUT_${name.toUpperCase()}`] = value
  for (const [name, value] of Object.entries(state)) childEnv[`STATE_${name}`] = value
  const started = process.hrtime.bigint()
  const child = spawn(node, [join(ROOT, bundle)], { env: childEnv, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => (stdout += chunk))
  child.stderr.on('data', (chunk) => (stderr += chunk))
  const exitCode = await new Promise((resolve) => child.on('close', resolve))
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6
  const result = {
    exitCode,
    stdout,
    stderr,
    wallMs,
    outputs: parseCommandFile(readFileSync(files.output, 'utf8')),
    state: parseCommandFile(readFileSync(files.state, 'utf8')),
    summary: readFileSync(files.summary, 'utf8')
  }
  rmSync(dir, { recursive: true, force: true })
  return result
}

/** The log as the runner would show it: mask commands hidden, masked values replaced by ***. */
export function maskedLog(stdout) {
  const masks = stdout
    .split('\n')
    .filter((line) => line.startsWith('::add-mask::'))
    .map((line) => line.slice('::add-mask::'.length).replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%'))
    .filter(Boolean)
    .sort((a, b) => b.length - a.length)
  return stdout
    .split('\n')
    .filter((line) => line && !line.startsWith('::add-mask::'))
    .map((line) => masks.reduce((text, mask) => text.split(mask).join('***'), line))
    .map(readableCommand)
}

/** `::debug::x` → `[debug] x`, `::warning …::x` → `Warning: x`, as the runner's log shows them. */
function readableCommand(line) {
  const match = /^::(debug|notice|warning|error)[^:]*::(.*)$/.exec(line)
  if (!match) return line
  const text = match[2].replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
  return match[1] === 'debug' ? `[debug] ${text}` : `${match[1][0].toUpperCase()}${match[1].slice(1)}: ${text}`
}

/** Starts dist/emulator as a child process; resolves with its URL and a stop function. */
export async function startEmulatorProcess(args = []) {
  const child = spawn(process.execPath, [join(ROOT, 'dist/emulator/index.js'), ...args], { stdio: ['ignore', 'pipe', 'inherit'] })
  const url = await new Promise((resolve, reject) => {
    let buffered = ''
    child.stdout.on('data', (chunk) => {
      buffered += chunk
      const newline = buffered.indexOf('\n')
      if (newline >= 0) resolve(JSON.parse(buffered.slice(0, newline)).url)
    })
    child.on('exit', (code) => reject(new Error(`the emulator exited early (code ${code})`)))
  })
  const admin = async (method, path, body) => {
    const response = await fetch(`${url}/__emulator/${path}`, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined
    })
    if (!response.ok) throw new Error(`emulator admin ${method} ${path}: HTTP ${response.status}`)
    const text = await response.text()
    return text ? JSON.parse(text) : undefined
  }
  const stop = () =>
    new Promise((resolve) => {
      child.once('exit', resolve)
      child.kill('SIGTERM')
    })
  return { url, admin, stop }
}
