export const id = 415;
export const ids = [415];
export const modules = {

/***/ 6963:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GP: () => (/* binding */ getInputs),
/* harmony export */   RV: () => (/* binding */ parseAuthor)
/* harmony export */ });
/* unused harmony export DEFAULT_MESSAGE */
/* harmony import */ var _core_errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _core_key_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5574);
/* harmony import */ var _io_runner__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1068);
/* harmony import */ var _common_inputs__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9120);




const DEFAULT_MESSAGE = 'Update {services} to {value} in {environment}';
const BOT = {
    name: 'github-actions[bot]',
    email: '41898282+github-actions[bot]@users.noreply.github.com',
};
function parseAuthor(value) {
    if (value === undefined)
        return BOT;
    const match = /^\s*([^<>]+?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(value);
    if (!match)
        throw new _core_errors__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`Input author must be "Name <email>", got "${value}"`);
    return { name: match[1], email: match[2] };
}
function getImages() {
    const raw = (0,_common_inputs__WEBPACK_IMPORTED_MODULE_3__/* .getOptional */ .xX)('images');
    if (raw === undefined)
        return undefined;
    let parsed;
    try {
        parsed = JSON.parse(raw);
    }
    catch (error) {
        throw new _core_errors__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`Input images is not valid JSON: ${error.message}`);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new _core_errors__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y('Input images must be a JSON object: {"service": "tag or digest", ...}');
    }
    if (Object.keys(parsed).length === 0)
        throw new _core_errors__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y('Input images is an empty object');
    return parsed;
}
/** Every input, typed and checked in one place; a rejection names the input. */
function getInputs() {
    const token = (0,_common_inputs__WEBPACK_IMPORTED_MODULE_3__/* .getOptional */ .xX)('token');
    if (token)
        _io_runner__WEBPACK_IMPORTED_MODULE_2__/* .setSecret */ .Pq(token);
    const keys = (0,_common_inputs__WEBPACK_IMPORTED_MODULE_3__/* .getList */ .vS)('key');
    if (keys.length === 0)
        keys.push('image.tag');
    for (const key of keys)
        (0,_core_key_path__WEBPACK_IMPORTED_MODULE_1__/* .parseKeyPath */ ._)(key);
    const digestKey = (0,_common_inputs__WEBPACK_IMPORTED_MODULE_3__/* .getOptional */ .xX)('digest-key');
    if (digestKey)
        (0,_core_key_path__WEBPACK_IMPORTED_MODULE_1__/* .parseKeyPath */ ._)(digestKey);
    const inputs = {
        files: (0,_common_inputs__WEBPACK_IMPORTED_MODULE_3__/* .getList */ .vS)('files'),
        fileTemplate: (0,_common_inputs__WEBPACK_IMPORTED_MODULE_3__/* .getString */ .AA)('file-template') || 'infra/helm-charts/{service}/values-{env}.yaml',
        services: (0,_common_inputs__WEBPACK_IMPORTED_MODULE_3__/* .getList */ .vS)('services', { commas: true }),
        environment: (0,_common_inputs__WEBPACK_IMPORTED_MODULE_3__/* .getString */ .AA)('environment').trim(),
        keys,
        value: (0,_common_inputs__WEBPACK_IMPORTED_MODULE_3__/* .getOptional */ .xX)('value'),
        images: getImages(),
        digestKey,
        imageName: (0,_common_inputs__WEBPACK_IMPORTED_MODULE_3__/* .getString */ .AA)('image-name') || '{service}',
        create: (0,_common_inputs__WEBPACK_IMPORTED_MODULE_3__/* .getBool */ .Jz)('create', false),
        commit: (0,_common_inputs__WEBPACK_IMPORTED_MODULE_3__/* .getBool */ .Jz)('commit', true),
        push: (0,_common_inputs__WEBPACK_IMPORTED_MODULE_3__/* .getBool */ .Jz)('push', true),
        branch: (0,_common_inputs__WEBPACK_IMPORTED_MODULE_3__/* .getOptional */ .xX)('branch')?.trim(),
        repository: (0,_common_inputs__WEBPACK_IMPORTED_MODULE_3__/* .getOptional */ .xX)('repository')?.trim(),
        path: (0,_common_inputs__WEBPACK_IMPORTED_MODULE_3__/* .getString */ .AA)('path') || '.',
        token,
        commitMessage: (0,_common_inputs__WEBPACK_IMPORTED_MODULE_3__/* .getString */ .AA)('commit-message') || DEFAULT_MESSAGE,
        author: parseAuthor((0,_common_inputs__WEBPACK_IMPORTED_MODULE_3__/* .getOptional */ .xX)('author')),
        mode: (0,_common_inputs__WEBPACK_IMPORTED_MODULE_3__/* .getEnum */ .GV)('mode', ['push', 'pull-request'], 'push'),
        pullRequestBranch: (0,_common_inputs__WEBPACK_IMPORTED_MODULE_3__/* .getString */ .AA)('pull-request-branch') || 'bump/{env}/{services}',
        commitMethod: (0,_common_inputs__WEBPACK_IMPORTED_MODULE_3__/* .getEnum */ .GV)('commit-method', ['git', 'api'], 'git'),
        maxAttempts: (0,_common_inputs__WEBPACK_IMPORTED_MODULE_3__/* .getInt */ .yW)('max-attempts', 10, { min: 1, max: 100 }),
        dryRun: (0,_common_inputs__WEBPACK_IMPORTED_MODULE_3__/* .getBool */ .Jz)('dry-run', false),
    };
    if (inputs.value !== undefined && inputs.images !== undefined) {
        throw new _core_errors__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y('Inputs value and images exclude each other: give one');
    }
    if (inputs.value === undefined && inputs.images === undefined) {
        throw new _core_errors__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y('Input required and not supplied: value (or images)');
    }
    if (inputs.mode === 'pull-request' && !inputs.commit) {
        throw new _core_errors__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y('mode: pull-request needs commit: true');
    }
    return inputs;
}


/***/ }),

/***/ 9120:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AA: () => (/* binding */ getString),
/* harmony export */   GV: () => (/* binding */ getEnum),
/* harmony export */   Jz: () => (/* binding */ getBool),
/* harmony export */   vS: () => (/* binding */ getList),
/* harmony export */   xX: () => (/* binding */ getOptional),
/* harmony export */   yW: () => (/* binding */ getInt)
/* harmony export */ });
/* unused harmony exports splitList, getJson */
/* harmony import */ var _core_errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _io_runner__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1068);


