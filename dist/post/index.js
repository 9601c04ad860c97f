import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 6705:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Hn: () => (/* binding */ cell),
  p3: () => (/* binding */ fromActionsCore),
  $l: () => (/* binding */ maskSecret),
  Ed: () => (/* binding */ runnerCore)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
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
function issueCommand(command, message) {
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
    setSecret: (secret) => issueCommand('add-mask', secret),
    setOutput: (name, value) => keyValue('OUTPUT', 'set-output', name, value),
    saveState: (name, value) => keyValue('STATE', 'save-state', name, value),
    setFailed(message) {
        process.exitCode = 1;
        issueCommand('error', message);
    },
    debug: (message) => issueCommand('debug', message),
    info: (message) => void process.stdout.write(message + external_node_os_namespaceObject.EOL),
    warning: (message) => issueCommand('warning', message),
    summary: {
        addRaw: (text, addEOL = false) => ({
            async write() {
                const filePath = process.env.GITHUB_STEP_SUMMARY;
                if (!filePath)
                    throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.');
                try {
                    await (0,promises_.access)(filePath, external_node_fs_namespaceObject.constants.R_OK | external_node_fs_namespaceObject.constants.W_OK);
                }
                catch {
                    throw new Error(`Unable to access summary file: '${filePath}'. Check if the file has correct read/write permissions.`);
                }
                await (0,promises_.appendFile)(filePath, text + (addEOL ? external_node_os_namespaceObject.EOL : ''), { encoding: 'utf8' });
            }
        })
    }
};
/** Masks a secret and, for multi-line values, each line: the runner masks line by line. */
function maskSecret(core, secret) {
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
function cell(value) {
    return value.replace(/[|\r\n]/g, ' ');
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

/***/ 8568:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _action_core_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6705);
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(9373);
/* harmony import */ var _post_step_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8874);



await (0,_post_step_js__WEBPACK_IMPORTED_MODULE_2__/* .runPostStep */ .Uc)({ core: (0,_action_core_js__WEBPACK_IMPORTED_MODULE_0__/* .fromActionsCore */ .p3)(_action_core_js__WEBPACK_IMPORTED_MODULE_0__/* .runnerCore */ .Ed), clock: _clock_js__WEBPACK_IMPORTED_MODULE_1__/* .systemClock */ .m, env: process.env });

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

/***/ 5260:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  TW: () => (/* binding */ decryptToken),
  rE: () => (/* binding */ encryptToken)
});

// UNUSED EXPORTS: deriveLedgerKey

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

/***/ 8874:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Uc: () => (/* binding */ runPostStep)
});

// UNUSED EXPORTS: EXPIRY_MARGIN_MS, summaryMarkdown

// EXTERNAL MODULE: ./src/action-core.ts + 2 modules
var action_core = __nccwpck_require__(6705);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
;// CONCATENATED MODULE: ./src/duration.ts
/**
 * Durations as people write them in workflow inputs (`900`, `30m`, `1h 30m`, `7d`), parsed
 * exactly (BigInt, so `1.1h` or a 40-digit number cannot be mangled by floating point).
 */

