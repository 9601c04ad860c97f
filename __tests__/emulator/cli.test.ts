import { afterAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { EventEmitter } from 'node:events'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { optionsFromArgs } from '../../src/emulator/cli.js'
import { runEmulatorFromArgs } from '../../src/emulator/index.js'

function captureStdout(): { write(text: string): boolean; lines: string[] } {
  const lines: string[] = []
  return { lines, write: (text: string) => lines.push(text) > 0 }
}

describe('runEmulatorFromArgs (the standalone emulator)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'emulator-cli-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('prints one JSON line with url and port, serves, and exits 0 after SIGTERM', async () => {
    const stdout = captureStdout()
    const signals = new EventEmitter()
    const exits: number[] = []
    let markExited: () => void = () => undefined
    const exited = new Promise<void>((resolve) => (markExited = resolve))
    await runEmulatorFromArgs(['--clock-skew-ms', '-3600000', '--latency-ms=0'], stdout, {
      signals,
      exit: (code) => {
        exits.push(code)
        markExited()
      }
    })
    expect(stdout.lines).toHaveLength(1)
    expect(stdout.lines[0].endsWith('\n')).toBe(true)
    const printed = JSON.parse(stdout.lines[0]) as { url: string; port: number }
    expect(printed).toEqual({ url: `http://127.0.0.1:${printed.port}`, port: printed.port })
    const response = await fetch(`${printed.url}/oauth2/v2.1/verify`)
    expect(Date.parse(response.headers.get('date') as string)).toBeLessThan(Date.now() - 3_500_000)

    signals.emit('SIGTERM')
    await exited
    expect(exits).toEqual([0])
    await expect(fetch(`${printed.url}/oauth2/v2.1/verify`)).rejects.toThrow()
  })

  it('closes on SIGINT too', async () => {
    const signals = new EventEmitter()
    let exitCode: number | undefined
    const emulator = await runEmulatorFromArgs(['--port', '0'], captureStdout(), { signals, exit: (code) => (exitCode = code) })
    signals.emit('SIGINT')
    for (let i = 0; i < 100 && exitCode === undefined; i++) await new Promise((resolve) => setTimeout(resolve, 5))
    expect(exitCode).toBe(0)
    await expect(fetch(`${emulator.url}/oauth2/v2.1/verify`)).rejects.toThrow()
  })

  it('parses the flags into options', () => {
    expect(optionsFromArgs([])).toEqual({ port: 0, clockSkewMs: 0, latencyMs: 0 })
    expect(optionsFromArgs(['--port', '8080', '--clock-skew-ms', '-5000', '--latency-ms', '250'])).toEqual({
      port: 8080,
      clockSkewMs: -5000,
      latencyMs: 250
    })
    expect(optionsFromArgs(['--clock-skew-ms=-7', '--port=1'])).toEqual({ port: 1, clockSkewMs: -7, latencyMs: 0 })
  })

  it.each([
    [['--port', 'abc'], '--port must be a whole number'],
    [['--port', '70000'], '--port must be a whole number'],
    [['--latency-ms', '-1'], '--latency-ms must be a whole number'],
    [['--clock-skew-ms', '1.5'], '--clock-skew-ms must be a whole number'],
    [['--verbose'], 'usage: emulator'],
    [['extra'], 'usage: emulator'],
    [['--tls-key', 'key.pem'], '--tls-key and --tls-cert go together']
  ])('refuses %j before starting anything', async (argv, message) => {
    await expect(runEmulatorFromArgs(argv, captureStdout())).rejects.toThrow(message)
  })

  it('reads a TLS key and certificate from files', () => {
    let haveOpenssl = true
    try {
      execFileSync(
        'openssl',
        ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'k.pem'), '-out', join(dir, 'c.pem'), '-days', '1', '-subj', '/CN=127.0.0.1'],
        { stdio: 'ignore' }
      )
    } catch {
      haveOpenssl = false
    }
    if (!haveOpenssl) return
    const options = optionsFromArgs(['--tls-key', join(dir, 'k.pem'), '--tls-cert', join(dir, 'c.pem')])
    expect(options.tls).toEqual({ key: readFileSync(join(dir, 'k.pem'), 'utf8'), cert: readFileSync(join(dir, 'c.pem'), 'utf8') })
  })
})
