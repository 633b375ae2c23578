"use strict";
exports.id = 857;
exports.ids = [857];
exports.modules = {

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

/***/ 5574:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ formatKeyPath),
/* harmony export */   _: () => (/* binding */ parseKeyPath)
/* harmony export */ });
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);

/**
 * Parses `image.tag`, `containers[0].image`, `containers[name=app].image`,
 * `"app.kubernetes.io/name".value` and `labels["a.b"]`. Quotes (single or
 * double, `\` escapes inside double) let a key or a selector value contain
 * dots, brackets or `=`.
 */
function parseKeyPath(path) {
    const fail = (why) => {
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`Invalid key "${path}": ${why}`);
    };
    const segments = [];
    let i = 0;
    const readQuoted = () => {
        const quote = path[i];
        i++;
        let out = '';
        while (i < path.length && path[i] !== quote) {
            if (quote === '"' && path[i] === '\\' && i + 1 < path.length)
                i++;
            else if (quote === "'" && path[i] === "'" && path[i + 1] === "'")
                i++;
            out += path[i];
            i++;
        }
        if (i >= path.length)
            fail(`unterminated ${quote} quote`);
        i++;
        return out;
    };
    // A bare word ends at a character that has a meaning in the path syntax.
    const readBare = (stops) => {
        const start = i;
        while (i < path.length && !stops.includes(path[i]))
            i++;
        return path.slice(start, i).trim();
    };
    if (path.trim() === '')
        fail('it is empty');
    let expectKey = true;
    while (i < path.length) {
        const c = path[i];
        if (c === '[') {
            i++;
            if (path[i] === '"' || path[i] === "'") {
                segments.push({ kind: 'key', key: readQuoted() });
            }
            else {
                const word = readBare('=]');
                if (path[i] === '=') {
                    i++;
                    if (word === '')
                        fail('a selector needs a field name before "="');
                    const value = path[i] === '"' || path[i] === "'" ? readQuoted() : readBare(']');
                    segments.push({ kind: 'match', field: word, value });
                }
                else if (/^\d+$/.test(word)) {
                    segments.push({ kind: 'index', index: Number(word) });
                }
                else {
                    fail(`"[${word}]" is neither a list index nor a [field=value] selector`);
                }
            }
            if (path[i] !== ']')
                fail('missing "]"');
            i++;
            expectKey = false;
        }
        else if (c === '.') {
            if (expectKey)
                fail(`empty key before "." at position ${i + 1}`);
            i++;
            expectKey = true;
            if (i >= path.length)
                fail('it ends with "."');
        }
        else {
            if (!expectKey)
                fail(`expected "." or "[" at position ${i + 1}`);
            if (c === '"' || c === "'") {
                segments.push({ kind: 'key', key: readQuoted() });
            }
            else {
                const key = readBare('.[');
                if (key === '')
                    fail(`empty key at position ${i + 1}`);
                segments.push({ kind: 'key', key });
            }
            expectKey = false;
        }
    }
    return segments;
}
const BARE_KEY = /^[^.[\]"'=\s](?:[^.[\]"'=]*[^.[\]"'=\s])?$/;
function quote(text) {
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
/** The canonical text of a path: parseKeyPath(formatKeyPath(p)) equals p. */
function formatKeyPath(path) {
    let out = '';
    for (const segment of path) {
        if (segment.kind === 'index')
            out += `[${segment.index}]`;
        else if (segment.kind === 'match') {
            const value = /^[^\]"'\s](?:[^\]"']*[^\]"'\s])?$/.test(segment.value)
                ? segment.value
                : quote(segment.value);
            out += `[${segment.field}=${value}]`;
        }
        else {
            const key = BARE_KEY.test(segment.key) ? segment.key : quote(segment.key);
            out += out === '' ? key : `.${key}`;
        }
    }
    return out;
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