// Typed input getters: every rejection names the input, so a user sees which
// line of their workflow to fix.
function getString(name, options = {}) {
    const value = _io_runner__WEBPACK_IMPORTED_MODULE_1__/* .getInput */ .V4(name);
    if (options.required && value === '') {
        throw new _core_errors__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`Input required and not supplied: ${name}`);
    }
    return value;
}
function getOptional(name) {
    const value = _io_runner__WEBPACK_IMPORTED_MODULE_1__/* .getInput */ .V4(name);
    return value === '' ? undefined : value;
}
const TRUE = new Set(['true', 'True', 'TRUE', 'yes', '1', 'on']);
const FALSE = new Set(['false', 'False', 'FALSE', 'no', '0', 'off']);
function getBool(name, fallback) {
    const value = _io_runner__WEBPACK_IMPORTED_MODULE_1__/* .getInput */ .V4(name);
    if (value === '')
        return fallback;
    if (TRUE.has(value))
        return true;
    if (FALSE.has(value))
        return false;
    throw new _core_errors__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`Input ${name} must be true or false, got "${value}"`);
}
/** One item a line (or comma separated); blank lines and `#` comments dropped. */
function getList(name, options = {}) {
    return splitList(_io_runner__WEBPACK_IMPORTED_MODULE_1__/* .getInput */ .V4(name), options.commas ?? false);
}
function splitList(value, commas) {
    const lines = value.split(/\r?\n/);
    const items = commas ? lines.flatMap((line) => line.split(',')) : lines;
    return items.map((item) => item.trim()).filter((item) => item !== '' && !item.startsWith('#'));
}
function getInt(name, fallback, range = {}) {
    const value = _io_runner__WEBPACK_IMPORTED_MODULE_1__/* .getInput */ .V4(name);
    if (value === '')
        return fallback;
    if (!/^-?\d+$/.test(value)) {
        throw new _core_errors__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`Input ${name} must be a whole number, got "${value}"`);
    }
    const n = Number(value);
    if ((range.min !== undefined && n < range.min) || (range.max !== undefined && n > range.max)) {
        throw new _core_errors__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`Input ${name} must be between ${range.min ?? '-∞'} and ${range.max ?? '∞'}, got ${n}`);
    }
    return n;
}
function getEnum(name, allowed, fallback) {
    const value = _io_runner__WEBPACK_IMPORTED_MODULE_1__/* .getInput */ .V4(name);
    if (value === '')
        return fallback;
    if (!allowed.includes(value)) {
        throw new _core_errors__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`Input ${name} must be one of ${allowed.join(', ')}, got "${value}"`);
    }
    return value;
}
function getJson(name) {
    const value = core.getInput(name);
    if (value === '')
        return undefined;
    try {
        return JSON.parse(value);
    }
    catch (error) {
        throw new UserError(`Input ${name} is not valid JSON: ${error.message}`);
    }
}


/***/ }),

/***/ 3915:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   VU: () => (/* binding */ DEFAULT_BACKOFF),
/* harmony export */   sq: () => (/* binding */ jitteredBackoffMs),
/* harmony export */   yy: () => (/* binding */ sleep)
/* harmony export */ });
const DEFAULT_BACKOFF = { baseMs: 200, maxMs: 5000 };
/**
 * Exponential backoff with jitter (between a quarter and all of the capped
 * delay): racing pipelines that collided once spread out instead of
 * colliding again in lockstep.
 */
function jitteredBackoffMs(attempt, bounds, random = Math.random) {
    const cap = Math.min(bounds.maxMs, bounds.baseMs * 2 ** (attempt - 1));
    return Math.round(cap / 4 + (random() * cap * 3) / 4);
}
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}


/***/ }),

/***/ 3856:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ withTrailers),
/* harmony export */   j: () => (/* binding */ renderCommitMessage)
/* harmony export */ });
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);

/**
 * Fills `{name}` placeholders of a commit-message template. An unknown
 * placeholder is a UserError naming it, so a typo does not reach history.
 */
function renderCommitMessage(template, vars) {
    return template.replace(/\{([A-Za-z][A-Za-z0-9_-]*)\}/g, (whole, name) => {
        const value = vars[name];
        if (value === undefined) {
            throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`commit-message: unknown placeholder ${whole} (known: ${Object.keys(vars)
                .map((k) => `{${k}}`)
                .join(', ')})`);
        }
        return value;
    });
}
const TRAILER_LINE = /^[A-Za-z0-9][A-Za-z0-9-]*: \S/;
/**
 * Appends git trailers (`Key: value`, one a line) after a blank line, or to
 * the message's own trailer block when it already ends with one. Values are
 * kept to one line; empty values are left out.
 */
function withTrailers(message, trailers) {
    const lines = trailers
        .filter(([, value]) => value.trim() !== '')
        .map(([key, value]) => `${key}: ${value.replace(/\s*\r?\n\s*/g, ' ').trim()}`);
    const body = message.replace(/\s+$/, '');
    if (lines.length === 0)
        return `${body}\n`;
    const paragraphs = body.split(/\n\s*\n/);
    const last = paragraphs[paragraphs.length - 1].split('\n');
    const endsWithTrailers = paragraphs.length > 1 && last.every((l) => TRAILER_LINE.test(l));
    return `${body}${endsWithTrailers ? '\n' : '\n\n'}${lines.join('\n')}\n`;
}


/***/ }),

/***/ 717:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ eventContext),
/* harmony export */   g: () => (/* binding */ ZERO_SHA)
/* harmony export */ });
// What a build needs to know about the event that triggered it, from the
// runner's plain environment and the event payload: no @actions/github, so the
// CLI can build the same context from its own flags.
const ZERO_SHA = '0000000000000000000000000000000000000000';
// Payloads are untrusted JSON: read fields defensively.
function field(value, ...path) {
    let current = value;
    for (const key of path) {
        if (current === null || typeof current !== 'object')
            return undefined;
        current = current[key];
    }
    return current;
}
function text(value) {
    return typeof value === 'string' && value !== '' ? value : undefined;
}
const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target', 'pull_request_review']);
function eventContext(env, payload) {
    const eventName = env.GITHUB_EVENT_NAME ?? '';
    const ref = env.GITHUB_REF ?? '';
    const repository = env.GITHUB_REPOSITORY ?? text(field(payload, 'repository', 'full_name')) ?? '';
    const pr = PULL_REQUEST_EVENTS.has(eventName) ? field(payload, 'pull_request') : undefined;
    let prHead;
    let prBase;
    if (pr !== undefined) {
        const headRef = text(field(pr, 'head', 'ref'));
        const headSha = text(field(pr, 'head', 'sha'));
        if (headRef && headSha) {
            prHead = {
                ref: headRef,
                sha: headSha,
                repository: text(field(pr, 'head', 'repo', 'full_name')) ?? repository,
            };
        }
        const baseRef = text(field(pr, 'base', 'ref'));
        const baseSha = text(field(pr, 'base', 'sha'));
        if (baseRef && baseSha)
            prBase = { ref: baseRef, sha: baseSha };
    }
    const tag = ref.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : undefined;
    let branch;
    if (prHead)
        branch = prHead.ref;
    else if (ref.startsWith('refs/heads/'))
        branch = ref.slice('refs/heads/'.length);
    else if (eventName.startsWith('pull_request'))
        branch = env.GITHUB_HEAD_REF || undefined;
    const prNumber = field(pr, 'number');
    // A deleted fork leaves head.repo null: still not this repository.
    const headRepo = pr === undefined ? repository : text(field(pr, 'head', 'repo', 'full_name'));
    return {
        eventName,
        sha: prHead?.sha ?? env.GITHUB_SHA ?? '',
        ref,
        branch,
        tag,
        prHead,
        prBase,
        prNumber: typeof prNumber === 'number' ? prNumber : undefined,
        isFork: headRepo?.toLowerCase() !== repository.toLowerCase(),
        defaultBranch: text(field(payload, 'repository', 'default_branch')),
        runNumber: Number.parseInt(env.GITHUB_RUN_NUMBER ?? '', 10) || 0,
        repository,
        serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
        before: eventName === 'push' ? text(field(payload, 'before')) : undefined,
        created: eventName === 'push' && field(payload, 'created') === true,
        deleted: eventName === 'push' && field(payload, 'deleted') === true,
        mergeGroupBase: mergeGroupBase(eventName, payload),
    };
}
function mergeGroupBase(eventName, payload) {
    if (eventName !== 'merge_group')
        return undefined;
    const sha = text(field(payload, 'merge_group', 'base_sha'));
    const ref = text(field(payload, 'merge_group', 'base_ref'));
    return sha ? { ref: ref?.replace(/^refs\/heads\//, ''), sha } : undefined;
}


/***/ }),

