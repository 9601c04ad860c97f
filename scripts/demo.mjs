#!/usr/bin/env node
// npm run demo: the action end to end against the LINE API emulator, using only the
// committed dist/ bundles, the way a GitHub runner runs them.
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { maskedLog, runBundle, startEmulatorProcess } from './runner.mjs'

const bold = (text) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text)
const heading = (text) => console.log(`\n${bold(`== ${text}`)}`)
const indent = (lines) => lines.forEach((line) => console.log(`   ${line}`))

const channelId = '1660000001'
const channelSecret = randomBytes(16).toString('hex')
const emulator = await startEmulatorProcess()
try {
  heading('1. A LINE API emulator on ' + emulator.url)
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const publicJwk = { ...publicKey.export({ format: 'jwk' }), alg: 'RS256', use: 'sig' }
  const privateJwk = { ...privateKey.export({ format: 'jwk' }), alg: 'RS256', use: 'sig' }
  await emulator.admin('POST', 'channels', { channelId, channelSecret })
  const { kid } = await emulator.admin('POST', 'keys', { channelId, publicJwk })
  indent([
    `Generated an RSA-2048 key pair and registered the public key for channel ${channelId},`,
    `as you would in the LINE Developers Console. The console gave key ID ${kid}.`
  ])

  const inputs = {
    'channel-id': channelId,
    'private-key': JSON.stringify(privateJwk),
    'key-id': kid,
    'channel-secret': channelSecret,
    lifetime: '30m',
    'api-base-url': emulator.url
  }
  heading('2. The step, as a workflow would write it')
  indent([
    '- id: line',
    '  uses: OWNER/line-channel-access-token-action@v1',
    '  with:',
    `    channel-id: ${channelId}`,
    '    private-key: ${{ secrets.LINE_ASSERTION_PRIVATE_KEY }}   # the private JWK (redacted)',
    `    key-id: ${kid}`,
    '    channel-secret: ${{ secrets.LINE_CHANNEL_SECRET }}       # (redacted)',
    '    lifetime: 30m',
    `    api-base-url: ${emulator.url}   # the emulator instead of https://api.line.me`
  ])

  heading('3. Main step (dist/main/index.js): the log as the runner shows it')
  const main = await runBundle({ bundle: 'dist/main/index.js', inputs })
  indent(maskedLog(main.stdout))
  if (main.exitCode !== 0) throw new Error(`the main step failed (exit ${main.exitCode})\n${main.stderr}`)
  indent([
    '',
    'Outputs:',
    `  token      = (${main.outputs.token.length} characters, masked in logs)`,
    `  key-id     = ${main.outputs['key-id']}`,
    `  expires-in = ${main.outputs['expires-in']}`,
    `  expires-at = ${main.outputs['expires-at']}`,
    `Saved for the post step: ${Object.keys(main.state).join(', ')} (the token only encrypted)`,
    `Wall time: ${main.wallMs.toFixed(0)} ms`
  ])
  const active = await emulator.admin('GET', `kids?channelId=${channelId}`)
  indent([`The emulator now lists ${active.length} valid key ID(s) for the channel: ${active.join(', ')}`])

  heading('4. Post step (dist/post/index.js), when the job ends')
  const post = await runBundle({ bundle: 'dist/post/index.js', inputs, state: main.state })
  indent(maskedLog(post.stdout))
  indent(['', 'Job summary:', ...post.summary.trim().split('\n').map((line) => `  ${line}`), `Wall time: ${post.wallMs.toFixed(0)} ms`])
  if (post.exitCode !== 0) throw new Error(`the post step failed (exit ${post.exitCode})\n${post.stderr}`)

  heading('5. What LINE (the emulator) saw')
  const requests = await emulator.admin('GET', 'requests')
  indent(requests.map((r) => `${r.method.padEnd(4)} ${r.path.padEnd(26)} → ${r.status}`))
  const after = await emulator.admin('GET', `kids?channelId=${channelId}`)
  indent(['', `Valid key IDs left on the channel: ${after.length === 0 ? 'none — the token was revoked and it is confirmed' : after.join(', ')}`])
  if (after.length !== 0) throw new Error('the token is still valid after the post step')
} finally {
  await emulator.stop()
}