/***/ 1070:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  $: () => (/* binding */ readScalar),
  s: () => (/* binding */ setScalar)
});

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/key-path.ts
var key_path = __webpack_require__(5574);
// EXTERNAL MODULE: ./src/core/yaml-lib.ts
var yaml_lib = __webpack_require__(7014);
;// CONCATENATED MODULE: ./src/core/yaml-scan.ts
// The fast path of yaml-edit: a line scanner for the YAML that values files
// are made of (block mappings and lists, one-line scalars and flow
// collections, block scalars, comments). It follows a path of mapping keys
// and returns the exact range of the scalar it leads to, or that the path
// is absent. Anything outside that strict subset anywhere in the file
// (anchors, aliases, tags, multi-line plain or quoted scalars, document
// markers, tabs, CR, unusual keys) makes it answer undefined: "not sure",
// and the caller falls back to the full parser, which handles all of YAML
// and words every refusal. The scanner never refuses by itself. A
// differential test holds it to the full parser's answers.
//
// "Not sure" also covers some valid YAML the subset leaves out to stay
// simple: plain scalars starting with `?` or `:`, flow items starting with
// `-`, keys with spaces or outside [A-Za-z0-9_.$~+/@-], quoted keys on the
// path, explicit indentation indicators (`|2`), CRLF and non-BMP characters.
const UNSURE = Symbol('unsure');
// Characters every reader agrees on: no tab, CR, BOM, C0/C1 controls, NEL,
// line separators or surrogates (the last only to keep this simple).
const ODD_CHARACTER = /[^\n\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]/;
const DOUBLE_KEY = /"([^"\\\n]*)":(?= |\n|$)/y;
const SINGLE_KEY = /'((?:[^'\n]|'')*)':(?= |\n|$)/y;
/** A key that YAML 1.2 reads as exactly its source text (not a number, bool or null). */
const STRING_KEY = /^(?!(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$)[A-Za-z_][\w./-]*$/;
/** A plain scalar in a flow collection: no indicator first, no `:` or `#` at all. */
const FLOW_PLAIN = /[^\s,[\]{}#:"'&*!|>%@`?-][^,[\]{}#:\n]*/y;
/** Deeper than any values file nests; the parser's own limit depends on its stack. */
const MAX_DEPTH = 100;
const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DOUBLE = 34;
const SINGLE = 39;
const BACKSLASH = 92;
// The hot loops read character codes against these tables instead of
// running regular expressions: most of a values file is lines no path
// leads through, and every one of them is checked.
/** Characters a plain key may start with, and continue with (ASCII only). */
const KEY_START = table('A-Za-z0-9_.$~+/');
const KEY_PART = table('A-Za-z0-9_.$~+/@-');
/** What may follow `\` in a double-quoted scalar (x, u, U take hex digits). */
const ESCAPE = table('0abtnvfre "/\\N_LP');
function table(spec) {
    const t = new Uint8Array(128);
    for (let i = 0; i < spec.length; i++) {
        if (spec[i + 1] === '-' && i + 2 < spec.length) {
            for (let c = spec.charCodeAt(i); c <= spec.charCodeAt(i + 2); c++)
                t[c] = 1;
            i += 2;
        }
        else
            t[spec.charCodeAt(i)] = 1;
    }
    return t;
}
function isHex(c) {
    return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}
/** Only spaces, then maybe a comment, from `at` to the end of the line. */
function tailOk(text, at, lineEnd) {
    if (at === lineEnd)
        return true;
    if (text.charCodeAt(at) !== SPACE)
        return false;
    at = skipSpaces(text, at);
    return at === lineEnd || text.charCodeAt(at) === HASH;
}
// Results of the last quotedEnd and readValue calls, in module variables
// rather than objects, because they run for every line: each caller reads
// them right after the call, before anything else can overwrite them.
/** The last quoted scalar quotedEnd read had a `\` escape. */
let escaped = false;
/** The index after a one-line quoted scalar starting at `at`, or UNSURE. */
function quotedEnd(text, at, lineEnd) {
    const quote = text.charCodeAt(at);
    escaped = false;
    for (let i = at + 1; i < lineEnd; i++) {
        const c = text.charCodeAt(i);
        if (c === quote) {
            if (quote === SINGLE && text.charCodeAt(i + 1) === SINGLE)
                i++; // '' is a quote
            else
                return i + 1;
        }
        else if (c === BACKSLASH && quote === DOUBLE) {
            const e = text.charCodeAt(i + 1);
            const digits = e === 120 ? 2 : e === 117 ? 4 : e === 85 ? 8 : 0; // x u U
            if (digits === 0 && !(e < 128 && ESCAPE[e]))
                return UNSURE;
            for (let d = 0; d < digits; d++)
                if (!isHex(text.charCodeAt(i + 2 + d)))
                    return UNSURE;
            // \U above U+10FFFF is no character: the parser rejects the file.
            if (digits === 8 && Number.parseInt(text.slice(i + 2, i + 10), 16) > 0x10ffff)
                return UNSURE;
            i += 1 + digits;
            escaped = true;
        }
    }
    return UNSURE; // not closed on its line
}
/** The index of the `:` after a plain key starting at `at`, or -1. */
function plainKeyEnd(text, at, lineEnd) {
    const c = text.charCodeAt(at);
    if (!(c < 128 && KEY_START[c]))
        return -1;
    let i = at + 1;
    for (; i < lineEnd; i++) {
        const k = text.charCodeAt(i);
        if (!(k < 128 && KEY_PART[k]))
            break;
    }
    if (text.charCodeAt(i) !== COLON)
        return -1;
    return i + 1 === lineEnd || text.charCodeAt(i + 1) === SPACE ? i : -1;
}
/** A one-line flow collection starting at `at`; the index after it, or UNSURE. */
function flowCollection(text, at, lineEnd, depth = 0) {
    if (depth > 32)
        return UNSURE; // see MAX_DEPTH
    const close = text[at] === '{' ? '}' : ']';
    let i = skipSpaces(text, at + 1);
    if (text[i] === close)
        return i + 1;
    for (;;) {
        if (close === '}') {
            if (text[i] === '{' || text[i] === '[')
                return UNSURE; // a collection as a key
            const key = flowItem(text, i, lineEnd, depth);
            if (key === UNSURE || text[key] !== ':' || text[key + 1] !== ' ')
                return UNSURE;
            i = skipSpaces(text, key + 1);
        }
        const item = flowItem(text, i, lineEnd, depth);
        if (item === UNSURE)
            return UNSURE;
        i = skipSpaces(text, item);
        if (text[i] === ',') {
            i = skipSpaces(text, i + 1);
            if (text[i] === close)
                return i + 1;
            continue;
        }
        return text[i] === close ? i + 1 : UNSURE;
    }
}
function flowItem(text, at, lineEnd, depth) {
    const c = text.charCodeAt(at);
    if (c === 123 || c === 91)
        return flowCollection(text, at, lineEnd, depth + 1); // { [
    let end;
    if (c === DOUBLE || c === SINGLE) {
        const after = quotedEnd(text, at, lineEnd);
        if (after === UNSURE)
            return UNSURE;
        end = after;
    }
    else {
        FLOW_PLAIN.lastIndex = at;
        if (!FLOW_PLAIN.test(text))
            return UNSURE;
        end = FLOW_PLAIN.lastIndex;
    }
    while (text.charCodeAt(end - 1) === SPACE)
        end--;
    return end;
}
function skipSpaces(text, at) {
    while (text.charCodeAt(at) === 32)
        at++;
    return at;
}
/** What readValue found (see above: read right after the call). */
var Kind;
(function (Kind) {
    /** Nothing on the line: the value is below, or null. */
    Kind[Kind["Empty"] = 0] = "Empty";
    /** A one-line scalar at [valueStart, valueEnd). */
    Kind[Kind["Scalar"] = 1] = "Scalar";
    /** A flow collection, or a double-quoted scalar with escapes. */
    Kind[Kind["Other"] = 2] = "Other";
    /** A block scalar header: its lines follow. */
    Kind[Kind["Block"] = 3] = "Block";
})(Kind || (Kind = {}));
let kind = Kind.Empty;
let valueStart = 0;
let valueEnd = 0;
let valueStyle = 'plain';
/** Characters a plain scalar cannot start with here (YAML indicators). */
const PLAIN_START_BAD = table(',[]{}#&*!|>\'"%@`?:');
/**
 * Reads the value after a key's `: ` or a list's `- `, starting at `at` (not
 * a space), and checks the rest of its line. Sets kind and the value's
 * range; false when not sure.
 */
function readValue(text, at, lineEnd) {
    const c = text.charCodeAt(at);
    valueStart = at;
    if (at >= lineEnd || c === HASH) {
        kind = Kind.Empty;
        return true;
    }
    let end;
    if (c === DOUBLE || c === SINGLE) {
        const after = quotedEnd(text, at, lineEnd);
        if (after === UNSURE)
            return false;
        end = after;
        valueStyle = c === DOUBLE ? 'double' : 'single';
        // Escapes are valid, but the fast path does not decode them.
        kind = escaped ? Kind.Other : Kind.Scalar;
    }
    else if (c === 123 || c === 91) {
        // `{` or `[`
        const after = flowCollection(text, at, lineEnd);
        if (after === UNSURE)
            return false;
        end = after;
        kind = Kind.Other;
    }
    else if (c === 124 || c === 62) {
        // `|` or `>`, maybe a chomping indicator; an indentation indicator is not sure.
        end = at + 1;
        const chomp = text.charCodeAt(end);
        if (chomp === 43 || chomp === 45)
            end++;
        kind = Kind.Block;
    }
    else {
        // A plain scalar; `-` only when a number or word follows (not `- `).
        if (c < 128 && PLAIN_START_BAD[c])
            return false;
        if (c === 45 && (at + 1 === lineEnd || text.charCodeAt(at + 1) === SPACE))
            return false;
        end = lineEnd;
        for (let i = at + 1; i < lineEnd; i++) {
            const k = text.charCodeAt(i);
            if (k === SPACE && text.charCodeAt(i + 1) === HASH) {
                end = i;
                break;
            }
            // `: ` (or a final `:`) inside would make it a key.
            if (k === COLON && (i + 1 === lineEnd || text.charCodeAt(i + 1) === SPACE))
                return false;
        }
        while (text.charCodeAt(end - 1) === SPACE)
            end--;
        valueStyle = 'plain';
        kind = Kind.Scalar;
    }
    valueEnd = end;
    return tailOk(text, end, lineEnd);
}
/** The string the value readValue found spells. */
function scalarValue(text) {
    const source = text.slice(valueStart, valueEnd);
    if (valueStyle === 'plain')
        return source;
    const content = source.slice(1, -1);
    return valueStyle === 'single' ? content.replace(/''/g, "'") : content;
}
function isDash(text, at, lineEnd) {
    return text.charCodeAt(at) === 45 && (at + 1 === lineEnd || text.charCodeAt(at + 1) === SPACE);
}
/** The index of the `:` after a key starting at `at`, or -1. */
function keyEnd(text, at, lineEnd) {
    const colon = plainKeyEnd(text, at, lineEnd);
    if (colon !== -1)
        return colon;
    const c = text.charCodeAt(at);
    if (c !== DOUBLE && c !== SINGLE)
        return -1;
    const re = c === DOUBLE ? DOUBLE_KEY : SINGLE_KEY;
    re.lastIndex = at;
    return re.test(text) ? re.lastIndex - 1 : -1;
}
/**
 * Follows `keys` (mapping keys from the root) through `text`. Found: the
 * scalar's range and what it spells; not found: the path is absent (a
 * mapping on it lacks the next key, or holds null there). Undefined when the
 * text or the path leaves the subset this scanner is sure of.
 */
function scanScalar(text, keys) {
    if (keys.length === 0 || ODD_CHARACTER.test(text))
        return undefined;
    const result = scan(text, keys);
    return result === UNSURE ? undefined : result;
}
function scan(text, keys) {
    const levels = [];
    let rootSeen = false;
    let marked = false;
    let pending;
    let target;
    let pos = 0;
    const length = text.length;
    /**
     * A key line in mapping `level`: the key at `at`, its line from
     * `lineStart`. Returns where the line (or the block scalar it starts) ends.
     */
    const keyLine = (level, at, lineStart, lineEnd) => {
        const colon = keyEnd(text, at, lineEnd);
        if (colon === -1 || colon - at > 256)
            return UNSURE;
        let match = false;
        if (level.depth >= 0) {
            // On the path: only keys read as their own text, so matching is by text.
            const key = text.slice(at, colon);
            if (!STRING_KEY.test(key))
                return UNSURE;
            match = key === keys[level.depth];
            if (match) {
                if (level.matched)
                    return UNSURE; // a duplicate key on the path
                level.matched = true;
            }
        }
        if (!readValue(text, skipSpaces(text, colon + 1), lineEnd))
            return UNSURE;
        const last = match && level.depth === keys.length - 1;
        const column = at - lineStart;
        if (kind === Kind.Empty) {
            if (last)
                return UNSURE; // an empty (null) target
            pending = { indent: column, depth: match ? level.depth + 1 : -1, fromKey: true };
            return lineEnd;
        }
        if (match) {
            // Not a one-line scalar, or the path runs through a value.
            if (!last || kind !== Kind.Scalar)
                return UNSURE;
            const value = scalarValue(text);
            target = { found: true, start: valueStart, end: valueEnd, style: valueStyle, value };
        }
        return kind === Kind.Block ? blockScalar(text, lineEnd, column) : lineEnd;
    };
    while (pos < length) {
        let lineEnd = text.indexOf('\n', pos);
        if (lineEnd === -1)
            lineEnd = length;
        const first = skipSpaces(text, pos);
        const indent = first - pos;
        if (first === lineEnd || text.charCodeAt(first) === HASH) {
            pos = lineEnd + 1;
            continue;
        }
        if (!rootSeen && !marked && text.startsWith('---', pos) && tailOk(text, pos + 3, lineEnd)) {
            marked = true; // the document's start marker; anything more about documents is not sure
            pos = lineEnd + 1;
            continue;
        }
        const dash = isDash(text, first, lineEnd);
        // Open the value a previous `key:` or `-` left pending.
        if (pending) {
            const opener = pending;
            pending = undefined;
            if (indent > opener.indent || (indent === opener.indent && opener.fromKey && dash)) {
                if (dash && opener.depth >= 0)
                    return UNSURE; // a list where the path wants a mapping
                levels.push({
                    indent,
                    kind: dash ? 'seq' : 'map',
                    depth: dash ? -1 : opener.depth,
                    matched: false,
                    sameIndent: indent === opener.indent,
                });
            }
            // Otherwise the value was null; on the path, the path is absent.
        }
        while (levels.length > 0 && levels[levels.length - 1].indent > indent)
            levels.pop();
        // The parser gives up on very deep nesting (its stack is finite); so does this.
        if (levels.length > MAX_DEPTH)
            return UNSURE;
        if (levels.length === 0) {
            if (rootSeen)
                return UNSURE; // less indented than the root
            rootSeen = true;
            if (dash)
                return UNSURE; // a list at the root: no key path leads into it here
            levels.push({ indent, kind: 'map', depth: 0, matched: false, sameIndent: false });
        }
        let level = levels[levels.length - 1];
        if (level.indent !== indent)
            return UNSURE; // between two levels, or a continuation line
        if (level.kind === 'seq' && !dash) {
            // Back from a list written at its key's indentation.
            if (!level.sameIndent)
                return UNSURE;
            levels.pop();
            level = levels[levels.length - 1];
            if (level.kind !== 'map' || level.indent !== indent)
                return UNSURE;
        }
        let next;
        if (level.kind === 'map') {
            next = keyLine(level, first, pos, lineEnd);
        }
        else {
            // A list item: `-`, `- value`, `- key: value` (a mapping at the key's column).
            const at = skipSpaces(text, first + 1);
            if (at >= lineEnd || text.charCodeAt(at) === HASH) {
                if (!tailOk(text, first + 1, lineEnd))
                    return UNSURE;
                pending = { indent, depth: -1, fromKey: false };
                next = lineEnd;
            }
            else if (isDash(text, at, lineEnd)) {
                return UNSURE; // `- - x`
            }
            else if (keyEnd(text, at, lineEnd) !== -1) {
                const map = {
                    indent: at - pos,
                    kind: 'map',
                    depth: -1,
                    matched: false,
                    sameIndent: false,
                };
                levels.push(map);
                next = keyLine(map, at, pos, lineEnd);
            }
            else {
                if (!readValue(text, at, lineEnd))
                    return UNSURE;
                next = kind === Kind.Block ? blockScalar(text, lineEnd, indent) : lineEnd;
            }
        }
        if (next === UNSURE)
            return UNSURE;
        pos = next + 1;
    }
    // Not found: a mapping on the path lacks the next key or holds null there.
    return target ?? { found: false };
}
/**
 * Skips a block scalar's lines after its header line (ending at
 * `headerEnd`); `parent` is the indentation its lines must exceed. Returns
 * the end of its last line, or UNSURE when the lines are not plainly indented.
 */
function blockScalar(text, headerEnd, parent) {
    let content;
    let leadingBlank = 0;
    let end = headerEnd;
    let pos = headerEnd + 1;
    while (pos < text.length) {
        let lineEnd = text.indexOf('\n', pos);
        if (lineEnd === -1)
            lineEnd = text.length;
        const first = skipSpaces(text, pos);
        const indent = first - pos;
        if (first === lineEnd) {
            if (content === undefined)
                leadingBlank = Math.max(leadingBlank, indent);
        }
        else if (content === undefined) {
            if (indent <= parent)
                break;
            if (leadingBlank > indent)
                return UNSURE;
            content = indent;
        }
        else if (indent < content) {
            if (indent <= parent)
                break;
            return UNSURE;
        }
        end = lineEnd;
        pos = lineEnd + 1;
    }
    // Blank lines at the end belong to the scalar or to nothing: the next line starts after them.
    return end;
}

;// CONCATENATED MODULE: ./src/core/yaml-scalar-style.ts


// Type safety: Helm reads values with a YAML 1.1 parser (go-yaml), other tools
// with YAML 1.2. A string written plain must come back as the same string in
// both, or it is quoted.
//
// Every token written is read back. yaml-scan reads ordinary tokens (no
// escapes) by itself; the full parser, loaded only then, reads the rest.
/** Words that some YAML 1.1/1.2 resolver reads as a boolean or null. */
const SPECIAL_WORDS = /^(?:y|yes|n|no|true|false|on|off|null|nil|~|\.?inf|[-+]\.inf|\.?nan|<<|=)$/i;
/**
 * Numbers in any YAML version or resolver: ints and floats with `_`
 * separators (the `yaml` package's YAML 1.1 reads even `.` and `e4` as
 * floats), exponents (`7e12345`),
 * 0x/0o/0b and leading-zero octals, sexagesimals (`1:20`), and dates. With
 * SPECIAL_WORDS, this is the type check of a plain token yaml-scan reads,
 * and it stays on top of the parser's read-back too, because go-yaml
 * resolves a few forms the `yaml` package does not.
 */
const NUMBER_LIKE = [
    /^[-+]?(?:\.[\d_]*|[\d][\d_]*(?:\.[\d_]*)?)?(?:[eE][-+]?[\d_]+)?$/,
    /^[-+]?0(?:b[01_]+|x[\da-fA-F_]+|o[0-7_]+)$/i,
    /^[-+]?\d[\d_]*(?::[0-5]?\d)+(?:\.[\d_]*)?$/,
    /^\d{4}-\d{1,2}-\d{1,2}/,
];
/** Characters that cannot start a plain scalar, or make it mean something else. */
const BAD_START = /^[-?:,[\]{}#&*!|>'"%@`\s]/;
/** The scalar `token` is as the value of a block mapping key, or undefined when it is not one. */
function readBack(token, version) {
    const doc = (0,yaml_lib/* yaml */.oQ)().parseDocument(`k: ${token}\n`, { version, uniqueKeys: false });
    if (doc.errors.length > 0)
        return undefined;
    const node = doc.get('k', true);
    return (0,yaml_lib/* isScalar */.jn)(node) ? node : undefined;
}
function readsBackAs(text, version) {
    const node = readBack(text, version);
    return node?.type === 'PLAIN' ? node.value : Symbol('not plain');
}
/**
 * yaml-scan's reading of `token` as the value of a block mapping key: its
 * style and what it spells, when the token is exactly one scalar the scanner
 * is sure of. Those tokens hold no escapes, so a quoted one reads the same
 * in YAML 1.1 and 1.2; a plain one's type is the caller's to check.
 */
function scanToken(token) {
    const scanned = scanScalar(`k: ${token}\n`, ['k']);
    if (!scanned?.found || scanned.start !== 3 || scanned.end !== 3 + token.length)
        return undefined;
    return scanned;
}
/** The checks on a plain scalar's text alone: stricter than any resolver (see above). */
function plainStringShape(value, flow) {
    if (value === '' || value !== value.trim())
        return false;
    // Stricter than the spec: `-x`, `?x`, `:x` are legal plain, but not worth the risk.
    if (BAD_START.test(value))
        return false;
    // go-yaml (Helm) drops every `_` before it tries a number: `+_1` is 1 there.
    const bare = value.replace(/_/g, '');
    if (SPECIAL_WORDS.test(value) || NUMBER_LIKE.some((re) => re.test(value) || re.test(bare))) {
        return false;
    }
    // Control characters, line breaks, non-BMP oddities and YAML's own separators.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: exactly what is refused
    if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(value))
        return false;
    if (/: |:$| #|\t/.test(value))
        return false;
    // In `[...]` and `{...}`, go-yaml also ends a plain scalar at `?` and
    // refuses any `:` in one.
    if (flow && /[,[\]{}?:]/.test(value))
        return false;
    return true;
}
/**
 * True when `value` can be written as a plain (unquoted) scalar that every
 * YAML 1.1 and 1.2 reader reads back as exactly this string. `flow`: the
 * scalar sits inside `[...]` or `{...}`, where `,[]{}` end it.
 */
function isPlainSafe(value, flow) {
    // Memoized: a bump writes the same value into every file it touches, and
    // the read-back below parses twice.
    const memo = flow ? plainSafeInFlow : plainSafeInBlock;
    let safe = memo.get(value);
    if (safe === undefined) {
        if (memo.size >= MEMO_LIMIT)
            memo.clear();
        safe = checkPlainSafe(value, flow);
        memo.set(value, safe);
    }
    return safe;
}
const MEMO_LIMIT = 1000;
const plainSafeInBlock = new Map();
const plainSafeInFlow = new Map();
const tokenValues = new Map();
function checkPlainSafe(value, flow) {
    if (!plainStringShape(value, flow))
        return false;
    const scanned = scanToken(value);
    if (scanned)
        return scanned.style === 'plain' && scanned.value === value;
    return readsBackAs(value, '1.1') === value && readsBackAs(value, '1.2') === value;
}
/** A YAML double-quoted scalar; JSON's escapes are a subset of YAML's. */
function doubleQuoted(value) {
    return JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
/** A YAML single-quoted scalar, or undefined when one cannot carry the value. */
function singleQuoted(value) {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: single quotes have no escapes
    if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(value))
        return undefined;
    return `'${value.replace(/'/g, "''")}'`;
}
/**
 * The source text for `value`, keeping `previous` style where it is safe:
 * a quoted value stays quoted the same way; a plain one stays plain unless the
 * new value needs quotes (then double quotes, as Helm charts usually write).
 */
function renderScalar(value, previous, flow) {
    if (previous === 'single')
        return singleQuoted(value) ?? doubleQuoted(value);
    if (previous === 'double')
        return doubleQuoted(value);
    return isPlainSafe(value, flow) ? value : doubleQuoted(value);
}
/**
 * The string a one-line scalar token (as renderScalar writes it) reads as
 * in a block mapping under both YAML 1.1 and 1.2, or undefined when the two
 * disagree, it is not a string, or it does not parse alone. Memoized.
 */
function tokenValue(token) {
    if (tokenValues.has(token))
        return tokenValues.get(token);
    if (tokenValues.size >= MEMO_LIMIT)
        tokenValues.clear();
    let value;
    if (!/[\n\r]/.test(token)) {
        const scanned = scanToken(token);
        if (scanned && (scanned.style !== 'plain' || plainStringShape(scanned.value, false))) {
            value = scanned.value;
        }
        else {
            const read = (version) => {
                const node = readBack(token, version);
                return typeof node?.value === 'string' ? node.value : undefined;
            };
            const v12 = read('1.2');
            value = v12 !== undefined && read('1.1') === v12 ? v12 : undefined;
        }
    }
    tokenValues.set(token, value);
    return value;
}

;// CONCATENATED MODULE: ./src/core/yaml-edit.ts






// Lenient like Helm: duplicate keys are not a parse error (go-yaml v2 takes
// the last); an edit that would have to pick one of them is refused instead.
const PARSE_OPTIONS = { uniqueKeys: false, prettyErrors: false };
/** The CST of `text`, so that both YAML versions can be composed from one parse. */
function tokens(text, lines) {
    return [...new ((0,yaml_lib/* yaml */.oQ)().Parser)(lines.addNewLine).parse(text)];
}
/** What parseDocument does, from tokens: the first document, an error if there are more. */
function compose(tokens, text, version, keepSourceTokens = false) {
    let doc;
    for (const next of new ((0,yaml_lib/* yaml */.oQ)().Composer)({ ...PARSE_OPTIONS, version, keepSourceTokens }).compose(tokens, true, text.length)) {
        if (!doc)
            doc = next;
        else {
            const range = [next.range[0], next.range[1]];
            doc.errors.push(new ((0,yaml_lib/* yaml */.oQ)().YAMLParseError)(range, 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
            break;
        }
    }
    return doc;
}
// The last text parsed or verified, with its document: a file's edits and
// reads run one after another on the text the previous one produced, so each
// finds its document here instead of parsing the file again. Documents are
// never modified, only read.
let lastParsed;
function parse(text, file) {
    if (lastParsed && lastParsed.file === file && lastParsed.text === text)
        return lastParsed;
    const lines = new ((0,yaml_lib/* yaml */.oQ)().LineCounter)();
    const doc = compose(tokens(text, lines), text, '1.2');
    const error = doc.errors[0];
    if (error) {
        const offset = error.pos[0];
        const { line, col } = lines.linePos(offset);
        throw new errors/* UserError */.y(`${file}:${line}:${col}: not valid YAML: ${error.message.split('\n')[0]}`, {
            file,
            line,
            column: col,
        });
    }
    lastParsed = { doc, lines, text, file };
    return lastParsed;
}
function refuse(p, key, offset, why) {
    const where = offset === undefined ? undefined : p.lines.linePos(offset);
    const at = where ? `:${where.line}:${where.col}` : '';
    throw new errors/* UserError */.y(`${p.file}${at}: key "${key}": ${why}`, {
        file: p.file,
        line: where?.line,
        column: where?.col,
    });
}
function describe(node) {
    if ((0,yaml_lib/* isMap */.jh)(node))
        return 'a mapping';
    if ((0,yaml_lib/* isSeq */.oP)(node))
        return 'a list';
    if ((0,yaml_lib/* isAlias */.Vj)(node))
        return `an alias (*${node.source})`;
    if ((0,yaml_lib/* isScalar */.jn)(node))
        return `the scalar ${JSON.stringify(String(node.source ?? node.value))}`;
    return 'empty';
}
function keyMatches(key, wanted) {
    if (!(0,yaml_lib/* isScalar */.jn)(key))
        return false;
    return String(key.value) === wanted || key.source === wanted;
}
function isMergeKey(key) {
    return (0,yaml_lib/* isScalar */.jn)(key) && key.source === '<<' && key.type === 'PLAIN';
}
function anchorsInUse(p) {
    const used = new Set();
    if (!p.text.includes('*'))
        return used; // an alias is spelled *name
    (0,yaml_lib/* yaml */.oQ)().visit(p.doc, {
        Alias(_, node) {
            used.add(node.source);
        },
    });
    return used;
}
function locate(p, segments, key) {
    let node = p.doc.contents;
    let parentKey;
    let pair;
    let flow = false;
    const path = [];
    for (let i = 0; i < segments.length; i++) {
        const segment = segments[i];
        const here = (0,key_path/* formatKeyPath */.K)(segments.slice(0, i)) || 'the document';
        if ((0,yaml_lib/* isAlias */.Vj)(node)) {
            refuse(p, key, node.range?.[0], `the path runs through an alias (*${node.source}) at ${here}`);
        }
        if (node === null || node === undefined || ((0,yaml_lib/* isScalar */.jn)(node) && node.value === null)) {
            if (segment.kind === 'key') {
                return { found: false, missing: i, parent: node ?? null, parentKey, flow };
            }
            refuse(p, key, node?.range?.[0], `${here} is empty, not a list`);
        }
        path.push(node);
        if (segment.kind === 'key') {
            if (!(0,yaml_lib/* isMap */.jh)(node)) {
                refuse(p, key, node.range?.[0], `${here} is ${describe(node)}, not a mapping`);
            }
            flow ||= node.flow === true;
            const pairs = node.items.filter((item) => keyMatches(item.key, segment.key));
            if (pairs.length > 1) {
                const second = pairs[1].key;
                refuse(p, key, second.range?.[0], `"${segment.key}" appears more than once in ${here}`);
            }
            const found = pairs[0];
            if (!found) {
                const merge = node.items.find((item) => isMergeKey(item.key));
                if (merge) {
                    refuse(p, key, merge.key.range?.[0], `${here} takes keys from a merge (<<) of an alias; the path runs through an alias`);
                }
                return { found: false, missing: i, parent: node, parentKey, flow };
            }
            if ((0,yaml_lib/* isAlias */.Vj)(found.key))
                refuse(p, key, found.key.range?.[0], 'the key is an alias');
            parentKey = found.key;
            pair = found;
            node = found.value;
            if (node === null) {
                // `? key` with no value: an empty scalar right after the key.
                return { found: false, missing: i + 1, parent: null, parentKey, flow };
            }
        }
        else {
            if (!(0,yaml_lib/* isSeq */.oP)(node)) {
                refuse(p, key, node.range?.[0], `${here} is ${describe(node)}, not a list`);
            }
            flow ||= node.flow === true;
            pair = undefined;
            if (segment.kind === 'index') {
                if (segment.index >= node.items.length) {
                    refuse(p, key, node.range?.[0], `${here} has ${node.items.length} item(s), there is no [${segment.index}]`);
                }
                node = node.items[segment.index];
            }
            else {
                const matches = [];
                for (const item of node.items) {
                    if ((0,yaml_lib/* isAlias */.Vj)(item)) {
                        refuse(p, key, item.range?.[0], `the path runs through an alias (*${item.source})`);
                    }
                    if (!(0,yaml_lib/* isMap */.jh)(item))
                        continue;
                    const field = item.items.find((f) => keyMatches(f.key, segment.field));
                    if ((0,yaml_lib/* isAlias */.Vj)(field?.value)) {
                        refuse(p, key, field.value.range?.[0], `the path runs through an alias`);
                    }
                    if ((0,yaml_lib/* isScalar */.jn)(field?.value) && scalarText(field.value) === segment.value) {
                        matches.push(item);
                    }
                }
                if (matches.length > 1) {
                    refuse(p, key, node.range?.[0], `${matches.length} items of ${here} have ${segment.field}=${segment.value}`);
                }
                if (matches.length === 0) {
                    refuse(p, key, node.range?.[0], `no item of ${here} has ${segment.field}=${segment.value}`);
                }
                node = matches[0];
            }
        }
    }
    if ((0,yaml_lib/* isAlias */.Vj)(node)) {
        refuse(p, key, node.range?.[0], `the value is an alias (*${node.source}), not a scalar`);
    }
    if (!(0,yaml_lib/* isScalar */.jn)(node)) {
        refuse(p, key, node?.range?.[0], `the value is ${describe(node)}, not a scalar`);
    }
    return { found: true, node, pair, flow, path };
}
/** A scalar as the string the file spells it (plain: its source text, as written). */
function scalarText(node) {
    if (node.type === 'PLAIN' || node.type === undefined) {
        return node.source ?? (node.value === null ? '' : String(node.value));
    }
    return String(node.value);
}
/**
 * The fast path's answer for a path of mapping keys (see yaml-scan), or
 * undefined when the full parser must answer.
 */
function yaml_edit_scan(text, segments) {
    if (!segments.every((s) => s.kind === 'key'))
        return undefined;
    return scanScalar(text, segments.map((s) => s.key));
}
function readScalar(text, key, file) {
    const segments = (0,key_path/* parseKeyPath */._)(key);
    const scanned = yaml_edit_scan(text, segments);
    if (scanned)
        return scanned.found ? scanned.value : undefined;
    const p = parse(text, file);
    const located = locate(p, segments, key);
    return located.found ? scalarText(located.node) : undefined;
}
function styleOf(node) {
    if (node.type === 'QUOTE_SINGLE')
        return 'single';
    if (node.type === 'QUOTE_DOUBLE')
        return 'double';
    if (node.type === 'PLAIN')
        return 'plain';
    return 'double'; // a block scalar becomes a one-line double-quoted one
}
/** The scalar already says `value`, and every YAML reader agrees. */
function alreadySet(node, value, flow) {
    if (typeof node.value !== 'string' || node.value !== value)
        return false;
    if (node.type === 'PLAIN')
        return isPlainSafe(value, flow);
    return node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
}
function lineBreak(text) {
    return text.includes('\r\n') ? '\r\n' : '\n';
}
function renderKey(key) {
    return isPlainSafe(key, false) ? key : doubleQuoted(key);
}
/** Replaces an existing scalar's bytes: nothing before or after it moves. */
function replaceScalar(text, node, value, flow) {
    const [start, end] = node.range;
    let rendered = renderScalar(value, styleOf(node), flow);
    let stop = end;
    if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
        // The block's range runs to its final line break: keep that break.
        const tail = /\r?\n$/.exec(text.slice(start, end));
        if (tail)
            stop = end - tail[0].length;
    }
    else if (start === end) {
        // `tag:` with no value, maybe a comment after it: keep both separated.
        if (start > 0 && !/[\s[{,]/.test(text[start - 1]))
            rendered = ` ${rendered}`;
        if (text[start] === '#')
            rendered = `${rendered} `;
    }
    return text.slice(0, start) + rendered + text.slice(stop);
}
function lineStart(text, offset) {
    return text.lastIndexOf('\n', offset - 1) + 1;
}
/** Text for the keys `keys` (nested) ending in `value`, as block lines at `indent`. */
function blockLines(keys, value, indent, eol) {
    return keys
        .map((k, i) => {
        const pad = ' '.repeat(indent + 2 * i);
        return i === keys.length - 1
            ? `${pad}${renderKey(k)}: ${renderScalar(value, 'plain', false)}`
            : `${pad}${renderKey(k)}:`;
    })
        .join(eol);
}
function flowText(keys, value) {
    const [first, ...rest] = keys;
    const inner = rest.length === 0 ? renderScalar(value, 'plain', true) : `{${flowText(rest, value)}}`;
    return `${renderKey(first)}: ${inner}`;
}
/** Inserts missing keys (all of kind 'key') below `parent`. */
function insertKeys(p, located, keys, value) {
    const { text } = p;
    const eol = lineBreak(text);
    const parent = located.parent;
    if ((0,yaml_lib/* isMap */.jh)(parent) && parent.flow) {
        const close = text.lastIndexOf('}', parent.range[1]);
        const before = text.slice(parent.range[0] + 1, close).trimEnd();
        const sep = parent.items.length === 0 || before.endsWith(',') ? '' : ', ';
        const at = parent.range[0] + 1 + before.length;
        return `${text.slice(0, at)}${sep}${flowText(keys, value)}${text.slice(at)}`;
    }
    let indent;
    let at;
    if ((0,yaml_lib/* isMap */.jh)(parent)) {
        const first = parent.items[0].key;
        indent = first.range[0] - lineStart(text, first.range[0]);
        const last = parent.items[parent.items.length - 1];
        const end = (last.value ?? last.key).range[1];
        at = text[end - 1] === '\n' ? end : text.indexOf('\n', end) + 1 || text.length;
    }
    else if (located.parentKey) {
        // `image:` with an empty value: the keys go on the lines below it.
        const keyStart = located.parentKey.range[0];
        indent = keyStart - lineStart(text, keyStart) + 2;
        const end = parent?.range?.[1] ?? located.parentKey.range[1];
        const nl = text.indexOf('\n', end);
        at = nl === -1 ? text.length : nl + 1;
    }
    else {
        // An empty document.
        indent = 0;
        at = text.length;
    }
    const lines = blockLines(keys, value, indent, eol);
    if (at === text.length && text !== '' && !text.endsWith('\n')) {
        return `${text}${eol}${lines}`; // keep the missing final newline missing
    }
    return `${text.slice(0, at)}${lines}${eol}${text.slice(at)}`;
}
/** The document's data with `segments` set to `value`: what an edit must produce. */
function expectedData(data, segments, value) {
    const copy = structuredClone(data);
    let holder;
    let slot;
    let node = copy;
    const root = { value: copy };
    holder = root;
    slot = 'value';
    for (const segment of segments) {
        if (node === null || node === undefined) {
            node = {};
            holder[slot] = node;
        }
        holder = node;
        if (segment.kind === 'key')
            slot = segment.key;
        else if (segment.kind === 'index')
            slot = segment.index;
        else {
            slot = node.findIndex((item) => item !== null &&
                typeof item === 'object' &&
                String(item[segment.field]) === segment.value);
        }
        node = holder[slot];
    }
    ;
    holder[slot] = value;
    return root.value;
}
/**
 * Byte-minimal, type-safe edit: only the value's bytes change. `change` is
 * undefined when the value is already there. UserError (file, key,
 * line/column) on every refusal; `create` allows missing keys at the end of
 * the path to be added (mappings only).
 */
function setScalar(text, key, value, options) {
    const { file } = options;
    const segments = (0,key_path/* parseKeyPath */._)(key);
    const scanned = yaml_edit_scan(text, segments);
    if (scanned?.found) {
        const edited = replaceScanned(text, scanned, value);
        if (edited !== undefined) {
            const change = edited === text ? undefined : { file, key, old: scanned.value, new: value };
            return { text: edited, change };
        }
    }
    const p = parse(text, file);
    const located = locate(p, segments, key);
    let next;
    let old;
    if (located.found) {
        const used = anchorsInUse(p);
        for (const node of [...located.path, located.node]) {
            if (node.anchor && used.has(node.anchor)) {
                refuse(p, key, node.range?.[0], `the value sits under the anchor &${node.anchor}, which an alias uses elsewhere; editing it would change that too`);
            }
        }
        old = scalarText(located.node);
        if (alreadySet(located.node, value, located.flow))
            return { text, change: undefined };
        next = replaceScalar(text, located.node, value, located.flow);
    }
    else {
        const rest = segments.slice(located.missing);
        const missing = (0,key_path/* formatKeyPath */.K)(segments.slice(0, located.missing + 1));
        if (!options.create) {
            refuse(p, key, undefined, `not found (no "${missing}"); set create: true to add it`);
        }
        if (rest.some((s) => s.kind !== 'key')) {
            refuse(p, key, undefined, `not found (no "${missing}"), and only mapping keys can be created`);
        }
        next = insertKeys(p, located, rest.map((s) => s.key), value);
    }
    verifyEdit(p, next, located, segments, key, value);
    return { text: next, change: { file, key, old, new: value } };
}
/**
 * The fast path's edit: the scanned scalar's bytes replaced by a one-line
 * token that reads back as `value` under YAML 1.1 and 1.2. The scanner
 * proved that the token's line holds nothing but key, scalar, spaces and a
 * comment, and such a token cannot reach past its own bytes (no line break,
 * no ` #` or `: ` when plain), so the rest of the document reads as before.
 * Undefined (use the full path) if the token does not read back.
 */
function replaceScanned(text, scanned, value) {
    const already = scanned.value === value && (scanned.style !== 'plain' || isPlainSafe(value, false));
    if (already)
        return text;
    const token = renderScalar(value, scanned.style, false);
    if (tokenValue(token) !== value)
        return undefined;
    return text.slice(0, scanned.start) + token + text.slice(scanned.end);
}
/**
 * Re-parses the edited text and reads the value back, under YAML 1.2 and 1.1
 * (Helm), and checks that nothing else in the data changed. A failure here is
 * a bug in the edit, never something to commit.
 */
function verifyEdit(before, after, located, segments, key, value) {
    const { file } = before;
    const bug = (why) => {
        throw new Error(`Read-back of ${file} key "${key}" after the edit failed: ${why}`);
    };
    // One parse of the text; YAML 1.2 is composed from its tokens, 1.1 too
    // unless the edited scalar alone settles it (see readsUnder11).
    const lines = new ((0,yaml_lib/* yaml */.oQ)().LineCounter)();
    const cst = tokens(after, lines);
    const doc = compose(cst, after, '1.2', true);
    if (doc.errors.length > 0)
        bug(`the result does not parse (${doc.errors[0].message})`);
    const edited = { doc, lines, text: after, file };
    const got = locate(edited, segments, key);
    if (!got.found || got.node.value !== value) {
        bug(`YAML 1.2 reads ${got.found ? JSON.stringify(got.node.value) : 'nothing'}`);
    }
    const node = got.node;
    if (readsUnder11(node, after) !== value) {
        const doc11 = compose(cst, after, '1.1');
        if (doc11.errors.length > 0)
            bug(`the result does not parse (${doc11.errors[0].message})`);
        const got11 = locate({ doc: doc11, lines, text: after, file }, segments, key);
        if (!got11.found || got11.node.value !== value) {
            bug(`YAML 1.1 reads ${got11.found ? JSON.stringify(got11.node.value) : 'nothing'}`);
        }
    }
    if (located.found) {
        // A replaced scalar: the document must be the same tree, node for node,
        // apart from that scalar (which reads `value`, checked above). Same trees
        // mean the same data, without converting either document.
        if (!sameTree(before.doc.contents, doc.contents, located.node, node)) {
            bug('other data in the file changed');
        }
    }
    else if (!(0,external_node_util_.isDeepStrictEqual)(edited.doc.toJS(), expectedData(before.doc.toJS(), segments, value))) {
        bug('other data in the file changed');
    }
    lastParsed = edited;
}
/**
 * What YAML 1.1 (Helm) reads for `node` of the 1.2 document. Both versions
 * share the tokens, and an untagged scalar's value follows from its own token
 * and the schema alone, so its token is composed by itself; undefined (the
 * whole document is composed instead) when tags or directives could matter.
 */
function readsUnder11(node, text) {
    const token = node.srcToken;
    if (node.tag !== undefined || !token || text.includes('!') || /^%/m.test(text))
        return undefined;
    if (!['scalar', 'single-quoted-scalar', 'double-quoted-scalar'].includes(token.type))
        return undefined;
    const doc = compose([{ type: 'document', offset: token.offset, start: [], value: token }], text, '1.1');
    return doc.errors.length === 0 && (0,yaml_lib/* isScalar */.jn)(doc.contents) ? doc.contents.value : undefined;
}
/** The same YAML tree (values, tags, anchors, aliases), except `a`'s node `skipA` is `b`'s `skipB`. */
function sameTree(a, b, skipA, skipB) {
    if (a === skipA || b === skipB)
        return a === skipA && b === skipB;
    if (a === null || a === undefined || b === null || b === undefined)
        return a === b;
    if ((0,yaml_lib/* isScalar */.jn)(a)) {
        return ((0,yaml_lib/* isScalar */.jn)(b) &&
            a.tag === b.tag &&
            a.anchor === b.anchor &&
            (Object.is(a.value, b.value) || (0,external_node_util_.isDeepStrictEqual)(a.value, b.value)));
    }
    if ((0,yaml_lib/* isAlias */.Vj)(a))
        return (0,yaml_lib/* isAlias */.Vj)(b) && a.source === b.source;
    if ((0,yaml_lib/* isMap */.jh)(a)) {
        return ((0,yaml_lib/* isMap */.jh)(b) &&
            a.tag === b.tag &&
            a.anchor === b.anchor &&
            a.items.length === b.items.length &&
            a.items.every((pair, i) => {
                const other = b.items[i];
                return (sameTree(pair.key, other.key, skipA, skipB) &&
                    sameTree(pair.value, other.value, skipA, skipB));
            }));
    }
    if ((0,yaml_lib/* isSeq */.oP)(a)) {
        return ((0,yaml_lib/* isSeq */.oP)(b) &&
            a.tag === b.tag &&
            a.anchor === b.anchor &&
            a.items.length === b.items.length &&
            a.items.every((item, i) => sameTree(item, b.items[i], skipA, skipB)));
    }
    return false;
}


/***/ }),

/***/ 7014:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vj: () => (/* binding */ isAlias),
/* harmony export */   jh: () => (/* binding */ isMap),
/* harmony export */   jn: () => (/* binding */ isScalar),
/* harmony export */   oP: () => (/* binding */ isSeq),
/* harmony export */   oQ: () => (/* binding */ yaml)
/* harmony export */ });
/* unused harmony export isNode */
// The `yaml` package, loaded on first use. Values files that yaml-scan
// understands are read and edited without it, so a run over ordinary files
// never evaluates the full parser (about 110 KB of code; loading it alone
// measured about 9 ms). Code that needs the parser calls yaml() or the
// guards below; files import only types from 'yaml' itself.
let lib;
/** The `yaml` module. */
function yaml() {
    // A CommonJS require: ncc bundles the package as usual, but evaluates it
    // only when this first runs. (A static import is evaluated at start-up;
    // a dynamic import() would make every caller async.)
    lib ??= __webpack_require__(8815);
    return lib;
}
// The node guards, as yaml's own (there are nodes only once yaml is loaded).
const isAlias = (node) => yaml().isAlias(node);
const isMap = (node) => yaml().isMap(node);
const isScalar = (node) => yaml().isScalar(node);
const isSeq = (node) => yaml().isSeq(node);
const isNode = (node) => yaml().isNode(node);


/***/ }),