/***/ 2196:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ renderFileTemplate)
/* harmony export */ });
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _repo_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6135);


const SAFE_COMPONENT = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
function component(name, value) {
    if (!SAFE_COMPONENT.test(value) || value.includes('..')) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`${name} "${value}" cannot be used in a file path (letters, digits, ".", "_" and "-" only)`);
    }
    return value;
}
/**
 * `infra/helm-charts/{service}/values-{env}.yaml` -> a repository-relative
 * path. `{environment}` is a synonym of `{env}`. UserError on an unknown
 * placeholder, on a service or environment that is not a safe path component
 * (no `/`, no `..`), and on a result outside the repository.
 */
function renderFileTemplate(template, vars) {
    const rendered = template.replace(/\{([^{}]*)\}/g, (whole, name) => {
        if (name === 'service')
            return component('service', vars.service);
        if (name === 'env' || name === 'environment')
            return component('environment', vars.env);
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`file-template "${template}": unknown placeholder ${whole} (use {service} and {env})`);
    });
    return (0,_repo_path__WEBPACK_IMPORTED_MODULE_1__/* .normalizeRepoPath */ .N)(rendered, `file-template "${template}"`);
}


/***/ }),

/***/ 6135:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ normalizeRepoPath)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);


/**
 * A path inside the repository, normalized and `/`-separated. UserError when
 * it is absolute or climbs out with `..`: every file of a run must stay in
 * the workspace (symlinks are checked where the files are read).
 */
function normalizeRepoPath(path, source) {
    const slashed = path.trim().replace(/\\/g, '/');
    if (slashed === '')
        throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`${source}: empty path`);
    if (slashed.startsWith('/') || /^[A-Za-z]:\//.test(slashed)) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`${source}: "${path}" is outside the workspace (absolute path)`, {
            file: path,
        });
    }
    const normal = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(slashed);
    if (normal === '..' || normal.startsWith('../') || normal === '.') {
        throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`${source}: "${path}" is outside the workspace`, { file: path });
    }
    return normal.replace(/\/$/, '');
}


/***/ }),

/***/ 7424:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ sha256Hex)
/* harmony export */ });
// SHA-256 (FIPS 180-4) of a UTF-8 string, in plain JavaScript. Why not
// node:crypto: loading it costs 3-4 ms of every run that imports it (node
// 20 and 24), and promote's plan and bump's branch names digest a few
// kilobytes, which this does in microseconds. Held to node:crypto by
// test/core/sha256.test.ts.
const K = new Uint32Array([
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const rotr = (x, n) => (x >>> n) | (x << (32 - n));
/** The lowercase hex SHA-256 of `text`'s UTF-8 bytes, as node's createHash('sha256') gives it. */
function sha256Hex(text) {
    const data = new TextEncoder().encode(text);
    // The message, a 1 bit, zeros, and its length in bits (64-bit big-endian)
    // fill whole 64-byte blocks.
    const blocks = Math.ceil((data.length + 9) / 64);
    const padded = new Uint8Array(blocks * 64);
    padded.set(data);
    padded[data.length] = 0x80;
    const view = new DataView(padded.buffer);
    const bits = data.length * 8;
    view.setUint32(padded.length - 8, Math.floor(bits / 2 ** 32));
    view.setUint32(padded.length - 4, bits >>> 0);
    const h = new Uint32Array([
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ]);
    const w = new Uint32Array(64);
    for (let offset = 0; offset < padded.length; offset += 64) {
        for (let i = 0; i < 16; i++)
            w[i] = view.getUint32(offset + i * 4);
        for (let i = 16; i < 64; i++) {
            const a = w[i - 15];
            const b = w[i - 2];
            const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
            const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        let [a, b, c, d, e, f, g, hh] = [h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7]];
        for (let i = 0; i < 64; i++) {
            const s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
            const t1 = (hh + s1 + ((e & f) ^ (~e & g)) + K[i] + w[i]) | 0;
            const s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
            const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
            hh = g;
            g = f;
            f = e;
            e = (d + t1) | 0;
            d = c;
            c = b;
            b = a;
            a = (t1 + t2) | 0;
        }
        // Uint32Array stores each sum modulo 2^32.
        h[0] += a;
        h[1] += b;
        h[2] += c;
        h[3] += d;
        h[4] += e;
        h[5] += f;
        h[6] += g;
        h[7] += hh;
    }
    return Array.from(h, (x) => x.toString(16).padStart(8, '0')).join('');
}


/***/ }),

/***/ 9905:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ unifiedDiff)
/* harmony export */ });
/**
 * A unified diff (`git diff` format, 3 lines of context) of one file's
 * before and after text. Only the lines between the common head and tail
 * (found by comparing characters, without splitting the file) and their
 * context are split and compared, with a plain LCS: values files are long,
 * and an edit touches a line or two.
 */
function unifiedDiff(path, before, after, context = 3) {
    if (before === after)
        return '';
    const shortest = Math.min(before.length, after.length);
    const p = longest(shortest, (n) => before.slice(0, n) === after.slice(0, n));
    const q = longest(shortest - p, (n) => before.slice(before.length - n) === after.slice(after.length - n));
    // Whole lines before headEnd are the same in both; so are those from
    // tailA (tailB in after): past the first line break inside the common end.
    const headEnd = p === 0 ? 0 : before.lastIndexOf('\n', p - 1) + 1;
    const nl = before.indexOf('\n', before.length - q);
    const tailA = nl === -1 ? before.length : nl + 1;
    const tailB = tailA + after.length - before.length;
    let preStart = headEnd;
    for (let k = 0; k < context && preStart > 0; k++) {
        preStart = preStart >= 2 ? before.lastIndexOf('\n', preStart - 2) + 1 : 0;
    }
    let postEnd = tailA;
    for (let k = 0; k < context && postEnd < before.length; k++) {
        const next = before.indexOf('\n', postEnd);
        postEnd = next === -1 ? before.length : next + 1;
    }
    let offset = 0; // lines before the window
    for (let i = before.indexOf('\n'); i !== -1 && i < preStart; i = before.indexOf('\n', i + 1)) {
        offset++;
    }
    const ops = [
        ...splitLines(before.slice(preStart, headEnd)).map((line) => ({ op: ' ', line })),
        ...lcsOps(splitLines(before.slice(headEnd, tailA)), splitLines(after.slice(headEnd, tailB))),
        ...splitLines(before.slice(tailA, postEnd)).map((line) => ({ op: ' ', line })),
    ];
    const out = [`--- a/${path}`, `+++ b/${path}`];
    let i = 0;
    while (i < ops.length) {
        if (ops[i].op === ' ') {
            i++;
            continue;
        }
        // A hunk: from `context` lines before this change to `context` after the last change near it.
        let start = Math.max(0, i - context);
        while (start > 0 && ops[start - 1].op !== ' ')
            start--;
        let end = i;
        let lastChange = i;
        // git joins two changes whose contexts meet (at most 2 × context lines apart).
        while (end < ops.length && end - lastChange <= context * 2 + 1) {
            if (ops[end].op !== ' ')
                lastChange = end;
            end++;
        }
        end = Math.min(ops.length, lastChange + context + 1);
        const hunk = ops.slice(start, end);
        const aStart = ops.slice(0, start).filter((o) => o.op !== '+').length;
        const bStart = ops.slice(0, start).filter((o) => o.op !== '-').length;
        const aLen = hunk.filter((o) => o.op !== '+').length;
        const bLen = hunk.filter((o) => o.op !== '-').length;
        out.push(`@@ -${range(offset + aStart, aLen)} +${range(offset + bStart, bLen)} @@`);
        for (const { op, line } of hunk) {
            out.push(op + line.text);
            if (!line.newline)
                out.push('\\ No newline at end of file');
        }
        i = end;
    }
    return `${out.join('\n')}\n`;
}
/**
 * The largest n <= max for which `holds(n)` (true for 0, and for every n
 * below one it is true for): a binary search, so that a common head or tail
 * is found by comparing whole slices natively, not character by character.
 */
