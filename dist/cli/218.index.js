export const id = 218;
export const ids = [218];
export const modules = {

/***/ 5218:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createGitHubLedger: () => (/* binding */ createGitHubLedger)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2413);
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9373);
/* harmony import */ var _logger_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6999);
/* harmony import */ var _record_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5667);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4436);
/**
 * `github` ledger: one file per token (`<channel-id>/<key-id>.json`) on a dedicated branch,
 * written through GitHub's REST contents API. One file per token means parallel jobs touch
 * different paths; the races that remain (branch creation, a file rewritten meanwhile) are
 * retried here. Loaded lazily by openLedger, so other runs never load @actions/github.
 *
 * The branch is created as an orphan (one commit holding a README) rather than from the
 * default branch: it then carries no `.github/workflows`, so ledger pushes cannot start
 * workflows even when the token is a personal or app token. An empty repository (no commit
 * at all) cannot hold a branch made through the API; the user is told to push one commit.
 */





const README = `# LINE token ledger

Written by line-channel-access-token-action: one file per issued LINE channel access token
(\`<channel-id>/<key-id>.json\`). Metadata is readable; tokens are encrypted with a key
derived from the channel secret. Do not edit by hand; the revoke-all action prunes it.
`;
function createGitHubLedger(options) {
    const { owner, repo, branch, channelSecret } = options;
    const logger = options.logger ?? _logger_js__WEBPACK_IMPORTED_MODULE_2__/* .silentLogger */ .q;
    const sleep = options.sleep ?? _clock_js__WEBPACK_IMPORTED_MODULE_1__/* .realSleep */ .u;
    const maxAttempts = options.maxAttempts ?? 4;
    const baseDelayMs = options.baseDelayMs ?? 1000;
    const maxWriteAttempts = options.maxWriteAttempts ?? 5;
    const timeoutMs = options.timeoutMs ?? 30_000;
    const listConcurrency = options.listConcurrency ?? 6;
    const slug = `${owner}/${repo}`;
    const description = `github:${slug}@${branch}`;
    const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(options.token, { baseUrl: options.apiUrl.replace(/\/+$/, ''), log: quietLog(logger) });
    // Routes here are built from validated segments; the loose type keeps octokit's route typing out of the way.
    const request = octokit.request;
    /** One REST call with bounded retries for transient failures. Statuses in `accept` come back as replies. */
    async function call(operation, route, params, accept = []) {
        for (let attempt = 1;; attempt++) {
            try {
                const response = await request(route, { owner, repo, ...params, request: { signal: AbortSignal.timeout(timeoutMs) } });
                return { status: response.status, data: response.data };
            }
            catch (error) {
                const failure = describeFailure(error);
                if (failure.status !== undefined && accept.includes(failure.status)) {
                    return { status: failure.status, data: undefined, message: failure.message };
                }
                const delay = retryDelay(failure, attempt);
                if (delay === undefined || attempt >= maxAttempts)
                    throw failureError(operation, failure, attempt);
                logger.info(`GitHub ledger: ${operation} got ${failureText(failure)}; retrying in ${Math.round(delay / 100) / 10} s`);
                await sleep(delay);
            }
        }
    }
    function retryDelay(failure, attempt) {
        const backoff = baseDelayMs * 2 ** (attempt - 1) * (0.5 + Math.random() / 2);
        if (failure.rateLimited) {
            // A secondary rate limit names a short wait; an exhausted hourly quota is not worth waiting for.
            if (failure.retryAfterMs !== undefined)
                return failure.retryAfterMs <= 60_000 ? Math.max(failure.retryAfterMs, backoff) : undefined;
            return failure.status === 429 ? backoff : undefined;
        }
        if (failure.status === undefined || failure.status >= 500)
            return backoff;
        return undefined;
    }
    function failureError(operation, failure, attempts) {
        const where = `${operation} in ${slug} (ledger ${description})`;
        const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
        if (failure.rateLimited) {
            return new _types_js__WEBPACK_IMPORTED_MODULE_4__/* .LedgerError */ .o(`could not ${where}: the GitHub API rate limit was reached (${failureText(failure)})${tries}; try again later`);
        }
        switch (failure.status) {
            case 401:
                return new _types_js__WEBPACK_IMPORTED_MODULE_4__/* .LedgerError */ .o(`could not ${where}: GitHub rejected the token (HTTP 401): pass a valid token in \`github-token\``);
            case 403:
                return new _types_js__WEBPACK_IMPORTED_MODULE_4__/* .LedgerError */ .o(`could not ${where}: permission denied (${failureText(failure)}). The token needs \`contents: write\` on ${slug}: ` +
                    `add \`permissions: contents: write\` to the workflow or job, or, when ${slug} is another repository, pass in ` +
                    `\`github-token\` a token that can write to it (a fine-grained or GitHub App token with Contents: read and write)`);
            default:
                return new _types_js__WEBPACK_IMPORTED_MODULE_4__/* .LedgerError */ .o(`could not ${where}: ${failureText(failure)}${tries}`);
        }
    }
    let repositoryChecked;
    /** A 404 on a path can mean "no such file" or "no such repository / no access": tell them apart once. */
    function assertRepository() {
        repositoryChecked ??= (async () => {
            const reply = await call('look up the repository', 'GET /repos/{owner}/{repo}', {}, [404]);
            if (reply.status === 404) {
                throw new _types_js__WEBPACK_IMPORTED_MODULE_4__/* .LedgerError */ .o(`the ledger repository ${slug} was not found, or the token cannot see it: check OWNER/REPO in \`ledger\`. ` +
                    `The workflow's own token reaches only the current repository; for another repository pass a token with ` +
                    `Contents: read and write on ${slug} in \`github-token\``);
            }
        })().catch((error) => {
            repositoryChecked = undefined;
            throw error;
        });
        return repositoryChecked;
    }
    async function branchExists() {
        // 409: the repository is empty (no branch at all).
        const reply = await call('look up the ledger branch', 'GET /repos/{owner}/{repo}/git/ref/heads/{branch}', { branch }, [404, 409]);
        if (reply.status === 200)
            return true;
        await assertRepository();
        return false;
    }
    async function createBranch() {
        const operation = `create the ledger branch ${branch}`;
        const tree = await call(operation, 'POST /repos/{owner}/{repo}/git/trees', {
            tree: [{ path: 'README.md', mode: '100644', type: 'blob', content: README }]
        }, [409]);
        if (tree.status === 409) {
            throw new _types_js__WEBPACK_IMPORTED_MODULE_4__/* .LedgerError */ .o(`could not ${operation} in ${slug}: the repository is empty. Push one commit to it (any file) and run again`);
        }
        const commit = await call(operation, 'POST /repos/{owner}/{repo}/git/commits', {
            message: 'ledger: start the LINE token ledger',
            tree: shaOf(tree.data, operation),
            parents: []
        });
        const ref = await call(operation, 'POST /repos/{owner}/{repo}/git/refs', { ref: `refs/heads/${branch}`, sha: shaOf(commit.data, operation) }, [409, 422]);
        if (ref.status === 201 || ref.status === 200) {
            logger.info(`GitHub ledger: created the branch ${branch} in ${slug}`);
            return;
        }
        // Another job may have created it at the same moment: that is success too.
        if (!(await branchExists())) {
            throw new _types_js__WEBPACK_IMPORTED_MODULE_4__/* .LedgerError */ .o(`could not ${operation} in ${slug}: HTTP ${ref.status}${ref.message ? `: ${ref.message}` : ''}`);
        }
    }
    let branchReady;
    function ensureBranch() {
        branchReady ??= (async () => {
            if (!(await branchExists()))
                await createBranch();
        })().catch((error) => {
            branchReady = undefined;
            throw error;
        });
        return branchReady;
    }
    /** The blob sha of a record on the branch, or undefined when it (or the branch) does not exist. */
    async function fileSha(channel, file, operation) {
        const reply = await call(operation, 'GET /repos/{owner}/{repo}/contents/{channel}/{file}', { channel, file, ref: branch }, [404]);
        if (reply.status === 404) {
            await assertRepository();
            return undefined;
        }
        return shaOf(reply.data, operation);
    }
    async function put(entry) {
        (0,_record_js__WEBPACK_IMPORTED_MODULE_3__/* .validateEntry */ .hu)(entry);
        const text = await (0,_record_js__WEBPACK_IMPORTED_MODULE_3__/* .sealEntry */ .I$)(entry, channelSecret);
        await ensureBranch();
        const channel = entry.channelId;
        const file = `${entry.keyId}.json`;
        const operation = `record key ID ${entry.keyId}`;
        const content = Buffer.from(text, 'utf8').toString('base64');
        // A new key ID is the usual case: write without a sha; only a conflict makes us look one up.
        let sha;
        for (let attempt = 1;; attempt++) {
            const reply = await call(operation, 'PUT /repos/{owner}/{repo}/contents/{channel}/{file}', {
                channel, file, branch, content,
                message: `ledger: record ${(0,_record_js__WEBPACK_IMPORTED_MODULE_3__/* .recordPath */ .lX)(channel, entry.keyId)}`,
                ...(sha ? { sha } : {})
            }, [409, 422]);
            if (reply.status < 300)
                return;
            if (attempt >= maxWriteAttempts)
                throw conflictError(operation, reply, attempt);
            await sleep(conflictDelay(attempt));
            sha = await fileSha(channel, file, operation);
        }
    }
    async function remove(channelId, keyId) {
        (0,_record_js__WEBPACK_IMPORTED_MODULE_3__/* .assertSafeId */ .VJ)('channel ID', channelId);
        (0,_record_js__WEBPACK_IMPORTED_MODULE_3__/* .assertSafeId */ .VJ)('key ID', keyId);
        const file = `${keyId}.json`;
        const operation = `remove the record of key ID ${keyId}`;
        for (let attempt = 1;; attempt++) {
            const sha = await fileSha(channelId, file, operation);
            if (sha === undefined)
                return;
            const reply = await call(operation, 'DELETE /repos/{owner}/{repo}/contents/{channel}/{file}', {
                channel: channelId, file, branch, sha,
                message: `ledger: remove ${(0,_record_js__WEBPACK_IMPORTED_MODULE_3__/* .recordPath */ .lX)(channelId, keyId)}`
            }, [404, 409, 422]);
            if (reply.status < 300 || reply.status === 404)
                return;
            if (attempt >= maxWriteAttempts)
                throw conflictError(operation, reply, attempt);
            await sleep(conflictDelay(attempt));
        }
    }
    async function list(channelId) {
        (0,_record_js__WEBPACK_IMPORTED_MODULE_3__/* .assertSafeId */ .VJ)('channel ID', channelId);
        const operation = `list the records of channel ${channelId}`;
        const reply = await call(operation, 'GET /repos/{owner}/{repo}/contents/{channel}', { channel: channelId, ref: branch }, [404]);
        if (reply.status === 404) {
            await assertRepository();
            return [];
        }
        if (!Array.isArray(reply.data)) {
            throw new _types_js__WEBPACK_IMPORTED_MODULE_4__/* .LedgerError */ .o(`could not ${operation} in ${slug}: ${channelId} on branch ${branch} is not a directory`);
        }
        const keyIds = reply.data
            .filter((item) => isObject(item) && item.type === 'file' && typeof item.name === 'string')
            .map((item) => (0,_record_js__WEBPACK_IMPORTED_MODULE_3__/* .keyIdOfFileName */ .jt)(item.name))
            .filter((keyId) => keyId !== undefined)
            .sort();
        const results = await mapBounded(keyIds, listConcurrency, (keyId) => readRecord(channelId, keyId));
        return results.filter((entry) => entry !== undefined);
    }
    async function readRecord(channelId, keyId) {
        const file = `${keyId}.json`;
        const operation = `read the record of key ID ${keyId}`;
        const where = `${description}:${(0,_record_js__WEBPACK_IMPORTED_MODULE_3__/* .recordPath */ .lX)(channelId, keyId)}`;
        const reply = await call(operation, 'GET /repos/{owner}/{repo}/contents/{channel}/{file}', { channel: channelId, file, ref: branch }, [404]);
        if (reply.status === 404)
            return undefined; // removed by a parallel job since the listing
        const data = reply.data;
        if (!isObject(data) || data.encoding !== 'base64' || typeof data.content !== 'string') {
            throw new _types_js__WEBPACK_IMPORTED_MODULE_4__/* .LedgerError */ .o(`could not ${operation} in ${slug}: GitHub did not return the content of ${where}`);
        }
        const text = Buffer.from(data.content, 'base64').toString('utf8');
        return (0,_record_js__WEBPACK_IMPORTED_MODULE_3__/* .openRecord */ .C6)(text, { channelSecret, channelId, keyId, where });
    }
    function conflictError(operation, reply, attempts) {
        return new _types_js__WEBPACK_IMPORTED_MODULE_4__/* .LedgerError */ .o(`could not ${operation} in ${slug}: the file kept changing while we wrote it ` +
            `(HTTP ${reply.status}${reply.message ? `: ${reply.message}` : ''}, ${attempts} attempts); run again`);
    }
    function conflictDelay(attempt) {
        return Math.min(200 * attempt, 1000) * (0.5 + Math.random());
    }
    // GitHub commits each contents write to the branch head, so parallel writes to one branch
    // conflict (409) even for different files; its docs say to call them serially. Within one
    // process we do; between jobs the 409 retries above take over.
    let writes = Promise.resolve();
    const serially = (write) => (...args) => {
        const result = writes.then(() => write(...args));
        writes = result.catch(() => undefined);
        return result;
    };
    return { description, put: serially(put), remove: serially(remove), list };
}
function describeFailure(error) {
    const e = error;
    const response = e?.response;
    if (!response || typeof response.status !== 'number') {
        // No answer: octokit reports network errors and timeouts as status 500 without a response.
        return { code: networkCode(e), rateLimited: false };
    }
    const headers = response.headers ?? {};
    const data = response.data;
    const message = isObject(data) && typeof data.message === 'string' ? data.message.slice(0, 300) : undefined;
    const retryAfter = Number(headers['retry-after']);
    const status = response.status;
    const rateLimited = status === 429 || (status === 403 && (headers['retry-after'] !== undefined || headers['x-ratelimit-remaining'] === '0'));
    return { status, message, rateLimited, retryAfterMs: Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter * 1000 : undefined };
}
/** The most specific error code in a fetch failure's cause chain (ECONNREFUSED, UND_ERR_…), or its name. */
function networkCode(error) {
    let current = error;
    let found;
    for (let depth = 0; current && depth < 5; depth++) {
        const c = current;
        if (typeof c.code === 'string')
            found = c.code;
        else if (!found && c.name === 'TimeoutError')
            found = 'timeout';
        current = c.cause;
    }
    return found ?? 'network error';
}
function failureText(failure) {
    if (failure.status === undefined)
        return `no answer (${failure.code})`;
    return `HTTP ${failure.status}${failure.message ? `: ${failure.message}` : ''}`;
}
function shaOf(data, operation) {
    if (isObject(data) && typeof data.sha === 'string')
        return data.sha;
    throw new _types_js__WEBPACK_IMPORTED_MODULE_4__/* .LedgerError */ .o(`could not ${operation}: GitHub's answer had no sha`);
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** Octokit's log, routed to our logger (it only warns about deprecations). */
function quietLog(logger) {
    return { debug: () => { }, info: () => { }, warn: (message) => logger.debug(message), error: (message) => logger.debug(message) };
}
/** Map with at most `limit` calls in flight, keeping order. */
async function mapBounded(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            results[index] = await fn(items[index]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}


/***/ })

};
