#!/usr/bin/env node
// npm run bench: how long the committed dist/ bundles take and how much memory they use, run
// cold as child processes the way a GitHub runner runs them, against the LINE API emulator on
// 127.0.0.1. Each subject is paired with `node -e 0` started with the same minimal environment
// (only PATH is inherited: NODE_OPTIONS, NODE_EXTRA_CA_CERTS and the like change node's own
// start-up), and the ratio is taken pair by pair. Writes docs/benchmarks.md (between the
// bench markers; the rest of the page is kept) and prints the same table.
//
// Peak RSS comes from GNU time (`/usr/bin/time -f %M`, the kernel's ru_maxrss of the child) when
// it is installed; otherwise from a preloaded one-liner that writes process.resourceUsage().maxRSS
// on exit (given to the baseline too). Wall time is measured here, from spawn to exit.
//
// Environment: BENCH_RUNS (default 15, at least 10), BENCH_REVOKE_ALL_ROUNDS (default 3),
// BENCH_NO_WRITE=1 to print only, BENCH_DIST=DIR to measure another build (writes nothing),
// BENCH_NO_GNU_TIME=1 to use the RSS fallback.
import { spawn, spawnSync } from 'node:child_process'
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import { ROOT, actionDefaults, parseCommandFile, startEmulatorProcess } from './runner.mjs'

const RUNS = Math.max(10, Number(process.env.BENCH_RUNS ?? 15))
const REVOKE_ALL_ROUNDS = Math.max(1, Number(process.env.BENCH_REVOKE_ALL_ROUNDS ?? 3))
const REVOKE_ALL_TOKENS = 30
const LATENCY_MS = 100
const BUDGET = { mainRatio: 4.0, mainRssMiB: 60, postRatio: 5.0, revokeAllSpanMs: 1000 }
const MARK_START = '<!-- bench:start (written by `npm run bench`; edit outside these markers) -->'
const MARK_END = '<!-- bench:end -->'

const GNU_TIME = ['/usr/bin/time', '/bin/time'].find((path) => {
  if (process.env.BENCH_NO_GNU_TIME === '1' || !existsSync(path)) return false
  const probe = spawnSync(path, ['-f', '%M', 'true'], { encoding: 'utf8' })
  return probe.status === 0 && /^\d+\s*$/m.test(probe.stderr)
})
const work = mkdtempSync(join(os.tmpdir(), 'line-bench-'))
const preload = join(work, 'maxrss.cjs')
writeFileSync(preload, "process.on('exit', () => require('fs').writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)))\n")
const rssMethod = GNU_TIME ? `GNU time (${GNU_TIME} -f %M)` : 'process.resourceUsage().maxRSS at exit (preloaded with -r; GNU time not installed)'

// ---------------------------------------------------------------------------------------------
// One cold run: a fresh runner-style directory and environment, node under GNU time.

function runnerEnv(dir, extra) {
  return {
    PATH: process.env.PATH,
    HOME: dir,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'octo-org/bench',
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: 'bench',
    GITHUB_JOB: 'bench',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    RUNNER_OS: 'Linux',
    RUNNER_TEMP: dir,
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    ...extra
  }
}

/** args: node arguments (`['-e', '0']` or `[bundle path]`). Resolves with wall ms, RSS KiB, exit code, outputs, state. */
async function coldRun(args, { inputs = {}, state = {}, actionFile = 'action.yml' } = {}) {
  const dir = mkdtempSync(join(work, 'run-'))
  for (const name of ['output', 'state', 'summary']) writeFileSync(join(dir, name), '')
  const rssFile = join(dir, 'rss')
  const extra = {}
  for (const [name, value] of Object.entries({ ...actionDefaults(actionFile), ...inputs })) extra[`INPUT_${name.toUpperCase()}`] = value
  for (const [name, value] of Object.entries(state)) extra[`STATE_${name}`] = value
  const env = runnerEnv(dir, extra)
  let command, commandArgs
  if (GNU_TIME) {
    command = GNU_TIME
    commandArgs = ['-f', '%M', '-o', rssFile, process.execPath, ...args]
  } else {
    env.BENCH_RSS_FILE = rssFile
    command = process.execPath
    commandArgs = ['-r', preload, ...args]
  }
  const started = process.hrtime.bigint()
  const child = spawn(command, commandArgs, { env, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => (stdout += chunk))
  child.stderr.on('data', (chunk) => (stderr += chunk))
  const exitCode = await new Promise((resolve) => child.on('close', resolve))
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6
  const rssText = existsSync(rssFile) ? readFileSync(rssFile, 'utf8') : ''
  const rssKiB = Number(/(\d+)\s*$/.exec(rssText.trim())?.[1] ?? NaN)
  const result = {
    wallMs,
    rssKiB,
    exitCode,
    stdout,
    stderr,
    outputs: parseCommandFile(readFileSync(join(dir, 'output'), 'utf8')),
    state: parseCommandFile(readFileSync(join(dir, 'state'), 'utf8'))
  }
  rmSync(dir, { recursive: true, force: true })
  return result
}

function check(result, what, test = () => true) {
  if (result.exitCode !== 0 || /^::error::/m.test(result.stdout) || !test(result)) {
    throw new Error(`${what} failed (exit ${result.exitCode}):\n${result.stdout}${result.stderr}`)
  }
  return result
}

// ---------------------------------------------------------------------------------------------
// Statistics.

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b)
  const pos = (sorted.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo)
}
const stats = (values) => ({ median: quantile(values, 0.5), q1: quantile(values, 0.25), q3: quantile(values, 0.75), min: Math.min(...values), max: Math.max(...values), n: values.length })