/***/ 9867:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ CommandError),
/* harmony export */   e: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


// @actions/exec (with @actions/io, child_process and assert) is loaded by the
// first command: a dry run that runs none does not pay for it.
const loadExec = () => __webpack_require__.e(/* import() */ 955).then(__webpack_require__.bind(__webpack_require__, 1955));
class CommandError extends Error {
    command;
    args;
    result;
    constructor(command, args, result) {
        const detail = (result.stderr.trim() || result.stdout.trim()).split('\n').slice(-20).join('\n');
        super(`${command} ${args[0] ?? ''} failed with exit code ${result.code}${detail ? `:\n${detail}` : ''}`);
        this.command = command;
        this.args = args;
        this.result = result;
        this.name = 'CommandError';
    }
}
// Where each command is on PATH, looked up once per PATH. Given a bare name,
// @actions/exec stats it in every PATH directory, one asynchronous stat
// after another, on every call (a runner's PATH has about fifteen), and an
// action runs git several times. The lookup finds what io.which finds (the
// first executable file in PATH order) with synchronous stats that raise no
// error for a missing file; io.which itself answers where that does not
// apply (Windows) and words the error when nothing is found. A failed
// lookup is not kept, so a tool installed later is found.
const located = new Map();
function locate(command) {
    if (command.includes('/'))
        return Promise.resolve(command);
    const key = `${process.env.PATH ?? ''}\0${command}`;
    let path = located.get(key);
    if (!path) {
        const found = process.platform === 'win32' ? undefined : firstOnPath(command);
        path = found
            ? Promise.resolve(found)
            : __webpack_require__.e(/* import() */ 701).then(__webpack_require__.bind(__webpack_require__, 8701)).then(({ which }) => which(command, true));
        path.catch(() => located.delete(key));
        located.set(key, path);
    }
    return path;
}
/** @actions/io's test for an executable file on Unix. */
function isExecutable(stats) {
    return ((stats.mode & 1) > 0 ||
        ((stats.mode & 8) > 0 && stats.gid === process.getgid?.()) ||
        ((stats.mode & 64) > 0 && stats.uid === process.getuid?.()));
}
function firstOnPath(command) {
    for (const dir of (process.env.PATH ?? '').split(node_path__WEBPACK_IMPORTED_MODULE_1__.delimiter)) {
        if (!dir)
            continue;
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, command);
        try {
            const stats = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path, { throwIfNoEntry: false });
            if (stats?.isFile() && isExecutable(stats))
                return path;
        }
        catch {
            // Not a directory, no permission: not here, as for io.which.
        }
    }
    return undefined;
}
/**
 * Runs a program with an argument array: no shell ever sees an input.
 * Every external command of this library goes through here.
 */
