/**
 * The stored record (`<channel-id>/<key-id>.json`): metadata in clear for audits, the token
 * as JWE. Both backends read and write exactly this, so they stay interchangeable.
 */
import { decryptToken, encryptToken } from './crypto.js'
import { LedgerError, type IssuingRun, type LedgerEntry } from './types.js'

export const RECORD_VERSION = 1

export interface StoredRecord {
  version: typeof RECORD_VERSION
  channelId: string
  keyId: string
  issuedAt: string
  expiresAt: string
  run?: IssuingRun
  /** JWE compact. */
  token: string
}

/**
 * IDs become path segments (a file name, a repository path), so only a conservative
 * alphabet is allowed: no separators, no `..`, no control characters, no leading dot
 * (dot files are how the file backend names its temp files).
 */
const SAFE_SEGMENT = /^[A-Za-z0-9_~-][A-Za-z0-9_.~-]{0,199}$/

export function assertSafeId(what: 'channel ID' | 'key ID', value: unknown): asserts value is string {
  if (typeof value !== 'string' || !SAFE_SEGMENT.test(value)) {
    throw new LedgerError(
      `the ${what} ${describeValue(value)} cannot name a ledger record: use only letters, digits, "-", "_", "~" and "." ` +
        `(not first), at most 200 characters`
    )
  }
}

/** Show a rejected ID safely: bounded, control characters escaped by JSON. */
function describeValue(value: unknown): string {
  if (typeof value !== 'string') return `(${typeof value})`
  const shown = value.length > 60 ? `${value.slice(0, 60)}…` : value
  return JSON.stringify(shown)
}

/** The record's path relative to the ledger root. */
export function recordPath(channelId: string, keyId: string): string {
  return `${channelId}/${keyId}.json`
}

/** The key ID a record file name stands for, or undefined for anything that is not a record. */
export function keyIdOfFileName(name: string): string | undefined {
  if (!name.endsWith('.json')) return undefined
  const keyId = name.slice(0, -'.json'.length)
  return SAFE_SEGMENT.test(keyId) ? keyId : undefined
}

/** Check an entry before anything touches the store. */
export function validateEntry(entry: LedgerEntry): void {
  assertSafeId('channel ID', entry.channelId)
  assertSafeId('key ID', entry.keyId)
  if (typeof entry.accessToken !== 'string' || entry.accessToken === '') {
    throw new LedgerError(`the token for key ID ${entry.keyId} is empty: nothing to record`)
  }
  for (const field of ['issuedAt', 'expiresAt'] as const) {
    if (!isIsoTime(entry[field])) {
      throw new LedgerError(`the ledger entry for key ID ${entry.keyId} has an invalid ${field}: expected an ISO 8601 time`)
    }
  }
}

/** Serialize an entry with its token encrypted; pretty JSON so a human can audit the store. */
export async function sealEntry(entry: LedgerEntry, channelSecret: string): Promise<string> {
  validateEntry(entry)
  const record: StoredRecord = {
    version: RECORD_VERSION,
    channelId: entry.channelId,
    keyId: entry.keyId,
    issuedAt: entry.issuedAt,
    expiresAt: entry.expiresAt,
    ...(entry.run ? { run: cleanRun(entry.run) } : {}),
    token: await encryptToken(entry.accessToken, channelSecret, entry.channelId, entry.keyId)
  }
  return `${JSON.stringify(record, null, 2)}\n`
}

export interface OpenOptions {
  channelSecret: string
  /** The channel the record was listed under. */
  channelId: string
  /** The key ID its file name stands for. */
  keyId: string
  /** Human location, for errors. */
  where: string
}

/** Parse, validate and decrypt a stored record. Any defect → LedgerError naming the file. */
export async function openRecord(text: string, options: OpenOptions): Promise<LedgerEntry> {
  const record = parseRecord(text, options)
  const accessToken = await decryptToken(record.token, options.channelSecret, {
    channelId: record.channelId,
    keyId: record.keyId,
    where: options.where,
    expiresAt: record.expiresAt
  })
  return {
    channelId: record.channelId,
    keyId: record.keyId,
    accessToken,
    issuedAt: record.issuedAt,
    expiresAt: record.expiresAt,
    ...(record.run ? { run: record.run } : {})
  }
}

export function parseRecord(text: string, options: Omit<OpenOptions, 'channelSecret'>): StoredRecord {
  const bad = (why: string) =>
    new LedgerError(`the ledger record ${options.where} is not a valid record (${why}): remove or repair it`)
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw bad('not JSON')
  }
  if (!isObject(value)) throw bad('not a JSON object')
  if (value.version !== RECORD_VERSION) throw bad(`unsupported version ${JSON.stringify(value.version) ?? 'missing'}`)
  for (const field of ['channelId', 'keyId', 'issuedAt', 'expiresAt', 'token'] as const) {
    if (typeof value[field] !== 'string' || value[field] === '') throw bad(`"${field}" is missing or not a string`)
  }
  if (value.channelId !== options.channelId || value.keyId !== options.keyId) {
    throw bad('its channel ID or key ID does not match its path')
  }
  if (!isIsoTime(value.issuedAt) || !isIsoTime(value.expiresAt)) throw bad('"issuedAt" or "expiresAt" is not an ISO 8601 time')
  if (value.run !== undefined && !isRun(value.run)) throw bad('"run" is not an object of strings')
  return value as unknown as StoredRecord
}

const RUN_FIELDS = ['repository', 'workflow', 'job', 'runId', 'runAttempt', 'url'] as const

function cleanRun(run: IssuingRun): IssuingRun {
  const out: IssuingRun = {}
  for (const field of RUN_FIELDS) {
    if (typeof run[field] === 'string') out[field] = run[field]
  }
  return out
}

function isRun(value: unknown): value is IssuingRun {
  return isObject(value) && Object.values(value).every((v) => typeof v === 'string')
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isIsoTime(value: unknown): boolean {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value))
}
