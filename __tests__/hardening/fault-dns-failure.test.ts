// Section 3, end to end over dist/main: api-base-url names a host that does not resolve.
// The step fails with a clear DNS message (retried a few times, since nothing was sent),
// in bounded time, and sets no output.
import { describe, expect, it } from '@jest/globals'
import { NETWORK_HINTS } from '../../src/http-transport.js'
import { runAction } from '../helpers/action-runner.js'
import { testKey } from '../helpers/keys.js'

describe('DNS failure of api-base-url (bundle)', () => {
  it('https://no-such-host.invalid: "Cannot resolve the host in api-base-url"', async () => {
    const key = testKey()
    const result = await runAction({
      entry: 'main',
      inputs: {
        'channel-id': '1660000001',
        'private-key': key.shapes.jwx,
        'key-id': 'c0ffee00-0000-4000-8000-000000000001',
        'channel-secret': 'aaaabbbbccccddddeeeeffff00001111',
        'api-base-url': 'https://no-such-host.invalid'
      },
      secrets: key.secretFragments
    })
    expect(result.exitCode).not.toBe(0)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(/^LINE API: issue a v2\.1 token failed: network error \((ENOTFOUND|EAI_AGAIN)\)/)
    expect(result.errors[0]).toContain(NETWORK_HINTS.dns)
    // Nothing reached LINE, so no "may have issued" warning.
    expect(result.errors[0]).not.toContain('may have issued')
    expect(result.outputs).toEqual({})
    expect(result.durationMs).toBeLessThan(30_000)
  })
})
