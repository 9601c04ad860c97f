/**
 * emulator: the project's LINE API emulator on a local port, with a channel and a registered
 * key, so bot developers can test their own code offline. Runs until SIGINT or SIGTERM.
 * The channel secret is printed: it belongs to a local test channel only.
 */
import { InputError } from '../../errors.js'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import type { Flags } from '../args.js'
import { formatHelp, type Command } from '../command.js'
import type { CommandContext } from '../context.js'
import { generateEmulatorKey, readEmulatorKey, type EmulatorKey } from '../emulator-key.js'
import { describeErrorCode } from '../files.js'
import { consolePublicJwk, shellQuote } from '../jwk.js'
import { CHANNEL_SECRET_OPTIONS, ENV, readChannelSecret, readOptionalChannelId } from '../settings.js'

export const DEFAULT_EMULATOR_CHANNEL_ID = '1234567890'

export const emulatorCommand: Command = {
  name: 'emulator',
  summary: 'run the LINE API emulator locally for offline tests',
  options: {
    port: { type: 'string', short: 'p' },
    'key-file': { type: 'string' },
    'channel-id': { type: 'string' },
    ...CHANNEL_SECRET_OPTIONS,
    json: { type: 'boolean' }
  },
  help: formatHelp({
    usage: 'line-token emulator [--port N] [--key-file FILE] [--channel-id ID] [--json]',
    description: [
      "Runs the LINE API emulator (the five channel access token endpoints, LINE's rules and error",
      'shapes, real RS256 checks) on 127.0.0.1 until Ctrl+C. It creates one channel and registers one',
      'key: the public half of --key-file (a public or private JWK or PEM), or a newly generated pair',
      'whose private JWK is written to a temporary file (removed on exit). Prints the settings to point',
      'your code (or line-token) at it, as export lines or, with --json, one JSON object. The channel',
      'secret is generated unless given. Its admin API is under /__emulator/ (see docs/cli.md).'
    ],
    options: [
      '-p, --port N             the port (default 0: a free one)',
      '--key-file FILE          register the public half of this key instead of generating one',
      `--channel-id ID          the channel's ID (env ${ENV.channelId}; default ${DEFAULT_EMULATOR_CHANNEL_ID})`,
      `--channel-secret-file FILE  the channel's secret (env ${ENV.channelSecret}; default: generated)`,
      '--channel-secret SECRET     the secret itself (discouraged: it lands in shell history)',
      '--json                   print the settings as one JSON object'
    ],
    examples: [
      'line-token emulator --port 8080',
      'line-token emulator --key-file line-private.jwk.json --channel-id 1234567890',
      'line-token emulator --json > emulator.json &'
    ]
  }),
  run: emulator
}

async function emulator(ctx: CommandContext, flags: Flags): Promise<void> {
  const port = readPort(flags.string('port'))
  const channelId = readOptionalChannelId(ctx, flags) ?? DEFAULT_EMULATOR_CHANNEL_ID
  const givenSecret = await readChannelSecret(ctx, flags)
  const keyFile = flags.string('key-file')
  const key = keyFile === undefined ? await generateEmulatorKey() : await readEmulatorKey(ctx, keyFile)
  try {
    const server = await listen(port)
    try {
      const { channelSecret } = server.addChannel(channelId, givenSecret)
      ctx.redactor.add(channelSecret)
      const keyId = server.registerPublicKey(channelId, consolePublicJwk(key.publicKey))
      printSettings(ctx, flags.boolean('json'), { url: server.url, port: server.port, channelId, channelSecret, keyId, key })
      ctx.say(`LINE API emulator at ${server.url}: channel ${channelId}, key ID ${keyId}. Press Ctrl+C to stop.`)
      if (key.carriedKid !== undefined && key.carriedKid !== keyId) {
        ctx.warn(`the key file's JWK carries kid ${key.carriedKid}; the emulator assigned ${keyId}. Set ${ENV.keyId}=${keyId} (it wins over the JWK's kid).`)
      }
      await untilStopped(ctx)
    } finally {
      await server.close()
    }
  } finally {
    await key.cleanUp()
  }
  ctx.say('Emulator stopped.')
}

function readPort(text: string | undefined): number {
  if (text === undefined) return 0
  const port = Number(text.trim())
  if (!/^\d{1,5}$/.test(text.trim()) || port > 65_535) throw new InputError('--port', 'must be a port number from 0 to 65535 (0 picks a free one).')
  return port
}

async function listen(port: number): Promise<Emulator> {
  try {
    return await startEmulator({ port })
  } catch (error) {
    // What fails here is listening: the port is taken, or needs privileges.
    throw new InputError('--port', `cannot listen on 127.0.0.1:${port} (${describeErrorCode(error)}): choose another port, or 0 for a free one.`)
  }
}

interface Settings {
  url: string
  port: number
  channelId: string
  channelSecret: string
  keyId: string
  key: EmulatorKey
}

function printSettings(ctx: CommandContext, json: boolean, settings: Settings): void {
  const { url, port, channelId, channelSecret, keyId, key } = settings
  if (json) {
    const privateKeyFile = key.privateKeyFile === undefined ? {} : { private_key_file: key.privateKeyFile }
    ctx.print(JSON.stringify({ url, port, channel_id: channelId, channel_secret: channelSecret, key_id: keyId, ...privateKeyFile }))
    return
  }
  ctx.print(`export ${ENV.apiBaseUrl}=${url}`)
  ctx.print(`export ${ENV.channelId}=${channelId}`)
  ctx.print(`export ${ENV.channelSecret}=${channelSecret}`)
  ctx.print(`export ${ENV.keyId}=${keyId}`)
  if (key.privateKeyFile !== undefined) ctx.print(`export ${ENV.privateKeyFile}=${shellQuote(key.privateKeyFile)}`)
}

/** Resolves on the first SIGINT or SIGTERM. */
function untilStopped(ctx: CommandContext): Promise<void> {
  const signals = ctx.io.signals ?? process
  return new Promise((resolve) => {
    const stop = (): void => {
      signals.removeListener('SIGINT', stop)
      signals.removeListener('SIGTERM', stop)
      resolve()
    }
    signals.once('SIGINT', stop)
    signals.once('SIGTERM', stop)
  })
}
