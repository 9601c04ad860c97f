import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: external "node:http"
const external_node_http_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
;// CONCATENATED MODULE: external "node:https"
const external_node_https_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");
;// CONCATENATED MODULE: ./src/emulator/answers.ts
/** OAuth-style error: `{"error","error_description"}`. */
function oauthError(status, error, description) {
    return { status, json: { error, error_description: description } };
}
/** Plain-style error: `{"message"}`. */
function plainError(status, message) {
    return { status, json: { message } };
}
const MESSAGES = {
    unknownKey: 'Cannot find channel key that satisfies the conditions',
    tokenCap: 'The maximum number of access tokens has already been issued',
    issMismatch: 'iss and clientId of key do not match',
    invalidExp: 'Invalid exp',
    badClientCredentials: "Invalid 'client_credentials'.",
    tokenExpired: 'The access token expired',
    tokenMalformed: 'The access token malformed'
};

;// CONCATENATED MODULE: ./src/errors.ts
/**
 * The two error types every part of the project throws. Their messages are shown to users
 * as they are, so they must say what went wrong and what to do, and must never contain a
 * key, secret, assertion or token.
 */
/** Bad input: a value the user supplied is missing or wrong. Raised before any request. */
class InputError extends Error {
    name = 'InputError';
    /** The input (action input name, CLI flag or environment variable) that is wrong. */
    input;
    constructor(input, message) {
        super(`Input "${input}": ${message}`);
        this.input = input;
    }
}
/**
 * The one error type for LINE API calls. Its message reads
 * `LINE API: <operation> failed: HTTP 404: <LINE's text> (request ID abc). <hint>`.
 */
class LineApiError extends Error {
    name = 'LineApiError';
    kind;
    operation;
    status;
    error;
    errorDescription;
    lineMessage;
    requestId;
    serverDate;
    attempts;
    hint;
    code;
    constructor(details) {
        super(formatLineApiError(details));
        this.kind = details.kind;
        this.operation = details.operation;
        this.status = details.status;
        this.error = details.error;
        this.errorDescription = details.errorDescription;
        this.lineMessage = details.lineMessage;
        this.requestId = details.requestId;
        this.serverDate = details.serverDate;
        this.attempts = details.attempts;
        this.hint = details.hint;
        this.code = details.code;
    }
    /** LINE's own words: `error: error_description`, or `message`. */
    get lineText() {
        return lineTextOf(this);
    }
    /** A copy with guidance attached (the message is rebuilt). */
    withHint(hint) {
        return new LineApiError({ ...this.details(), hint });
    }
    details() {
        return {
            kind: this.kind,
            operation: this.operation,
            status: this.status,
            error: this.error,
            errorDescription: this.errorDescription,
            lineMessage: this.lineMessage,
            requestId: this.requestId,
            serverDate: this.serverDate,
            attempts: this.attempts,
            hint: this.hint,
            code: this.code
        };
    }
}
function lineTextOf(d) {
    if (d.error && d.errorDescription)
        return `${d.error}: ${d.errorDescription}`;
    return d.error ?? d.errorDescription ?? d.lineMessage;
}
function formatLineApiError(d) {
    const parts = [];
    switch (d.kind) {
        case 'http':
            parts.push(`HTTP ${d.status}`);
            break;
        case 'timeout':
            parts.push('no answer before the timeout');
            break;
        case 'network':
            parts.push(`network error${d.code ? ` (${d.code})` : ''}`);
            break;
        case 'invalid-response':
            parts.push(`unexpected answer${d.status ? ` (HTTP ${d.status})` : ''}`);
            break;
    }
    const text = lineTextOf(d);
    let message = `LINE API: ${d.operation} failed: ${parts.join('')}${text ? `: ${text}` : ''}`;
    const extras = [];
    if (d.requestId)
        extras.push(`request ID ${d.requestId}`);
    if (d.attempts && d.attempts > 1)
        extras.push(`${d.attempts} attempts`);
    if (extras.length)
        message += ` (${extras.join(', ')})`;
    if (d.hint)
        message += `. ${d.hint}`;
    return message;
}
/** The message of anything thrown, for places that must report without crashing. */
function messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}
/** Errors of the ledger (unreachable store, permission, wrong channel secret, corrupt record). */
class LedgerError extends (/* unused pure expression or super */ null && (Error)) {
    name = 'LedgerError';
}
/** What a step prints when it fails: our own errors as they are, anything else as a bug. */
function failureMessage(error) {
    if (error instanceof InputError || error instanceof LineApiError || error instanceof LedgerError)
        return error.message;
    // Not ours: report the message only (no stack: it can carry values), and ask for a report.
    return `Unexpected error: ${messageOf(error)}. This is a bug in the action; please report it.`;
}

;// CONCATENATED MODULE: ./src/emulator/admin.ts


/** The admin API's path prefix; never faulted, delayed or logged. */
const ADMIN_PREFIX = '/__emulator/';
const OK = { ok: true };
/** `METHOD name` → handler. Each mirrors one method of the Emulator object, JSON in and out. */
const ADMIN_ROUTES = {
    'POST channels': (c, { body }) => c.addChannel(body.channelId, body.channelSecret),
    'POST keys': (c, { body }) => ({ kid: c.registerPublicKey(body.channelId, body.publicJwk) }),
    'POST faults': (c, { body }) => (c.addFault(body), OK),
    'DELETE faults': (c) => (c.clearFaults(), OK),
    'POST clock': (c, { body }) => (c.setClockSkew(body.skewMs), OK),
    'POST latency': (c, { body }) => (c.setLatency(body.ms), OK),
    'GET requests': (c) => c.requests(),
    'DELETE requests': (c) => (c.clearRequests(), OK),
    'GET tokens': (c, { query }) => c.tokens(query.get('channelId') ?? ''),
    'GET kids': (c, { query }) => c.activeKeyIds(query.get('channelId') ?? ''),
    'POST seed': (c, { body }) => c.seedToken(body.channelId, body.lifetimeSeconds)
};
function answerAdminRequest(controls, method, path, query, bodyText) {
    const handler = ADMIN_ROUTES[`${method} ${path.slice(ADMIN_PREFIX.length)}`];
    if (!handler)
        return plainError(404, `No admin route ${method} ${path}`);
    let body;
    try {
        body = bodyText.trim() === '' ? {} : JSON.parse(bodyText);
    }
    catch {
        return plainError(400, 'The admin API takes a JSON body');
    }
    if (!body || typeof body !== 'object' || Array.isArray(body))
        return plainError(400, 'The admin API takes a JSON object');
    try {
        return { status: 200, json: handler(controls, { body: body, query }) };
    }
    catch (error) {
        return plainError(400, messageOf(error));
    }
}