async function run(command, args, options = {}) {
    const exec = await loadExec();
    const result = await exec.getExecOutput(await locate(command), [...args], {
        cwd: options.cwd,
        env: options.env ? { ...process.env, ...options.env } : undefined,
        input: options.input === undefined ? undefined : Buffer.from(options.input),
        silent: options.silent ?? true,
        ignoreReturnCode: true,
    });
    const out = { code: result.exitCode, stdout: result.stdout, stderr: result.stderr };
    if (out.code !== 0 && !options.allowFailure)
        throw new CommandError(command, args, out);
    return out;
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
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
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
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(options.parent, `gitops-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}`);
    const args = ['clone', '--quiet', '--no-tags', '--single-branch'];
    if (options.branch)
        args.push('--branch', options.branch);
    const cloned = await (0,_git__WEBPACK_IMPORTED_MODULE_3__/* .git */ .$Y)([...args, '--', url, dir], {
        cwd: options.parent,
        env,
        allowFailure: true,
    });
    if (cloned.code !== 0) {
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
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _core_backoff__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3915);
/* harmony import */ var _core_errors__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4296);
/* harmony import */ var _core_repo_path__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6135);
/* harmony import */ var _exec__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9867);
/* harmony import */ var _git__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7500);
/* harmony import */ var _git_blobs__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(1081);









