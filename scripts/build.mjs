#!/usr/bin/env node
// Bundles each entry in src/entries/ into dist/<entry>/ with ncc (ESM output).
// Usage: node scripts/build.mjs [entry ...]   (default: all entries)
import { spawn } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const all = readdirSync(join(root, 'src/entries'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.replace(/\.ts$/, ''))
const wanted = process.argv.slice(2)
const entries = wanted.length ? wanted : all

// Each entry is built into a staging folder and moved into dist/ only when every entry built,
// so a failed build (a type error in src/: ncc type-checks what tsconfig.json includes) leaves dist/ as it was.
const staging = join(root, '.dist-staging')

function build(entry) {
  const out = join(staging, entry)
  rmSync(out, { recursive: true, force: true })
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js'), 'build', `src/entries/${entry}.ts`, '-o', out, '--license', 'licenses.txt', '--quiet'],
      { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] }
    )
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`ncc failed for ${entry} (exit ${code})`))
      // ncc exits 0 even when it could not resolve an ESM import; it leaves a stub instead.
      const bundle = readFileSync(join(out, 'index.js'), 'utf8')
      if (bundle.includes('webpackMissingModule')) return reject(new Error(`${entry} has unresolved modules (webpackMissingModule)`))
      resolve()
    })
  })
}

// Two at a time: the machines have two cores.
const queue = [...entries]
async function worker() {
  while (queue.length) {
    const entry = queue.shift()
    await build(entry)
  }
}
rmSync(staging, { recursive: true, force: true })
try {
  await Promise.all([worker(), worker()])
} catch (error) {
  rmSync(staging, { recursive: true, force: true })
  console.error(`${error.message}; dist/ was left as it was`)
  process.exit(1)
}
// Everything built: replace dist/ (all of it, so removed entries disappear) or the named entries.
if (!wanted.length) rmSync(join(root, 'dist'), { recursive: true, force: true })
mkdirSync(join(root, 'dist'), { recursive: true })
for (const entry of entries) {
  rmSync(join(root, 'dist', entry), { recursive: true, force: true })
  renameSync(join(staging, entry), join(root, 'dist', entry))
  console.log(`built dist/${entry}`)
}
rmSync(staging, { recursive: true, force: true })
