import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createGitHubLedger } from '../../src/ledger/github.js'
import { startGitHubStandIn, type GitHubStandIn } from '../helpers/github-standin.js'
import { CHANNEL_ID, CHANNEL_SECRET, GITHUB_TOKEN, OWNER, REPO, entry, noSleep } from './fixtures.js'

describe('github ledger: branch creation, put, list, remove', () => {
  let gh: GitHubStandIn
  beforeEach(async () => (gh = await startGitHubStandIn({ token: GITHUB_TOKEN, owner: OWNER, repo: REPO })))
  afterEach(() => gh.close())

  const open = () =>
    createGitHubLedger({ owner: OWNER, repo: REPO, branch: 'line-token-ledger', token: GITHUB_TOKEN, apiUrl: `${gh.url}/`, channelSecret: CHANNEL_SECRET, sleep: noSleep })

  it('reads an absent branch as empty without creating it', async () => {
    const ledger = open()
    expect(ledger.description).toBe(`github:${OWNER}/${REPO}@line-token-ledger`)
    expect(await ledger.list(CHANNEL_ID)).toEqual([])
    await ledger.remove(CHANNEL_ID, 'kid-a')
    expect(gh.branches()).toEqual(['main'])
  })

  it('creates the branch as an orphan with a README, then records, lists and removes tokens', async () => {
    const ledger = open()
    await ledger.put(entry('kid-b'))
    await ledger.put(entry('kid-a'))
    expect(gh.branches()).toContain('line-token-ledger')
    const files = gh.files('line-token-ledger')
    expect(Object.keys(files).sort()).toEqual([`${CHANNEL_ID}/kid-a.json`, `${CHANNEL_ID}/kid-b.json`, 'README.md'])
    expect(files['README.md']).toMatch(/LINE token ledger/)
    expect(JSON.parse(files[`${CHANNEL_ID}/kid-a.json`])).toMatchObject({ version: 1, keyId: 'kid-a' })
    expect(gh.files('main')).toEqual({ 'README.md': `# ${REPO}\n` })
    // Nothing the ledger sent holds the channel token or the channel secret.
    const sent = JSON.stringify(gh.requests())
    expect(sent).not.toContain(entry('kid-a').accessToken)
    expect(sent).not.toContain(CHANNEL_SECRET)
    const put = gh.requests().find((r) => r.method === 'PUT')!
    expect(put.body).toMatchObject({ branch: 'line-token-ledger', message: `ledger: record ${CHANNEL_ID}/kid-b.json` })
    expect(put.body).not.toHaveProperty('sha')

    // The branch is looked up once per ledger object.
    expect(gh.requests().filter((r) => r.method === 'POST' && r.path.endsWith('/git/refs'))).toHaveLength(1)

    // A second ledger object (another job) reads what the first wrote.
    expect(await open().list(CHANNEL_ID)).toEqual([entry('kid-a'), entry('kid-b')])

    await ledger.put(entry('kid-a', { expiresAt: '2025-02-01T00:00:00.000Z' })) // rewrite: needs the sha
    expect((await ledger.list(CHANNEL_ID)).find((e) => e.keyId === 'kid-a')?.expiresAt).toBe('2025-02-01T00:00:00.000Z')

    await ledger.remove(CHANNEL_ID, 'kid-a')
    await ledger.remove(CHANNEL_ID, 'kid-a')
    const del = gh.requests().find((r) => r.method === 'DELETE')!
    expect(del.body).toMatchObject({ branch: 'line-token-ledger', message: `ledger: remove ${CHANNEL_ID}/kid-a.json` })
    expect(Object.keys(gh.files('line-token-ledger')).sort()).toEqual([`${CHANNEL_ID}/kid-b.json`, 'README.md'])
    expect((await ledger.list(CHANNEL_ID)).map((e) => e.keyId)).toEqual(['kid-b'])
  })

  it('uses an existing branch, skips files that are not records and entries removed meanwhile', async () => {
    gh.writeFile('line-token-ledger', `${CHANNEL_ID}/notes.txt`, 'hi')
    gh.writeFile('line-token-ledger', `${CHANNEL_ID}/nested/x.json`, '{}')
    const ledger = open()
    await ledger.put(entry('kid-a'))
    await ledger.put(entry('kid-b'))
    expect(gh.requests().some((r) => r.method === 'POST')).toBe(false)
    gh.injectFailure({ method: 'GET', pathPattern: `contents/${CHANNEL_ID}/kid-b.json`, status: 404 })
    expect((await ledger.list(CHANNEL_ID)).map((e) => e.keyId)).toEqual(['kid-a'])
  })

  it('refuses a channel path that is a file, and content GitHub did not send', async () => {
    gh.writeFile('line-token-ledger', CHANNEL_ID, 'not a dir')
    await expect(open().list(CHANNEL_ID)).rejects.toThrow(`${CHANNEL_ID} on branch line-token-ledger is not a directory`)
    gh.writeFile('line-token-ledger', `555/kid-a.json`, '{}')
    gh.injectFailure({ method: 'GET', pathPattern: '555/kid-a.json', status: 200, body: { type: 'file', encoding: 'none', content: '' } })
    await expect(open().list('555')).rejects.toThrow(`GitHub did not return the content of github:${OWNER}/${REPO}@line-token-ledger:555/kid-a.json`)
  })

  it('names the record GitHub holds when it cannot be decrypted', async () => {
    await open().put(entry('kid-a'))
    const other = createGitHubLedger({ owner: OWNER, repo: REPO, branch: 'line-token-ledger', token: GITHUB_TOKEN, apiUrl: gh.url, channelSecret: 'other-secret' })
    await expect(other.list(CHANNEL_ID)).rejects.toThrow(
      `could not be decrypted with this channel secret: was the channel secret changed (reissued)? Records made with the old secret cannot be read; remove them (this one is github:${OWNER}/${REPO}@line-token-ledger:${CHANNEL_ID}/kid-a.json)`
    )
  })

  it('rejects unsafe IDs before any request', async () => {
    const ledger = open()
    await expect(ledger.put(entry('../x'))).rejects.toThrow(/cannot name a ledger record/)
    await expect(ledger.remove(CHANNEL_ID, 'a/b')).rejects.toThrow(/cannot name a ledger record/)
    await expect(ledger.list('..')).rejects.toThrow(/cannot name a ledger record/)
    expect(gh.requests()).toEqual([])
  })
})