function longest(max, holds) {
    let low = 0;
    let high = max;
    while (low < high) {
        const mid = Math.ceil((low + high) / 2);
        if (holds(mid))
            low = mid;
        else
            high = mid - 1;
    }
    return low;
}
/** A hunk's line range as git writes it: the count only when it is not 1. */
function range(linesBefore, length) {
    const start = linesBefore + (length ? 1 : 0);
    return length === 1 ? String(start) : `${start},${length}`;
}
function splitLines(text) {
    if (text === '')
        return [];
    const parts = text.split('\n');
    const last = parts.pop();
    const lines = parts.map((t) => ({ text: t.replace(/\r$/, ''), newline: true }));
    if (last !== '')
        lines.push({ text: last.replace(/\r$/, ''), newline: false });
    return lines;
}
function same(x, y) {
    return x.text === y.text && x.newline === y.newline;
}
function lcsOps(a, b) {
    const n = a.length;
    const m = b.length;
    const table = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) {
        for (let j = m - 1; j >= 0; j--) {
            table[i][j] = same(a[i], b[j])
                ? table[i + 1][j + 1] + 1
                : Math.max(table[i + 1][j], table[i][j + 1]);
        }
    }
    const ops = [];
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && same(a[i], b[j])) {
            ops.push({ op: ' ', line: a[i++] });
            j++;
        }
        else if (j < m && (i >= n || table[i][j + 1] >= table[i + 1][j])) {
            ops.push({ op: '+', line: b[j++] });
        }
        else {
            ops.push({ op: '-', line: a[i++] });
        }
    }
    // git prints removals before additions within a change.
    for (let k = 0; k < ops.length;) {
        if (ops[k].op === ' ') {
            k++;
            continue;
        }
        let e = k;
        while (e < ops.length && ops[e].op !== ' ')
            e++;
        const block = ops.slice(k, e);
        ops.splice(k, e - k, ...block.filter((o) => o.op === '-'), ...block.filter((o) => o.op === '+'));
        k = e;
    }
    return ops;
}


/***/ }),

/***/ 1081:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ BlobReader)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Reads many blobs through one `git cat-file --batch` process. A run that
 * bumps 1,000 services reads 1,000 files: a process per file would dominate
 * its time. (A long-lived process with a request/response protocol is the
 * one thing exec.ts's run-to-completion `run` cannot do.)
 */
class BlobReader {
    cwd;
    env;
    /** Started on the first read: a reader that reads nothing costs no process. */
    child;
    buffer = Buffer.alloc(0);
    waiting = [];
    failure;
    constructor(cwd, env = {}) {
        this.cwd = cwd;
        this.env = env;
    }
    start() {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('git', ['cat-file', '--batch'], {
            cwd: this.cwd,
            env: { ...process.env, GIT_TERMINAL_PROMPT: '0', ...this.env },
            stdio: ['pipe', 'pipe', 'pipe'],
        });
        let stderr = '';
        child.stderr.on('data', (d) => {
            stderr += d;
        });
        child.stdout.on('data', (chunk) => {
            this.buffer = Buffer.concat([this.buffer, chunk]);
            this.drain();
        });
        const fail = (error) => {
            this.failure = error;
            for (const w of this.waiting.splice(0))
                w.reject(error);
        };
        child.on('error', fail);
        child.on('close', (code) => {
            if (this.waiting.length > 0)
                fail(new Error(`git cat-file exited with ${code}: ${stderr}`));
        });
        return child;
    }
    drain() {
        while (this.waiting.length > 0) {
            const eol = this.buffer.indexOf(10);
            if (eol < 0)
                return;
            const header = this.buffer.subarray(0, eol).toString('utf8');
            if (header.endsWith(' missing')) {
                this.buffer = this.buffer.subarray(eol + 1);
                this.waiting.shift().resolve(undefined);
                continue;
            }
            const size = Number(header.split(' ')[2]);
            if (this.buffer.length < eol + 1 + size + 1)
                return;
            const blob = Buffer.from(this.buffer.subarray(eol + 1, eol + 1 + size));
            this.buffer = this.buffer.subarray(eol + 1 + size + 1);
            this.waiting.shift().resolve(blob);
        }
    }
    /** The object's bytes, or undefined when the repository does not have it. */
    read(object) {
        if (this.failure)
            return Promise.reject(this.failure);
        this.child ??= this.start();
        const child = this.child;
        return new Promise((resolve, reject) => {
            this.waiting.push({ resolve, reject });
            child.stdin.write(`${object}\n`);
        });
    }
    close() {
        this.child?.stdin.end();
    }
}


/***/ }),

/***/ 7500:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $Y: () => (/* binding */ git),
/* harmony export */   BQ: () => (/* binding */ gitOut),
/* harmony export */   QE: () => (/* binding */ hasCommit)
/* harmony export */ });
/* harmony import */ var _exec__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9867);

/**
 * Runs git with an argument array. Prompts are disabled: a missing credential
 * must fail fast in CI rather than hang waiting for a terminal.
 */
function git(args, options) {
    return (0,_exec__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)('git', args, {
        cwd: options.cwd,
        env: { GIT_TERMINAL_PROMPT: '0', ...options.env },
        input: options.input,
        allowFailure: options.allowFailure,
    });
}
/** Whether the repository has `oid` as a commit (no fetch). */
async function hasCommit(oid, options) {
    const found = await git(['cat-file', '-e', `${oid}^{commit}`], { ...options, allowFailure: true });
    return found.code === 0;
}
/** git's stdout with the trailing newline removed. */
async function gitOut(args, options) {
    return (await git(args, options)).stdout.replace(/\n$/, '');
}


/***/ }),

/***/ 1123:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JM: () => (/* binding */ apiReaderAt),
/* harmony export */   OR: () => (/* binding */ defaultBranch),
/* harmony export */   oD: () => (/* binding */ commitViaApi)
/* harmony export */ });
/* harmony import */ var _core_backoff__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3915);
/* harmony import */ var _core_errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/* harmony import */ var _core_event_context__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(717);
/* harmony import */ var _core_repo_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6135);




