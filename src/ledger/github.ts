/**
 * `github` ledger: one file per token (`<channel-id>/<key-id>.json`) on a dedicated branch,
 * written through GitHub's REST contents API. One file per token means parallel jobs touch
 * different paths; the races that remain (branch creation, a file rewritten meanwhile) are
 * retried here. Loaded lazily by openLedger, so other runs never load @actions/github.
 *
 * The branch is created as an orphan (one commit holding a README) rather than from the
 * default branch: it then carries no `.github/workflows`, so ledger pushes cannot start
 * workflows even when the token is a personal or app token. An empty repository (no commit
 * at all) cannot hold a branch made through the API; the user is told to push one commit.
 */
import { getOctokit } from '@actions/github'
import { realSleep, type Sleep } from '../clock.js'
import { silentLogger, type Logger } from '../logger.js'
import { assertSafeId, keyIdOfFileName, openRecord, recordPath, sealEntry, validateEntry } from './record.js'
import { LedgerError, type Ledger, type LedgerEntry } from './types.js'


export interface GitHubLedgerOptions {
  owner: string
  repo: string
  branch: string
  /** The `github-token`. Sent only as the Authorization header; never logged. */
  token: string
  /** GITHUB_API_URL, e.g. https://api.github.com or https://ghe.example/api/v3. */
  apiUrl: string
  channelSecret: string
  logger?: Logger
  sleep?: Sleep
  /** Attempts per request when GitHub answers 5xx/429 or the network fails. Default 4. */
  maxAttempts?: number
  /** First retry delay, doubled each time (with jitter). Default 1000 ms. */
  baseDelayMs?: number
  /** Attempts per write when the file changed under us (409/422). Default 5. */
  maxWriteAttempts?: number
  /** Per-request timeout. Default 30 s. */
  timeoutMs?: number
  /** Records fetched in parallel by list(). Default 6. */
  listConcurrency?: number
}

interface Reply {
  status: number
  data: unknown
  /** GitHub's `message`, for accepted error statuses. */
  message?: string
}

/** What went wrong with one request, without anything from the request itself (it holds the token). */
interface Failure {
  status?: number
  message?: string
  code?: string
  retryAfterMs?: number
  rateLimited: boolean
}

const README = `# LINE token ledger

Written by line-channel-access-token-action: one file per issued LINE channel access token
(\`<channel-id>/<key-id>.json\`). Metadata is readable; tokens are encrypted with a key
derived from the channel secret. Do not edit by hand; the revoke-all action prunes it.
`

