export const id = 348;
export const ids = [348];
export const modules = {

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

/***/ 6348:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/event-context.ts
var event_context = __webpack_require__(717);
;// CONCATENATED MODULE: ./src/core/glob-match.ts
/**
 * Paths that picomatch answers otherwise than plain comparison would: its
 * `*` and `**` do not match line terminators, and on Windows it reads a
 * backslash as a separator. Rare (git prints such names with `-z`), so
 * picomatch answers for them.
 */
const ODD_PATH = /[\n\r\u2028\u2029\\]/;
/** One path segment that picomatch reads literally: no glob, escape or brace syntax. */
const PLAIN_SEGMENT = /^[A-Za-z0-9_.-]+$/;
/** Whether picomatch reads `path` literally: a path of plain segments. */
function isPlainPath(path) {
    // `.` and `..` segments, and empty ones (`a//b`, a leading or trailing
    // `/`), are normalized or refused by picomatch: it decides those.
    return path.split('/').every((s) => PLAIN_SEGMENT.test(s) && s !== '.' && s !== '..');
}
/**
 * A test of whether a repository path (as git prints it: `/`-separated,
 * relative, no `.` or `..` segment) matches any of `globs`, exactly as
 * `picomatch(globs, { dot: true })` would answer.
 */
function globMatcher(globs) {
    const exact = new Set();
    const dirs = [];
    const others = [];
    let everything = false;
    for (const glob of globs) {
        if (glob === '**') {
            everything = true;
            continue;
        }
        const dir = glob.endsWith('/**') ? glob.slice(0, -3) : undefined;
        if (dir !== undefined && isPlainPath(dir)) {
            // picomatch's `<dir>/**` also matches `<dir>` itself.
            exact.add(dir);
            dirs.push(`${dir}/`);
        }
        else if (isPlainPath(glob)) {
            exact.add(glob);
        }
        else {
            others.push(glob);
        }
    }
    const rest = others.length > 0 ? picomatch()(others, { dot: true }) : undefined;
    let all;
    return (path) => {
        if (ODD_PATH.test(path)) {
            all ??= picomatch()([...globs], { dot: true });
            return all(path);
        }
        return ((everything && path !== '') ||
            exact.has(path) ||
            dirs.some((dir) => path.startsWith(dir)) ||
            rest?.(path) === true);
    };
}
/** picomatch, loaded on first use (a CommonJS require: bundled, evaluated when called). */
function picomatch() {
    return __webpack_require__(4006);
}

// EXTERNAL MODULE: ./src/core/image-name.ts
var image_name = __webpack_require__(9512);
;// CONCATENATED MODULE: ./src/core/changed-services.ts
// Which services a change touched: the range to compare for an event, and
// the services whose files (or a shared path) changed in it.



const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
/** The commits to compare for an event; `base`/`head` inputs override it. */
function changeRange(ctx, overrides = {}) {
    const head = overrides.head ?? ctx.sha;
    if (overrides.base !== undefined) {
        return { kind: 'diff', base: overrides.base, head, mergeBase: true, reason: 'base input' };
    }
    if (ctx.prBase && ctx.prHead) {
        return {
            kind: 'diff',
            base: ctx.prBase.sha,
            head: overrides.head ?? ctx.prHead.sha,
            mergeBase: true,
            reason: `pull request #${ctx.prNumber ?? '?'}: ${ctx.prBase.ref}...${ctx.prHead.ref}`,
        };
    }
    if (ctx.mergeGroupBase && SHA.test(ctx.mergeGroupBase.sha)) {
        // The group's commit is built on its base: what the group adds is the diff.
        return {
            kind: 'diff',
            base: ctx.mergeGroupBase.sha,
            head,
            mergeBase: false,
            reason: `merge group into ${ctx.mergeGroupBase.ref ?? 'its base'}`,
        };
    }
    if (ctx.eventName === 'push') {
        if (ctx.deleted)
            return { kind: 'none', reason: `${ctx.ref} was deleted` };
        if (ctx.created)
            return { kind: 'all', head, reason: `first push of ${ctx.ref}` };
        if (ctx.before === undefined || ctx.before === event_context/* ZERO_SHA */.g || !SHA.test(ctx.before)) {
            return { kind: 'all', head, reason: 'the push has no previous commit (before is all zeros)' };
        }
        return { kind: 'diff', base: ctx.before, head, mergeBase: false, reason: 'push' };
    }
    return {
        kind: 'all',
        head,
        reason: `a ${ctx.eventName || 'run'} event has no base to compare with`,
    };
}
const MAX_REASONS = 3;
function globsOf(service) {
    const context = service.context.replace(/\/+$/, '');
    const own = context === '.' || context === '' ? ['**'] : [`${context}/**`];
    return [...own, service.dockerfile, ...service.paths];
}
/** The services a list of changed files touches ('all' when the range is everything). */
function changedServices(services, changedFiles, sharedPaths) {
    if (changedFiles === 'all') {
        return {
            changed: services.map((service) => ({ service, because: ['every service'] })),
            shared: [],
        };
    }
    const isShared = sharedPaths.length > 0 ? globMatcher(sharedPaths) : () => false;
    const shared = changedFiles.filter((file) => isShared(file));
    if (shared.length > 0) {
        const because = shared.slice(0, MAX_REASONS).map((file) => `shared: ${file}`);
        return { changed: services.map((service) => ({ service, because })), shared };
    }
    const changed = [];
    for (const service of services) {
        const matches = globMatcher(globsOf(service));
        const files = changedFiles.filter((file) => matches(file));
        if (files.length > 0)
            changed.push({ service, because: files.slice(0, MAX_REASONS) });
    }
    return { changed, shared };
}
/** `{"include": [...]}`, ready for `strategy.matrix: ${{ fromJSON(...) }}`. */
function matrixOf(services) {
    return {
        include: services.map((s) => ({
            service: s.name,
            context: s.context,
            dockerfile: s.dockerfile,
        })),
    };
}
/**
 * Services found by convention: `<dir>/<name>/Dockerfile` among the files of
 * a tree. A folder whose name cannot be an image name is left out, and named.
 */
function discoverServices(files, servicesDir) {
    const dir = servicesDir.replace(/^\.\/+/, '').replace(/\/+$/, '');
    const names = new Set();
    for (const file of files) {
        const rest = file.startsWith(`${dir}/`) ? file.slice(dir.length + 1) : undefined;
        const match = rest === undefined ? null : /^([^/]+)\/Dockerfile$/.exec(rest);
        if (match)
            names.add(match[1]);
    }
    const sorted = [...names].sort();
    return {
        services: sorted
            .filter((name) => (0,image_name/* isServiceName */.tN)(name))
            .map((name) => ({
            name,
            context: `${dir}/${name}`,
            dockerfile: `${dir}/${name}/Dockerfile`,
            paths: [],
        })),
        ignored: sorted.filter((name) => !(0,image_name/* isServiceName */.tN)(name)),
    };
}

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/workspace-path.ts
var workspace_path = __webpack_require__(3364);
// EXTERNAL MODULE: ./src/io/event-payload.ts
var event_payload = __webpack_require__(5319);
// EXTERNAL MODULE: ./src/io/git.ts
var git = __webpack_require__(7500);
;// CONCATENATED MODULE: ./src/io/git-changes.ts
// The git side of detect-changes: make sure the commits to compare are
// there (fetching them into a shallow clone), and list what changed.


async function isShallow(cwd) {
    return (await (0,git/* gitOut */.BQ)(['rev-parse', '--is-shallow-repository'], { cwd })) === 'true';
}
async function fetch(args, options, what) {
    options.log?.(`git fetch ${args.join(' ')}`);
    const result = await (0,git/* git */.$Y)(['fetch', '--no-tags', '--quiet', ...args], {
        cwd: options.cwd,
        allowFailure: true,
    });
    if (result.code !== 0) {
        throw new errors/* UserError */.y(`Cannot fetch ${what} from ${options.remote}: ${result.stderr.trim().split('\n').slice(-3).join(' ')}. ` +
            'Check out with actions/checkout fetch-depth: 0, or make the remote reachable with credentials.');
    }
}
/** Fetches whichever of `shas` the clone lacks (one level deep in a shallow clone). */
async function ensureCommits(shas, options) {
    const missing = [];
    for (const sha of shas)
        if (!(await (0,git/* hasCommit */.QE)(sha, { cwd: options.cwd })))
            missing.push(sha);
    if (missing.length === 0)
        return;
    // --depth in a full clone would make it shallow: only where it already is.
    const depth = (await isShallow(options.cwd)) ? ['--depth=1'] : [];
    await fetch([...depth, options.remote, ...missing], options, `commit ${missing.join(', ')}`);
    for (const sha of missing) {
        if (!(await (0,git/* hasCommit */.QE)(sha, { cwd: options.cwd }))) {
            throw new errors/* UserError */.y(`Commit ${sha} is not in ${options.remote} (was it force-pushed away?)`);
        }
    }
}
async function mergeBaseOf(base, head, cwd) {
    const result = await (0,git/* git */.$Y)(['merge-base', base, head], { cwd, allowFailure: true });
    return result.code === 0 ? result.stdout.trim() : undefined;
}
/**
 * The merge base of two commits, deepening a shallow clone step by step
 * (then unshallowing it) until their histories meet.
 */
async function mergeBase(base, head, options) {
    for (const depth of [50, 500, 0]) {
        const found = await mergeBaseOf(base, head, options.cwd);
        if (found)
            return found;
        if (!(await isShallow(options.cwd)))
            break;
        const deepen = depth === 0 ? ['--unshallow'] : [`--depth=${depth}`];
        await fetch([...deepen, options.remote, base, head], options, `the history of ${base} and ${head}`);
    }
    throw new errors/* UserError */.y(`Commits ${base} and ${head} have no common history: nothing to compare`);
}
/** Files that differ between two commits (`--merge-base`: since their merge base); a rename is its old and its new path. */
function diffArgs(base, head, mergeBase = false) {
    const options = ['--name-only', '--no-renames', '--no-ext-diff', '--no-textconv', '-z'];
    return ['diff', ...options, ...(mergeBase ? ['--merge-base'] : []), base, head, '--'];
}
const treeArgs = (commit) => ['ls-tree', '-r', '-z', '--name-only', commit];
const paths = (out) => out.split('\0').filter((file) => file !== '');
/** Files that differ between two commits; a rename counts as its old and its new path. */
async function changedFiles(base, head, cwd) {
    return paths(await (0,git/* gitOut */.BQ)(diffArgs(base, head), { cwd }));
}
/** Every file path in a commit's tree. */
async function treeFiles(commit, cwd) {
    return paths(await (0,git/* gitOut */.BQ)(treeArgs(commit), { cwd }));
}
/**
 * The tree of `head` and the files changed since `since.base` (or since
 * its merge base with head) in one round of git processes run side by side
 * in `dir`, the checkout's root, with nothing asked first: each git process
 * costs every CI run a few milliseconds. This is the case of a full clone
 * (service-ci.yml checks out with fetch-depth: 0). Undefined when any of
 * them fails (a commit not in the clone, a merge base that is not unique):
 * the caller then takes the careful path, which checks, fetches and words
 * the error. `head` and `since.base` are commit SHAs.
 */
async function quickChanges(dir, head, since, withTree) {
    // Peeled, so that a tree or blob id is refused, as on the careful path.
    const headRev = `${head}^{commit}`;
    const baseRev = since && `${since.base}^{commit}`;
    const attempt = (args) => (0,git/* git */.$Y)(args, { cwd: dir, allowFailure: true });
    const [tree, diff, mergeBase] = await Promise.all([
        withTree ? attempt(treeArgs(headRev)) : undefined,
        baseRev ? attempt(diffArgs(baseRev, headRev, since.mergeBase)) : undefined,
        baseRev && since.mergeBase ? attempt(['merge-base', baseRev, headRev]) : undefined,
    ]);
    if ([tree, diff, mergeBase].some((result) => result && result.code !== 0))
        return undefined;
    return {
        ...(tree ? { tree: paths(tree.stdout) } : {}),
        ...(since ? { base: mergeBase ? mergeBase.stdout.trim() : since.base } : {}),
        ...(diff ? { files: paths(diff.stdout) } : {}),
    };
}

// EXTERNAL MODULE: ./src/io/runner.ts
var runner = __webpack_require__(1068);
// EXTERNAL MODULE: ./src/actions/common/inputs.ts
var inputs = __webpack_require__(9120);
;// CONCATENATED MODULE: ./src/actions/detect-changes/inputs.ts

function getInputs() {
    return {
        servicesDir: (0,inputs/* getOptional */.xX)('services-dir')?.trim() ?? 'services',
        config: (0,inputs/* getOptional */.xX)('config')?.trim(),
        sharedPaths: (0,inputs/* getList */.vS)('shared-paths'),
        base: (0,inputs/* getOptional */.xX)('base')?.trim(),
        head: (0,inputs/* getOptional */.xX)('head')?.trim(),
        path: (0,inputs/* getOptional */.xX)('path')?.trim() ?? '.',
        remote: (0,inputs/* getString */.AA)('remote').trim() || 'origin',
    };
}

;// CONCATENATED MODULE: ./src/actions/detect-changes/main.ts











const main_SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
// A revision a user may name: never an option (`--upload-pack=...`).
const REVISION = /^[A-Za-z0-9_][A-Za-z0-9_./^~@{}-]*$/;
function checkRevision(value, input) {
    if (value !== undefined && (!REVISION.test(value) || value.includes('..'))) {
        throw new errors/* UserError */.y(`Input ${input} must be a commit SHA or a ref name, got ${JSON.stringify(value)}`);
    }
}
async function resolveCommit(rev, cwd, remote, input, present = new Set()) {
    if (present.has(rev))
        return rev;
    if (main_SHA.test(rev)) {
        await ensureCommits([rev], { cwd, remote, log: runner/* info */.pq });
        return rev;
    }
    const result = await (0,git/* git */.$Y)(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], {
        cwd,
        allowFailure: true,
    });
    if (result.code !== 0)
        throw new errors/* UserError */.y(`Input ${input}: "${rev}" is not a commit in this clone`);
    return result.stdout.trim();
}
/**
 * The checkout's root, and which of `shas` it has as commits, in one git
 * process (every CI run pays for each process). rev-parse answers in order
 * and stops at the first commit it lacks: that one and those after it are
 * checked, and fetched, one by one later. No root: not a checkout, which
 * repositoryRoot words.
 */
