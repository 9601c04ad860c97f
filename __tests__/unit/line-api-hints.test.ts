import { describe, expect, it } from '@jest/globals'
import { LineApiError, type LineApiErrorDetails } from '../../src/errors.js'
import type { LineHttp } from '../../src/http.js'
import { createLineApi, hintFor, LINE_HINTS, OPERATION_NAMES, type LineOperation } from '../../src/line-api.js'
import { rejectionOf } from '../helpers/http-server.js'

const err = (details: Partial<LineApiErrorDetails>) => new LineApiError({ kind: 'http', operation: 'x', ...details })

describe('hint texts', () => {
  it('the 30-token cap hint names every way out', () => {
    for (const words of ['30 active v2.1 tokens', '`revoke: true`', 'the default', '`channel-secret`', 'revoke-all', '`token-type: stateless`']) {
      expect(LINE_HINTS.tokenCap).toContain(words)
    }
  })

  it('no hint holds a placeholder for data', () => {
    for (const hint of Object.values(LINE_HINTS)) expect(hint).not.toMatch(/\$\{|undefined/)
  })
})

describe('hintFor', () => {
  const cases: [LineOperation, Partial<LineApiErrorDetails>, string | undefined][] = [
    ['issueV21Token', { status: 400, lineMessage: 'The maximum number of access tokens has already been issued' }, LINE_HINTS.tokenCap],
    ['listValidKeyIds', { status: 404, lineMessage: 'Cannot find channel key that satisfies the conditions' }, LINE_HINTS.unknownKeyId],
    ['issueV21Token', { status: 404, lineMessage: 'Not found' }, undefined],
    ['verifyToken', { status: 401 }, LINE_HINTS.gateway],
    ['revokeToken', { status: 403 }, LINE_HINTS.gateway],
    ['issueStatelessToken', { status: 407 }, LINE_HINTS.proxyAuth],
    ['issueStatelessToken', { status: 429 }, undefined],
    ['issueV21Token', { status: 429 }, LINE_HINTS.throttled],
    ['issueV21Token', { status: 502 }, LINE_HINTS.maybeIssued],
    ['issueV21Token', { status: 504, hint: 'Gateway.' }, `Gateway. ${LINE_HINTS.maybeIssued}`],
    ['issueV21Token', { status: 500 }, undefined],
    ['issueV21Token', { kind: 'network', code: 'ECONNRESET' }, LINE_HINTS.maybeIssued],
    ['issueV21Token', { kind: 'network', code: 'ECONNREFUSED' }, undefined],
    ['issueV21Token', { kind: 'network', code: 'CERT_HAS_EXPIRED' }, undefined],
    ['listValidKeyIds', { kind: 'timeout' }, undefined],
    ['issueV21Token', { status: 400, error: 'invalid_client', errorDescription: 'iss and clientId of key do not match' }, LINE_HINTS.issMismatch],
    ['issueV21Token', { status: 400, error: 'invalid_client', errorDescription: 'Invalid exp' }, undefined],
    ['issueV21Token', { status: 400, error: 'invalid_request', errorDescription: 'The access token not JWS' }, LINE_HINTS.malformedAssertion],
    ['revokeToken', { status: 400, error: 'invalid_client' }, LINE_HINTS.wrongSecret],
    ['verifyToken', { status: 400, error: 'invalid_request', errorDescription: 'The access token malformed' }, LINE_HINTS.tokenInvalid]
  ]
  it.each(cases)('%s %j', (operation, details, expected) => {
    expect(hintFor(operation, err(details))).toBe(expected)
  })

  it('every operation has a name for messages', () => {
    expect(OPERATION_NAMES).toEqual({
      issueV21Token: 'issue a v2.1 token',
      issueStatelessToken: 'issue a stateless token',
      listValidKeyIds: 'list valid key IDs',
      verifyToken: 'verify a token',
      revokeToken: 'revoke a token'
    })
  })
})

describe('createLineApi with another LineHttp', () => {
  it('passes through errors that are not LineApiError untouched', async () => {
    const boom = new TypeError('bug')
    const http: LineHttp = async () => {
      throw boom
    }
    expect(await rejectionOf(createLineApi(http).listValidKeyIds('A'))).toBe(boom)
  })

  it('marks only the v2.1 issue call as not idempotent', async () => {
    const seen: { path: string; idempotent?: boolean; operation: string }[] = []
    const http: LineHttp = async (request) => {
      seen.push({ path: request.path, idempotent: request.idempotent, operation: request.operation })
      return { status: 200, headers: {}, body: '{}', json: {}, attempts: 1 }
    }
    const api = createLineApi(http)
    await rejectionOf(api.issueV21Token('A'))
    await rejectionOf(api.issueStatelessToken('A'))
    await api.revokeToken({ channelId: '1', channelSecret: 's', accessToken: 't' })
    expect(seen).toEqual([
      { path: '/oauth2/v2.1/token', idempotent: false, operation: 'issue a v2.1 token' },
      { path: '/oauth2/v3/token', idempotent: undefined, operation: 'issue a stateless token' },
      { path: '/oauth2/v2.1/revoke', idempotent: undefined, operation: 'revoke a token' }
    ])
  })
})