const HEAD_QUERY = `query($owner: String!, $repo: String!, $ref: String!) {
  repository(owner: $owner, name: $repo) { ref(qualifiedName: $ref) { target { oid } } }
}`;
const FILE_QUERY = `query($owner: String!, $repo: String!, $file: String!, $dir: String!) {
  repository(owner: $owner, name: $repo) {
    file: object(expression: $file) { __typename ... on Blob { text isBinary } }
    dir: object(expression: $dir) { ... on Tree { entries { name mode type } } }
  }
}`;
const COMMIT_MUTATION = `mutation($input: CreateCommitOnBranchInput!) {
  createCommitOnBranch(input: $input) { commit { oid url } }
}`;
/** GitHub answers a commit on a moved branch with this message. */
const STALE_HEAD = /expected branch to point to|but it did not|is at .* but expected|stale/i;
async function headOf(o, branch) {
    const answer = await o.client.graphql(HEAD_QUERY, {
        owner: o.owner,
        repo: o.repo,
        ref: `refs/heads/${branch}`,
    });
    if (!answer.repository)
        throw new _core_errors__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`Repository ${o.owner}/${o.repo} not found`);
    return answer.repository.ref?.target.oid;
}
/** Reads files at one commit through the API, refusing symbolic links. */
function apiReader(o, oid) {
    const cache = new Map();
    const read = async (path) => {
        const normal = (0,_core_repo_path__WEBPACK_IMPORTED_MODULE_3__/* .normalizeRepoPath */ .N)(path, 'file');
        const slash = normal.lastIndexOf('/');
        const answer = await o.client.graphql(FILE_QUERY, {
            owner: o.owner,
            repo: o.repo,
            file: `${oid}:${normal}`,
            dir: `${oid}:${slash < 0 ? '' : normal.slice(0, slash)}`,
        });
        const name = normal.slice(slash + 1);
        const entry = answer.repository.dir?.entries?.find((e) => e.name === name);
        if (entry && entry.mode === 0o120000) {
            throw new _core_errors__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`${normal} is a symbolic link; refusing a file that may lie outside the repository`, { file: normal });
        }
        const file = answer.repository.file;
        if (!file)
            return undefined;
        if (file.__typename !== 'Blob')
            throw new _core_errors__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`${normal} is not a file`, { file: normal });
        if (file.isBinary || typeof file.text !== 'string') {
            throw new _core_errors__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`${normal} is not text`, { file: normal });
        }
        return file.text;
    };
    return (path) => {
        let hit = cache.get(path);
        if (!hit) {
            hit = read(path);
            cache.set(path, hit);
        }
        return hit;
    };
}
/** A reader of the files at a branch's current head (dry runs). */
function apiReaderAt(o) {
    const options = { ...o, maxAttempts: 1, prepare: async () => undefined };
    let reader;
    return async (path) => {
        reader ??= headOf(options, o.branch).then((head) => {
            if (!head)
                throw new _core_errors__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`Branch "${o.branch}" does not exist in ${o.owner}/${o.repo}`);
            return apiReader(options, head);
        });
        return (await reader)(path);
    };
}
/** The repository's default branch. */
async function defaultBranch(o) {
    const answer = await o.client.graphql(`query($owner: String!, $repo: String!) {
      repository(owner: $owner, name: $repo) { defaultBranchRef { name } }
    }`, { owner: o.owner, repo: o.repo });
    const name = answer.repository?.defaultBranchRef?.name;
    if (!name)
        throw new _core_errors__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`Cannot read the default branch of ${o.owner}/${o.repo}; set branch`);
    return name;
}
async function setBranch(o, oid) {
    const ref = `heads/${o.branch}`;
    try {
        await o.client.rest.git.updateRef({ owner: o.owner, repo: o.repo, ref, sha: oid, force: true });
    }
    catch (error) {
        const status = error.status;
        if (status !== 404 && status !== 422)
            throw error;
        await o.client.rest.git.createRef({
            owner: o.owner,
            repo: o.repo,
            ref: `refs/${ref}`,
            sha: oid,
        });
    }
}
/** Points `o.branch` at `oid`; returns where it pointed before ({ oid: undefined }: it did not exist). */
async function resetBranch(o, oid) {
    const before = await headOf(o, o.branch);
    await setBranch(o, oid);
    return { oid: before };
}
const REPOSITORY_ID_QUERY = `query($owner: String!, $repo: String!) {
  repositoryId: repository(owner: $owner, name: $repo) { id }
}`;
const UPDATE_REFS_MUTATION = `mutation($input: UpdateRefsInput!) {
  updateRefs(input: $input) { clientMutationId }
}`;
/**
 * Puts a branch this action reset to `resetTo` back where it was (deletes it
 * when it did not exist), so that a failed commit leaves an open pull request
 * showing what it showed. Only if the branch is still at `resetTo`: GraphQL
 * updateRefs checks that and moves the branch in one step, so a commit
 * another run made there since is never thrown away (REST can only force).
 * A failure to restore is logged; the commit's error is the one reported.
 */
async function restoreBranch(o, resetTo, was, log) {
    try {
        const { repositoryId } = await o.client.graphql(REPOSITORY_ID_QUERY, { owner: o.owner, repo: o.repo });
        if (!repositoryId)
            throw new Error(`repository ${o.owner}/${o.repo} not found`);
        await o.client.graphql(UPDATE_REFS_MUTATION, {
            // GitHub answers a failed beforeOid check with its generic "Something
            // went wrong" error, which octokit's retry plugin takes for a timeout:
            // asking again cannot change the answer.
            request: { retries: 0 },
            input: {
                repositoryId: repositoryId.id,
                refUpdates: [
                    {
                        name: `refs/heads/${o.branch}`,
                        beforeOid: resetTo,
                        afterOid: was ?? _core_event_context__WEBPACK_IMPORTED_MODULE_2__/* .ZERO_SHA */ .g,
                        force: true,
                    },
                ],
            },
        });
        log(was
            ? `The commit failed: ${o.branch} is back at ${was.slice(0, 12)}, where it was.`
            : `The commit failed: ${o.branch}, created for it, is deleted again.`);
    }
    catch (error) {
        log(`The commit failed; ${o.branch} was left as it is, not put back ${was ? `at ${was.slice(0, 12)}` : '(deleted)'}: it has moved since this run reset it, or GitHub refused (${error instanceof Error ? error.message.split('\n')[0] : String(error)}).`);
    }
}
function splitMessage(message) {
    const [headline = '', ...rest] = message.replace(/\s+$/, '').split('\n');
    return { headline, body: rest.join('\n').replace(/^\n+/, '') };
}
/**
 * One commit through GraphQL `createCommitOnBranch` (signed by GitHub, shown
 * as Verified; no push credentials in the job). `expectedHeadOid` makes a
 * moved branch fail instead of being overwritten: then the files are read
 * again at the new head, the change recomputed, and the commit retried.
 */
