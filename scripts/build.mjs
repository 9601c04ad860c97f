#!/usr/bin/env node
// Bundles each entry in src/entries/ into dist/<entry>/ with ncc (ESM output).
// Usage: node scripts/build.mjs [entry ...]   (default: all entries)
import { spawn } from 'node:child_process'
import { readdirSync, rmSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const all = readdirSync(join(root, 'src/entries'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.replace(/\.ts$/, ''))
const wanted = process.argv.slice(2)
const entries = wanted.length ? wanted : all

function build(entry) {
  const out = join(root, 'dist', entry)
  rmSync(out, { recursive: true, force: true })
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js'), 'build', `src/entries/${entry}.ts`, '-o', `dist/${entry}`, '--license', 'licenses.txt', '--quiet'],
      { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] }
    )
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`ncc failed for ${entry} (exit ${code})`))
      // ncc exits 0 even when it could not resolve an ESM import; it leaves a stub instead.
      const bundle = readFileSync(join(out, 'index.js'), 'utf8')
      if (bundle.includes('webpackMissingModule')) return reject(new Error(`dist/${entry} has unresolved modules (webpackMissingModule)`))
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
    console.log(`built dist/${entry}`)
  }
}
if (!wanted.length) rmSync(join(root, 'dist'), { recursive: true, force: true })
await Promise.all([worker(), worker()])
