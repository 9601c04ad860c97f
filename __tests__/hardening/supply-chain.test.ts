// Section 6: supply chain and workflow security, checked on the repository's own files:
// dependabot covers npm and GitHub Actions; every third-party action is pinned to a full
// commit SHA; the lockfile is committed; CI audits production dependencies; SECURITY.md has
// a threat model for each secret and for workflow editors, and says how to report.
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'

const ROOT = new URL('../..', import.meta.url).pathname
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8')

/** Every `uses:` in a workflow or action file: jobs' steps, reusable-workflow jobs, composite steps. */
function usesOf(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => usesOf(item, found))
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'uses' && typeof item === 'string') found.push(item)
      else usesOf(item, found)
    }
  }
  return found
}

/** A `uses:` that is pinned, or that needs no pin (a local path, a docker image by digest, this repository). */
function pinProblem(uses: string): string | undefined {
  if (uses.startsWith('./')) return undefined
  if (uses.startsWith('OWNER/REPO')) return undefined // this repository (see __tests__/workflows/support.ts)
  if (uses.startsWith('docker://')) return /@sha256:[0-9a-f]{64}$/.test(uses) ? undefined : 'docker image not pinned by digest'
  const at = uses.lastIndexOf('@')
  if (at === -1) return 'no ref'
  return /^[0-9a-f]{40}$/.test(uses.slice(at + 1)) ? undefined : `ref "${uses.slice(at + 1)}" is not a 40-hex commit SHA`
}

const workflowFiles = readdirSync(join(ROOT, '.github/workflows')).filter((name) => /\.ya?ml$/.test(name))
const actionFiles = ['action.yml', 'revoke-all/action.yml']

describe('supply chain and workflow security', () => {
  it('dependabot updates npm and github-actions from the repository root', () => {
    const config = parse(read('.github/dependabot.yml')) as { version: number; updates: { 'package-ecosystem': string; directory: string; schedule?: { interval?: string } }[] }
    expect(config.version).toBe(2)
    const ecosystems = config.updates.filter((u) => u.directory === '/' && u.schedule?.interval).map((u) => u['package-ecosystem'])
    expect(ecosystems).toEqual(expect.arrayContaining(['npm', 'github-actions']))
  })

  it.each([...workflowFiles.map((f) => `.github/workflows/${f}`), ...actionFiles])('%s: every third-party action is pinned by commit SHA', (file) => {
    const problems = usesOf(parse(read(file))).flatMap((uses) => {
      const problem = pinProblem(uses)
      return problem ? [`${uses}: ${problem}`] : []
    })
    expect(problems).toEqual([])
  })

  it('the pin check catches what it should', () => {
    expect(pinProblem('actions/checkout@v5')).toMatch(/not a 40-hex/)
    expect(pinProblem('actions/checkout@main')).toMatch(/not a 40-hex/)
    expect(pinProblem('actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a')).toMatch(/not a 40-hex/)
    expect(pinProblem('actions/checkout')).toBe('no ref')
    expect(pinProblem('docker://alpine:3')).toMatch(/digest/)
    expect(pinProblem('actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8')).toBeUndefined()
    expect(pinProblem('./revoke-all')).toBeUndefined()
  })

  it('the workflows do use third-party actions (so the pin check is not vacuous)', () => {
    const thirdParty = workflowFiles.flatMap((f) => usesOf(parse(read(`.github/workflows/${f}`)))).filter((u) => !u.startsWith('./') && !u.startsWith('OWNER/REPO'))
    expect(thirdParty.length).toBeGreaterThan(0)
  })

  it('package-lock.json is committed, and CI audits production dependencies', () => {
    const tracked = execFileSync('git', ['ls-files', '--error-unmatch', 'package-lock.json'], { cwd: ROOT, encoding: 'utf8' })
    expect(tracked.trim()).toBe('package-lock.json')
    expect(JSON.parse(read('package-lock.json')).lockfileVersion).toBeGreaterThanOrEqual(2)
    expect(read('.ci/run')).toMatch(/audit_out=\$\(npm audit --omit=dev --audit-level=low 2>&1\)/)
    // Only an unavailable audit endpoint is skipped; findings fail the run.
    expect(read('.ci/run')).toMatch(/audit endpoint returned an error/)
    expect(read('.github/workflows/ci.yml')).toMatch(/^\s+- run: npm audit --omit=dev\b/m)
    expect(read('.ci/run')).toMatch(/^npm ci\b/m)
  })

  it('workflows declare their permissions', () => {
    for (const file of workflowFiles) {
      const workflow = parse(read(`.github/workflows/${file}`)) as { permissions?: unknown }
      expect({ file, permissions: workflow.permissions !== undefined }).toEqual({ file, permissions: true })
    }
  })

  it('SECURITY.md: how to report, and a threat model for each secret and for workflow editors', () => {
    const text = read('SECURITY.md')
    expect(text).toMatch(/^## Reporting a vulnerability/m)
    expect(text).toMatch(/^## Threat model/m)
    for (const who of ['private key', 'channel secret', 'issued token', 'GitHub token', 'edit a workflow']) {
      expect({ who, covered: text.includes(who) }).toEqual({ who, covered: true })
    }
    for (const column of ['can', 'cannot', 'what the action does about it']) expect(text).toContain(`| ${column} |`)
  })
})