async function commitViaApi(o) {
    const log = o.log ?? (() => { });
    const bounds = o.backoff ?? _core_backoff__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_BACKOFF */ .VU;
    const source = o.base ?? o.branch;
    for (let attempt = 1;; attempt++) {
        const head = await headOf(o, source);
        if (!head)
            throw new _core_errors__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`Branch "${source}" does not exist in ${o.owner}/${o.repo}`);
        const plan = await o.prepare(apiReader(o, head), attempt, head);
        if (!plan || plan.files.length === 0) {
            log(`Nothing to change at ${head.slice(0, 12)}.`);
            return { changed: false, commit: undefined, attempts: attempt, files: [] };
        }
        // A pull-request branch starts again from the base's head; where it was
        // is kept, to put it back if the commit fails.
        const was = o.base === undefined ? undefined : await resetBranch(o, head);
        const files = plan.files.map((f) => (0,_core_repo_path__WEBPACK_IMPORTED_MODULE_3__/* .normalizeRepoPath */ .N)(f.path, 'file'));
        try {
            const answer = await o.client.graphql(COMMIT_MUTATION, {
                input: {
                    branch: { repositoryNameWithOwner: `${o.owner}/${o.repo}`, branchName: o.branch },
                    message: splitMessage(plan.message),
                    expectedHeadOid: head,
                    fileChanges: {
                        additions: plan.files.map((f, i) => ({
                            path: files[i],
                            contents: Buffer.from(f.content, 'utf8').toString('base64'),
                        })),
                    },
                },
            });
            const commit = answer.createCommitOnBranch.commit.oid;
            log(`Committed ${commit.slice(0, 12)} to ${o.owner}/${o.repo}@${o.branch} through the API (attempt ${attempt}).`);
            return { changed: true, commit, attempts: attempt, files };
        }
        catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            if (!STALE_HEAD.test(message)) {
                // Ours to undo. (A stale head means another run moved the branch since
                // the reset: what it holds now is that run's, and is left alone.)
                if (was)
                    await restoreBranch(o, head, was.oid, log);
                throw error;
            }
            if (attempt >= o.maxAttempts) {
                throw new _core_errors__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`createCommitOnBranch on ${o.branch} failed ${attempt} times because the branch kept moving; nothing was committed. Raise max-attempts or queue the deploys with a concurrency group.`);
            }
            const wait = (0,_core_backoff__WEBPACK_IMPORTED_MODULE_0__/* .jitteredBackoffMs */ .sq)(attempt, bounds);
            log(`${o.branch} moved (${message.split('\n')[0]}); recomputing at the new head in ${wait} ms.`);
            await (0,_core_backoff__WEBPACK_IMPORTED_MODULE_0__/* .sleep */ .yy)(wait);
        }
    }
}


/***/ }),

/***/ 2742:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ withApiHint),
/* harmony export */   o: () => (/* binding */ apiUserError)
/* harmony export */ });
/* harmony import */ var _core_errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);

/**
 * A GitHub API refusal (403 without a permission, 404 of a repository the
 * token cannot see) is the user's to fix: one plain message saying what was
 * asked and which permission helps. Anything else stays a bug with its stack.
 */
function apiUserError(error, what, hint) {
    if (!(error instanceof Error))
        return error;
    const status = error.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
        return new _core_errors__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`${what}: GitHub answered ${status} (${error.message}). ${hint}`);
    }
    if (error.name === 'GraphqlResponseError') {
        return new _core_errors__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`${what}: ${error.message}. ${hint}`);
    }
    return error;
}
/** Runs an API call and turns a refusal into a UserError naming the permission. */
async function withApiHint(what, hint, call) {
    try {
        return await call();
    }
    catch (error) {
        throw apiUserError(error, what, hint);
    }
}


/***/ }),

/***/ 6557:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ createGitHubClient),
/* harmony export */   S: () => (/* binding */ parseRepository)
/* harmony export */ });
/* harmony import */ var _core_errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);

/**
 * The one GitHub API client of the library: REST and GraphQL through octokit,
 * with retries of 5xx answers and of primary and secondary rate limits, so a
 * run that promotes many services does not fail on a transient limit.
 */
async function createGitHubClient(options) {
    // Loaded on first use: a dry run or a plan without checks makes no request.
    const { octokitClient } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(239), __webpack_require__.e(665)]).then(__webpack_require__.bind(__webpack_require__, 8665));
    return octokitClient(options);
}
/** "owner/name" split, with an error that names where the value came from. */
function parseRepository(value, source = 'repository') {
    const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(value.trim());
    if (!match)
        throw new _core_errors__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`${source} must be "owner/name", got "${value}"`);
    return { owner: match[1], repo: match[2] };
}


/***/ }),

/***/ 8719:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Re: () => (/* binding */ checkoutRoot),
/* harmony export */   Sv: () => (/* binding */ repositorySlug),
/* harmony export */   i2: () => (/* binding */ describeCheckout),
/* harmony export */   iD: () => (/* binding */ checkedOutBranch),
/* harmony export */   wY: () => (/* binding */ cloneGitOpsRepo)
/* harmony export */ });
/* unused harmony exports cloneUrl, authEnv */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);
/* harmony import */ var _git__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7500);
/* harmony import */ var _runner__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1068);





/** `owner/name` -> a clone URL on the GitHub server; a URL or path is used as given. */
function cloneUrl(repository, serverUrl) {
    if (/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository)) {
        return `${serverUrl.replace(/\/$/, '')}/${repository}.git`;
    }
    return repository;
}
/** `minishop/gitops` from `https://github.com/minishop/gitops.git` or `/srv/minishop/gitops.git`. */
function repositorySlug(repository) {
    const match = /([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(repository);
    return match ? `${match[1]}/${match[2]}` : undefined;
}
/**
 * The token as git's `http.extraheader`, passed through GIT_CONFIG_* variables
 * for each command: it reaches git's memory, never .git/config or a URL. Only
 * for the GitHub server the token belongs to (GITHUB_SERVER_URL), as
 * actions/checkout does: a `repository` URL on another host gets no token.
 */
function authEnv(url, token, serverUrl) {
    if (!token || !/^https?:\/\//.test(url))
        return {};
    const origin = new URL(url).origin;
    if (origin !== new URL(serverUrl).origin)
        return {};
    const basic = Buffer.from(`x-access-token:${token}`).toString('base64');
    _runner__WEBPACK_IMPORTED_MODULE_4__/* .setSecret */ .Pq(basic);
    return {
        GIT_CONFIG_COUNT: '1',
        GIT_CONFIG_KEY_0: `http.${origin}/.extraheader`,
        GIT_CONFIG_VALUE_0: `AUTHORIZATION: basic ${basic}`,
    };
}
/** Clones a separate GitOps repository into RUNNER_TEMP (or `parent`). */
async function cloneGitOpsRepo(options) {
    const url = cloneUrl(options.repository, options.serverUrl);
    const env = authEnv(url, options.token, options.serverUrl);
    // git clones into an empty directory; mkdtemp makes one no other run has.
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(options.parent, { recursive: true });
    const dir = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(options.parent, 'gitops-'));
    const args = ['clone', '--quiet', '--no-tags', '--single-branch'];
    if (options.branch)
        args.push('--branch', options.branch);
    const cloned = await (0,_git__WEBPACK_IMPORTED_MODULE_3__/* .git */ .$Y)([...args, '--', url, dir], {
        cwd: options.parent,
        env,
        allowFailure: true,
    });
    if (cloned.code !== 0) {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(dir, { recursive: true, force: true });
        const reason = cloned.stderr.trim().split('\n').pop() ?? '';
        throw new _core_errors__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y(`Could not clone repository ${options.repository}: ${reason}`);
    }
    return { dir, env, slug: repositorySlug(options.repository), url };
}
/** The branch checked out in `dir`, if any. */
async function checkedOutBranch(dir, env = {}) {
    const out = await (0,_git__WEBPACK_IMPORTED_MODULE_3__/* .git */ .$Y)(['symbolic-ref', '--quiet', '--short', 'HEAD'], {
        cwd: dir,
        env,
        allowFailure: true,
    });
    return out.code === 0 ? out.stdout.trim() : undefined;
}
/**
 * Root, shallowness, HEAD and its branch in one git process (a plan's
 * start-up pays for each process). Undefined when git cannot answer all of
 * them (not a checkout, an unborn branch): callers then ask one at a time,
 * which also gives the precise error.
 */
async function describeCheckout(dir, env = {}) {
    const out = await (0,_git__WEBPACK_IMPORTED_MODULE_3__/* .git */ .$Y)([
        'rev-parse',
        '--show-toplevel',
        '--is-shallow-repository',
        'HEAD',
        '--symbolic-full-name',
        'HEAD',
    ], { cwd: dir, env, allowFailure: true });
    const [root, shallow, head, ref] = out.stdout.split('\n');
    const known = out.code === 0 && root && (shallow === 'true' || shallow === 'false');
    if (!known || !/^[0-9a-f]{40,64}$/.test(head ?? '') || !ref)
        return undefined;
    return {
        root,
        shallow: shallow === 'true',
        head: head,
        branch: ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined,
    };
}
/** The top of the git checkout at `dir`; UserError when it is none. */
async function checkoutRoot(dir) {
    try {
        return await (0,_git__WEBPACK_IMPORTED_MODULE_3__/* .gitOut */ .BQ)(['rev-parse', '--show-toplevel'], { cwd: dir });
    }
    catch {
        throw new _core_errors__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y(`${dir} is not a git checkout: run actions/checkout first, or set repository (and token)`);
    }
}


/***/ }),

