#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 9041:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Wr: () => (/* binding */ processIo),
  ak: () => (/* binding */ runCli)
});

// UNUSED EXPORTS: COMMANDS, VERSION

// EXTERNAL MODULE: ./src/clock.ts
var clock = __nccwpck_require__(9373);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
// EXTERNAL MODULE: ./src/ledger/types.ts
var types = __nccwpck_require__(4436);
;// CONCATENATED MODULE: ./src/cli/errors.ts
/**
 * Exit codes and the one error line. 0 success; 1 LINE, network or ledger trouble (or an
 * outcome that did not happen, such as a revoke that could not be confirmed); 2 bad usage
 * or bad input, found before anything is sent.
 */


const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;
/** The command line was wrong: an unknown command or flag, a missing value. Exit 2. */
class UsageError extends Error {
    name = 'UsageError';
}
/** The command ran but its outcome is a failure (already reported in detail). Exit 1. */
class CommandFailed extends Error {
    name = 'CommandFailed';
}
function exitCodeOf(error) {
    return error instanceof UsageError || error instanceof errors/* InputError */.dz ? EXIT_USAGE : EXIT_FAILED;
}
/** Ours say what to do; anything else is a bug, reported without its stack (it may carry values). */
function errorText(error) {
    if (error instanceof UsageError || error instanceof errors/* InputError */.dz || error instanceof errors/* LineApiError */.pI || error instanceof types/* LedgerError */.o || error instanceof CommandFailed) {
        return error.message;
    }
    return `Unexpected error: ${(0,errors/* messageOf */.bD)(error)}. This is a bug in line-token; please report it (run again with --debug for details).`;
}
/** Errors are one line: join any line breaks a message may carry. */
function oneLine(text) {
    return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __nccwpck_require__(7975);
;// CONCATENATED MODULE: ./src/cli/args.ts
/**
 * Flag parsing with node's util.parseArgs, strict: an unknown flag or a stray argument is
 * a usage error (exit 2). Messages name the flag but never repeat a stray argument, which
 * may be a token or key pasted in the wrong place.
 */


/** Every command takes these. */
const COMMON_OPTIONS = {
    help: { type: 'boolean', short: 'h' },
    debug: { type: 'boolean' }
};
/** Parsed flags with typed accessors. */
class Flags {
    values;
    constructor(values) {
        this.values = values;
    }
    /** A string flag's value, trimmed of nothing (files and secrets are taken as given); undefined when absent. */
    string(name) {
        const value = this.values[name];
        return typeof value === 'string' ? value : undefined;
    }
    boolean(name) {
        return this.values[name] === true;
    }
    has(name) {
        return this.values[name] !== undefined;
    }
}
function parseFlags(commandLine, argv, options) {
    try {
        const { values } = (0,external_node_util_.parseArgs)({ args: [...argv], options: { ...COMMON_OPTIONS, ...options }, strict: true, allowPositionals: false });
        return new Flags(values);
    }
    catch (error) {
        throw new UsageError(`${describeParseError(error, options)} Run "${commandLine} --help" for the options.`);
    }
}
function describeParseError(error, options) {
    const code = error.code;
    // Not `instanceof Error`: node's own errors may come from another realm (as under jest).
    const message = String(error.message ?? '');
    const flag = safeFlagName(/'(-[^' <]*)/.exec(message)?.[1]);
    switch (code) {
        case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
            return `unknown option ${flag}.${suggest(flag, options)}`;
        case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
            // Not repeated: it may be a token or a key given in the wrong place.
            return 'unexpected argument: this command takes only options (secrets go in environment variables, files or stdin, never in arguments).';
        case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
            if (message.includes('ambiguous'))
                return `option ${flag} needs a value; for a value that starts with "-", write ${flag}=VALUE.`;
            return message.includes('argument missing') ? `option ${flag} needs a value.` : `option ${flag} does not take a value.`;
        default:
            return 'the command line could not be read.';
    }
}
/** The flag as typed, bounded and printable (it is echoed back). */
function safeFlagName(flag) {
    if (!flag)
        return '(unnamed)';
    const printable = flag.replace(/[^\x21-\x7e]/g, '?');
    return printable.length > 40 ? `${printable.slice(0, 40)}…` : printable;
}
/** "Did you mean --lifetime?" for a near miss (same prefix, or one edit away). */
function suggest(flag, options) {
    const typed = flag.replace(/^-+/, '');
    const names = [...Object.keys(options), ...Object.keys(COMMON_OPTIONS)];
    const near = names.find((name) => typed.length >= 3 && (name.startsWith(typed) || typed.startsWith(name) || editDistance(name, typed) <= 2));
    return near ? ` Did you mean --${near}?` : '';
}
function editDistance(a, b) {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let diagonal = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const above = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
            diagonal = above;
        }
    }
    return row[b.length];
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __nccwpck_require__(7067);
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
        return plainError(400, (0,errors/* messageOf */.bD)(error));
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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: ./src/emulator/ids.ts

// What a v2.1 token looks like on the wire: a compact JWS (HS256 header), ~170 characters.
// The payload here is random bytes, not claims: the emulator's tokens are opaque handles.
const TOKEN_HEADER = Buffer.from('{"alg":"HS256"}').toString('base64url');
function newAccessToken() {
    return `${TOKEN_HEADER}.${(0,external_node_crypto_.randomBytes)(80).toString('base64url')}.${(0,external_node_crypto_.randomBytes)(32).toString('base64url')}`;
}
/** LINE's `key_id` of a v2.1 token: a short random base64url string. */
function newTokenKeyId() {
    return (0,external_node_crypto_.randomBytes)(16).toString('base64url');
}
/** The `kid` the console hands out for a registered public key: a UUID. */
function newAssertionKid() {
    return (0,external_node_crypto_.randomUUID)();
}
function newChannelSecret() {
    return (0,external_node_crypto_.randomBytes)(16).toString('hex');
}
function newRequestId() {
    return (0,external_node_crypto_.randomBytes)(16).toString('hex');
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
    return JSON.stringify({ message: external_node_http_.STATUS_CODES[status] ?? `HTTP ${status}` });
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

// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/lib/validate.js
var validate = __nccwpck_require__(7784);
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
  return (0,validate/* parseJoseHeader */.OX)(encodedProtectedHeader, TypeError, invalid);
}


// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/util/errors.js
var util_errors = __nccwpck_require__(5674);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/lib/key_descriptor.js
var key_descriptor = __nccwpck_require__(3035);
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
const JWS = (0,key_descriptor/* table */.t)({
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
    throw new util_errors/* JOSENotSupported */.T0(`alg ${alg} is not supported either by JOSE or your javascript runtime`);
  return entry;
}


// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/lib/buffer_utils.js
var buffer_utils = __nccwpck_require__(7410);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/lib/key.js
var lib_key = __nccwpck_require__(7859);
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
  return [options && (0,validate/* validateAlgorithms */.Fw)("algorithms", options.algorithms), options?.crit];
}
function parseProtectedHeader(encodedProtectedHeader) {
  return encodedProtectedHeader === void 0 ? {} : (0,validate/* parseJoseHeader */.OX)(encodedProtectedHeader, util_errors/* JWSInvalid */.Ye, "JWS Protected Header is invalid");
}
function encodeJsonUnencodedPayload(payload) {
  const invalid = /[\p{Cs}\p{Cn}]/u.exec(payload)?.[0];
  if (invalid !== void 0)
    throw new JWSInvalid(/\p{Cs}/u.test(invalid) ? "JWS Payload must be a well-formed Unicode string" : "JWS Payload must not contain unassigned Unicode code points");
  return encoder.encode(payload);
}
function encodeCompactUnencodedPayload(payload) {
  try {
    return (0,buffer_utils/* encode */.lF)(payload);
  } catch (cause) {
    throw new util_errors/* JWSInvalid */.Ye("JWS Compact Serialization payload must use only ASCII characters", {
      cause
    });
  }
}
async function verifySignature(jws, shared, key, encodeUnencodedPayload, parsedProtected) {
  const { protected: encodedProtectedHeader, header, payload: inputPayload } = jws, protectedHeader = parsedProtected ?? parseProtectedHeader(encodedProtectedHeader);
  if (!(0,validate/* isDisjoint */.fz)(protectedHeader, header))
    throw new util_errors/* JWSInvalid */.Ye("JWS Protected and JWS Unprotected Header Parameter names must be disjoint");
  const joseHeader = { ...protectedHeader, ...header }, b64 = (0,validate/* validateB64 */.J0)(protectedHeader, (0,validate/* validateCrit */.nI)(util_errors/* JWSInvalid */.Ye, validate/* JWS_RECOGNIZED */.qc, shared[1], protectedHeader, joseHeader)), { alg } = joseHeader;
  if (typeof alg != "string" || !alg)
    throw new util_errors/* JWSInvalid */.Ye('JWS "alg" (Algorithm) Header Parameter missing or invalid');
  if (shared[0] && !shared[0].has(alg))
    throw new util_errors/* JOSEAlgNotAllowed */.Rb('"alg" (Algorithm) Header Parameter value not allowed');
  if (b64) {
    if (typeof inputPayload != "string")
      throw new util_errors/* JWSInvalid */.Ye("JWS Payload must be a string");
  } else if (typeof inputPayload != "string" && !(inputPayload instanceof Uint8Array))
    throw new util_errors/* JWSInvalid */.Ye("JWS Payload must be a string or an Uint8Array instance");
  const signingPayload = b64 || typeof inputPayload != "string" ? inputPayload : encodeUnencodedPayload(inputPayload);
  let resolvedKey = !1;
  typeof key == "function" && (key = await key(protectedHeader, jws), resolvedKey = !0);
  const entry = jwsAlgorithm(alg), signingInput = (0,buffer_utils/* concat */.xW)(encodedProtectedHeader !== void 0 ? (0,buffer_utils/* encode */.lF)(encodedProtectedHeader) : new Uint8Array(), (0,buffer_utils/* encode */.lF)("."), typeof signingPayload == "string" ? shared[2] ??= (0,validate/* encodeAsciiMember */.MV)(signingPayload, "payload", util_errors/* JWSInvalid */.Ye) : signingPayload), signature = (0,validate/* decodeBase64url */.h2)(jws.signature, "signature", util_errors/* JWSInvalid */.Ye), verificationKey = await (0,lib_key/* prepareKey */.dT)(entry, key, "verify"), cryptoKey = await (0,lib_key/* rawKey */.GK)(verificationKey, entry.subtle, "verify");
  entry.minRsaBits && (0,lib_key/* checkModulusLength */.or)(entry.alg, cryptoKey);
  let verified = !1;
  try {
    verified = await crypto.subtle.verify(entry.signing, cryptoKey, signature, signingInput);
  } catch (cause) {
    throw new util_errors/* JWSSignatureVerificationFailed */.h2(void 0, { cause });
  }
  if (!verified)
    throw new util_errors/* JWSSignatureVerificationFailed */.h2();
  const result = { payload: typeof signingPayload == "string" ? (0,validate/* decodeBase64url */.h2)(signingPayload, "payload", util_errors/* JWSInvalid */.Ye) : signingPayload };
  return encodedProtectedHeader !== void 0 && (result.protectedHeader = protectedHeader), header !== void 0 && (result.unprotectedHeader = header), resolvedKey ? [{ ...result, key: verificationKey }, b64] : [result, b64];
}
async function verifyCompact(jws, shared, key) {
  if (jws instanceof Uint8Array && (jws = buffer_utils/* decoder */.D0.decode(jws)), typeof jws != "string")
    throw new util_errors/* JWSInvalid */.Ye("Compact JWS must be a string or Uint8Array");
  const { 0: protectedHeader, 1: payload, 2: signature, length } = jws.split(".");
  if (length !== 3)
    throw new util_errors/* JWSInvalid */.Ye("Invalid Compact JWS");
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
    const publicKey = (0,external_node_crypto_.createPublicKey)({ key: { kty: 'RSA', n: jwk.n, e: jwk.e }, format: 'jwk' });
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
async function server_startEmulator(options = {}) {
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
    const server = options.tls ? (0,external_node_https_namespaceObject.createServer)(options.tls, handler) : (0,external_node_http_.createServer)(handler);
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

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
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
        values = parseArgs({
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
        options.tls = { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') };
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

;// CONCATENATED MODULE: ./src/emulator/index.ts





;// CONCATENATED MODULE: ./src/cli/command.ts
const CHANNEL_HELP = [
    '--channel-id ID          the channel ID (env LINE_CHANNEL_ID)',
    '--private-key-file FILE  the assertion signing private key: private JWK or PEM (env LINE_PRIVATE_KEY_FILE,',
    '                         or LINE_PRIVATE_KEY holding the key itself)',
    '--private-key KEY        the key itself (discouraged: it lands in shell history)',
    '--key-id KID             the key ID the LINE Developers Console gave (env LINE_KEY_ID; default: the JWK\'s kid)',
    '--api-base-url URL       where LINE\'s API is (env LINE_API_BASE_URL; default https://api.line.me)'
];
const CHANNEL_SECRET_HELP = [
    '--channel-secret-file FILE  the channel secret (env LINE_CHANNEL_SECRET, or LINE_CHANNEL_SECRET_FILE)',
    '--channel-secret SECRET     the secret itself (discouraged: it lands in shell history)'
];
function formatHelp(parts) {
    const indent = (lines) => lines.map((line) => `  ${line}`);
    return [
        `Usage: ${parts.usage}`,
        '',
        ...parts.description,
        '',
        'Options:',
        ...indent([...parts.options, '--debug                  show debug logs and stack traces', '-h, --help               show this help']),
        '',
        'Examples:',
        ...indent(parts.examples),
        '',
        'Exit codes: 0 success, 1 LINE, network or ledger error, 2 bad usage or input.'
    ].join('\n');
}

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
;// CONCATENATED MODULE: ./src/key-formats.ts
/**
 * Reading the `private-key` input's many shapes into a node KeyObject: a private JWK (or a
 * one-key JWK Set), PKCS#8 or PKCS#1 PEM, base64 (standard or url-safe) of either, DER,
 * surrounding quotes, PEM whose newlines arrived as literal `\n`. Everything is imported
 * through node:crypto (jose cannot import PKCS#1). node:crypto's and JSON.parse's own
 * error messages may quote the input, so they are never passed on: each failure maps to a
 * fixed text of ours.
 */

/** What every "unrecognised" message tells the user to give instead. */
const ACCEPTED_SHAPES = 'Give the private key as a private JWK (JSON with "kty": "RSA" and "d"), as PEM ' +
    '("-----BEGIN PRIVATE KEY-----" or "-----BEGIN RSA PRIVATE KEY-----"), or as base64 of either.';
const PUBLIC_KEY_GIVEN = 'this is the public key; give the private key instead (the JWK that has "d", or the PEM that begins ' +
    '"-----BEGIN PRIVATE KEY-----"). The public half is what you register in the LINE Developers Console; ' +
    'the private half goes in the secret.';
const CERTIFICATE_GIVEN = 'this is a certificate, which holds only the public key; give the private key instead (the JWK that has "d", ' +
    'or the PEM that begins "-----BEGIN PRIVATE KEY-----").';
const ENCRYPTED_PEM = 'this PEM key is encrypted with a passphrase; give the decrypted key instead, e.g. the output of ' +
    '"openssl pkey -in key.pem -out key-decrypted.pem".';
const OPENSSH_KEY = 'this is an OpenSSH private key; give it as PEM instead (convert a copy with "ssh-keygen -p -m PKCS8 -f <file>"), ' +
    'or give the private JWK whose public half you registered with LINE.';
const PEM_DAMAGED = 'the PEM body is not a valid private key (it may be cut off or altered). ' +
    'Copy the whole key again, from the BEGIN line to the END line.';
/** The message for a key of the wrong type, e.g. `an EC`. */
function notRsaKey(what) {
    return (`this is ${what} key; LINE needs an RSA 2048-bit key used with RS256. Create one ` +
        `(e.g. jwx jwk generate --type RSA --keysize 2048 --template '{"alg":"RS256","use":"sig"}'), ` +
        'register its public half in the LINE Developers Console and store the private half.');
}
/** The strings to mask: each form of the input we saw, kept only when long enough to matter. */
class SecretSet {
    values = new Set();
    /** Shorter strings are not masked: masking "RSA" or "abc" would garble unrelated log lines. */
    static MIN_LENGTH = 16;
    add(value) {
        const trimmed = value?.trim();
        if (trimmed && trimmed.length >= SecretSet.MIN_LENGTH)
            this.values.add(trimmed);
    }
    /**
     * Add a form of the input. Multi-line PEM or base64 is also added line by line (logs mask
     * line by line); JSON is not split, as its lines would include the public `"n": …`.
     */
    addForm(text) {
        this.add(text);
        const trimmed = text.trim();
        if (trimmed.startsWith('{') || trimmed.startsWith('['))
            return;
        for (const line of text.split(/\r?\n/)) {
            if (!line.trim().startsWith('-----'))
                this.add(line);
        }
    }
    toArray() {
        return [...this.values];
    }
}
/** Quotes and base64 may wrap each other; more layers than this are not a key. */
const MAX_WRAPPING_DEPTH = 3;
/** Shorter base64 cannot hold even a public RSA-2048 key; such text is treated as unrecognized. */
const MIN_BASE64_KEY_LENGTH = 64;
/** Read the trimmed, non-empty input text, peeling quotes and base64 as needed. */
function readKeyText(text, ctx, depth = 0) {
    const value = text.trim();
    if (!value)
        ctx.refuse(`holds nothing but quotes or whitespace. ${ACCEPTED_SHAPES}`);
    if (depth > MAX_WRAPPING_DEPTH)
        ctx.refuse(`is not a key this action recognizes. ${ACCEPTED_SHAPES}`);
    const unquoted = unquote(value);
    if (unquoted !== undefined) {
        ctx.secrets.addForm(unquoted);
        return readKeyText(unquoted, ctx, depth + 1);
    }
    if (value.startsWith('{') || value.startsWith('['))
        return readJwkJson(value, ctx);
    if (value.includes('-----BEGIN'))
        return readPem(value, ctx);
    // Base64 may be wrapped over lines; a key in base64 is well over a thousand characters.
    const compact = value.replace(/[\r\n]+/g, '');
    if (compact.length >= MIN_BASE64_KEY_LENGTH && /^[A-Za-z0-9+/_-]+={0,2}$/.test(compact)) {
        ctx.secrets.addForm(value);
        ctx.secrets.add(compact);
        return readBase64(compact, ctx, depth);
    }
    ctx.refuse(`is not a key this action recognizes. ${ACCEPTED_SHAPES}`);
}
/** `"…"` (a JSON string literal when it parses as one, so `\n` and `\"` are decoded) or `'…'`. */
function unquote(value) {
    const quote = value[0];
    if (value.length < 2 || (quote !== '"' && quote !== "'") || !value.endsWith(quote))
        return undefined;
    if (quote === '"') {
        try {
            return JSON.parse(value);
        }
        catch {
            // Not a valid JSON string (e.g. real line breaks inside): take what is between the quotes.
        }
    }
    return value.slice(1, -1);
}
function readBase64(compact, ctx, depth) {
    // Buffer's base64 decoder reads the url-safe alphabet too, with or without padding.
    const bytes = Buffer.from(compact, 'base64');
    const decoded = bytes.toString('utf8');
    const trimmed = decoded.trim();
    if (trimmed.startsWith('{') || trimmed.startsWith('"') || trimmed.includes('-----BEGIN')) {
        ctx.secrets.addForm(decoded);
        return readKeyText(decoded, ctx, depth + 1);
    }
    return readDer(bytes, ctx);
}
/** Binary DER: what a PEM body without its BEGIN/END lines decodes to. */
function readDer(der, ctx) {
    const privateKey = tryKey(() => (0,external_node_crypto_.createPrivateKey)({ key: der, format: 'der', type: 'pkcs8' })) ??
        tryKey(() => (0,external_node_crypto_.createPrivateKey)({ key: der, format: 'der', type: 'pkcs1' }));
    if (privateKey)
        return { privateKey };
    const publicKey = tryKey(() => (0,external_node_crypto_.createPublicKey)({ key: der, format: 'der', type: 'spki' })) ??
        tryKey(() => (0,external_node_crypto_.createPublicKey)({ key: der, format: 'der', type: 'pkcs1' }));
    if (publicKey)
        ctx.refuse(PUBLIC_KEY_GIVEN);
    ctx.refuse(`is base64 but decodes to neither a JWK nor a PEM or DER private key. ${ACCEPTED_SHAPES}`);
}
/** Run a node:crypto import; its error (which may quote the input) is dropped on purpose. */
function tryKey(importKey) {
    try {
        return importKey();
    }
    catch {
        return undefined;
    }
}
/** Import, or refuse with our message (never node's). */
function importOrRefuse(importKey, ctx, message) {
    const key = tryKey(importKey);
    if (!key)
        ctx.refuse(message);
    return key;
}
// ---- PEM -------------------------------------------------------------------------------
/** PEM labels that are not a usable private key, and what to tell the user. */
const UNUSABLE_PEM_LABELS = new Map([
    ['ENCRYPTED PRIVATE KEY', ENCRYPTED_PEM],
    ['PUBLIC KEY', PUBLIC_KEY_GIVEN],
    ['RSA PUBLIC KEY', PUBLIC_KEY_GIVEN],
    ['CERTIFICATE', CERTIFICATE_GIVEN],
    ['EC PRIVATE KEY', notRsaKey('an EC (elliptic curve)')],
    ['DSA PRIVATE KEY', notRsaKey('a DSA')],
    ['OPENSSH PRIVATE KEY', OPENSSH_KEY]
]);
/** Turn literal `\n` (two characters, as some secret stores and .env files give) and CRLF into newlines. */
function unescapeNewlines(text) {
    return text.replace(/\\r\\n|\\n|\\r/g, '\n').replace(/\r\n?/g, '\n');
}
function readPem(text, ctx) {
    const pem = unescapeNewlines(text);
    ctx.secrets.addForm(pem);
    // A private-key block wins wherever it is (a bundle may start with a certificate).
    const begin = /-----BEGIN ((?:RSA )?PRIVATE KEY)-----/.exec(pem) ?? /-----BEGIN ([A-Z0-9 ]{1,40})-----/.exec(pem);
    if (!begin)
        ctx.refuse(`has a "-----BEGIN" that is not a complete PEM BEGIN line. ${ACCEPTED_SHAPES}`);
    const label = begin[1];
    const unusable = UNUSABLE_PEM_LABELS.get(label);
    if (unusable)
        ctx.refuse(unusable);
    if (label !== 'PRIVATE KEY' && label !== 'RSA PRIVATE KEY') {
        ctx.refuse(`is a PEM block labelled "${label}", not a private key. ${ACCEPTED_SHAPES}`);
    }
    const endLine = `-----END ${label}-----`;
    const bodyStart = begin.index + begin[0].length;
    const end = pem.indexOf(endLine, bodyStart);
    if (end < 0) {
        ctx.refuse(`the PEM has no "${endLine}" line, so the value looks cut off. Copy the whole key, from the BEGIN line to the END line.`);
    }
    const body = pem.slice(bodyStart, end);
    ctx.secrets.add(pem.slice(begin.index, end + endLine.length));
    if (/Proc-Type:[^\n]*ENCRYPTED/.test(body))
        ctx.refuse(ENCRYPTED_PEM);
    const compact = body.replace(/\s+/g, '');
    ctx.secrets.add(compact);
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact))
        ctx.refuse(PEM_DAMAGED);
    const type = label === 'PRIVATE KEY' ? 'pkcs8' : 'pkcs1';
    const privateKey = importOrRefuse(() => (0,external_node_crypto_.createPrivateKey)({ key: Buffer.from(compact, 'base64'), format: 'der', type }), ctx, PEM_DAMAGED);
    return { privateKey };
}
// ---- JWK -------------------------------------------------------------------------------
/** JWK members read as strings; anything else in the JSON is ignored. */
const JWK_STRING_MEMBERS = ['kty', 'alg', 'kid', 'n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'];
/** What node:crypto needs to import an RSA private JWK. */
const RSA_PRIVATE_MEMBERS = ['n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'];
/** The JWK members that are secret. */
const JWK_PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi'];
function readJwkJson(text, ctx) {
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        ctx.refuse(`looks like JSON but is not valid JSON (check that the whole value was copied, with its quotes and braces). ${ACCEPTED_SHAPES}`);
    }
    const jwk = copyJwkMembers(singleJwk(parsed, ctx), ctx);
    for (const member of JWK_PRIVATE_MEMBERS)
        ctx.secrets.add(jwk[member]);
    checkJwk(jwk, ctx);
    const members = Object.fromEntries(['kty', ...RSA_PRIVATE_MEMBERS].map((m) => [m, jwk[m]]));
    const privateKey = importOrRefuse(() => (0,external_node_crypto_.createPrivateKey)({ key: members, format: 'jwk' }), ctx, "the JWK's RSA members do not form a valid key (a value may be cut off or altered). Export the private key again.");
    return { privateKey, kid: jwk.kid };
}
/** The one JWK object in the JSON: the value itself, or the only key of a JWK Set. */
function singleJwk(parsed, ctx) {
    if (!key_formats_isObject(parsed))
        ctx.refuse(`is JSON but not a JWK object. ${ACCEPTED_SHAPES}`);
    if (!Object.hasOwn(parsed, 'keys'))
        return parsed;
    const keys = parsed.keys;
    if (!Array.isArray(keys))
        ctx.refuse(`is JSON with a "keys" member that is not a list. ${ACCEPTED_SHAPES}`);
    if (keys.length !== 1) {
        ctx.refuse(`is a JWK Set with ${keys.length} keys; give the one private key, as a single JWK object.`);
    }
    const [only] = keys;
    if (!key_formats_isObject(only))
        ctx.refuse(`is a JWK Set whose key is not a JWK object. ${ACCEPTED_SHAPES}`);
    return only;
}
function key_formats_isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/**
 * Copy only the known members into a fresh object: `__proto__`, `constructor` and anything
 * else hostile JSON may carry never reach node:crypto or our code.
 */
function copyJwkMembers(source, ctx) {
    const jwk = {};
    for (const member of JWK_STRING_MEMBERS) {
        if (!Object.hasOwn(source, member))
            continue;
        const value = source[member];
        if (typeof value !== 'string')
            ctx.refuse(`the JWK member "${member}" is not a string. Export the private key again.`);
        jwk[member] = value;
    }
    return jwk;
}
/** Public, harmless-to-show values (kty, alg) are echoed only when short and plain. */
function shown(value) {
    return /^[A-Za-z0-9_-]{1,16}$/.test(value) ? value : undefined;
}
function checkJwk(jwk, ctx) {
    if (jwk.kty === undefined)
        ctx.refuse(`is JSON but not a JWK (it has no "kty" member). ${ACCEPTED_SHAPES}`);
    if (jwk.kty !== 'RSA') {
        const kty = shown(jwk.kty);
        ctx.refuse(notRsaKey(kty ? `a "kty": "${kty}"` : 'a non-RSA'));
    }
    if (jwk.d === undefined)
        ctx.refuse(PUBLIC_KEY_GIVEN);
    if (jwk.alg !== undefined && jwk.alg !== 'RS256') {
        const alg = shown(jwk.alg);
        ctx.refuse(`the JWK says "alg": ${alg ? `"${alg}"` : 'something other than "RS256"'}, but LINE needs RS256. ` +
            'Give the key you registered for RS256 (its JWK has "alg": "RS256" or no "alg").');
    }
    const missing = RSA_PRIVATE_MEMBERS.filter((member) => !jwk[member]);
    if (missing.length) {
        ctx.refuse(`the JWK lacks RSA members: ${missing.join(', ')} ` +
            '(a complete private JWK has n, e, d, p, q, dp, dq and qi). Export the whole private key again.');
    }
    // node:crypto imports any string without complaint, so check the encoding ourselves.
    const malformed = RSA_PRIVATE_MEMBERS.filter((member) => !/^[A-Za-z0-9_-]+$/.test(jwk[member]));
    if (malformed.length) {
        ctx.refuse(`these JWK members are not base64url: ${malformed.join(', ')} ` +
            '(a value may be cut off or altered). Export the private key again.');
    }
}

;// CONCATENATED MODULE: ./src/key.ts
/**
 * The assertion signing key: load it from the `private-key` input (see key-formats.ts for
 * the shapes), check it is what LINE needs (RSA, 2048 bits, working), and pick the key ID.
 */



/** An RSA-2048 key is under 4 KB in any shape; far more means the secret holds something else. */
const MAX_PRIVATE_KEY_INPUT_LENGTH = 64 * 1024;
/** LINE's only accepted key size. */
const REQUIRED_MODULUS_BITS = 2048;
/** A key ID longer than this is not one LINE gave (LINE's are 36-character UUIDs). */
const MAX_KEY_ID_LENGTH = 128;
/**
 * Load the assertion signing key from the `private-key` input. Accepts: a private JWK (jwx,
 * JWCrypto, WebCrypto shapes, with or without `kid`; or a JWK Set holding one key), PKCS#8 or
 * PKCS#1 PEM, base64 (standard or url-safe) of any of these or of DER, PEM with literal `\n`
 * sequences or CRLF, surrounding whitespace or quotes. Refuses with InputError (input name
 * `inputName`, default "private-key"): empty value, a public key or certificate, a non-RSA
 * key, an RSA key that is not 2048 bits, an encrypted PEM, an unparseable value, a JWK whose
 * `alg` is present and not RS256, an input over 64 KiB. Messages say what to fix and never
 * contain key material.
 */
function key_loadPrivateKey(raw, inputName = 'private-key') {
    const ctx = {
        secrets: new SecretSet(),
        refuse(message) {
            throw new errors/* InputError */.dz(inputName, message);
        }
    };
    if (raw.length > MAX_PRIVATE_KEY_INPUT_LENGTH) {
        ctx.refuse(`is ${raw.length} characters long; an RSA-2048 private key is under 4,000 characters in any shape. ` +
            'Check that the secret holds only the private key.');
    }
    const text = raw.trim();
    if (!text) {
        ctx.refuse("is empty. Store the channel's assertion signing private key in a repository secret and pass it, " +
            `e.g. private-key: \${{ secrets.LINE_PRIVATE_KEY }}. ${ACCEPTED_SHAPES}`);
    }
    ctx.secrets.addForm(text);
    const { privateKey, kid } = readKeyText(text, ctx);
    requireRsa2048(privateKey, ctx);
    requireWorkingKey(privateKey, ctx);
    addPrivateMembers(privateKey, ctx.secrets);
    const keyId = kid?.trim();
    return { privateKey, ...(keyId ? { keyId } : {}), secrets: ctx.secrets.toArray() };
}
function requireRsa2048(key, ctx) {
    const type = key.asymmetricKeyType;
    if (type === 'rsa-pss') {
        ctx.refuse(notRsaKey('an RSA-PSS (restricted to PSS padding), not a plain RSA,'));
    }
    if (type !== 'rsa')
        ctx.refuse(notRsaKey(type === 'ec' ? 'an EC (elliptic curve)' : `a "${String(type)}"`));
    const bits = key.asymmetricKeyDetails?.modulusLength;
    if (bits !== REQUIRED_MODULUS_BITS) {
        ctx.refuse(`this RSA key has ${bits} bits; LINE needs exactly ${REQUIRED_MODULUS_BITS}. Create a 2048-bit RSA key ` +
            `(e.g. jwx jwk generate --type RSA --keysize 2048 --template '{"alg":"RS256","use":"sig"}'), ` +
            'register its public half in the LINE Developers Console and store the private half.');
    }
}
/**
 * Sign and verify a probe. node:crypto imports a JWK whose `n` or `e` belongs to another key
 * without complaint; LINE would then reject every assertion with an unhelpful message.
 */
function requireWorkingKey(key, ctx) {
    const probe = Buffer.from('line-assertion-key-check');
    let works = false;
    try {
        works = (0,external_node_crypto_.verify)('sha256', probe, (0,external_node_crypto_.createPublicKey)(key), (0,external_node_crypto_.sign)('sha256', probe, key));
    }
    catch {
        // Treated as "does not work" below; node's message is not shown.
    }
    if (!works) {
        ctx.refuse("the key's private and public parts do not belong together (a value may be altered, or taken from two keys). " +
            'Export the private key again.');
    }
}
/** Mask the private members in their JWK form too, whatever shape the input had. */
function addPrivateMembers(key, secrets) {
    const jwk = key.export({ format: 'jwk' });
    for (const member of JWK_PRIVATE_MEMBERS)
        secrets.add(jwk[member]);
}
/**
 * Pick the key ID: the explicit `key-id` input wins (trimmed); else the JWK's `kid`; else
 * InputError on `key-id` saying where to find it (LINE Developers Console → channel → Basic
 * settings → Assertion Signing Key). A key ID must be 1–128 printable ASCII characters
 * without whitespace or quotes. Messages never echo the value (it might be a pasted secret).
 */
function key_resolveKeyId(explicit, key, inputName = 'key-id') {
    const given = explicit?.trim();
    if (given)
        return validKeyId(given, inputName, 'The key ID');
    if (key.keyId !== undefined)
        return validKeyId(key.keyId, inputName, 'The "kid" in the private-key JWK');
    throw new errors/* InputError */.dz(inputName, 'is required because the private key carries no "kid". Copy the key ID from the LINE Developers Console ' +
        '(your channel → Basic settings → Assertion Signing Key → kid) and pass it as key-id.');
}
function validKeyId(id, inputName, what) {
    const problem = keyIdProblem(id);
    if (problem) {
        throw new errors/* InputError */.dz(inputName, `${what} ${problem}. Give the kid exactly as the LINE Developers Console shows it ` +
            '(your channel → Basic settings → Assertion Signing Key), e.g. a UUID like 1a2b3c4d-….');
    }
    return id;
}
function keyIdProblem(id) {
    if (id.length > MAX_KEY_ID_LENGTH)
        return `is ${id.length} characters long; a key ID has at most ${MAX_KEY_ID_LENGTH}`;
    if (/[\r\n]/.test(id))
        return 'contains a line break; give only the key ID, on one line';
    if (/\p{Cc}/u.test(id))
        return 'contains a control character';
    if (/\s/.test(id))
        return 'contains whitespace';
    if (/["'`]/.test(id))
        return 'contains a quote character; give the key ID without quotes';
    if (/[^\x21-\x7e]/.test(id))
        return 'contains a character that is not printable ASCII';
    return undefined;
}

;// CONCATENATED MODULE: ./src/cli/files.ts
/** Reading a file the user named (relative to the working directory; `-` means stdin). */



/** Keys, secrets and tokens are a few KB; a larger file is the wrong file. */
const MAX_INPUT_FILE_BYTES = 1024 * 1024;
/** Read a UTF-8 file named by `input` (a flag or environment variable); errors are InputError (exit 2). */
async function readInputFile(ctx, fileName, input, what) {
    if (fileName === '-') {
        const text = await ctx.readStdin(what);
        if (text === undefined)
            throw new errors/* InputError */.dz(input, `is "-" (stdin), but stdin is a terminal: pipe ${what} in, or name a file.`);
        return text;
    }
    if (!fileName.trim())
        throw new errors/* InputError */.dz(input, `is empty: name the file that holds ${what}.`);
    const file = external_node_path_default().resolve(ctx.io.cwd, fileName);
    try {
        const info = await (0,promises_namespaceObject.stat)(file);
        if (!info.isFile())
            throw new errors/* InputError */.dz(input, `${file} is not a file: name the file that holds ${what}.`);
        if (info.size > MAX_INPUT_FILE_BYTES)
            throw new errors/* InputError */.dz(input, `${file} is ${info.size} bytes; it should hold only ${what}.`);
        return await (0,promises_namespaceObject.readFile)(file, 'utf8');
    }
    catch (error) {
        if (error instanceof errors/* InputError */.dz)
            throw error;
        throw new errors/* InputError */.dz(input, `cannot read ${file} (${describeErrorCode(error)}): name the file that holds ${what}.`);
    }
}
/** A system error by its code only: node's message repeats the path or address, which we already show. */
function describeErrorCode(error) {
    const code = error.code;
    const known = {
        ENOENT: 'no such file',
        EACCES: 'permission denied',
        EPERM: 'operation not permitted',
        EISDIR: 'it is a directory',
        ENOTDIR: 'a part of the path is not a directory',
        EEXIST: 'it already exists',
        EADDRINUSE: 'it is in use'
    };
    return (code && known[code]) ?? code ?? 'unknown error';
}

;// CONCATENATED MODULE: ./src/cli/jwk.ts
/** The public JWK exactly as the LINE Developers Console takes it: kty, alg, use, n, e, and no kid. */
function consolePublicJwk(publicKey) {
    const { n, e } = publicKey.export({ format: 'jwk' });
    return { kty: 'RSA', alg: 'RS256', use: 'sig', n: n, e: e };
}
/** The jwx shape: alg RS256 and use sig alongside the RSA members; no kid (the console assigns it). */
function privateJwkText(privateKey) {
    const { kty, n, e, d, p, q, dp, dq, qi } = privateKey.export({ format: 'jwk' });
    return `${JSON.stringify({ kty, alg: 'RS256', use: 'sig', n, e, d, p, q, dp, dq, qi }, null, 2)}\n`;
}
/** Quote a path for a copy-pasted shell line when it needs it. */
function shellQuote(text) {
    return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

;// CONCATENATED MODULE: ./src/cli/emulator-key.ts
/**
 * The key the `emulator` command registers: read from a file (public or private, JWK or PEM)
 * or freshly generated, with the private half written to a 0600 file in a temporary directory.
 */









const generate = (0,external_node_util_.promisify)(external_node_crypto_.generateKeyPair);
const nothingToCleanUp = async () => { };
async function readEmulatorKey(ctx, keyFile) {
    const input = '--key-file';
    const text = await readInputFile(ctx, keyFile, input, 'a public or private key');
    const publicKey = publicKeyOf(text);
    if (publicKey)
        return { publicKey: emulator_key_requireRsa2048(publicKey, input), cleanUp: nothingToCleanUp };
    const signingKey = key_loadPrivateKey(text, input);
    ctx.redactor.addAll(signingKey.secrets);
    return {
        publicKey: (0,external_node_crypto_.createPublicKey)(signingKey.privateKey),
        privateKeyFile: keyFile === '-' ? undefined : external_node_path_default().resolve(ctx.io.cwd, keyFile),
        carriedKid: signingKey.keyId,
        cleanUp: nothingToCleanUp
    };
}
/** A public key (SPKI or PKCS#1 PEM, or a JWK without "d"), or undefined for anything else (read as a private key). */
function publicKeyOf(text) {
    const trimmed = text.trim();
    if (/-----BEGIN (RSA )?PUBLIC KEY-----/.test(trimmed)) {
        try {
            return (0,external_node_crypto_.createPublicKey)(trimmed);
        }
        catch {
            throw new errors/* InputError */.dz('--key-file', 'holds a damaged public key PEM; export the public key again, or give the private key.');
        }
    }
    if (!trimmed.startsWith('{'))
        return undefined;
    let jwk;
    try {
        jwk = JSON.parse(trimmed);
    }
    catch {
        return undefined; // loadPrivateKey gives the message for broken JSON.
    }
    if (!jwk || typeof jwk !== 'object' || 'd' in jwk || !('n' in jwk))
        return undefined;
    const { kty, n, e } = jwk;
    try {
        return (0,external_node_crypto_.createPublicKey)({ key: { kty, n, e }, format: 'jwk' });
    }
    catch {
        throw new errors/* InputError */.dz('--key-file', 'holds a public JWK that is not a valid RSA key (it needs "kty": "RSA", "n" and "e").');
    }
}
function emulator_key_requireRsa2048(publicKey, input) {
    const bits = publicKey.asymmetricKeyDetails?.modulusLength;
    if (publicKey.asymmetricKeyType !== 'rsa' || bits !== REQUIRED_MODULUS_BITS) {
        throw new errors/* InputError */.dz(input, `holds ${publicKey.asymmetricKeyType === 'rsa' ? `a ${bits}-bit RSA key` : 'a key that is not RSA'}; LINE (and the emulator) need RSA 2048 bits.`);
    }
    return publicKey;
}
/** A new key pair; the private JWK goes to a fresh temporary directory (0700) as a 0600 file. */
async function generateEmulatorKey() {
    const { privateKey, publicKey } = await generate('rsa', { modulusLength: REQUIRED_MODULUS_BITS });
    const dir = await (0,promises_namespaceObject.mkdtemp)(external_node_path_default().join((0,external_node_os_namespaceObject.tmpdir)(), 'line-token-emulator-'));
    const privateKeyFile = external_node_path_default().join(dir, 'private.jwk.json');
    await (0,promises_namespaceObject.writeFile)(privateKeyFile, privateJwkText(privateKey), { mode: 0o600, flag: 'wx' });
    return { publicKey, privateKeyFile, cleanUp: () => (0,promises_namespaceObject.rm)(dir, { recursive: true, force: true }) };
}

;// CONCATENATED MODULE: ./src/duration.ts
/**
 * Durations as people write them in workflow inputs (`900`, `30m`, `1h 30m`, `7d`), parsed
 * exactly (BigInt, so `1.1h` or a 40-digit number cannot be mangled by floating point).
 */

const MAX_TOKEN_LIFETIME_SECONDS = 30 * 24 * 60 * 60;
/** Largest unit first: the order compound durations must follow. */
const UNITS = [
    ['d', 86_400],
    ['h', 3_600],
    ['m', 60],
    ['s', 1]
];
const UNIT_NAMES = { d: 'day', h: 'hour', m: 'minute', s: 'second' };
/** Longer text is not a duration anyone means; refusing it early keeps BigInt work small. */
const MAX_DURATION_TEXT_LENGTH = 64;
/** How much of the user's text a message repeats. */
const MAX_ECHO_LENGTH = 40;
/**
 * Parse a duration: whole seconds (`900`) or a number with unit `s`, `m`, `h`, `d`
 * (`30m`, `7d`, `1.5h` allowed only if it gives whole seconds). Units may be combined,
 * largest first and each at most once (`1h30m`, `1d 12h`, `1m 30s` — what formatDuration
 * prints). Units are case-insensitive; surrounding whitespace and spaces between number and
 * unit are ignored. Refused (InputError naming `input`): empty, negative, no unit other than
 * s/m/h/d (`1w`), exponents, NaN/Infinity, not whole seconds, or outside
 * [minSeconds, maxSeconds]. Every message says what is accepted.
 */
function parseDuration(text, options) {
    const { input, minSeconds, maxSeconds } = options;
    const value = text.trim();
    // Typed explicitly so that TypeScript narrows after each call.
    const refuse = (problem) => {
        throw new errors/* InputError */.dz(input, `${problem}. ${acceptedDurations(minSeconds, maxSeconds)}`);
    };
    if (!value)
        refuse('is empty');
    const shown = `"${echo(value)}"`;
    if (value.length > MAX_DURATION_TEXT_LENGTH)
        refuse(`${shown} is too long to be a duration`);
    if (value.startsWith('-'))
        refuse(`${shown} is negative`);
    const seconds = exactSeconds(value.toLowerCase());
    if (seconds === undefined)
        refuse(`${shown} is not a duration`);
    if (seconds === 'fraction')
        refuse(`${shown} is not a whole number of seconds`);
    if (seconds > BigInt(maxSeconds)) {
        const whose = maxSeconds === MAX_TOKEN_LIFETIME_SECONDS ? "LINE's maximum" : 'the maximum';
        refuse(`${shown} is longer than ${whose} of ${describeLong(maxSeconds)}`);
    }
    if (seconds < BigInt(minSeconds))
        refuse(`${shown} is shorter than the minimum of ${describeLong(minSeconds)}`);
    return Number(seconds);
}
/** The exact number of seconds; undefined when not a duration, 'fraction' when not whole seconds. */
function exactSeconds(value) {
    const bare = /^(\d+)(?:\.(\d+))?$/.exec(value);
    if (bare)
        return partSeconds(bare[1], bare[2], 1);
    const part = /(\d+)(?:\.(\d+))?\s*([dhms])\s*/y;
    let total = 0n;
    let nextUnit = 0;
    while (part.lastIndex < value.length) {
        const match = part.exec(value);
        if (!match)
            return undefined;
        const unitIndex = UNITS.findIndex(([unit]) => unit === match[3]);
        // Largest unit first, each once: "30m1h" or "1h1h" is more likely a typo than a wish.
        if (unitIndex < nextUnit)
            return undefined;
        nextUnit = unitIndex + 1;
        const seconds = partSeconds(match[1], match[2], UNITS[unitIndex][1]);
        if (seconds === 'fraction')
            return seconds;
        total += seconds;
    }
    return total;
}
function partSeconds(whole, fraction, unitSeconds) {
    const unit = BigInt(unitSeconds);
    if (fraction === undefined)
        return BigInt(whole) * unit;
    const scale = 10n ** BigInt(fraction.length);
    const scaled = (BigInt(whole) * scale + BigInt(fraction)) * unit;
    return scaled % scale === 0n ? scaled / scale : 'fraction';
}
/** The user's text, safe to repeat: no control or format characters, at most 40 characters. */
function echo(value) {
    const clean = value.replace(/[\p{Cc}\p{Cf}]/gu, '');
    return clean.length > MAX_ECHO_LENGTH ? `${clean.slice(0, MAX_ECHO_LENGTH)}…` : clean;
}
function acceptedDurations(minSeconds, maxSeconds) {
    return ('Give whole seconds (900) or a number with a unit s, m, h or d (30m, 1.5h, 7d), or units combined largest first (1h 30m), ' +
        `from ${duration_formatDuration(minSeconds)} to ${duration_formatDuration(maxSeconds)}.`);
}
/** "30 days (2592000 seconds)", "1 second", "90 seconds". */
function describeLong(seconds) {
    // The largest unit that divides it; seconds always qualify.
    const [unit, size] = UNITS.filter(([, size]) => size === 1 || (seconds >= size && seconds % size === 0))[0];
    const count = seconds / size;
    const words = `${count} ${UNIT_NAMES[unit]}${count === 1 ? '' : 's'}`;
    return unit === 's' ? words : `${words} (${seconds} seconds)`;
}
/** Format seconds for people: 3600 → "1h", 90 → "1m 30s", 0 → "0s". Fractions are rounded. */
function duration_formatDuration(seconds) {
    let rest = Math.max(0, Math.round(seconds));
    const parts = [];
    for (const [unit, size] of UNITS) {
        const count = Math.floor(rest / size);
        rest -= count * size;
        if (count > 0)
            parts.push(`${count}${unit}`);
    }
    return parts.join(' ') || '0s';
}

;// CONCATENATED MODULE: ./src/inputs.ts
/**
 * The root action's inputs, read and checked before anything is sent to LINE: a mistake
 * here fails the step with a message that names the input and says how to fix it.
 */


function parseChannelId(value, input = 'channel-id') {
    const channelId = value.trim();
    if (!channelId)
        throw new errors/* InputError */.dz(input, 'is required: give the channel ID (digits) from the LINE Developers Console, channel → Basic settings.');
    if (!/^\d{1,20}$/.test(channelId)) {
        throw new errors/* InputError */.dz(input, 'must be the channel ID, digits only (LINE Developers Console → the channel → Basic settings → Channel ID).');
    }
    return channelId;
}
function parseTokenType(value, input = 'token-type') {
    const tokenType = value.trim().toLowerCase() || 'v2.1';
    if (tokenType === 'v2.1' || tokenType === 'stateless')
        return tokenType;
    throw new errors/* InputError */.dz(input, 'must be "v2.1" (revocable, up to 30 days) or "stateless" (15 minutes, cannot be revoked).');
}
/** The YAML 1.2 core booleans, as `core.getBooleanInput` accepts them. */
function inputs_parseBoolean(value, input, fallback) {
    const text = value.trim();
    if (!text)
        return fallback;
    if (['true', 'True', 'TRUE'].includes(text))
        return true;
    if (['false', 'False', 'FALSE'].includes(text))
        return false;
    throw new InputError(input, 'must be true or false.');
}
function inputs_parseApiBaseUrl(value, input = 'api-base-url') {
    const text = value.trim() || 'https://api.line.me';
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw new errors/* InputError */.dz(input, 'must be an absolute http(s) URL such as https://api.line.me.');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        throw new errors/* InputError */.dz(input, 'must use https:// (or http:// for a local emulator).');
    // Credentials or a query in the base URL would end up in logs and on every request.
    if (url.username || url.password)
        throw new errors/* InputError */.dz(input, 'must not contain a user name or password; use a proxy setting (HTTPS_PROXY) instead.');
    if (url.search || url.hash)
        throw new errors/* InputError */.dz(input, 'must not contain a query string or fragment.');
    return url.toString().replace(/\/+$/, '');
}
function parseLifetime(value, input = 'lifetime') {
    return parseDuration(value.trim() || '1h', { input, minSeconds: 1, maxSeconds: MAX_TOKEN_LIFETIME_SECONDS });
}
/** The inputs every action of this repository reads the same way: who we are to LINE. */
function inputs_readChannelInputs(getInput) {
    const channelId = parseChannelId(getInput('channel-id'));
    const privateKey = getInput('private-key');
    if (!privateKey.trim()) {
        throw new InputError('private-key', 'is required: pass the assertion signing private key from a secret, e.g. private-key: ${{ secrets.LINE_ASSERTION_PRIVATE_KEY }}.');
    }
    return { channelId, privateKey, keyId: getInput('key-id').trim(), channelSecret: getInput('channel-secret').trim() };
}
function readActionInputs(getInput) {
    const { channelId, privateKey, keyId, channelSecret } = inputs_readChannelInputs(getInput);
    const tokenType = parseTokenType(getInput('token-type'));
    const lifetimeSeconds = tokenType === 'v2.1' ? parseLifetime(getInput('lifetime')) : 900;
    const revoke = inputs_parseBoolean(getInput('revoke'), 'revoke', true);
    const apiBaseUrl = inputs_parseApiBaseUrl(getInput('api-base-url'));
    const ledger = getInput('ledger').trim();
    const githubToken = getInput('github-token').trim();
    if (tokenType === 'v2.1' && revoke && !channelSecret) {
        throw new InputError('channel-secret', 'is needed to revoke the token when the job ends (LINE\'s revoke call requires it). Pass channel-secret: ${{ secrets.LINE_CHANNEL_SECRET }}, or set revoke: false (the token then stays valid until it expires and holds one of the channel\'s 30 slots).');
    }
    if (tokenType === 'v2.1' && ledger && !channelSecret) {
        throw new InputError('channel-secret', 'is needed with a ledger: tokens in the ledger are encrypted with a key derived from the channel secret.');
    }
    return { channelId, privateKey, keyId, channelSecret, tokenType, lifetimeSeconds, revoke, apiBaseUrl, ledger, githubToken };
}

;// CONCATENATED MODULE: ./src/cli/settings.ts
/**
 * Settings common to the commands, from a flag or an environment variable (the flag wins).
 * Secrets come from environment variables or files; a secret given as a plain flag is
 * accepted with a warning, since it lands in shell history and the process list.
 */




const ENV = {
    channelId: 'LINE_CHANNEL_ID',
    privateKey: 'LINE_PRIVATE_KEY',
    privateKeyFile: 'LINE_PRIVATE_KEY_FILE',
    keyId: 'LINE_KEY_ID',
    channelSecret: 'LINE_CHANNEL_SECRET',
    channelSecretFile: 'LINE_CHANNEL_SECRET_FILE',
    apiBaseUrl: 'LINE_API_BASE_URL'
};
/** The flags of every command that signs assertions. */
const CHANNEL_OPTIONS = {
    'channel-id': { type: 'string' },
    'private-key-file': { type: 'string' },
    'private-key': { type: 'string' },
    'key-id': { type: 'string' },
    'api-base-url': { type: 'string' }
};
const CHANNEL_SECRET_OPTIONS = {
    'channel-secret-file': { type: 'string' },
    'channel-secret': { type: 'string' }
};
/** A setting: the flag's value, else the environment's (empty counts as unset); `input` names where it came from. */
function setting(ctx, flags, flag, env) {
    const fromFlag = flags.string(flag);
    if (fromFlag !== undefined)
        return { value: fromFlag, input: `--${flag}` };
    const fromEnv = ctx.io.env[env];
    if (fromEnv)
        return { value: fromEnv, input: env };
    return undefined;
}
function readChannelId(ctx, flags) {
    const given = setting(ctx, flags, 'channel-id', ENV.channelId);
    if (!given) {
        throw new UsageError(`the channel ID is required: set ${ENV.channelId} or pass --channel-id ID (LINE Developers Console → your channel → Basic settings → Channel ID).`);
    }
    return parseChannelId(given.value, given.input);
}
/** The channel ID when given, for commands where it is optional (the emulator). */
function readOptionalChannelId(ctx, flags) {
    const given = setting(ctx, flags, 'channel-id', ENV.channelId);
    return given && parseChannelId(given.value, given.input);
}
function readApiBaseUrl(ctx, flags) {
    const given = setting(ctx, flags, 'api-base-url', ENV.apiBaseUrl);
    return inputs_parseApiBaseUrl(given?.value ?? '', given?.input);
}
const PRIVATE_KEY = {
    what: 'the private key',
    valueFlag: 'private-key',
    fileFlag: 'private-key-file',
    env: ENV.privateKey,
    fileEnv: ENV.privateKeyFile
};
const CHANNEL_SECRET = {
    what: 'the channel secret',
    valueFlag: 'channel-secret',
    fileFlag: 'channel-secret-file',
    env: ENV.channelSecret,
    fileEnv: ENV.channelSecretFile
};
/** A secret from --X-file, X_FILE, X, or (with a warning) --X. Registered with the redactor at once. */
async function readSecret(ctx, flags, source) {
    const { what, valueFlag, fileFlag, env, fileEnv } = source;
    const given = await readSecretText(ctx, flags, source);
    if (given === undefined)
        return undefined;
    ctx.redactor.add(given.value);
    if (given.input === `--${valueFlag}`) {
        ctx.warn(`--${valueFlag} puts ${what} in your shell history and the process list. Use ${env} or ${fileEnv}=FILE (or --${fileFlag} FILE) instead.`);
    }
    return given;
}
async function readSecretText(ctx, flags, source) {
    const { what, valueFlag, fileFlag, env, fileEnv } = source;
    const value = flags.string(valueFlag);
    const file = flags.string(fileFlag);
    if (value !== undefined && file !== undefined)
        throw new UsageError(`give ${what} once: --${valueFlag} or --${fileFlag}, not both.`);
    if (value !== undefined)
        return { value, input: `--${valueFlag}` };
    if (file !== undefined)
        return { value: await readInputFile(ctx, file, `--${fileFlag}`, what), input: `--${fileFlag}` };
    const envValue = ctx.io.env[env];
    const envFile = ctx.io.env[fileEnv];
    if (envValue && envFile)
        throw new UsageError(`${env} and ${fileEnv} are both set; set only one of them to give ${what}.`);
    if (envFile)
        return { value: await readInputFile(ctx, envFile, fileEnv, what), input: fileEnv };
    if (envValue)
        return { value: envValue, input: env };
    return undefined;
}
/** The assertion signing key and its key ID. Missing or bad → exit 2, before anything is sent. */
async function readChannelKey(ctx, flags) {
    const given = await readSecret(ctx, flags, PRIVATE_KEY);
    if (!given || !given.value.trim()) {
        throw new UsageError(`${given ? `${given.input} is empty; ` : ''}the assertion signing private key is required: set ${ENV.privateKeyFile}=FILE (a private JWK or PEM file), ` +
            `or ${ENV.privateKey} to the key itself, or pass --private-key-file FILE. No key yet? Run "line-token keygen --out FILE".`);
    }
    const signingKey = key_loadPrivateKey(given.value, given.input);
    ctx.redactor.addAll(signingKey.secrets);
    const explicit = setting(ctx, flags, 'key-id', ENV.keyId);
    if (!explicit && signingKey.keyId === undefined) {
        throw new UsageError(`the key ID is required, as the private key carries no "kid": set ${ENV.keyId} or pass --key-id KID ` +
            '(the kid the LINE Developers Console showed when you registered the public key: your channel → Basic settings → Assertion Signing Key).');
    }
    return { signingKey, keyId: key_resolveKeyId(explicit?.value, signingKey, explicit?.input ?? ENV.keyId) };
}
/** The channel secret, trimmed; undefined when not given. */
async function readChannelSecret(ctx, flags) {
    const given = await readSecret(ctx, flags, CHANNEL_SECRET);
    if (!given)
        return undefined;
    const secret = given.value.trim();
    if (!secret)
        throw new UsageError(`${given.input} is empty: give the channel secret (LINE Developers Console → your channel → Basic settings → Channel secret).`);
    if (/\s/.test(secret))
        throw new UsageError(`${given.input} contains whitespace: give only the channel secret, on one line.`);
    return secret;
}
/** The channel secret, or exit 2 saying why it is needed. */
async function requireChannelSecret(ctx, flags, why) {
    const secret = await readChannelSecret(ctx, flags);
    if (secret === undefined) {
        throw new UsageError(`the channel secret is required ${why}: set ${ENV.channelSecret} (e.g. read -rs ${ENV.channelSecret} && export ${ENV.channelSecret}) ` +
            `or ${ENV.channelSecretFile}=FILE, or pass --channel-secret-file FILE.`);
    }
    return secret;
}

;// CONCATENATED MODULE: ./src/cli/commands/emulator.ts
/**
 * emulator: the project's LINE API emulator on a local port, with a channel and a registered
 * key, so bot developers can test their own code offline. Runs until SIGINT or SIGTERM.
 * The channel secret is printed: it belongs to a local test channel only.
 */







const DEFAULT_EMULATOR_CHANNEL_ID = '1234567890';
const emulatorCommand = {
    name: 'emulator',
    summary: 'run the LINE API emulator locally for offline tests',
    options: {
        port: { type: 'string', short: 'p' },
        'key-file': { type: 'string' },
        'channel-id': { type: 'string' },
        ...CHANNEL_SECRET_OPTIONS,
        json: { type: 'boolean' }
    },
    help: formatHelp({
        usage: 'line-token emulator [--port N] [--key-file FILE] [--channel-id ID] [--json]',
        description: [
            "Runs the LINE API emulator (the five channel access token endpoints, LINE's rules and error",
            'shapes, real RS256 checks) on 127.0.0.1 until Ctrl+C. It creates one channel and registers one',
            'key: the public half of --key-file (a public or private JWK or PEM), or a newly generated pair',
            'whose private JWK is written to a temporary file (removed on exit). Prints the settings to point',
            'your code (or line-token) at it, as export lines or, with --json, one JSON object. The channel',
            'secret is generated unless given. Its admin API is under /__emulator/ (see docs/cli.md).'
        ],
        options: [
            '-p, --port N             the port (default 0: a free one)',
            '--key-file FILE          register the public half of this key instead of generating one',
            `--channel-id ID          the channel's ID (env ${ENV.channelId}; default ${DEFAULT_EMULATOR_CHANNEL_ID})`,
            `--channel-secret-file FILE  the channel's secret (env ${ENV.channelSecret}; default: generated)`,
            '--channel-secret SECRET     the secret itself (discouraged: it lands in shell history)',
            '--json                   print the settings as one JSON object'
        ],
        examples: [
            'line-token emulator --port 8080',
            'line-token emulator --key-file line-private.jwk.json --channel-id 1234567890',
            'line-token emulator --json > emulator.json &'
        ]
    }),
    run: emulator
};
async function emulator(ctx, flags) {
    const port = readPort(flags.string('port'));
    const channelId = readOptionalChannelId(ctx, flags) ?? DEFAULT_EMULATOR_CHANNEL_ID;
    const givenSecret = await readChannelSecret(ctx, flags);
    const keyFile = flags.string('key-file');
    const key = keyFile === undefined ? await generateEmulatorKey() : await readEmulatorKey(ctx, keyFile);
    try {
        const server = await listen(port);
        try {
            const { channelSecret } = server.addChannel(channelId, givenSecret);
            ctx.redactor.add(channelSecret);
            const keyId = server.registerPublicKey(channelId, consolePublicJwk(key.publicKey));
            printSettings(ctx, flags.boolean('json'), { url: server.url, port: server.port, channelId, channelSecret, keyId, key });
            ctx.say(`LINE API emulator at ${server.url}: channel ${channelId}, key ID ${keyId}. Press Ctrl+C to stop.`);
            if (key.carriedKid !== undefined && key.carriedKid !== keyId) {
                ctx.warn(`the key file's JWK carries kid ${key.carriedKid}; the emulator assigned ${keyId}. Set ${ENV.keyId}=${keyId} (it wins over the JWK's kid).`);
            }
            await untilStopped(ctx);
        }
        finally {
            await server.close();
        }
    }
    finally {
        await key.cleanUp();
    }
    ctx.say('Emulator stopped.');
}
function readPort(text) {
    if (text === undefined)
        return 0;
    const port = Number(text.trim());
    if (!/^\d{1,5}$/.test(text.trim()) || port > 65_535)
        throw new errors/* InputError */.dz('--port', 'must be a port number from 0 to 65535 (0 picks a free one).');
    return port;
}
async function listen(port) {
    try {
        return await server_startEmulator({ port });
    }
    catch (error) {
        // What fails here is listening: the port is taken, or needs privileges.
        throw new errors/* InputError */.dz('--port', `cannot listen on 127.0.0.1:${port} (${describeErrorCode(error)}): choose another port, or 0 for a free one.`);
    }
}
function printSettings(ctx, json, settings) {
    const { url, port, channelId, channelSecret, keyId, key } = settings;
    if (json) {
        const privateKeyFile = key.privateKeyFile === undefined ? {} : { private_key_file: key.privateKeyFile };
        ctx.print(JSON.stringify({ url, port, channel_id: channelId, channel_secret: channelSecret, key_id: keyId, ...privateKeyFile }));
        return;
    }
    ctx.print(`export ${ENV.apiBaseUrl}=${url}`);
    ctx.print(`export ${ENV.channelId}=${channelId}`);
    ctx.print(`export ${ENV.channelSecret}=${channelSecret}`);
    ctx.print(`export ${ENV.keyId}=${keyId}`);
    if (key.privateKeyFile !== undefined)
        ctx.print(`export ${ENV.privateKeyFile}=${shellQuote(key.privateKeyFile)}`);
}
/** Resolves on the first SIGINT or SIGTERM. */
function untilStopped(ctx) {
    const signals = ctx.io.signals ?? process;
    return new Promise((resolve) => {
        const stop = () => {
            signals.removeListener('SIGINT', stop);
            signals.removeListener('SIGTERM', stop);
            resolve();
        };
        signals.once('SIGINT', stop);
        signals.once('SIGTERM', stop);
    });
}

;// CONCATENATED MODULE: ./src/record-issued.ts
/**
 * "Nothing untracked": a v2.1 token issued with a ledger is either recorded or revoked at
 * once. Shared by the main step and the CLI's `issue`.
 */

/** Records the entry; on failure revokes the token and describes what happened (never throws). */
async function recordOrRevoke(params) {
    const { ledger, session, channelSecret, entry } = params;
    try {
        await ledger.put(entry);
        return undefined;
    }
    catch (error) {
        try {
            await session.revokeToken({ channelSecret, accessToken: entry.accessToken });
            return { error, revoked: true };
        }
        catch (revokeError) {
            return { error, revoked: false, revokeError: (0,errors/* messageOf */.bD)(revokeError) };
        }
    }
}

;// CONCATENATED MODULE: ./src/run-context.ts
/** The workflow run that issued a token, from the runner's environment (absent outside Actions). */
function issuingRunFromEnv(env) {
    if (!env.GITHUB_RUN_ID)
        return undefined;
    const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
    const repository = env.GITHUB_REPOSITORY;
    return {
        repository,
        workflow: env.GITHUB_WORKFLOW,
        job: env.GITHUB_JOB,
        runId: env.GITHUB_RUN_ID,
        runAttempt: env.GITHUB_RUN_ATTEMPT,
        url: repository ? `${server}/${repository}/actions/runs/${env.GITHUB_RUN_ID}` : undefined
    };
}

// EXTERNAL MODULE: ./src/ledger/record.ts + 9 modules
var record = __nccwpck_require__(5667);
;// CONCATENATED MODULE: ./src/ledger/file.ts
/**
 * `file:DIR` ledger: `<DIR>/<channel-id>/<key-id>.json`. Every write goes to a temp file in
 * the same directory and is renamed into place, so a crash leaves either the old record or
 * the new one, and parallel jobs on one machine never see half a file.
 */





function createFileLedger(options) {
    const root = external_node_path_default().resolve(options.dir);
    const { channelSecret } = options;
    const fileOf = (channelId, keyId) => external_node_path_default().join(root, ...(0,record/* recordPath */.lX)(channelId, keyId).split('/'));
    return {
        description: `file:${root}`,
        async put(entry) {
            (0,record/* validateEntry */.hu)(entry);
            const text = await (0,record/* sealEntry */.I$)(entry, channelSecret);
            const target = fileOf(entry.channelId, entry.keyId);
            await fsStep(`create the ledger directory ${external_node_path_default().dirname(target)}`, () => (0,promises_namespaceObject.mkdir)(external_node_path_default().dirname(target), { recursive: true, mode: 0o700 }));
            await writeAtomically(target, text);
        },
        async remove(channelId, keyId) {
            (0,record/* assertSafeId */.VJ)('channel ID', channelId);
            (0,record/* assertSafeId */.VJ)('key ID', keyId);
            const target = fileOf(channelId, keyId);
            await fsStep(`remove the ledger record ${target}`, async () => {
                await (0,promises_namespaceObject.unlink)(target).catch((error) => {
                    if (error.code !== 'ENOENT')
                        throw error;
                });
            });
        },
        async list(channelId) {
            (0,record/* assertSafeId */.VJ)('channel ID', channelId);
            const dir = external_node_path_default().join(root, channelId);
            const names = await fsStep(`read the ledger directory ${dir}`, () => (0,promises_namespaceObject.readdir)(dir).catch((error) => {
                if (error.code === 'ENOENT')
                    return [];
                throw error;
            }));
            const entries = [];
            for (const name of names.sort()) {
                // Temp files start with a dot and end in .tmp; anything else that is not a record is left alone.
                const keyId = (0,record/* keyIdOfFileName */.jt)(name);
                if (keyId === undefined)
                    continue;
                const file = external_node_path_default().join(dir, name);
                const text = await fsStep(`read the ledger record ${file}`, () => (0,promises_namespaceObject.readFile)(file, 'utf8').catch((error) => {
                    // Removed by a parallel job between readdir and here: it is gone, not an error.
                    if (error.code === 'ENOENT')
                        return undefined;
                    throw error;
                }));
                if (text === undefined)
                    continue;
                entries.push(await (0,record/* openRecord */.C6)(text, { channelSecret, channelId, keyId, where: file }));
            }
            return entries;
        }
    };
}
/** Write to a uniquely named temp file (0600), fsync, rename over the target, fsync the directory. */
async function writeAtomically(target, text) {
    const dir = external_node_path_default().dirname(target);
    const temp = external_node_path_default().join(dir, `.${external_node_path_default().basename(target)}.${(0,external_node_crypto_.randomBytes)(8).toString('hex')}.tmp`);
    try {
        await fsStep(`write the ledger record ${target}`, async () => {
            const handle = await (0,promises_namespaceObject.open)(temp, 'wx', 0o600);
            try {
                await handle.writeFile(text, 'utf8');
                await handle.sync();
            }
            finally {
                await handle.close();
            }
            await (0,promises_namespaceObject.rename)(temp, target);
        });
    }
    catch (error) {
        await (0,promises_namespaceObject.unlink)(temp).catch(() => undefined);
        throw error;
    }
    // Make the rename itself durable. Some platforms cannot fsync a directory; the record is written anyway.
    await syncDirectory(dir);
}
async function syncDirectory(dir) {
    try {
        const handle = await (0,promises_namespaceObject.open)(dir, 'r');
        try {
            await handle.sync();
        }
        finally {
            await handle.close();
        }
    }
    catch {
        /* best effort */
    }
}
/** Run a file-system step, turning its failure into a LedgerError that says what was being done. */
async function fsStep(what, step) {
    try {
        return await step();
    }
    catch (error) {
        if (error instanceof types/* LedgerError */.o)
            throw error;
        const code = error.code;
        const hint = code === 'EACCES' || code === 'EPERM' ? ': check that the runner user may write there' : '';
        throw new types/* LedgerError */.o(`could not ${what} (${code ?? error.message})${hint}`);
    }
}

;// CONCATENATED MODULE: ./src/ledger/spec.ts
/** Parsing of the `ledger` input. Pure, so every accepted and rejected form is testable. */

const DEFAULT_LEDGER_BRANCH = 'line-token-ledger';
const FORMS = 'use `file:DIR`, `github` (this repository), `github:OWNER/REPO` or `github:OWNER/REPO@BRANCH`';
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const REPO = /^[A-Za-z0-9._-]{1,100}$/;
/**
 * Parse a ledger spec. `currentRepository` (GITHUB_REPOSITORY) is the default for `github`.
 * Every rejection is an InputError on `ledger` that lists the accepted forms.
 */
function parseLedgerSpec(spec, currentRepository) {
    const value = spec.trim();
    const bad = (why) => new errors/* InputError */.dz('ledger', `${why}: ${FORMS}`);
    if (value.startsWith('file:')) {
        const dir = value.slice('file:'.length).trim();
        if (!dir)
            throw bad('`file:` needs a directory, e.g. `file:.line-token-ledger`');
        if (dir.includes('\0'))
            throw bad('the directory contains a NUL character');
        return { kind: 'file', dir };
    }
    if (value === 'github') {
        if (!currentRepository) {
            throw bad('`github` stores the ledger in the current repository, but GITHUB_REPOSITORY is not set; name it with `github:OWNER/REPO`');
        }
        const { owner, repo } = parseRepository(currentRepository, (why) => bad(`the current repository (GITHUB_REPOSITORY) ${why}`));
        return { kind: 'github', owner, repo, branch: DEFAULT_LEDGER_BRANCH };
    }
    if (value.startsWith('github:')) {
        const rest = value.slice('github:'.length);
        const at = rest.indexOf('@');
        const repository = at === -1 ? rest : rest.slice(0, at);
        const branch = at === -1 ? DEFAULT_LEDGER_BRANCH : rest.slice(at + 1);
        const { owner, repo } = parseRepository(repository, (why) => bad(`\`${describe(value)}\`: the repository ${why}`));
        if (!isValidBranch(branch))
            throw bad(`\`${describe(value)}\`: ${describe(branch) || 'an empty name'} is not a valid branch name`);
        return { kind: 'github', owner, repo, branch };
    }
    throw bad(value ? `\`${describe(value)}\` is not a ledger` : 'the ledger is empty');
}
function parseRepository(value, bad) {
    const parts = value.split('/');
    if (parts.length !== 2)
        throw bad('must be OWNER/REPO');
    const [owner, repo] = parts;
    if (!OWNER.test(owner))
        throw bad(`owner ${JSON.stringify(describe(owner))} is not a valid GitHub account name`);
    if (!REPO.test(repo) || repo === '.' || repo === '..')
        throw bad(`name ${JSON.stringify(describe(repo))} is not a valid repository name`);
    return { owner, repo };
}
/** Git's ref-name rules (git check-ref-format), enough to refuse anything GitHub would. */
function isValidBranch(name) {
    if (!name || name.length > 200)
        return false;
    if (hasControlCharacter(name) || /[ ~^:?*[\\]/.test(name))
        return false;
    if (name.startsWith('-') || name.startsWith('/') || name.endsWith('/') || name.endsWith('.') || name.endsWith('.lock'))
        return false;
    if (name.includes('..') || name.includes('//') || name.includes('@{') || name === '@')
        return false;
    return name.split('/').every((part) => !part.startsWith('.'));
}
/** A bounded, printable rendering of user input for messages. */
function describe(value) {
    const printable = Array.from(value, (c) => (hasControlCharacter(c) ? '?' : c)).join('');
    return printable.length > 80 ? `${printable.slice(0, 80)}…` : printable;
}
function hasControlCharacter(value) {
    return Array.from(value).some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
}

;// CONCATENATED MODULE: ./src/ledger/index.ts





/**
 * Open the ledger named by `spec`: `github`, `github:OWNER/REPO`, `github:OWNER/REPO@BRANCH`
 * (branch default `line-token-ledger`), or `file:DIR`. The GitHub backend is imported lazily
 * so runs without it never load @actions/github. Bad spec → InputError on input `ledger`.
 */
async function openLedger(spec, context) {
    const parsed = parseLedgerSpec(spec, context.currentRepository);
    if (!context.channelSecret) {
        throw new errors/* InputError */.dz('channel-secret', 'the ledger encrypts tokens with a key derived from the channel secret: set `channel-secret`');
    }
    if (parsed.kind === 'file') {
        return createFileLedger({ dir: parsed.dir, channelSecret: context.channelSecret });
    }
    if (!context.githubToken) {
        throw new errors/* InputError */.dz('github-token', `the \`github\` ledger writes to ${parsed.owner}/${parsed.repo} through the GitHub API and needs a token: keep the default \`\${{ github.token }}\` or pass one`);
    }
    const { createGitHubLedger } = await Promise.all(/* import() */[__nccwpck_require__.e(119), __nccwpck_require__.e(413), __nccwpck_require__.e(218)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5218));
    return createGitHubLedger({
        ...parsed,
        token: context.githubToken,
        apiUrl: context.githubApiUrl || 'https://api.github.com',
        channelSecret: context.channelSecret,
        logger: context.logger
    });
}

;// CONCATENATED MODULE: ./src/cli/ledger.ts
/** The ledger for the CLI: `file:DIR` (relative to the working directory) or a GitHub repository via GITHUB_TOKEN. */



const LEDGER_OPTIONS = { ledger: { type: 'string' } };
const LEDGER_HELP = '--ledger SPEC            file:DIR, or github:OWNER/REPO[@BRANCH] (needs GITHUB_TOKEN or GH_TOKEN with contents: write)';
async function openCliLedger(ctx, spec, channelSecret) {
    const { env, cwd } = ctx.io;
    const parsed = parseLedgerSpec(spec, env.GITHUB_REPOSITORY);
    const githubToken = env.GITHUB_TOKEN || env.GH_TOKEN;
    ctx.redactor.add(githubToken);
    if (parsed.kind === 'file') {
        // Relative to the working directory the CLI was given, not the process's.
        return openLedger(`file:${external_node_path_default().resolve(cwd, parsed.dir)}`, { channelSecret, logger: ctx.logger });
    }
    if (!githubToken) {
        throw new UsageError(`the ledger ${spec.trim()} is kept in ${parsed.owner}/${parsed.repo} through the GitHub API: set GITHUB_TOKEN (or GH_TOKEN) to a token with contents: write on it, e.g. GH_TOKEN=$(gh auth token).`);
    }
    return openLedger(spec, {
        channelSecret,
        githubToken,
        currentRepository: env.GITHUB_REPOSITORY,
        githubApiUrl: env.GITHUB_API_URL,
        logger: ctx.logger
    });
}

// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/proxy.js
var proxy = __nccwpck_require__(9783);
;// CONCATENATED MODULE: ./src/http-transport.ts
/**
 * The default transport: one attempt, through @actions/http-client when a proxy applies
 * (HTTPS_PROXY / NO_PROXY as http-client reads them; it always bypasses the proxy for 127.*
 * and localhost), else straight through node:http(s) the way http-client sends it.
 * Redirects are not followed, retries are left to the caller, the whole attempt is bounded
 * by a timer, and the body is read with a byte limit.
 */




/** Certificate and TLS failures: the server's identity could not be checked. */
const TLS_CERT_CODES = new Set([
    'CERT_HAS_EXPIRED',
    'CERT_NOT_YET_VALID',
    'CERT_UNTRUSTED',
    'CERT_SIGNATURE_FAILURE',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'ERR_TLS_CERT_ALTNAME_INVALID'
]);
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN']);
/** Failures that happen before the request reaches the server, so a retry cannot repeat it. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const NETWORK_HINTS = {
    tls: "The server's certificate is not trusted: add your CA with NODE_EXTRA_CA_CERTS.",
    certExpired: "The server's certificate has expired (or this machine's clock is wrong): check the certificate at api-base-url.",
    altName: "The server's certificate does not match the host in api-base-url: check api-base-url.",
    protocol: 'The TLS handshake failed: check that api-base-url uses https:// only for a server that speaks TLS.',
    dns: 'Cannot resolve the host in api-base-url: check its spelling and the runner’s DNS.',
    refused: 'Nothing accepted the connection at api-base-url (or at HTTPS_PROXY): check the URL, the port and the proxy settings.'
};
/** Guidance for a socket error code, if there is any to give. */
function networkHint(code) {
    if (!code)
        return undefined;
    if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID')
        return NETWORK_HINTS.certExpired;
    if (code === 'ERR_TLS_CERT_ALTNAME_INVALID')
        return NETWORK_HINTS.altName;
    if (TLS_CERT_CODES.has(code))
        return NETWORK_HINTS.tls;
    if (code === 'EPROTO' || code.startsWith('ERR_SSL_'))
        return NETWORK_HINTS.protocol;
    if (DNS_CODES.has(code))
        return NETWORK_HINTS.dns;
    if (code === 'ECONNREFUSED')
        return NETWORK_HINTS.refused;
    return undefined;
}
/** True when retrying cannot help: the certificate will be just as wrong next time. */
function isPermanentNetworkCode(code) {
    return code !== undefined && (TLS_CERT_CODES.has(code) || code === 'EPROTO' || code.startsWith('ERR_SSL_'));
}
/** True when the request surely never reached the server (safe to retry even a non-idempotent call). */
function isNotSentCode(code) {
    return code !== undefined && NOT_SENT_CODES.has(code);
}
/**
 * Our error for a failed socket. The underlying message is dropped on purpose: it can hold
 * the request URL, whose query may carry a token; only a well-formed code is kept.
 */
function networkError(cause, operation) {
    const raw = cause?.code;
    const code = typeof raw === 'string' && /^[A-Z0-9_]{2,64}$/.test(raw) ? raw : undefined;
    return new errors/* LineApiError */.pI({ kind: 'network', operation, code, hint: networkHint(code) });
}
function timeoutError(operation, timeoutMs) {
    return new errors/* LineApiError */.pI({
        kind: 'timeout',
        operation,
        hint: `No answer within ${formatSeconds(timeoutMs)}: LINE or the network in between is slow or unreachable.`
    });
}
function bodyTooLargeError(operation, status, maxBodyBytes) {
    return new errors/* LineApiError */.pI({
        kind: 'invalid-response',
        operation,
        status,
        hint: `The answer's body is larger than ${maxBodyBytes} bytes, far more than LINE sends: check api-base-url.`
    });
}
function formatSeconds(ms) {
    return `${Math.round(ms / 100) / 10} s`;
}
/** The transport's own name for the call; createLineHttp replaces it with the operation. */
function describeRequest(request) {
    return `${request.method} ${safePath(request.url)}`;
}
/** The URL's path without query or fragment (they can hold tokens). */
function safePath(url) {
    try {
        return new URL(url).pathname;
    }
    catch {
        return '(invalid URL)';
    }
}
function createHttpClientTransport(userAgent) {
    return (request) => sendOnce(request, userAgent);
}
async function sendOnce(request, userAgent) {
    const operation = describeRequest(request);
    const controller = new AbortController();
    const ua = userAgent ?? request.headers['user-agent'];
    let timer;
    const deadline = new Promise((_, reject) => {
        timer = setTimeout(() => {
            reject(timeoutError(operation, request.timeoutMs));
            controller.abort();
        }, request.timeoutMs);
    });
    try {
        // No proxy for this URL (the usual case): node:http directly, as http-client would do it.
        // Through a proxy: http-client itself (its tunnel agents), loaded only then, because it
        // imports undici, which costs about a third of a step's start-up.
        const attempt = (0,proxy/* getProxyUrl */.s)(new URL(request.url))
            ? Promise.all(/* import() */[__nccwpck_require__.e(119), __nccwpck_require__.e(779)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2779)).then(({ HttpClient }) => exchange(
            // A fresh client per attempt, so the abort signal belongs to this request only.
            new HttpClient(ua, [abortWith(controller.signal)], { allowRedirects: false, allowRetries: false, keepAlive: false, socketTimeout: request.timeoutMs }), request, operation))
            : exchangeDirect(request, ua, controller.signal, operation);
        return await Promise.race([attempt, deadline]);
    }
    catch (error) {
        throw toTransportError(error, operation, request.timeoutMs);
    }
    finally {
        clearTimeout(timer);
    }
}
async function exchange(client, request, operation) {
    const response = await client.request(request.method, request.url, request.body ?? null, request.headers);
    const message = response.message;
    const status = message.statusCode ?? 0;
    const body = await readBounded(message, request.maxBodyBytes, () => bodyTooLargeError(operation, status, request.maxBodyBytes));
    return { status, headers: flattenHeaders(message.headers), body };
}
/** One request with node:http(s), the way http-client sends it without a proxy: no keep-alive, no redirects. */
async function exchangeDirect(request, userAgent, signal, operation) {
    const url = new URL(request.url);
    const usingSsl = url.protocol === 'https:';
    const headers = {};
    for (const [name, value] of Object.entries(request.headers))
        headers[name.toLowerCase()] = value;
    if (userAgent != null)
        headers['user-agent'] = userAgent;
    if (typeof request.body === 'string')
        headers['Content-Length'] = Buffer.byteLength(request.body, 'utf8');
    const options = {
        host: url.hostname,
        port: url.port ? parseInt(url.port) : usingSsl ? 443 : 80,
        path: (url.pathname || '') + (url.search || ''),
        method: request.method,
        headers,
        agent: usingSsl ? new external_node_https_namespaceObject.Agent({ keepAlive: false }) : new external_node_http_.Agent({ keepAlive: false }),
        signal
    };
    const message = await new Promise((resolve, reject) => {
        const req = (usingSsl ? external_node_https_namespaceObject : external_node_http_).request(options, resolve);
        req.setTimeout(request.timeoutMs, () => {
            req.socket?.end();
            // Our own error: a message with the path would carry verify's access_token query.
            reject(timeoutError(operation, request.timeoutMs));
        });
        req.on('error', reject);
        if (request.body)
            req.write(request.body, 'utf8');
        req.end();
    });
    const status = message.statusCode ?? 0;
    const body = await readBounded(message, request.maxBodyBytes, () => bodyTooLargeError(operation, status, request.maxBodyBytes));
    return { status, headers: flattenHeaders(message.headers), body };
}
/** Reads the body, giving up (and closing the connection) as soon as it passes the limit. */
async function readBounded(message, maxBytes, tooLarge) {
    const declared = Number(message.headers['content-length']);
    if (declared > maxBytes) {
        message.destroy();
        throw tooLarge();
    }
    const chunks = [];
    let size = 0;
    for await (const chunk of message) {
        size += chunk.length;
        if (size > maxBytes)
            throw tooLarge(); // leaving the loop destroys the stream
        chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
}
function flattenHeaders(headers) {
    const flat = {};
    for (const [name, value] of Object.entries(headers)) {
        flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    return flat;
}
function toTransportError(error, operation, timeoutMs) {
    if (error instanceof errors/* LineApiError */.pI)
        return error;
    // http-client's own socket timeout rejects with "Request timeout: <path and query>".
    if (error instanceof Error && !('code' in error) && error.message.startsWith('Request timeout')) {
        return timeoutError(operation, timeoutMs);
    }
    return networkError(error, operation);
}
/** An http-client handler whose only job is to hand the request our abort signal. */
function abortWith(signal) {
    return {
        prepareRequest(options) {
            options.signal = signal;
        },
        canHandleAuthentication: () => false,
        handleAuthentication: () => Promise.reject(new Error('not supported'))
    };
}

;// CONCATENATED MODULE: ./src/http-response.ts
/**
 * Reading LINE's answers: the two error-body shapes, bodies that are not JSON (a proxy's
 * HTML page, an empty body), Retry-After and Date. Nothing here ever copies a non-JSON body
 * into a message: it may be a large HTML page, or hold a token.
 */
/** Longest piece of LINE's text we show; LINE's real messages are far shorter. */
const MAX_TEXT_CHARS = 300;
/** The body as JSON, or undefined when it is empty or not JSON. */
function parseJson(body) {
    if (body.trim() === '')
        return undefined;
    try {
        return JSON.parse(body);
    }
    catch {
        return undefined;
    }
}
/** `{"error","error_description"}` and `{"message"}`; fields that are not strings are ignored. */
function lineErrorFields(json) {
    if (!isRecord(json))
        return {};
    return {
        error: cleanText(json.error),
        errorDescription: cleanText(json.error_description),
        lineMessage: cleanText(json.message)
    };
}
function hasLineText(fields) {
    return Boolean(fields.error ?? fields.errorDescription ?? fields.lineMessage);
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** One line, bounded: a misbehaving server must not flood the log. */
function cleanText(value) {
    if (typeof value !== 'string')
        return undefined;
    const text = value.replace(/\s+/g, ' ').trim();
    if (text === '')
        return undefined;
    return text.length > MAX_TEXT_CHARS ? `${text.slice(0, MAX_TEXT_CHARS)}…` : text;
}
/** Says what kind of body came back when it is not LINE's JSON; never quotes it. */
function describeNonJsonBody(body, contentType) {
    if (body.trim() === '')
        return 'The answer had an empty body';
    if (/html/i.test(contentType ?? '') || /^\s*</.test(body))
        return 'The answer was an HTML page, not JSON from LINE';
    return 'The answer was not JSON';
}
const HTTP_HINTS = {
    redirect: 'api-base-url answered with a redirect; point it at the API itself.',
    rateLimited: 'LINE is limiting the request rate and kept refusing while we retried: wait a few minutes, then re-run.',
    serverError: 'LINE (or a gateway in front of it) failed; this is usually temporary: re-run the job later.',
    notFromLine: 'a proxy, gateway or load balancer probably answered instead of LINE: check api-base-url and HTTPS_PROXY / NO_PROXY.'
};
/** General guidance for a non-2xx answer; the LINE API client adds specific hints on top. */
function httpHint(status, fields, body, contentType) {
    if (status >= 300 && status < 400)
        return HTTP_HINTS.redirect;
    if (status === 429)
        return HTTP_HINTS.rateLimited;
    const bodyNote = hasLineText(fields) ? undefined : describeNonJsonBody(body, contentType);
    if (status >= 500)
        return bodyNote ? `${bodyNote}. ${HTTP_HINTS.serverError}` : HTTP_HINTS.serverError;
    return bodyNote ? `${bodyNote}: ${HTTP_HINTS.notFromLine}` : undefined;
}
/**
 * Retry-After as a delay in ms: delta-seconds, or an HTTP date relative to `nowMs`.
 * Undefined when absent or unreadable; never negative.
 */
function parseRetryAfter(value, nowMs) {
    const text = value?.trim();
    if (!text)
        return undefined;
    if (/^\d+$/.test(text))
        return Number(text) * 1000;
    // Date.parse is lenient ("1.5" is a date to it); an HTTP date always names a month or day.
    if (!/[a-z]/i.test(text))
        return undefined;
    const date = Date.parse(text);
    return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
/** The Date header in ms since the epoch, if it is readable. */
function parseHttpDate(value) {
    if (!value)
        return undefined;
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : date;
}

// EXTERNAL MODULE: ./src/logger.ts
var logger = __nccwpck_require__(6999);
;// CONCATENATED MODULE: ./src/http.ts
/**
 * The one HTTP layer for every LINE call: URL and body building, a per-attempt timeout, a
 * bounded retry policy (network errors, timeouts, 429 with Retry-After, 5xx; never other
 * statuses) and LineApiError for every failure. Logs carry no query strings, bodies or tokens.
 */






const DEFAULT_RETRY_POLICY = {
    maxAttempts: 4,
    baseDelayMs: 500,
    maxDelayMs: 10_000,
    totalBudgetMs: 60_000,
    timeoutMs: 10_000
};
const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
const DEFAULT_USER_AGENT = 'line-channel-access-token-action';
function http_createLineHttp(options) {
    const baseUrl = normaliseBaseUrl(options.baseUrl);
    const policy = { ...DEFAULT_RETRY_POLICY, ...options.policy };
    const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
    const context = {
        policy,
        transport: options.transport ?? createHttpClientTransport(userAgent),
        sleep: options.sleep ?? clock/* realSleep */.u,
        clock: options.clock ?? clock/* systemClock */.m,
        random: options.random ?? Math.random,
        logger: options.logger ?? logger/* silentLogger */.q,
        maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES
    };
    return (request) => call(context, request, buildRawRequest(baseUrl, request, userAgent, policy, context.maxBodyBytes));
}
async function call(context, request, raw) {
    const { policy, clock, logger } = context;
    const started = clock.now();
    for (let attempt = 1;; attempt++) {
        const remainingMs = policy.totalBudgetMs - (clock.now() - started);
        const outcome = await attemptOnce(context, { ...raw, timeoutMs: Math.max(1, Math.min(policy.timeoutMs, remainingMs)) }, request);
        if (outcome.response && isSuccess(outcome.response.status))
            return toLineResponse(outcome.response, attempt);
        const failure = outcome.error ?? httpError(request.operation, outcome.response);
        const delayMs = retryDelay(context, request, outcome, attempt);
        const elapsedMs = clock.now() - started;
        if (delayMs === undefined || attempt >= policy.maxAttempts || elapsedMs + delayMs >= policy.totalBudgetMs) {
            throw new errors/* LineApiError */.pI({ ...failure.details(), operation: request.operation, attempts: attempt });
        }
        logger.info(`${describeFailure(outcome, raw.timeoutMs)}; retrying in ${formatSeconds(delayMs)} (attempt ${attempt + 1} of ${policy.maxAttempts})`);
        await context.sleep(delayMs);
    }
}
async function attemptOnce(context, raw, request) {
    const startedAt = context.clock.now();
    let outcome;
    try {
        outcome = { response: await context.transport(raw) };
    }
    catch (error) {
        outcome = { error: error instanceof errors/* LineApiError */.pI ? error : networkError(error, request.operation) };
    }
    const ms = context.clock.now() - startedAt;
    context.logger.debug(`${raw.method} ${safePath(raw.url)} → ${describeOutcome(outcome)} (${ms} ms)`);
    return outcome;
}
/** How long to wait before the next attempt, or undefined when this failure is not retried. */
function retryDelay(context, request, outcome, attempt) {
    const { policy, random } = context;
    const idempotent = request.idempotent ?? true;
    const backoffMs = () => random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
    if (outcome.error) {
        const { kind, code } = outcome.error;
        if (kind === 'timeout')
            return idempotent ? backoffMs() : undefined;
        if (kind !== 'network' || isPermanentNetworkCode(code))
            return undefined;
        return idempotent || isNotSentCode(code) ? backoffMs() : undefined;
    }
    const { status, headers } = outcome.response;
    if (status === 429 || status === 503) {
        const retryAfterMs = parseRetryAfter(headers['retry-after'], context.clock.now());
        return retryAfterMs === undefined ? backoffMs() : Math.min(retryAfterMs, policy.maxDelayMs);
    }
    if (status >= 500 && status < 600)
        return idempotent || (status !== 502 && status !== 504) ? backoffMs() : undefined;
    return undefined;
}
function httpError(operation, response) {
    const fields = lineErrorFields(parseJson(response.body));
    return new errors/* LineApiError */.pI({
        kind: 'http',
        operation,
        status: response.status,
        ...fields,
        requestId: response.headers['x-line-request-id'],
        serverDate: parseHttpDate(response.headers['date']),
        hint: httpHint(response.status, fields, response.body, response.headers['content-type'])
    });
}
function toLineResponse(response, attempts) {
    return {
        status: response.status,
        headers: response.headers,
        body: response.body,
        json: parseJson(response.body),
        requestId: response.headers['x-line-request-id'],
        attempts
    };
}
function isSuccess(status) {
    return status >= 200 && status < 300;
}
/** For the debug log: a status or what went wrong, never a message that could hold data. */
function describeOutcome(outcome) {
    if (outcome.response)
        return String(outcome.response.status);
    const { kind, code } = outcome.error;
    if (kind === 'timeout')
        return 'timeout';
    if (kind === 'invalid-response')
        return 'unreadable answer';
    return code ? `network error (${code})` : 'network error';
}
/** For the retry notice. */
function describeFailure(outcome, timeoutMs) {
    if (outcome.response)
        return `LINE answered ${outcome.response.status}`;
    const { kind, code } = outcome.error;
    if (kind === 'timeout')
        return `LINE did not answer within ${formatSeconds(timeoutMs)}`;
    return `LINE could not be reached${code ? ` (${code})` : ''}`;
}
function buildRawRequest(baseUrl, request, userAgent, policy, maxBodyBytes) {
    const query = request.query && Object.keys(request.query).length ? `?${new URLSearchParams(request.query).toString()}` : '';
    const path = request.path.startsWith('/') ? request.path : `/${request.path}`;
    const headers = { accept: 'application/json', 'user-agent': userAgent };
    let body;
    if (request.form) {
        headers['content-type'] = 'application/x-www-form-urlencoded';
        body = new URLSearchParams(request.form).toString();
    }
    return { method: request.method, url: `${baseUrl}${path}${query}`, headers, body, timeoutMs: policy.timeoutMs, maxBodyBytes };
}
/** Validates api-base-url and drops trailing slashes; a path prefix (a gateway's) is kept. */
function normaliseBaseUrl(baseUrl) {
    let url;
    try {
        url = new URL(baseUrl.trim());
    }
    catch {
        throw new errors/* InputError */.dz('api-base-url', 'not a URL; use an http(s) URL such as https://api.line.me');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new errors/* InputError */.dz('api-base-url', `use an http:// or https:// URL (got ${url.protocol}), such as https://api.line.me`);
    }
    if (url.search || url.hash || url.username || url.password) {
        throw new errors/* InputError */.dz('api-base-url', 'remove the query string, fragment or credentials; give just the scheme, host and an optional path, such as https://api.line.me');
    }
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

;// CONCATENATED MODULE: ./src/line-errors.ts

/** How each call is named in messages and logs. */
const OPERATION_NAMES = {
    issueV21Token: 'issue a v2.1 token',
    issueStatelessToken: 'issue a stateless token',
    listValidKeyIds: 'list valid key IDs',
    verifyToken: 'verify a token',
    revokeToken: 'revoke a token'
};
const LINE_HINTS = {
    unknownKeyId: 'LINE does not know this key ID for this channel: check `key-id` (the kid the LINE Developers Console showed when the public key was registered) and `channel-id`, and that the public key is registered on this channel.',
    tokenCap: "The channel already holds 30 active v2.1 tokens, LINE's limit, and LINE refuses new ones until some expire or are revoked. Let this action revoke what it issues (`revoke: true`, the default, with `channel-secret`), run the revoke-all clean-up workflow to free the slots now, or use `token-type: stateless` (15-minute tokens with no cap).",
    badSignature: "LINE could not verify the assertion's signature: `private-key` does not match the public key registered under `key-id`.",
    issMismatch: '`channel-id` is not the channel that `key-id` belongs to: check both in the LINE Developers Console.',
    malformedAssertion: 'LINE could not read the assertion: check that `private-key` is an RSA key (RS256, 2048 bits) and `key-id` the kid LINE gave for it.',
    assertionRefused: 'LINE refused the assertion: check that `private-key` matches the public key registered under `key-id`, and that `channel-id` is that key’s channel.',
    wrongSecret: 'LINE refused the channel credentials: check `channel-secret` (the channel secret of this channel, from Basic settings) and `channel-id`.',
    tokenInvalid: 'The token is expired, revoked, or not a channel access token of this channel.',
    gateway: "HTTP 401 and 403 are not answers LINE's token endpoints give: a proxy or gateway at api-base-url (or HTTPS_PROXY) probably refused the request; check its credentials or allow-list.",
    proxyAuth: 'The proxy requires authentication: put the user and password in the HTTPS_PROXY URL.',
    throttled: 'LINE throttles channels that issue many v2.1 tokens in a short time: issue fewer (one token per job) or use `token-type: stateless`.',
    maybeIssued: "LINE may have issued a token all the same; if so it holds one of the channel's 30 slots until it expires."
};
/** Guidance for a failed call, or undefined when the HTTP layer's own hint is the best we have. */
function hintFor(operation, error) {
    if (operation === 'issueV21Token' && mayHaveIssued(error))
        return joinHints(error.hint, LINE_HINTS.maybeIssued);
    if (error.kind !== 'http')
        return undefined;
    const text = (error.errorDescription ?? error.lineMessage ?? '').toLowerCase();
    const status = error.status;
    if (status === 401 || status === 403)
        return LINE_HINTS.gateway;
    if (status === 407)
        return LINE_HINTS.proxyAuth;
    if (status === 429 && operation === 'issueV21Token')
        return LINE_HINTS.throttled;
    if (text.includes('maximum number of access tokens'))
        return LINE_HINTS.tokenCap;
    if (status === 404 && text.includes('cannot find channel key'))
        return LINE_HINTS.unknownKeyId;
    if (status !== 400)
        return undefined;
    if (operation === 'revokeToken')
        return isCredentialError(error, text) ? LINE_HINTS.wrongSecret : undefined;
    if (operation === 'verifyToken')
        return LINE_HINTS.tokenInvalid;
    return assertionHint(error, text); // the three calls left all send an assertion
}
function assertionHint(error, text) {
    // The session owns clock-skew handling and its hint (it retries with LINE's Date).
    if (text.includes('invalid exp'))
        return undefined;
    if (text.includes('iss and clientid'))
        return LINE_HINTS.issMismatch;
    if (text.includes('signature'))
        return LINE_HINTS.badSignature;
    if (text.includes('not jws') || text.includes('malformed'))
        return LINE_HINTS.malformedAssertion;
    return error.error === 'invalid_client' ? LINE_HINTS.assertionRefused : undefined;
}
function isCredentialError(error, text) {
    return error.error === 'invalid_client' || text.includes('client_credentials');
}
/**
 * True when the issue request may have reached LINE although no usable answer came back:
 * a timeout, a connection broken after sending, a gateway error, an unreadable 2xx.
 */
function mayHaveIssued(error) {
    switch (error.kind) {
        case 'timeout':
        case 'invalid-response':
            return true;
        case 'network':
            return !isNotSentCode(error.code) && !isPermanentNetworkCode(error.code);
        case 'http':
            return error.status === 502 || error.status === 504;
    }
}
function joinHints(first, second) {
    return first ? `${first} ${second}` : second;
}

;// CONCATENATED MODULE: ./src/line-api.ts
/**
 * Typed calls to LINE's channel access token endpoints. Every 2xx body is checked strictly;
 * a check that fails never quotes the body (it may hold a token).
 */




const line_api_CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const LINE_PATHS = {
    issueV21Token: '/oauth2/v2.1/token',
    issueStatelessToken: '/oauth2/v3/token',
    listValidKeyIds: '/oauth2/v2.1/tokens/kid',
    verifyToken: '/oauth2/v2.1/verify',
    revokeToken: '/oauth2/v2.1/revoke'
};
function line_api_createLineApi(http) {
    return {
        issueV21Token: (assertion) => run(http, 'issueV21Token', { method: 'POST', form: assertionForm(assertion), idempotent: false }, (body) => ({
            accessToken: body.string('access_token'),
            expiresIn: body.seconds('expires_in'),
            tokenType: body.string('token_type'),
            keyId: body.string('key_id'),
            requestId: body.requestId
        })),
        issueStatelessToken: (assertion) => run(http, 'issueStatelessToken', { method: 'POST', form: assertionForm(assertion) }, (body) => ({
            accessToken: body.string('access_token'),
            expiresIn: body.seconds('expires_in'),
            tokenType: body.string('token_type'),
            requestId: body.requestId
        })),
        listValidKeyIds: (assertion) => run(http, 'listValidKeyIds', { method: 'GET', query: { client_assertion_type: line_api_CLIENT_ASSERTION_TYPE, client_assertion: assertion } }, (body) => body.strings('kids')),
        verifyToken: (accessToken) => run(http, 'verifyToken', { method: 'GET', query: { access_token: accessToken } }, (body) => ({
            clientId: body.id('client_id'),
            expiresIn: body.seconds('expires_in'),
            scope: body.optionalString('scope')
        })),
        revokeToken: ({ channelId, channelSecret, accessToken }) => run(http, 'revokeToken', { method: 'POST', form: { client_id: channelId, client_secret: channelSecret, access_token: accessToken } }, () => undefined, { emptyBodyAllowed: true })
    };
}
function assertionForm(assertion) {
    return { grant_type: 'client_credentials', client_assertion_type: line_api_CLIENT_ASSERTION_TYPE, client_assertion: assertion };
}
/** Sends one call, reads its body with `read`, and attaches guidance to any failure. */
async function run(http, operation, shape, read, options = {}) {
    const name = OPERATION_NAMES[operation];
    try {
        const response = await http({ ...shape, path: LINE_PATHS[operation], operation: name });
        return read(new BodyReader(name, response, options.emptyBodyAllowed ?? false));
    }
    catch (error) {
        if (!(error instanceof errors/* LineApiError */.pI))
            throw error;
        const hint = hintFor(operation, error);
        throw hint ? error.withHint(hint) : error;
    }
}
/** Strict accessors for a 2xx JSON body; each failure names the field, never its value. */
class BodyReader {
    operation;
    response;
    fields;
    constructor(operation, response, emptyBodyAllowed) {
        this.operation = operation;
        this.response = response;
        if (emptyBodyAllowed && response.body.trim() === '') {
            this.fields = {};
        }
        else if (isRecord(response.json)) {
            this.fields = response.json;
        }
        else {
            const what = response.json === undefined ? describeNonJsonBody(response.body, response.headers['content-type']) : 'The answer was JSON but not an object';
            throw this.invalid(`${what}; is api-base-url pointing at LINE's API?`);
        }
    }
    get requestId() {
        return this.response.requestId;
    }
    string(name) {
        const value = this.fields[name];
        if (typeof value !== 'string' || value === '')
            throw this.missing(name, 'a non-empty string');
        return value;
    }
    optionalString(name) {
        const value = this.fields[name];
        if (value === undefined || value === null)
            return undefined;
        if (typeof value !== 'string')
            throw this.missing(name, 'a string');
        return value;
    }
    /** A channel ID: LINE sends a string of digits; a bare number is accepted too. */
    id(name) {
        const value = this.fields[name];
        if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0)
            return String(value);
        return this.string(name);
    }
    seconds(name) {
        const value = this.fields[name];
        if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
            throw this.missing(name, 'a number of seconds');
        return value;
    }
    strings(name) {
        const value = this.fields[name];
        if (!Array.isArray(value) || !value.every((item) => typeof item === 'string'))
            throw this.missing(name, 'a list of strings');
        return value;
    }
    missing(name, expected) {
        return this.invalid(`The answer's \`${name}\` is missing or not ${expected}; is api-base-url pointing at LINE's API?`);
    }
    invalid(hint) {
        return new errors/* LineApiError */.pI({
            kind: 'invalid-response',
            operation: this.operation,
            status: this.response.status,
            requestId: this.response.requestId,
            attempts: this.response.attempts,
            hint
        });
    }
}

// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/util/base64url.js
var base64url = __nccwpck_require__(1445);
;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/lib/jws_sign.js






async function createSignature(input, key, rejectUnencoded) {
  let [payload, protectedHeader, unprotectedHeader, crit] = input, encodedProtectedHeader = "";
  if (protectedHeader !== void 0) {
    const normalized = (0,validate/* serializeJoseHeader */.ji)(util_errors/* JWSInvalid */.Ye, protectedHeader);
    protectedHeader = normalized[0], encodedProtectedHeader = (0,base64url/* encode */.l)(normalized[1]);
  }
  if (unprotectedHeader !== void 0 && (unprotectedHeader = (0,validate/* serializeJoseHeader */.ji)(util_errors/* JWSInvalid */.Ye, unprotectedHeader)[0]), !protectedHeader && !unprotectedHeader)
    throw new util_errors/* JWSInvalid */.Ye("either setProtectedHeader or setUnprotectedHeader must be called before #sign()");
  if (!(0,validate/* isDisjoint */.fz)(protectedHeader, unprotectedHeader))
    throw new util_errors/* JWSInvalid */.Ye("JWS Protected and JWS Unprotected Header Parameter names must be disjoint");
  const joseHeader = { ...protectedHeader, ...unprotectedHeader };
  (0,validate/* validateCritDuplicates */.BU)(util_errors/* JWSInvalid */.Ye, protectedHeader);
  const b64 = (0,validate/* validateB64 */.J0)(protectedHeader, (0,validate/* validateCrit */.nI)(util_errors/* JWSInvalid */.Ye, validate/* JWS_RECOGNIZED */.qc, crit, protectedHeader, joseHeader));
  b64 || rejectUnencoded?.();
  const { alg } = joseHeader;
  if (typeof alg != "string" || !alg)
    throw new util_errors/* JWSInvalid */.Ye('JWS "alg" (Algorithm) Header Parameter missing or invalid');
  const entry = jwsAlgorithm(alg);
  let encodedPayload = "", signingPayload = payload, signingInput;
  if (b64) {
    const encodedPayloadCache = input[4];
    encodedPayloadCache ? (encodedPayload = encodedPayloadCache[0] ??= (0,base64url/* encode */.l)(payload), signingPayload = encodedPayloadCache[1] ??= (0,buffer_utils/* encode */.lF)(encodedPayload)) : (encodedPayload = (0,base64url/* encode */.l)(payload), signingInput = buffer_utils/* encoder */.Rd.encode(`${encodedProtectedHeader}.${encodedPayload}`));
  }
  signingInput ??= (0,buffer_utils/* concat */.xW)((0,buffer_utils/* encode */.lF)(encodedProtectedHeader), (0,buffer_utils/* encode */.lF)("."), signingPayload);
  const signingKey = await (0,lib_key/* rawKey */.GK)(await (0,lib_key/* prepareKey */.dT)(entry, key, "sign"), entry.subtle, "sign");
  entry.minRsaBits && (0,lib_key/* checkModulusLength */.or)(entry.alg, signingKey);
  const jws = {
    signature: (0,base64url/* encode */.l)(new Uint8Array(await crypto.subtle.sign(entry.signing, signingKey, signingInput))),
    payload: encodedPayload
  };
  return protectedHeader && (jws.protected = encodedProtectedHeader), unprotectedHeader && (jws.header = unprotectedHeader), [jws, b64];
}
async function createCompactSignature(payload, protectedHeader, crit, key, rejectUnencoded) {
  const [jws] = await createSignature([payload, protectedHeader, void 0, crit], key, rejectUnencoded);
  return `${jws.protected}.${jws.payload}.${jws.signature}`;
}


;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/lib/jwt_claims_set.js



const epoch = (date) => Math.floor(date.getTime() / 1e3), multipliers = {
  s: 1,
  m: 60,
  h: 3600,
  d: 86400,
  w: 604800,
  y: 31557600
}, REGEX = /^(\+|\-)? ?(\d+|\d+\.\d+) ?(seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w|years?|yrs?|y)(?: (ago|from now))?$/i, checkFailed = "check_failed";
function invalidDuration() {
  throw new TypeError("Invalid time period format");
}
function secs(str) {
  typeof str != "string" && invalidDuration();
  const matched = REGEX.exec(str);
  (!matched || matched[4] && matched[1]) && invalidDuration();
  const value = parseFloat(matched[2]), durationSeconds = Math.round(value * multipliers[matched[3][0].toLowerCase()]);
  return Number.isFinite(durationSeconds) || invalidDuration(), matched[1] === "-" || matched[4] === "ago" ? -durationSeconds : durationSeconds;
}
function validateInput(label, input) {
  if (!Number.isFinite(input))
    throw new TypeError(`Invalid ${label} input`);
  return input;
}
function validateStringClaim(claim, value) {
  if (typeof value != "string")
    throw new TypeError(`"${claim}" claim must be a string`);
}
function validateAudienceClaim(value) {
  if (typeof value != "string" && (!Array.isArray(value) || Array.from(value).some((member) => typeof member != "string")))
    throw new TypeError('"aud" claim must be a string or an array of strings');
}
function numericDate(value, label) {
  return typeof value == "number" ? validateInput(label, value) : value instanceof Date ? validateInput(label, epoch(value)) : epoch(/* @__PURE__ */ new Date()) + secs(value);
}
const normalizeTyp = (value) => {
  const normalized = value.toLowerCase();
  return value.includes("/") ? normalized : `application/${normalized}`;
}, checkAudiencePresence = (audPayload, audOption) => typeof audPayload == "string" ? audOption.includes(audPayload) : Array.isArray(audPayload) ? audOption.some((aud) => audPayload.includes(aud)) : !1;
function validateNumericDate(claimsSet, claim, required = !1) {
  const value = claimsSet[claim];
  if (!(value === void 0 && !required)) {
    if (typeof value != "number")
      throw new JWTClaimValidationFailed(`"${claim}" claim must be a number`, claimsSet, claim, "invalid");
    return value;
  }
}
function unexpectedClaim(claimsSet, claim) {
  throw new JWTClaimValidationFailed(`unexpected "${claim}" claim value`, claimsSet, claim, checkFailed);
}
function validateClaimsSet(protectedHeader, claimsSetBytes, options = {}) {
  let claimsSet;
  try {
    claimsSet = JSON.parse(strictDecoder.decode(claimsSetBytes));
  } catch (cause) {
    throw new JWTInvalid("JWT Claims Set must be a top-level JSON object", { cause });
  }
  if (!isObject(claimsSet))
    throw new JWTInvalid("JWT Claims Set must be a top-level JSON object");
  const { typ } = options;
  if (typ !== void 0 && (typeof protectedHeader.typ != "string" || normalizeTyp(protectedHeader.typ) !== normalizeTyp(typ)))
    throw new JWTClaimValidationFailed('unexpected "typ" JWT header value', claimsSet, "typ", checkFailed);
  const { requiredClaims = [], issuer, subject, audience, maxTokenAge } = options, presenceCheck = [...requiredClaims];
  maxTokenAge !== void 0 && presenceCheck.push("iat"), audience !== void 0 && presenceCheck.push("aud"), subject !== void 0 && presenceCheck.push("sub"), issuer !== void 0 && presenceCheck.push("iss");
  for (const claim of new Set(presenceCheck.reverse()))
    if (!Object.hasOwn(claimsSet, claim))
      throw new JWTClaimValidationFailed(`missing required "${claim}" claim`, claimsSet, claim, "missing");
  issuer !== void 0 && !(Array.isArray(issuer) ? issuer : [issuer]).includes(claimsSet.iss) && unexpectedClaim(claimsSet, "iss"), subject !== void 0 && claimsSet.sub !== subject && unexpectedClaim(claimsSet, "sub"), audience !== void 0 && !checkAudiencePresence(claimsSet.aud, typeof audience == "string" ? [audience] : audience) && unexpectedClaim(claimsSet, "aud");
  const { clockTolerance } = options;
  let tolerance = 0;
  if (typeof clockTolerance == "string")
    tolerance = secs(clockTolerance);
  else if (clockTolerance !== void 0) {
    if (typeof clockTolerance != "number")
      throw new TypeError("Invalid clockTolerance option type");
    tolerance = clockTolerance;
  }
  if (validateInput("clockTolerance option", tolerance), tolerance < 0)
    throw new TypeError("Invalid clockTolerance option input");
  const { currentDate } = options, now = validateInput("currentDate option", epoch(currentDate === void 0 ? /* @__PURE__ */ new Date() : currentDate)), iat = validateNumericDate(claimsSet, "iat", maxTokenAge !== void 0), nbf = validateNumericDate(claimsSet, "nbf");
  if (nbf !== void 0 && nbf > now + tolerance)
    throw new JWTClaimValidationFailed('"nbf" claim timestamp check failed', claimsSet, "nbf", checkFailed);
  const exp = validateNumericDate(claimsSet, "exp");
  if (exp !== void 0 && exp <= now - tolerance)
    throw new JWTExpired('"exp" claim timestamp check failed', claimsSet, "exp", checkFailed);
  if (maxTokenAge !== void 0) {
    const age = now - iat, max = validateInput("maxTokenAge option", typeof maxTokenAge == "number" ? maxTokenAge : secs(maxTokenAge));
    if (max < 0)
      throw new TypeError("Invalid maxTokenAge option input");
    if (age - tolerance > max)
      throw new JWTExpired('"iat" claim timestamp check failed (too far in the past)', claimsSet, "iat", checkFailed);
    if (age < -tolerance)
      throw new JWTClaimValidationFailed('"iat" claim timestamp check failed (it should be in the past)', claimsSet, "iat", checkFailed);
  }
  return claimsSet;
}
let producerClaimsSets;
function producerClaimsSet(producer) {
  return producerClaimsSets.get(producer);
}
function jwtClaimsSetBytes(producer) {
  const claimsSet = producerClaimsSet(producer);
  for (const claim of ["iat", "nbf", "exp"]) {
    const value = claimsSet[claim];
    if (typeof value == "number" && !Number.isFinite(value))
      throw new TypeError(`"${claim}" claim must be a finite number`);
  }
  return buffer_utils/* encoder */.Rd.encode(JSON.stringify(claimsSet));
}
function jwtClaim(producer, claim) {
  return producerClaimsSet(producer)[claim];
}
class JWTClaimsBuilder {
  constructor(claimsSet = {}) {
    if (!(0,validate/* isObject */.Gv)(claimsSet))
      throw new TypeError("JWT Claims Set MUST be an object");
    (producerClaimsSets ||= /* @__PURE__ */ new WeakMap()).set(this, structuredClone(claimsSet));
  }
  setIssuer(value) {
    return validateStringClaim("iss", value), producerClaimsSet(this).iss = value, this;
  }
  setSubject(value) {
    return validateStringClaim("sub", value), producerClaimsSet(this).sub = value, this;
  }
  setAudience(value) {
    return validateAudienceClaim(value), producerClaimsSet(this).aud = value, this;
  }
  setJti(value) {
    return validateStringClaim("jti", value), producerClaimsSet(this).jti = value, this;
  }
  setNotBefore(value) {
    return producerClaimsSet(this).nbf = numericDate(value, "setNotBefore"), this;
  }
  setExpirationTime(value) {
    return producerClaimsSet(this).exp = numericDate(value, "setExpirationTime"), this;
  }
  setIssuedAt(value) {
    const claimsSet = producerClaimsSet(this);
    return value === void 0 ? claimsSet.iat = epoch(/* @__PURE__ */ new Date()) : typeof value == "string" ? claimsSet.iat = validateInput("setIssuedAt", epoch(/* @__PURE__ */ new Date()) + secs(value)) : claimsSet.iat = numericDate(value, "setIssuedAt"), this;
  }
}


;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/jwt/sign.js




const SignJWT_base = JWTClaimsBuilder;
class SignJWT extends SignJWT_base {
  #protectedHeader;
  setProtectedHeader(protectedHeader) {
    return (0,validate/* assertNotSet */.ac)(this.#protectedHeader, "setProtectedHeader"), this.#protectedHeader = protectedHeader, this;
  }
  async sign(key, options) {
    return createCompactSignature(jwtClaimsSetBytes(this), this.#protectedHeader, options?.crit, key, () => {
      throw new util_errors/* JWTInvalid */.Dp("JWTs MUST NOT use unencoded payload");
    });
  }
}


;// CONCATENATED MODULE: ./src/assertion.ts


/** The `aud` LINE requires. It does not change with `api-base-url`. */
const assertion_ASSERTION_AUDIENCE = 'https://api.line.me/';
/**
 * How far ahead of "now" the assertion's `exp` is put. LINE accepts exp in
 * (now, now + 30 min] on its own clock; 15 minutes tolerates a runner clock that is up to
 * 15 minutes off either way, and the issue core corrects larger skews from the `Date` header.
 */
const ASSERTION_EXP_AHEAD_SECONDS = 15 * 60;
/**
 * Sign a LINE assertion: header {alg: RS256, typ: JWT, kid}, claims {iss: channelId,
 * sub: channelId, aud: ASSERTION_AUDIENCE, exp: floor(nowMs/1000) + ASSERTION_EXP_AHEAD_SECONDS,
 * token_exp?}. Uses jose's SignJWT.
 */
async function signAssertion(claims) {
    const { channelId, keyId, privateKey, tokenExpSeconds, nowMs } = claims;
    // Callers pass values already validated (parseDuration); a bad one here is a programming error.
    if (tokenExpSeconds !== undefined && !(Number.isSafeInteger(tokenExpSeconds) && tokenExpSeconds > 0)) {
        throw new RangeError(`token_exp must be a positive whole number of seconds, got ${tokenExpSeconds}`);
    }
    const payload = tokenExpSeconds === undefined ? {} : { token_exp: tokenExpSeconds };
    const jwt = new SignJWT(payload)
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: keyId })
        .setIssuer(channelId)
        .setSubject(channelId)
        .setAudience(assertion_ASSERTION_AUDIENCE)
        .setExpirationTime(Math.floor(nowMs / 1000) + ASSERTION_EXP_AHEAD_SECONDS);
    try {
        return await jwt.sign(privateKey);
    }
    catch {
        // node:crypto accepts some damaged keys (a wrong "d" next to valid CRT members) that
        // WebCrypto, under jose, refuses. The cause's text is WebCrypto's; ours says what to do.
        throw new errors/* InputError */.dz('private-key', 'could not sign with this key: its private members are damaged or do not belong together. Copy the whole private key again from where it was generated, or generate a new key pair and register its public key.');
    }
}

;// CONCATENATED MODULE: ./src/session.ts


/** True for LINE's answer to an assertion whose `exp` is out of range on LINE's clock. */
function isInvalidExp(error) {
    return (error instanceof errors/* LineApiError */.pI &&
        error.kind === 'http' &&
        error.status === 400 &&
        /invalid exp/i.test(error.errorDescription ?? error.lineMessage ?? ''));
}
function session_createLineSession(options) {
    const { api, channelId, keyId, privateKey, clock, logger, onAssertion } = options;
    let clockOffsetMs = 0;
    async function sign(tokenExpSeconds) {
        const assertion = await signAssertion({ channelId, keyId, privateKey, tokenExpSeconds, nowMs: clock.now() + clockOffsetMs });
        onAssertion?.(assertion);
        return assertion;
    }
    /** Run an assertion call; on "Invalid exp" with a usable Date header, correct the clock and retry once. */
    async function withAssertion(call, tokenExpSeconds) {
        try {
            return await call(await sign(tokenExpSeconds));
        }
        catch (error) {
            if (!isInvalidExp(error) || error.serverDate === undefined)
                throw withClockHint(error, CLOCK_HINTS.noDate);
            const offset = error.serverDate - clock.now();
            logger.warning(`LINE rejected the assertion's expiry time: this runner's clock is ${describeOffset(offset)} LINE's. Retrying once with LINE's time; fix the runner's time synchronisation (NTP).`);
            clockOffsetMs = offset;
            try {
                return await call(await sign(tokenExpSeconds));
            }
            catch (retryError) {
                throw withClockHint(retryError, CLOCK_HINTS.stillRefused);
            }
        }
    }
    return {
        issueV21Token: (tokenExpSeconds) => withAssertion((a) => api.issueV21Token(a), tokenExpSeconds),
        issueStatelessToken: () => withAssertion((a) => api.issueStatelessToken(a)),
        listValidKeyIds: () => withAssertion((a) => api.listValidKeyIds(a)),
        verifyToken: (accessToken) => api.verifyToken(accessToken),
        revokeToken: ({ channelSecret, accessToken }) => api.revokeToken({ channelId, channelSecret, accessToken }),
        get clockOffsetMs() {
            return clockOffsetMs;
        }
    };
}
const CLOCK_HINTS = {
    noDate: "The assertion's expiry time was refused: the runner's clock is probably far off and LINE's answer carried no usable Date header. Check the machine's time synchronisation (NTP).",
    stillRefused: "The assertion's expiry time was refused even with LINE's own time (from its Date header): a proxy or gateway at api-base-url may be rewriting the Date header, or the clock moved during the run. Check the machine's time synchronisation (NTP)."
};
function withClockHint(error, hint) {
    return isInvalidExp(error) && !error.hint ? error.withHint(hint) : error;
}
/** "about 20 minutes behind" / "about 45 s ahead of": the Date header has 1 s resolution. */
function describeOffset(lineMinusOursMs) {
    const seconds = Math.abs(Math.round(lineMinusOursMs / 1000));
    const size = seconds >= 120 ? `about ${Math.round(seconds / 60)} minutes` : `about ${seconds} s`;
    return `${size} ${lineMinusOursMs > 0 ? 'behind' : 'ahead of'}`;
}

;// CONCATENATED MODULE: ./src/cli/version.ts
/** The CLI's version: package.json's (a test keeps them equal; a constant keeps the bundle free of package.json). */
const VERSION = '1.0.0';

;// CONCATENATED MODULE: ./src/cli/line.ts
/** The LINE client the commands use: the shared HTTP layer, API and session, wired to the CLI's I/O. */





const USER_AGENT = `line-token/${VERSION} (line-channel-access-token-action)`;
function createCliHttp(ctx, baseUrl) {
    const { io } = ctx;
    return http_createLineHttp({ baseUrl, transport: io.transport, clock: io.clock, logger: ctx.logger, policy: io.retryPolicy, userAgent: USER_AGENT });
}
function createCliApi(ctx, flags) {
    return line_api_createLineApi(createCliHttp(ctx, readApiBaseUrl(ctx, flags)));
}
/**
 * Read the channel's settings (ID, key, key ID, API URL) and open a session. Every setting
 * is checked here, before anything is sent.
 */
async function openChannelSession(ctx, flags) {
    const channelId = readChannelId(ctx, flags);
    const { signingKey, keyId } = await readChannelKey(ctx, flags);
    const api = createCliApi(ctx, flags);
    const session = session_createLineSession({
        api,
        channelId,
        keyId,
        privateKey: signingKey.privateKey,
        clock: ctx.io.clock,
        logger: ctx.logger,
        onAssertion: (assertion) => ctx.redactor.add(assertion)
    });
    return { session, channelId, keyId };
}

;// CONCATENATED MODULE: ./src/cli/commands/issue.ts
/** issue: a v2.1 or stateless channel access token; only the token on stdout (for $(...)), or --json. */








const issueCommand = {
    name: 'issue',
    summary: 'issue a v2.1 or stateless channel access token',
    options: {
        ...CHANNEL_OPTIONS,
        ...CHANNEL_SECRET_OPTIONS,
        ...LEDGER_OPTIONS,
        type: { type: 'string' },
        lifetime: { type: 'string' },
        json: { type: 'boolean' }
    },
    help: formatHelp({
        usage: 'line-token issue [--type v2.1|stateless] [--lifetime DURATION] [--json] [--ledger SPEC]',
        description: [
            'Signs an assertion with the private key and issues a channel access token. Prints only the',
            'token (for TOKEN=$(line-token issue)), or with --json {access_token, token_type, key_id,',
            'expires_in, expires_at}. A v2.1 token holds one of the channel\'s 30 slots until it expires or',
            'is revoked (line-token revoke); --ledger records it so that revoke-all can revoke it later.'
        ],
        options: [
            '--type TYPE              v2.1 (default: revocable, up to 30 days) or stateless (15 minutes, no cap)',
            '--lifetime DURATION      v2.1 lifetime: seconds (900) or 30m, 12h, 7d, …; 1s to 30d (default 1h)',
            '--json                   print a JSON object instead of only the token',
            `${LEDGER_HELP}; needs the channel secret`,
            ...CHANNEL_HELP,
            ...CHANNEL_SECRET_HELP
        ],
        examples: [
            'TOKEN=$(line-token issue --lifetime 30m)',
            'line-token issue --type stateless',
            'line-token issue --lifetime 7d --ledger file:./ledger --json'
        ]
    }),
    run: issue
};
async function issue(ctx, flags) {
    const tokenType = parseTokenType(flags.string('type') ?? '', '--type');
    const lifetimeSeconds = tokenType === 'v2.1' ? parseLifetime(flags.string('lifetime') ?? '', '--lifetime') : undefined;
    if (tokenType === 'stateless' && flags.has('lifetime'))
        ctx.warn('--lifetime is ignored: a stateless token always lives 15 minutes.');
    const { session, channelId } = await openChannelSession(ctx, flags);
    const ledgerSpec = flags.string('ledger');
    let ledger;
    let channelSecret = '';
    if (ledgerSpec !== undefined && tokenType === 'stateless') {
        ctx.say('The ledger is not used for stateless tokens: they cannot be revoked and expire in 15 minutes.');
    }
    else if (ledgerSpec !== undefined) {
        channelSecret = await requireChannelSecret(ctx, flags, 'with --ledger: the ledger encrypts tokens with it');
        ledger = await openCliLedger(ctx, ledgerSpec, channelSecret);
    }
    const issuedAtMs = ctx.io.clock.now();
    let result;
    if (lifetimeSeconds === undefined) {
        const token = await session.issueStatelessToken();
        ctx.redactor.add(token.accessToken);
        result = issue_describe(token, issuedAtMs);
        ctx.say(`Issued a stateless token for channel ${channelId}, valid for ${duration_formatDuration(token.expiresIn)} (until ${result.expires_at}). It cannot be revoked.`);
    }
    else {
        const token = await session.issueV21Token(lifetimeSeconds);
        ctx.redactor.add(token.accessToken);
        result = { ...issue_describe(token, issuedAtMs), key_id: token.keyId };
        if (ledger)
            await issue_record(ctx, { ledger, session, channelId, channelSecret, token: result, issuedAtMs });
        ctx.say(`Issued a v2.1 token for channel ${channelId} (key ID ${token.keyId}), valid for ${duration_formatDuration(token.expiresIn)} (until ${result.expires_at}). ` +
            `It holds one of the channel's 30 slots until then; revoke it with: line-token revoke --token-key-id=${token.keyId} (token on stdin).`);
    }
    ctx.print(flags.boolean('json') ? JSON.stringify(result) : result.access_token);
}
function issue_describe(token, issuedAtMs) {
    return {
        access_token: token.accessToken,
        token_type: token.tokenType,
        expires_in: token.expiresIn,
        expires_at: new Date(issuedAtMs + token.expiresIn * 1000).toISOString()
    };
}
/** Record the token; one that cannot be recorded is revoked at once, so nothing is left untracked. */
async function issue_record(ctx, params) {
    const { ledger, session, channelId, channelSecret, token, issuedAtMs } = params;
    const keyId = token.key_id;
    const entry = { channelId, keyId, accessToken: token.access_token, issuedAt: new Date(issuedAtMs).toISOString(), expiresAt: token.expires_at, run: issuingRunFromEnv(ctx.io.env) };
    const failure = await recordOrRevoke({ ledger, session, channelSecret, entry });
    if (!failure) {
        ctx.say(`Recorded key ID ${keyId} in the ledger (${ledger.description}).`);
        return;
    }
    if (failure.revoked)
        ctx.warn(`Could not record key ID ${keyId} in the ledger, so the token was revoked at once.`);
    else
        ctx.warn(`Could not record key ID ${keyId} in the ledger, and revoking it failed too (${failure.revokeError}); it stays valid until ${token.expires_at}.`);
    throw failure.error;
}

;// CONCATENATED MODULE: ./src/cli/commands/keygen.ts
/** keygen: a new assertion signing key pair that meets LINE's rules (RSA 2048, RS256). */










const keygen_generate = (0,external_node_util_.promisify)(external_node_crypto_.generateKeyPair);
const keygenCommand = {
    name: 'keygen',
    summary: 'generate an assertion signing key pair; print the public JWK to register',
    options: {
        out: { type: 'string', short: 'o' },
        force: { type: 'boolean' },
        pem: { type: 'boolean' }
    },
    help: formatHelp({
        usage: 'line-token keygen --out FILE [--pem] [--force]',
        description: [
            'Generates an RSA 2048-bit key pair for RS256, as LINE requires. Writes the private key to FILE',
            '(mode 0600; an existing file is never overwritten without --force) and prints the public JWK',
            'to register in the LINE Developers Console (kty, alg, use, n, e; no kid), then the next steps.'
        ],
        options: [
            '-o, --out FILE           where to write the private key (required)',
            '--pem                    write PKCS#8 PEM instead of a private JWK',
            '--force                  replace FILE if it exists'
        ],
        examples: ['line-token keygen --out line-private.jwk.json', 'line-token keygen --out line-private.pem --pem', 'line-token keygen --out line-private.jwk.json > public.jwk.json']
    }),
    run: keygen
};
async function keygen(ctx, flags) {
    const out = flags.string('out');
    if (!out?.trim())
        throw new UsageError('--out FILE is required: name the file for the private key, e.g. --out line-private.jwk.json.');
    const pem = flags.boolean('pem');
    const { privateKey, publicKey } = await keygen_generate('rsa', { modulusLength: REQUIRED_MODULUS_BITS });
    const text = pem ? privateKey.export({ format: 'pem', type: 'pkcs8' }) : privateJwkText(privateKey);
    const file = external_node_path_default().resolve(ctx.io.cwd, out);
    await writePrivateKeyFile(file, text, flags.boolean('force'));
    ctx.print(JSON.stringify(consolePublicJwk(publicKey), null, 2));
    const shown = shellQuote(out);
    ctx.say([
        `Wrote the private key to ${file} (${pem ? 'PKCS#8 PEM' : 'private JWK'}, mode 0600). The public JWK is printed above. Next steps:`,
        '  1. Register the public JWK: LINE Developers Console → your channel → Basic settings →',
        '     Assertion Signing Key → Register a public key; paste it as printed.',
        '  2. Note the key ID (kid) the console shows. It is not secret:',
        '       gh variable set LINE_ASSERTION_KID --body KID',
        '  3. Store the private key as a repository secret, then delete the local copy:',
        `       gh secret set LINE_ASSERTION_PRIVATE_KEY < ${shown}`,
        `       rm ${shown}`,
        `  For this command line instead: export LINE_PRIVATE_KEY_FILE=${shown} LINE_KEY_ID=KID LINE_CHANNEL_ID=…`
    ].join('\n'));
}
/**
 * Create the file exclusively with mode 0600, so the key is never readable by others, not even
 * for a moment. --force removes what is there first (a symlink itself, never its target).
 */
async function writePrivateKeyFile(file, text, force) {
    try {
        if (force)
            await (0,promises_namespaceObject.rm)(file, { force: true });
        const handle = await (0,promises_namespaceObject.open)(file, 'wx', 0o600);
        try {
            await handle.chmod(0o600);
            await handle.writeFile(text, 'utf8');
            await handle.sync();
        }
        finally {
            await handle.close();
        }
    }
    catch (error) {
        if (error.code === 'EEXIST') {
            throw new errors/* InputError */.dz('--out', `${file} already exists; choose another file, or pass --force to replace it (the key now in it is lost).`);
        }
        throw new errors/* InputError */.dz('--out', `cannot write ${file} (${describeErrorCode(error)}): choose a file in a directory you can write to.`);
    }
}

;// CONCATENATED MODULE: ./src/concurrency.ts
/** Run `task` over `items` with at most `limit` in flight; results keep the items' order. */
async function mapWithConcurrency(items, limit, task) {
    const results = new Array(items.length);
    let next = 0;
    async function worker() {
        while (next < items.length) {
            const index = next++;
            results[index] = await task(items[index], index);
        }
    }
    const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, () => worker());
    await Promise.all(workers);
    return results;
}

;// CONCATENATED MODULE: ./src/revoke.ts
/**
 * Revoke v2.1 tokens and prove it. LINE's revoke answers 200 even when nothing was revoked,
 * so the only proof is the key ID leaving /oauth2/v2.1/tokens/kid: list, revoke what is
 * listed, list again. Used by the post step (one token), revoke-all and the CLI.
 */


const revoke_MAX_ACTIVE_V21_TOKENS = 30;
/** Throws only if the first list of key IDs fails; everything after that is reported per token. */
async function revokeAndConfirm(options) {
    const { session, channelSecret, tokens, logger, concurrency = 8 } = options;
    const validBefore = new Set(options.validKeyIds ?? (await session.listValidKeyIds()));
    const attempted = await mapWithConcurrency(tokens, concurrency, async (token) => {
        if (!validBefore.has(token.keyId))
            return { keyId: token.keyId, status: 'already-gone' };
        try {
            await session.revokeToken({ channelSecret, accessToken: token.accessToken });
            return { keyId: token.keyId, status: 'revoked' };
        }
        catch (error) {
            return { keyId: token.keyId, status: 'failed', error: (0,errors/* messageOf */.bD)(error) };
        }
    });
    if (!attempted.some((outcome) => outcome.status === 'revoked')) {
        return { outcomes: attempted, activeBefore: validBefore.size, activeAfter: validBefore.size, validKeyIdsAfter: [...validBefore] };
    }
    let validAfter;
    try {
        validAfter = await session.listValidKeyIds();
    }
    catch (error) {
        const reason = `the revoke call succeeded but listing key IDs to confirm it failed: ${(0,errors/* messageOf */.bD)(error)}`;
        logger.debug(reason);
        return {
            outcomes: attempted.map((o) => (o.status === 'revoked' ? { ...o, status: 'unconfirmed', error: reason } : o)),
            activeBefore: validBefore.size
        };
    }
    const stillValid = new Set(validAfter);
    const outcomes = attempted.map((o) => o.status === 'revoked' && stillValid.has(o.keyId)
        ? { ...o, status: 'still-listed', error: 'LINE accepted the revoke call, but the key ID is still listed as valid' }
        : o);
    return { outcomes, activeBefore: validBefore.size, activeAfter: validAfter.length, validKeyIdsAfter: validAfter };
}

;// CONCATENATED MODULE: ./src/cli/commands/list.ts





const listCommand = {
    name: 'list',
    summary: "list the channel's valid v2.1 key IDs (with what the ledger knows)",
    options: { ...CHANNEL_OPTIONS, ...CHANNEL_SECRET_OPTIONS, ...LEDGER_OPTIONS, json: { type: 'boolean' } },
    help: formatHelp({
        usage: 'line-token list [--ledger SPEC] [--json]',
        description: [
            "Lists the key IDs of the channel's valid v2.1 tokens (GET /oauth2/v2.1/tokens/kid), one per line.",
            'With --ledger, each is marked with its issue and expiry time and issuing run, or "not in ledger"',
            '(issued elsewhere: it cannot be revoked without the token).'
        ],
        options: ['--json                   print a JSON object', `${LEDGER_HELP}; needs the channel secret`, ...CHANNEL_HELP, ...CHANNEL_SECRET_HELP],
        examples: ['line-token list', 'line-token list --ledger file:./ledger', 'line-token list --json | jq -r \'.key_ids[].key_id\'']
    }),
    run: list
};
async function list(ctx, flags) {
    const { session, channelId } = await openChannelSession(ctx, flags);
    const ledgerSpec = flags.string('ledger');
    let entries;
    if (ledgerSpec !== undefined) {
        const channelSecret = await requireChannelSecret(ctx, flags, 'with --ledger: the ledger encrypts tokens with it');
        const ledger = await openCliLedger(ctx, ledgerSpec, channelSecret);
        const recorded = await ledger.list(channelId);
        for (const entry of recorded)
            ctx.redactor.add(entry.accessToken);
        entries = new Map(recorded.map((entry) => [entry.keyId, entry]));
    }
    const keyIds = await session.listValidKeyIds();
    const listed = keyIds.map((keyId) => {
        if (!entries)
            return { key_id: keyId };
        const entry = entries.get(keyId);
        return { key_id: keyId, ledger: entry ? { issued_at: entry.issuedAt, expires_at: entry.expiresAt, ...(entry.run ? { run: entry.run } : {}) } : null };
    });
    if (flags.boolean('json')) {
        ctx.print(JSON.stringify({ channel_id: channelId, active: keyIds.length, max_active: revoke_MAX_ACTIVE_V21_TOKENS, key_ids: listed }));
    }
    else {
        for (const item of listed)
            ctx.print(list_describe(item));
    }
    ctx.say(`Channel ${channelId} holds ${keyIds.length} of ${revoke_MAX_ACTIVE_V21_TOKENS} valid v2.1 tokens.`);
    if (entries) {
        const valid = new Set(keyIds);
        const gone = [...entries.keys()].filter((keyId) => !valid.has(keyId)).length;
        if (gone > 0)
            ctx.say(`${gone} ledger record(s) are no longer listed (expired or revoked); line-token revoke-all prunes them.`);
    }
}
function list_describe(item) {
    if (item.ledger === undefined)
        return item.key_id;
    if (item.ledger === null)
        return `${item.key_id}  not in ledger`;
    const { issued_at, expires_at, run } = item.ledger;
    const by = run?.url ?? run?.runId;
    return `${item.key_id}  issued ${issued_at}  expires ${expires_at}${by ? `  run ${by}` : ''}`;
}

;// CONCATENATED MODULE: ./src/revoke-all/plan.ts
const plan_REASON_TEXT = {
    newest: 'among the newest tokens kept by "keep"',
    'too-recent': 'issued more recently than "older-than"',
    'issued-at-unreadable': 'its issue time in the ledger is unreadable, so "older-than" cannot be checked',
    selected: 'listed as valid and recorded in the ledger',
    'not-listed': 'no longer listed by LINE (expired or already revoked)',
    'not-in-ledger': 'issued elsewhere, cannot be revoked without the token'
};
function planRevokeAll(input) {
    const { validKeyIds, keep, olderThanSeconds, nowMs } = input;
    const valid = new Set(validKeyIds);
    const entries = newestFirst(uniqueByKeyId(input.entries));
    const items = [];
    let keptNewest = 0;
    for (const entry of entries) {
        const { keyId } = entry;
        if (!valid.has(keyId)) {
            items.push({ keyId, fate: 'prune', reason: 'not-listed', entry });
        }
        else if (keptNewest < keep) {
            // `entries` is newest first, so the first `keep` valid ones are the newest.
            keptNewest++;
            items.push({ keyId, fate: 'keep', reason: 'newest', entry });
        }
        else {
            const spared = olderThanReason(entry, olderThanSeconds, nowMs);
            items.push(spared ? { keyId, fate: 'keep', reason: spared, entry } : { keyId, fate: 'revoke', reason: 'selected', entry });
        }
    }
    const recorded = new Set(entries.map((entry) => entry.keyId));
    const unknownKeyIds = [...new Set(validKeyIds)].filter((keyId) => !recorded.has(keyId));
    for (const keyId of unknownKeyIds)
        items.push({ keyId, fate: 'unknown', reason: 'not-in-ledger' });
    const withFate = (fate) => items.filter((item) => item.fate === fate).map((item) => item.entry);
    return { items, toRevoke: withFate('revoke'), toKeep: withFate('keep'), toPrune: withFate('prune'), unknownKeyIds };
}
/** Why `older-than` spares this entry, or undefined when it does not. */
function olderThanReason(entry, olderThanSeconds, nowMs) {
    if (olderThanSeconds === undefined)
        return undefined;
    const issuedAtMs = Date.parse(entry.issuedAt);
    // Erring on the side of keeping: the point of older-than is not to pull a token from a job still using it.
    if (Number.isNaN(issuedAtMs))
        return 'issued-at-unreadable';
    return nowMs - issuedAtMs < olderThanSeconds * 1000 ? 'too-recent' : undefined;
}
/** One record per key ID is the ledger's layout; should a backend ever return two, the first wins. */
function uniqueByKeyId(entries) {
    const seen = new Set();
    return entries.filter((entry) => !seen.has(entry.keyId) && seen.add(entry.keyId));
}
/** Newest issuedAt first; unreadable times sort last; ties by key ID so the plan is deterministic. */
function newestFirst(entries) {
    const time = (entry) => {
        const ms = Date.parse(entry.issuedAt);
        return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
    };
    // Key IDs are unique here (uniqueByKeyId), so the tie-break never sees two equal ones.
    return [...entries].sort((a, b) => time(b) - time(a) || (a.keyId < b.keyId ? -1 : 1));
}

;// CONCATENATED MODULE: ./src/revoke-all/run.ts




const DEFAULT_REVOKE_CONCURRENCY = 10;
async function run_runRevokeAll(options) {
    const { session, ledger, channelId, channelSecret, keep, olderThanSeconds, dryRun, clock, logger, onToken } = options;
    const concurrency = options.concurrency ?? DEFAULT_REVOKE_CONCURRENCY;
    // Ledger first, then LINE: a token issued and recorded in between then shows up as
    // "unknown" (harmless) instead of as a ledger entry that is "not listed" and gets pruned.
    const entries = await ledger.list(channelId);
    for (const entry of entries)
        onToken?.(entry.accessToken);
    const validKeyIds = await session.listValidKeyIds();
    const plan = planRevokeAll({ validKeyIds, entries, keep, olderThanSeconds, nowMs: clock.now() });
    logger.info(`${ledger.description}: ${entries.length} recorded token(s); LINE lists ${validKeyIds.length} of ${revoke_MAX_ACTIVE_V21_TOKENS} valid. ` +
        `Plan: revoke ${plan.toRevoke.length}, keep ${plan.toKeep.length}, prune ${plan.toPrune.length}, unknown ${plan.unknownKeyIds.length}.`);
    for (const keyId of plan.unknownKeyIds)
        logger.info(`Key ID ${keyId}: ${plan_REASON_TEXT['not-in-ledger']}.`);
    const base = { channelId, dryRun, ledger: ledger.description, keep, olderThanSeconds, activeBefore: validKeyIds.length, maxActive: revoke_MAX_ACTIVE_V21_TOKENS };
    if (dryRun) {
        const items = plan.items.map((item) => toItem(item, dryRunFate(item)));
        return { ...base, items, counts: count(items, validKeyIds.length) };
    }
    const revokeReport = await revokeAndConfirm({ session, channelSecret, tokens: plan.toRevoke, logger, validKeyIds, concurrency });
    const outcomes = new Map(revokeReport.outcomes.map((outcome) => [outcome.keyId, outcome]));
    // Only records whose key ID is confirmed gone leave the ledger; anything in doubt stays for the next run.
    const items = plan.items.map((item) => toItem(item, settledFate(item, outcomes), outcomes.get(item.keyId)?.error));
    const goneFromLedger = items.filter((item) => item.fate === 'revoked' || item.fate === 'pruned');
    await mapWithConcurrency(goneFromLedger, concurrency, async (item) => {
        try {
            await ledger.remove(channelId, item.keyId);
        }
        catch (error) {
            item.error = `its ledger record could not be removed (the next run tries again): ${(0,errors/* messageOf */.bD)(error)}`;
            if (item.fate === 'pruned')
                item.fate = 'prune-failed';
        }
    });
    for (const item of items)
        warnAbout(item, logger);
    return { ...base, items, counts: count(items, revokeReport.activeAfter) };
}
/** The fate in words, for logs and the job summary. */
const run_FATE_TEXT = {
    revoked: 'revoked',
    kept: 'kept',
    pruned: 'pruned from the ledger',
    'prune-failed': 'no longer listed, ledger record not removed',
    unknown: 'unknown',
    failed: 'revoke failed',
    'still-listed': 'still listed after revoking',
    unconfirmed: 'revoked, not confirmed',
    'would-revoke': 'would be revoked',
    'would-prune': 'would be pruned from the ledger'
};
function dryRunFate(item) {
    switch (item.fate) {
        case 'revoke':
            return 'would-revoke';
        case 'prune':
            return 'would-prune';
        case 'keep':
            return 'kept';
        case 'unknown':
            return 'unknown';
    }
}
/** What revokeAndConfirm found, as a fate. 'already-gone' cannot happen with the list we pass it; were it to, the key ID is gone all the same. */
const REVOKE_FATE = {
    revoked: 'revoked',
    'already-gone': 'pruned',
    'still-listed': 'still-listed',
    unconfirmed: 'unconfirmed',
    failed: 'failed'
};
function settledFate(item, outcomes) {
    if (item.fate === 'keep')
        return 'kept';
    if (item.fate === 'prune')
        return 'pruned';
    if (item.fate === 'unknown')
        return 'unknown';
    // revokeAndConfirm answers with one outcome per token it was given.
    return REVOKE_FATE[outcomes.get(item.keyId).status];
}
function toItem(item, fate, error) {
    return { keyId: item.keyId, fate, reason: item.reason, issuedAt: item.entry?.issuedAt, expiresAt: item.entry?.expiresAt, error };
}
function warnAbout(item, logger) {
    if (!item.error)
        return;
    logger.warning(`Key ID ${item.keyId}: ${run_FATE_TEXT[item.fate]}: ${item.error}`);
}
function count(items, active) {
    const n = (...fates) => items.filter((item) => fates.includes(item.fate)).length;
    return {
        revoked: n('revoked'),
        kept: n('kept'),
        pruned: n('pruned'),
        unknown: n('unknown'),
        failed: n('failed', 'still-listed'),
        unconfirmed: n('unconfirmed'),
        active
    };
}

;// CONCATENATED MODULE: ./src/action-core.ts
/**
 * What the step logic needs from the runner, as one object passed in: the entry files hand
 * over `runnerCore` (below: the part of `@actions/core` we use, through `fromActionsCore`),
 * tests hand over a recorder. This keeps the step logic free of module mocks.
 */




function fromActionsCore(core, env = process.env) {
    return {
        getInput: (name) => core.getInput(name),
        getState: (name) => core.getState(name),
        setSecret: (secret) => core.setSecret(secret),
        setOutput: (name, value) => core.setOutput(name, value),
        saveState: (name, value) => core.saveState(name, value),
        setFailed: (message) => core.setFailed(message),
        debug: (message) => core.debug(message),
        info: (message) => core.info(message),
        warning: (message) => core.warning(message),
        async writeSummary(markdown) {
            // core.summary throws when the runner gave no summary file (local runs, the demo without one).
            if (!env.GITHUB_STEP_SUMMARY)
                return;
            await core.summary.addRaw(markdown, true).write();
        }
    };
}
const escapeData = (s) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
function action_core_issueCommand(command, message) {
    process.stdout.write(`::${command}::${escapeData(message)}${external_node_os_namespaceObject.EOL}`);
}
function issueFileCommand(command, key, value) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath)
        throw new Error(`Unable to find environment variable for file command ${command}`);
    if (!(0,external_node_fs_namespaceObject.existsSync)(filePath))
        throw new Error(`Missing file at path: ${filePath}`);
    const delimiter = `ghadelimiter_${(0,external_node_crypto_.randomUUID)()}`;
    const converted = value;
    if (key.includes(delimiter))
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    if (converted.includes(delimiter))
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    (0,external_node_fs_namespaceObject.appendFileSync)(filePath, `${key}<<${delimiter}${external_node_os_namespaceObject.EOL}${converted}${external_node_os_namespaceObject.EOL}${delimiter}${external_node_os_namespaceObject.EOL}`, { encoding: 'utf8' });
}
function keyValue(command, legacy, name, value) {
    if (process.env[`GITHUB_${command}`])
        return issueFileCommand(command, name, value);
    if (command === 'OUTPUT')
        process.stdout.write(external_node_os_namespaceObject.EOL);
    process.stdout.write(`::${legacy}${name ? ` name=${escapeProperty(name)}` : ' '}::${escapeData(value)}${external_node_os_namespaceObject.EOL}`);
}
/**
 * The parts of @actions/core the steps use (workflow commands, file commands, inputs, state,
 * the job summary), written out with the same output as @actions/core 3.x (command escaping,
 * `name<<ghadelimiter_UUID` file commands, summary appended). The entries pass this instead
 * of `@actions/core`, whose index also loads its OIDC client and through it
 * @actions/http-client and undici: about a third of a step's start-up (docs/benchmarks.md).
 */
const runnerCore = {
    getInput: (name) => (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim(),
    getState: (name) => process.env[`STATE_${name}`] || '',
    setSecret: (secret) => action_core_issueCommand('add-mask', secret),
    setOutput: (name, value) => keyValue('OUTPUT', 'set-output', name, value),
    saveState: (name, value) => keyValue('STATE', 'save-state', name, value),
    setFailed(message) {
        process.exitCode = 1;
        action_core_issueCommand('error', message);
    },
    debug: (message) => action_core_issueCommand('debug', message),
    info: (message) => void process.stdout.write(message + external_node_os_namespaceObject.EOL),
    warning: (message) => action_core_issueCommand('warning', message),
    summary: {
        addRaw: (text, addEOL = false) => ({
            async write() {
                const filePath = process.env.GITHUB_STEP_SUMMARY;
                if (!filePath)
                    throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.');
                try {
                    await (0,promises_namespaceObject.access)(filePath, external_node_fs_namespaceObject.constants.R_OK | external_node_fs_namespaceObject.constants.W_OK);
                }
                catch {
                    throw new Error(`Unable to access summary file: '${filePath}'. Check if the file has correct read/write permissions.`);
                }
                await (0,promises_namespaceObject.appendFile)(filePath, text + (addEOL ? external_node_os_namespaceObject.EOL : ''), { encoding: 'utf8' });
            }
        })
    }
};
/** Masks a secret and, for multi-line values, each line: the runner masks line by line. */
function action_core_maskSecret(core, secret) {
    if (!secret)
        return;
    core.setSecret(secret);
    if (/[\r\n]/.test(secret)) {
        for (const line of secret.split(/\r?\n/)) {
            if (line.trim().length >= 8)
                core.setSecret(line.trim());
        }
    }
}
/** Markdown table cell: no pipes or newlines from values breaking the table. */
function action_core_cell(value) {
    return value.replace(/[|\r\n]/g, ' ');
}

;// CONCATENATED MODULE: ./src/step-session.ts



function step_session_connectStepSession(deps, channel) {
    const { core, clock } = deps;
    const http = createLineHttp({ baseUrl: channel.apiBaseUrl, transport: deps.transport, clock, logger: core, policy: deps.retryPolicy, sleep: deps.sleep });
    return createLineSession({
        api: createLineApi(http),
        channelId: channel.channelId,
        keyId: channel.keyId,
        privateKey: channel.privateKey,
        clock,
        logger: core,
        onAssertion: (assertion) => core.setSecret(assertion)
    });
}

;// CONCATENATED MODULE: ./src/revoke-all/step.ts
/**
 * The clean-up action's step (revoke-all/action.yml): check the inputs, open the ledger,
 * run revoke-all, set the counts as outputs and write the job summary. The step fails only
 * when it could not start (inputs, ledger, listing key IDs) or a revoke was confirmed to
 * have failed; everything else per token is a warning.
 */









const OUTPUTS = (/* unused pure expression or super */ null && (['revoked', 'kept', 'pruned', 'unknown', 'active']));
function parseKeep(value, input = 'keep') {
    const text = value.trim();
    if (!text)
        return 0;
    if (!/^\d{1,6}$/.test(text))
        throw new errors/* InputError */.dz(input, 'must be a whole number of tokens to keep, 0 or more (e.g. keep: 1 keeps the newest token).');
    return Number(text);
}
function parseOlderThan(value, input = 'older-than') {
    const text = value.trim();
    if (!text)
        return undefined;
    return parseDuration(text, { input, minSeconds: 1, maxSeconds: MAX_TOKEN_LIFETIME_SECONDS });
}
function readRevokeAllInputs(getInput) {
    const { channelId, privateKey, keyId, channelSecret } = readChannelInputs(getInput);
    if (!channelSecret) {
        throw new InputError('channel-secret', "is required: LINE's revoke call needs it, and the ledger's tokens are encrypted with it. Pass channel-secret: ${{ secrets.LINE_CHANNEL_SECRET }}.");
    }
    const apiBaseUrl = parseApiBaseUrl(getInput('api-base-url'));
    const ledger = getInput('ledger').trim();
    if (!ledger) {
        throw new InputError('ledger', 'is required: revoke-all can only revoke tokens recorded in a ledger (a token cannot be revoked without the token itself). Use the same value the issuing steps use, e.g. ledger: github.');
    }
    const githubToken = getInput('github-token').trim();
    const keep = parseKeep(getInput('keep'));
    const olderThanSeconds = parseOlderThan(getInput('older-than'));
    const dryRun = parseBoolean(getInput('dry-run'), 'dry-run', false);
    return { channelId, privateKey, keyId, channelSecret, apiBaseUrl, ledger, githubToken, keep, olderThanSeconds, dryRun };
}
/** Resolves when the step is done; never throws (a failure is reported with setFailed). */
async function runRevokeAllStep(deps) {
    const { core } = deps;
    try {
        const report = await revokeAll(deps);
        setOutputs(core, report);
        await writeSummarySafely(core, summaryOf(report));
        const failed = report.counts.failed;
        if (failed > 0) {
            core.setFailed(`${failed} token(s) could not be revoked (see the warnings above); they still hold slots on channel ${report.channelId}.`);
        }
        return report;
    }
    catch (error) {
        const message = failureMessage(error);
        core.setFailed(message);
        await writeSummarySafely(core, `### LINE revoke-all\n\nNothing was revoked: ${cell(message)}\n`);
        return undefined;
    }
}
async function revokeAll(deps) {
    const { core, clock, env } = deps;
    // Mask what the user gave us before anything can print it.
    maskSecret(core, core.getInput('channel-secret').trim());
    maskSecret(core, core.getInput('private-key').trim());
    maskSecret(core, core.getInput('github-token').trim());
    const inputs = readRevokeAllInputs((name) => core.getInput(name));
    const signingKey = loadPrivateKey(inputs.privateKey);
    for (const secret of signingKey.secrets)
        maskSecret(core, secret);
    const keyId = resolveKeyId(inputs.keyId, signingKey);
    const ledger = await (deps.openLedger ?? defaultOpenLedger)(inputs.ledger, {
        channelSecret: inputs.channelSecret,
        githubToken: inputs.githubToken,
        currentRepository: env.GITHUB_REPOSITORY,
        githubApiUrl: env.GITHUB_API_URL,
        logger: core
    });
    const session = connectStepSession(deps, { apiBaseUrl: inputs.apiBaseUrl, channelId: inputs.channelId, keyId, privateKey: signingKey.privateKey });
    if (inputs.dryRun)
        core.info('Dry run: planning only; nothing is revoked and the ledger is not changed.');
    return runRevokeAll({
        session,
        ledger,
        channelId: inputs.channelId,
        channelSecret: inputs.channelSecret,
        keep: inputs.keep,
        olderThanSeconds: inputs.olderThanSeconds,
        dryRun: inputs.dryRun,
        clock,
        logger: core,
        concurrency: deps.concurrency,
        onToken: (token) => maskSecret(core, token)
    });
}
function setOutputs(core, report) {
    const { counts } = report;
    core.setOutput('revoked', String(counts.revoked));
    core.setOutput('kept', String(counts.kept));
    core.setOutput('pruned', String(counts.pruned));
    core.setOutput('unknown', String(counts.unknown));
    // Empty when listing again after revoking failed: we do not know the count then.
    core.setOutput('active', counts.active === undefined ? '' : String(counts.active));
}
/** The job summary: one row per key ID (never a token) and the channel's count out of 30. */
function summaryOf(report) {
    const { counts } = report;
    const lines = [`### LINE revoke-all: channel ${report.channelId}${report.dryRun ? ' (dry run: nothing changed)' : ''}`, ''];
    const olderThan = report.olderThanSeconds === undefined ? 'of any age' : `issued at least ${formatDuration(report.olderThanSeconds)} ago`;
    lines.push(`Ledger: \`${cell(report.ledger)}\` · keep the newest ${report.keep} · revoke tokens ${olderThan}`, '');
    if (report.items.length === 0) {
        lines.push('No tokens: the ledger holds none for this channel and LINE lists none.', '');
    }
    else {
        lines.push('| Key ID | Issued | Expires | Fate | Why |', '|---|---|---|---|---|');
        for (const item of report.items) {
            const why = item.error ? `${REASON_TEXT[item.reason]}; ${item.error}` : REASON_TEXT[item.reason];
            lines.push(`| \`${cell(item.keyId)}\` | ${cell(item.issuedAt ?? '–')} | ${cell(item.expiresAt ?? '–')} | ${cell(FATE_TEXT[item.fate])} | ${cell(why)} |`);
        }
        lines.push('');
    }
    const done = report.dryRun
        ? `Would revoke ${report.items.filter((i) => i.fate === 'would-revoke').length}, would prune ${report.items.filter((i) => i.fate === 'would-prune').length}`
        : `Revoked ${counts.revoked}, pruned ${counts.pruned}`;
    lines.push(`${done}, kept ${counts.kept}, unknown ${counts.unknown}${counts.failed ? `, failed ${counts.failed}` : ''}.`, '');
    const active = counts.active === undefined ? `unknown (listing key IDs after revoking failed; ${report.activeBefore} before)` : `${counts.active}`;
    lines.push(`**Active v2.1 tokens on the channel: ${active} / ${report.maxActive}.**`, '');
    if (counts.unknown > 0) {
        lines.push(`Unknown key IDs were issued without this ledger (another tool, a step without \`ledger\`, or the console); they expire on their own and cannot be revoked without the token.`, '');
    }
    return lines.join('\n');
}
/** A summary that cannot be written must not turn a good run into a failed one. */
async function writeSummarySafely(core, markdown) {
    try {
        await core.writeSummary(markdown);
    }
    catch (error) {
        core.warning(`Could not write the job summary: ${messageOf(error)}`);
    }
}

;// CONCATENATED MODULE: ./src/cli/commands/revoke-all.ts
/** revoke-all: the clean-up action's plan and run, from the command line (the same core). */









const revokeAllCommand = {
    name: 'revoke-all',
    summary: 'revoke the tokens a ledger recorded (plan, revoke, confirm, prune)',
    options: {
        ...CHANNEL_OPTIONS,
        ...CHANNEL_SECRET_OPTIONS,
        ...LEDGER_OPTIONS,
        keep: { type: 'string' },
        'older-than': { type: 'string' },
        'dry-run': { type: 'boolean' },
        json: { type: 'boolean' }
    },
    help: formatHelp({
        usage: 'line-token revoke-all --ledger SPEC [--keep N] [--older-than DURATION] [--dry-run] [--json]',
        description: [
            "Lists the channel's valid key IDs once and plans against the ledger: recorded tokens still valid",
            'are revoked (except the newest --keep N and those younger than --older-than), records no longer',
            'listed are pruned, and valid key IDs the ledger does not know are reported as unknown (they',
            'cannot be revoked without the token). Each revoke is confirmed by listing again. Prints one line',
            'per key ID; exits 1 if a revoke failed or its key ID stayed listed.'
        ],
        options: [
            `${LEDGER_HELP} (required)`,
            '--keep N                 keep the newest N valid recorded tokens (default 0)',
            '--older-than DURATION    revoke only tokens issued at least this long ago (6h, 1d, …)',
            '--dry-run                plan and print only; revoke nothing, change nothing',
            '--json                   print the full report as JSON',
            ...CHANNEL_HELP,
            ...CHANNEL_SECRET_HELP
        ],
        examples: [
            'line-token revoke-all --ledger file:./ledger --dry-run',
            'line-token revoke-all --ledger file:./ledger --keep 1',
            'GH_TOKEN=$(gh auth token) line-token revoke-all --ledger github:me/bot --older-than 6h'
        ]
    }),
    run: revoke_all_revokeAll
};
async function revoke_all_revokeAll(ctx, flags) {
    const ledgerSpec = flags.string('ledger');
    if (ledgerSpec === undefined) {
        throw new UsageError('--ledger SPEC is required: revoke-all can only revoke tokens a ledger recorded (a token cannot be revoked without the token itself).');
    }
    const keep = parseKeep(flags.string('keep') ?? '', '--keep');
    const olderThanSeconds = parseOlderThan(flags.string('older-than') ?? '', '--older-than');
    const dryRun = flags.boolean('dry-run');
    const { session, channelId } = await openChannelSession(ctx, flags);
    const channelSecret = await requireChannelSecret(ctx, flags, "to revoke (LINE's revoke call needs it) and to read the ledger");
    const ledger = await openCliLedger(ctx, ledgerSpec, channelSecret);
    if (dryRun)
        ctx.say('Dry run: planning only; nothing is revoked and the ledger is not changed.');
    const report = await run_runRevokeAll({
        session,
        ledger,
        channelId,
        channelSecret,
        keep,
        olderThanSeconds,
        dryRun,
        clock: ctx.io.clock,
        logger: ctx.logger,
        onToken: (token) => ctx.redactor.add(token)
    });
    if (flags.boolean('json'))
        ctx.print(JSON.stringify(report));
    else
        for (const line of reportLines(report))
            ctx.print(line);
    ctx.say(summaryLine(report));
    if (report.counts.failed > 0) {
        throw new CommandFailed(`${report.counts.failed} token(s) could not be revoked (see the warnings above); they still hold slots on channel ${channelId}.`);
    }
}
/** One line per key ID: key ID, fate, issue and expiry times, and why. */
function reportLines(report) {
    return report.items.map((item) => {
        const times = item.issuedAt ? `  issued ${item.issuedAt}  expires ${item.expiresAt}` : '';
        return `${item.keyId}  ${run_FATE_TEXT[item.fate]}${times}  (${plan_REASON_TEXT[item.reason]})`;
    });
}
function summaryLine(report) {
    const { counts } = report;
    const olderThan = report.olderThanSeconds === undefined ? '' : `, older than ${duration_formatDuration(report.olderThanSeconds)}`;
    const done = report.dryRun
        ? `Dry run: would revoke ${report.items.filter((i) => i.fate === 'would-revoke').length}, would prune ${report.items.filter((i) => i.fate === 'would-prune').length}`
        : `Revoked ${counts.revoked}, pruned ${counts.pruned}`;
    const failed = counts.failed ? `, failed ${counts.failed}` : '';
    const unconfirmed = counts.unconfirmed ? `, not confirmed ${counts.unconfirmed}` : '';
    const active = counts.active === undefined ? `unknown (${report.activeBefore} before)` : String(counts.active);
    return `${done}, kept ${counts.kept} (keep ${report.keep}${olderThan}), unknown ${counts.unknown}${failed}${unconfirmed}. Active v2.1 tokens on channel ${report.channelId}: ${active} of ${report.maxActive}.`;
}

;// CONCATENATED MODULE: ./src/cli/token-input.ts
/** The access token a command works on: from stdin, --token-file FILE, or (with a warning) --token. */



const TOKEN_OPTIONS = {
    'token-file': { type: 'string' },
    token: { type: 'string' }
};
const TOKEN_HELP = [
    '--token-file FILE        read the token from FILE ("-" for stdin)',
    '--token TOKEN            the token itself (discouraged: it lands in shell history)'
];
/** A v2.1 token is a JWT of a few hundred characters; far more is not a token. */
const MAX_TOKEN_LENGTH = 16 * 1024;
async function readAccessToken(ctx, flags) {
    const { text, input } = await readTokenText(ctx, flags);
    const token = text.trim();
    ctx.redactor.add(token);
    if (!token)
        throw new errors/* InputError */.dz(input, 'holds no token: give the channel access token (what "line-token issue" printed).');
    if (token.length > MAX_TOKEN_LENGTH)
        throw new errors/* InputError */.dz(input, `is ${token.length} characters long, too long for a channel access token.`);
    if (/\s/.test(token))
        throw new errors/* InputError */.dz(input, 'holds more than one word: give only the channel access token, on one line.');
    return token;
}
async function readTokenText(ctx, flags) {
    const inline = flags.string('token');
    const file = flags.string('token-file');
    if (inline !== undefined && file !== undefined)
        throw new UsageError('give the token once: on stdin, with --token-file FILE, or with --token, not several.');
    if (inline !== undefined) {
        ctx.redactor.add(inline);
        ctx.warn('--token puts the token in your shell history and the process list. Pipe it on stdin (echo "$TOKEN" | line-token …) or use --token-file FILE instead.');
        return { text: inline, input: '--token' };
    }
    if (file !== undefined)
        return { text: await readInputFile(ctx, file, '--token-file', 'the token'), input: '--token-file' };
    const piped = await ctx.readStdin('the token');
    if (piped === undefined) {
        throw new UsageError(`give the token on stdin (echo "$TOKEN" | ${ctx.commandLine}) or with --token-file FILE.`);
    }
    return { text: piped, input: 'stdin' };
}

;// CONCATENATED MODULE: ./src/cli/commands/revoke.ts
/**
 * revoke: revoke one v2.1 token and, when its key ID is known (--token-key-id, or the ledger's
 * record of the token), confirm it left LINE's list of valid key IDs. LINE's revoke answers 200
 * even for a token it does not know, so without the key ID the revoke cannot be confirmed.
 */








const revokeCommand = {
    name: 'revoke',
    summary: 'revoke one v2.1 token and confirm it is gone',
    options: {
        ...TOKEN_OPTIONS,
        ...CHANNEL_OPTIONS,
        ...CHANNEL_SECRET_OPTIONS,
        ...LEDGER_OPTIONS,
        'token-key-id': { type: 'string' },
        json: { type: 'boolean' }
    },
    help: formatHelp({
        usage: 'line-token revoke [--token-key-id KID | --ledger SPEC] [--token-file FILE] [--json]   (token on stdin)',
        description: [
            "Revokes the token (POST /oauth2/v2.1/revoke, which needs the channel ID and secret). LINE answers",
            "200 even for a token it does not know, so the revoke is confirmed by the token's key ID leaving",
            'the list of valid key IDs. Give the key ID with --token-key-id (issue prints it), or --ledger',
            'to look the token up; confirming also needs the private key. Without a key ID the revoke is',
            'sent but cannot be confirmed. With --ledger, the record is removed once the token is gone.'
        ],
        options: [
            ...TOKEN_HELP,
            "--token-key-id KID       the token's key ID (issue --json prints it as key_id), to confirm the revoke",
            `${LEDGER_HELP}`,
            '--json                   print {key_id, status, active}',
            ...CHANNEL_HELP,
            ...CHANNEL_SECRET_HELP
        ],
        examples: [
            'echo "$TOKEN" | line-token revoke --token-key-id="$KID"',
            'line-token revoke --token-file token.txt --ledger file:./ledger',
            'echo "$TOKEN" | line-token revoke        # sent, but not confirmed'
        ]
    }),
    run: revoke_revoke
};
async function revoke_revoke(ctx, flags) {
    const accessToken = await readAccessToken(ctx, flags);
    const channelId = readChannelId(ctx, flags);
    const channelSecret = await requireChannelSecret(ctx, flags, "to revoke: LINE's revoke call needs it");
    const explicitKeyId = tokenKeyId(flags);
    const ledgerSpec = flags.string('ledger');
    // Confirming lists key IDs, which needs the private key: check it now, before anything is sent.
    const channel = explicitKeyId !== undefined || ledgerSpec !== undefined ? await openChannelSession(ctx, flags) : undefined;
    const ledger = ledgerSpec === undefined ? undefined : await openCliLedger(ctx, ledgerSpec, channelSecret);
    const record = ledger && (await findRecord(ctx, ledger, channelId, accessToken));
    if (record && explicitKeyId && record.keyId !== explicitKeyId) {
        ctx.warn(`--token-key-id is ${explicitKeyId}, but the ledger recorded this token under key ID ${record.keyId}; using the ledger's.`);
    }
    const keyId = record?.keyId ?? explicitKeyId;
    const result = keyId !== undefined && channel
        ? await revokeConfirmed(ctx, channel.session, keyId, channelSecret, accessToken)
        : await revokeUnconfirmed(ctx, flags, channelId, channelSecret, accessToken);
    if (ledger && record) {
        await ledger.remove(channelId, record.keyId);
        ctx.say(`Removed key ID ${record.keyId} from the ledger (${ledger.description}).`);
    }
    if (flags.boolean('json'))
        ctx.print(JSON.stringify(result));
}
/** --token-key-id, checked like a key ID (printable, no spaces or quotes, at most 128 characters). */
function tokenKeyId(flags) {
    const value = flags.string('token-key-id')?.trim();
    if (value === undefined)
        return undefined;
    if (!/^[\x21-\x7e]{1,128}$/.test(value) || /["'`]/.test(value)) {
        throw new errors/* InputError */.dz('--token-key-id', 'must be the key ID LINE returned with the token (key_id), e.g. a UUID-like string without spaces or quotes.');
    }
    return value;
}
async function findRecord(ctx, ledger, channelId, accessToken) {
    const entries = await ledger.list(channelId);
    for (const entry of entries)
        ctx.redactor.add(entry.accessToken);
    const record = entries.find((entry) => entry.accessToken === accessToken);
    if (!record)
        ctx.say(`The ledger (${ledger.description}) has no record of this token.`);
    return record;
}
async function revokeConfirmed(ctx, session, keyId, channelSecret, accessToken) {
    const report = await revokeAndConfirm({ session, channelSecret, tokens: [{ keyId, accessToken }], logger: ctx.logger });
    const outcome = report.outcomes[0];
    switch (outcome.status) {
        case 'revoked':
            ctx.say(`Revoked the token; its key ID ${keyId} is no longer listed (${report.activeAfter} of ${revoke_MAX_ACTIVE_V21_TOKENS} valid v2.1 tokens remain).`);
            return { key_id: keyId, status: 'revoked', active: report.activeAfter };
        case 'already-gone':
            ctx.say(`Key ID ${keyId} is not listed as valid: the token was already revoked or has expired. Nothing to revoke.`);
            return { key_id: keyId, status: 'already-gone', active: report.activeBefore };
        default:
            // failed, still-listed, unconfirmed: the token may still be valid.
            throw new CommandFailed(`Revoking the token with key ID ${keyId} is not confirmed: ${outcome.error}`);
    }
}
async function revokeUnconfirmed(ctx, flags, channelId, channelSecret, accessToken) {
    await createCliApi(ctx, flags).revokeToken({ channelId, channelSecret, accessToken });
    ctx.warn("LINE accepted the revoke call, but without the token's key ID it cannot be confirmed (LINE answers the same for an unknown token). " +
        'To confirm, give --token-key-id KID (line-token issue prints it) or keep tokens in a --ledger.');
    return { key_id: null, status: 'sent-unconfirmed' };
}

;// CONCATENATED MODULE: ./src/cli/commands/verify.ts
/** verify: how long a token has left (GET /oauth2/v2.1/verify). Needs only the token. */




const verifyCommand = {
    name: 'verify',
    summary: "show a token's remaining lifetime and channel",
    options: { ...TOKEN_OPTIONS, 'api-base-url': { type: 'string' }, json: { type: 'boolean' } },
    help: formatHelp({
        usage: 'line-token verify [--token-file FILE] [--json]   (token on stdin)',
        description: [
            "Asks LINE how long the token has left (GET /oauth2/v2.1/verify) and prints it with the token's",
            'channel ID. An expired, revoked or unknown token is a LINE error (exit 1).'
        ],
        options: [
            ...TOKEN_HELP,
            '--json                   print {client_id, expires_in, expires_at, scope}',
            "--api-base-url URL       where LINE's API is (env LINE_API_BASE_URL; default https://api.line.me)"
        ],
        examples: ['echo "$TOKEN" | line-token verify', 'line-token verify --token-file token.txt --json']
    }),
    run: verify_verify
};
async function verify_verify(ctx, flags) {
    const token = await readAccessToken(ctx, flags);
    const api = createCliApi(ctx, flags);
    const verified = await api.verifyToken(token);
    const expiresAt = new Date(ctx.io.clock.now() + verified.expiresIn * 1000).toISOString();
    if (flags.boolean('json')) {
        ctx.print(JSON.stringify({
            client_id: verified.clientId,
            expires_in: verified.expiresIn,
            expires_at: expiresAt,
            ...(verified.scope !== undefined ? { scope: verified.scope } : {})
        }));
        return;
    }
    const scope = verified.scope ? `; scope ${verified.scope}` : '';
    ctx.print(`valid for ${duration_formatDuration(verified.expiresIn)} (until ${expiresAt}); channel ${verified.clientId}${scope}`);
}

;// CONCATENATED MODULE: ./src/cli/program.ts








const COMMANDS = [keygenCommand, issueCommand, listCommand, verifyCommand, revokeCommand, revokeAllCommand, emulatorCommand];
function findCommand(name) {
    const command = COMMANDS.find((candidate) => candidate.name === name);
    if (command)
        return command;
    // Not echoed when it looks like a pasted value rather than a mistyped command.
    const shown = /^[a-z][a-z-]{0,20}$/i.test(name) ? `"${name}"` : 'given';
    throw new UsageError(`unknown command ${shown}: use one of ${COMMANDS.map((c) => c.name).join(', ')} (line-token --help).`);
}
function programHelp() {
    const width = Math.max(...COMMANDS.map((c) => c.name.length));
    return [
        'Usage: line-token COMMAND [options]',
        '',
        'Issue, inspect and revoke LINE channel access tokens with an assertion signing key,',
        'outside GitHub Actions (GitLab, Jenkins, a laptop), and run an offline LINE API emulator.',
        '',
        'Commands:',
        ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
        '',
        'Settings (a flag wins over the environment):',
        '  LINE_CHANNEL_ID          --channel-id ID',
        '  LINE_PRIVATE_KEY_FILE    --private-key-file FILE   (or LINE_PRIVATE_KEY holding the key itself)',
        '  LINE_KEY_ID              --key-id KID              (default: the private JWK\'s kid)',
        '  LINE_CHANNEL_SECRET      --channel-secret-file FILE (or LINE_CHANNEL_SECRET_FILE)',
        '  LINE_API_BASE_URL        --api-base-url URL        (default https://api.line.me)',
        'Secrets belong in the environment or in files; a secret given as a flag works, with a warning.',
        '',
        'Examples:',
        '  line-token keygen --out line-private.jwk.json',
        '  TOKEN=$(line-token issue --lifetime 30m)',
        '  echo "$TOKEN" | line-token revoke --token-key-id="$KID"',
        '  line-token COMMAND --help',
        '',
        'Options: --help, -h  this help · --version  the version · --debug  debug logs and stack traces',
        'Exit codes: 0 success, 1 LINE, network or ledger error, 2 bad usage or input.'
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/cli/redact.ts
/**
 * Defence in depth for stderr: the core never puts a secret in a message, but every secret
 * the CLI handles (key material, channel secret, tokens) is registered here and replaced
 * with *** in anything written to stderr, should some message ever carry one.
 */
class Redactor {
    secrets = new Set();
    /** Very short values are not secrets worth hiding and would garble unrelated text. */
    static MIN_LENGTH = 8;
    add(value) {
        const trimmed = value?.trim();
        if (trimmed && trimmed.length >= Redactor.MIN_LENGTH)
            this.secrets.add(trimmed);
    }
    addAll(values) {
        for (const value of values)
            this.add(value);
    }
    redact(text) {
        let result = text;
        // Longest first, so a secret that contains another is replaced whole.
        for (const secret of [...this.secrets].sort((a, b) => b.length - a.length))
            result = result.split(secret).join('***');
        return result;
    }
}

;// CONCATENATED MODULE: ./src/cli/context.ts


/** What stdin may hold at most: a token or a key is a few KB; more is not what we asked for. */
const MAX_STDIN_BYTES = 1024 * 1024;
class CommandContext {
    io;
    commandLine;
    debug;
    redactor = new Redactor();
    logger;
    stdinTakenFor;
    constructor(io, 
    /** e.g. "line-token issue", for messages. */
    commandLine, debug) {
        this.io = io;
        this.commandLine = commandLine;
        this.debug = debug;
        this.logger = {
            debug: (message) => {
                if (this.debug)
                    this.say(`debug: ${message}`);
            },
            info: (message) => this.say(message),
            warning: (message) => this.warn(message)
        };
    }
    /** A line of data on stdout. */
    print(text) {
        this.io.stdout.write(`${text}\n`);
    }
    /** A line for people on stderr. */
    say(text) {
        this.io.stderr.write(`${this.redactor.redact(text)}\n`);
    }
    warn(text) {
        this.say(`warning: ${text}`);
    }
    /**
     * Everything on stdin, or undefined when stdin is a terminal (nothing was piped). Only one
     * thing can come from stdin per run; `what` names it for the error when two ask.
     */
    async readStdin(what) {
        if (this.stdinTakenFor !== undefined) {
            throw new UsageError(`stdin can hold only one thing: it is already read for ${this.stdinTakenFor}, so give ${what} another way.`);
        }
        this.stdinTakenFor = what;
        const { stdin } = this.io;
        if (typeof stdin === 'function')
            return stdin();
        if (stdin.isTTY)
            return undefined;
        let text = '';
        for await (const chunk of stdin) {
            text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
            if (text.length > MAX_STDIN_BYTES)
                throw new UsageError(`stdin holds more than ${MAX_STDIN_BYTES} bytes; it should hold only ${what}.`);
        }
        return text;
    }
}

;// CONCATENATED MODULE: ./src/cli/index.ts
/**
 * The `line-token` command line: `runCli(argv, io)` parses the command and its flags, runs it,
 * and resolves with the exit code (0 success, 1 LINE/network/ledger failure, 2 bad usage or
 * input). Errors are one line on stderr; --debug adds debug logs and the stack trace.
 */








async function runCli(argv, io) {
    // A --debug before the command counts too: `line-token --debug issue`.
    const leadingDebug = argv[0] === '--debug';
    const args = leadingDebug ? argv.slice(1) : [...argv];
    const [name, ...rest] = args;
    const debug = leadingDebug || rest.includes('--debug');
    // Only a known command's name goes into messages: anything else may be a pasted secret.
    const known = COMMANDS.some((command) => command.name === name);
    const ctx = new CommandContext(io, known ? `line-token ${name}` : 'line-token', debug);
    try {
        if (name === undefined) {
            io.stderr.write(`${programHelp()}\n`);
            return EXIT_USAGE;
        }
        if (name === '--help' || name === '-h' || name === 'help')
            return showHelp(ctx, rest);
        if (name === '--version' || name === '-V') {
            ctx.print(VERSION);
            return EXIT_OK;
        }
        const command = findCommand(name);
        const flags = parseFlags(ctx.commandLine, rest, command.options);
        if (flags.boolean('help')) {
            ctx.print(command.help);
            return EXIT_OK;
        }
        await command.run(ctx, flags);
        return EXIT_OK;
    }
    catch (error) {
        return report(ctx, error);
    }
}
/** `line-token help [COMMAND]`, `line-token --help`. */
function showHelp(ctx, rest) {
    const topic = rest.find((arg) => !arg.startsWith('-'));
    ctx.print(topic === undefined ? programHelp() : findCommand(topic).help);
    return EXIT_OK;
}
function report(ctx, error) {
    ctx.say(`${ctx.commandLine}: ${oneLine(errorText(error))}`);
    if (ctx.debug && error instanceof Error && error.stack)
        ctx.say(error.stack);
    return exitCodeOf(error);
}
/** The real process's I/O, for the bin entry. */
function processIo() {
    return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd(), clock: clock/* systemClock */.m };
}


/***/ }),

/***/ 9373:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ systemClock),
/* harmony export */   u: () => (/* binding */ realSleep)
/* harmony export */ });
const systemClock = { now: () => Date.now() };
const realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));


/***/ }),

