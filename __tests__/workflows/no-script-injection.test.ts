import { describe, expect, it } from '@jest/globals'
import { allSteps, readWorkflow, workflowFiles } from './support.js'

// Values from inputs, secrets or the triggering event interpolated into a script become
// shell code (script injection) or land in the runner's command line; pass them via env:.
const INTERPOLATION = /\$\{\{\s*(inputs|secrets|github\.event)\b/

describe('no run: script interpolates inputs, secrets or event data', () => {
  it.each(workflowFiles())('%s', (name) => {
    const offending = allSteps(readWorkflow(name).workflow)
      .filter(({ step }) => typeof step.run === 'string' && INTERPOLATION.test(step.run))
      .map(({ job, step }) => `${job}: ${step.name ?? step.run}`)
    expect(offending).toEqual([])
  })

  it('the check catches the patterns it is meant to', () => {
    expect(INTERPOLATION.test('echo ${{ inputs.channel-id }}')).toBe(true)
    expect(INTERPOLATION.test('echo ${{secrets.X}}')).toBe(true)
    expect(INTERPOLATION.test('echo "${{ github.event.pull_request.title }}"')).toBe(true)
    expect(INTERPOLATION.test('echo "$CHANNEL_ID" ${{ runner.os }}')).toBe(false)
  })
})