;// CONCATENATED MODULE: ./src/emulator/clock.ts
/** The emulator's clock: the real clock plus an adjustable skew, so tests move time without sleeping. */
class SkewedClock {
    skewMs;
    constructor(skewMs) {
        this.skewMs = skewMs;
    }
    setSkew(ms) {
        if (!Number.isFinite(ms))
            throw new Error('clock skew must be a finite number of milliseconds');
        this.skewMs = ms;
    }
    now() {
        return Date.now() + this.skewMs;
    }
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/emulator/ids.ts

// What a v2.1 token looks like on the wire: a compact JWS (HS256 header), ~170 characters.
// The payload here is random bytes, not claims: the emulator's tokens are opaque handles.
const TOKEN_HEADER = Buffer.from('{"alg":"HS256"}').toString('base64url');
function newAccessToken() {
    return `${TOKEN_HEADER}.${(0,external_node_crypto_namespaceObject.randomBytes)(80).toString('base64url')}.${(0,external_node_crypto_namespaceObject.randomBytes)(32).toString('base64url')}`;
}
/** LINE's `key_id` of a v2.1 token: a short random base64url string. */
function newTokenKeyId() {
    return (0,external_node_crypto_namespaceObject.randomBytes)(16).toString('base64url');
}
/** The `kid` the console hands out for a registered public key: a UUID. */
function newAssertionKid() {
    return (0,external_node_crypto_namespaceObject.randomUUID)();
}
function newChannelSecret() {
    return (0,external_node_crypto_namespaceObject.randomBytes)(16).toString('hex');
}
function newRequestId() {
    return (0,external_node_crypto_namespaceObject.randomBytes)(16).toString('hex');
}

;// CONCATENATED MODULE: ./src/emulator/http-io.ts

/** LINE's bodies are a few KB at most; anything bigger is refused rather than buffered. */
const MAX_REQUEST_BODY_BYTES = 64 * 1024;
class BodyTooLargeError extends Error {
    name = 'BodyTooLargeError';
}
async function readBody(request, limit = MAX_REQUEST_BODY_BYTES) {
    const chunks = [];
    let size = 0;
    for await (const chunk of request) {
        size += chunk.length;
        if (size > limit)
            throw new BodyTooLargeError(`request body over ${limit} bytes`);
        chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
}
/** Headers every answer carries: LINE's request ID and a `Date` from the (skewed) emulator clock. */
function commonHeaders(nowMs) {
    return { 'x-line-request-id': newRequestId(), date: new Date(nowMs).toUTCString() };
}
function contentTypeFor(body) {
    if (body === '')
        return undefined;
    return body.trimStart().startsWith('<') ? 'text/html; charset=utf-8' : 'application/json';
}
/** Statuses that must not carry a body. */
function statusAllowsBody(status) {
    return !(status < 200 || status === 204 || status === 304);
}
/** Writes a complete answer. Extra headers win over the defaults (a fault may set its own content-type). */
function writeAnswer(response, status, body, headers) {
    const payload = statusAllowsBody(status) ? body : '';
    response.writeHead(status, { ...defaultHeaders(payload), ...lowerCaseKeys(headers) });
    response.end(payload);
}
function defaultHeaders(body) {
    const type = contentTypeFor(body);
    return { ...(type ? { 'content-type': type } : {}), 'content-length': String(Buffer.byteLength(body)) };
}
function lowerCaseKeys(headers) {
    return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
/**
 * Timers for latency and fault delays that `close()` can cancel at once: a cancelled wait
 * never resolves, so the request it belonged to is simply abandoned with its socket.
 */
class Waits {
    timers = new Set();
    wait(ms) {
        if (ms <= 0)
            return Promise.resolve();
        return new Promise((resolve) => {
            const timer = setTimeout(() => {
                this.timers.delete(timer);
                resolve();
            }, ms);
            this.timers.add(timer);
        });
    }
    cancelAll() {
        for (const timer of this.timers)
            clearTimeout(timer);
        this.timers.clear();
    }
}

;// CONCATENATED MODULE: ./src/emulator/fault-answer.ts


/**
 * Plays a fault that replaces the endpoint's answer. Returns the status sent, or 0 when
 * nothing was sent (dropped or left hanging; a hanging socket is destroyed by `close()`).
 */
function playFault(fault, request, response, commonHeaders) {
    if (fault.drop) {
        request.socket.destroy();
        return 0;
    }
    if (fault.hang)
        return 0;
    const status = fault.status ?? 200;
    const headers = { ...commonHeaders, ...lowerCaseKeys(fault.headers ?? {}) };
    const body = faultBody(fault, status);
    if (fault.resetMidBody) {
        // Promise the whole body, deliver half of it, then cut the connection.
        const full = body || defaultBody(status);
        const bytes = Buffer.from(full);
        response.writeHead(status, { ...defaultHeaders(full), ...headers });
        response.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => request.socket.destroy());
        return status;
    }
    writeAnswer(response, status, body, headers);
    return status;
}
function faultBody(fault, status) {
    if (fault.bodyBytes !== undefined)
        return jsonPadding(fault.bodyBytes);
    return fault.body ?? defaultBody(status);
}
/** A LINE-style plain error for the status. */
function defaultBody(status) {
    return JSON.stringify({ message: external_node_http_namespaceObject.STATUS_CODES[status] ?? `HTTP ${status}` });
}
/** Exactly `bytes` bytes that start like a LINE JSON answer (valid JSON from 14 bytes up). */
function jsonPadding(bytes) {
    const prefix = '{"message":"';
    const suffix = '"}';
    return `${prefix}${'x'.repeat(Math.max(0, bytes - prefix.length - suffix.length))}${suffix}`.slice(0, bytes);
}

;// CONCATENATED MODULE: ./src/emulator/faults.ts
/** Scripted answers per path, consumed one per request in the order they were queued. */
class FaultQueue {
    queues = new Map();
    add(rule) {
        validateRule(rule);
        const queue = this.queues.get(rule.path) ?? [];
        queue.push(...rule.responses.map((response) => ({ ...response })));
        this.queues.set(rule.path, queue);
    }
    /** The next scripted answer for this path, if any is left. */
    take(path) {
        return this.queues.get(path)?.shift();
    }
    clear() {
        this.queues.clear();
    }
}
function validateRule(rule) {
    if (!rule || typeof rule.path !== 'string' || !rule.path.startsWith('/')) {
        throw new Error('a fault rule needs a "path" starting with "/"');
    }
    if (!Array.isArray(rule.responses))
        throw new Error('a fault rule needs a "responses" array');
    rule.responses.forEach(validateResponse);
}
function validateResponse(response, index) {
    const where = `fault response ${index}`;
    if (!response || typeof response !== 'object')
        throw new Error(`${where} must be an object`);
    const { status, body, bodyBytes, headers, delayMs } = response;
    if (status !== undefined && !(Number.isInteger(status) && status >= 100 && status <= 599)) {
        throw new Error(`${where}: "status" must be an HTTP status from 100 to 599`);
    }
    if (body !== undefined && typeof body !== 'string')
        throw new Error(`${where}: "body" must be a string`);
    if (bodyBytes !== undefined && !(Number.isInteger(bodyBytes) && bodyBytes >= 0)) {
        throw new Error(`${where}: "bodyBytes" must be a whole number of bytes`);
    }
    if (delayMs !== undefined && !(Number.isFinite(delayMs) && delayMs >= 0)) {
        throw new Error(`${where}: "delayMs" must be a number of milliseconds`);
    }
    if (headers !== undefined) {
        const valid = typeof headers === 'object' && headers !== null && Object.values(headers).every((value) => typeof value === 'string');
        if (!valid)
            throw new Error(`${where}: "headers" must map names to string values`);
    }
}
/** Whether the fault replaces the endpoint's answer (rather than only delaying or decorating it). */
function replacesAnswer(fault) {
    return Boolean(fault.drop || fault.hang || fault.resetMidBody || fault.status !== undefined);
}

;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/util/errors.js
class JOSEError extends Error {
  static code = "ERR_JOSE_GENERIC";
  code = "ERR_JOSE_GENERIC";
  constructor(message, options) {
    super(message, options), this.name = this.constructor.name, Error.captureStackTrace?.(this, this.constructor);
  }
}
class JWTClaimValidationFailed extends JOSEError {
  static code = "ERR_JWT_CLAIM_VALIDATION_FAILED";
  code = "ERR_JWT_CLAIM_VALIDATION_FAILED";
  claim;
  reason;
  payload;
  constructor(message, payload, claim = "unspecified", reason = "unspecified") {
    super(message, { cause: { claim, reason, payload } }), this.claim = claim, this.reason = reason, this.payload = payload;
  }
}
class JWTExpired extends JOSEError {
  static code = "ERR_JWT_EXPIRED";
  code = "ERR_JWT_EXPIRED";
  claim;
  reason;
  payload;
  constructor(message, payload, claim = "unspecified", reason = "unspecified") {
    super(message, { cause: { claim, reason, payload } }), this.claim = claim, this.reason = reason, this.payload = payload;
  }
}
class JOSEAlgNotAllowed extends JOSEError {
  static code = "ERR_JOSE_ALG_NOT_ALLOWED";
  code = "ERR_JOSE_ALG_NOT_ALLOWED";
}
class JOSENotSupported extends JOSEError {
  static code = "ERR_JOSE_NOT_SUPPORTED";
  code = "ERR_JOSE_NOT_SUPPORTED";
}
class JWEDecryptionFailed extends JOSEError {
  static code = "ERR_JWE_DECRYPTION_FAILED";
  code = "ERR_JWE_DECRYPTION_FAILED";
  constructor(message = "decryption operation failed", options) {
    super(message, options);
  }
}
class JWEInvalid extends (/* unused pure expression or super */ null && (JOSEError)) {
  static code = (/* unused pure expression or super */ null && ("ERR_JWE_INVALID"));
  code = "ERR_JWE_INVALID";
}
class errors_JWSInvalid extends JOSEError {
  static code = "ERR_JWS_INVALID";
  code = "ERR_JWS_INVALID";
}
class JWTInvalid extends (/* unused pure expression or super */ null && (JOSEError)) {
  static code = (/* unused pure expression or super */ null && ("ERR_JWT_INVALID"));
  code = "ERR_JWT_INVALID";
}
class JWKInvalid extends (/* unused pure expression or super */ null && (JOSEError)) {
  static code = (/* unused pure expression or super */ null && ("ERR_JWK_INVALID"));
  code = "ERR_JWK_INVALID";
}
class JWKSInvalid extends (/* unused pure expression or super */ null && (JOSEError)) {
  static code = (/* unused pure expression or super */ null && ("ERR_JWKS_INVALID"));
  code = "ERR_JWKS_INVALID";
}
class JWKSNoMatchingKey extends JOSEError {
  static code = "ERR_JWKS_NO_MATCHING_KEY";
  code = "ERR_JWKS_NO_MATCHING_KEY";
  constructor(message = "no applicable key found in the JSON Web Key Set", options) {
    super(message, options);
  }
}
class JWKSMultipleMatchingKeys extends JOSEError {
  [Symbol.asyncIterator] = async function* () {
  };
  static code = "ERR_JWKS_MULTIPLE_MATCHING_KEYS";
  code = "ERR_JWKS_MULTIPLE_MATCHING_KEYS";
  constructor(message = "multiple matching keys found in the JSON Web Key Set", options) {
    super(message, options);
  }
}
class JWKSTimeout extends JOSEError {
  static code = "ERR_JWKS_TIMEOUT";
  code = "ERR_JWKS_TIMEOUT";
  constructor(message = "request timed out", options) {
    super(message, options);
  }
}
class JWSSignatureVerificationFailed extends JOSEError {
  static code = "ERR_JWS_SIGNATURE_VERIFICATION_FAILED";
  code = "ERR_JWS_SIGNATURE_VERIFICATION_FAILED";
  constructor(message = "signature verification failed", options) {
    super(message, options);
  }
}


;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/lib/buffer_utils.js
const buffer_utils_encoder = new TextEncoder(), decoder = new TextDecoder(), strictDecoder = new TextDecoder("utf-8", { fatal: !0 }), UINT32_RANGE = (/* unused pure expression or super */ null && (2 ** 32));
function concat(...buffers) {
  const size = buffers.reduce((acc, { length }) => acc + length, 0), buf = new Uint8Array(size);
  let i = 0;
  for (const buffer of buffers)
    buf.set(buffer, i), i += buffer.length;
  return buf;
}
function writeUInt32BE(buf, value, offset) {
  if (value < 0 || value >= UINT32_RANGE)
    throw new RangeError(`value must be >= 0 and <= ${UINT32_RANGE - 1}. Received ${value}`);
  buf.set([value >>> 24, value >>> 16, value >>> 8, value & 255], offset);
}
function uint64be(value) {
  const high = Math.floor(value / UINT32_RANGE), low = value % UINT32_RANGE, buf = new Uint8Array(8);
  return writeUInt32BE(buf, high, 0), writeUInt32BE(buf, low, 4), buf;
}
function uint32be(value) {
  const buf = new Uint8Array(4);
  return writeUInt32BE(buf, value), buf;
}
const NON_ASCII = /[^\x00-\x7f]/;
function encode(string) {
  if (typeof string == "string" && string.length >= 128) {
    if (NON_ASCII.test(string))
      throw new TypeError("non-ASCII string encountered in encode()");
    return buffer_utils_encoder.encode(string);
  }
  const bytes = new Uint8Array(string.length);
  for (let i = 0; i < string.length; i++) {
    const code = string.charCodeAt(i);
    if (code > 127)
      throw new TypeError("non-ASCII string encountered in encode()");
    bytes[i] = code;
  }
  return bytes;
}
function buffer_utils_encodeBase64(input, url = !1) {
  if (Uint8Array.prototype.toBase64)
    return input.toBase64({ alphabet: url ? "base64url" : "base64", omitPadding: url });
  const CHUNK_SIZE = 32768, arr = [];
  for (let i = 0; i < input.length; i += CHUNK_SIZE)
    arr.push(String.fromCharCode.apply(null, input.subarray(i, i + CHUNK_SIZE)));
  const encoded = btoa(arr.join(""));
  return url ? encoded.replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_") : encoded;
}
function decodeBase64(encoded, url = !1) {
  if (Uint8Array.fromBase64)
    return Uint8Array.fromBase64(encoded, { alphabet: url ? "base64url" : "base64" });
  if (url) {
    if (encoded.includes("+") || encoded.includes("/"))
      throw new TypeError("Invalid base64url");
    encoded = encoded.replace(/-/g, "+").replace(/_/g, "/");
  }
  const binary = atob(encoded), bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++)
    bytes[i] = binary.charCodeAt(i);
  return bytes;
}
async function digest(algorithm, data) {
  const subtleDigest = `SHA-${algorithm.slice(-3)}`;
  return new Uint8Array(await crypto.subtle.digest(subtleDigest, data));
}


;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/util/base64url.js

const invalid = "The input to be decoded is not correctly encoded.";
function decode(input) {
  try {
    return decodeBase64(typeof input == "string" ? input : decoder.decode(input), !0);
  } catch (cause) {
    throw new TypeError(invalid, { cause });
  }
}
function base64url_encode(input) {
  return encodeBase64(typeof input == "string" ? encoder.encode(input) : input, !0);
}


;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/lib/validate.js



function assertUint8Array(input, label) {
  if (!(input instanceof Uint8Array))
    throw new TypeError(`${label} must be an instance of Uint8Array`);
}
function validate_isObject(input) {
  if (typeof input != "object" || input === null || Object.prototype.toString.call(input) !== "[object Object]")
    return !1;
  const prototype = Object.getPrototypeOf(input);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}
function isJwkSet(input) {
  return validate_isObject(input) && Array.isArray(input.keys) && Array.from(input.keys).every(validate_isObject);
}
function isDisjoint(...headers) {
  const parameters = /* @__PURE__ */ new Set();
  for (const header of headers)
    if (header)
      for (const parameter of Object.keys(header)) {
        if (parameters.has(parameter))
          return !1;
        parameters.add(parameter);
      }
  return !0;
}
function assertNotSet(value, name) {
  if (value !== void 0)
    throw new TypeError(`${name} can only be called once`);
}
function decodeBase64url(value, label, ErrorClass) {
  try {
    return decode(value);
  } catch (cause) {
    throw new ErrorClass(`Failed to base64url decode the ${label}`, { cause });
  }
}
function encodeAsciiMember(value, label, ErrorClass) {
  try {
    return encode(value);
  } catch (cause) {
    throw new ErrorClass(`The ${label} is not a valid base64url string`, { cause });
  }
}
function parseJoseHeader(encodedProtectedHeader, ErrorClass, message) {
  let parsed;
  try {
    parsed = JSON.parse(strictDecoder.decode(decode(encodedProtectedHeader)));
  } catch (cause) {
    throw new ErrorClass(message, { cause });
  }
  if (!validate_isObject(parsed))
    throw new ErrorClass(message);
  return parsed;
}
const JWS_RECOGNIZED = { __proto__: null, b64: !0 }, JWE_RECOGNIZED = { __proto__: null };
function validateAlgorithms(option, algorithms) {
  if (algorithms !== void 0 && (!Array.isArray(algorithms) || algorithms.some((s) => typeof s != "string")))
    throw new TypeError(`"${option}" option must be an array of strings`);
  return algorithms === void 0 ? void 0 : new Set(algorithms);
}
function validateCritDuplicates(Err, protectedHeader) {
  const { crit } = protectedHeader ?? {};
  if (Array.isArray(crit) && new Set(crit).size !== crit.length)
    throw new Err('"crit" (Critical) Header Parameter MUST NOT contain duplicate values');
}
function validateCrit(Err, recognizedDefault, recognizedOption, protectedHeader, joseHeader) {
  if (joseHeader.crit !== void 0 && protectedHeader?.crit === void 0)
    throw new Err('"crit" (Critical) Header Parameter MUST be integrity protected');
  if (!protectedHeader || protectedHeader.crit === void 0)
    return [];
  if (!Array.isArray(protectedHeader.crit) || protectedHeader.crit.length === 0 || protectedHeader.crit.some((input) => typeof input != "string" || input.length === 0))
    throw new Err('"crit" (Critical) Header Parameter MUST be an array of non-empty strings when present');
  const recognized = recognizedOption === void 0 ? recognizedDefault : { __proto__: null, ...recognizedOption, ...recognizedDefault };
  for (const parameter of protectedHeader.crit) {
    if (!(parameter in recognized))
      throw new JOSENotSupported(`Extension Header Parameter "${parameter}" is not recognized`);
    if (!Object.hasOwn(joseHeader, parameter) || joseHeader[parameter] === void 0)
      throw new Err(`Extension Header Parameter "${parameter}" is missing`);
    if (recognized[parameter] && (!Object.hasOwn(protectedHeader, parameter) || protectedHeader[parameter] === void 0))
      throw new Err(`Extension Header Parameter "${parameter}" MUST be integrity protected`);
  }
  return protectedHeader.crit;
}
function validateB64(protectedHeader, extensions) {
  if (extensions.includes("b64")) {
    const b64 = protectedHeader.b64;
    if (typeof b64 != "boolean")
      throw new errors_JWSInvalid('The "b64" (base64url-encode payload) Header Parameter must be a boolean');
    return b64;
  }
  return !0;
}
function serializeJoseHeader(Err, header) {
  let serialized, parsed;
  try {
    serialized = JSON.stringify(header), parsed = JSON.parse(serialized);
  } catch (cause) {
    throw new Err("JOSE Header is not valid JSON", { cause });
  }
  if (!validate_isObject(parsed))
    throw new Err("JOSE Header is not a JSON object");
  return [parsed, serialized];
}


;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/util/decode_protected_header.js

function decodeProtectedHeader(token) {
  let encodedProtectedHeader;
  if (typeof token == "string") {
    const parts = token.split(".");
    (parts.length === 3 || parts.length === 5) && ([encodedProtectedHeader] = parts);
  } else if (typeof token == "object" && token)
    if ("protected" in token)
      encodedProtectedHeader = token.protected;
    else
      throw new TypeError("Token does not contain a Protected Header");
  const invalid = "Invalid Token or Protected Header formatting";
  if (typeof encodedProtectedHeader != "string" || !encodedProtectedHeader)
    throw new TypeError(invalid);
  return parseJoseHeader(encodedProtectedHeader, TypeError, invalid);
}


;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/lib/key_descriptor.js
function table(entries) {
  const out = { __proto__: null };
  for (const alg in entries)
    out[alg] = { ...entries[alg], alg };
  return out;
}


;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/lib/jws_algorithms.js


const sig = [["verify"], ["sign"]];
function hmac(bits) {
  const subtle = { name: "HMAC", hash: `SHA-${bits}` };
  return { kty: ["oct"], secret: !0, subtle, signing: subtle, usages: sig };
}
function rsa(bits, saltLength) {
  const subtle = { name: saltLength ? "RSA-PSS" : "RSASSA-PKCS1-v1_5", hash: `SHA-${bits}` };
  return {
    kty: ["RSA"],
    subtle,
    signing: saltLength ? { ...subtle, saltLength } : subtle,
    usages: sig,
    minRsaBits: 2048
  };
}
function ecdsa(crv, bits) {
  return {
    kty: ["EC"],
    crv,
    subtle: { name: "ECDSA", namedCurve: crv },
    signing: { name: "ECDSA", hash: `SHA-${bits}` },
    usages: sig
  };
}
function eddsa() {
  const subtle = { name: "Ed25519" };
  return {
    kty: ["OKP"],
    crv: "Ed25519",
    subtle,
    signing: subtle,
    usages: sig
  };
}
function mldsa(parameterSet) {
  const subtle = { name: `ML-DSA-${parameterSet}` };
  return {
    kty: ["AKP"],
    subtle,
    signing: subtle,
    usages: sig
  };
}
const JWS = table({
  HS256: hmac(256),
  HS384: hmac(384),
  HS512: hmac(512),
  RS256: rsa(256),
  RS384: rsa(384),
  RS512: rsa(512),
  PS256: rsa(256, 32),
  PS384: rsa(384, 48),
  PS512: rsa(512, 64),
  ES256: ecdsa("P-256", 256),
  ES384: ecdsa("P-384", 384),
  ES512: ecdsa("P-521", 512),
  EdDSA: eddsa(),
  Ed25519: eddsa(),
  "ML-DSA-44": mldsa(44),
  "ML-DSA-65": mldsa(65),
  "ML-DSA-87": mldsa(87)
});
function jwsAlgorithm(alg) {
  const entry = typeof alg == "string" ? JWS[alg] : void 0;
  if (!entry)
    throw new JOSENotSupported(`alg ${alg} is not supported either by JOSE or your javascript runtime`);
  return entry;
}


;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/lib/key.js



const tag = (key) => key[Symbol.toStringTag], jwkMatchesOp = (entry, key, usage) => {
  const { alg } = entry;
  if (key.use !== void 0) {
    const expected = usage === "sign" || usage === "verify" ? "sig" : "enc";
    if (key.use !== expected)
      throw new TypeError(`Invalid key for this operation, its "use" must be "${expected}" when present`);
  }
  if (key.alg !== void 0 && key.alg !== alg)
    throw new TypeError(`Invalid key for this operation, its "alg" must be "${alg}" when present`);
  if (Array.isArray(key.key_ops)) {
    const expectedKeyOp = usage === "encrypt" || usage === "decrypt" ? entry.ops?.[usage === "encrypt" ? 0 : 1] : usage;
    if (expectedKeyOp && !key.key_ops.includes(expectedKeyOp))
      throw new TypeError(`Invalid key for this operation, its "key_ops" must include "${expectedKeyOp}" when present`);
  }
};
async function prepareKey(entry, key, usage) {
  const { alg, secret } = entry, requiresPrivateKey = usage === "decrypt" || usage === "sign";
  if (secret && key instanceof Uint8Array)
    return key;
  let normalized, keyObject;
  if (validate_isObject(key)) {
    if (normalized = normalizeJwk(key), typeof normalized.kty != "string")
      throw invalidKeyType(alg, key, secret);
    if (!(secret ? normalized.kty === "oct" && typeof normalized.k == "string" : normalized.kty !== "oct" && (requiresPrivateKey ? normalized.kty === "AKP" && typeof normalized.priv == "string" || typeof normalized.d == "string" : normalized.d === void 0 && normalized.priv === void 0)))
      throw new TypeError(secret ? 'JSON Web Key for symmetric algorithms must have JWK "kty" (Key Type) equal to "oct" and the JWK "k" (Key Value) present' : `JSON Web Key for this operation must be a ${requiresPrivateKey ? "private" : "public"} JWK`);
    if (jwkMatchesOp(entry, normalized, usage), normalized.kty === "oct")
      return decode(normalized.k);
    if (!Object.isFrozen(key)) {
      const { key_ops } = key;
      Array.isArray(key_ops) && Object.freeze(key_ops), Object.freeze(key);
    }
  } else {
    if (!isKeyLike(key))
      throw invalidKeyType(alg, key, secret);
    const expectedType = secret ? "secret" : requiresPrivateKey ? "private" : "public";
    if (key.type !== expectedType && (secret || ["secret", "public", "private"].includes(key.type)))
      throw new TypeError(`${tag(key)} instances must be of type "${expectedType}" for the ${alg} algorithm`);
    if (isCryptoKey(key))
      return key;
    if (keyObject = key, keyObject.type === "secret")
      return keyObject.export();
  }
  cache ||= /* @__PURE__ */ new WeakMap();
  const cacheKey = key;
  let cached = cache.get(cacheKey);
  if (cached?.[alg])
    return cached[alg];
  if (cached || cache.set(cacheKey, cached = {}), keyObject && typeof keyObject.toCryptoKey == "function") {
    const isPublic = keyObject.type === "public", crv = nist[keyObject.asymmetricKeyDetails?.namedCurve], params = entry.resolve?.({ crv, asymmetricKeyType: keyObject.asymmetricKeyType }) ?? entry.subtle;
    return cached[alg] = keyObject.toCryptoKey(params, isPublic, entry.usages[isPublic ? 0 : 1]);
  }
  return normalized ??= keyObject.export({ format: "jwk" }), normalized.alg = alg, cached[alg] = await jwkToKey(entry, normalized);
}
let cache;
const nist = {
  __proto__: null,
  prime256v1: "P-256",
  secp384r1: "P-384",
  secp521r1: "P-521"
};
function assertCryptoKey(key) {
  if (!isCryptoKey(key))
    throw new Error("CryptoKey instance expected");
}
const isCryptoKey = (key) => {
  if (key?.[Symbol.toStringTag] === "CryptoKey")
    return !0;
  try {
    return key instanceof CryptoKey;
  } catch {
    return !1;
  }
}, isKeyObject = (key) => key?.[Symbol.toStringTag] === "KeyObject", isKeyLike = (key) => isCryptoKey(key) || isKeyObject(key);
function message(msg, actual, ...types) {
  if (types.length > 2) {
    const last = types.pop();
    msg += `one of type ${types.join(", ")}, or ${last}.`;
  } else types.length === 2 ? msg += `one of type ${types[0]} or ${types[1]}.` : msg += `of type ${types[0]}.`;
  return actual == null ? msg += ` Received ${actual}` : typeof actual == "function" && actual.name ? msg += ` Received function ${actual.name}` : typeof actual == "object" && actual != null && actual.constructor?.name && (msg += ` Received an instance of ${actual.constructor.name}`), msg;
}
const invalidKeyInput = (actual, ...types) => message("Key must be ", actual, ...types);
function invalidKeyType(alg, actual, secret) {
  const types = ["CryptoKey", "KeyObject", "JSON Web Key"];
  return secret && types.push("Uint8Array"), new TypeError(message(`Key for the ${alg} algorithm must be `, actual, ...types));
}
const unusable = (name, prop = "algorithm.name") => new TypeError(`CryptoKey does not support this operation, its ${prop} must be ${name}`);
function checkUsage(key, usage) {
  if (usage && !key.usages.includes(usage))
    throw new TypeError(`CryptoKey does not support this operation, its usages must include ${usage}.`);
}
function checkModulusLength(alg, key) {
  const { modulusLength } = key.algorithm;
  if (typeof modulusLength != "number" || modulusLength < 2048)
    throw new TypeError(`${alg} requires key modulusLength to be 2048 bits or larger`);
}
function checkCryptoKey(key, expected, usage) {
  const algorithm = key.algorithm;
  if (algorithm.name !== expected.name)
    throw unusable(expected.name);
  if (expected.hash && algorithm.hash?.name !== expected.hash)
    throw unusable(expected.hash, "algorithm.hash");
  if (expected.namedCurve && algorithm.namedCurve !== expected.namedCurve)
    throw unusable(expected.namedCurve, "algorithm.namedCurve");
  if (expected.length !== void 0 && algorithm.length !== expected.length)
    throw unusable(expected.length, "algorithm.length");
  checkUsage(key, usage);
}
function snapshotJwk(jwk) {
  return { __proto__: null, ...jwk };
}
function normalizeJwk(jwk) {
  const normalized = snapshotJwk(jwk);
  if (normalized.ext !== void 0 && typeof normalized.ext != "boolean")
    throw new TypeError('"ext" (Extractable) Parameter must be a boolean');
  if (normalized.key_ops !== void 0) {
    const value = normalized.key_ops, keyOps = Array.isArray(value) ? [...value] : void 0;
    if (!keyOps || keyOps.some((operation) => typeof operation != "string") || new Set(keyOps).size !== keyOps.length)
      throw new TypeError('"key_ops" (Key Operations) Parameter must be an array of unique strings');
    normalized.key_ops = keyOps;
  }
  return normalized;
}
function validateExtractableOption(extractable) {
  if (extractable !== void 0 && typeof extractable != "boolean")
    throw new TypeError('"extractable" option must be a boolean');
  return extractable;
}
async function jwkToKey(entry, jwk, extractable) {
  if (!entry.kty.includes(jwk.kty))
    throw new JOSENotSupported('Invalid or unsupported JWK "alg" (Algorithm) Parameter value');
  const algorithm = entry.resolve?.({ kty: jwk.kty, crv: jwk.crv }) ?? entry.subtle, isPrivate = !!(jwk.d || jwk.priv), keyData = { ...jwk, ext: extractable ?? jwk.ext };
  return keyData.kty !== "AKP" && delete keyData.alg, delete keyData.use, crypto.subtle.importKey("jwk", keyData, algorithm, keyData.ext ?? !isPrivate, jwk.key_ops ?? entry.usages[isPrivate ? 1 : 0]);
}
async function rawKey(key, expected, usage, extractable = !1) {
  return key instanceof Uint8Array && (key = await crypto.subtle.importKey("raw", key, expected, extractable, [usage])), checkCryptoKey(key, expected, usage), key;
}


;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/lib/jws_verify.js





function snapshotJws(jws, sharedPayload) {
  const encodedProtectedHeader = jws.protected, inputHeader = jws.header, header = isObject(inputHeader) ? { ...inputHeader } : inputHeader;
  let payload = sharedPayload ? sharedPayload[0] : jws.payload;
  !sharedPayload && payload instanceof Uint8Array && (payload = new Uint8Array(payload));
  const signature = jws.signature, snapshot = { payload, signature };
  if (encodedProtectedHeader !== void 0 && (snapshot.protected = encodedProtectedHeader), inputHeader !== void 0 && (snapshot.header = header), encodedProtectedHeader === void 0 && header === void 0)
    throw new JWSInvalid('Flattened JWS must have either of the "protected" or "header" members');
  if (encodedProtectedHeader !== void 0 && typeof encodedProtectedHeader != "string")
    throw new JWSInvalid("JWS Protected Header incorrect type");
  if (payload === void 0)
    throw new JWSInvalid("JWS Payload missing");
  if (typeof signature != "string")
    throw new JWSInvalid("JWS Signature missing or incorrect type");
  if (header !== void 0 && !isObject(header))
    throw new JWSInvalid("JWS Unprotected Header incorrect type");
  return snapshot;
}
function prepareVerify(options) {
  return [options && validateAlgorithms("algorithms", options.algorithms), options?.crit];
}
function parseProtectedHeader(encodedProtectedHeader) {
  return encodedProtectedHeader === void 0 ? {} : parseJoseHeader(encodedProtectedHeader, errors_JWSInvalid, "JWS Protected Header is invalid");
}
function encodeJsonUnencodedPayload(payload) {
  const invalid = /[\p{Cs}\p{Cn}]/u.exec(payload)?.[0];
  if (invalid !== void 0)
    throw new JWSInvalid(/\p{Cs}/u.test(invalid) ? "JWS Payload must be a well-formed Unicode string" : "JWS Payload must not contain unassigned Unicode code points");
  return encoder.encode(payload);
}
function encodeCompactUnencodedPayload(payload) {
  try {
    return encode(payload);
  } catch (cause) {
    throw new errors_JWSInvalid("JWS Compact Serialization payload must use only ASCII characters", {
      cause
    });
  }
}
async function verifySignature(jws, shared, key, encodeUnencodedPayload, parsedProtected) {
  const { protected: encodedProtectedHeader, header, payload: inputPayload } = jws, protectedHeader = parsedProtected ?? parseProtectedHeader(encodedProtectedHeader);
  if (!isDisjoint(protectedHeader, header))
    throw new errors_JWSInvalid("JWS Protected and JWS Unprotected Header Parameter names must be disjoint");
  const joseHeader = { ...protectedHeader, ...header }, b64 = validateB64(protectedHeader, validateCrit(errors_JWSInvalid, JWS_RECOGNIZED, shared[1], protectedHeader, joseHeader)), { alg } = joseHeader;
  if (typeof alg != "string" || !alg)
    throw new errors_JWSInvalid('JWS "alg" (Algorithm) Header Parameter missing or invalid');
  if (shared[0] && !shared[0].has(alg))
    throw new JOSEAlgNotAllowed('"alg" (Algorithm) Header Parameter value not allowed');
  if (b64) {
    if (typeof inputPayload != "string")
      throw new errors_JWSInvalid("JWS Payload must be a string");
  } else if (typeof inputPayload != "string" && !(inputPayload instanceof Uint8Array))
    throw new errors_JWSInvalid("JWS Payload must be a string or an Uint8Array instance");
  const signingPayload = b64 || typeof inputPayload != "string" ? inputPayload : encodeUnencodedPayload(inputPayload);
  let resolvedKey = !1;
  typeof key == "function" && (key = await key(protectedHeader, jws), resolvedKey = !0);
  const entry = jwsAlgorithm(alg), signingInput = concat(encodedProtectedHeader !== void 0 ? encode(encodedProtectedHeader) : new Uint8Array(), encode("."), typeof signingPayload == "string" ? shared[2] ??= encodeAsciiMember(signingPayload, "payload", errors_JWSInvalid) : signingPayload), signature = decodeBase64url(jws.signature, "signature", errors_JWSInvalid), verificationKey = await prepareKey(entry, key, "verify"), cryptoKey = await rawKey(verificationKey, entry.subtle, "verify");
  entry.minRsaBits && checkModulusLength(entry.alg, cryptoKey);
  let verified = !1;
  try {
    verified = await crypto.subtle.verify(entry.signing, cryptoKey, signature, signingInput);
  } catch (cause) {
    throw new JWSSignatureVerificationFailed(void 0, { cause });
  }
  if (!verified)
    throw new JWSSignatureVerificationFailed();
  const result = { payload: typeof signingPayload == "string" ? decodeBase64url(signingPayload, "payload", errors_JWSInvalid) : signingPayload };
  return encodedProtectedHeader !== void 0 && (result.protectedHeader = protectedHeader), header !== void 0 && (result.unprotectedHeader = header), resolvedKey ? [{ ...result, key: verificationKey }, b64] : [result, b64];
}
async function verifyCompact(jws, shared, key) {
  if (jws instanceof Uint8Array && (jws = decoder.decode(jws)), typeof jws != "string")
    throw new errors_JWSInvalid("Compact JWS must be a string or Uint8Array");
  const { 0: protectedHeader, 1: payload, 2: signature, length } = jws.split(".");
  if (length !== 3)
    throw new errors_JWSInvalid("Invalid Compact JWS");
  return verifySignature({ payload, protected: protectedHeader, signature }, shared, key, encodeCompactUnencodedPayload);
}


;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/jws/compact/verify.js

async function compactVerify(jws, key, options) {
  const [result] = await verifyCompact(jws, prepareVerify(options), key);
  return result;
}


;// CONCATENATED MODULE: ./src/emulator/assertion-check.ts


const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const ASSERTION_AUDIENCE = 'https://api.line.me/';
/** `exp` may be at most this far after now. */
const MAX_EXP_AHEAD_SECONDS = 30 * 60;
const refuse = (answer) => ({ ok: false, answer });
/**
 * Checks a client assertion the way LINE does: the key named by `kid` must be registered,
 * the RS256 signature must verify against it, and iss/sub/aud/exp must hold on the
 * emulator's clock. Reads `client_assertion_type` and `client_assertion` from the form or
 * query. `token_exp` is the caller's business (only the v2.1 issue reads it).
 */
async function checkAssertion(state, nowMs, params) {
    if (params.get('client_assertion_type') !== CLIENT_ASSERTION_TYPE) {
        return refuse(oauthError(400, 'invalid_request', `client_assertion_type must be ${CLIENT_ASSERTION_TYPE}`));
    }
    const assertion = params.get('client_assertion');
    if (!assertion)
        return refuse(oauthError(400, 'invalid_request', "'client_assertion' is required"));
    let header;
    try {
        header = decodeProtectedHeader(assertion);
    }
    catch {
        return refuse(oauthError(400, 'invalid_request', 'The client_assertion is not a JWS'));
    }
    if (header.alg !== 'RS256')
        return refuse(oauthError(400, 'invalid_client', 'Invalid alg: use RS256'));
    if (header.typ !== 'JWT')
        return refuse(oauthError(400, 'invalid_client', 'Invalid typ: use JWT'));
    const key = typeof header.kid === 'string' ? state.key(header.kid) : undefined;
    if (!key)
        return refuse(plainError(404, MESSAGES.unknownKey));
    let payload;
    try {
        payload = (await compactVerify(assertion, key.publicKey, { algorithms: ['RS256'] })).payload;
    }
    catch {
        return refuse(oauthError(400, 'invalid_client', 'Invalid signature'));
    }
    const claims = parseClaims(payload);
    if (!claims)
        return refuse(oauthError(400, 'invalid_request', 'The client_assertion payload is not a JSON object'));
    if (claims.iss !== key.channelId || claims.sub !== key.channelId) {
        return refuse(oauthError(400, 'invalid_client', MESSAGES.issMismatch));
    }
    if (claims.aud !== ASSERTION_AUDIENCE)
        return refuse(oauthError(400, 'invalid_client', 'Invalid aud'));
    const nowSeconds = Math.floor(nowMs / 1000);
    const exp = claims.exp;
    if (typeof exp !== 'number' || !(exp > nowSeconds && exp <= nowSeconds + MAX_EXP_AHEAD_SECONDS)) {
        return refuse(oauthError(400, 'invalid_client', MESSAGES.invalidExp));
    }
    return { ok: true, assertion: { channelId: key.channelId, claims } };
}
function parseClaims(payload) {
    try {
        const value = JSON.parse(Buffer.from(payload).toString('utf8'));
        return value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/emulator/state.ts


/** LINE's documented limits. */
const MAX_ACTIVE_V21_TOKENS = 30;
const MAX_V21_LIFETIME_SECONDS = 2_592_000;
const STATELESS_LIFETIME_SECONDS = 900;
/** Thrown when a channel already holds the maximum number of active v2.1 tokens. */
class TokenCapError extends Error {
    name = 'TokenCapError';
}
/** Channels, their registered assertion keys, and every token issued. No I/O. */
class EmulatorState {
    now;
    channels = new Map();
    keys = new Map();
    issued = new Map();
    constructor(now) {
        this.now = now;
    }
    addChannel(channelId, channelSecret) {
        if (typeof channelId !== 'string' || !/^\d+$/.test(channelId)) {
            throw new Error('channelId must be a string of digits, like the IDs LINE gives channels');
        }
        if (channelSecret !== undefined && (typeof channelSecret !== 'string' || channelSecret === '')) {
            throw new Error('channelSecret must be a non-empty string when given');
        }
        const existing = this.channels.get(channelId);
        if (existing)
            return { ...existing };
        const channel = { channelId, channelSecret: channelSecret ?? newChannelSecret() };
        this.channels.set(channelId, channel);
        return { ...channel };
    }
    channel(channelId) {
        return this.channels.get(channelId);
    }
    /** Registers the public half of an assertion signing key, as the LINE Developers Console does. */
    registerPublicKey(channelId, publicJwk) {
        this.addChannel(channelId);
        const publicKey = importRegistrablePublicJwk(publicJwk);
        const kid = newAssertionKid();
        this.keys.set(kid, { channelId, publicKey });
        return kid;
    }
    key(kid) {
        return this.keys.get(kid);
    }
    /** LINE refuses (never evicts) a v2.1 token beyond the cap; expired and revoked ones do not count. */
    isFull(channelId) {
        return this.activeKeyIds(channelId).length >= MAX_ACTIVE_V21_TOKENS;
    }
    /** Issues a v2.1 token; throws TokenCapError when the channel is full. */
    issueV21(channelId, lifetimeSeconds) {
        if (this.isFull(channelId))
            throw new TokenCapError('The maximum number of access tokens has already been issued');
        return this.record(channelId, 'v2.1', lifetimeSeconds);
    }
    issueStateless(channelId) {
        return this.record(channelId, 'stateless', STATELESS_LIFETIME_SECONDS);
    }
    /** The token if it is known and still valid. */
    activeToken(accessToken) {
        const token = this.issued.get(accessToken);
        return token && this.isActive(token) ? token : undefined;
    }
    /** Revokes a v2.1 token of this channel; unknown tokens and other channels' tokens are ignored, as LINE does. */
    revoke(channelId, accessToken) {
        const token = this.issued.get(accessToken);
        if (token && token.channelId === channelId && token.tokenType === 'v2.1')
            token.revoked = true;
    }
    activeKeyIds(channelId) {
        return this.records(channelId)
            .filter((token) => token.tokenType === 'v2.1' && this.isActive(token))
            .map((token) => token.keyId);
    }
    tokens(channelId) {
        return this.records(channelId).map(({ accessToken: _secret, ...info }) => info);
    }
    records(channelId) {
        return [...this.issued.values()].filter((token) => token.channelId === channelId);
    }
    isActive(token) {
        return !token.revoked && token.expiresAt > this.now();
    }
    record(channelId, tokenType, lifetimeSeconds) {
        const issuedAt = this.now();
        const token = {
            accessToken: newAccessToken(),
            channelId,
            keyId: tokenType === 'v2.1' ? newTokenKeyId() : '',
            tokenType,
            issuedAt,
            expiresAt: issuedAt + lifetimeSeconds * 1000,
            revoked: false
        };
        this.issued.set(token.accessToken, token);
        return token;
    }
}
/**
 * Accepts what the console accepts: an RSA public JWK of 2048 bits with `alg` RS256 and
 * either `use: "sig"` or `key_ops: ["verify"]` (a `kid` is ignored: the console assigns one).
 */
function importRegistrablePublicJwk(jwk) {
    if (!jwk || typeof jwk !== 'object')
        throw new Error('publicJwk must be a JWK object');
    if (jwk.kty !== 'RSA' || typeof jwk.n !== 'string' || typeof jwk.e !== 'string') {
        throw new Error('publicJwk must be an RSA key with "kty":"RSA", "n" and "e"');
    }
    if ('d' in jwk)
        throw new Error('publicJwk holds a private key; register only the public half');
    if (jwk.alg !== 'RS256')
        throw new Error('publicJwk must have "alg":"RS256"');
    const forSigning = jwk.use === 'sig' || (jwk.key_ops?.length === 1 && jwk.key_ops[0] === 'verify');
    if (!forSigning)
        throw new Error('publicJwk must have "use":"sig" or "key_ops":["verify"]');
    const publicKey = (0,external_node_crypto_namespaceObject.createPublicKey)({ key: { kty: 'RSA', n: jwk.n, e: jwk.e }, format: 'jwk' });
    const bits = publicKey.asymmetricKeyDetails?.modulusLength;
    if (bits !== 2048)
        throw new Error(`publicJwk is a ${bits}-bit RSA key; LINE requires 2048 bits`);
    return publicKey;
}

;// CONCATENATED MODULE: ./src/emulator/line-routes.ts



/** The five endpoints of LINE-API.md. */
const LINE_ROUTES = {
    '/oauth2/v2.1/token': { method: 'POST', handle: withForm(issueV21) },
    '/oauth2/v2.1/tokens/kid': { method: 'GET', handle: listKeyIds },
    '/oauth2/v2.1/verify': { method: 'GET', handle: verify },
    '/oauth2/v2.1/revoke': { method: 'POST', handle: withForm(revoke) },
    '/oauth2/v3/token': { method: 'POST', handle: withForm(issueStateless) }
};
function isLinePath(path) {
    return Object.hasOwn(LINE_ROUTES, path);
}
async function answerLineRequest(request, state, now) {
    const route = isLinePath(request.path) ? LINE_ROUTES[request.path] : undefined;
    if (!route)
        return plainError(404, 'Not found');
    if (request.method !== route.method)
        return plainError(405, 'Method not allowed');
    return route.handle(request, { state, now });
}
/** POST endpoints take application/x-www-form-urlencoded only; say so instead of failing obscurely. */
function withForm(handle) {
    return (request, context) => request.form
        ? handle(request.form, context)
        : oauthError(400, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded');
}
function grantTypeError(form) {
    const grantType = form.get('grant_type');
    if (!grantType)
        return oauthError(400, 'invalid_request', "'grant_type' is required");
    if (grantType !== 'client_credentials')
        return oauthError(400, 'unsupported_grant_type', 'Unsupported grant type');
    return undefined;
}
async function issueV21(form, { state, now }) {
    const badGrant = grantTypeError(form);
    if (badGrant)
        return badGrant;
    const checked = await checkAssertion(state, now, form);
    if (!checked.ok)
        return checked.answer;
    const lifetime = checked.assertion.claims.token_exp;
    if (!Number.isInteger(lifetime) || lifetime <= 0 || lifetime > MAX_V21_LIFETIME_SECONDS) {
        return oauthError(400, 'invalid_request', 'Invalid token_exp');
    }
    if (state.isFull(checked.assertion.channelId))
        return plainError(400, MESSAGES.tokenCap);
    const token = state.issueV21(checked.assertion.channelId, lifetime);
    return {
        status: 200,
        json: { access_token: token.accessToken, expires_in: lifetime, token_type: 'Bearer', key_id: token.keyId }
    };
}
async function listKeyIds(request, { state, now }) {
    const checked = await checkAssertion(state, now, request.query);
    if (!checked.ok)
        return checked.answer;
    return { status: 200, json: { kids: state.activeKeyIds(checked.assertion.channelId) } };
}
function verify(request, { state, now }) {
    const accessToken = request.query.get('access_token');
    if (!accessToken)
        return oauthError(400, 'invalid_request', "'access_token' is required");
    const token = state.activeToken(accessToken);
    if (!token) {
        // A string that does not even look like a token is "malformed"; a well-formed unknown,
        // revoked or expired one is "expired", which is what LINE says for both.
        const looksLikeToken = /^[\w-]+\.[\w-]+\.[\w-]+$/.test(accessToken);
        return oauthError(400, 'invalid_request', looksLikeToken ? MESSAGES.tokenExpired : MESSAGES.tokenMalformed);
    }
    return {
        status: 200,
        json: { scope: 'profile chat_message.write', client_id: token.channelId, expires_in: Math.floor((token.expiresAt - now) / 1000) }
    };
}
function revoke(form, { state }) {
    for (const name of ['client_id', 'client_secret', 'access_token']) {
        if (!form.get(name))
            return oauthError(400, 'invalid_request', `'${name}' is required`);
    }
    const channel = state.channel(form.get('client_id'));
    if (!channel || channel.channelSecret !== form.get('client_secret')) {
        return oauthError(400, 'invalid_client', MESSAGES.badClientCredentials);
    }
    state.revoke(channel.channelId, form.get('access_token'));
    return { status: 200 };
}
async function issueStateless(form, { state, now }) {
    const badGrant = grantTypeError(form);
    if (badGrant)
        return badGrant;
    let channelId;
    if (form.has('client_assertion') || form.has('client_assertion_type')) {
        const checked = await checkAssertion(state, now, form);
        if (!checked.ok)
            return checked.answer;
        channelId = checked.assertion.channelId;
    }
    else {
        const channel = state.channel(form.get('client_id') ?? '');
        if (!channel || channel.channelSecret !== form.get('client_secret')) {
            return oauthError(400, 'invalid_client', MESSAGES.badClientCredentials);
        }
        channelId = channel.channelId;
    }
    const token = state.issueStateless(channelId);
    return { status: 200, json: { token_type: 'Bearer', access_token: token.accessToken, expires_in: STATELESS_LIFETIME_SECONDS } };
}

;// CONCATENATED MODULE: ./src/emulator/server.ts










const FORM_TYPE = 'application/x-www-form-urlencoded';
async function startEmulator(options = {}) {
    const clock = new SkewedClock(options.clockSkewMs ?? 0);
    const state = new EmulatorState(() => clock.now());
    const faults = new FaultQueue();
    const waits = new Waits();
    const log = [];
    let latencyMs = checkedLatency(options.latencyMs ?? 0);
    const controls = {
        addChannel: (channelId, channelSecret) => state.addChannel(channelId, channelSecret),
        registerPublicKey: (channelId, publicJwk) => state.registerPublicKey(channelId, publicJwk),
        addFault: (rule) => faults.add(rule),
        clearFaults: () => faults.clear(),
        setClockSkew: (ms) => clock.setSkew(ms),
        setLatency: (ms) => {
            latencyMs = checkedLatency(ms);
        },
        requests: () => log.map((entry) => ({ ...entry })),
        clearRequests: () => {
            log.length = 0;
        },
        tokens: (channelId) => state.tokens(channelId),
        activeKeyIds: (channelId) => state.activeKeyIds(channelId),
        seedToken: (channelId, lifetimeSeconds) => {
            if (!(Number.isInteger(lifetimeSeconds) && lifetimeSeconds > 0)) {
                throw new Error('lifetimeSeconds must be a whole number of seconds above 0');
            }
            state.addChannel(channelId);
            const token = state.issueV21(channelId, lifetimeSeconds);
            return { accessToken: token.accessToken, keyId: token.keyId };
        }
    };
    async function handle(request, response) {
        // A server-side IncomingMessage always has a url and a method.
        const url = new URL(request.url, 'http://emulator');
        const method = request.method;
        let bodyText;
        try {
            bodyText = await readBody(request);
        }
        catch (error) {
            if (!(error instanceof BodyTooLargeError))
                throw error;
            response.setHeader('connection', 'close');
            send(response, plainError(413, 'Request body too large'), {});
            return;
        }
        if (url.pathname.startsWith(ADMIN_PREFIX)) {
            send(response, answerAdminRequest(controls, method, url.pathname, url.searchParams, bodyText), {});
            return;
        }
        await waits.wait(latencyMs);
        const fault = faults.take(url.pathname);
        const record = (status) => log.push({ method, path: url.pathname, status, at: clock.now(), injected: fault !== undefined });
        if (fault) {
            await waits.wait(fault.delayMs ?? 0);
            if (replacesAnswer(fault)) {
                record(playFault(fault, request, response, commonHeaders(clock.now())));
                return;
            }
        }
        const isForm = (request.headers['content-type'] ?? '').toLowerCase().startsWith(FORM_TYPE);
        const answer = await answerLineRequest({ method, path: url.pathname, query: url.searchParams, form: isForm ? new URLSearchParams(bodyText) : undefined }, state, clock.now());
        send(response, answer, lowerCaseKeys(fault?.headers ?? {}));
        record(answer.status);
    }
    function send(response, answer, extraHeaders) {
        const body = answer.json === undefined ? '' : JSON.stringify(answer.json);
        writeAnswer(response, answer.status, body, { ...commonHeaders(clock.now()), 'cache-control': 'no-store', ...extraHeaders });
    }
    const handler = (request, response) => {
        handle(request, response).catch(() => {
            // A client that aborts its upload lands here; so would a bug. Answer like a broken server, never crash.
            if (!response.headersSent)
                send(response, plainError(500, 'Internal server error'), {});
        });
    };
    const server = options.tls ? (0,external_node_https_namespaceObject.createServer)(options.tls, handler) : (0,external_node_http_namespaceObject.createServer)(handler);
    // Track raw sockets so close() can destroy hanging and keep-alive connections at once.
    const sockets = new Set();
    server.on('connection', (socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
    });
    const host = options.host ?? '127.0.0.1';
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port ?? 0, host, () => {
            server.off('error', reject);
            resolve();
        });
    });
    const { port } = server.address();
    return {
        url: `${options.tls ? 'https' : 'http'}://${host}:${port}`,
        port,
        ...controls,
        close: () => new Promise((resolve) => {
            waits.cancelAll();
            server.close(() => resolve());
            for (const socket of sockets)
                socket.destroy();
        })
    };
}
function checkedLatency(ms) {
    if (!(Number.isFinite(ms) && ms >= 0))
        throw new Error('latency must be a number of milliseconds, 0 or more');
    return ms;
}

;// CONCATENATED MODULE: ./src/emulator/cli.ts



const USAGE = 'usage: emulator [--port N] [--clock-skew-ms N] [--latency-ms N] [--tls-key FILE --tls-cert FILE]';
/**
 * The standalone emulator: parses the flags, starts the server, prints one JSON line
 * `{"url":…,"port":…}` to stdout and keeps running until SIGINT or SIGTERM.
 * Throws (before starting anything) on a bad flag.
 */
async function runEmulatorFromArgs(argv, stdout, io = {}) {
    const emulator = await startEmulator(optionsFromArgs(argv));
    stdout.write(`${JSON.stringify({ url: emulator.url, port: emulator.port })}\n`);
    const signals = io.signals ?? process;
    const exit = io.exit ?? ((code) => process.exit(code));
    const stop = () => {
        void emulator.close().then(() => exit(0));
    };
    signals.once('SIGINT', stop);
    signals.once('SIGTERM', stop);
    return emulator;
}
function optionsFromArgs(argv) {
    let values;
    try {
        values = (0,external_node_util_namespaceObject.parseArgs)({
            args: joinNegativeNumbers(argv),
            strict: true,
            allowPositionals: false,
            options: {
                port: { type: 'string' },
                'clock-skew-ms': { type: 'string' },
                'latency-ms': { type: 'string' },
                'tls-key': { type: 'string' },
                'tls-cert': { type: 'string' }
            }
        }).values;
    }
    catch (error) {
        throw new Error(`${error.message}\n${USAGE}`);
    }
    const port = integerFlag(values, 'port', 0, 0, 65_535);
    const options = {
        port,
        clockSkewMs: integerFlag(values, 'clock-skew-ms', 0, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
        latencyMs: integerFlag(values, 'latency-ms', 0, 0, 600_000)
    };
    const keyFile = values['tls-key'];
    const certFile = values['tls-cert'];
    if (Boolean(keyFile) !== Boolean(certFile))
        throw new Error(`--tls-key and --tls-cert go together\n${USAGE}`);
    if (keyFile && certFile)
        options.tls = { key: (0,external_node_fs_namespaceObject.readFileSync)(keyFile, 'utf8'), cert: (0,external_node_fs_namespaceObject.readFileSync)(certFile, 'utf8') };
    return options;
}
/** `--clock-skew-ms -5000` reads as a flag followed by a flag to parseArgs; glue such values on with `=`. */
function joinNegativeNumbers(argv) {
    const joined = [];
    for (let i = 0; i < argv.length; i++) {
        const next = argv[i + 1];
        if (/^--[\w-]+$/.test(argv[i]) && next !== undefined && /^-\d/.test(next)) {
            joined.push(`${argv[i]}=${next}`);
            i++;
        }
        else {
            joined.push(argv[i]);
        }
    }
    return joined;
}
function integerFlag(values, name, fallback, min, max) {
    const text = values[name];
    if (text === undefined)
        return fallback;
    const value = Number(text);
    if (!/^-?\d+$/.test(text.trim()) || value < min || value > max) {
        throw new Error(`--${name} must be a whole number from ${min} to ${max}, got "${text}"\n${USAGE}`);
    }
    return value;
}

;// CONCATENATED MODULE: ./src/entries/emulator.ts
// Standalone LINE API emulator (dist/emulator/index.js): prints {"url","port"} and runs until SIGINT/SIGTERM.

runEmulatorFromArgs(process.argv.slice(2), process.stdout).catch((error) => {
    process.stderr.write(`emulator: ${error.message}\n`);
    process.exit(2);
});