/***/ 5766:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ commitAndPush)
/* harmony export */ });
/* unused harmony export commitReader */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_backoff__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3915);
/* harmony import */ var _core_errors__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4296);
/* harmony import */ var _core_repo_path__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6135);
/* harmony import */ var _exec__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9867);
/* harmony import */ var _git__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7500);
/* harmony import */ var _git_blobs__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1081);








const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** Every entry of a commit's tree, by path (one process for the whole tree). */
async function listTree(dir, commit, env) {
    const { stdout } = await (0,_git__WEBPACK_IMPORTED_MODULE_6__/* .git */ .$Y)(['ls-tree', '-r', '-z', '--full-tree', commit], { cwd: dir, env });
    const entries = new Map();
    for (const record of stdout.split('\0')) {
        if (record === '')
            continue;
        const tab = record.indexOf('\t');
        const [mode, type, object] = record.slice(0, tab).split(' ');
        entries.set(record.slice(tab + 1), { mode, type, object });
    }
    return entries;
}
/**
 * Reads files of one commit. Refuses what could leave the repository: a
 * symlink (also as a parent directory), a submodule, a path with `..`.
 */
function commitReader(entries, blobs) {
    const read = async (path) => {
        const normal = (0,_core_repo_path__WEBPACK_IMPORTED_MODULE_4__/* .normalizeRepoPath */ .N)(path, 'file');
        const parts = normal.split('/');
        for (let i = 1; i <= parts.length; i++) {
            const prefix = parts.slice(0, i).join('/');
            const entry = entries.get(prefix);
            if (entry?.mode === '120000') {
                throw new _core_errors__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .y(`${normal}: ${prefix} is a symbolic link; refusing a file that may lie outside the repository`, { file: normal });
            }
        }
        const entry = entries.get(normal);
        if (!entry)
            return undefined;
        if (entry.type !== 'blob') {
            throw new _core_errors__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .y(`${normal} is a ${entry.type}, not a file`, { file: normal });
        }
        const blob = await blobs.read(entry.object);
        if (!blob)
            throw new Error(`git object ${entry.object} for ${normal} is missing`);
        try {
            return UTF8.decode(blob);
        }
        catch {
            throw new _core_errors__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .y(`${normal} is not UTF-8 text`, { file: normal });
        }
    };
    return Object.assign(read, {
        entry: (path) => entries.get((0,_core_repo_path__WEBPACK_IMPORTED_MODULE_4__/* .normalizeRepoPath */ .N)(path, 'file')),
    });
}
/** Push failures that mean "someone else pushed first": fetch and try again. */
const RACE = /\[rejected\]|non-fast-forward|fetch first|stale info|cannot lock ref|failed to update ref|incorrect old value|failed to lock|reference already exists/i;
/** Builds a commit of `plan` on top of `parent` without touching the index or working tree. */
async function buildCommit(o, env, parent, entries, plan) {
    const gitDir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(o.dir, await (0,_git__WEBPACK_IMPORTED_MODULE_6__/* .gitOut */ .BQ)(['rev-parse', '--git-dir'], { cwd: o.dir, env }));
    const scratch = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(gitDir, 'minishop-commit-'));
    try {
        const indexEnv = { ...env, GIT_INDEX_FILE: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(scratch, 'index') };
        await (0,_git__WEBPACK_IMPORTED_MODULE_6__/* .git */ .$Y)(['read-tree', parent], { cwd: o.dir, env: indexEnv });
        // One hash-object for all files: written to scratch files first.
        const paths = plan.files.map((file, i) => {
            const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(scratch, 'blobs', String(i));
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path), { recursive: true });
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(path, file.content);
            return path;
        });
        const hashed = await (0,_git__WEBPACK_IMPORTED_MODULE_6__/* .gitOut */ .BQ)(['hash-object', '-w', '--no-filters', '--stdin-paths'], {
            cwd: o.dir,
            env,
            input: `${paths.join('\n')}\n`,
        });
        const objects = hashed.split('\n');
        const info = plan.files
            .map((file, i) => {
            const mode = entries.get(file.path)?.mode ?? '100644';
            return `${mode} ${objects[i]}\t${file.path}\0`;
        })
            .join('');
        await (0,_git__WEBPACK_IMPORTED_MODULE_6__/* .git */ .$Y)(['update-index', '-z', '--index-info'], { cwd: o.dir, env: indexEnv, input: info });
        const tree = await (0,_git__WEBPACK_IMPORTED_MODULE_6__/* .gitOut */ .BQ)(['write-tree'], { cwd: o.dir, env: indexEnv });
        const parentTree = await (0,_git__WEBPACK_IMPORTED_MODULE_6__/* .gitOut */ .BQ)(['rev-parse', `${parent}^{tree}`], { cwd: o.dir, env });
        if (tree === parentTree)
            return undefined;
        const identity = {
            GIT_AUTHOR_NAME: o.author.name,
            GIT_AUTHOR_EMAIL: o.author.email,
            GIT_COMMITTER_NAME: o.author.name,
            GIT_COMMITTER_EMAIL: o.author.email,
        };
        return await (0,_git__WEBPACK_IMPORTED_MODULE_6__/* .gitOut */ .BQ)(['commit-tree', tree, '-p', parent, '-F', '-'], {
            cwd: o.dir,
            env: { ...env, ...identity },
            input: plan.message,
        });
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(scratch, { recursive: true, force: true });
    }
}
async function resolveRef(dir, ref, env) {
    const out = await (0,_git__WEBPACK_IMPORTED_MODULE_6__/* .git */ .$Y)(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], {
        cwd: dir,
        env,
        allowFailure: true,
    });
    return out.code === 0 ? out.stdout.trim() : undefined;
}
/** The tip to compute from: the remote's branch (fetched now) or the local one. */
async function currentTip(o, env) {
    const remote = o.remote ?? 'origin';
    const base = o.base ?? o.branch;
    if (o.push) {
        const tracking = `refs/remotes/${remote}/${base}`;
        const fetched = await (0,_git__WEBPACK_IMPORTED_MODULE_6__/* .git */ .$Y)(['fetch', '--no-tags', '--quiet', remote, `+refs/heads/${base}:${tracking}`], { cwd: o.dir, env, allowFailure: true });
        if (fetched.code !== 0) {
            if (/couldn't find remote ref|not our ref/i.test(fetched.stderr)) {
                throw new _core_errors__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .y(`Branch "${base}" does not exist on ${remote}`);
            }
            throw new _exec__WEBPACK_IMPORTED_MODULE_5__/* .CommandError */ .Q('git', ['fetch', remote], fetched);
        }
        return (await resolveRef(o.dir, tracking, env));
    }
    const tip = (await resolveRef(o.dir, `refs/heads/${base}`, env)) ??
        (await resolveRef(o.dir, `refs/remotes/${remote}/${base}`, env));
    if (!tip)
        throw new _core_errors__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .y(`Branch "${base}" does not exist in ${o.dir}`);
    return tip;
}
/** Brings the checkout to the new commit when that is a fast-forward of what is checked out. */
async function syncCheckout(o, env, commit) {
    const log = o.log ?? (() => { });
    const head = await resolveRef(o.dir, 'HEAD', env);
    const symbolic = await (0,_git__WEBPACK_IMPORTED_MODULE_6__/* .git */ .$Y)(['symbolic-ref', '-q', 'HEAD'], {
        cwd: o.dir,
        env,
        allowFailure: true,
    });
    const onBranch = symbolic.code === 0 ? symbolic.stdout.trim() : undefined;
    const target = `refs/heads/${o.branch}`;
    const headFollows = onBranch === target || (onBranch === undefined && head !== undefined);
    if (head && headFollows) {
        const ff = await (0,_git__WEBPACK_IMPORTED_MODULE_6__/* .git */ .$Y)(['merge', '--ff-only', '--quiet', commit], {
            cwd: o.dir,
            env,
            allowFailure: true,
        });
        if (ff.code === 0)
            return;
        log(`The checkout in ${o.dir} was left as it was (not a fast-forward to ${commit.slice(0, 12)}).`);
        return;
    }
    // Another branch is checked out: move the local branch only when that is a fast-forward.
    const local = await resolveRef(o.dir, target, env);
    if (local === undefined)
        return;
    const ancestor = await (0,_git__WEBPACK_IMPORTED_MODULE_6__/* .git */ .$Y)(['merge-base', '--is-ancestor', local, commit], {
        cwd: o.dir,
        env,
        allowFailure: true,
    });
    if (ancestor.code === 0) {
        await (0,_git__WEBPACK_IMPORTED_MODULE_6__/* .git */ .$Y)(['update-ref', target, commit, local], { cwd: o.dir, env });
    }
}
/** push: false. The commit sits on the local branch tip; check it out when the branch is. */
async function advanceLocalBranch(o, env, commit) {
    const target = `refs/heads/${o.branch}`;
    const head = await (0,_git__WEBPACK_IMPORTED_MODULE_6__/* .git */ .$Y)(['symbolic-ref', '-q', 'HEAD'], { cwd: o.dir, env, allowFailure: true });
    if (head.stdout.trim() === target) {
        // Fails, changing nothing, when a local modification is in the way.
        await (0,_git__WEBPACK_IMPORTED_MODULE_6__/* .git */ .$Y)(['merge', '--ff-only', '--quiet', commit], { cwd: o.dir, env });
    }
    else {
        const local = (await resolveRef(o.dir, target, env)) ?? '';
        await (0,_git__WEBPACK_IMPORTED_MODULE_6__/* .git */ .$Y)(['update-ref', target, commit, local], { cwd: o.dir, env });
    }
}
/**
 * One commit of what `prepare` computes, pushed with retry: on a rejected
 * push (another pipeline pushed first) it fetches, calls `prepare` again on
 * the new tip and pushes again, at most `maxAttempts` times. The commit is
 * built from git objects, never from the working tree, so on failure the
 * working tree and local branch are as they were before, and nothing is pushed.
 */