// ---------------------------------------------------------------------------------------------
// Setup: the emulator, a key, two channels (main/post, and revoke-all: LINE allows 30 valid
// v2.1 tokens per channel and revoke-all fills one).

const loadStart = os.loadavg()
const emulator = await startEmulatorProcess()
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
const publicJwk = { ...publicKey.export({ format: 'jwk' }), alg: 'RS256', use: 'sig' }
const privateJwk = JSON.stringify({ ...privateKey.export({ format: 'jwk' }), alg: 'RS256', use: 'sig' })

async function channel(channelId) {
  const channelSecret = randomBytes(16).toString('hex')
  await emulator.admin('POST', 'channels', { channelId, channelSecret })
  const { kid } = await emulator.admin('POST', 'keys', { channelId, publicJwk })
  return { 'channel-id': channelId, 'private-key': privateJwk, 'key-id': kid, 'channel-secret': channelSecret, lifetime: '30m', 'api-base-url': emulator.url }
}

// BENCH_DIST: another build to measure (an experiment's output directory); default dist/.
const DIST = process.env.BENCH_DIST ? process.env.BENCH_DIST : join(ROOT, 'dist')
const BASELINE = ['-e', '0']
const MAIN = [join(DIST, 'main/index.js')]
const POST = [join(DIST, 'post/index.js')]
const REVOKE_ALL = [join(DIST, 'revoke-all/index.js')]

const samples = { baseline: [], main: [], post: [], stateless: [] }
const ratios = { main: [], post: [], stateless: [] }
let revokeAll = []