async function openCheckout(dir, shas) {
    if ((0,external_node_fs_.existsSync)(dir)) {
        const result = await (0,git/* git */.$Y)(['rev-parse', '--show-toplevel', ...shas.map((sha) => `${sha}^{commit}`)], { cwd: dir, allowFailure: true });
        const [root, ...lines] = result.stdout.split('\n');
        // A commit it has is printed as its id (a commit SHA peels to itself).
        if (root && (0,external_node_path_.isAbsolute)(root))
            return { root, present: new Set(shas.filter((sha) => lines.includes(sha))) };
    }
    return { root: await repositoryRoot(dir), present: new Set() };
}
async function repositoryRoot(dir) {
    const result = await (0,git/* git */.$Y)(['rev-parse', '--show-toplevel'], { cwd: dir, allowFailure: true });
    if (!(0,external_node_fs_.existsSync)(dir) || result.code !== 0) {
        throw new errors/* UserError */.y(`Input path: ${dir} is not a git checkout (run actions/checkout first)`);
    }
    return result.stdout.trim();
}
function setOutputs(changed, all, base, head) {
    runner/* setOutput */.uH('services', JSON.stringify(changed.map((s) => s.name)));
    runner/* setOutput */.uH('matrix', JSON.stringify(matrixOf(changed)));
    runner/* setOutput */.uH('any-changed', changed.length > 0 ? 'true' : 'false');
    runner/* setOutput */.uH('all-services', JSON.stringify(all.map((s) => s.name)));
    runner/* setOutput */.uH('base', base);
    runner/* setOutput */.uH('head', head);
}
async function writeSummary(all, result, reason) {
    const why = new Map(result.changed.map((c) => [c.service.name, c.because]));
    await runner/* summary */.z
        .addHeading('detect-changes', 3)
        .addRaw(`<p>${reason}: ${result.changed.length} of ${all.length} service(s) changed</p>`, true)
        .addTable([
        [
            { data: 'service', header: true },
            { data: 'changed', header: true },
            { data: 'because', header: true },
        ],
        ...all.map((s) => [
            s.name,
            why.has(s.name) ? 'yes' : 'no',
            (why.get(s.name) ?? []).map((f) => `<code>${f}</code>`).join('<br>'),
        ]),
    ])
        .write();
}
/** A log that holds its lines until released, then writes them and any later ones. */
function heldLog() {
    let held = [];
    return {
        log: (line) => (held ? held.push(line) : runner/* info */.pq(line)),
        release: () => {
            for (const line of held ?? [])
                runner/* info */.pq(line);
            held = undefined;
        },
    };
}
/** The services and the shared paths: from the config file, else the Dockerfiles in head's `tree`. */
async function listServices(inputs, repo, workspace, servicesDir, tree) {
    const sharedPaths = [...inputs.sharedPaths];
    if (inputs.config !== undefined) {
        const file = (0,workspace_path/* resolveInWorkspace */.z)(repo, inputs.config, 'config');
        if (!(0,external_node_fs_.existsSync)(file))
            throw new errors/* UserError */.y(`Input config: ${inputs.config} does not exist in ${repo}`);
        // Loaded here: its YAML parser is for the runs that have a config file.
        const { parseServicesConfig } = await __webpack_require__.e(/* import() */ 86).then(__webpack_require__.bind(__webpack_require__, 6086));
        const config = parseServicesConfig((0,external_node_fs_.readFileSync)(file, 'utf8'), (0,workspace_path/* workspaceRelative */.U)(workspace, file), {
            root: repo,
            servicesDir,
        });
        sharedPaths.push(...config.sharedPaths);
        return { services: config.services, sharedPaths };
    }
    const found = discoverServices(await tree(), servicesDir);
    for (const name of found.ignored) {
        runner/* warning */.$e(`${servicesDir}/${name} has a Dockerfile but "${name}" cannot be an image name: left out`);
    }
    return { services: found.services, sharedPaths };
}
/** The commit a diff range compares `head` with. */
async function diffBase(range, head, repo, remote, options, present) {
    const from = await resolveCommit(range.base, repo, remote, 'base', present);
    return range.mergeBase ? mergeBase(from, head, options) : from;
}
function quickReading(range, quick, list) {
    const { base, files } = quick;
    return {
        head: range.head,
        listed: list(async () => quick.tree ?? []),
        ...(base !== undefined
            ? { diff: { base: Promise.resolve(base), files: Promise.resolve(files ?? []) } }
            : {}),
        log: { release: () => { } },
    };
}
/** Resolves and fetches what the clone lacks, then reads the tree and the diff side by side. */
async function carefulReading(range, repo, remote, present, list) {
    const head = await resolveCommit(range.head || 'HEAD', repo, remote, 'head', present);
    // The services (the head's tree, or the config file) and the changed files
    // are independent reads: their git processes run side by side. The log
    // reads as if they ran in turn (the diff's fetches after the services), and
    // a failure of the first is the one reported.
    const log = heldLog();
    const listed = list(() => treeFiles(head, repo));
    if (range.kind === 'all')
        return { head, listed, log };
    const options = { cwd: repo, remote, log: log.log };
    const base = diffBase(range, head, repo, remote, options, present);
    const files = base.then((from) => changedFiles(from, head, repo));
    files.catch(() => { });
    return { head, listed, diff: { base, files }, log };
}
/**
 * The quick read (quickChanges) where it can apply: commit SHAs to compare,
 * and `dir` plainly the checkout's root (its own .git, no GIT_DIR or
 * GIT_WORK_TREE to say otherwise). Undefined: take the careful path.
 */
