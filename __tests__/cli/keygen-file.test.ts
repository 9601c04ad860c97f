// keygen writes the private key with mode 0600, exclusively; --force replaces; --pem; the
// printed public JWK is exactly what the console takes.
import { afterAll, describe, expect, it } from '@jest/globals'
import { createPrivateKey, createPublicKey } from 'node:crypto'
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadPrivateKey } from '../../src/key.js'
import { runInProcess } from './support.js'

describe('line-token keygen: the private key file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'line-token-keygen-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('writes a private JWK (mode 0600) and prints the matching public JWK: kty, alg, use, n, e, no kid', async () => {
    const result = await runInProcess(['keygen', '--out', 'private.jwk.json'], { cwd: dir })
    expect(result.code).toBe(0)
    const file = join(dir, 'private.jwk.json')
    expect(statSync(file).mode & 0o777).toBe(0o600)
    const publicJwk = JSON.parse(result.stdout) as Record<string, string>
    expect(Object.keys(publicJwk)).toEqual(['kty', 'alg', 'use', 'n', 'e'])
    expect(publicJwk).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', e: 'AQAB' })

    const written = readFileSync(file, 'utf8')
    const key = loadPrivateKey(written)
    expect(key.keyId).toBeUndefined()
    expect(key.privateKey.asymmetricKeyDetails?.modulusLength).toBe(2048)
    expect(createPublicKey(key.privateKey).export({ format: 'jwk' }).n).toBe(publicJwk.n)
    expect(JSON.parse(written)).toMatchObject({ alg: 'RS256', use: 'sig' })

    expect(result.stderr).toContain('gh secret set LINE_ASSERTION_PRIVATE_KEY < private.jwk.json')
    expect(result.stderr).toContain('Register a public key')
    expect(result.stderr).toContain('kid')
    // The private key never reaches the terminal.
    const d = JSON.parse(written).d as string
    expect(result.stdout + result.stderr).not.toContain(d)
  })

  it('refuses to overwrite an existing file without --force (exit 2, file unchanged)', async () => {
    const file = join(dir, 'existing.json')
    writeFileSync(file, 'precious')
    const result = await runInProcess(['keygen', '--out', file], { cwd: dir })
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain('already exists')
    expect(result.stderr).toContain('--force')
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(readFileSync(file, 'utf8')).toBe('precious')
  })

  it('replaces the file with --force, with mode 0600 even when the old file was world-readable', async () => {
    const file = join(dir, 'replace.json')
    writeFileSync(file, 'old', { mode: 0o644 })
    chmodSync(file, 0o644)
    const result = await runInProcess(['keygen', '--out', file, '--force'], { cwd: dir })
    expect(result.code).toBe(0)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(readFileSync(file, 'utf8')).toContain('"d"')
  })

  it('--force replaces a symlink itself, never the file it points to', async () => {
    const target = join(dir, 'target.txt')
    const link = join(dir, 'link.json')
    writeFileSync(target, 'do not touch')
    symlinkSync(target, link)
    expect((await runInProcess(['keygen', '-o', link, '--force'])).code).toBe(0)
    expect(readFileSync(target, 'utf8')).toBe('do not touch')
  })

  it('writes PKCS#8 PEM with --pem', async () => {
    const result = await runInProcess(['keygen', '--out', 'private.pem', '--pem'], { cwd: dir })
    expect(result.code).toBe(0)
    const pem = readFileSync(join(dir, 'private.pem'), 'utf8')
    expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/)
    const publicJwk = JSON.parse(result.stdout) as { n: string }
    expect(createPublicKey(createPrivateKey(pem)).export({ format: 'jwk' }).n).toBe(publicJwk.n)
    expect(result.stderr).toContain('PKCS#8 PEM')
  })

  it('needs --out (exit 2)', async () => {
    const result = await runInProcess(['keygen'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--out FILE is required')
  })

  it('exits 2 when the file cannot be written, and quotes odd paths in the next steps', async () => {
    const missingDir = await runInProcess(['keygen', '--out', join(dir, 'no-such-dir', 'k.json')])
    expect(missingDir.code).toBe(2)
    expect(missingDir.stderr).toContain('no such file')
    const spaced = await runInProcess(['keygen', '--out', "my key's.json"], { cwd: dir })
    expect(spaced.stderr).toContain(`< 'my key'\\''s.json'`)
  })
})