/***/ 3546:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cli_index_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9041);
// The `line-token` command line (package.json "bin"): see src/cli/index.ts.

process.exitCode = await (0,_cli_index_js__WEBPACK_IMPORTED_MODULE_0__/* .runCli */ .ak)(process.argv.slice(2), (0,_cli_index_js__WEBPACK_IMPORTED_MODULE_0__/* .processIo */ .Wr)());

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   bD: () => (/* binding */ messageOf),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   oy: () => (/* binding */ LedgerError),
/* harmony export */   pI: () => (/* binding */ LineApiError)
/* harmony export */ });
/* unused harmony export failureMessage */
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
class LedgerError extends Error {
    name = 'LedgerError';
}
/** What a step prints when it fails: our own errors as they are, anything else as a bug. */
function failureMessage(error) {
    if (error instanceof InputError || error instanceof LineApiError || error instanceof LedgerError)
        return error.message;
    // Not ours: report the message only (no stack: it can carry values), and ask for a report.
    return `Unexpected error: ${messageOf(error)}. This is a bug in the action; please report it.`;
}


/***/ }),

/***/ 5667:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  VJ: () => (/* binding */ assertSafeId),
  jt: () => (/* binding */ keyIdOfFileName),
  C6: () => (/* binding */ openRecord),
  lX: () => (/* binding */ recordPath),
  I$: () => (/* binding */ sealEntry),
  hu: () => (/* binding */ validateEntry)
});

