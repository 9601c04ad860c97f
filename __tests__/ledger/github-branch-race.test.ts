import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createGitHubLedger } from '../../src/ledger/github.js'
import { startGitHubStandIn, type GitHubStandIn } from '../helpers/github-standin.js'
import { CHANNEL_ID, CHANNEL_SECRET, GITHUB_TOKEN, OWNER, REPO, entry, noSleep } from './fixtures.js'

describe('github ledger: racing another job to create the branch', () => {
  let gh: GitHubStandIn
  beforeEach(async () => (gh = await startGitHubStandIn({ token: GITHUB_TOKEN, owner: OWNER, repo: REPO })))
  afterEach(() => gh.close())

  const open = () =>
    createGitHubLedger({ owner: OWNER, repo: REPO, branch: 'ledger/tokens', token: GITHUB_TOKEN, apiUrl: gh.url, channelSecret: CHANNEL_SECRET, sleep: noSleep })

  it('two jobs creating the branch at once both succeed (the loser sees 422 "Reference already exists")', async () => {
    await Promise.all([open().put(entry('kid-a')), open().put(entry('kid-b'))])
    expect(Object.keys(gh.files('ledger/tokens')).sort()).toEqual([`${CHANNEL_ID}/kid-a.json`, `${CHANNEL_ID}/kid-b.json`, 'README.md'])
    const refPosts = gh.requests().filter((r) => r.method === 'POST' && r.path.endsWith('/git/refs'))
    expect(refPosts.map((r) => r.status).sort()).toEqual([201, 422])
  })

  it.each([409, 422])('continues when creating the ref answers %i because it now exists', async (status) => {
    // The other job's branch appears just as our create-ref is refused.
    gh.injectFailure({
      method: 'POST',
      pathPattern: /\/git\/refs$/,
      status,
      onFire: () => gh.writeFile('ledger/tokens', 'README.md', 'made by the other job')
    })
    await open().put(entry('kid-a'))
    expect(gh.files('ledger/tokens')[`${CHANNEL_ID}/kid-a.json`]).toBeDefined()
  })

  it('fails clearly when create-ref is refused and the branch still does not exist', async () => {
    gh.injectFailure({ method: 'POST', pathPattern: /\/git\/refs$/, status: 422, body: { message: 'Reference update failed' } })
    await expect(open().put(entry('kid-a'))).rejects.toThrow(
      `could not create the ledger branch ledger/tokens in ${OWNER}/${REPO}: HTTP 422: Reference update failed`
    )
    // The failure is not cached: the next put tries again.
    const ledger = open()
    gh.injectFailure({ method: 'POST', pathPattern: /\/git\/refs$/, status: 409, body: '' })
    await expect(ledger.put(entry('kid-a'))).rejects.toThrow(/ledger\/tokens in octo\/ledger-repo: HTTP 409$/)
    await ledger.put(entry('kid-a'))
    expect(gh.files('ledger/tokens')[`${CHANNEL_ID}/kid-a.json`]).toBeDefined()
  })

  it('tells the user to push a first commit to an empty repository', async () => {
    const empty = await startGitHubStandIn({ token: GITHUB_TOKEN, owner: OWNER, repo: REPO, empty: true })
    try {
      const ledger = createGitHubLedger({ owner: OWNER, repo: REPO, branch: 'l', token: GITHUB_TOKEN, apiUrl: empty.url, channelSecret: CHANNEL_SECRET })
      await expect(ledger.put(entry('kid-a'))).rejects.toThrow(
        `could not create the ledger branch l in ${OWNER}/${REPO}: the repository is empty. Push one commit to it (any file) and run again`
      )
    } finally {
      await empty.close()
    }
  })

  it('reports a malformed answer without a sha', async () => {
    gh.injectFailure({ method: 'POST', pathPattern: /\/git\/trees$/, status: 201, body: {} })
    await expect(open().put(entry('kid-a'))).rejects.toThrow("could not create the ledger branch ledger/tokens: GitHub's answer had no sha")
  })
})