async function quickRead(range, dir, withTree) {
    if (range.kind === 'none' || !main_SHA.test(range.head))
        return undefined;
    if (range.kind === 'diff' && !main_SHA.test(range.base))
        return undefined;
    if (process.env.GIT_DIR || process.env.GIT_WORK_TREE || !(0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, '.git'))) {
        return undefined;
    }
    const since = range.kind === 'diff' ? { base: range.base, mergeBase: range.mergeBase } : undefined;
    return quickChanges(dir, range.head, since, withTree);
}
async function run() {
    const inputs = getInputs();
    checkRevision(inputs.base, 'base');
    checkRevision(inputs.head, 'head');
    checkRevision(inputs.remote, 'remote');
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
    const ctx = (0,event_context/* eventContext */.W)(process.env, (0,event_payload/* readEventPayload */.N)());
    const range = changeRange(ctx, { base: inputs.base, head: inputs.head });
    const commits = range.kind === 'none' ? [] : [range.head, ...(range.kind === 'diff' ? [range.base] : [])];
    const dir = (0,workspace_path/* resolveInWorkspace */.z)(workspace, inputs.path, 'path');
    const quick = await quickRead(range, dir, inputs.config === undefined);
    const { root: repo, present } = quick
        ? { root: dir, present: new Set() }
        : await openCheckout(dir, commits.filter((rev) => main_SHA.test(rev)));
    const servicesDir = (0,workspace_path/* workspaceRelative */.U)(repo, (0,workspace_path/* resolveInWorkspace */.z)(repo, inputs.servicesDir, 'services-dir'));
    runner/* info */.pq(`Range: ${range.kind === 'diff' ? `${range.base}..${range.head}` : range.kind} (${range.reason})`);
    if (range.kind === 'none') {
        runner/* notice */.lm(`No services to build: ${range.reason}`);
        setOutputs([], [], '', '');
        return;
    }
    const list = (tree) => listServices(inputs, repo, workspace, servicesDir, tree);
    const { head, listed, diff, log } = quick
        ? quickReading(range, quick, list)
        : await carefulReading(range, repo, inputs.remote, present, list);
    const { services, sharedPaths } = await listed;
    runner/* info */.pq(`Services: ${services.map((s) => s.name).join(', ') || '(none)'}`);
    log.release();
    let result;
    let base = '';
    if (diff === undefined) {
        result = changedServices(services, 'all', sharedPaths);
    }
    else {
        base = await diff.base;
        const files = await runner/* group */.Os(`Files changed ${base.slice(0, 12)}..${head.slice(0, 12)}`, async () => {
            const list = await diff.files;
            for (const file of list)
                runner/* info */.pq(file);
            return list;
        });
        result = changedServices(services, files, sharedPaths);
        if (result.shared.length > 0)
            runner/* info */.pq(`Shared path changed (${result.shared[0]}): every service`);
    }
    const changed = result.changed.map((c) => c.service);
    runner/* info */.pq(`Changed: ${changed.map((s) => s.name).join(', ') || '(none)'}`);
    setOutputs(changed, services, base, head);
    await writeSummary(services, result, range.reason);
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

/***/ 9512:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D6: () => (/* binding */ imageRef),
/* harmony export */   PV: () => (/* binding */ checkServiceName),
/* harmony export */   U$: () => (/* binding */ registryHost),
/* harmony export */   Xb: () => (/* binding */ DOCKER_HUB),
/* harmony export */   s5: () => (/* binding */ splitImage),
/* harmony export */   tN: () => (/* binding */ isServiceName),
/* harmony export */   zd: () => (/* binding */ imageFor)
/* harmony export */ });
/* unused harmony export normalizeImageName */
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
// Image names and references, checked against the distribution reference
// grammar before any docker call sees them.

