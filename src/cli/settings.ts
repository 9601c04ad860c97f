/**
 * Settings common to the commands, from a flag or an environment variable (the flag wins).
 * Secrets come from environment variables or files; a secret given as a plain flag is
 * accepted with a warning, since it lands in shell history and the process list.
 */
import { parseApiBaseUrl, parseChannelId } from '../inputs.js'
import { loadPrivateKey, resolveKeyId, type SigningKey } from '../key.js'
import type { Flags, OptionSpecs } from './args.js'
import type { CommandContext } from './context.js'
import { UsageError } from './errors.js'
import { readInputFile } from './files.js'

export const ENV = {
  channelId: 'LINE_CHANNEL_ID',
  privateKey: 'LINE_PRIVATE_KEY',
  privateKeyFile: 'LINE_PRIVATE_KEY_FILE',
  keyId: 'LINE_KEY_ID',
  channelSecret: 'LINE_CHANNEL_SECRET',
  channelSecretFile: 'LINE_CHANNEL_SECRET_FILE',
  apiBaseUrl: 'LINE_API_BASE_URL'
} as const

/** The flags of every command that signs assertions. */
export const CHANNEL_OPTIONS: OptionSpecs = {
  'channel-id': { type: 'string' },
  'private-key-file': { type: 'string' },
  'private-key': { type: 'string' },
  'key-id': { type: 'string' },
  'api-base-url': { type: 'string' }
}

export const CHANNEL_SECRET_OPTIONS: OptionSpecs = {
  'channel-secret-file': { type: 'string' },
  'channel-secret': { type: 'string' }
}

/** A setting: the flag's value, else the environment's (empty counts as unset); `input` names where it came from. */
function setting(ctx: CommandContext, flags: Flags, flag: string, env: string): { value: string; input: string } | undefined {
  const fromFlag = flags.string(flag)
  if (fromFlag !== undefined) return { value: fromFlag, input: `--${flag}` }
  const fromEnv = ctx.io.env[env]
  if (fromEnv) return { value: fromEnv, input: env }
  return undefined
}

export function readChannelId(ctx: CommandContext, flags: Flags): string {
  const given = setting(ctx, flags, 'channel-id', ENV.channelId)
  if (!given) {
    throw new UsageError(
      `the channel ID is required: set ${ENV.channelId} or pass --channel-id ID (LINE Developers Console → your channel → Basic settings → Channel ID).`
    )
  }
  return parseChannelId(given.value, given.input)
}

/** The channel ID when given, for commands where it is optional (the emulator). */
export function readOptionalChannelId(ctx: CommandContext, flags: Flags): string | undefined {
  const given = setting(ctx, flags, 'channel-id', ENV.channelId)
  return given && parseChannelId(given.value, given.input)
}

export function readApiBaseUrl(ctx: CommandContext, flags: Flags): string {
  const given = setting(ctx, flags, 'api-base-url', ENV.apiBaseUrl)
  return parseApiBaseUrl(given?.value ?? '', given?.input)
}

interface SecretSource {
  /** "the private key", for messages. */
  what: string
  valueFlag: string
  fileFlag: string
  env: string
  fileEnv: string
}

const PRIVATE_KEY: SecretSource = {
  what: 'the private key',
  valueFlag: 'private-key',
  fileFlag: 'private-key-file',
  env: ENV.privateKey,
  fileEnv: ENV.privateKeyFile
}

const CHANNEL_SECRET: SecretSource = {
  what: 'the channel secret',
  valueFlag: 'channel-secret',
  fileFlag: 'channel-secret-file',
  env: ENV.channelSecret,
  fileEnv: ENV.channelSecretFile
}