try {
  const inputs = await channel('1660000001')
  const statelessInputs = { ...inputs, 'token-type': 'stateless' }
  const issued = (r) => Boolean(r.outputs.token) && Boolean(r.state['sealed-token'])
  const revoked = (r) => /Revoked the token/.test(r.stdout)

  // Warm-up: the page cache, the emulator's JIT.
  for (let i = 0; i < 3; i++) {
    await coldRun(BASELINE)
    const main = check(await coldRun(MAIN, { inputs }), 'main (warm-up)', issued)
    check(await coldRun(POST, { inputs, state: main.state }), 'post (warm-up)', revoked)
    check(await coldRun(MAIN, { inputs: statelessInputs }), 'main stateless (warm-up)')
  }

  // Interleaved pairs; the order within a pair alternates so neither side always goes first.
  const pair = async (subject, args, options, test, name) => {
    const first = subject.length % 2 === 0
    const base = first ? await coldRun(BASELINE) : undefined
    const result = check(await coldRun(args, options), name, test)
    const baseAfter = first ? base : await coldRun(BASELINE)
    samples.baseline.push(baseAfter)
    subject.push(result)
    return { result, base: baseAfter }
  }
  for (let i = 0; i < RUNS; i++) {
    const m = await pair(samples.main, MAIN, { inputs }, issued, 'main')
    ratios.main.push(m.result.wallMs / m.base.wallMs)
    const p = await pair(samples.post, POST, { inputs, state: m.result.state }, revoked, 'post')
    ratios.post.push(p.result.wallMs / p.base.wallMs)
    const s = await pair(samples.stateless, MAIN, { inputs: statelessInputs }, (r) => Boolean(r.outputs.token), 'main stateless')
    ratios.stateless.push(s.result.wallMs / s.base.wallMs)
    process.stderr.write(`\rpairs ${i + 1}/${RUNS}`)
  }
  process.stderr.write('\n')

  // revoke-all: 30 tokens recorded in a file ledger (issued by dist/main, revoke: false, untimed),
  // then one timed revoke-all run with 100 ms of emulator latency on every LINE request.
  for (let round = 0; round < REVOKE_ALL_ROUNDS; round++) {
    const ra = await channel(`16600001${String(round).padStart(2, '0')}`)
    const ledgerDir = join(work, `ledger-${round}`)
    mkdirSync(ledgerDir)
    const ledgerInputs = { ...ra, ledger: `file:${ledgerDir}`, revoke: 'false' }
    let left = REVOKE_ALL_TOKENS
    const issueWorker = async () => {
      while (left-- > 0) check(await coldRun(MAIN, { inputs: ledgerInputs }), 'main (ledger fill)', (r) => Boolean(r.outputs.token))
    }
    await Promise.all([issueWorker(), issueWorker()])
    const kids = await emulator.admin('GET', `kids?channelId=${ra['channel-id']}`)
    if (kids.length !== REVOKE_ALL_TOKENS) throw new Error(`expected ${REVOKE_ALL_TOKENS} valid tokens, LINE lists ${kids.length}`)

    await emulator.admin('DELETE', 'requests')
    await emulator.admin('POST', 'latency', { ms: LATENCY_MS })
    const raInputs = { 'channel-id': ra['channel-id'], 'private-key': ra['private-key'], 'key-id': ra['key-id'], 'channel-secret': ra['channel-secret'], 'api-base-url': ra['api-base-url'], ledger: `file:${ledgerDir}` }
    const result = check(await coldRun(REVOKE_ALL, { inputs: raInputs, actionFile: 'revoke-all/action.yml' }), 'revoke-all', (r) => r.outputs.revoked === String(REVOKE_ALL_TOKENS))
    await emulator.admin('POST', 'latency', { ms: 0 })
    const log = (await emulator.admin('GET', 'requests')).filter((r) => !r.path.startsWith('/__emulator/'))
    const after = await emulator.admin('GET', `kids?channelId=${ra['channel-id']}`)
    if (after.length !== 0) throw new Error(`revoke-all left ${after.length} valid tokens`)
    // A request is logged when answered, after the latency: the first one started LATENCY_MS earlier.
    const times = log.map((r) => r.at)
    const spanMs = Math.max(...times) - Math.min(...times) + LATENCY_MS
    revokeAll.push({ wallMs: result.wallMs, rssKiB: result.rssKiB, spanMs, requests: log.length, revokes: log.filter((r) => r.path.endsWith('/revoke')).length })
  }
} finally {
  await emulator.stop()
  rmSync(work, { recursive: true, force: true })
}

// ---------------------------------------------------------------------------------------------
// Sizes of each dist entry.

function entrySizes() {
  const dist = DIST
  return readdirSync(dist)
    .filter((entry) => statSync(join(dist, entry)).isDirectory())
    .sort()
    .map((entry) => {
      const files = readdirSync(join(dist, entry))
      const total = files.reduce((sum, file) => sum + statSync(join(dist, entry, file)).size, 0)
      const js = files.filter((file) => file.endsWith('.js'))
      return { entry, total, index: statSync(join(dist, entry, 'index.js')).size, files: files.length, chunks: js.length - 1 }
    })
}

// ---------------------------------------------------------------------------------------------
// Report.

