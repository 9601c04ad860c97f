import { describe, expect, it } from '@jest/globals'
import { LOCAL_ACTIONS, THIS_REPOSITORY, allSteps, localActionOf, readAction, readWorkflow, workflowFiles } from './support.js'

/** Every step of every workflow that uses one of this repository's actions. */
function localActionSteps() {
  return workflowFiles().flatMap((file) =>
    allSteps(readWorkflow(file).workflow).flatMap(({ job, step }) => {
      const action = step.uses ? localActionOf(step.uses) : undefined
      return action ? [{ file, job, step, action }] : []
    })
  )
}

describe('workflows pass only inputs the called action declares', () => {
  it('the reusable workflow runs the clean-up action of this repository by name', () => {
    const steps = localActionSteps().filter((s) => s.file === 'revoke-all.yml')
    expect(steps.map((s) => s.action)).toEqual(['revoke-all/action.yml'])
    expect(steps[0].step.uses).toMatch(new RegExp(`^${THIS_REPOSITORY}/revoke-all@`))
  })

  it('maps uses: references to the local action files', () => {
    expect(localActionOf('./revoke-all')).toBe('revoke-all/action.yml')
    expect(localActionOf('./')).toBe('action.yml')
    expect(localActionOf(`${THIS_REPOSITORY}@v1`)).toBe('action.yml')
    expect(localActionOf(`${THIS_REPOSITORY}/revoke-all@v1`)).toBe('revoke-all/action.yml')
    expect(localActionOf('actions/checkout@v5')).toBeUndefined()
    expect(localActionOf(`${THIS_REPOSITORY}/nope@v1`)).toBeUndefined()
  })

  it.each(localActionSteps().map((s) => [`${s.file} → ${s.job} → ${s.step.uses}`, s] as const))('%s', (_label, { step, action }) => {
    const declared = readAction(action).inputs ?? {}
    const passed = Object.keys(step.with ?? {})
    expect(passed.filter((key) => !(key in declared))).toEqual([])
    const required = Object.entries(declared)
      .filter(([, spec]) => spec.required && spec.default === undefined)
      .map(([name]) => name)
    expect(required.filter((name) => !passed.includes(name))).toEqual([])
  })
})

describe('the reusable workflow matches the clean-up action', () => {
  const { workflow } = readWorkflow('revoke-all.yml')
  const call = (workflow.on as { workflow_call: { inputs: Record<string, unknown>; secrets: Record<string, unknown>; outputs: Record<string, unknown> } }).workflow_call
  const action = readAction(LOCAL_ACTIONS['revoke-all'])

  it('offers the inputs and secrets of the issue, each of them a clean-up action input', () => {
    expect(Object.keys(call.inputs)).toEqual(expect.arrayContaining(['channel-id', 'key-id', 'ledger', 'keep', 'older-than', 'dry-run']))
    expect(Object.keys(call.secrets)).toEqual(expect.arrayContaining(['private-key', 'channel-secret']))
    for (const name of Object.keys(call.inputs)) expect(action.inputs).toHaveProperty([name])
  })

  it('passes each of its inputs and secrets on to the action', () => {
    const step = allSteps(workflow).find((s) => s.step.uses?.includes('/revoke-all@'))!.step
    for (const name of Object.keys(call.inputs)) expect(step.with?.[name]).toBe(`\${{ inputs.${name} }}`)
    expect(step.with?.['private-key']).toBe('${{ secrets.private-key }}')
    expect(step.with?.['channel-secret']).toBe('${{ secrets.channel-secret }}')
  })

  it('exposes the five outputs of the action', () => {
    expect(Object.keys(call.outputs).sort()).toEqual(Object.keys(action.outputs ?? {}).sort())
    expect(Object.keys(action.outputs ?? {}).sort()).toEqual(['active', 'kept', 'pruned', 'revoked', 'unknown'])
  })

  it('holds minimal permissions and one run per channel at a time', () => {
    const spec = workflow as { permissions?: unknown; concurrency?: { group?: string; 'cancel-in-progress'?: boolean } }
    expect(spec.permissions).toEqual({ contents: 'write' })
    expect(spec.concurrency).toEqual({ group: 'line-revoke-all-${{ inputs.channel-id }}', 'cancel-in-progress': false })
  })
})

describe('the clean-up action metadata', () => {
  const action = readAction('revoke-all/action.yml')
  it('runs the revoke-all bundle on node24 and describes every input', () => {
    expect(action.runs).toEqual({ using: 'node24', main: '../dist/revoke-all/index.js' })
    for (const [name, spec] of Object.entries(action.inputs ?? {})) {
      expect([name, typeof spec.description]).toEqual([name, 'string'])
      expect([name, spec.required === true || spec.default !== undefined]).toEqual([name, true])
    }
    expect(action.inputs?.['github-token']?.default).toBe('${{ github.token }}')
  })
})
