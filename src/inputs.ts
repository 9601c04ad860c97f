/**
 * The root action's inputs, read and checked before anything is sent to LINE: a mistake
 * here fails the step with a message that names the input and says how to fix it.
 */
import { MAX_TOKEN_LIFETIME_SECONDS, parseDuration } from './duration.js'
import { InputError } from './errors.js'

export type TokenType = 'v2.1' | 'stateless'

export interface ActionInputs {
  channelId: string
  /** As given; parsed by loadPrivateKey. */
  privateKey: string
  /** Empty when not given (the JWK's kid is used then). */
  keyId: string
  /** Empty when not given. */
  channelSecret: string
  tokenType: TokenType
  lifetimeSeconds: number
  revoke: boolean
  apiBaseUrl: string
  /** Empty when no ledger is kept. */
  ledger: string
  githubToken: string
}

/** Reads one input by name, as `core.getInput` does (an absent input reads as ''). */
export type GetInput = (name: string) => string

export function parseChannelId(value: string, input = 'channel-id'): string {
  const channelId = value.trim()
  if (!channelId) throw new InputError(input, 'is required: give the channel ID (digits) from the LINE Developers Console, channel → Basic settings.')
  if (!/^\d{1,20}$/.test(channelId)) {
    throw new InputError(input, 'must be the channel ID, digits only (LINE Developers Console → the channel → Basic settings → Channel ID).')
  }
  return channelId
}

export function parseTokenType(value: string, input = 'token-type'): TokenType {
  const tokenType = value.trim().toLowerCase() || 'v2.1'
  if (tokenType === 'v2.1' || tokenType === 'stateless') return tokenType
  throw new InputError(input, 'must be "v2.1" (revocable, up to 30 days) or "stateless" (15 minutes, cannot be revoked).')
}

/** The YAML 1.2 core booleans, as `core.getBooleanInput` accepts them. */
export function parseBoolean(value: string, input: string, fallback: boolean): boolean {
  const text = value.trim()
  if (!text) return fallback
  if (['true', 'True', 'TRUE'].includes(text)) return true
  if (['false', 'False', 'FALSE'].includes(text)) return false
  throw new InputError(input, 'must be true or false.')
}

export function parseApiBaseUrl(value: string, input = 'api-base-url'): string {
  const text = value.trim() || 'https://api.line.me'
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new InputError(input, 'must be an absolute http(s) URL such as https://api.line.me.')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new InputError(input, 'must use https:// (or http:// for a local emulator).')
  // Credentials or a query in the base URL would end up in logs and on every request.
  if (url.username || url.password) throw new InputError(input, 'must not contain a user name or password; use a proxy setting (HTTPS_PROXY) instead.')
  if (url.search || url.hash) throw new InputError(input, 'must not contain a query string or fragment.')
  return url.toString().replace(/\/+$/, '')
}

export function parseLifetime(value: string, input = 'lifetime'): number {
  return parseDuration(value.trim() || '1h', { input, minSeconds: 1, maxSeconds: MAX_TOKEN_LIFETIME_SECONDS })
}

/** The inputs every action of this repository reads the same way: who we are to LINE. */
export function readChannelInputs(getInput: GetInput): Pick<ActionInputs, 'channelId' | 'privateKey' | 'keyId' | 'channelSecret'> {
  const channelId = parseChannelId(getInput('channel-id'))
  const privateKey = getInput('private-key')
  if (!privateKey.trim()) {
    throw new InputError('private-key', 'is required: pass the assertion signing private key from a secret, e.g. private-key: ${{ secrets.LINE_ASSERTION_PRIVATE_KEY }}.')
  }
  return { channelId, privateKey, keyId: getInput('key-id').trim(), channelSecret: getInput('channel-secret').trim() }
}

export function readActionInputs(getInput: GetInput): ActionInputs {
  const { channelId, privateKey, keyId, channelSecret } = readChannelInputs(getInput)
  const tokenType = parseTokenType(getInput('token-type'))
  const lifetimeSeconds = tokenType === 'v2.1' ? parseLifetime(getInput('lifetime')) : 900
  const revoke = parseBoolean(getInput('revoke'), 'revoke', true)
  const apiBaseUrl = parseApiBaseUrl(getInput('api-base-url'))
  const ledger = getInput('ledger').trim()
  const githubToken = getInput('github-token').trim()

  if (tokenType === 'v2.1' && revoke && !channelSecret) {
    throw new InputError(
      'channel-secret',
      'is needed to revoke the token when the job ends (LINE\'s revoke call requires it). Pass channel-secret: ${{ secrets.LINE_CHANNEL_SECRET }}, or set revoke: false (the token then stays valid until it expires and holds one of the channel\'s 30 slots).'
    )
  }
  if (tokenType === 'v2.1' && ledger && !channelSecret) {
    throw new InputError('channel-secret', 'is needed with a ledger: tokens in the ledger are encrypted with a key derived from the channel secret.')
  }
  return { channelId, privateKey, keyId, channelSecret, tokenType, lifetimeSeconds, revoke, apiBaseUrl, ledger, githubToken }
}