/** One path component of a repository name (lower case). */
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const HOST = /^(?:localhost|[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::[0-9]{1,5})?$/;
const MAX_NAME_LENGTH = 255;
const DOCKER_HUB = 'docker.io';
/**
 * A service name must be one repository path component (`user-service`,
 * `Cart_API`): it names a folder under services/ and the image, so `..`, `/`,
 * spaces and shell characters never get as far as a path or a docker argument.
 */
function checkServiceName(service, input = 'service') {
    if (!isServiceName(service)) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`Input ${input} must be one image path component (letters, digits, and ., _, - between them), got ${JSON.stringify(service)}`);
    }
    return service;
}
function isServiceName(name) {
    return COMPONENT.test(name.toLowerCase()) && name.length <= 128;
}
function isHost(component) {
    return component.includes('.') || component.includes(':') || component === 'localhost';
}
/** Splits `ghcr.io/minishop/cart` into host and path; the host is undefined for Docker Hub short names. */
function splitImage(image) {
    const slash = image.indexOf('/');
    if (slash > 0 && isHost(image.slice(0, slash))) {
        return { host: image.slice(0, slash), path: image.slice(slash + 1) };
    }
    return { host: undefined, path: image };
}
function invalid(input, value, why) {
    return new _errors__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`Input ${input} is not a valid image name (${why}): ${JSON.stringify(value)}`);
}
/** Lower-cases and checks a name prefix (`ghcr.io/MiniShop`) or a full image name. */
function normalizeImageName(value, input, allowHostOnly = false) {
    const name = value.trim().toLowerCase().replace(/\/+$/, '');
    if (name === '')
        throw invalid(input, value, 'empty');
    const { host, path } = allowHostOnly && !name.includes('/') && isHost(name)
        ? { host: name, path: '' }
        : splitImage(name);
    if (host !== undefined && !HOST.test(host))
        throw invalid(input, value, `bad registry host "${host}"`);
    if (path === '' && !(allowHostOnly && host !== undefined)) {
        throw invalid(input, value, 'no repository path');
    }
    if (path !== '') {
        for (const component of path.split('/')) {
            if (component.includes(':') || component.includes('@')) {
                throw invalid(input, value, `no tag or digest here, tags come from the tags input`);
            }
            if (!COMPONENT.test(component)) {
                throw invalid(input, value, `path component "${component}"`);
            }
        }
    }
    if (name.length > MAX_NAME_LENGTH)
        throw invalid(input, value, `longer than ${MAX_NAME_LENGTH}`);
    return name;
}
/** The image a service builds to: `image` when given, else `<registry>/<service>`, lower case. */
function imageFor(service, registry, image) {
    if (image !== undefined)
        return normalizeImageName(image, 'image');
    const prefix = registry === undefined ? undefined : normalizeImageName(registry, 'registry', true);
    return normalizeImageName(prefix ? `${prefix}/${service}` : service, prefix ? 'registry' : 'service');
}
/** The registry an image lives in (what `docker login` needs). */
function registryHost(image) {
    return splitImage(image).host ?? DOCKER_HUB;
}
function imageRef(image, tag) {
    return `${image}:${tag}`;
}


