import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { InputError } from '../../src/errors.js'
import { openLedger } from '../../src/ledger/index.js'
import { startGitHubStandIn, type GitHubStandIn } from '../helpers/github-standin.js'
import { CHANNEL_ID, CHANNEL_SECRET, GITHUB_TOKEN, OWNER, REPO, entry, tempDir } from './fixtures.js'

describe('openLedger', () => {
  let gh: GitHubStandIn
  beforeEach(async () => (gh = await startGitHubStandIn({ token: GITHUB_TOKEN, owner: OWNER, repo: REPO })))
  afterEach(() => gh.close())

  it('opens the github ledger of the current repository on the default branch', async () => {
    const ledger = await openLedger('github', { channelSecret: CHANNEL_SECRET, githubToken: GITHUB_TOKEN, currentRepository: `${OWNER}/${REPO}`, githubApiUrl: gh.url })
    expect(ledger.description).toBe(`github:${OWNER}/${REPO}@line-token-ledger`)
    await ledger.put(entry('kid-a'))
    expect(Object.keys(gh.files('line-token-ledger'))).toContain(`${CHANNEL_ID}/kid-a.json`)
  })

  it('opens github:OWNER/REPO@BRANCH', async () => {
    const ledger = await openLedger(`github:${OWNER}/${REPO}@tokens`, { channelSecret: CHANNEL_SECRET, githubToken: GITHUB_TOKEN, githubApiUrl: gh.url })
    await ledger.put(entry('kid-a'))
    expect(await ledger.list(CHANNEL_ID)).toEqual([entry('kid-a')])
    expect(gh.branches()).toContain('tokens')
  })

  it('defaults the API URL to api.github.com', async () => {
    // Nothing is sent before the first call, so this only checks that the ledger opens.
    const ledger = await openLedger('github:o/r', { channelSecret: CHANNEL_SECRET, githubToken: GITHUB_TOKEN })
    expect(ledger.description).toBe('github:o/r@line-token-ledger')
  })

  it('opens a file ledger', async () => {
    const { dir, cleanup } = await tempDir()
    try {
      const ledger = await openLedger(`file:${dir}`, { channelSecret: CHANNEL_SECRET })
      expect(ledger.description).toBe(`file:${dir}`)
    } finally {
      await cleanup()
    }
  })

  it('needs a github-token for github, and the channel secret for any ledger', async () => {
    await expect(openLedger('github:o/r', { channelSecret: CHANNEL_SECRET })).rejects.toThrow(
      new InputError('github-token', 'the `github` ledger writes to o/r through the GitHub API and needs a token: keep the default `${{ github.token }}` or pass one')
    )
    const error = await openLedger('file:x', { channelSecret: '' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).input).toBe('channel-secret')
  })

  it('rejects a bad spec before anything else', async () => {
    await expect(openLedger('nope', { channelSecret: '' })).rejects.toThrow(/^Input "ledger": `nope` is not a ledger/)
  })
})
