// emulator: starts with a channel and a registered key (generated, or from --key-file),
// prints the settings, serves until SIGINT/SIGTERM, and cleans up what it generated.
import { afterAll, describe, expect, it } from '@jest/globals'
import { createPublicKey } from 'node:crypto'
import { EventEmitter } from 'node:events'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../src/cli/index.js'
import { systemClock } from '../../src/clock.js'
import { ecP256Pkcs8Pem, publicJwk, publicPkcs1Pem, publicSpkiPem, rsa1024Pem, testKey, TEST_KEY_ID } from '../helpers/keys.js'
import { runInProcess } from './support.js'

interface Running {
  signals: EventEmitter
  stdout: () => string
  stderr: () => string
  done: Promise<number>
}

/** Start `line-token emulator` in-process; resolves once it printed its settings. */
async function startCli(argv: string[], env: NodeJS.ProcessEnv = {}, cwd = process.cwd()): Promise<Running> {
  const signals = new EventEmitter()
  let stdout = ''
  let stderr = ''
  const done = runCli(['emulator', ...argv], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: () => '',
    env,
    cwd,
    clock: systemClock,
    signals
  })
  const started = Promise.race([
    done.then((code) => {
      throw new Error(`emulator exited early with ${code}: ${stderr}`)
    }),
    (async () => {
      while (!stderr.includes('Press Ctrl+C')) await new Promise((resolve) => setTimeout(resolve, 5))
    })()
  ])
  await started
  return { signals, stdout: () => stdout, stderr: () => stderr, done }
}

function settingsOf(stdout: string): Record<string, string> {
  return Object.fromEntries(
    stdout
      .trim()
      .split('\n')
      .map((line) => /^export (\w+)=(.*)$/.exec(line)!.slice(1, 3) as [string, string])
  )
}

