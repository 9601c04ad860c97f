import { describe, expect, it } from '@jest/globals'
import { InputError } from '../../src/errors.js'
import { isValidBranch } from '../../src/ledger/spec.js'
import { parseLedgerSpec } from '../../src/ledger/index.js'

const FORMS = 'use `file:DIR`, `github` (this repository), `github:OWNER/REPO` or `github:OWNER/REPO@BRANCH`'

describe('the `ledger` input', () => {
  it.each([
    ['file:/var/ledger', undefined, { kind: 'file', dir: '/var/ledger' }],
    ['  file: rel/dir  ', undefined, { kind: 'file', dir: 'rel/dir' }],
    ['github', 'me/app', { kind: 'github', owner: 'me', repo: 'app', branch: 'line-token-ledger' }],
    [' github:org/central-ledger ', 'me/app', { kind: 'github', owner: 'org', repo: 'central-ledger', branch: 'line-token-ledger' }],
    ['github:org/repo.js@ledger/tokens', undefined, { kind: 'github', owner: 'org', repo: 'repo.js', branch: 'ledger/tokens' }],
    ['github:o-1/r_2@v1@x', undefined, { kind: 'github', owner: 'o-1', repo: 'r_2', branch: 'v1@x' }]
  ])('accepts %j', (spec, current, expected) => {
    expect(parseLedgerSpec(spec, current)).toEqual(expected)
  })

  it.each([
    ['', 'the ledger is empty'],
    ['s3://bucket', '`s3://bucket` is not a ledger'],
    ['GitHub', '`GitHub` is not a ledger'],
    ['file:', '`file:` needs a directory, e.g. `file:.line-token-ledger`'],
    ['file:a\0b', 'the directory contains a NUL character'],
    ['github', '`github` stores the ledger in the current repository, but GITHUB_REPOSITORY is not set; name it with `github:OWNER/REPO`'],
    ['github:', '`github:`: the repository must be OWNER/REPO'],
    ['github:a/b/c', '`github:a/b/c`: the repository must be OWNER/REPO'],
    ['github:-bad/repo', '`github:-bad/repo`: the repository owner "-bad" is not a valid GitHub account name'],
    ['github:o/..', '`github:o/..`: the repository name ".." is not a valid repository name'],
    ['github:o/r s', '`github:o/r s`: the repository name "r s" is not a valid repository name'],
    ['github:o/r@', '`github:o/r@`: an empty name is not a valid branch name'],
    ['github:o/r@a..b', '`github:o/r@a..b`: a..b is not a valid branch name'],
    ['github:o/r@a\u0007b', '`github:o/r@a?b`: a?b is not a valid branch name']
  ])('rejects %j on input `ledger`, listing the accepted forms', (spec, why) => {
    const error = (() => {
      try {
        parseLedgerSpec(spec)
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).input).toBe('ledger')
    expect((error as InputError).message).toBe(`Input "ledger": ${why}: ${FORMS}`)
  })

  it('checks the current repository too', () => {
    expect(() => parseLedgerSpec('github', 'not-a-repo')).toThrow('the current repository (GITHUB_REPOSITORY) must be OWNER/REPO')
  })

  it('shortens a long bad value', () => {
    expect(() => parseLedgerSpec('x'.repeat(100))).toThrow(`\`${'x'.repeat(80)}…\` is not a ledger`)
  })

  it('follows git ref-name rules for branches', () => {
    for (const ok of ['line-token-ledger', 'a/b', 'v1.2', 'x@y']) expect(isValidBranch(ok)).toBe(true)
    for (const bad of ['', '-x', '/x', 'x/', 'x.', 'x.lock', 'a//b', 'a..b', 'a@{1}', '@', 'a b', 'a~b', 'a^b', 'a:b', 'a?b', 'a*b', 'a[b', 'a\\b', 'a/.b', '.a', 'a\u007fb', 'x'.repeat(201)]) {
      expect(isValidBranch(bad)).toBe(false)
    }
  })
})
