// Section 3, end to end over dist/main: a 200 without `access_token` or without `key_id`
// (or with them empty or of the wrong type). The step fails naming the field, sets no
// `token` output at all (never a masked empty one), and never echoes the body.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { runAction } from '../helpers/action-runner.js'
import { startLineChannel, type LineChannel } from '../helpers/line-channel.js'

const TOKEN_IN_BODY = 'eyJhbGciOiJIUzI1NiJ9.orphan-token-that-must-never-be-printed-7'
const full = { access_token: TOKEN_IN_BODY, expires_in: 3600, token_type: 'Bearer', key_id: 'kid-of-orphan-token' }
const without = (name: keyof typeof full) => Object.fromEntries(Object.entries(full).filter(([key]) => key !== name))

describe('a 200 answer missing access_token or key_id (bundle)', () => {
  let line: LineChannel
  beforeAll(async () => (line = await startLineChannel()))
  afterAll(() => line.emulator.close())
  beforeEach(() => line.emulator.clearRequests())

  it.each([
    ['no access_token', without('access_token'), 'access_token', 'a non-empty string'],
    ['empty access_token', { ...full, access_token: '' }, 'access_token', 'a non-empty string'],
    ['access_token a number', { ...full, access_token: 12345 }, 'access_token', 'a non-empty string'],
    ['no key_id', without('key_id'), 'key_id', 'a non-empty string'],
    ['key_id null', { ...full, key_id: null }, 'key_id', 'a non-empty string'],
    ['no expires_in', without('expires_in'), 'expires_in', 'a number of seconds'],
    ['a JSON array', [full], undefined, undefined]
  ])('%s: a clear error and no token output', async (_name, answer, field, expected) => {
    line.emulator.addFault({ path: '/oauth2/v2.1/token', responses: [{ status: 200, body: JSON.stringify(answer) }] })
    const result = await runAction({ entry: 'main', inputs: line.inputs, secrets: [...line.secrets, TOKEN_IN_BODY] })
    expect(result.exitCode).not.toBe(0)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(/^LINE API: issue a v2\.1 token failed: unexpected answer \(HTTP 200\)/)
    expect(result.errors[0]).toContain(field ? `The answer's \`${field}\` is missing or not ${expected}` : 'The answer was JSON but not an object')
    expect(result.errors[0]).toContain("is api-base-url pointing at LINE's API?")
    expect('token' in result.outputs).toBe(false)
    expect(result.outputs).toEqual({})
    expect(result.masked).not.toContain('')
    expect(result.savedState).toEqual({})
    expect(line.emulator.requests()).toHaveLength(1)
  })
})
