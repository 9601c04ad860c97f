// End to end: `line-token emulator` as a child process: it prints its settings, serves a
// client (the bundled CLI itself here), exits 0 on SIGTERM or SIGINT, and 2 on a bad port.
import { describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { BUNDLE, ROOT, runBundled } from './support.js'

interface Settings {
  url: string
  channel_id: string
  channel_secret: string
  key_id: string
  private_key_file: string
}

async function startEmulatorProcess(argv: string[]) {
  const child = spawn(process.execPath, [BUNDLE, 'emulator', '--json', ...argv], { cwd: ROOT, env: {}, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)))
  const settings = await new Promise<Settings>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8')
      if (stdout.includes('\n')) resolve(JSON.parse(stdout) as Settings)
    })
    void exited.then((code) => reject(new Error(`emulator exited with ${code}: ${stderr}`)))
  })
  return { child, settings, exited, stderr: () => stderr }
}

describe('bundled CLI: emulator', () => {
  it.each([['SIGTERM'], ['SIGINT']] as const)('serves a client, then exits 0 on %s and removes its generated key', async (signal) => {
    const emulator = await startEmulatorProcess([])
    const { url, channel_id, channel_secret, key_id, private_key_file } = emulator.settings
    const env = { LINE_API_BASE_URL: url, LINE_CHANNEL_ID: channel_id, LINE_CHANNEL_SECRET: channel_secret, LINE_KEY_ID: key_id, LINE_PRIVATE_KEY_FILE: private_key_file }
    const issued = await runBundled(['issue', '--json'], { env })
    expect(issued.code).toBe(0)
    const token = JSON.parse(issued.stdout) as { access_token: string; key_id: string }
    const revoked = await runBundled(['revoke', `--token-key-id=${token.key_id}`], { env, stdin: token.access_token })
    expect(revoked.code).toBe(0)

    emulator.child.kill(signal)
    expect(await emulator.exited).toBe(0)
    expect(emulator.stderr()).toContain('Emulator stopped.')
    expect(existsSync(private_key_file)).toBe(false)
  })

  it('exits 2 on a bad port', async () => {
    const result = await runBundled(['emulator', '--port', 'eighty'])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('line-token emulator: Input "--port": must be a port number from 0 to 65535 (0 picks a free one).\n')
  })
})
