/** An emulator with one channel whose public key (the shared test key) is registered. */
import { startEmulator, type Emulator, type EmulatorOptions } from '../../src/emulator/index.js'
import { testKey, type TestKey } from './keys.js'

export interface LineChannel {
  emulator: Emulator
  channelId: string
  channelSecret: string
  keyId: string
  key: TestKey
  /** The root action's inputs for this channel (private key as a jwx-style JWK). */
  inputs: Record<string, string>
  /** Strings that must never be printed: key parameters, PEM lines, the channel secret. */
  secrets: string[]
}

export async function startLineChannel(options: EmulatorOptions = {}, channelId = '1660000001'): Promise<LineChannel> {
  const key = testKey()
  const emulator = await startEmulator(options)
  const { channelSecret } = emulator.addChannel(channelId)
  const keyId = emulator.registerPublicKey(channelId, key.publicJwkForConsole)
  return {
    emulator,
    channelId,
    channelSecret,
    keyId,
    key,
    inputs: {
      'channel-id': channelId,
      'private-key': key.shapes.jwx,
      'key-id': keyId,
      'channel-secret': channelSecret,
      'api-base-url': emulator.url
    },
    secrets: [...key.secretFragments, channelSecret]
  }
}

/** Fast retries for in-process tests (the HTTP layer's real waits are hundreds of ms). */
export const FAST_RETRIES = { baseDelayMs: 1, maxDelayMs: 5, timeoutMs: 2000, totalBudgetMs: 10_000 }

/** Fails with a description of where, if any secret appears in the text. */
export function expectNoSecrets(text: string, secrets: string[]): void {
  const found = secrets.filter((secret) => secret.length >= 8 && text.includes(secret))
  if (found.length) throw new Error(`${found.length} secret(s) appear in the text`)
}
