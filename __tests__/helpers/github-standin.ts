/**
 * A GitHub REST stand-in on 127.0.0.1: one repository with real per-branch trees, blob shas
 * and commits, serving exactly what the `github` ledger calls (repository, git refs, trees,
 * commits, contents). Point GITHUB_API_URL (or the ledger's apiUrl) at `url`.
 *
 *   const gh = await startGitHubStandIn({ token: 't', owner: 'o', repo: 'r' })
 *   gh.injectFailure({ method: 'PUT', pathPattern: /contents/, status: 500, times: 2 })
 *   gh.files('line-token-ledger')   // { 'README.md': '…', '123/kid.json': '{…}' }
 *   gh.requests()                   // [{ method, path, query, status, body }]
 *   await gh.close()
 */
import { createHash } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface GitHubStandInOptions {
  /** The token the client must send (`Authorization: token T` or `Bearer T`); anything else is 401. */
  token: string
  owner: string
  repo: string
  /** Default `main`; it holds one commit with a README unless `empty`. */
  defaultBranch?: string
  /** A repository without any commit: git refs and trees answer 409 as GitHub does. */
  empty?: boolean
  /** The token may read but not write: writes answer 403 "Resource not accessible by integration". */
  readOnly?: boolean
  /** Delay every answer by this much (to observe concurrency or timeouts). */
  latencyMs?: number
}

export interface InjectedFailure {
  /** HTTP method, or '*' for any. */
  method: string
  /** Matched against the decoded path (e.g. `/repos/o/r/contents/123/k.json`): a RegExp, or a substring. */
  pathPattern: RegExp | string
  status: number
  /** How many matching requests fail. Default 1. */
  times?: number
  /** Response body; default `{ message: 'injected <status>' }`. */
  body?: unknown
  headers?: Record<string, string>
  /** Runs when the failure fires, before the answer: simulate what another job did meanwhile. */
  onFire?: () => void
}

export interface RecordedRequest {
  method: string
  /** Decoded path, without the query. */
  path: string
  query: Record<string, string>
  status: number
  /** Parsed JSON body, when there was one. */
  body?: unknown
  /** Requests in flight (this one included) when it arrived. */
  concurrent: number
}

export interface GitHubStandIn {
  url: string
  /** The files of a branch as path → UTF-8 text; empty when the branch does not exist. */
  files(branch: string): Record<string, string>
  branches(): string[]
  /** Seed or overwrite a file on a branch (creating the branch from the default branch if needed). */
  writeFile(branch: string, path: string, content: string): void
  injectFailure(failure: InjectedFailure): void
  requests(): RecordedRequest[]
  close(): Promise<void>
}

type Tree = Map<string, string> // path → blob sha
interface Commit {
  tree: Tree
  parents: string[]
}

class HttpAnswer {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {}
  ) {}
}

const notFound = (message = 'Not Found') => new HttpAnswer(404, { message, documentation_url: 'https://docs.github.com/rest' })