export function createGitHubLedger(options: GitHubLedgerOptions): Ledger {
  const { owner, repo, branch, channelSecret } = options
  const logger = options.logger ?? silentLogger
  const sleep = options.sleep ?? realSleep
  const maxAttempts = options.maxAttempts ?? 4
  const baseDelayMs = options.baseDelayMs ?? 1000
  const maxWriteAttempts = options.maxWriteAttempts ?? 5
  const timeoutMs = options.timeoutMs ?? 30_000
  const listConcurrency = options.listConcurrency ?? 6
  const slug = `${owner}/${repo}`
  const description = `github:${slug}@${branch}`

  const octokit = getOctokit(options.token, { baseUrl: options.apiUrl.replace(/\/+$/, ''), log: quietLog(logger) })
  // Routes here are built from validated segments; the loose type keeps octokit's route typing out of the way.
  const request = octokit.request as unknown as (route: string, params: Record<string, unknown>) => Promise<{ status: number; data: unknown }>

  /** One REST call with bounded retries for transient failures. Statuses in `accept` come back as replies. */
  async function call(operation: string, route: string, params: Record<string, unknown>, accept: number[] = []): Promise<Reply> {
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await request(route, { owner, repo, ...params, request: { signal: AbortSignal.timeout(timeoutMs) } })
        return { status: response.status, data: response.data }
      } catch (error) {
        const failure = describeFailure(error)
        if (failure.status !== undefined && accept.includes(failure.status)) {
          return { status: failure.status, data: undefined, message: failure.message }
        }
        const delay = retryDelay(failure, attempt)
        if (delay === undefined || attempt >= maxAttempts) throw failureError(operation, failure, attempt)
        logger.info(`GitHub ledger: ${operation} got ${failureText(failure)}; retrying in ${Math.round(delay / 100) / 10} s`)
        await sleep(delay)
      }
    }
  }

  function retryDelay(failure: Failure, attempt: number): number | undefined {
    const backoff = baseDelayMs * 2 ** (attempt - 1) * (0.5 + Math.random() / 2)
    if (failure.rateLimited) {
      // A secondary rate limit names a short wait; an exhausted hourly quota is not worth waiting for.
      if (failure.retryAfterMs !== undefined) return failure.retryAfterMs <= 60_000 ? Math.max(failure.retryAfterMs, backoff) : undefined
      return failure.status === 429 ? backoff : undefined
    }
    if (failure.status === undefined || failure.status >= 500) return backoff
    return undefined
  }

  function failureError(operation: string, failure: Failure, attempts: number): LedgerError {
    const where = `${operation} in ${slug} (ledger ${description})`
    const tries = attempts > 1 ? ` after ${attempts} attempts` : ''
    if (failure.rateLimited) {
      return new LedgerError(`could not ${where}: the GitHub API rate limit was reached (${failureText(failure)})${tries}; try again later`)
    }
    switch (failure.status) {
      case 401:
        return new LedgerError(`could not ${where}: GitHub rejected the token (HTTP 401): pass a valid token in \`github-token\``)
      case 403:
        return new LedgerError(
          `could not ${where}: permission denied (${failureText(failure)}). The token needs \`contents: write\` on ${slug}: ` +
            `add \`permissions: contents: write\` to the workflow or job, or, when ${slug} is another repository, pass in ` +
            `\`github-token\` a token that can write to it (a fine-grained or GitHub App token with Contents: read and write)`
        )
      default:
        return new LedgerError(`could not ${where}: ${failureText(failure)}${tries}`)
    }
  }

  let repositoryChecked: Promise<void> | undefined
  /** A 404 on a path can mean "no such file" or "no such repository / no access": tell them apart once. */
  function assertRepository(): Promise<void> {
    repositoryChecked ??= (async () => {
      const reply = await call('look up the repository', 'GET /repos/{owner}/{repo}', {}, [404])
      if (reply.status === 404) {
        throw new LedgerError(
          `the ledger repository ${slug} was not found, or the token cannot see it: check OWNER/REPO in \`ledger\`. ` +
            `The workflow's own token reaches only the current repository; for another repository pass a token with ` +
            `Contents: read and write on ${slug} in \`github-token\``
        )
      }
    })().catch((error: unknown) => {
      repositoryChecked = undefined
      throw error
    })
    return repositoryChecked
  }

  async function branchExists(): Promise<boolean> {
    // 409: the repository is empty (no branch at all).
    const reply = await call('look up the ledger branch', 'GET /repos/{owner}/{repo}/git/ref/heads/{branch}', { branch }, [404, 409])
    if (reply.status === 200) return true
    await assertRepository()
    return false
  }

  async function createBranch(): Promise<void> {
    const operation = `create the ledger branch ${branch}`
    const tree = await call(operation, 'POST /repos/{owner}/{repo}/git/trees', {
      tree: [{ path: 'README.md', mode: '100644', type: 'blob', content: README }]
    }, [409])
    if (tree.status === 409) {
      throw new LedgerError(
        `could not ${operation} in ${slug}: the repository is empty. Push one commit to it (any file) and run again`
      )
    }
    const commit = await call(operation, 'POST /repos/{owner}/{repo}/git/commits', {
      message: 'ledger: start the LINE token ledger',
      tree: shaOf(tree.data, operation),
      parents: []
    })
    const ref = await call(operation, 'POST /repos/{owner}/{repo}/git/refs', { ref: `refs/heads/${branch}`, sha: shaOf(commit.data, operation) }, [409, 422])
    if (ref.status === 201 || ref.status === 200) {
      logger.info(`GitHub ledger: created the branch ${branch} in ${slug}`)
      return
    }
    // Another job may have created it at the same moment: that is success too.
    if (!(await branchExists())) {
      throw new LedgerError(`could not ${operation} in ${slug}: HTTP ${ref.status}${ref.message ? `: ${ref.message}` : ''}`)
    }
  }

  let branchReady: Promise<void> | undefined
  function ensureBranch(): Promise<void> {
    branchReady ??= (async () => {
      if (!(await branchExists())) await createBranch()
    })().catch((error: unknown) => {
      branchReady = undefined
      throw error
    })
    return branchReady
  }

  /** The blob sha of a record on the branch, or undefined when it (or the branch) does not exist. */
  async function fileSha(channel: string, file: string, operation: string): Promise<string | undefined> {
    const reply = await call(operation, 'GET /repos/{owner}/{repo}/contents/{channel}/{file}', { channel, file, ref: branch }, [404])
    if (reply.status === 404) {
      await assertRepository()
      return undefined
    }
    return shaOf(reply.data, operation)
  }

  async function put(entry: LedgerEntry): Promise<void> {
    validateEntry(entry)
    const text = await sealEntry(entry, channelSecret)
    await ensureBranch()
    const channel = entry.channelId
    const file = `${entry.keyId}.json`
    const operation = `record key ID ${entry.keyId}`
    const content = Buffer.from(text, 'utf8').toString('base64')
    // A new key ID is the usual case: write without a sha; only a conflict makes us look one up.
    let sha: string | undefined
    for (let attempt = 1; ; attempt++) {
      const reply = await call(operation, 'PUT /repos/{owner}/{repo}/contents/{channel}/{file}', {
        channel, file, branch, content,
        message: `ledger: record ${recordPath(channel, entry.keyId)}`,
        ...(sha ? { sha } : {})
      }, [409, 422])
      if (reply.status < 300) return
      if (attempt >= maxWriteAttempts) throw conflictError(operation, reply, attempt)
      await sleep(conflictDelay(attempt))
      sha = await fileSha(channel, file, operation)
    }
  }

  async function remove(channelId: string, keyId: string): Promise<void> {
    assertSafeId('channel ID', channelId)
    assertSafeId('key ID', keyId)
    const file = `${keyId}.json`
    const operation = `remove the record of key ID ${keyId}`
    for (let attempt = 1; ; attempt++) {
      const sha = await fileSha(channelId, file, operation)
      if (sha === undefined) return
      const reply = await call(operation, 'DELETE /repos/{owner}/{repo}/contents/{channel}/{file}', {
        channel: channelId, file, branch, sha,
        message: `ledger: remove ${recordPath(channelId, keyId)}`
      }, [404, 409, 422])
      if (reply.status < 300 || reply.status === 404) return
      if (attempt >= maxWriteAttempts) throw conflictError(operation, reply, attempt)
      await sleep(conflictDelay(attempt))
    }
  }

  async function list(channelId: string): Promise<LedgerEntry[]> {
    assertSafeId('channel ID', channelId)
    const operation = `list the records of channel ${channelId}`
    const reply = await call(operation, 'GET /repos/{owner}/{repo}/contents/{channel}', { channel: channelId, ref: branch }, [404])
    if (reply.status === 404) {
      await assertRepository()
      return []
    }
    if (!Array.isArray(reply.data)) {
      throw new LedgerError(`could not ${operation} in ${slug}: ${channelId} on branch ${branch} is not a directory`)
    }
    const keyIds = reply.data
      .filter((item): item is { type: string; name: string } => isObject(item) && item.type === 'file' && typeof item.name === 'string')
      .map((item) => keyIdOfFileName(item.name))
      .filter((keyId): keyId is string => keyId !== undefined)
      .sort()
    const results = await mapBounded(keyIds, listConcurrency, (keyId) => readRecord(channelId, keyId))
    return results.filter((entry): entry is LedgerEntry => entry !== undefined)
  }

  async function readRecord(channelId: string, keyId: string): Promise<LedgerEntry | undefined> {
    const file = `${keyId}.json`
    const operation = `read the record of key ID ${keyId}`
    const where = `${description}:${recordPath(channelId, keyId)}`
    const reply = await call(operation, 'GET /repos/{owner}/{repo}/contents/{channel}/{file}', { channel: channelId, file, ref: branch }, [404])
    if (reply.status === 404) return undefined // removed by a parallel job since the listing
    const data = reply.data
    if (!isObject(data) || data.encoding !== 'base64' || typeof data.content !== 'string') {
      throw new LedgerError(`could not ${operation} in ${slug}: GitHub did not return the content of ${where}`)
    }
    const text = Buffer.from(data.content, 'base64').toString('utf8')
    return openRecord(text, { channelSecret, channelId, keyId, where })
  }

  function conflictError(operation: string, reply: Reply, attempts: number): LedgerError {
    return new LedgerError(
      `could not ${operation} in ${slug}: the file kept changing while we wrote it ` +
        `(HTTP ${reply.status}${reply.message ? `: ${reply.message}` : ''}, ${attempts} attempts); run again`
    )
  }

  function conflictDelay(attempt: number): number {
    return Math.min(200 * attempt, 1000) * (0.5 + Math.random())
  }

  // GitHub commits each contents write to the branch head, so parallel writes to one branch
  // conflict (409) even for different files; its docs say to call them serially. Within one
  // process we do; between jobs the 409 retries above take over.
  let writes: Promise<unknown> = Promise.resolve()
  const serially = <A extends unknown[]>(write: (...args: A) => Promise<void>) =>
    (...args: A): Promise<void> => {
      const result = writes.then(() => write(...args))
      writes = result.catch(() => undefined)
      return result
    }

  return { description, put: serially(put), remove: serially(remove), list }
}