const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** Every entry of a commit's tree, by path (one process for the whole tree). */
async function listTree(dir, commit, env) {
    const { stdout } = await (0,_git__WEBPACK_IMPORTED_MODULE_7__/* .git */ .$Y)(['ls-tree', '-r', '-z', '--full-tree', commit], { cwd: dir, env });
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
        const normal = (0,_core_repo_path__WEBPACK_IMPORTED_MODULE_5__/* .normalizeRepoPath */ .N)(path, 'file');
        const parts = normal.split('/');
        for (let i = 1; i <= parts.length; i++) {
            const prefix = parts.slice(0, i).join('/');
            const entry = entries.get(prefix);
            if (entry?.mode === '120000') {
                throw new _core_errors__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .y(`${normal}: ${prefix} is a symbolic link; refusing a file that may lie outside the repository`, { file: normal });
            }
        }
        const entry = entries.get(normal);
        if (!entry)
            return undefined;
        if (entry.type !== 'blob') {
            throw new _core_errors__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .y(`${normal} is a ${entry.type}, not a file`, { file: normal });
        }
        const blob = await blobs.read(entry.object);
        if (!blob)
            throw new Error(`git object ${entry.object} for ${normal} is missing`);
        try {
            return UTF8.decode(blob);
        }
        catch {
            throw new _core_errors__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .y(`${normal} is not UTF-8 text`, { file: normal });
        }
    };
    return Object.assign(read, {
        entry: (path) => entries.get((0,_core_repo_path__WEBPACK_IMPORTED_MODULE_5__/* .normalizeRepoPath */ .N)(path, 'file')),
    });
}
/** Push failures that mean "someone else pushed first": fetch and try again. */
const RACE = /\[rejected\]|non-fast-forward|fetch first|stale info|cannot lock ref|failed to update ref|incorrect old value|failed to lock|reference already exists/i;
/** Builds a commit of `plan` on top of `parent` without touching the index or working tree. */
async function buildCommit(o, env, parent, entries, plan) {
    const gitDir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(o.dir, await (0,_git__WEBPACK_IMPORTED_MODULE_7__/* .gitOut */ .BQ)(['rev-parse', '--git-dir'], { cwd: o.dir, env }));
    const scratch = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(gitDir, `minishop-commit-${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}`);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)(scratch, { recursive: true });
    try {
        const indexEnv = { ...env, GIT_INDEX_FILE: (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(scratch, 'index') };
        await (0,_git__WEBPACK_IMPORTED_MODULE_7__/* .git */ .$Y)(['read-tree', parent], { cwd: o.dir, env: indexEnv });
        // One hash-object for all files: written to scratch files first.
        const paths = plan.files.map((file, i) => {
            const path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(scratch, 'blobs', String(i));
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(path), { recursive: true });
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(path, file.content);
            return path;
        });
        const hashed = await (0,_git__WEBPACK_IMPORTED_MODULE_7__/* .gitOut */ .BQ)(['hash-object', '-w', '--no-filters', '--stdin-paths'], {
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
        await (0,_git__WEBPACK_IMPORTED_MODULE_7__/* .git */ .$Y)(['update-index', '-z', '--index-info'], { cwd: o.dir, env: indexEnv, input: info });
        const tree = await (0,_git__WEBPACK_IMPORTED_MODULE_7__/* .gitOut */ .BQ)(['write-tree'], { cwd: o.dir, env: indexEnv });
        const parentTree = await (0,_git__WEBPACK_IMPORTED_MODULE_7__/* .gitOut */ .BQ)(['rev-parse', `${parent}^{tree}`], { cwd: o.dir, env });
        if (tree === parentTree)
            return undefined;
        const identity = {
            GIT_AUTHOR_NAME: o.author.name,
            GIT_AUTHOR_EMAIL: o.author.email,
            GIT_COMMITTER_NAME: o.author.name,
            GIT_COMMITTER_EMAIL: o.author.email,
        };
        return await (0,_git__WEBPACK_IMPORTED_MODULE_7__/* .gitOut */ .BQ)(['commit-tree', tree, '-p', parent, '-F', '-'], {
            cwd: o.dir,
            env: { ...env, ...identity },
            input: plan.message,
        });
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(scratch, { recursive: true, force: true });
    }
}
async function resolveRef(dir, ref, env) {
    const out = await (0,_git__WEBPACK_IMPORTED_MODULE_7__/* .git */ .$Y)(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], {
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
        const fetched = await (0,_git__WEBPACK_IMPORTED_MODULE_7__/* .git */ .$Y)(['fetch', '--no-tags', '--quiet', remote, `+refs/heads/${base}:${tracking}`], { cwd: o.dir, env, allowFailure: true });
        if (fetched.code !== 0) {
            if (/couldn't find remote ref|not our ref/i.test(fetched.stderr)) {
                throw new _core_errors__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .y(`Branch "${base}" does not exist on ${remote}`);
            }
            throw new _exec__WEBPACK_IMPORTED_MODULE_6__/* .CommandError */ .Q('git', ['fetch', remote], fetched);
        }
        return (await resolveRef(o.dir, tracking, env));
    }
    const tip = (await resolveRef(o.dir, `refs/heads/${base}`, env)) ??
        (await resolveRef(o.dir, `refs/remotes/${remote}/${base}`, env));
    if (!tip)
        throw new _core_errors__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .y(`Branch "${base}" does not exist in ${o.dir}`);
    return tip;
}
/** Brings the checkout to the new commit when that is a fast-forward of what is checked out. */
async function syncCheckout(o, env, commit) {
    const log = o.log ?? (() => { });
    const head = await resolveRef(o.dir, 'HEAD', env);
    const symbolic = await (0,_git__WEBPACK_IMPORTED_MODULE_7__/* .git */ .$Y)(['symbolic-ref', '-q', 'HEAD'], {
        cwd: o.dir,
        env,
        allowFailure: true,
    });
    const onBranch = symbolic.code === 0 ? symbolic.stdout.trim() : undefined;
    const target = `refs/heads/${o.branch}`;
    const headFollows = onBranch === target || (onBranch === undefined && head !== undefined);
    if (head && headFollows) {
        const ff = await (0,_git__WEBPACK_IMPORTED_MODULE_7__/* .git */ .$Y)(['merge', '--ff-only', '--quiet', commit], {
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
    const ancestor = await (0,_git__WEBPACK_IMPORTED_MODULE_7__/* .git */ .$Y)(['merge-base', '--is-ancestor', local, commit], {
        cwd: o.dir,
        env,
        allowFailure: true,
    });
    if (ancestor.code === 0) {
        await (0,_git__WEBPACK_IMPORTED_MODULE_7__/* .git */ .$Y)(['update-ref', target, commit, local], { cwd: o.dir, env });
    }
}
/** push: false. The commit sits on the local branch tip; check it out when the branch is. */
async function advanceLocalBranch(o, env, commit) {
    const target = `refs/heads/${o.branch}`;
    const head = await (0,_git__WEBPACK_IMPORTED_MODULE_7__/* .git */ .$Y)(['symbolic-ref', '-q', 'HEAD'], { cwd: o.dir, env, allowFailure: true });
    if (head.stdout.trim() === target) {
        // Fails, changing nothing, when a local modification is in the way.
        await (0,_git__WEBPACK_IMPORTED_MODULE_7__/* .git */ .$Y)(['merge', '--ff-only', '--quiet', commit], { cwd: o.dir, env });
    }
    else {
        const local = (await resolveRef(o.dir, target, env)) ?? '';
        await (0,_git__WEBPACK_IMPORTED_MODULE_7__/* .git */ .$Y)(['update-ref', target, commit, local], { cwd: o.dir, env });
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
    const bounds = o.backoff ?? _core_backoff__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_BACKOFF */ .VU;
    const maxAttempts = Math.max(1, o.maxAttempts);
    for (let attempt = 1;; attempt++) {
        const tip = await currentTip(o, env);
        const entries = await listTree(o.dir, tip, env);
        const blobs = new _git_blobs__WEBPACK_IMPORTED_MODULE_8__/* .BlobReader */ .n(o.dir, env);
        let plan;
        let commit;
        try {
            plan = await o.prepare(commitReader(entries, blobs), attempt, tip);
            if (plan && plan.files.length > 0) {
                for (const file of plan.files)
                    file.path = (0,_core_repo_path__WEBPACK_IMPORTED_MODULE_5__/* .normalizeRepoPath */ .N)(file.path, 'file');
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
        const pushed = await (0,_git__WEBPACK_IMPORTED_MODULE_7__/* .git */ .$Y)(args, { cwd: o.dir, env, allowFailure: true });
        if (pushed.code === 0) {
            log(`Pushed ${commit.slice(0, 12)} to ${remote}/${o.branch} (attempt ${attempt}).`);
            await syncCheckout(o, env, commit);
            return { changed: true, commit, attempts: attempt, files };
        }
        const output = `${pushed.stdout}\n${pushed.stderr}`;
        if (!RACE.test(output))
            throw new _exec__WEBPACK_IMPORTED_MODULE_6__/* .CommandError */ .Q('git', args, pushed);
        if (attempt >= maxAttempts) {
            throw new _core_errors__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .y(`Push to ${remote}/${o.branch} was rejected ${attempt} times because the branch kept moving; nothing was pushed. Raise max-attempts or queue the deploys with a concurrency group.`);
        }
        const wait = (0,_core_backoff__WEBPACK_IMPORTED_MODULE_3__/* .jitteredBackoffMs */ .sq)(attempt, bounds);
        log(`Push rejected (${o.branch} moved); recomputing at the new tip in ${wait} ms.`);
        await (0,_core_backoff__WEBPACK_IMPORTED_MODULE_3__/* .sleep */ .yy)(wait);
    }
}


/***/ })

};
;