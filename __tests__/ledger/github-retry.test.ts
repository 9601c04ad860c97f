import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createGitHubLedger } from '../../src/ledger/github.js'
import { startGitHubStandIn, type GitHubStandIn } from '../helpers/github-standin.js'
import { CHANNEL_ID, CHANNEL_SECRET, GITHUB_TOKEN, OWNER, REPO, entry, recordingSleep } from './fixtures.js'

describe('github ledger: transient failures are retried, boundedly', () => {
  let gh: GitHubStandIn
  beforeEach(async () => (gh = await startGitHubStandIn({ token: GITHUB_TOKEN, owner: OWNER, repo: REPO })))
  afterEach(() => gh.close())

  const open = (apiUrl: string, sleep: (ms: number) => Promise<void>, extra = {}) => {
    const messages: string[] = []
    const logger = { debug: (m: string) => messages.push(m), info: (m: string) => messages.push(m), warning: (m: string) => messages.push(m) }
    const ledger = createGitHubLedger({ owner: OWNER, repo: REPO, branch: 'line-token-ledger', token: GITHUB_TOKEN, apiUrl, channelSecret: CHANNEL_SECRET, sleep, logger, baseDelayMs: 100, ...extra })
    return { ledger, messages }
  }

  it('retries 5xx answers with growing delays and succeeds', async () => {
    const { sleep, delays } = recordingSleep()
    const { ledger, messages } = open(gh.url, sleep)
    gh.injectFailure({ method: 'PUT', pathPattern: /contents/, status: 502, times: 2 })
    gh.injectFailure({ method: 'GET', pathPattern: /contents\/\d+$/, status: 503 })
    await ledger.put(entry('kid-a'))
    expect((await ledger.list(CHANNEL_ID)).map((e) => e.keyId)).toEqual(['kid-a'])
    expect(delays).toHaveLength(3)
    expect(delays[0]).toBeGreaterThanOrEqual(50)
    expect(delays[0]).toBeLessThanOrEqual(100)
    expect(delays[1]).toBeGreaterThanOrEqual(100)
    expect(delays[1]).toBeLessThanOrEqual(200)
    expect(messages[0]).toBe('GitHub ledger: created the branch line-token-ledger in octo/ledger-repo')
    expect(messages[1]).toMatch(/^GitHub ledger: record key ID kid-a got HTTP 502: injected 502; retrying in 0\.\d s$/)
    const logged = messages.join('\n')
    expect(logged).not.toContain(GITHUB_TOKEN)
    expect(logged).not.toContain(entry('kid-a').accessToken)
  })

  it('gives up after maxAttempts and says how many were made', async () => {
    const { sleep, delays } = recordingSleep()
    gh.injectFailure({ method: 'GET', pathPattern: '/contents/', status: 500, times: 10, body: 'oops' })
    await expect(open(gh.url, sleep, { maxAttempts: 3 }).ledger.list(CHANNEL_ID)).rejects.toThrow(
      `could not list the records of channel ${CHANNEL_ID} in ${OWNER}/${REPO} (ledger github:${OWNER}/${REPO}@line-token-ledger): HTTP 500 after 3 attempts`
    )
    expect(delays).toHaveLength(2)
  })

  it('retries network failures and reports their code', async () => {
    const closed = http.createServer()
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r))
    const { port } = closed.address() as AddressInfo
    await new Promise<void>((r) => closed.close(() => r()))
    const { sleep, delays } = recordingSleep()
    const error = await open(`http://127.0.0.1:${port}`, sleep, { maxAttempts: 2 }).ledger.list(CHANNEL_ID).catch((e: Error) => e)
    expect((error as Error).message).toMatch(/: no answer \(ECONNREFUSED\) after 2 attempts$/)
    expect(delays).toHaveLength(1)
  })

  it('times out a request that gets no answer', async () => {
    const silent = http.createServer(() => {})
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r))
    try {
      const { port } = silent.address() as AddressInfo
      const { sleep } = recordingSleep()
      const error = await open(`http://127.0.0.1:${port}`, sleep, { maxAttempts: 1, timeoutMs: 50 }).ledger.list(CHANNEL_ID).catch((e: Error) => e)
      expect((error as Error).message).toMatch(/: no answer \(timeout\)$/)
    } finally {
      silent.closeAllConnections()
      await new Promise<void>((r) => silent.close(() => r()))
    }
  })

  it('waits out a short secondary rate limit, but not an exhausted quota', async () => {
    const { sleep, delays } = recordingSleep()
    gh.injectFailure({ method: 'GET', pathPattern: '/contents/', status: 403, headers: { 'retry-after': '2' }, body: { message: 'You have exceeded a secondary rate limit' } })
    gh.injectFailure({ method: 'GET', pathPattern: '/contents/', status: 429 })
    const { ledger } = open(gh.url, sleep)
    expect(await ledger.list(CHANNEL_ID)).toEqual([])
    expect(delays[0]).toBe(2000)
    expect(delays).toHaveLength(2)

    gh.injectFailure({ method: 'GET', pathPattern: '/contents/', status: 403, headers: { 'x-ratelimit-remaining': '0' }, body: { message: 'API rate limit exceeded' } })
    await expect(ledger.list(CHANNEL_ID)).rejects.toThrow(/the GitHub API rate limit was reached \(HTTP 403: API rate limit exceeded\); try again later$/)
    gh.injectFailure({ method: 'GET', pathPattern: '/contents/', status: 429, headers: { 'retry-after': '3600' } })
    await expect(ledger.list(CHANNEL_ID)).rejects.toThrow(/rate limit was reached \(HTTP 429: injected 429\); try again later$/)
  })
})
