export const id = 207;
export const ids = [207];
export const modules = {

/***/ 9207:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_LEDGER_BRANCH: () => (/* reexport */ DEFAULT_LEDGER_BRANCH),
  LedgerError: () => (/* reexport */ types/* LedgerError */.o),
  openLedger: () => (/* binding */ openLedger),
  parseLedgerSpec: () => (/* reexport */ parseLedgerSpec)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/ledger/record.ts
var record = __webpack_require__(7016);
// EXTERNAL MODULE: ./src/ledger/types.ts
var types = __webpack_require__(4436);
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
            await fsStep(`create the ledger directory ${external_node_path_default().dirname(target)}`, () => (0,promises_.mkdir)(external_node_path_default().dirname(target), { recursive: true, mode: 0o700 }));
            await writeAtomically(target, text);
        },
        async remove(channelId, keyId) {
            (0,record/* assertSafeId */.VJ)('channel ID', channelId);
            (0,record/* assertSafeId */.VJ)('key ID', keyId);
            const target = fileOf(channelId, keyId);
            await fsStep(`remove the ledger record ${target}`, async () => {
                await (0,promises_.unlink)(target).catch((error) => {
                    if (error.code !== 'ENOENT')
                        throw error;
                });
            });
        },
        async list(channelId) {
            (0,record/* assertSafeId */.VJ)('channel ID', channelId);
            const dir = external_node_path_default().join(root, channelId);
            const names = await fsStep(`read the ledger directory ${dir}`, () => (0,promises_.readdir)(dir).catch((error) => {
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
                const text = await fsStep(`read the ledger record ${file}`, () => (0,promises_.readFile)(file, 'utf8').catch((error) => {
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
            const handle = await (0,promises_.open)(temp, 'wx', 0o600);
            try {
                await handle.writeFile(text, 'utf8');
                await handle.sync();
            }
            finally {
                await handle.close();
            }
            await (0,promises_.rename)(temp, target);
        });
    }
    catch (error) {
        await (0,promises_.unlink)(temp).catch(() => undefined);
        throw error;
    }
    // Make the rename itself durable. Some platforms cannot fsync a directory; the record is written anyway.
    await syncDirectory(dir);
}
async function syncDirectory(dir) {
    try {
        const handle = await (0,promises_.open)(dir, 'r');
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
    const { createGitHubLedger } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(413), __webpack_require__.e(218)]).then(__webpack_require__.bind(__webpack_require__, 5218));
    return createGitHubLedger({
        ...parsed,
        token: context.githubToken,
        apiUrl: context.githubApiUrl || 'https://api.github.com',
        channelSecret: context.channelSecret,
        logger: context.logger
    });
}


/***/ }),

/***/ 7016:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C6: () => (/* binding */ openRecord),
/* harmony export */   I$: () => (/* binding */ sealEntry),
/* harmony export */   VJ: () => (/* binding */ assertSafeId),
/* harmony export */   hu: () => (/* binding */ validateEntry),
/* harmony export */   jt: () => (/* binding */ keyIdOfFileName),
/* harmony export */   lX: () => (/* binding */ recordPath)
/* harmony export */ });
/* unused harmony exports RECORD_VERSION, parseRecord */
/* harmony import */ var _crypto_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5260);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4436);
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
        throw new _types_js__WEBPACK_IMPORTED_MODULE_1__/* .LedgerError */ .o(`the ${what} ${describeValue(value)} cannot name a ledger record: use only letters, digits, "-", "_", "~" and "." ` +
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
        throw new _types_js__WEBPACK_IMPORTED_MODULE_1__/* .LedgerError */ .o(`the token for key ID ${entry.keyId} is empty: nothing to record`);
    }
    for (const field of ['issuedAt', 'expiresAt']) {
        if (!isIsoTime(entry[field])) {
            throw new _types_js__WEBPACK_IMPORTED_MODULE_1__/* .LedgerError */ .o(`the ledger entry for key ID ${entry.keyId} has an invalid ${field}: expected an ISO 8601 time`);
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
        token: await (0,_crypto_js__WEBPACK_IMPORTED_MODULE_0__/* .encryptToken */ .rE)(entry.accessToken, channelSecret, entry.channelId, entry.keyId)
    };
    return `${JSON.stringify(record, null, 2)}\n`;
}
/** Parse, validate and decrypt a stored record. Any defect → LedgerError naming the file. */
async function openRecord(text, options) {
    const record = parseRecord(text, options);
    const accessToken = await (0,_crypto_js__WEBPACK_IMPORTED_MODULE_0__/* .decryptToken */ .TW)(record.token, options.channelSecret, {
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
    const bad = (why) => new _types_js__WEBPACK_IMPORTED_MODULE_1__/* .LedgerError */ .o(`the ledger record ${options.where} is not a valid record (${why}): remove or repair it`);
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        throw bad('not JSON');
    }
    if (!isObject(value))
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
    return isObject(value) && Object.values(value).every((v) => typeof v === 'string');
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isIsoTime(value) {
    return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));
}


/***/ })

};