async function commitAndPush(o) {
    const log = o.log ?? (() => { });
    const env = o.env ?? {};
    const remote = o.remote ?? 'origin';
    const bounds = o.backoff ?? _core_backoff__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_BACKOFF */ .VU;
    const maxAttempts = Math.max(1, o.maxAttempts);
    for (let attempt = 1;; attempt++) {
        const tip = await currentTip(o, env);
        const entries = await listTree(o.dir, tip, env);
        const blobs = new _git_blobs__WEBPACK_IMPORTED_MODULE_7__/* .BlobReader */ .n(o.dir, env);
        let plan;
        let commit;
        try {
            plan = await o.prepare(commitReader(entries, blobs), attempt, tip);
            if (plan && plan.files.length > 0) {
                for (const file of plan.files)
                    file.path = (0,_core_repo_path__WEBPACK_IMPORTED_MODULE_4__/* .normalizeRepoPath */ .N)(file.path, 'file');
                commit = await buildCommit(o, env, tip, entries, plan);
            }
        }
        finally {
            blobs.close();
        }
        if (!plan || !commit) {
            log(`Nothing to change at ${tip.slice(0, 12)}.`);
            return { changed: false, commit: undefined, attempts: attempt, files: [] };
        }
        const files = plan.files.map((f) => f.path);
        if (!o.push) {
            await advanceLocalBranch(o, env, commit);
            log(`Committed ${commit.slice(0, 12)} on ${o.branch} (not pushed).`);
            return { changed: true, commit, attempts: attempt, files };
        }
        const args = ['push', '--porcelain', remote, `${commit}:refs/heads/${o.branch}`];
        if (o.force)
            args.splice(1, 0, '--force');
        const pushed = await (0,_git__WEBPACK_IMPORTED_MODULE_6__/* .git */ .$Y)(args, { cwd: o.dir, env, allowFailure: true });
        if (pushed.code === 0) {
            log(`Pushed ${commit.slice(0, 12)} to ${remote}/${o.branch} (attempt ${attempt}).`);
            await syncCheckout(o, env, commit);
            return { changed: true, commit, attempts: attempt, files };
        }
        const output = `${pushed.stdout}\n${pushed.stderr}`;
        if (!RACE.test(output))
            throw new _exec__WEBPACK_IMPORTED_MODULE_5__/* .CommandError */ .Q('git', args, pushed);
        if (attempt >= maxAttempts) {
            throw new _core_errors__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .y(`Push to ${remote}/${o.branch} was rejected ${attempt} times because the branch kept moving; nothing was pushed. Raise max-attempts or queue the deploys with a concurrency group.`);
        }
        const wait = (0,_core_backoff__WEBPACK_IMPORTED_MODULE_2__/* .jitteredBackoffMs */ .sq)(attempt, bounds);
        log(`Push rejected (${o.branch} moved); recomputing at the new tip in ${wait} ms.`);
        await (0,_core_backoff__WEBPACK_IMPORTED_MODULE_2__/* .sleep */ .yy)(wait);
    }
}


/***/ })

};
