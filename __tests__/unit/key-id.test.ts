import { describe, expect, it } from '@jest/globals'
import { InputError } from '../../src/errors.js'
import { loadPrivateKey, resolveKeyId, type SigningKey } from '../../src/key.js'
import { TEST_KEY_ID, testKey } from '../helpers/keys.js'

const withKid = (): SigningKey => loadPrivateKey(testKey().shapes.jwcrypto)
const withoutKid = (): SigningKey => loadPrivateKey(testKey().shapes.pkcs8)
const jwkKid = (kid: string): SigningKey => ({ ...withoutKid(), keyId: kid })

function refusal(run: () => unknown): InputError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return error as InputError
  }
  throw new Error('the key ID was accepted')
}

describe('resolveKeyId', () => {
  it('takes the explicit key-id, trimmed, over the JWK kid', () => {
    expect(resolveKeyId('  other-kid-1234 \n', withKid())).toBe('other-kid-1234')
    expect(resolveKeyId(TEST_KEY_ID, withoutKid())).toBe(TEST_KEY_ID)
  })

  it("falls back to the JWK's kid when key-id is absent or blank", () => {
    expect(resolveKeyId(undefined, withKid())).toBe(TEST_KEY_ID)
    expect(resolveKeyId('', withKid())).toBe(TEST_KEY_ID)
    expect(resolveKeyId('  ', withKid())).toBe(TEST_KEY_ID)
  })

  it('says where to find the key ID when there is none', () => {
    const error = refusal(() => resolveKeyId(undefined, withoutKid()))
    expect(error.input).toBe('key-id')
    expect(error.message).toBe(
      'Input "key-id": is required because the private key carries no "kid". Copy the key ID from the LINE Developers Console ' +
        '(your channel → Basic settings → Assertion Signing Key → kid) and pass it as key-id.'
    )
    expect(refusal(() => resolveKeyId('', withoutKid(), 'LINE_KEY_ID')).message).toMatch(/^Input "LINE_KEY_ID": is required/)
  })

  it.each([
    ['too long', 'a'.repeat(129), /The key ID is 129 characters long; a key ID has at most 128/],
    ['a line break', 'abc\ndef', /The key ID contains a line break; give only the key ID, on one line/],
    ['a carriage return', 'abc\rdef', /contains a line break/],
    ['a control character', 'abc\u0007def', /contains a control character/],
    ['a tab', 'abc\tdef', /contains a control character/],
    ['a space', 'abc def', /contains whitespace/],
    ['a no-break space', 'abc\u00a0def', /contains whitespace/],
    ['quotes', '"abc"', /contains a quote character; give the key ID without quotes/],
    ['non-ASCII', 'clé-1', /contains a character that is not printable ASCII/]
  ])('refuses an explicit key ID with %s, without echoing it', (_name, kid, expected) => {
    const error = refusal(() => resolveKeyId(kid, withoutKid()))
    expect(error.message).toMatch(expected)
    expect(error.message).toContain('Give the kid exactly as the LINE Developers Console shows it')
    expect(error.message).not.toContain(kid.trim())
  })

  it('accepts the longest allowed key ID and any printable ASCII', () => {
    expect(resolveKeyId('a'.repeat(128), withoutKid())).toHaveLength(128)
    expect(resolveKeyId('!#$%&()*+,-./:;<=>?@[\\]^_{|}~', withoutKid())).toBe('!#$%&()*+,-./:;<=>?@[\\]^_{|}~')
  })

  it("checks the JWK's kid too, and says where it came from", () => {
    const error = refusal(() => resolveKeyId(undefined, jwkKid('a b')))
    expect(error.message).toMatch(/^Input "key-id": The "kid" in the private-key JWK contains whitespace/)
    expect(resolveKeyId('good-kid', jwkKid('a b'))).toBe('good-kid')
  })
})