// UNUSED EXPORTS: RECORD_VERSION, parseRecord

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/lib/validate.js
var validate = __nccwpck_require__(7784);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/util/base64url.js
var base64url = __nccwpck_require__(1445);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/lib/buffer_utils.js
var buffer_utils = __nccwpck_require__(7410);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/lib/key.js
var lib_key = __nccwpck_require__(7859);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/util/errors.js
var errors = __nccwpck_require__(5674);
;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/lib/content_encryption.js



const generateCek = (enc) => crypto.getRandomValues(new Uint8Array(enc.cekBits >> 3));
function checkCekLength(cek, expected) {
  const actual = cek.byteLength << 3;
  if (actual !== expected)
    throw new errors/* JWEInvalid */.aA(`Invalid Content Encryption Key length. Expected ${expected} bits, got ${actual} bits`);
}
const generateIv = (enc) => crypto.getRandomValues(new Uint8Array(enc.ivBits >> 3));
function checkIvLength(enc, iv) {
  if (iv.length << 3 !== enc.ivBits)
    throw new errors/* JWEInvalid */.aA("Invalid Initialization Vector length");
}
async function cbcKeySetup(enc, cek, usage) {
  if (!(cek instanceof Uint8Array))
    throw new TypeError((0,lib_key/* invalidKeyInput */.XP)(cek, "Uint8Array"));
  const keyLengthBits = enc.cekBits >> 1, encKey = await crypto.subtle.importKey("raw", cek.subarray(keyLengthBits >> 3), "AES-CBC", !1, [usage]), macKey = await crypto.subtle.importKey("raw", cek.subarray(0, keyLengthBits >> 3), {
    hash: `SHA-${keyLengthBits << 1}`,
    name: "HMAC"
  }, !1, ["sign"]);
  return [encKey, macKey, keyLengthBits];
}
async function cbcHmacTag(macKey, macData, keyLengthBits) {
  return new Uint8Array((await crypto.subtle.sign("HMAC", macKey, macData)).slice(0, keyLengthBits >> 3));
}
async function cbcEncrypt(enc, plaintext, cek, iv, aad) {
  const [encKey, macKey, keyLengthBits] = await cbcKeySetup(enc, cek, "encrypt"), ciphertext = new Uint8Array(await crypto.subtle.encrypt({
    iv,
    name: "AES-CBC"
  }, encKey, plaintext)), al = (0,buffer_utils/* uint64be */.mx)(aad.length * 8), macData = (0,buffer_utils/* concat */.xW)(aad, iv, ciphertext, al), tag = await cbcHmacTag(macKey, macData, keyLengthBits);
  return { ciphertext, tag, iv };
}
async function timingSafeEqual(a, b) {
  const algorithm = { name: "HMAC", hash: "SHA-256" }, key = await crypto.subtle.generateKey(algorithm, !1, ["sign", "verify"]), aHmac = await crypto.subtle.sign(algorithm, key, a);
  return crypto.subtle.verify(algorithm, key, aHmac, b);
}
async function cbcDecrypt(enc, cek, ciphertext, iv, tag, aad) {
  const [encKey, macKey, keyLengthBits] = await cbcKeySetup(enc, cek, "decrypt"), al = (0,buffer_utils/* uint64be */.mx)(aad.length * 8), macData = (0,buffer_utils/* concat */.xW)(aad, iv, ciphertext, al), expectedTag = await cbcHmacTag(macKey, macData, keyLengthBits);
  try {
    if (await timingSafeEqual(tag, expectedTag))
      return new Uint8Array(await crypto.subtle.decrypt({ iv, name: "AES-CBC" }, encKey, ciphertext));
  } catch {
  }
  throw new errors/* JWEDecryptionFailed */.xO();
}
async function encrypt(enc, plaintext, cek, iv, aad) {
  if (!(0,lib_key/* isCryptoKey */.R7)(cek) && !(cek instanceof Uint8Array))
    throw new TypeError((0,lib_key/* invalidKeyInput */.XP)(cek, "CryptoKey", "KeyObject", "Uint8Array", "JSON Web Key"));
  if (iv ? checkIvLength(enc, iv) : iv = generateIv(enc), cek instanceof Uint8Array && checkCekLength(cek, enc.cekBits), enc.cbc)
    return cbcEncrypt(enc, plaintext, cek, iv, aad);
  const encKey = await (0,lib_key/* rawKey */.GK)(cek, enc.subtle, "encrypt"), encrypted = new Uint8Array(await crypto.subtle.encrypt({
    additionalData: aad,
    iv,
    name: "AES-GCM",
    tagLength: 128
  }, encKey, plaintext));
  return { ciphertext: encrypted.subarray(0, -16), tag: encrypted.subarray(-16), iv };
}
async function decrypt(enc, cek, ciphertext, iv, tag, aad) {
  if (!(0,lib_key/* isCryptoKey */.R7)(cek) && !(cek instanceof Uint8Array))
    throw new TypeError((0,lib_key/* invalidKeyInput */.XP)(cek, "CryptoKey", "KeyObject", "Uint8Array", "JSON Web Key"));
  if (!iv)
    throw new errors/* JWEInvalid */.aA("JWE Initialization Vector missing");
  if (!tag)
    throw new errors/* JWEInvalid */.aA("JWE Authentication Tag missing");
  if (!enc.cbc && tag.length !== 16)
    throw new errors/* JWEInvalid */.aA("Invalid Authentication Tag length");
  if (checkIvLength(enc, iv), cek instanceof Uint8Array && checkCekLength(cek, enc.cekBits), enc.cbc)
    return cbcDecrypt(enc, cek, ciphertext, iv, tag, aad);
  const encKey = await (0,lib_key/* rawKey */.GK)(cek, enc.subtle, "decrypt");
  try {
    return new Uint8Array(await crypto.subtle.decrypt({
      additionalData: aad,
      iv,
      name: "AES-GCM",
      tagLength: 128
    }, encKey, (0,buffer_utils/* concat */.xW)(ciphertext, tag)));
  } catch {
    throw new errors/* JWEDecryptionFailed */.xO();
  }
}


// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/lib/key_descriptor.js
var key_descriptor = __nccwpck_require__(3035);
;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/lib/jwe_algorithms.js


const wrap = [
  ["encrypt", "wrapKey"],
  ["decrypt", "unwrapKey"]
], derive = [[], ["deriveBits"]], none = [[], []];
function rsaes(bits) {
  return {
    kty: ["RSA"],
    mode: "key-encryption",
    subtle: { name: "RSA-OAEP", hash: `SHA-${bits}` },
    usages: wrap,
    ops: ["wrapKey", "unwrapKey"]
  };
}
function ecdh(mode) {
  return {
    kty: ["EC", "OKP"],
    mode,
    subtle: { name: "ECDH" },
    resolve: ({ kty, crv, asymmetricKeyType }) => {
      if (crv === "X25519" || asymmetricKeyType === "x25519")
        return { name: "X25519" };
      if (kty === "OKP")
        throw new errors/* JOSENotSupported */.T0('Invalid or unsupported JWK "alg" (Algorithm) Parameter value');
      return { name: "ECDH", namedCurve: crv };
    },
    usages: derive,
    ops: [void 0, "deriveBits"]
  };
}
function aeskw(bits, gcm = !1) {
  return {
    kty: ["oct"],
    mode: "key-wrapping",
    secret: !0,
    subtle: { name: gcm ? "AES-GCM" : "AES-KW", length: bits },
    usages: none,
    ops: gcm ? ["encrypt", "decrypt"] : ["wrapKey", "unwrapKey"]
  };
}
function pbes2() {
  return {
    kty: ["oct"],
    mode: "key-wrapping",
    secret: !0,
    subtle: { name: "PBKDF2" },
    usages: none,
    ops: ["deriveBits", "deriveBits"]
  };
}
const JWE = (0,key_descriptor/* table */.t)({
  dir: {
    kty: ["oct"],
    mode: "direct-encryption",
    secret: !0,
    subtle: { name: "AES-GCM" },
    usages: none,
    ops: ["encrypt", "decrypt"]
  },
  "RSA-OAEP": rsaes(1),
  "RSA-OAEP-256": rsaes(256),
  "RSA-OAEP-384": rsaes(384),
  "RSA-OAEP-512": rsaes(512),
  "ECDH-ES": ecdh("direct-key-agreement"),
  "ECDH-ES+A128KW": ecdh("key-agreement-with-key-wrapping"),
  "ECDH-ES+A192KW": ecdh("key-agreement-with-key-wrapping"),
  "ECDH-ES+A256KW": ecdh("key-agreement-with-key-wrapping"),
  A128KW: aeskw(128),
  A192KW: aeskw(192),
  A256KW: aeskw(256),
  A128GCMKW: aeskw(128, !0),
  A192GCMKW: aeskw(192, !0),
  A256GCMKW: aeskw(256, !0),
  "PBES2-HS256+A128KW": pbes2(),
  "PBES2-HS384+A192KW": pbes2(),
  "PBES2-HS512+A256KW": pbes2()
}), contentOps = ["encrypt", "decrypt"];
function contentEncryption(bits, cbc = !1) {
  return {
    kty: ["oct"],
    secret: !0,
    subtle: { name: cbc ? "AES-CBC" : "AES-GCM", length: bits },
    usages: none,
    ops: contentOps,
    cekBits: bits,
    ivBits: cbc ? 128 : 96,
    cbc
  };
}
const ENC = (0,key_descriptor/* table */.t)({
  A128GCM: contentEncryption(128),
  A192GCM: contentEncryption(192),
  A256GCM: contentEncryption(256),
  "A128CBC-HS256": contentEncryption(256, !0),
  "A192CBC-HS384": contentEncryption(384, !0),
  "A256CBC-HS512": contentEncryption(512, !0)
});
function unsupported(parameter, name) {
  throw new errors/* JOSENotSupported */.T0(`Invalid or unsupported "${parameter}" (JWE ${name}) header value`);
}
function jweAlgorithm(alg) {
  return (typeof alg == "string" ? JWE[alg] : void 0) ?? unsupported("alg", "Algorithm");
}
function isJWECEKTransport(algorithm) {
  return algorithm.mode === "key-wrapping" || algorithm.mode === "key-encryption" || algorithm.mode === "key-agreement-with-key-wrapping";
}
function jweEncryption(enc) {
  return (typeof enc == "string" ? ENC[enc] : void 0) ?? unsupported("enc", "Encryption Algorithm");
}


