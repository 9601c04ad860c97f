/** keygen: a new assertion signing key pair that meets LINE's rules (RSA 2048, RS256). */
import { generateKeyPair } from 'node:crypto'
import { open, rm } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { InputError } from '../../errors.js'
import { REQUIRED_MODULUS_BITS } from '../../key.js'
import type { Flags } from '../args.js'
import { formatHelp, type Command } from '../command.js'
import type { CommandContext } from '../context.js'
import { UsageError } from '../errors.js'
import { describeErrorCode } from '../files.js'
import { consolePublicJwk, privateJwkText, shellQuote } from '../jwk.js'

const generate = promisify(generateKeyPair)

export const keygenCommand: Command = {
  name: 'keygen',
  summary: 'generate an assertion signing key pair; print the public JWK to register',
  options: {
    out: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
    pem: { type: 'boolean' }
  },
  help: formatHelp({
    usage: 'line-token keygen --out FILE [--pem] [--force]',
    description: [
      'Generates an RSA 2048-bit key pair for RS256, as LINE requires. Writes the private key to FILE',
      '(mode 0600; an existing file is never overwritten without --force) and prints the public JWK',
      'to register in the LINE Developers Console (kty, alg, use, n, e; no kid), then the next steps.'
    ],
    options: [
      '-o, --out FILE           where to write the private key (required)',
      '--pem                    write PKCS#8 PEM instead of a private JWK',
      '--force                  replace FILE if it exists'
    ],
    examples: ['line-token keygen --out line-private.jwk.json', 'line-token keygen --out line-private.pem --pem', 'line-token keygen --out line-private.jwk.json > public.jwk.json']
  }),
  run: keygen
}

async function keygen(ctx: CommandContext, flags: Flags): Promise<void> {
  const out = flags.string('out')
  if (!out?.trim()) throw new UsageError('--out FILE is required: name the file for the private key, e.g. --out line-private.jwk.json.')
  const pem = flags.boolean('pem')

  const { privateKey, publicKey } = await generate('rsa', { modulusLength: REQUIRED_MODULUS_BITS })
  const text = pem ? (privateKey.export({ format: 'pem', type: 'pkcs8' }) as string) : privateJwkText(privateKey)
  const file = path.resolve(ctx.io.cwd, out)
  await writePrivateKeyFile(file, text, flags.boolean('force'))

  ctx.print(JSON.stringify(consolePublicJwk(publicKey), null, 2))
  const shown = shellQuote(out)
  ctx.say(
    [
      `Wrote the private key to ${file} (${pem ? 'PKCS#8 PEM' : 'private JWK'}, mode 0600). The public JWK is printed above. Next steps:`,
      '  1. Register the public JWK: LINE Developers Console → your channel → Basic settings →',
      '     Assertion Signing Key → Register a public key; paste it as printed.',
      '  2. Note the key ID (kid) the console shows. It is not secret:',
      '       gh variable set LINE_ASSERTION_KID --body KID',
      '  3. Store the private key as a repository secret, then delete the local copy:',
      `       gh secret set LINE_ASSERTION_PRIVATE_KEY < ${shown}`,
      `       rm ${shown}`,
      `  For this command line instead: export LINE_PRIVATE_KEY_FILE=${shown} LINE_KEY_ID=KID LINE_CHANNEL_ID=…`
    ].join('\n')
  )
}

/**
 * Create the file exclusively with mode 0600, so the key is never readable by others, not even
 * for a moment. --force removes what is there first (a symlink itself, never its target).
 */
async function writePrivateKeyFile(file: string, text: string, force: boolean): Promise<void> {
  try {
    if (force) await rm(file, { force: true })
    const handle = await open(file, 'wx', 0o600)
    try {
      await handle.chmod(0o600)
      await handle.writeFile(text, 'utf8')
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new InputError('--out', `${file} already exists; choose another file, or pass --force to replace it (the key now in it is lost).`)
    }
    throw new InputError('--out', `cannot write ${file} (${describeErrorCode(error)}): choose a file in a directory you can write to.`)
  }
}
