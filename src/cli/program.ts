/** The command table and the program's help. */
import type { Command } from './command.js'
import { emulatorCommand } from './commands/emulator.js'
import { issueCommand } from './commands/issue.js'
import { keygenCommand } from './commands/keygen.js'
import { listCommand } from './commands/list.js'
import { revokeAllCommand } from './commands/revoke-all.js'
import { revokeCommand } from './commands/revoke.js'
import { verifyCommand } from './commands/verify.js'
import { UsageError } from './errors.js'

export const COMMANDS: readonly Command[] = [keygenCommand, issueCommand, listCommand, verifyCommand, revokeCommand, revokeAllCommand, emulatorCommand]

export function findCommand(name: string): Command {
  const command = COMMANDS.find((candidate) => candidate.name === name)
  if (command) return command
  // Not echoed when it looks like a pasted value rather than a mistyped command.
  const shown = /^[a-z][a-z-]{0,20}$/i.test(name) ? `"${name}"` : 'given'
  throw new UsageError(`unknown command ${shown}: use one of ${COMMANDS.map((c) => c.name).join(', ')} (line-token --help).`)
}

export function programHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length))
  return [
    'Usage: line-token COMMAND [options]',
    '',
    'Issue, inspect and revoke LINE channel access tokens with an assertion signing key,',
    'outside GitHub Actions (GitLab, Jenkins, a laptop), and run an offline LINE API emulator.',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Settings (a flag wins over the environment):',
    '  LINE_CHANNEL_ID          --channel-id ID',
    '  LINE_PRIVATE_KEY_FILE    --private-key-file FILE   (or LINE_PRIVATE_KEY holding the key itself)',
    '  LINE_KEY_ID              --key-id KID              (default: the private JWK\'s kid)',
    '  LINE_CHANNEL_SECRET      --channel-secret-file FILE (or LINE_CHANNEL_SECRET_FILE)',
    '  LINE_API_BASE_URL        --api-base-url URL        (default https://api.line.me)',
    'Secrets belong in the environment or in files; a secret given as a flag works, with a warning.',
    '',
    'Examples:',
    '  line-token keygen --out line-private.jwk.json',
    '  TOKEN=$(line-token issue --lifetime 30m)',
    '  echo "$TOKEN" | line-token revoke --token-key-id="$KID"',
    '  line-token COMMAND --help',
    '',
    'Options: --help, -h  this help · --version  the version · --debug  debug logs and stack traces',
    'Exit codes: 0 success, 1 LINE, network or ledger error, 2 bad usage or input.'
  ].join('\n')
}
