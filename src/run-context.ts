import type { IssuingRun } from './ledger/types.js'

/** The workflow run that issued a token, from the runner's environment (absent outside Actions). */
export function issuingRunFromEnv(env: NodeJS.ProcessEnv): IssuingRun | undefined {
  if (!env.GITHUB_RUN_ID) return undefined
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com'
  const repository = env.GITHUB_REPOSITORY
  return {
    repository,
    workflow: env.GITHUB_WORKFLOW,
    job: env.GITHUB_JOB,
    runId: env.GITHUB_RUN_ID,
    runAttempt: env.GITHUB_RUN_ATTEMPT,
    url: repository ? `${server}/${repository}/actions/runs/${env.GITHUB_RUN_ID}` : undefined
  }
}
