/** What a LINE endpoint answers, before it is written to the socket. */
export interface Answer {
  status: number
  /** Sent as application/json when present; an absent json means an empty body. */
  json?: unknown
}

/** OAuth-style error: `{"error","error_description"}`. */
export function oauthError(status: number, error: string, description: string): Answer {
  return { status, json: { error, error_description: description } }
}

/** Plain-style error: `{"message"}`. */
export function plainError(status: number, message: string): Answer {
  return { status, json: { message } }
}

export const MESSAGES = {
  unknownKey: 'Cannot find channel key that satisfies the conditions',
  tokenCap: 'The maximum number of access tokens has already been issued',
  issMismatch: 'iss and clientId of key do not match',
  invalidExp: 'Invalid exp',
  badClientCredentials: "Invalid 'client_credentials'.",
  tokenExpired: 'The access token expired',
  tokenMalformed: 'The access token malformed'
} as const
