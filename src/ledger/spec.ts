/** Parsing of the `ledger` input. Pure, so every accepted and rejected form is testable. */
import { InputError } from '../errors.js'

export const DEFAULT_LEDGER_BRANCH = 'line-token-ledger'

export type LedgerSpec =
  | { kind: 'file'; dir: string }
  | { kind: 'github'; owner: string; repo: string; branch: string }

const FORMS = 'use `file:DIR`, `github` (this repository), `github:OWNER/REPO` or `github:OWNER/REPO@BRANCH`'

const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/
const REPO = /^[A-Za-z0-9._-]{1,100}$/

/**
 * Parse a ledger spec. `currentRepository` (GITHUB_REPOSITORY) is the default for `github`.
 * Every rejection is an InputError on `ledger` that lists the accepted forms.
 */
export function parseLedgerSpec(spec: string, currentRepository?: string): LedgerSpec {
  const value = spec.trim()
  const bad = (why: string) => new InputError('ledger', `${why}: ${FORMS}`)
  if (value.startsWith('file:')) {
    const dir = value.slice('file:'.length).trim()
    if (!dir) throw bad('`file:` needs a directory, e.g. `file:.line-token-ledger`')
    if (dir.includes('\0')) throw bad('the directory contains a NUL character')
    return { kind: 'file', dir }
  }
  if (value === 'github') {
    if (!currentRepository) {
      throw bad('`github` stores the ledger in the current repository, but GITHUB_REPOSITORY is not set; name it with `github:OWNER/REPO`')
    }
    const { owner, repo } = parseRepository(currentRepository, (why) => bad(`the current repository (GITHUB_REPOSITORY) ${why}`))
    return { kind: 'github', owner, repo, branch: DEFAULT_LEDGER_BRANCH }
  }
  if (value.startsWith('github:')) {
    const rest = value.slice('github:'.length)
    const at = rest.indexOf('@')
    const repository = at === -1 ? rest : rest.slice(0, at)
    const branch = at === -1 ? DEFAULT_LEDGER_BRANCH : rest.slice(at + 1)
    const { owner, repo } = parseRepository(repository, (why) => bad(`\`${describe(value)}\`: the repository ${why}`))
    if (!isValidBranch(branch)) throw bad(`\`${describe(value)}\`: ${describe(branch) || 'an empty name'} is not a valid branch name`)
    return { kind: 'github', owner, repo, branch }
  }
  throw bad(value ? `\`${describe(value)}\` is not a ledger` : 'the ledger is empty')
}

function parseRepository(value: string, bad: (why: string) => InputError): { owner: string; repo: string } {
  const parts = value.split('/')
  if (parts.length !== 2) throw bad('must be OWNER/REPO')
  const [owner, repo] = parts
  if (!OWNER.test(owner)) throw bad(`owner ${JSON.stringify(describe(owner))} is not a valid GitHub account name`)
  if (!REPO.test(repo) || repo === '.' || repo === '..') throw bad(`name ${JSON.stringify(describe(repo))} is not a valid repository name`)
  return { owner, repo }
}

/** Git's ref-name rules (git check-ref-format), enough to refuse anything GitHub would. */
export function isValidBranch(name: string): boolean {
  if (!name || name.length > 200) return false
  if (hasControlCharacter(name) || /[ ~^:?*[\\]/.test(name)) return false
  if (name.startsWith('-') || name.startsWith('/') || name.endsWith('/') || name.endsWith('.') || name.endsWith('.lock')) return false
  if (name.includes('..') || name.includes('//') || name.includes('@{') || name === '@') return false
  return name.split('/').every((part) => !part.startsWith('.'))
}

/** A bounded, printable rendering of user input for messages. */
function describe(value: string): string {
  const printable = Array.from(value, (c) => (hasControlCharacter(c) ? '?' : c)).join('')
  return printable.length > 80 ? `${printable.slice(0, 80)}…` : printable
}

function hasControlCharacter(value: string): boolean {
  return Array.from(value).some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)
}
