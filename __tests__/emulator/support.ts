// Shared set-up for the emulator tests: a channel with a registered key, assertions signed
// with jose directly, and small fetch wrappers. Everything runs against a real server.
import { generateKeyPairSync, type KeyObject } from 'node:crypto'
import { SignJWT, type JWK, type JWTPayload } from 'jose'
import { startEmulator, type Emulator, type EmulatorOptions } from '../../src/emulator/index.js'

export const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'
export const AUDIENCE = 'https://api.line.me/'

export interface RsaKey {
  privateKey: KeyObject
  publicJwk: JWK
}

export function newRsaKey(modulusLength = 2048): RsaKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength })
  return { privateKey, publicJwk: { ...(publicKey.export({ format: 'jwk' }) as JWK), alg: 'RS256', use: 'sig' } }
}

export interface Channel {
  emulator: Emulator
  channelId: string
  channelSecret: string
  kid: string
  key: RsaKey
}

let sharedKey: RsaKey | undefined

/** An emulator with one channel and one registered key (the key pair is reused across a file). */
export async function startWithChannel(options: EmulatorOptions = {}, channelId = '1234567890'): Promise<Channel> {
  sharedKey ??= newRsaKey()
  const emulator = await startEmulator(options)
  const { channelSecret } = emulator.addChannel(channelId)
  const kid = emulator.registerPublicKey(channelId, sharedKey.publicJwk)
  return { emulator, channelId, channelSecret, kid, key: sharedKey }
}

export interface AssertionOptions {
  claims?: JWTPayload
  header?: Record<string, unknown>
  key?: KeyObject
  /** Seconds since the epoch used as "now" for exp (default: the real clock). */
  nowSeconds?: number
}

/** A valid assertion for the channel unless overridden: 5 minutes, token_exp 1 hour. */
export async function signAssertion(channel: Channel, options: AssertionOptions = {}): Promise<string> {
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000)
  const claims: JWTPayload = {
    iss: channel.channelId,
    sub: channel.channelId,
    aud: AUDIENCE,
    exp: now + 300,
    token_exp: 3600,
    ...options.claims
  }
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: channel.kid, ...options.header })
    .sign(options.key ?? channel.key.privateKey)
}

export interface Reply {
  status: number
  headers: Headers
  text: string
  json: Record<string, unknown>
}

async function reply(response: Response): Promise<Reply> {
  const text = await response.text()
  let json: Record<string, unknown> = {}
  try {
    json = JSON.parse(text) as Record<string, unknown>
  } catch {
    // not JSON: tests look at text
  }
  return { status: response.status, headers: response.headers, text, json }
}

export async function postForm(baseUrl: string, path: string, form: Record<string, string>): Promise<Reply> {
  return reply(
    await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
      redirect: 'manual'
    })
  )
}

export async function getQuery(baseUrl: string, path: string, query: Record<string, string> = {}): Promise<Reply> {
  const search = new URLSearchParams(query).toString()
  return reply(await fetch(`${baseUrl}${path}${search ? `?${search}` : ''}`, { redirect: 'manual' }))
}

export async function issueV21(channel: Channel, assertion?: string): Promise<Reply> {
  return postForm(channel.emulator.url, '/oauth2/v2.1/token', {
    grant_type: 'client_credentials',
    client_assertion_type: JWT_BEARER,
    client_assertion: assertion ?? (await signAssertion(channel))
  })
}

export async function listKids(channel: Channel, assertion?: string): Promise<Reply> {
  return getQuery(channel.emulator.url, '/oauth2/v2.1/tokens/kid', {
    client_assertion_type: JWT_BEARER,
    client_assertion: assertion ?? (await signAssertion(channel))
  })
}

export async function revoke(channel: Channel, accessToken: string, channelSecret = channel.channelSecret): Promise<Reply> {
  return postForm(channel.emulator.url, '/oauth2/v2.1/revoke', {
    client_id: channel.channelId,
    client_secret: channelSecret,
    access_token: accessToken
  })
}

export const HOUR_MS = 3_600_000