;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/lib/key_management.js







function checkEcdhCryptoKey(key, usage) {
  if (key.algorithm.name !== "ECDH" && key.algorithm.name !== "X25519")
    throw new TypeError("CryptoKey does not support this operation, its algorithm.name must be ECDH or X25519");
  (0,lib_key/* checkUsage */.GZ)(key, usage);
}
async function aeskwWrap(alg, key, cek) {
  const cryptoKey = await (0,lib_key/* rawKey */.GK)(key, jweAlgorithm(alg).subtle, "wrapKey", !0), cryptoKeyCek = await crypto.subtle.importKey("raw", cek, { hash: "SHA-256", name: "HMAC" }, !0, ["sign"]);
  return new Uint8Array(await crypto.subtle.wrapKey("raw", cryptoKeyCek, cryptoKey, "AES-KW"));
}
async function aeskwUnwrap(alg, key, encryptedKey) {
  const cryptoKey = await (0,lib_key/* rawKey */.GK)(key, jweAlgorithm(alg).subtle, "unwrapKey", !0), cryptoKeyCek = await crypto.subtle.unwrapKey("raw", encryptedKey, cryptoKey, "AES-KW", { hash: "SHA-256", name: "HMAC" }, !0, ["sign"]);
  return new Uint8Array(await crypto.subtle.exportKey("raw", cryptoKeyCek));
}
function checkRsaKey(alg, key, usage) {
  (0,lib_key/* checkCryptoKey */.Ni)(key, jweAlgorithm(alg).subtle, usage), (0,lib_key/* checkModulusLength */.or)(alg, key);
}
async function deriveKey(p2s, alg, p2c, key) {
  if (!(p2s instanceof Uint8Array) || p2s.length < 8)
    throw new errors/* JWEInvalid */.aA("PBES2 Salt Input must be 8 or more octets");
  if (!Number.isSafeInteger(p2c) || Math.sign(p2c) !== 1)
    throw new errors/* JWEInvalid */.aA("PBES2 Count Input must be a positive integer");
  const salt = (0,buffer_utils/* concat */.xW)((0,buffer_utils/* encode */.lF)(alg), Uint8Array.of(0), p2s), keyLengthBits = parseInt(alg.slice(13, 16), 10), subtleAlg = {
    hash: `SHA-${alg.slice(8, 11)}`,
    iterations: p2c,
    name: "PBKDF2",
    salt
  }, cryptoKey = await (0,lib_key/* rawKey */.GK)(key, jweAlgorithm(alg).subtle, "deriveBits");
  return new Uint8Array(await crypto.subtle.deriveBits(subtleAlg, cryptoKey, keyLengthBits));
}
function lengthAndInput(input) {
  return (0,buffer_utils/* concat */.xW)((0,buffer_utils/* uint32be */.VS)(input.length), input);
}
async function concatKdf(Z, keyDataLength, OtherInfo) {
  const dkLen = keyDataLength >> 3, hashLen = 32, reps = Math.ceil(dkLen / hashLen), dk = new Uint8Array(reps * hashLen);
  for (let i = 1; i <= reps; i++) {
    const hashResult = await (0,buffer_utils/* digest */.br)("sha256", (0,buffer_utils/* concat */.xW)((0,buffer_utils/* uint32be */.VS)(i), Z, OtherInfo));
    dk.set(hashResult, (i - 1) * hashLen);
  }
  return dk.slice(0, dkLen);
}
async function ecdhesDeriveKey(publicKey, privateKey, algorithmId, keyDataLength, apu = new Uint8Array(), apv = new Uint8Array()) {
  checkEcdhCryptoKey(publicKey), checkEcdhCryptoKey(privateKey, "deriveBits");
  const otherInfo = (0,buffer_utils/* concat */.xW)(lengthAndInput((0,buffer_utils/* encode */.lF)(algorithmId)), lengthAndInput(apu), lengthAndInput(apv), (0,buffer_utils/* uint32be */.VS)(keyDataLength)), Z = new Uint8Array(await crypto.subtle.deriveBits({
    name: publicKey.algorithm.name,
    public: publicKey
  }, privateKey, publicKey.algorithm.name === "X25519" ? 256 : Math.ceil(parseInt(publicKey.algorithm.namedCurve.slice(-3), 10) / 8) << 3));
  return concatKdf(Z, keyDataLength, otherInfo);
}
function assertEcdhKey(key) {
  (0,lib_key/* assertCryptoKey */.Tz)(key);
  const curve = key.algorithm.namedCurve;
  if (curve !== "P-256" && curve !== "P-384" && curve !== "P-521" && key.algorithm.name !== "X25519")
    throw new errors/* JOSENotSupported */.T0("ECDH with the provided key is not allowed or not supported by your javascript runtime");
}
function partyInfo(joseHeader, name) {
  const value = joseHeader[name];
  if (value !== void 0) {
    if (typeof value != "string")
      throw new errors/* JWEInvalid */.aA(`JOSE Header "${name}" (Agreement Party${name === "apu" ? "U" : "V"}Info) invalid`);
    return (0,validate/* decodeBase64url */.h2)(value, name, errors/* JWEInvalid */.aA);
  }
}
function checkPartyInfo(apu, apv) {
  if (!(apu === void 0 || apv === void 0 || apu.byteLength !== apv.byteLength)) {
    for (let i = 0; i < apu.byteLength; i++)
      if (apu[i] !== apv[i])
        return;
    throw new errors/* JWEInvalid */.aA('JOSE Header "apu" and "apv" values must be distinct');
  }
}
function assertEncryptedKey(encryptedKey) {
  if (encryptedKey === void 0)
    throw new errors/* JWEInvalid */.aA("JWE Encrypted Key missing");
}
function assertNoEncryptedKey(encryptedKey) {
  if (encryptedKey !== void 0)
    throw new errors/* JWEInvalid */.aA("Encountered unexpected JWE Encrypted Key");
}
function validateMaxPBES2Count(value) {
  if (value !== void 0 && value !== 1 / 0 && (!Number.isSafeInteger(value) || value < 1))
    throw new TypeError("maxPBES2Count must be a positive safe integer or Infinity");
}
async function decryptKeyManagement(entry, enc, key, encryptedKey, joseHeader, maxPBES2Count) {
  const { alg } = entry, mode = entry.mode;
  if (mode === "direct-encryption")
    return assertNoEncryptedKey(encryptedKey), key;
  const direct = mode === "direct-key-agreement";
  switch (direct ? assertNoEncryptedKey(encryptedKey) : assertEncryptedKey(encryptedKey), entry.subtle.name) {
    case "ECDH": {
      const { epk } = joseHeader;
      if (!(0,validate/* isObject */.Gv)(epk) || ["d", "k", "p", "q", "dp", "dq", "qi", "oth", "priv"].some((parameter) => Object.hasOwn(epk, parameter)))
        throw new errors/* JWEInvalid */.aA('JOSE Header "epk" (Ephemeral Public Key) missing or invalid');
      assertEcdhKey(key);
      const ephemeralPublicKey = await (0,lib_key/* jwkToKey */.xY)(entry, epk), partyUInfo = partyInfo(joseHeader, "apu"), partyVInfo = partyInfo(joseHeader, "apv");
      checkPartyInfo(partyUInfo, partyVInfo);
      const derivedKey = await ecdhesDeriveKey(ephemeralPublicKey, key, direct ? enc.alg : alg, direct ? enc.cekBits : parseInt(alg.slice(-5, -2), 10), partyUInfo, partyVInfo);
      if (direct)
        return derivedKey;
      key = derivedKey;
      break;
    }
    case "RSA-OAEP":
      return (0,lib_key/* assertCryptoKey */.Tz)(key), checkRsaKey(alg, key, "decrypt"), new Uint8Array(await crypto.subtle.decrypt("RSA-OAEP", key, encryptedKey));
    case "PBKDF2": {
      if (typeof joseHeader.p2c != "number")
        throw new errors/* JWEInvalid */.aA('JOSE Header "p2c" (PBES2 Count) missing or invalid');
      const p2cLimit = maxPBES2Count ?? 1e4;
      if (joseHeader.p2c > p2cLimit)
        throw new errors/* JWEInvalid */.aA('JOSE Header "p2c" (PBES2 Count) out is of acceptable bounds');
      if (typeof joseHeader.p2s != "string")
        throw new errors/* JWEInvalid */.aA('JOSE Header "p2s" (PBES2 Salt) missing or invalid');
      const p2s = (0,validate/* decodeBase64url */.h2)(joseHeader.p2s, "p2s", errors/* JWEInvalid */.aA);
      key = await deriveKey(p2s, alg, joseHeader.p2c, key);
      break;
    }
    case "AES-GCM": {
      if (typeof joseHeader.iv != "string")
        throw new errors/* JWEInvalid */.aA('JOSE Header "iv" (Initialization Vector) missing or invalid');
      if (typeof joseHeader.tag != "string")
        throw new errors/* JWEInvalid */.aA('JOSE Header "tag" (Authentication Tag) missing or invalid');
      const iv = (0,validate/* decodeBase64url */.h2)(joseHeader.iv, "iv", errors/* JWEInvalid */.aA), tag = (0,validate/* decodeBase64url */.h2)(joseHeader.tag, "tag", errors/* JWEInvalid */.aA);
      if (iv.byteLength !== 12)
        throw new errors/* JWEInvalid */.aA("Invalid Initialization Vector length");
      if (tag.byteLength !== 16)
        throw new errors/* JWEInvalid */.aA("Invalid Authentication Tag length");
      return decrypt(jweEncryption(alg.slice(0, -2)), key, encryptedKey, iv, tag, new Uint8Array());
    }
  }
  return aeskwUnwrap(alg.slice(-6), key, encryptedKey);
}
async function encryptKeyManagement(entry, enc, inputKey, joseHeader, providedCek, providedParameters = {}) {
  const { alg, mode } = entry, transport = isJWECEKTransport(entry);
  if (providedCek !== void 0 && !transport)
    throw new TypeError(`setContentEncryptionKey cannot be called with JWE "alg" (Algorithm) Header ${alg}`);
  let key = await (0,lib_key/* prepareKey */.dT)(mode === "direct-encryption" ? enc : entry, inputKey, "encrypt");
  if (mode === "direct-encryption")
    return [key, void 0, void 0];
  const cek = transport ? providedCek ?? generateCek(enc) : void 0;
  cek && checkCekLength(cek, enc.cekBits);
  let encryptedKey, parameters;
  switch (entry.subtle.name) {
    case "ECDH": {
      assertEcdhKey(key);
      const { apu: providedApu, apv: providedApv } = providedParameters;
      providedApu !== void 0 && (0,validate/* assertUint8Array */.GT)(providedApu, '"apu"'), providedApv !== void 0 && (0,validate/* assertUint8Array */.GT)(providedApv, '"apv"');
      const apu = providedApu ?? partyInfo(joseHeader, "apu"), apv = providedApv ?? partyInfo(joseHeader, "apv");
      checkPartyInfo(apu, apv);
      let ephemeralPrivateKey;
      providedParameters.epk !== void 0 ? ephemeralPrivateKey = await (0,lib_key/* prepareKey */.dT)(entry, providedParameters.epk, "decrypt") : ephemeralPrivateKey = (await crypto.subtle.generateKey(key.algorithm, !0, ["deriveBits"])).privateKey;
      const subtle = crypto.subtle;
      let exportableEpk = ephemeralPrivateKey;
      if (!exportableEpk.extractable) {
        if (typeof subtle.getPublicKey != "function")
          throw new TypeError('CryptoKey for "epk" must be extractable');
        exportableEpk = await subtle.getPublicKey(ephemeralPrivateKey, []);
      }
      const { x, y, crv, kty } = await subtle.exportKey("jwk", exportableEpk), direct = mode === "direct-key-agreement", derivedKey = await ecdhesDeriveKey(key, ephemeralPrivateKey, direct ? enc.alg : alg, direct ? enc.cekBits : parseInt(alg.slice(-5, -2), 10), apu, apv), epk = { x, crv, kty };
      if (kty === "EC" && (epk.y = y), parameters = { epk }, providedApu !== void 0 && (parameters.apu = (0,base64url/* encode */.l)(providedApu)), providedApv !== void 0 && (parameters.apv = (0,base64url/* encode */.l)(providedApv)), direct)
        return [derivedKey, void 0, parameters];
      key = derivedKey;
      break;
    }
    case "RSA-OAEP": {
      (0,lib_key/* assertCryptoKey */.Tz)(key), checkRsaKey(alg, key, "encrypt"), encryptedKey = new Uint8Array(await crypto.subtle.encrypt("RSA-OAEP", key, cek));
      break;
    }
    case "PBKDF2": {
      const { p2c = 2048, p2s = crypto.getRandomValues(new Uint8Array(16)) } = providedParameters;
      key = await deriveKey(p2s, alg, p2c, key), parameters = { p2c, p2s: (0,base64url/* encode */.l)(p2s) };
      break;
    }
    case "AES-GCM": {
      const iv = providedParameters.iv === void 0 ? crypto.getRandomValues(new Uint8Array(12)) : providedParameters.iv;
      if (!(iv instanceof Uint8Array))
        throw new TypeError('"iv" must be an instance of Uint8Array');
      const wrapped = await encrypt(jweEncryption(alg.slice(0, -2)), cek, key, iv, new Uint8Array());
      encryptedKey = wrapped.ciphertext, parameters = { iv: (0,base64url/* encode */.l)(wrapped.iv), tag: (0,base64url/* encode */.l)(wrapped.tag) };
    }
  }
  if (encryptedKey ??= await aeskwWrap(alg.slice(-6), key, cek), !(encryptedKey instanceof Uint8Array) || !encryptedKey.byteLength)
    throw new TypeError("JWE key management algorithm did not produce an Encrypted Key");
  return [cek, encryptedKey, parameters];
}