function describeFailure(error: unknown): Failure {
  const e = error as { status?: unknown; response?: { status?: unknown; headers?: Record<string, unknown>; data?: unknown }; cause?: unknown; name?: unknown }
  const response = e?.response
  if (!response || typeof response.status !== 'number') {
    // No answer: octokit reports network errors and timeouts as status 500 without a response.
    return { code: networkCode(e), rateLimited: false }
  }
  const headers = response.headers ?? {}
  const data = response.data
  const message = isObject(data) && typeof data.message === 'string' ? data.message.slice(0, 300) : undefined
  const retryAfter = Number(headers['retry-after'])
  const status = response.status
  const rateLimited =
    status === 429 || (status === 403 && (headers['retry-after'] !== undefined || headers['x-ratelimit-remaining'] === '0'))
  return { status, message, rateLimited, retryAfterMs: Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter * 1000 : undefined }
}

/** The most specific error code in a fetch failure's cause chain (ECONNREFUSED, UND_ERR_…), or its name. */
function networkCode(error: unknown): string {
  let current: unknown = error
  let found: string | undefined
  for (let depth = 0; current && depth < 5; depth++) {
    const c = current as { code?: unknown; name?: unknown; cause?: unknown }
    if (typeof c.code === 'string') found = c.code
    else if (!found && c.name === 'TimeoutError') found = 'timeout'
    current = c.cause
  }
  return found ?? 'network error'
}

function failureText(failure: Failure): string {
  if (failure.status === undefined) return `no answer (${failure.code})`
  return `HTTP ${failure.status}${failure.message ? `: ${failure.message}` : ''}`
}

function shaOf(data: unknown, operation: string): string {
  if (isObject(data) && typeof data.sha === 'string') return data.sha
  throw new LedgerError(`could not ${operation}: GitHub's answer had no sha`)
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Octokit's log, routed to our logger (it only warns about deprecations). */
function quietLog(logger: Logger) {
  return { debug: () => {}, info: () => {}, warn: (message: string) => logger.debug(message), error: (message: string) => logger.debug(message) }
}

/** Map with at most `limit` calls in flight, keeping order. */
async function mapBounded<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await fn(items[index])
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}