const ms = (v) => `${v.toFixed(0)} ms`
const mib = (kib) => `${(kib / 1024).toFixed(1)} MiB`
const x = (v) => `${v.toFixed(2)}×`
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`
const spread = (s, fmt) => `${fmt(s.q1)}–${fmt(s.q3)} (min ${fmt(s.min)}, max ${fmt(s.max)})`
const pass = (ok) => (ok ? '✅ pass' : '❌ fail')

const wall = (list) => stats(list.map((r) => r.wallMs))
const rss = (list) => stats(list.map((r) => r.rssKiB))
const rows = [
  ['`node -e 0` (baseline)', samples.baseline, undefined],
  ['main, v2.1 (`dist/main`)', samples.main, ratios.main],
  ['post, revoke path (`dist/post`)', samples.post, ratios.post],
  ['main, stateless (`dist/main`)', samples.stateless, ratios.stateless]
]
const mainRatio = stats(ratios.main).median
const postRatio = stats(ratios.post).median
const mainRss = rss(samples.main).median / 1024
const raSpan = stats(revokeAll.map((r) => r.spanMs))
const raWall = stats(revokeAll.map((r) => r.wallMs))
const cpus = os.cpus()
const loadEnd = os.loadavg()

const lines = [
  MARK_START,
  '',
  `Measured ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')} on Node ${process.version}, ${os.type()} ${os.release()} ${os.arch()}, ` +
    `${cpus[0]?.model?.trim() ?? 'unknown CPU'} × ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB. ` +
    `Load average (1/5/15 min) ${loadStart.map((l) => l.toFixed(2)).join(' / ')} at the start, ${loadEnd.map((l) => l.toFixed(2)).join(' / ')} at the end.`,
  '',
  `${RUNS} cold runs of each subject after 3 warm-up rounds, each paired with a \`node -e 0\` run in the same minimal runner-style environment ` +
    '(PATH plus the GitHub runner variables and `INPUT_*`/`STATE_*`; nothing else inherited). Ratio = median of the per-pair ratios. ' +
    `Wall time from spawn to exit; peak RSS by ${rssMethod}. Spread = interquartile range (min, max). Emulator on 127.0.0.1, no latency.`,
  '',
  '| Run | Wall median | Wall spread | × baseline (median of pairs) | Peak RSS median | RSS spread |',
  '| --- | ---: | --- | ---: | ---: | --- |',
  ...rows.map(([name, list, pairRatios]) => {
    const w = wall(list)
    const r = rss(list)
    const ratio = pairRatios ? `${x(stats(pairRatios).median)} (${x(stats(pairRatios).q1)}–${x(stats(pairRatios).q3)})` : '1.00×'
    return `| ${name} | ${ms(w.median)} | ${spread(w, ms)} | ${ratio} | ${mib(r.median)} | ${mib(r.min)}–${mib(r.max)} |`
  }),
  '',
  `revoke-all (\`dist/revoke-all\`): ${REVOKE_ALL_TOKENS} tokens recorded in a \`file:\` ledger, ${LATENCY_MS} ms emulator latency on every LINE request, ${revokeAll.length} round(s). ` +
    'The request span runs from the start of the first LINE request to the answer of the last (from the emulator\'s request log).',
  '',
  '| Run | LINE requests | Request span | Wall (whole run) | Peak RSS |',
  '| --- | ---: | ---: | ---: | ---: |',
  ...revokeAll.map((r, i) => `| round ${i + 1} | ${r.requests} (${r.revokes} revokes) | ${ms(r.spanMs)} | ${ms(r.wallMs)} | ${mib(r.rssKiB)} |`),
  `| **median** | | **${ms(raSpan.median)}** | ${ms(raWall.median)} | |`,
  '',
  '### Budget',
  '',
  '| Budget | Limit | Measured | |',
  '| --- | ---: | ---: | --- |',
  `| main, cold: median wall vs baseline | ≤ ${x(BUDGET.mainRatio)} | ${x(mainRatio)} | ${pass(mainRatio <= BUDGET.mainRatio)} |`,
  `| main, cold: peak RSS (median) | ≤ ${BUDGET.mainRssMiB} MiB | ${mainRss.toFixed(1)} MiB | ${pass(mainRss <= BUDGET.mainRssMiB)} |`,
  `| post, revoke path: median wall vs baseline | ≤ ${x(BUDGET.postRatio)} | ${x(postRatio)} | ${pass(postRatio <= BUDGET.postRatio)} |`,
  `| revoke-all, ${REVOKE_ALL_TOKENS} tokens at ${LATENCY_MS} ms: request span (median) | ≤ ${ms(BUDGET.revokeAllSpanMs)} | ${ms(raSpan.median)} | ${pass(raSpan.median <= BUDGET.revokeAllSpanMs)} |`,
  '',
  '### Size of each `dist` entry',
  '',
  '| Entry | All files | `index.js` | Lazy chunks |',
  '| --- | ---: | ---: | ---: |',
  ...entrySizes().map((s) => `| \`dist/${s.entry}\` | ${kb(s.total)} | ${kb(s.index)} | ${s.chunks} |`),
  '',
  MARK_END
]
const block = lines.join('\n')
console.log(block)

const budgetOk = mainRatio <= BUDGET.mainRatio && mainRss <= BUDGET.mainRssMiB && postRatio <= BUDGET.postRatio && raSpan.median <= BUDGET.revokeAllSpanMs
if (process.env.BENCH_NO_WRITE !== '1' && !process.env.BENCH_DIST) {
  const page = join(ROOT, 'docs/benchmarks.md')
  const existing = existsSync(page) ? readFileSync(page, 'utf8') : ''
  const start = existing.indexOf(MARK_START)
  const end = existing.indexOf(MARK_END)
  const text =
    start >= 0 && end > start
      ? existing.slice(0, start) + block + existing.slice(end + MARK_END.length)
      : `# Benchmarks\n\nOutput of \`npm run bench\` (scripts/bench.mjs).\n\n${block}\n`
  mkdirSync(join(ROOT, 'docs'), { recursive: true })
  writeFileSync(page, text)
  console.error(`wrote ${page}`)
}
if (!budgetOk) {
  console.error('the budget does not hold')
  process.exitCode = 1
}