;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/lib/deflate.js


function validateZip(joseHeader, protectedHeader) {
  if (joseHeader.zip !== void 0 && joseHeader.zip !== "DEF")
    throw new errors/* JOSENotSupported */.T0('Unsupported JWE "zip" (Compression Algorithm) Header Parameter value.');
  if (joseHeader.zip !== void 0 && !protectedHeader?.zip)
    throw new errors/* JWEInvalid */.aA('JWE "zip" (Compression Algorithm) Header Parameter MUST be in a protected header.');
}
function supported(name) {
  if (typeof globalThis[name] > "u")
    throw new errors/* JOSENotSupported */.T0(`JWE "zip" (Compression Algorithm) Header Parameter requires the ${name} API.`);
}
async function transform(stream, input, maxLength = 1 / 0) {
  const writer = stream.writable.getWriter();
  writer.write(input).catch(() => {
  }), writer.close().catch(() => {
  });
  const chunks = [];
  let length = 0;
  const reader = stream.readable.getReader();
  for (; ; ) {
    const { value, done } = await reader.read();
    if (done)
      break;
    if (chunks.push(value), length += value.byteLength, maxLength !== 1 / 0 && length > maxLength)
      throw await reader.cancel().catch(() => {
      }), new errors/* JWEInvalid */.aA("Decompressed plaintext exceeded the configured limit");
  }
  return (0,buffer_utils/* concat */.xW)(...chunks);
}
async function compress(input) {
  return supported("CompressionStream"), transform(new CompressionStream("deflate-raw"), input);
}
async function decompress(input, maxLength) {
  return supported("DecompressionStream"), transform(new DecompressionStream("deflate-raw"), input, maxLength);
}


;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/lib/jwe_encrypt.js









function checkDisjoint(protectedHeader, unprotectedHeader, sharedUnprotectedHeader) {
  if (!(0,validate/* isDisjoint */.fz)(protectedHeader, unprotectedHeader, sharedUnprotectedHeader))
    throw new errors/* JWEInvalid */.aA("JWE Protected, JWE Shared Unprotected and JWE Per-Recipient Header Parameter names must be disjoint");
}
function checkEncryptHeaders(input, options, sharedHeadersNormalized = !1) {
  if (!input[1] && !input[2] && !input[3])
    throw new errors/* JWEInvalid */.aA("either setProtectedHeader, setUnprotectedHeader, or sharedUnprotectedHeader must be called before #encrypt()");
  options !== void 0 && (input[8] = options?.crit);
  let [, protectedHeader, unprotectedHeader, sharedUnprotectedHeader, aad, cek, iv, keyManagementParameters, crit] = input;
  if (aad !== void 0 && (0,validate/* assertUint8Array */.GT)(aad, "JWE Additional Authenticated Data"), cek !== void 0 && (0,validate/* assertUint8Array */.GT)(cek, "JWE Content Encryption Key"), iv !== void 0 && (0,validate/* assertUint8Array */.GT)(iv, "JWE Initialization Vector"), !sharedHeadersNormalized && protectedHeader !== void 0 && (protectedHeader = (0,validate/* serializeJoseHeader */.ji)(errors/* JWEInvalid */.aA, protectedHeader)[0], input[1] = protectedHeader), unprotectedHeader !== void 0 && (unprotectedHeader = (0,validate/* serializeJoseHeader */.ji)(errors/* JWEInvalid */.aA, unprotectedHeader)[0], input[2] = unprotectedHeader), !sharedHeadersNormalized && sharedUnprotectedHeader !== void 0 && (sharedUnprotectedHeader = (0,validate/* serializeJoseHeader */.ji)(errors/* JWEInvalid */.aA, sharedUnprotectedHeader)[0], input[3] = sharedUnprotectedHeader), keyManagementParameters !== void 0 && !(0,validate/* isObject */.Gv)(keyManagementParameters))
    throw new TypeError("JWE Key Management Parameters must be an object");
  checkDisjoint(protectedHeader, unprotectedHeader, sharedUnprotectedHeader);
  const joseHeader = {
    ...protectedHeader,
    ...unprotectedHeader,
    ...sharedUnprotectedHeader
  };
  (0,validate/* validateCritDuplicates */.BU)(errors/* JWEInvalid */.aA, protectedHeader), (0,validate/* validateCrit */.nI)(errors/* JWEInvalid */.aA, validate/* JWE_RECOGNIZED */.CT, crit, protectedHeader, joseHeader), validateZip(joseHeader, protectedHeader);
  const { alg, enc } = joseHeader;
  if (typeof alg != "string" || !alg)
    throw new errors/* JWEInvalid */.aA('JWE "alg" (Algorithm) Header Parameter missing or invalid');
  const algEntry = JWE[alg];
  if (algEntry?.mode === "integrated-encryption") {
    if (enc !== void 0)
      throw new errors/* JWEInvalid */.aA('JWE "enc" (Encryption Algorithm) Header Parameter must not be present for integrated encryption');
    if (cek !== void 0)
      throw new TypeError(`setContentEncryptionKey cannot be called with JWE "alg" (Algorithm) Header ${alg}`);
    if (iv !== void 0)
      throw new TypeError(`setInitializationVector cannot be called with JWE "alg" (Algorithm) Header ${alg}`);
    return [joseHeader, void 0, algEntry];
  }
  if (typeof enc != "string" || !enc)
    throw new errors/* JWEInvalid */.aA('JWE "enc" (Encryption Algorithm) Header Parameter missing or invalid');
  return [joseHeader, jweEncryption(enc), algEntry];
}
async function encryptJWE(input, checked, key) {
  const [joseHeader, encEntry, selected] = checked, [inputPlaintext, inputProtectedHeader, inputUnprotectedHeader, sharedUnprotectedHeader, aad, providedCek, inputIv, keyManagementParameters, , unprotectedParameters] = input;
  let protectedHeader = inputProtectedHeader, unprotectedHeader = inputUnprotectedHeader;
  const algEntry = selected ?? jweAlgorithm(joseHeader.alg);
  let encryptedKey, parameters, cek;
  algEntry.mode === "integrated-encryption" ? cek = await (0,lib_key/* prepareKey */.dT)(algEntry, key, "encrypt") : [cek, encryptedKey, parameters] = await encryptKeyManagement(algEntry, encEntry, key, joseHeader, providedCek, keyManagementParameters), parameters && (unprotectedParameters ? unprotectedHeader = unprotectedHeader ? { ...unprotectedHeader, ...parameters } : parameters : protectedHeader = protectedHeader ? { ...protectedHeader, ...parameters } : parameters, checkDisjoint(protectedHeader, unprotectedHeader, sharedUnprotectedHeader));
  const encodedProtectedHeader = protectedHeader ? (0,base64url/* encode */.l)(JSON.stringify(protectedHeader)) : "", encodedAad = aad?.byteLength ? (0,base64url/* encode */.l)(aad) : void 0, additionalAuthenticatedData = (0,buffer_utils/* encode */.lF)(encodedAad ? `${encodedProtectedHeader}.${encodedAad}` : encodedProtectedHeader);
  let plaintext = inputPlaintext;
  joseHeader.zip === "DEF" && (plaintext = await compress(plaintext).catch((cause) => {
    throw new errors/* JWEInvalid */.aA("Failed to compress plaintext", { cause });
  }));
  let ciphertext, tag, iv;
  algEntry.mode === "integrated-encryption" ? [encryptedKey, ciphertext] = await algEntry.encrypt(cek, plaintext, additionalAuthenticatedData, protectedHeader, joseHeader, keyManagementParameters) : { ciphertext, tag, iv } = await encrypt(encEntry, plaintext, cek, inputIv, additionalAuthenticatedData);
  const jwe = {
    ciphertext: (0,base64url/* encode */.l)(ciphertext)
  };
  return iv && (jwe.iv = (0,base64url/* encode */.l)(iv)), tag && (jwe.tag = (0,base64url/* encode */.l)(tag)), encryptedKey?.byteLength && (jwe.encrypted_key = (0,base64url/* encode */.l)(encryptedKey)), encodedAad && (jwe.aad = encodedAad), protectedHeader && (jwe.protected = encodedProtectedHeader), sharedUnprotectedHeader && (jwe.unprotected = sharedUnprotectedHeader), unprotectedHeader && (jwe.header = unprotectedHeader), jwe;
}
async function createJWE(input, key, options) {
  return encryptJWE(input, checkEncryptHeaders(input, options), key);
}
function compactJWE(jwe) {
  return [jwe.protected, jwe.encrypted_key, jwe.iv, jwe.ciphertext, jwe.tag].join(".");
}


;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/jwe/compact/encrypt.js


