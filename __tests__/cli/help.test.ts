// --help for the program and every command, with examples; --version; usage errors (exit 2).
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { COMMANDS, VERSION } from '../../src/cli/index.js'
import { ROOT, runInProcess } from './support.js'

describe('line-token help, version and usage errors', () => {
  it('prints the program help on stdout for --help, -h and help', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const result = await runInProcess(argv)
      expect(result.code).toBe(0)
      expect(result.stderr).toBe('')
      for (const command of COMMANDS) expect(result.stdout).toContain(command.name)
      expect(result.stdout).toContain('LINE_PRIVATE_KEY_FILE')
      expect(result.stdout).toContain('Exit codes')
    }
  })

  it.each(COMMANDS.map((command) => [command.name]))('prints the help of %s, with examples, for --help, -h and help NAME', async (name) => {
    for (const argv of [[name, '--help'], [name, '-h'], ['help', name]]) {
      const result = await runInProcess(argv)
      expect(result.code).toBe(0)
      expect(result.stdout).toContain(`Usage: line-token ${name}`)
      expect(result.stdout).toContain('Examples:')
      expect(result.stdout).toContain(`line-token ${name}`)
    }
  })

  it('prints the version, which matches package.json', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
    expect(VERSION).toBe(pkg.version)
    const result = await runInProcess(['--version'])
    expect(result).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' })
  })

  it('shows the help on stderr and exits 2 without a command', async () => {
    const result = await runInProcess([])
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain('Usage: line-token COMMAND')
  })

  it('refuses an unknown command, echoing it only when it looks like a command name', async () => {
    const typo = await runInProcess(['isue'])
    expect(typo.code).toBe(2)
    expect(typo.stderr).toMatch(/^line-token: unknown command "isue": use one of keygen, issue/)
    const pasted = await runInProcess(['eyJhbGciOiJIUzI1NiJ9.secret.value'])
    expect(pasted.code).toBe(2)
    expect(pasted.stderr).not.toContain('eyJhbGci')
    expect((await runInProcess(['help', 'nope'])).code).toBe(2)
  })

  it('refuses unknown flags with a suggestion, in one line', async () => {
    const result = await runInProcess(['issue', '--lifetim', '1h'])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('line-token issue: unknown option --lifetim. Did you mean --lifetime? Run "line-token issue --help" for the options.\n')
    const far = await runInProcess(['issue', '--zz'])
    expect(far.stderr).not.toContain('Did you mean')
  })

  it('says when a flag lacks its value or takes none', async () => {
    expect((await runInProcess(['issue', '--lifetime'])).stderr).toContain('option --lifetime needs a value.')
    expect((await runInProcess(['issue', '--json=yes'])).stderr).toContain('option --json does not take a value.')
  })

  it('never repeats a stray argument (it may be a pasted token)', async () => {
    const result = await runInProcess(['verify', 'the-secret-token-value'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('unexpected argument')
    expect(result.stderr).not.toContain('the-secret-token-value')
  })

  it('bounds and sanitises an echoed flag name', async () => {
    const result = await runInProcess(['list', `--${'x'.repeat(60)}\u0007`])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('…')
    expect(result.stderr).not.toContain('\u0007')
  })
})
