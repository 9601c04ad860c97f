import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { request } from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulator, type Emulator } from '../../src/emulator/index.js'

/** A self-signed certificate for 127.0.0.1, or undefined when openssl is not installed. */
function selfSignedCertificate(dir: string): { key: string; cert: string } | undefined {
  const keyFile = join(dir, 'key.pem')
  const certFile = join(dir, 'cert.pem')
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '1',
        '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'],
      { stdio: 'ignore' }
    )
  } catch {
    return undefined
  }
  return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') }
}

function httpsGet(url: string, ca?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca }, (response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (body += chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

const dir = mkdtempSync(join(tmpdir(), 'emulator-tls-'))
const tls = selfSignedCertificate(dir)
const describeTls = tls ? describe : describe.skip

describeTls('the emulator serves HTTPS when given a key and certificate', () => {
  let emulator: Emulator
  beforeAll(async () => {
    emulator = await startEmulator({ tls })
  })
  afterAll(async () => {
    await emulator.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('has an https URL and answers LINE endpoints over TLS', async () => {
    expect(emulator.url).toBe(`https://127.0.0.1:${emulator.port}`)
    const reply = await httpsGet(`${emulator.url}/oauth2/v2.1/verify`, tls?.cert as string)
    expect(reply.status).toBe(400)
    expect(JSON.parse(reply.body)).toEqual({ error: 'invalid_request', error_description: "'access_token' is required" })
  })

  it('is refused by a client that does not trust the certificate', async () => {
    await expect(httpsGet(`${emulator.url}/oauth2/v2.1/verify`)).rejects.toThrow()
  })

  it('closes with an open TLS connection', async () => {
    emulator.addFault({ path: '/hang', responses: [{ hang: true }] })
    const pending = httpsGet(`${emulator.url}/hang`, tls?.cert as string)
    pending.catch(() => undefined)
    await new Promise((resolve) => setTimeout(resolve, 50))
    await emulator.close()
    await expect(pending).rejects.toThrow()
  })
})
