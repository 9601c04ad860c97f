/**
 * The key the `emulator` command registers: read from a file (public or private, JWK or PEM)
 * or freshly generated, with the private half written to a 0600 file in a temporary directory.
 */
import { createPublicKey, generateKeyPair, type JsonWebKey, type KeyObject } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { InputError } from '../errors.js'
import { loadPrivateKey, REQUIRED_MODULUS_BITS } from '../key.js'
import type { CommandContext } from './context.js'
import { readInputFile } from './files.js'
import { privateJwkText } from './jwk.js'

const generate = promisify(generateKeyPair)

export interface EmulatorKey {
  publicKey: KeyObject
  /** The private key file to sign with, when we know it (generated, or a private key file). */
  privateKeyFile?: string
  /** The kid a private JWK carries; it will not match the one the emulator assigns. */
  carriedKid?: string
  /** Removes what we generated. */
  cleanUp(): Promise<void>
}

const nothingToCleanUp = async (): Promise<void> => {}

export async function readEmulatorKey(ctx: CommandContext, keyFile: string): Promise<EmulatorKey> {
  const input = '--key-file'
  const text = await readInputFile(ctx, keyFile, input, 'a public or private key')
  const publicKey = publicKeyOf(text)
  if (publicKey) return { publicKey: requireRsa2048(publicKey, input), cleanUp: nothingToCleanUp }
  const signingKey = loadPrivateKey(text, input)
  ctx.redactor.addAll(signingKey.secrets)
  return {
    publicKey: createPublicKey(signingKey.privateKey),
    privateKeyFile: keyFile === '-' ? undefined : path.resolve(ctx.io.cwd, keyFile),
    carriedKid: signingKey.keyId,
    cleanUp: nothingToCleanUp
  }
}

/** A public key (SPKI or PKCS#1 PEM, or a JWK without "d"), or undefined for anything else (read as a private key). */
function publicKeyOf(text: string): KeyObject | undefined {
  const trimmed = text.trim()
  if (/-----BEGIN (RSA )?PUBLIC KEY-----/.test(trimmed)) {
    try {
      return createPublicKey(trimmed)
    } catch {
      throw new InputError('--key-file', 'holds a damaged public key PEM; export the public key again, or give the private key.')
    }
  }
  if (!trimmed.startsWith('{')) return undefined
  let jwk: unknown
  try {
    jwk = JSON.parse(trimmed)
  } catch {
    return undefined // loadPrivateKey gives the message for broken JSON.
  }
  if (!jwk || typeof jwk !== 'object' || 'd' in jwk || !('n' in jwk)) return undefined
  const { kty, n, e } = jwk as Record<string, unknown>
  try {
    return createPublicKey({ key: { kty, n, e } as JsonWebKey, format: 'jwk' })
  } catch {
    throw new InputError('--key-file', 'holds a public JWK that is not a valid RSA key (it needs "kty": "RSA", "n" and "e").')
  }
}

function requireRsa2048(publicKey: KeyObject, input: string): KeyObject {
  const bits = publicKey.asymmetricKeyDetails?.modulusLength
  if (publicKey.asymmetricKeyType !== 'rsa' || bits !== REQUIRED_MODULUS_BITS) {
    throw new InputError(input, `holds ${publicKey.asymmetricKeyType === 'rsa' ? `a ${bits}-bit RSA key` : 'a key that is not RSA'}; LINE (and the emulator) need RSA 2048 bits.`)
  }
  return publicKey
}

/** A new key pair; the private JWK goes to a fresh temporary directory (0700) as a 0600 file. */
export async function generateEmulatorKey(): Promise<EmulatorKey> {
  const { privateKey, publicKey } = await generate('rsa', { modulusLength: REQUIRED_MODULUS_BITS })
  const dir = await mkdtemp(path.join(tmpdir(), 'line-token-emulator-'))
  const privateKeyFile = path.join(dir, 'private.jwk.json')
  await writeFile(privateKeyFile, privateJwkText(privateKey), { mode: 0o600, flag: 'wx' })
  return { publicKey, privateKeyFile, cleanUp: () => rm(dir, { recursive: true, force: true }) }
}