class CompactEncrypt {
  #input;
  constructor(plaintext) {
    (0,validate/* assertUint8Array */.GT)(plaintext, "plaintext"), this.#input = [plaintext];
  }
  setContentEncryptionKey(cek) {
    return (0,validate/* assertNotSet */.ac)(this.#input[5], "setContentEncryptionKey"), this.#input[5] = cek, this;
  }
  setInitializationVector(iv) {
    return (0,validate/* assertNotSet */.ac)(this.#input[6], "setInitializationVector"), this.#input[6] = iv, this;
  }
  setProtectedHeader(protectedHeader) {
    return (0,validate/* assertNotSet */.ac)(this.#input[1], "setProtectedHeader"), this.#input[1] = protectedHeader, this;
  }
  setKeyManagementParameters(parameters) {
    return (0,validate/* assertNotSet */.ac)(this.#input[7], "setKeyManagementParameters"), this.#input[7] = parameters, this;
  }
  async encrypt(key, options) {
    return compactJWE(await createJWE([...this.#input], key, options));
  }
}


;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/lib/jwe_decrypt.js








function snapshotSharedJWE(jwe) {
  const { aad, ciphertext, iv, protected: encodedProtected, tag, unprotected } = jwe;
  if (iv !== void 0 && (typeof iv != "string" || !iv))
    throw new JWEInvalid("JWE Initialization Vector incorrect type");
  if (typeof ciphertext != "string")
    throw new JWEInvalid("JWE Ciphertext missing or incorrect type");
  if (tag !== void 0 && (typeof tag != "string" || !tag))
    throw new JWEInvalid("JWE Authentication Tag incorrect type");
  if (encodedProtected !== void 0 && typeof encodedProtected != "string")
    throw new JWEInvalid("JWE Protected Header incorrect type");
  if (aad !== void 0 && (typeof aad != "string" || !aad))
    throw new JWEInvalid("JWE AAD incorrect type");
  if (unprotected !== void 0 && !isObject(unprotected))
    throw new JWEInvalid("JWE Shared Unprotected Header incorrect type");
  return {
    aad,
    ciphertext,
    iv,
    protected: encodedProtected,
    tag,
    unprotected: unprotected === void 0 ? void 0 : { ...unprotected }
  };
}
function snapshotRecipientJWE(recipient) {
  let header, headerAlg;
  try {
    const { header: inputHeader } = recipient;
    if (isObject(inputHeader)) {
      headerAlg = inputHeader.alg;
      const parameters = Object.keys(inputHeader);
      parameters.includes("alg") || (headerAlg = void 0), header = Object.fromEntries(parameters.map((parameter) => [
        parameter,
        parameter === "alg" ? headerAlg : inputHeader[parameter]
      ]));
    } else
      header = inputHeader;
    const { encrypted_key: encryptedKey } = recipient;
    return [{ encrypted_key: encryptedKey, header }, headerAlg];
  } catch (error) {
    return [void 0, headerAlg, error];
  }
}
function checkRecipient(jwe) {
  const { encrypted_key: encryptedKey, header } = jwe;
  if (encryptedKey !== void 0 && typeof encryptedKey != "string")
    throw new JWEInvalid("JWE Encrypted Key incorrect type");
  if (header !== void 0 && !isObject(header))
    throw new JWEInvalid("JWE Per-Recipient Unprotected Header incorrect type");
  if (jwe.protected === void 0 && header === void 0 && jwe.unprotected === void 0)
    throw new JWEInvalid("JOSE Header missing");
}
function shareJWE(jwe) {
  const { protected: encodedProtected, ciphertext, iv, tag, aad } = jwe;
  let protectedHeader;
  return encodedProtected !== void 0 && (protectedHeader = (0,validate/* parseJoseHeader */.OX)(encodedProtected, errors/* JWEInvalid */.aA, "JWE Protected Header is invalid")), [
    protectedHeader,
    (0,validate/* decodeBase64url */.h2)(ciphertext, "ciphertext", errors/* JWEInvalid */.aA),
    iv !== void 0 ? (0,validate/* decodeBase64url */.h2)(iv, "iv", errors/* JWEInvalid */.aA) : void 0,
    tag !== void 0 ? (0,validate/* decodeBase64url */.h2)(tag, "tag", errors/* JWEInvalid */.aA) : void 0,
    (0,validate/* encodeAsciiMember */.MV)((encodedProtected ?? "") + (aad !== void 0 ? `.${aad}` : ""), "aad", errors/* JWEInvalid */.aA)
  ];
}
function prepareDecrypt(options) {
  const keyManagementAlgorithms = options && (0,validate/* validateAlgorithms */.Fw)("keyManagementAlgorithms", options.keyManagementAlgorithms), contentEncryptionAlgorithms = options && (0,validate/* validateAlgorithms */.Fw)("contentEncryptionAlgorithms", options.contentEncryptionAlgorithms), { crit, maxPBES2Count, maxDecompressedLength } = options ?? {};
  validateMaxPBES2Count(maxPBES2Count);
  const decompressionLimit = maxDecompressedLength ?? 25e4;
  if (decompressionLimit !== 0 && decompressionLimit !== 1 / 0 && (!Number.isSafeInteger(decompressionLimit) || decompressionLimit < 1))
    throw new TypeError("maxDecompressedLength must be 0, a positive safe integer, or Infinity");
  return [
    keyManagementAlgorithms,
    contentEncryptionAlgorithms,
    crit,
    maxPBES2Count,
    maxDecompressedLength
  ];
}
async function decryptJWE(jwe, shared, key, token = shareJWE(jwe)) {
  const [protectedHeader, ciphertext, iv, tag, additionalAuthenticatedData] = token, { header, unprotected, aad } = jwe;
  let joseHeader;
  if (header !== void 0 || unprotected !== void 0) {
    if (!(0,validate/* isDisjoint */.fz)(protectedHeader, header, unprotected))
      throw new errors/* JWEInvalid */.aA("JWE Protected, JWE Unprotected Header, and JWE Per-Recipient Unprotected Header Parameter names must be disjoint");
    joseHeader = { ...protectedHeader, ...header, ...unprotected };
  } else
    joseHeader = protectedHeader ?? {};
  const [keyManagementAlgorithms, contentEncryptionAlgorithms, crit, maxPBES2Count, maxDecompressedLength] = shared, { encrypted_key: encodedKey } = jwe;
  (0,validate/* validateCrit */.nI)(errors/* JWEInvalid */.aA, validate/* JWE_RECOGNIZED */.CT, crit, protectedHeader, joseHeader), validateZip(joseHeader, protectedHeader);
  const { alg, enc } = joseHeader;
  if (typeof alg != "string" || !alg)
    throw new errors/* JWEInvalid */.aA("missing JWE Algorithm (alg) in JWE Header");
  const selected = JWE[alg];
  if (encodedKey === "" && (!selected || !isJWECEKTransport(selected)))
    throw new errors/* JWEInvalid */.aA("JWE Encrypted Key incorrect type");
  const integrated = selected?.mode === "integrated-encryption";
  if (!integrated && (typeof enc != "string" || !enc))
    throw new errors/* JWEInvalid */.aA("missing JWE Encryption Algorithm (enc) in JWE Header");
  if (keyManagementAlgorithms && !keyManagementAlgorithms.has(alg) || !keyManagementAlgorithms && alg.startsWith("PBES2"))
    throw new errors/* JOSEAlgNotAllowed */.Rb('"alg" (Algorithm) Header Parameter value not allowed');
  let encEntry;
  if (integrated) {
    if (enc !== void 0)
      throw new errors/* JWEInvalid */.aA('JWE "enc" (Encryption Algorithm) Header Parameter must not be present for integrated encryption');
    if (iv?.byteLength)
      throw new errors/* JWEInvalid */.aA("JWE Initialization Vector must be empty for integrated encryption");
    if (tag?.byteLength)
      throw new errors/* JWEInvalid */.aA("JWE Authentication Tag must be empty for integrated encryption");
  } else {
    if (contentEncryptionAlgorithms && !contentEncryptionAlgorithms.has(enc))
      throw new errors/* JOSEAlgNotAllowed */.Rb('"enc" (Encryption Algorithm) Header Parameter value not allowed');
    encEntry = jweEncryption(enc);
  }
  let encryptedKey;
  if (encodedKey !== void 0)
    try {
      encryptedKey = (0,validate/* decodeBase64url */.h2)(encodedKey, "encrypted_key", errors/* JWEInvalid */.aA);
    } catch (error) {
      if (!selected || !isJWECEKTransport(selected))
        throw error;
      encryptedKey = new Uint8Array();
    }
  let resolvedKey = !1;
  typeof key == "function" && (key = await key(protectedHeader, jwe), resolvedKey = !0);
  const algEntry = selected ?? jweAlgorithm(alg);
  isJWECEKTransport(algEntry) && encryptedKey === void 0 && (encryptedKey = new Uint8Array());
  const k = await (0,lib_key/* prepareKey */.dT)(algEntry.mode === "direct-encryption" ? encEntry : algEntry, key, "decrypt");
  let plaintext;
  if (algEntry.mode === "integrated-encryption")
    plaintext = await algEntry.decrypt(k, encryptedKey, ciphertext, additionalAuthenticatedData, protectedHeader, joseHeader);
  else {
    const encryption = encEntry;
    let cek;
    try {
      cek = await decryptKeyManagement(algEntry, encryption, k, encryptedKey, joseHeader, maxPBES2Count), isJWECEKTransport(algEntry) && cek instanceof Uint8Array && cek.byteLength << 3 !== encryption.cekBits && (cek = generateCek(encryption));
    } catch (err) {
      if (err instanceof TypeError || err instanceof errors/* JWEInvalid */.aA || err instanceof errors/* JOSENotSupported */.T0)
        throw err;
      cek = generateCek(encryption);
    }
    plaintext = await decrypt(encryption, cek, ciphertext, iv, tag, additionalAuthenticatedData);
  }
  if (joseHeader.zip === "DEF") {
    const decompressionLimit = maxDecompressedLength ?? 25e4;
    if (decompressionLimit === 0)
      throw new errors/* JOSENotSupported */.T0('JWE "zip" (Compression Algorithm) Header Parameter is not supported.');
    plaintext = await decompress(plaintext, decompressionLimit).catch((cause) => {
      throw cause instanceof errors/* JWEInvalid */.aA ? cause : new errors/* JWEInvalid */.aA("Failed to decompress plaintext", { cause });
    });
  }
  return {
    plaintext,
    ...protectedHeader && { protectedHeader },
    ...aad !== void 0 && {
      additionalAuthenticatedData: (0,validate/* decodeBase64url */.h2)(aad, "aad", errors/* JWEInvalid */.aA)
    },
    ...unprotected && { sharedUnprotectedHeader: unprotected },
    ...header && { unprotectedHeader: header },
    ...resolvedKey && { key: k }
  };
}
async function decryptCompact(jwe, shared, key) {
  if (jwe instanceof Uint8Array && (jwe = buffer_utils/* decoder */.D0.decode(jwe)), typeof jwe != "string")
    throw new errors/* JWEInvalid */.aA("Compact JWE must be a string or Uint8Array");
  const { 0: protectedHeader, 1: encryptedKey, 2: iv, 3: ciphertext, 4: tag, length } = jwe.split(".");
  if (length !== 5)
    throw new errors/* JWEInvalid */.aA("Invalid Compact JWE");
  return decryptJWE({
    ciphertext,
    iv: iv || void 0,
    protected: protectedHeader,
    tag: tag || void 0,
    encrypted_key: encryptedKey || void 0
  }, shared, key);
}


;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/jwe/compact/decrypt.js

async function compactDecrypt(jwe, key, options) {
  return decryptCompact(jwe, prepareDecrypt(options), key);
}


// EXTERNAL MODULE: ./src/ledger/types.ts
var types = __nccwpck_require__(4436);
;// CONCATENATED MODULE: ./src/ledger/crypto.ts
/**
 * Token encryption for ledger records: JWE compact, `dir` + `A256GCM`, under a key derived
 * from the channel secret. Whoever can read a token from the ledger could revoke it anyway
 * (revoking needs the channel secret), and nobody else can.
 */



/** Fixed project salt: HKDF's salt need not be secret, only constant. */
const SALT = 'line-channel-access-token-action/ledger/salt/v1';
/** Domain separation: this key is for ledger records of one channel and nothing else. */
const INFO_PREFIX = 'line-channel-access-token-action/ledger/v1';
/** Header parameter naming the record format, so a JWE from elsewhere is never taken for ours. */
const FORMAT = 'line-token-ledger/v1';
/** HKDF-SHA256(ikm = channel secret, fixed salt, info = prefix + channel ID) → 32 bytes. */
function deriveLedgerKey(channelSecret, channelId) {
    if (!channelSecret)
        throw new types/* LedgerError */.o('the ledger needs the channel secret to encrypt and decrypt tokens: set `channel-secret`');
    return new Uint8Array((0,external_node_crypto_.hkdfSync)('sha256', channelSecret, SALT, `${INFO_PREFIX}\0channel:${channelId}`, 32));
}
/**
 * Encrypt a token. The channel and key ID go into the protected header, which AES-GCM
 * authenticates, so a record copied to another key ID or channel fails to open.
 */
async function encryptToken(token, channelSecret, channelId, keyId) {
    const key = deriveLedgerKey(channelSecret, channelId);
    return new CompactEncrypt(new TextEncoder().encode(token))
        .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', fmt: FORMAT, channelId, keyId })
        .encrypt(key);
}
/** Decrypt a token; any failure is a LedgerError that says what to do and never shows data. */
async function decryptToken(jwe, channelSecret, binding) {
    const key = deriveLedgerKey(channelSecret, binding.channelId);
    let result;
    try {
        result = await compactDecrypt(jwe, key, { keyManagementAlgorithms: ['dir'], contentEncryptionAlgorithms: ['A256GCM'] });
    }
    catch (error) {
        if (error instanceof errors/* JWEDecryptionFailed */.xO)
            throw wrongSecretError(binding);
        throw new types/* LedgerError */.o(`the ledger record for key ID ${binding.keyId} (${binding.where}) is corrupt: its token is not a valid encrypted value. ` +
            `Remove the record${expiryNote(binding)}.`);
    }
    const header = result.protectedHeader;
    if (header.fmt !== FORMAT || header.channelId !== binding.channelId || header.keyId !== binding.keyId) {
        throw new types/* LedgerError */.o(`the ledger record for key ID ${binding.keyId} (${binding.where}) holds a token that was recorded for another channel or key ID: ` +
            `the record was copied or altered. Remove it${expiryNote(binding)}.`);
    }
    return new TextDecoder('utf-8', { fatal: false }).decode(result.plaintext);
}
function wrongSecretError(binding) {
    return new types/* LedgerError */.o(`the ledger record for key ID ${binding.keyId} could not be decrypted with this channel secret: ` +
        `was the channel secret changed (reissued)? Records made with the old secret cannot be read; remove them ` +
        `(this one is ${binding.where}) and revoke those tokens another way, or let them expire${expiryNote(binding)}. ` +
        `If the secret did not change, the record was altered.`);
}
function expiryNote(binding) {
    return binding.expiresAt ? ` (the token expires at ${binding.expiresAt})` : '';
}

;// CONCATENATED MODULE: ./src/ledger/record.ts
/**
 * The stored record (`<channel-id>/<key-id>.json`): metadata in clear for audits, the token
 * as JWE. Both backends read and write exactly this, so they stay interchangeable.
 */


const RECORD_VERSION = 1;
/**
 * IDs become path segments (a file name, a repository path), so only a conservative
 * alphabet is allowed: no separators, no `..`, no control characters, no leading dot
 * (dot files are how the file backend names its temp files).
 */
const SAFE_SEGMENT = /^[A-Za-z0-9_~-][A-Za-z0-9_.~-]{0,199}$/;
function assertSafeId(what, value) {
    if (typeof value !== 'string' || !SAFE_SEGMENT.test(value)) {
        throw new types/* LedgerError */.o(`the ${what} ${describeValue(value)} cannot name a ledger record: use only letters, digits, "-", "_", "~" and "." ` +
            `(not first), at most 200 characters`);
    }
}
/** Show a rejected ID safely: bounded, control characters escaped by JSON. */
function describeValue(value) {
    if (typeof value !== 'string')
        return `(${typeof value})`;
    const shown = value.length > 60 ? `${value.slice(0, 60)}…` : value;
    return JSON.stringify(shown);
}
/** The record's path relative to the ledger root. */
function recordPath(channelId, keyId) {
    return `${channelId}/${keyId}.json`;
}
/** The key ID a record file name stands for, or undefined for anything that is not a record. */
function keyIdOfFileName(name) {
    if (!name.endsWith('.json'))
        return undefined;
    const keyId = name.slice(0, -'.json'.length);
    return SAFE_SEGMENT.test(keyId) ? keyId : undefined;
}
/** Check an entry before anything touches the store. */
function validateEntry(entry) {
    assertSafeId('channel ID', entry.channelId);
    assertSafeId('key ID', entry.keyId);
    if (typeof entry.accessToken !== 'string' || entry.accessToken === '') {
        throw new types/* LedgerError */.o(`the token for key ID ${entry.keyId} is empty: nothing to record`);
    }
    for (const field of ['issuedAt', 'expiresAt']) {
        if (!isIsoTime(entry[field])) {
            throw new types/* LedgerError */.o(`the ledger entry for key ID ${entry.keyId} has an invalid ${field}: expected an ISO 8601 time`);
        }
    }
}
/** Serialize an entry with its token encrypted; pretty JSON so a human can audit the store. */
async function sealEntry(entry, channelSecret) {
    validateEntry(entry);
    const record = {
        version: RECORD_VERSION,
        channelId: entry.channelId,
        keyId: entry.keyId,
        issuedAt: entry.issuedAt,
        expiresAt: entry.expiresAt,
        ...(entry.run ? { run: cleanRun(entry.run) } : {}),
        token: await encryptToken(entry.accessToken, channelSecret, entry.channelId, entry.keyId)
    };
    return `${JSON.stringify(record, null, 2)}\n`;
}
/** Parse, validate and decrypt a stored record. Any defect → LedgerError naming the file. */
async function openRecord(text, options) {
    const record = parseRecord(text, options);
    const accessToken = await decryptToken(record.token, options.channelSecret, {
        channelId: record.channelId,
        keyId: record.keyId,
        where: options.where,
        expiresAt: record.expiresAt
    });
    return {
        channelId: record.channelId,
        keyId: record.keyId,
        accessToken,
        issuedAt: record.issuedAt,
        expiresAt: record.expiresAt,
        ...(record.run ? { run: record.run } : {})
    };
}
function parseRecord(text, options) {
    const bad = (why) => new types/* LedgerError */.o(`the ledger record ${options.where} is not a valid record (${why}): remove or repair it`);
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        throw bad('not JSON');
    }
    if (!record_isObject(value))
        throw bad('not a JSON object');
    if (value.version !== RECORD_VERSION)
        throw bad(`unsupported version ${JSON.stringify(value.version) ?? 'missing'}`);
    for (const field of ['channelId', 'keyId', 'issuedAt', 'expiresAt', 'token']) {
        if (typeof value[field] !== 'string' || value[field] === '')
            throw bad(`"${field}" is missing or not a string`);
    }
    if (value.channelId !== options.channelId || value.keyId !== options.keyId) {
        throw bad('its channel ID or key ID does not match its path');
    }
    if (!isIsoTime(value.issuedAt) || !isIsoTime(value.expiresAt))
        throw bad('"issuedAt" or "expiresAt" is not an ISO 8601 time');
    if (value.run !== undefined && !isRun(value.run))
        throw bad('"run" is not an object of strings');
    return value;
}
const RUN_FIELDS = ['repository', 'workflow', 'job', 'runId', 'runAttempt', 'url'];
function cleanRun(run) {
    const out = {};
    for (const field of RUN_FIELDS) {
        if (typeof run[field] === 'string')
            out[field] = run[field];
    }
    return out;
}
function isRun(value) {
    return record_isObject(value) && Object.values(value).every((v) => typeof v === 'string');
}
function record_isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isIsoTime(value) {
    return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));
}


/***/ }),

/***/ 4436:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* reexport safe */ _errors_js__WEBPACK_IMPORTED_MODULE_0__.oy)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
// CONTRACT — the ledger's public shape. Implemented by the ledger helper.



/***/ }),

/***/ 6999:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ silentLogger)
/* harmony export */ });
const silentLogger = { debug() { }, info() { }, warning() { } };


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 9783:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ getProxyUrl)
/* harmony export */ });
/* unused harmony export checkBypass */
function getProxyUrl(reqUrl) {
    const usingSsl = reqUrl.protocol === 'https:';
    if (checkBypass(reqUrl)) {
        return undefined;
    }
    const proxyVar = (() => {
        if (usingSsl) {
            return process.env['https_proxy'] || process.env['HTTPS_PROXY'];
        }
        else {
            return process.env['http_proxy'] || process.env['HTTP_PROXY'];
        }
    })();
    if (proxyVar) {
        try {
            return new DecodedURL(proxyVar);
        }
        catch (_a) {
            if (!proxyVar.startsWith('http://') && !proxyVar.startsWith('https://'))
                return new DecodedURL(`http://${proxyVar}`);
        }
    }
    else {
        return undefined;
    }
}
function checkBypass(reqUrl) {
    if (!reqUrl.hostname) {
        return false;
    }
    const reqHost = reqUrl.hostname;
    if (isLoopbackAddress(reqHost)) {
        return true;
    }
    const noProxy = process.env['no_proxy'] || process.env['NO_PROXY'] || '';
    if (!noProxy) {
        return false;
    }
    // Determine the request port
    let reqPort;
    if (reqUrl.port) {
        reqPort = Number(reqUrl.port);
    }
    else if (reqUrl.protocol === 'http:') {
        reqPort = 80;
    }
    else if (reqUrl.protocol === 'https:') {
        reqPort = 443;
    }
    // Format the request hostname and hostname with port
    const upperReqHosts = [reqUrl.hostname.toUpperCase()];
    if (typeof reqPort === 'number') {
        upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
    }
    // Compare request host against noproxy
    for (const upperNoProxyItem of noProxy
        .split(',')
        .map(x => x.trim().toUpperCase())
        .filter(x => x)) {
        if (upperNoProxyItem === '*' ||
            upperReqHosts.some(x => x === upperNoProxyItem ||
                x.endsWith(`.${upperNoProxyItem}`) ||
                (upperNoProxyItem.startsWith('.') &&
                    x.endsWith(`${upperNoProxyItem}`)))) {
            return true;
        }
    }
    return false;
}
function isLoopbackAddress(host) {
    const hostLower = host.toLowerCase();
    return (hostLower === 'localhost' ||
        hostLower.startsWith('127.') ||
        hostLower.startsWith('[::1]') ||
        hostLower.startsWith('[0:0:0:0:0:0:0:1]'));
}
class DecodedURL extends URL {
    constructor(url, base) {
        super(url, base);
        this._decodedUsername = decodeURIComponent(super.username);
        this._decodedPassword = decodeURIComponent(super.password);
    }
    get username() {
        return this._decodedUsername;
    }
    get password() {
        return this._decodedPassword;
    }
}
//# sourceMappingURL=proxy.js.map

/***/ }),

/***/ 7410:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   D0: () => (/* binding */ decoder),
/* harmony export */   Rd: () => (/* binding */ encoder),
/* harmony export */   VS: () => (/* binding */ uint32be),
/* harmony export */   WG: () => (/* binding */ encodeBase64),
/* harmony export */   br: () => (/* binding */ digest),
/* harmony export */   lF: () => (/* binding */ encode),
/* harmony export */   mx: () => (/* binding */ uint64be),
/* harmony export */   u8: () => (/* binding */ strictDecoder),
/* harmony export */   xW: () => (/* binding */ concat),
/* harmony export */   y4: () => (/* binding */ decodeBase64)
/* harmony export */ });
const encoder = new TextEncoder(), decoder = new TextDecoder(), strictDecoder = new TextDecoder("utf-8", { fatal: !0 }), UINT32_RANGE = 2 ** 32;
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
    return encoder.encode(string);
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
function encodeBase64(input, url = !1) {
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



/***/ }),

/***/ 7859:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   GK: () => (/* binding */ rawKey),
/* harmony export */   GZ: () => (/* binding */ checkUsage),
/* harmony export */   Ni: () => (/* binding */ checkCryptoKey),
/* harmony export */   R7: () => (/* binding */ isCryptoKey),
/* harmony export */   Tz: () => (/* binding */ assertCryptoKey),
/* harmony export */   XP: () => (/* binding */ invalidKeyInput),
/* harmony export */   dT: () => (/* binding */ prepareKey),
/* harmony export */   or: () => (/* binding */ checkModulusLength),
/* harmony export */   xY: () => (/* binding */ jwkToKey)
/* harmony export */ });
/* unused harmony exports isKeyLike, isKeyObject, normalizeJwk, snapshotJwk, validateExtractableOption */
/* harmony import */ var _validate_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7784);
/* harmony import */ var _util_base64url_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1445);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(5674);



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
  if ((0,_validate_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(key)) {
    if (normalized = normalizeJwk(key), typeof normalized.kty != "string")
      throw invalidKeyType(alg, key, secret);
    if (!(secret ? normalized.kty === "oct" && typeof normalized.k == "string" : normalized.kty !== "oct" && (requiresPrivateKey ? normalized.kty === "AKP" && typeof normalized.priv == "string" || typeof normalized.d == "string" : normalized.d === void 0 && normalized.priv === void 0)))
      throw new TypeError(secret ? 'JSON Web Key for symmetric algorithms must have JWK "kty" (Key Type) equal to "oct" and the JWK "k" (Key Value) present' : `JSON Web Key for this operation must be a ${requiresPrivateKey ? "private" : "public"} JWK`);
    if (jwkMatchesOp(entry, normalized, usage), normalized.kty === "oct")
      return (0,_util_base64url_js__WEBPACK_IMPORTED_MODULE_1__/* .decode */ .D)(normalized.k);
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
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .JOSENotSupported */ .T0('Invalid or unsupported JWK "alg" (Algorithm) Parameter value');
  const algorithm = entry.resolve?.({ kty: jwk.kty, crv: jwk.crv }) ?? entry.subtle, isPrivate = !!(jwk.d || jwk.priv), keyData = { ...jwk, ext: extractable ?? jwk.ext };
  return keyData.kty !== "AKP" && delete keyData.alg, delete keyData.use, crypto.subtle.importKey("jwk", keyData, algorithm, keyData.ext ?? !isPrivate, jwk.key_ops ?? entry.usages[isPrivate ? 1 : 0]);
}
async function rawKey(key, expected, usage, extractable = !1) {
  return key instanceof Uint8Array && (key = await crypto.subtle.importKey("raw", key, expected, extractable, [usage])), checkCryptoKey(key, expected, usage), key;
}



/***/ }),

/***/ 3035:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ table)
/* harmony export */ });
function table(entries) {
  const out = { __proto__: null };
  for (const alg in entries)
    out[alg] = { ...entries[alg], alg };
  return out;
}



/***/ }),

/***/ 7784:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BU: () => (/* binding */ validateCritDuplicates),
/* harmony export */   CT: () => (/* binding */ JWE_RECOGNIZED),
/* harmony export */   Fw: () => (/* binding */ validateAlgorithms),
/* harmony export */   GT: () => (/* binding */ assertUint8Array),
/* harmony export */   Gv: () => (/* binding */ isObject),
/* harmony export */   J0: () => (/* binding */ validateB64),
/* harmony export */   MV: () => (/* binding */ encodeAsciiMember),
/* harmony export */   OX: () => (/* binding */ parseJoseHeader),
/* harmony export */   ac: () => (/* binding */ assertNotSet),
/* harmony export */   fz: () => (/* binding */ isDisjoint),
/* harmony export */   h2: () => (/* binding */ decodeBase64url),
/* harmony export */   ji: () => (/* binding */ serializeJoseHeader),
/* harmony export */   nI: () => (/* binding */ validateCrit),
/* harmony export */   qc: () => (/* binding */ JWS_RECOGNIZED)
/* harmony export */ });
/* unused harmony export isJwkSet */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(5674);
/* harmony import */ var _util_base64url_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1445);
/* harmony import */ var _buffer_utils_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7410);



function assertUint8Array(input, label) {
  if (!(input instanceof Uint8Array))
    throw new TypeError(`${label} must be an instance of Uint8Array`);
}
function isObject(input) {
  if (typeof input != "object" || input === null || Object.prototype.toString.call(input) !== "[object Object]")
    return !1;
  const prototype = Object.getPrototypeOf(input);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}
function isJwkSet(input) {
  return isObject(input) && Array.isArray(input.keys) && Array.from(input.keys).every(isObject);
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
    return (0,_util_base64url_js__WEBPACK_IMPORTED_MODULE_0__/* .decode */ .D)(value);
  } catch (cause) {
    throw new ErrorClass(`Failed to base64url decode the ${label}`, { cause });
  }
}
function encodeAsciiMember(value, label, ErrorClass) {
  try {
    return (0,_buffer_utils_js__WEBPACK_IMPORTED_MODULE_1__/* .encode */ .lF)(value);
  } catch (cause) {
    throw new ErrorClass(`The ${label} is not a valid base64url string`, { cause });
  }
}
function parseJoseHeader(encodedProtectedHeader, ErrorClass, message) {
  let parsed;
  try {
    parsed = JSON.parse(_buffer_utils_js__WEBPACK_IMPORTED_MODULE_1__/* .strictDecoder */ .u8.decode((0,_util_base64url_js__WEBPACK_IMPORTED_MODULE_0__/* .decode */ .D)(encodedProtectedHeader)));
  } catch (cause) {
    throw new ErrorClass(message, { cause });
  }
  if (!isObject(parsed))
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
      throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .JOSENotSupported */ .T0(`Extension Header Parameter "${parameter}" is not recognized`);
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
      throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .JWSInvalid */ .Ye('The "b64" (base64url-encode payload) Header Parameter must be a boolean');
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
  if (!isObject(parsed))
    throw new Err("JOSE Header is not a JSON object");
  return [parsed, serialized];
}



/***/ }),

/***/ 1445:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ decode),
/* harmony export */   l: () => (/* binding */ encode)
/* harmony export */ });
/* harmony import */ var _lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7410);

const invalid = "The input to be decoded is not correctly encoded.";
function decode(input) {
  try {
    return (0,_lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_0__/* .decodeBase64 */ .y4)(typeof input == "string" ? input : _lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_0__/* .decoder */ .D0.decode(input), !0);
  } catch (cause) {
    throw new TypeError(invalid, { cause });
  }
}
function encode(input) {
  return (0,_lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_0__/* .encodeBase64 */ .WG)(typeof input == "string" ? _lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_0__/* .encoder */ .Rd.encode(input) : input, !0);
}



/***/ }),

/***/ 5674:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Dp: () => (/* binding */ JWTInvalid),
/* harmony export */   Rb: () => (/* binding */ JOSEAlgNotAllowed),
/* harmony export */   T0: () => (/* binding */ JOSENotSupported),
/* harmony export */   Ye: () => (/* binding */ JWSInvalid),
/* harmony export */   aA: () => (/* binding */ JWEInvalid),
/* harmony export */   h2: () => (/* binding */ JWSSignatureVerificationFailed),
/* harmony export */   xO: () => (/* binding */ JWEDecryptionFailed)
/* harmony export */ });
/* unused harmony exports JOSEError, JWKInvalid, JWKSInvalid, JWKSMultipleMatchingKeys, JWKSNoMatchingKey, JWKSTimeout, JWTClaimValidationFailed, JWTExpired */
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
class JWEInvalid extends JOSEError {
  static code = "ERR_JWE_INVALID";
  code = "ERR_JWE_INVALID";
}
class JWSInvalid extends JOSEError {
  static code = "ERR_JWS_INVALID";
  code = "ERR_JWS_INVALID";
}
class JWTInvalid extends JOSEError {
  static code = "ERR_JWT_INVALID";
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



/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(3546);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
