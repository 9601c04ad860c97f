// Errors are one line on stderr, with the stack only under --debug; exit codes 1 and 2;
// an unexpected error is reported as a bug. processIo wires the real process.
import { describe, expect, it } from '@jest/globals'
import { processIo, runCli } from '../../src/cli/index.js'
import { systemClock } from '../../src/clock.js'
import { describeParseError } from '../../src/cli/args.js'
import { errorText, exitCodeOf, oneLine } from '../../src/cli/errors.js'
import { describeErrorCode } from '../../src/cli/files.js'
import { runInProcess } from './support.js'

describe('line-token errors', () => {
  it('shows one line without --debug, and the stack and debug logs with it (before or after the command)', async () => {
    const env = { LINE_API_BASE_URL: 'http://127.0.0.1:9' }
    const plain = await runInProcess(['verify'], { env, stdin: 'token-value-123', io: { retryPolicy: { maxAttempts: 1 } } })
    expect(plain.code).toBe(1)
    expect(plain.stderr.trim().split('\n')).toHaveLength(1)
    expect(plain.stderr).toMatch(/^line-token verify: LINE API: verify a token failed: network error/)

    for (const argv of [['verify', '--debug'], ['--debug', 'verify']]) {
      const debug = await runInProcess(argv, { env, stdin: 'token-value-123' })
      expect(debug.code).toBe(1)
      expect(debug.stderr).toContain('debug: GET /oauth2/v2.1/verify')
      expect(debug.stderr).toMatch(/LineApiError: .*\n\s+at /)
      expect(debug.stderr).not.toContain('token-value-123')
    }
  })

  it('prints no stack under --debug for a thrown non-Error', async () => {
    const result = await runInProcess(['--debug', 'verify'], {
      stdin: 'token-value-123',
      io: {
        transport: () => {
          throw 'not an Error'
        }
      }
    })
    expect(result.code).toBe(1)
  })

  it('reports an unexpected failure as a bug, exit 1', async () => {
    const code = await runCli(['--version'], {
      stdout: {
        write: () => {
          throw new Error('stdout closed')
        }
      },
      stderr: { write: (text: string) => (captured += text) },
      stdin: () => '',
      env: {},
      cwd: process.cwd(),
      clock: systemClock
    })
    expect(code).toBe(1)
    expect(captured).toBe('line-token: Unexpected error: stdout closed. This is a bug in line-token; please report it (run again with --debug for details).\n')
  })
  let captured = ''

  it('maps errors to exit codes and single lines', () => {
    expect(exitCodeOf('x')).toBe(1)
    expect(describeParseError({ code: 'ERR_SOMETHING_NEW' }, {})).toBe('the command line could not be read.')
    expect(describeErrorCode({ code: 'ELOOP' })).toBe('ELOOP')
    expect(describeErrorCode({})).toBe('unknown error')
    expect(errorText('plain string')).toContain('Unexpected error: plain string')
    expect(oneLine('a\n  b\r\nc ')).toBe('a b c')
  })

  it('wires the process streams and clock for the bin entry', () => {
    const io = processIo()
    expect(io.stdout).toBe(process.stdout)
    expect(io.stderr).toBe(process.stderr)
    expect(io.stdin).toBe(process.stdin)
    expect(io.env).toBe(process.env)
    expect(io.cwd).toBe(process.cwd())
    expect(io.clock).toBe(systemClock)
  })
})