describe('line-token emulator', () => {
  const dir = mkdtempSync(join(tmpdir(), 'line-token-emu-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('generates a key, prints export lines a client can use, and stops on SIGINT, removing the key file', async () => {
    const running = await startCli([])
    const settings = settingsOf(running.stdout())
    expect(Object.keys(settings)).toEqual(['LINE_API_BASE_URL', 'LINE_CHANNEL_ID', 'LINE_CHANNEL_SECRET', 'LINE_KEY_ID', 'LINE_PRIVATE_KEY_FILE'])
    expect(settings.LINE_CHANNEL_ID).toBe('1234567890')
    expect(statSync(settings.LINE_PRIVATE_KEY_FILE).mode & 0o777).toBe(0o600)
    expect(running.stderr()).not.toContain(settings.LINE_CHANNEL_SECRET)

    const issued = await runInProcess(['issue', '--json'], { env: settings })
    expect(issued.code).toBe(0)

    running.signals.emit('SIGINT')
    expect(await running.done).toBe(0)
    expect(running.stderr()).toContain('Emulator stopped.')
    expect(existsSync(settings.LINE_PRIVATE_KEY_FILE)).toBe(false)
    await expect(fetch(`${settings.LINE_API_BASE_URL}/oauth2/v2.1/verify`)).rejects.toThrow()
  })

  it('registers the public half of a private key file, warning that its kid differs, and prints JSON', async () => {
    const file = join(dir, 'with-kid.json')
    writeFileSync(file, testKey().shapes.jwkWithKid)
    const secretFile = join(dir, 'secret')
    writeFileSync(secretFile, 'my-test-channel-secret')
    const running = await startCli(['--key-file', 'with-kid.json', '--json', '--channel-id', '555', '--channel-secret-file', secretFile], {}, dir)
    const json = JSON.parse(running.stdout()) as Record<string, string | number>
    expect(json).toMatchObject({ channel_id: '555', channel_secret: 'my-test-channel-secret', private_key_file: file })
    expect(running.stderr()).toContain(`the key file's JWK carries kid ${TEST_KEY_ID}; the emulator assigned ${json.key_id}`)
    const env = { LINE_API_BASE_URL: json.url as string, LINE_CHANNEL_ID: '555', LINE_PRIVATE_KEY_FILE: file, LINE_KEY_ID: json.key_id as string }
    expect((await runInProcess(['issue'], { env })).code).toBe(0)
    running.signals.emit('SIGTERM')
    expect(await running.done).toBe(0)
    expect(existsSync(file)).toBe(true)
  })

  it.each([
    ['a public JWK', publicJwk],
    ['an SPKI PEM', publicSpkiPem],
    ['a PKCS#1 public PEM', publicPkcs1Pem]
  ])('registers %s (no private key file to print)', async (_name, shape) => {
    const file = join(dir, 'public-key')
    writeFileSync(file, shape())
    const running = await startCli(['--key-file', file], { LINE_CHANNEL_ID: '777', LINE_CHANNEL_SECRET: 'env-channel-secret' })
    const settings = settingsOf(running.stdout())
    expect(settings.LINE_PRIVATE_KEY_FILE).toBeUndefined()
    expect(settings).toMatchObject({ LINE_CHANNEL_ID: '777', LINE_CHANNEL_SECRET: 'env-channel-secret' })
    const env = { ...settings, LINE_PRIVATE_KEY: testKey().shapes.pkcs8 }
    expect((await runInProcess(['issue'], { env })).code).toBe(0)
    running.signals.emit('SIGTERM')
    await running.done
  })

  it('reads a private key from stdin with --key-file -', async () => {
    const signals = new EventEmitter()
    let stdout = ''
    const done = runCli(['emulator', '--key-file', '-'], {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: () => true },
      stdin: () => testKey().shapes.pkcs1,
      env: {},
      cwd: dir,
      clock: systemClock,
      signals
    })
    while (!stdout.includes('LINE_KEY_ID')) await new Promise((resolve) => setTimeout(resolve, 5))
    expect(stdout).not.toContain('LINE_PRIVATE_KEY_FILE')
    signals.emit('SIGTERM')
    expect(await done).toBe(0)
  })

  it('exits 2 on a bad port, a port in use, or an unusable key file', async () => {
    const badPort = await runInProcess(['emulator', '--port', '70000'])
    expect(badPort.stderr).toContain('Input "--port": must be a port number')
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const port = (blocker.address() as { port: number }).port
    const inUse = await runInProcess(['emulator', '--port', String(port)])
    await new Promise((resolve) => blocker.close(resolve))
    expect(inUse.stderr).toContain(`cannot listen on 127.0.0.1:${port} (it is in use)`)

    const small = join(dir, 'small.pem')
    writeFileSync(small, rsa1024Pem())
    const smallKey = await runInProcess(['emulator', '--key-file', small])
    expect(smallKey.stderr).toContain('Input "--key-file"')
    const smallPublic = join(dir, 'small-public.jwk')
    writeFileSync(smallPublic, JSON.stringify(createPublicKey(rsa1024Pem()).export({ format: 'jwk' })))
    const smallPub = await runInProcess(['emulator', '--key-file', smallPublic])
    expect(smallPub.stderr).toContain('a 1024-bit RSA key; LINE (and the emulator) need RSA 2048 bits')
    const ec = join(dir, 'ec-public.jwk')
    writeFileSync(ec, JSON.stringify({ kty: 'EC', crv: 'P-256', x: 'a', y: 'b', n: 'x' }))
    const badJwk = await runInProcess(['emulator', '--key-file', ec])
    expect(badJwk.stderr).toContain('not a valid RSA key')
    const ecPem = join(dir, 'ec-public.pem')
    writeFileSync(ecPem, createPublicKey(ecP256Pkcs8Pem()).export({ format: 'pem', type: 'spki' }) as string)
    const ecKey = await runInProcess(['emulator', '--key-file', ecPem])
    expect(ecKey.stderr).toContain('a key that is not RSA')
    const damaged = join(dir, 'damaged.pem')
    writeFileSync(damaged, '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n')
    const damagedPem = await runInProcess(['emulator', '--key-file', damaged])
    expect(damagedPem.stderr).toContain('damaged public key PEM')
    const brokenJson = join(dir, 'broken.json')
    writeFileSync(brokenJson, '{"kty": "RSA",')
    const broken = await runInProcess(['emulator', '--key-file', brokenJson])
    const missing = await runInProcess(['emulator', '--key-file', join(dir, 'missing')])
    const channel = await runInProcess(['emulator', '--channel-id', 'x1'])
    for (const result of [badPort, inUse, smallKey, smallPub, badJwk, ecKey, damagedPem, broken, missing, channel]) {
      expect(result.code).toBe(2)
      expect(result.stderr.trim().split('\n')).toHaveLength(1)
    }
    expect(readFileSync(small, 'utf8')).toContain('PRIVATE KEY')
  })
})