/** A secret from --X-file, X_FILE, X, or (with a warning) --X. Registered with the redactor at once. */
async function readSecret(ctx: CommandContext, flags: Flags, source: SecretSource): Promise<{ value: string; input: string } | undefined> {
  const { what, valueFlag, fileFlag, env, fileEnv } = source
  const given = await readSecretText(ctx, flags, source)
  if (given === undefined) return undefined
  ctx.redactor.add(given.value)
  if (given.input === `--${valueFlag}`) {
    ctx.warn(
      `--${valueFlag} puts ${what} in your shell history and the process list. Use ${env} or ${fileEnv}=FILE (or --${fileFlag} FILE) instead.`
    )
  }
  return given
}

async function readSecretText(ctx: CommandContext, flags: Flags, source: SecretSource): Promise<{ value: string; input: string } | undefined> {
  const { what, valueFlag, fileFlag, env, fileEnv } = source
  const value = flags.string(valueFlag)
  const file = flags.string(fileFlag)
  if (value !== undefined && file !== undefined) throw new UsageError(`give ${what} once: --${valueFlag} or --${fileFlag}, not both.`)
  if (value !== undefined) return { value, input: `--${valueFlag}` }
  if (file !== undefined) return { value: await readInputFile(ctx, file, `--${fileFlag}`, what), input: `--${fileFlag}` }
  const envValue = ctx.io.env[env]
  const envFile = ctx.io.env[fileEnv]
  if (envValue && envFile) throw new UsageError(`${env} and ${fileEnv} are both set; set only one of them to give ${what}.`)
  if (envFile) return { value: await readInputFile(ctx, envFile, fileEnv, what), input: fileEnv }
  if (envValue) return { value: envValue, input: env }
  return undefined
}

export interface ChannelKey {
  signingKey: SigningKey
  keyId: string
}

/** The assertion signing key and its key ID. Missing or bad → exit 2, before anything is sent. */
export async function readChannelKey(ctx: CommandContext, flags: Flags): Promise<ChannelKey> {
  const given = await readSecret(ctx, flags, PRIVATE_KEY)
  if (!given || !given.value.trim()) {
    throw new UsageError(
      `${given ? `${given.input} is empty; ` : ''}the assertion signing private key is required: set ${ENV.privateKeyFile}=FILE (a private JWK or PEM file), ` +
        `or ${ENV.privateKey} to the key itself, or pass --private-key-file FILE. No key yet? Run "line-token keygen --out FILE".`
    )
  }
  const signingKey = loadPrivateKey(given.value, given.input)
  ctx.redactor.addAll(signingKey.secrets)
  const explicit = setting(ctx, flags, 'key-id', ENV.keyId)
  if (!explicit && signingKey.keyId === undefined) {
    throw new UsageError(
      `the key ID is required, as the private key carries no "kid": set ${ENV.keyId} or pass --key-id KID ` +
        '(the kid the LINE Developers Console showed when you registered the public key: your channel → Basic settings → Assertion Signing Key).'
    )
  }
  return { signingKey, keyId: resolveKeyId(explicit?.value, signingKey, explicit?.input ?? ENV.keyId) }
}

/** The channel secret, trimmed; undefined when not given. */
export async function readChannelSecret(ctx: CommandContext, flags: Flags): Promise<string | undefined> {
  const given = await readSecret(ctx, flags, CHANNEL_SECRET)
  if (!given) return undefined
  const secret = given.value.trim()
  if (!secret) throw new UsageError(`${given.input} is empty: give the channel secret (LINE Developers Console → your channel → Basic settings → Channel secret).`)
  if (/\s/.test(secret)) throw new UsageError(`${given.input} contains whitespace: give only the channel secret, on one line.`)
  return secret
}

/** The channel secret, or exit 2 saying why it is needed. */
export async function requireChannelSecret(ctx: CommandContext, flags: Flags, why: string): Promise<string> {
  const secret = await readChannelSecret(ctx, flags)
  if (secret === undefined) {
    throw new UsageError(
      `the channel secret is required ${why}: set ${ENV.channelSecret} (e.g. read -rs ${ENV.channelSecret} && export ${ENV.channelSecret}) ` +
        `or ${ENV.channelSecretFile}=FILE, or pass --channel-secret-file FILE.`
    )
  }
  return secret
}
