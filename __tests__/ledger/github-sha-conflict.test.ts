import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createGitHubLedger } from '../../src/ledger/github.js'
import { startGitHubStandIn, type GitHubStandIn } from '../helpers/github-standin.js'
import { CHANNEL_ID, CHANNEL_SECRET, GITHUB_TOKEN, OWNER, REPO, entry, recordingSleep } from './fixtures.js'

describe('github ledger: the file changed under us (409/422 on write)', () => {
  let gh: GitHubStandIn
  beforeEach(async () => {
    gh = await startGitHubStandIn({ token: GITHUB_TOKEN, owner: OWNER, repo: REPO })
    gh.writeFile('line-token-ledger', 'README.md', 'ledger')
  })
  afterEach(() => gh.close())

  const open = (sleep = recordingSleep().sleep) =>
    createGitHubLedger({ owner: OWNER, repo: REPO, branch: 'line-token-ledger', token: GITHUB_TOKEN, apiUrl: gh.url, channelSecret: CHANNEL_SECRET, sleep, maxWriteAttempts: 3 })

  it('refetches the sha and retries a PUT that got 409', async () => {
    const { sleep, delays } = recordingSleep()
    const ledger = open(sleep)
    await ledger.put(entry('kid-a'))
    gh.injectFailure({ method: 'PUT', pathPattern: 'kid-a.json', status: 409, times: 2 })
    await ledger.put(entry('kid-a', { expiresAt: '2030-01-01T00:00:00.000Z' }))
    expect(delays).toHaveLength(2)
    const puts = gh.requests().filter((r) => r.method === 'PUT').map((r) => r.status)
    expect(puts).toEqual([201, 409, 409, 200])
    expect(JSON.parse(gh.files('line-token-ledger')[`${CHANNEL_ID}/kid-a.json`]).expiresAt).toBe('2030-01-01T00:00:00.000Z')
  })

  it('gives up after a bounded number of attempts with a clear message', async () => {
    gh.injectFailure({ method: 'PUT', pathPattern: 'kid-a.json', status: 409, times: 10, body: { message: 'is at abc but expected def' } })
    await expect(open().put(entry('kid-a'))).rejects.toThrow(
      `could not record key ID kid-a in ${OWNER}/${REPO}: the file kept changing while we wrote it (HTTP 409: is at abc but expected def, 3 attempts); run again`
    )
    expect(gh.requests().filter((r) => r.method === 'PUT')).toHaveLength(3)
  })

  it('retries a DELETE that got 409, and treats 404 on DELETE as already gone', async () => {
    const ledger = open()
    await ledger.put(entry('kid-a'))
    await ledger.put(entry('kid-b'))
    gh.injectFailure({ method: 'DELETE', pathPattern: 'kid-a.json', status: 409 })
    await ledger.remove(CHANNEL_ID, 'kid-a')
    gh.injectFailure({ method: 'DELETE', pathPattern: 'kid-b.json', status: 404 })
    await ledger.remove(CHANNEL_ID, 'kid-b')
    expect(gh.requests().filter((r) => r.method === 'DELETE').map((r) => r.status)).toEqual([409, 200, 404])
    expect(Object.keys(gh.files('line-token-ledger'))).toEqual(['README.md', `${CHANNEL_ID}/kid-b.json`])

    gh.injectFailure({ method: 'DELETE', pathPattern: 'kid-b.json', status: 422, times: 3 })
    await expect(ledger.remove(CHANNEL_ID, 'kid-b')).rejects.toThrow(/could not remove the record of key ID kid-b .*HTTP 422: injected 422, 3 attempts/)
  })
})