const duration_MAX_TOKEN_LIFETIME_SECONDS = (/* unused pure expression or super */ null && (30 * 24 * 60 * 60));
/** Largest unit first: the order compound durations must follow. */
const UNITS = (/* unused pure expression or super */ null && ([
    ['d', 86_400],
    ['h', 3_600],
    ['m', 60],
    ['s', 1]
]));
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
function duration_parseDuration(text, options) {
    const { input, minSeconds, maxSeconds } = options;
    const value = text.trim();
    // Typed explicitly so that TypeScript narrows after each call.
    const refuse = (problem) => {
        throw new InputError(input, `${problem}. ${acceptedDurations(minSeconds, maxSeconds)}`);
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
        const whose = maxSeconds === duration_MAX_TOKEN_LIFETIME_SECONDS ? "LINE's maximum" : 'the maximum';
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
    throw new InputError(input, 'must be "v2.1" (revocable, up to 30 days) or "stateless" (15 minutes, cannot be revoked).');
}
/** The YAML 1.2 core booleans, as `core.getBooleanInput` accepts them. */
function parseBoolean(value, input, fallback) {
    const text = value.trim();
    if (!text)
        return fallback;
    if (['true', 'True', 'TRUE'].includes(text))
        return true;
    if (['false', 'False', 'FALSE'].includes(text))
        return false;
    throw new errors/* InputError */.dz(input, 'must be true or false.');
}
function parseApiBaseUrl(value, input = 'api-base-url') {
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
function readChannelInputs(getInput) {
    const channelId = parseChannelId(getInput('channel-id'));
    const privateKey = getInput('private-key');
    if (!privateKey.trim()) {
        throw new InputError('private-key', 'is required: pass the assertion signing private key from a secret, e.g. private-key: ${{ secrets.LINE_ASSERTION_PRIVATE_KEY }}.');
    }
    return { channelId, privateKey, keyId: getInput('key-id').trim(), channelSecret: getInput('channel-secret').trim() };
}
function inputs_readActionInputs(getInput) {
    const { channelId, privateKey, keyId, channelSecret } = readChannelInputs(getInput);
    const tokenType = parseTokenType(getInput('token-type'));
    const lifetimeSeconds = tokenType === 'v2.1' ? parseLifetime(getInput('lifetime')) : 900;
    const revoke = parseBoolean(getInput('revoke'), 'revoke', true);
    const apiBaseUrl = parseApiBaseUrl(getInput('api-base-url'));
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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
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

// EXTERNAL MODULE: ./src/ledger/crypto.ts + 8 modules
var ledger_crypto = __nccwpck_require__(5260);
;// CONCATENATED MODULE: ./src/record-issued.ts
/**
 * "Nothing untracked": a v2.1 token issued with a ledger is either recorded or revoked at
 * once. Shared by the main step and the CLI's `issue`.
 */

/** Records the entry; on failure revokes the token and describes what happened (never throws). */
async function record_issued_recordOrRevoke(params) {
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
            return { error, revoked: false, revokeError: messageOf(revokeError) };
        }
    }
}

// EXTERNAL MODULE: ./src/clock.ts
var clock = __nccwpck_require__(9373);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __nccwpck_require__(7067);
;// CONCATENATED MODULE: external "node:https"
const external_node_https_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");
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
function createLineHttp(options) {
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




const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const LINE_PATHS = {
    issueV21Token: '/oauth2/v2.1/token',
    issueStatelessToken: '/oauth2/v3/token',
    listValidKeyIds: '/oauth2/v2.1/tokens/kid',
    verifyToken: '/oauth2/v2.1/verify',
    revokeToken: '/oauth2/v2.1/revoke'
};
function createLineApi(http) {
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
        listValidKeyIds: (assertion) => run(http, 'listValidKeyIds', { method: 'GET', query: { client_assertion_type: CLIENT_ASSERTION_TYPE, client_assertion: assertion } }, (body) => body.strings('kids')),
        verifyToken: (accessToken) => run(http, 'verifyToken', { method: 'GET', query: { access_token: accessToken } }, (body) => ({
            clientId: body.id('client_id'),
            expiresIn: body.seconds('expires_in'),
            scope: body.optionalString('scope')
        })),
        revokeToken: ({ channelId, channelSecret, accessToken }) => run(http, 'revokeToken', { method: 'POST', form: { client_id: channelId, client_secret: channelSecret, access_token: accessToken } }, () => undefined, { emptyBodyAllowed: true })
    };
}
function assertionForm(assertion) {
    return { grant_type: 'client_credentials', client_assertion_type: CLIENT_ASSERTION_TYPE, client_assertion: assertion };
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


// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/lib/validate.js
var validate = __nccwpck_require__(7784);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/lib/buffer_utils.js
var buffer_utils = __nccwpck_require__(7410);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/lib/key.js
var lib_key = __nccwpck_require__(7859);
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
const ASSERTION_AUDIENCE = 'https://api.line.me/';
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
        .setAudience(ASSERTION_AUDIENCE)
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
function createLineSession(options) {
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

;// CONCATENATED MODULE: ./src/main-step.ts
/**
 * The root action's main step: check every input, issue the token, hand it over masked,
 * and leave the post step what it needs to revoke it. Nothing here touches the runner
 * directly; the entry file passes `core` and the transport in.
 */









/** Names of the values saved for the post step. The token is saved only encrypted. */
const STATE = {
    tokenType: 'token-type',
    keyId: 'key-id',
    expiresAt: 'expires-at',
    sealedToken: 'sealed-token',
    ledger: 'ledger'
};
/** Resolves when the step is done; never throws (a failure is reported with setFailed). */
async function runMainStep(deps) {
    const { core } = deps;
    try {
        await issueAndHandOver(deps);
    }
    catch (error) {
        core.setFailed(failureMessage(error));
    }
}
async function issueAndHandOver(deps) {
    const { core, clock, env } = deps;
    // Mask what the user gave us before anything can print it.
    maskSecret(core, core.getInput('channel-secret').trim());
    maskSecret(core, core.getInput('private-key').trim());
    const inputs = readActionInputs((name) => core.getInput(name));
    const signingKey = loadPrivateKey(inputs.privateKey);
    for (const secret of signingKey.secrets)
        maskSecret(core, secret);
    const keyId = resolveKeyId(inputs.keyId, signingKey);
    // Opening the ledger checks its spec and token before anything is issued.
    const ledger = inputs.ledger && inputs.tokenType === 'v2.1' ? await openLedgerFor(inputs, deps) : undefined;
    if (inputs.ledger && inputs.tokenType === 'stateless')
        core.info('The ledger is not used for stateless tokens: they cannot be revoked and expire in 15 minutes.');
    const session = connectStepSession(deps, { apiBaseUrl: inputs.apiBaseUrl, channelId: inputs.channelId, keyId, privateKey: signingKey.privateKey });
    if (inputs.tokenType === 'stateless') {
        const token = await session.issueStatelessToken();
        core.setSecret(token.accessToken);
        core.saveState(STATE.tokenType, 'stateless');
        const expiresAt = new Date(clock.now() + token.expiresIn * 1000).toISOString();
        core.setOutput('token', token.accessToken);
        core.setOutput('expires-in', String(token.expiresIn));
        core.setOutput('expires-at', expiresAt);
        core.info(`Issued a stateless channel access token for channel ${inputs.channelId}, valid for ${formatDuration(token.expiresIn)} (until ${expiresAt}). It cannot be revoked.`);
        return;
    }
    const token = await session.issueV21Token(inputs.lifetimeSeconds);
    core.setSecret(token.accessToken);
    const issuedAt = new Date(clock.now());
    const expiresAt = new Date(issuedAt.getTime() + token.expiresIn * 1000).toISOString();
    // Save state before anything else can fail, so the post step can always find the token.
    core.saveState(STATE.tokenType, 'v2.1');
    core.saveState(STATE.keyId, token.keyId);
    core.saveState(STATE.expiresAt, expiresAt);
    if (inputs.channelSecret) {
        const sealed = await encryptToken(token.accessToken, inputs.channelSecret, inputs.channelId, token.keyId);
        core.saveState(STATE.sealedToken, sealed);
    }
    if (ledger) {
        const entry = { channelId: inputs.channelId, keyId: token.keyId, accessToken: token.accessToken, issuedAt: issuedAt.toISOString(), expiresAt, run: issuingRunFromEnv(env) };
        const failure = await recordOrRevoke({ ledger, session, channelSecret: inputs.channelSecret, entry });
        if (failure) {
            if (failure.revoked) {
                core.saveState(STATE.sealedToken, '');
                core.warning(`Could not record key ID ${token.keyId} in the ledger, so the token was revoked at once and the step fails.`);
            }
            else {
                core.warning(`Could not record key ID ${token.keyId} in the ledger, and revoking it failed too (${failure.revokeError}); the post step will try again.`);
            }
            throw failure.error;
        }
        core.saveState(STATE.ledger, 'recorded');
        core.info(`Recorded key ID ${token.keyId} in the ledger (${ledger.description}).`);
    }
    core.setOutput('token', token.accessToken);
    core.setOutput('key-id', token.keyId);
    core.setOutput('expires-in', String(token.expiresIn));
    core.setOutput('expires-at', expiresAt);
    const after = inputs.revoke ? 'It will be revoked when the job ends.' : 'It will NOT be revoked when the job ends (revoke: false).';
    core.info(`Issued a v2.1 channel access token for channel ${inputs.channelId} (key ID ${token.keyId}), valid for ${formatDuration(token.expiresIn)} (until ${expiresAt}). ${after}`);
}
async function openLedgerFor(inputs, deps) {
    const open = deps.openLedger ?? (await __nccwpck_require__.e(/* import() */ 207).then(__nccwpck_require__.bind(__nccwpck_require__, 9207))).openLedger;
    return open(inputs.ledger, {
        channelSecret: inputs.channelSecret,
        githubToken: inputs.githubToken,
        currentRepository: deps.env.GITHUB_REPOSITORY,
        githubApiUrl: deps.env.GITHUB_API_URL,
        logger: deps.core
    });
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


const MAX_ACTIVE_V21_TOKENS = 30;
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

;// CONCATENATED MODULE: ./src/post-step.ts
/**
 * The root action's post step: revoke the v2.1 token main issued, and prove it by the key ID
 * leaving LINE's list. It never fails the job: a problem is a warning carrying LINE's status,
 * text and request ID, and the job summary says what happened (never the token).
 */








/** A token this close to expiry is left to expire rather than revoked. */
const EXPIRY_MARGIN_MS = 30_000;
async function runPostStep(deps) {
    const { core } = deps;
    let result;
    try {
        result = await revokeIssuedToken(deps);
    }
    catch (error) {
        result = { outcome: 'failed', detail: (0,errors/* messageOf */.bD)(error), ...stateFields(core) };
    }
    if (result.outcome === 'failed')
        core.warning(`The token was not revoked: ${result.detail}`);
    else
        core.info(result.detail);
    try {
        await core.writeSummary(summaryMarkdown(result));
    }
    catch (error) {
        core.warning(`Could not write the job summary: ${(0,errors/* messageOf */.bD)(error)}`);
    }
    return result;
}
function stateFields(core) {
    return {
        tokenType: core.getState(STATE.tokenType) || undefined,
        keyId: core.getState(STATE.keyId) || undefined,
        expiresAt: core.getState(STATE.expiresAt) || undefined
    };
}
async function revokeIssuedToken(deps) {
    const { core, clock } = deps;
    const fields = stateFields(core);
    const skip = (detail) => ({ outcome: 'skipped', detail, ...fields });
    if (!fields.tokenType)
        return skip('Nothing to revoke: the main step issued no token.');
    if (fields.tokenType === 'stateless')
        return skip('Nothing to revoke: stateless tokens cannot be revoked; it expires by itself within 15 minutes.');
    if (!parseBoolean(core.getInput('revoke'), 'revoke', true)) {
        return skip(`Not revoking: revoke is false. The token stays valid until ${fields.expiresAt ?? 'it expires'}.`);
    }
    const sealed = core.getState(STATE.sealedToken);
    if (!sealed || !fields.keyId)
        return skip('Nothing to revoke: the main step already revoked its token or saved none.');
    const expiresAt = Date.parse(fields.expiresAt ?? '');
    if (Number.isFinite(expiresAt) && expiresAt - EXPIRY_MARGIN_MS <= clock.now()) {
        return skip(`Nothing to revoke: the token expired at ${fields.expiresAt}.`);
    }
    const channelSecret = core.getInput('channel-secret').trim();
    (0,action_core/* maskSecret */.$l)(core, channelSecret);
    (0,action_core/* maskSecret */.$l)(core, core.getInput('private-key').trim());
    const channelId = parseChannelId(core.getInput('channel-id'));
    const signingKey = key_loadPrivateKey(core.getInput('private-key'));
    for (const secret of signingKey.secrets)
        (0,action_core/* maskSecret */.$l)(core, secret);
    const keyId = key_resolveKeyId(core.getInput('key-id'), signingKey);
    const accessToken = await (0,ledger_crypto/* decryptToken */.TW)(sealed, channelSecret, { channelId, keyId: fields.keyId, where: 'the main step\'s saved state' });
    core.setSecret(accessToken);
    const session = step_session_connectStepSession(deps, { apiBaseUrl: parseApiBaseUrl(core.getInput('api-base-url')), channelId, keyId, privateKey: signingKey.privateKey });
    const report = await revokeAndConfirm({ session, channelSecret, tokens: [{ keyId: fields.keyId, accessToken }], logger: core });
    const outcome = report.outcomes[0];
    const result = post_step_describeOutcome(outcome, fields, report.activeAfter);
    if (result.outcome !== 'failed' && core.getState(STATE.ledger) === 'recorded') {
        await removeFromLedger(deps, channelId, channelSecret, fields.keyId);
    }
    return result;
}
function post_step_describeOutcome(outcome, fields, active) {
    const base = { ...fields, active };
    switch (outcome.status) {
        case 'revoked':
            return { ...base, outcome: 'revoked', detail: `Revoked the token with key ID ${outcome.keyId}; LINE no longer lists it as valid.` };
        case 'already-gone':
            return { ...base, outcome: 'already-gone', detail: `Nothing to revoke: key ID ${outcome.keyId} is no longer valid (already revoked or expired).` };
        default:
            return { ...base, outcome: 'failed', detail: outcome.error ?? `revoking key ID ${outcome.keyId} failed` };
    }
}
async function removeFromLedger(deps, channelId, channelSecret, keyId) {
    const { core, env } = deps;
    try {
        const open = deps.openLedger ?? (await __nccwpck_require__.e(/* import() */ 207).then(__nccwpck_require__.bind(__nccwpck_require__, 9207))).openLedger;
        const ledger = await open(core.getInput('ledger').trim(), {
            channelSecret,
            githubToken: core.getInput('github-token').trim(),
            currentRepository: env.GITHUB_REPOSITORY,
            githubApiUrl: env.GITHUB_API_URL,
            logger: core
        });
        await ledger.remove(channelId, keyId);
        core.info(`Removed key ID ${keyId} from the ledger (${ledger.description}).`);
    }
    catch (error) {
        core.warning(`The token is revoked, but its ledger record could not be removed: ${(0,errors/* messageOf */.bD)(error)}. The next revoke-all run prunes it.`);
    }
}
const OUTCOME_TEXT = {
    revoked: '✅ revoked and confirmed',
    'already-gone': '✅ already gone (revoked or expired)',
    skipped: '⏭️ skipped',
    failed: '⚠️ failed'
};
function summaryMarkdown(result) {
    const rows = [
        ['Token type', result.tokenType ?? '—'],
        ['Key ID', result.keyId ?? '—'],
        ['Expires at', result.expiresAt ?? '—'],
        ['Outcome', OUTCOME_TEXT[result.outcome]],
        ['Details', result.detail],
        ['Active v2.1 tokens on the channel', result.active === undefined ? 'unknown' : `${result.active} of ${MAX_ACTIVE_V21_TOKENS}`]
    ];
    return ['### LINE channel access token', '', '| | |', '| --- | --- |', ...rows.map(([k, v]) => `| ${k} | ${(0,action_core/* cell */.Hn)(v)} |`), ''].join('\n');
}


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

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

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

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

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
/* harmony export */   xO: () => (/* binding */ JWEDecryptionFailed)
/* harmony export */ });
/* unused harmony exports JOSEError, JWKInvalid, JWKSInvalid, JWKSMultipleMatchingKeys, JWKSNoMatchingKey, JWKSTimeout, JWSSignatureVerificationFailed, JWTClaimValidationFailed, JWTExpired */
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
/******/ var __webpack_exports__ = __nccwpck_require__(8568);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
