import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createGitHubLedger } from '../../src/ledger/github.js'
import { startGitHubStandIn, type GitHubStandIn } from '../helpers/github-standin.js'
import { CHANNEL_ID, CHANNEL_SECRET, GITHUB_TOKEN, OWNER, REPO, entry, noSleep } from './fixtures.js'

describe('github ledger: permission problems say what to fix', () => {
  let gh: GitHubStandIn
  beforeEach(async () => (gh = await startGitHubStandIn({ token: GITHUB_TOKEN, owner: OWNER, repo: REPO, readOnly: true })))
  afterEach(() => gh.close())

  const open = (options: { token?: string; repo?: string } = {}) =>
    createGitHubLedger({ owner: OWNER, repo: options.repo ?? REPO, branch: 'line-token-ledger', token: options.token ?? GITHUB_TOKEN, apiUrl: gh.url, channelSecret: CHANNEL_SECRET, sleep: noSleep })

  it('403 on a write → needs contents: write on OWNER/REPO, or a token for that repository', async () => {
    const error = await open().put(entry('kid-a')).catch((e: Error) => e)
    expect((error as Error).message).toBe(
      `could not create the ledger branch line-token-ledger in ${OWNER}/${REPO} (ledger github:${OWNER}/${REPO}@line-token-ledger): ` +
        `permission denied (HTTP 403: Resource not accessible by integration). The token needs \`contents: write\` on ${OWNER}/${REPO}: ` +
        `add \`permissions: contents: write\` to the workflow or job, or, when ${OWNER}/${REPO} is another repository, pass in ` +
        `\`github-token\` a token that can write to it (a fine-grained or GitHub App token with Contents: read and write)`
    )
    expect((error as Error).message).not.toContain(GITHUB_TOKEN)
  })

  it('a repository the token cannot see → check the name or pass a token for it', async () => {
    const ledger = open({ repo: 'elsewhere' })
    for (const attempt of [() => ledger.list(CHANNEL_ID), () => ledger.remove(CHANNEL_ID, 'kid-a'), () => ledger.put(entry('kid-a'))]) {
      await expect(attempt()).rejects.toThrow(
        `the ledger repository ${OWNER}/elsewhere was not found, or the token cannot see it: check OWNER/REPO in \`ledger\`. ` +
          `The workflow's own token reaches only the current repository; for another repository pass a token with Contents: read and write on ${OWNER}/elsewhere in \`github-token\``
      )
    }
  })

  it('a rejected token → pass a valid github-token', async () => {
    await expect(open({ token: 'wrong-token' }).list(CHANNEL_ID)).rejects.toThrow(/GitHub rejected the token \(HTTP 401\): pass a valid token in `github-token`$/)
  })

  it('another client error is reported with GitHub\'s message', async () => {
    gh.injectFailure({ method: 'GET', pathPattern: '/contents/', status: 400, body: { message: 'Bad ref' } })
    await expect(open().list(CHANNEL_ID)).rejects.toThrow(/could not list the records of channel 1234567890 in .*: HTTP 400: Bad ref$/)
  })
})