/***/ }),

/***/ 3364:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ workspaceRelative),
/* harmony export */   z: () => (/* binding */ resolveInWorkspace)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);


/**
 * Resolves a user-given path (relative to the workspace, or absolute inside
 * it) and refuses one that leaves the workspace: `../..`, `/etc`.
 */
function resolveInWorkspace(workspace, value, input) {
    const root = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(workspace);
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(root, value);
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.relative)(root, path);
    if (value.includes('\0') || rel === '..' || rel.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_0__.sep}`) || (0,node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute)(rel)) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`Input ${input} must be a path inside the workspace (${root}), got ${JSON.stringify(value)}`);
    }
    return path;
}
/** The path relative to the workspace, with `/` separators ("." for the workspace itself). */
function workspaceRelative(workspace, path) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_0__.relative)((0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(workspace), path).split(node_path__WEBPACK_IMPORTED_MODULE_0__.sep).join('/') || '.';
}


/***/ }),

/***/ 5319:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ readEventPayload)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);


/** The event payload the runner wrote to GITHUB_EVENT_PATH ({} when there is none). */
function readEventPayload(path = process.env.GITHUB_EVENT_PATH) {
    if (!path || !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path))
        return {};
    try {
        return JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8'));
    }
    catch (error) {
        throw new _core_errors__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`The event payload ${path} is not JSON: ${error.message}`);
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


/***/ })

};