export async function startGitHubStandIn(options: GitHubStandInOptions): Promise<GitHubStandIn> {
  const defaultBranch = options.defaultBranch ?? 'main'
  const blobs = new Map<string, Buffer>()
  const trees = new Map<string, Tree>()
  const commits = new Map<string, Commit>()
  const refs = new Map<string, string>() // branch → commit sha
  const failures: (InjectedFailure & { left: number })[] = []
  const log: RecordedRequest[] = []
  let counter = 0
  let inFlight = 0

  const putBlob = (content: Buffer) => {
    const sha = createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex')
    blobs.set(sha, content)
    return sha
  }
  const putTree = (tree: Tree) => {
    const sha = createHash('sha1').update(`tree ${JSON.stringify([...tree].sort())}`).digest('hex')
    trees.set(sha, new Map(tree))
    return sha
  }
  const putCommit = (tree: Tree, parents: string[]) => {
    const sha = createHash('sha1').update(`commit ${++counter} ${putTree(tree)} ${parents.join(',')}`).digest('hex')
    commits.set(sha, { tree: new Map(tree), parents })
    return sha
  }
  const headTree = (branch: string): Tree | undefined => {
    const head = refs.get(branch)
    return head ? commits.get(head)!.tree : undefined
  }
  const commitTo = (branch: string, tree: Tree) => {
    const sha = putCommit(tree, [refs.get(branch)!])
    refs.set(branch, sha)
    return sha
  }

  if (!options.empty) {
    refs.set(defaultBranch, putCommit(new Map([['README.md', putBlob(Buffer.from(`# ${options.repo}\n`))]]), []))
  }

  function route(method: string, segments: string[], query: Record<string, string>, body: Record<string, unknown>): HttpAnswer {
    const [root, owner, repo, ...rest] = segments
    if (root !== 'repos' || owner !== options.owner || repo !== options.repo) return notFound()
    const write = method !== 'GET'
    if (write && options.readOnly) return new HttpAnswer(403, { message: 'Resource not accessible by integration' })
    const [area, ...tail] = rest

    if (method === 'GET' && rest.length === 0) {
      return new HttpAnswer(200, { name: repo, full_name: `${owner}/${repo}`, default_branch: defaultBranch, private: true })
    }
    if (area === 'git') {
      if (refs.size === 0) return new HttpAnswer(409, { message: 'Git Repository is empty.' })
      const [kind, ...refParts] = tail
      if (method === 'GET' && kind === 'ref' && refParts[0] === 'heads') {
        const branch = refParts.slice(1).join('/')
        const sha = refs.get(branch)
        return sha ? new HttpAnswer(200, { ref: `refs/heads/${branch}`, object: { type: 'commit', sha } }) : notFound()
      }
      if (method === 'POST' && kind === 'trees' && tail.length === 1) {
        const base = typeof body.base_tree === 'string' ? trees.get(body.base_tree) : undefined
        const tree: Tree = new Map(base ?? [])
        for (const item of (body.tree as { path: string; content?: string; sha?: string }[]) ?? []) {
          tree.set(item.path, item.sha ?? putBlob(Buffer.from(item.content ?? '', 'utf8')))
        }
        return new HttpAnswer(201, { sha: putTree(tree) })
      }
      if (method === 'POST' && kind === 'commits' && tail.length === 1) {
        const tree = trees.get(String(body.tree))
        if (!tree) return new HttpAnswer(422, { message: 'Tree SHA does not exist' })
        const sha = putCommit(tree, (body.parents as string[]) ?? [])
        return new HttpAnswer(201, { sha, message: body.message })
      }
      if (method === 'POST' && kind === 'refs' && tail.length === 1) {
        const ref = String(body.ref)
        if (!ref.startsWith('refs/heads/')) return new HttpAnswer(422, { message: 'Reference name must start with refs/heads/' })
        const branch = ref.slice('refs/heads/'.length)
        if (refs.has(branch)) return new HttpAnswer(422, { message: 'Reference already exists' })
        if (!commits.has(String(body.sha))) return new HttpAnswer(422, { message: 'Object does not exist' })
        refs.set(branch, String(body.sha))
        return new HttpAnswer(201, { ref, object: { type: 'commit', sha: body.sha } })
      }
    }
    if (area === 'contents') {
      const path = tail.join('/')
      const branch = (method === 'GET' ? query.ref : (body.branch as string | undefined)) ?? defaultBranch
      const tree = headTree(branch)
      if (!tree) return notFound(method === 'GET' ? `No commit found for the ref ${branch}` : `Branch ${branch} not found`)
      const existing = tree.get(path)
      if (method === 'GET') return getContents(tree, path)
      if (method === 'PUT') {
        if (existing && body.sha === undefined) return new HttpAnswer(422, { message: 'Invalid request.\n\n"sha" wasn\'t supplied.' })
        if (body.sha !== undefined && body.sha !== existing) return new HttpAnswer(409, { message: `${path} does not match ${body.sha}` })
        const next = new Map(tree)
        const sha = putBlob(Buffer.from(String(body.content), 'base64'))
        next.set(path, sha)
        const commit = commitTo(branch, next)
        return new HttpAnswer(existing ? 200 : 201, { content: fileInfo(path, sha), commit: { sha: commit, message: body.message } })
      }
      if (method === 'DELETE') {
        if (!existing) return notFound()
        if (body.sha !== existing) return new HttpAnswer(409, { message: `${path} does not match ${body.sha}` })
        const next = new Map(tree)
        next.delete(path)
        return new HttpAnswer(200, { content: null, commit: { sha: commitTo(branch, next), message: body.message } })
      }
    }
    return notFound('Not Found (not implemented by the GitHub stand-in)')
  }

  function fileInfo(path: string, sha: string) {
    return { type: 'file', name: path.split('/').pop(), path, sha, size: blobs.get(sha)!.length }
  }

  function getContents(tree: Tree, path: string): HttpAnswer {
    const sha = tree.get(path)
    if (sha) return new HttpAnswer(200, { ...fileInfo(path, sha), encoding: 'base64', content: chunked(blobs.get(sha)!.toString('base64')) })
    const prefix = path ? `${path}/` : ''
    const children = new Map<string, unknown>()
    for (const [file, blob] of tree) {
      if (!file.startsWith(prefix)) continue
      const [name, ...deeper] = file.slice(prefix.length).split('/')
      const childPath = prefix + name
      children.set(name, deeper.length ? { type: 'dir', name, path: childPath, sha: 'dir' } : fileInfo(childPath, blob))
    }
    return children.size ? new HttpAnswer(200, [...children.values()]) : notFound()
  }

  function takeFailure(method: string, path: string): HttpAnswer | undefined {
    const index = failures.findIndex(
      (f) =>
        f.left > 0 &&
        (f.method === '*' || f.method.toUpperCase() === method) &&
        (typeof f.pathPattern === 'string' ? path.includes(f.pathPattern) : f.pathPattern.test(path))
    )
    if (index === -1) return undefined
    const failure = failures[index]
    failure.left--
    failure.onFire?.()
    return new HttpAnswer(failure.status, failure.body ?? { message: `injected ${failure.status}` }, failure.headers)
  }

  const server = http.createServer((req, res) => {
    const concurrent = ++inFlight
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const method = req.method ?? 'GET'
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      const segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent)
      const path = `/${segments.join('/')}`
      const query = Object.fromEntries(url.searchParams)
      let body: Record<string, unknown> = {}
      const text = Buffer.concat(chunks).toString('utf8')
      let answer: HttpAnswer
      try {
        if (text) body = JSON.parse(text) as Record<string, unknown>
        const auth = req.headers.authorization ?? ''
        answer =
          auth !== `token ${options.token}` && auth !== `Bearer ${options.token}`
            ? new HttpAnswer(401, { message: 'Bad credentials' })
            : (takeFailure(method, path) ?? route(method, segments, query, body))
      } catch {
        answer = new HttpAnswer(400, { message: 'Problems parsing JSON' })
      }
      log.push({ method, path, query, status: answer.status, concurrent, ...(text ? { body } : {}) })
      setTimeout(() => {
        inFlight--
        res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', ...answer.headers })
        res.end(JSON.stringify(answer.body))
      }, options.latencyMs ?? 0)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    files(branch) {
      const tree = headTree(branch)
      return Object.fromEntries([...(tree ?? [])].map(([path, sha]) => [path, blobs.get(sha)!.toString('utf8')]))
    },
    branches: () => [...refs.keys()],
    writeFile(branch, path, content) {
      if (!refs.has(branch)) refs.set(branch, refs.get(defaultBranch) ?? putCommit(new Map(), []))
      commitTo(branch, new Map(headTree(branch)).set(path, putBlob(Buffer.from(content, 'utf8'))))
    },
    injectFailure(failure) {
      failures.push({ ...failure, left: failure.times ?? 1 })
    },
    requests: () => [...log],
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      })
  }
}

/** GitHub wraps base64 content at 60 characters; clients must cope. */
function chunked(base64: string): string {
  return (base64.match(/.{1,60}/g) ?? []).join('\n')
}
