// Reading the repository's workflow files and local action metadata for the workflow tests.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'

export const ROOT = new URL('../..', import.meta.url).pathname
export const WORKFLOWS_DIR = join(ROOT, '.github/workflows')

/**
 * How the workflows name this repository. The reusable workflow cannot use `./revoke-all`
 * (that resolves in the caller's checkout), so it references OWNER/REPO/revoke-all@<tag>;
 * change this together with that placeholder.
 */
export const THIS_REPOSITORY = 'OWNER/REPO'

/** The actions this repository defines: directory (relative to the root, '' = root) → action.yml. */
export const LOCAL_ACTIONS: Record<string, string> = { '': 'action.yml', 'revoke-all': 'revoke-all/action.yml' }

export interface Step {
  id?: string
  name?: string
  uses?: string
  run?: string
  with?: Record<string, unknown>
  env?: Record<string, unknown>
}

export interface Job {
  uses?: string
  with?: Record<string, unknown>
  steps?: Step[]
}

export interface Workflow {
  on?: unknown
  jobs?: Record<string, Job>
}

export interface ActionMetadata {
  inputs?: Record<string, { required?: boolean; default?: unknown; description?: string }>
  outputs?: Record<string, { description?: string }>
  runs?: { using?: string; main?: string }
}

export function workflowFiles(): string[] {
  return readdirSync(WORKFLOWS_DIR)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
}

export function readWorkflow(name: string): { text: string; workflow: Workflow } {
  const text = readFileSync(join(WORKFLOWS_DIR, name), 'utf8')
  return { text, workflow: parse(text) as Workflow }
}

export function readAction(file: string): ActionMetadata {
  return parse(readFileSync(join(ROOT, file), 'utf8')) as ActionMetadata
}

/** The local action.yml a `uses:` refers to (`./dir`, or this repository by name), if any. */
export function localActionOf(uses: string): string | undefined {
  let dir: string | undefined
  if (uses.startsWith('./')) {
    dir = uses.slice(2).replace(/\/+$/, '')
  } else if (uses.startsWith(`${THIS_REPOSITORY}/`) || uses.startsWith(`${THIS_REPOSITORY}@`)) {
    dir = uses.slice(THIS_REPOSITORY.length).replace(/@.*$/, '').replace(/^\//, '')
  }
  return dir === undefined ? undefined : LOCAL_ACTIONS[dir]
}

export function allSteps(workflow: Workflow): Array<{ job: string; step: Step }> {
  return Object.entries(workflow.jobs ?? {}).flatMap(([job, spec]) => (spec.steps ?? []).map((step) => ({ job, step })))
}
