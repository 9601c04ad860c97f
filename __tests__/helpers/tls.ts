/**
 * A throw-away certificate authority and a server certificate signed by it, made with the
 * system's `openssl`, for serving the emulator over HTTPS. The server certificate names
 * 127.0.0.1, localhost and the fake LINE host `api.line.test` (reached only through the
 * test proxy).
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const FAKE_LINE_HOST = 'api.line.test'

export interface TestPki {
  dir: string
  /** PEM of the CA certificate: what NODE_EXTRA_CA_CERTS points at. */
  caCertFile: string
  caCert: string
  /** The server's key and certificate (PEM), for startEmulator({ tls }). */
  server: { key: string; cert: string }
  remove(): void
}

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] })
}

/** A new CA and a server certificate for 127.0.0.1, localhost and api.line.test. */
export function makeTestPki(commonName = 'Hardening Test CA'): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'line-action-pki-'))
  openssl(dir, [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2',
    '-subj', `/CN=${commonName}`,
    '-addext', 'basicConstraints=critical,CA:TRUE',
    '-addext', 'keyUsage=critical,keyCertSign,cRLSign'
  ])
  openssl(dir, ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', `/CN=${FAKE_LINE_HOST}`])
  writeFileSync(
    join(dir, 'server.ext'),
    [
      `subjectAltName=DNS:${FAKE_LINE_HOST},DNS:localhost,IP:127.0.0.1`,
      'basicConstraints=CA:FALSE',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth'
    ].join('\n')
  )
  openssl(dir, ['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '2', '-extfile', 'server.ext'])
  return {
    dir,
    caCertFile: join(dir, 'ca.pem'),
    caCert: readFileSync(join(dir, 'ca.pem'), 'utf8'),
    server: { key: readFileSync(join(dir, 'server.key'), 'utf8'), cert: readFileSync(join(dir, 'server.pem'), 'utf8') },
    remove: () => rmSync(dir, { recursive: true, force: true })
  }
}
