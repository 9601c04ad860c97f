// End to end (the bundled CLI as a child process): keygen's public JWK registers in the
// emulator as printed, and the private key it wrote signs assertions the emulator accepts.
// The key file has mode 0600, and --out never overwrites without --force.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { JWK } from 'jose'
import { runBundled, startChannel, type Channel } from './support.js'

describe('bundled CLI: keygen → register → issue', () => {
  let channel: Channel
  beforeAll(async () => {
    channel = await startChannel()
  })
  afterAll(() => channel.close())

  it.each([
    ['a private JWK', 'new.jwk.json', []],
    ['PKCS#8 PEM', 'new.pem', ['--pem']]
  ])('works with %s', async (_shape, name, extra) => {
    const generated = await runBundled(['keygen', '--out', name, ...extra], { cwd: channel.dir })
    expect(generated.code).toBe(0)
    const file = join(channel.dir, name)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(generated.stderr).toContain(`gh secret set LINE_ASSERTION_PRIVATE_KEY < ${name}`)

    // Registered exactly as printed, as a user pastes it into the console.
    const kid = channel.emulator.registerPublicKey(channel.channelId, JSON.parse(generated.stdout) as JWK)
    const env = { ...channel.env, LINE_PRIVATE_KEY_FILE: file, LINE_KEY_ID: kid }
    const issued = await runBundled(['issue', '--json'], { env })
    expect(issued.code).toBe(0)
    const token = JSON.parse(issued.stdout) as { access_token: string; key_id: string }
    expect(channel.emulator.activeKeyIds(channel.channelId)).toContain(token.key_id)

    // Nothing private was printed.
    const privateText = readFileSync(file, 'utf8')
    const body = privateText.includes('BEGIN') ? privateText.split('\n')[1] : (JSON.parse(privateText) as { d: string }).d
    expect(generated.stdout + generated.stderr + issued.stderr).not.toContain(body)
  })

  it('refuses to overwrite without --force (exit 2) and replaces with it', async () => {
    const file = join(channel.dir, 'new.jwk.json')
    const before = readFileSync(file, 'utf8')
    const refused = await runBundled(['keygen', '--out', file])
    expect(refused.code).toBe(2)
    expect(refused.stdout).toBe('')
    expect(refused.stderr).toMatch(/^line-token keygen: Input "--out": .* already exists; .*--force.*\n$/)
    expect(readFileSync(file, 'utf8')).toBe(before)
    const forced = await runBundled(['keygen', '--out', file, '--force'])
    expect(forced.code).toBe(0)
    expect(readFileSync(file, 'utf8')).not.toBe(before)
    expect(statSync(file).mode & 0o777).toBe(0o600)
  })
})
