import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createGitHubLedger } from '../../src/ledger/github.js'
import { startGitHubStandIn, type GitHubStandIn } from '../helpers/github-standin.js'
import { CHANNEL_ID, CHANNEL_SECRET, GITHUB_TOKEN, OWNER, REPO, entry, noSleep } from './fixtures.js'

describe('github ledger: one process writes to the branch one file at a time', () => {
  let gh: GitHubStandIn
  beforeEach(async () => {
    gh = await startGitHubStandIn({ token: GITHUB_TOKEN, owner: OWNER, repo: REPO, latencyMs: 15 })
    gh.writeFile('line-token-ledger', 'README.md', 'ledger')
  })
  afterEach(() => gh.close())

  it('serializes parallel puts and removes (GitHub answers 409 to parallel commits on one branch), and a failed write does not block the next', async () => {
    const ledger = createGitHubLedger({ owner: OWNER, repo: REPO, branch: 'line-token-ledger', token: GITHUB_TOKEN, apiUrl: gh.url, channelSecret: CHANNEL_SECRET, sleep: noSleep, maxAttempts: 1 })
    const keyIds = ['k1', 'k2', 'k3', 'k4', 'k5', 'k6']
    gh.injectFailure({ method: 'PUT', pathPattern: 'k3.json', status: 500 })
    const results = await Promise.allSettled(keyIds.map((k) => ledger.put(entry(k))))
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled'])
    await Promise.all(['k1', 'k2'].map((k) => ledger.remove(CHANNEL_ID, k)))
    const writes = gh.requests().filter((r) => r.method !== 'GET')
    expect(writes).toHaveLength(8)
    expect(Math.max(...writes.map((r) => r.concurrent))).toBe(1)
    expect((await ledger.list(CHANNEL_ID)).map((e) => e.keyId)).toEqual(['k4', 'k5', 'k6'])
  })
})
