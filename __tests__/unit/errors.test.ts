import { describe, expect, it } from '@jest/globals'
import { InputError, LineApiError, messageOf } from '../../src/errors.js'

describe('error messages a user reads', () => {
  it('names the input that is wrong', () => {
    const error = new InputError('lifetime', 'use a number of seconds or 30m, 1h, 7d')
    expect(error.message).toBe('Input "lifetime": use a number of seconds or 30m, 1h, 7d')
    expect(error.input).toBe('lifetime')
  })

  it('shows status, LINE text, request ID, attempts and the hint', () => {
    const error = new LineApiError({
      kind: 'http',
      operation: 'issue a v2.1 token',
      status: 400,
      error: 'invalid_client',
      errorDescription: 'Invalid exp',
      requestId: 'req-1',
      attempts: 2,
      hint: 'Check the runner clock'
    })
    expect(error.message).toBe(
      'LINE API: issue a v2.1 token failed: HTTP 400: invalid_client: Invalid exp (request ID req-1, 2 attempts). Check the runner clock'
    )
    expect(error.lineText).toBe('invalid_client: Invalid exp')
  })

  it('uses the plain message shape and describes network failures', () => {
    expect(new LineApiError({ kind: 'http', operation: 'x', status: 404, lineMessage: 'nope' }).message).toBe('LINE API: x failed: HTTP 404: nope')
    expect(new LineApiError({ kind: 'network', operation: 'x', code: 'ECONNREFUSED' }).message).toBe('LINE API: x failed: network error (ECONNREFUSED)')
    expect(new LineApiError({ kind: 'network', operation: 'x' }).message).toBe('LINE API: x failed: network error')
    expect(new LineApiError({ kind: 'timeout', operation: 'x' }).message).toBe('LINE API: x failed: no answer before the timeout')
    expect(new LineApiError({ kind: 'invalid-response', operation: 'x', status: 200 }).message).toBe('LINE API: x failed: unexpected answer (HTTP 200)')
    expect(new LineApiError({ kind: 'invalid-response', operation: 'x' }).message).toBe('LINE API: x failed: unexpected answer')
  })

  it('keeps every detail when a hint is added later', () => {
    const base = new LineApiError({ kind: 'http', operation: 'revoke', status: 400, error: 'invalid_client' })
    const hinted = base.withHint('Check channel-secret')
    expect(hinted).toBeInstanceOf(LineApiError)
    expect(hinted.status).toBe(400)
    expect(hinted.message).toBe('LINE API: revoke failed: HTTP 400: invalid_client. Check channel-secret')
    expect(new LineApiError({ kind: 'http', operation: 'x', status: 400, errorDescription: 'only' }).lineText).toBe('only')
  })

  it('reads the message of anything thrown', () => {
    expect(messageOf(new Error('boom'))).toBe('boom')
    expect(messageOf('text')).toBe('text')
  })
})
