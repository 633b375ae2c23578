export const id = 793;
export const ids = [793];
export const modules = {

/***/ 793:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/core/image-ref.ts

const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/;
/**
 * Reads an `images` value as build-and-tag and service CI produce it:
 * `v1.2.3` / `abc1234` (a tag), `sha256:…` (a digest), `repo:tag`,
 * `repo@sha256:…`, `repo:tag@sha256:…`, or an object `{tag, digest, image}`.
 */
function parseImageRef(value, source) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        const o = value;
        const str = (k) => typeof o[k] === 'string' && o[k] !== '' ? o[k] : undefined;
        const ref = {};
        const image = str('image') ?? str('ref') ?? str('reference');
        if (image)
            Object.assign(ref, parseImageRef(image, source));
        const tag = str('tag');
        const digest = str('digest');
        if (tag)
            ref.tag = checkTag(tag, source);
        if (digest)
            ref.digest = checkDigest(digest, source);
        if (!ref.tag && !ref.digest) {
            throw new errors/* UserError */.y(`${source}: needs a tag or a digest, got ${JSON.stringify(value)}`);
        }
        return ref;
    }
    if (typeof value !== 'string' || value.trim() === '') {
        throw new errors/* UserError */.y(`${source}: expected a tag, a digest or an image reference, got ${JSON.stringify(value)}`);
    }
    const text = value.trim();
    if (DIGEST.test(text))
        return { digest: text };
    if (TAG.test(text))
        return { tag: text };
    const ref = {};
    let rest = text;
    const at = rest.lastIndexOf('@');
    if (at >= 0) {
        ref.digest = checkDigest(rest.slice(at + 1), source);
        rest = rest.slice(0, at);
    }
    const colon = rest.lastIndexOf(':');
    if (ref.digest && TAG.test(rest)) {
        ref.tag = rest; // `tag@digest`, as refValue writes it
        return ref;
    }
    if (colon > rest.lastIndexOf('/')) {
        ref.tag = checkTag(rest.slice(colon + 1), source);
        rest = rest.slice(0, colon);
    }
    if (!/^[a-z0-9]+(?:[._/:-][a-z0-9]+|__)*$/i.test(rest) || (!ref.tag && !ref.digest)) {
        throw new errors/* UserError */.y(`${source}: "${text}" is not a tag, a digest or an image reference`);
    }
    ref.name = rest;
    return ref;
}
function checkTag(tag, source) {
    if (!TAG.test(tag))
        throw new errors/* UserError */.y(`${source}: "${tag}" is not a valid image tag`);
    return tag;
}
function checkDigest(digest, source) {
    if (!DIGEST.test(digest)) {
        throw new errors/* UserError */.y(`${source}: "${digest}" is not a digest (sha256:<64 hex digits>)`);
    }
    return digest;
}
/** The text a single-value key receives: `tag`, `digest`, or `tag@digest`. */
function refValue(ref) {
    if (ref.tag && ref.digest)
        return `${ref.tag}@${ref.digest}`;
    return (ref.tag ?? ref.digest);
}

// EXTERNAL MODULE: ./src/core/key-path.ts
var key_path = __webpack_require__(5574);
// EXTERNAL MODULE: ./src/core/yaml-edit.ts
var yaml_edit = __webpack_require__(3621);
// EXTERNAL MODULE: ./src/core/yaml-lib.ts
var yaml_lib = __webpack_require__(7014);
// EXTERNAL MODULE: ./src/core/yaml-scalar-style.ts
var yaml_scalar_style = __webpack_require__(3637);
;// CONCATENATED MODULE: ./src/core/kustomize-images.ts





/** Kustomize's own file names. */
function isKustomization(path) {
    return /(^|\/)(kustomization\.ya?ml|Kustomization)$/.test(path);
}
/**
 * The edits `kustomize edit set image` would make, as key edits of the
 * `images:` entry selected by image name: exactly `name`, else the one entry
 * whose name ends in `/<name>` (`user-service` finds `ghcr.io/minishop/user-service`).
 * With `create`, a missing entry is first added to the text, which is
 * returned with the edits.
 */
function kustomizeEdits(text, file, names, ref, create = false) {
    const entries = entriesOf(text);
    let entry = entries && selectEntry(entries, names);
    if (!entry && create && entries) {
        // As `kustomize edit set image` adds one; its fields are the edits below.
        text = appendImageEntry(text, file, names[0]);
        entry = { name: names[0] };
    }
    if (!entry) {
        // Not parsed: the parser's error, with its line and column, is the one to give.
        if (entries === undefined)
            (0,yaml_edit/* checkYaml */.cX)(text, file);
        throw new errors/* UserError */.y(`${file}: no images entry named ${names.map((n) => `"${n}"`).join(' or ')} (entries: ${(entries ?? []).map((e) => e.name).join(', ') || 'none'})`, { file });
    }
    const at = (field) => (0,key_path/* formatKeyPath */.K)([
        { kind: 'key', key: 'images' },
        { kind: 'match', field: 'name', value: entry.name },
        { kind: 'key', key: field },
    ]);
    const edits = [];
    // The image the entry makes now is its newName, or its name: a reference
    // to another repository renames it, as `kustomize edit set image` does.
    if (ref.name && ref.name !== (entry.newName ?? entry.name)) {
        edits.push({ key: at('newName'), value: ref.name, create: true });
    }
    if (ref.tag)
        edits.push({ key: at('newTag'), value: ref.tag, create: true });
    if (ref.digest)
        edits.push({ key: at('digest'), value: ref.digest, create: true });
    else if (entry.digest)
        edits.push({ key: at('digest'), value: '' }); // a digest would override the new tag
    return { text, edits };
}
/** The `images:` entries with a name; undefined when the text does not parse. */
function entriesOf(text) {
    let data;
    try {
        data = (0,yaml_lib/* yaml */.oQ)().parse(text, { uniqueKeys: false });
    }
    catch {
        return undefined;
    }
    const images = data?.images;
    return Array.isArray(images)
        ? images.filter((e) => typeof e?.name === 'string')
        : [];
}
/**
 * `text` with a new `images:` entry `- name: <name>` after the last one (or
 * a new `images:` list at the end), as `kustomize edit set image` adds one:
 * the fields come after, as key edits. Only a block list (or none) takes a
 * new entry; the result is parsed back and must hold exactly one more entry.
 */
function appendImageEntry(text, file, name) {
    const Y = (0,yaml_lib/* yaml */.oQ)();
    const doc = Y.parseDocument(text, { uniqueKeys: false });
    if (doc.errors.length > 0)
        return text; // the edit reports it, with its position
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const token = (0,yaml_scalar_style/* renderScalar */.VO)(name, 'plain', false);
    const root = doc.contents;
    if (root !== null && !(0,yaml_lib/* isMap */.jh)(root)) {
        throw new errors/* UserError */.y(`${file}: the kustomization is not a mapping; cannot add an images entry`, {
            file,
        });
    }
    const images = root?.get('images', true);
    let next;
    if (images === undefined) {
        const body = text === '' || text.endsWith('\n') ? text : `${text}${eol}`;
        next = `${body}images:${eol}- name: ${token}${eol}`;
    }
    else if ((0,yaml_lib/* isSeq */.oP)(images) && !images.flow && images.items.length > 0) {
        // The new item goes on the line after the last item, at the column of the
        // first item's dash.
        const first = images.items[0];
        const last = images.items[images.items.length - 1];
        const firstStart = first.range?.[0] ?? 0;
        const lineStart = text.lastIndexOf('\n', firstStart) + 1;
        const dash = text.slice(lineStart, firstStart).indexOf('-');
        const lastEnd = last.range?.[1] ?? text.length;
        const lineEnd = text.indexOf('\n', Math.max(lastEnd - 1, 0));
        const at = lineEnd === -1 ? text.length : lineEnd + 1;
        const before = at === text.length && !text.endsWith('\n') ? `${text}${eol}` : text.slice(0, at);
        next = `${before}${' '.repeat(Math.max(dash, 0))}- name: ${token}${eol}${text.slice(at)}`;
    }
    else {
        throw new errors/* UserError */.y(`${file}: images is not a block list of entries; cannot add one for "${name}" (add it by hand)`, { file });
    }
    // Exactly one entry more, and nothing else changed.
    const want = doc.toJS() ?? {};
    want.images = [...(Array.isArray(want.images) ? want.images : []), { name }];
    const got = Y.parse(next, { uniqueKeys: false });
    if (JSON.stringify(got) !== JSON.stringify(want)) {
        throw new Error(`Read-back of ${file} after adding the images entry "${name}" failed`);
    }
    return next;
}
function selectEntry(entries, names) {
    for (const name of names) {
        const exact = entries.filter((e) => e.name === name);
        if (exact.length === 1)
            return exact[0];
    }
    for (const name of names) {
        const suffix = entries.filter((e) => e.name.endsWith(`/${name}`));
        if (suffix.length === 1)
            return suffix[0];
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/core/bump.ts





function siblingDigestKey(key) {
    const segments = (0,key_path/* parseKeyPath */._)(key);
    const last = segments[segments.length - 1];
    if (last?.kind !== 'key' || last.key === 'digest')
        return undefined;
    return (0,key_path/* formatKeyPath */.K)([...segments.slice(0, -1), { kind: 'key', key: 'digest' }]);
}
/**
 * Helm values: the tag goes to `key`. A digest goes to the digest key when
 * the file has one (or `digest-key` names it), else into `key` itself
 * (`tag@sha256:…` or `sha256:…`). A tag alone clears a set digest key, which
 * would otherwise keep pinning the old image.
 */
function helmEdits(text, file, target, s) {
    return s.keys.flatMap((key, i) => editsForKey(text, file, target.value, key, i === 0 ? s.digestKey : undefined, s.create));
}
function editsForKey(text, file, value, key, explicitDigestKey, create) {
    if ('literal' in value)
        return [{ key, value: value.literal, create }];
    const ref = value.image;
    const digestKey = explicitDigestKey ?? siblingDigestKey(key);
    const currentDigest = digestKey ? (0,yaml_edit/* readScalar */.$t)(text, digestKey, file) : undefined;
    const hasDigestKey = explicitDigestKey !== undefined || currentDigest !== undefined;
    if (ref.digest && hasDigestKey && digestKey) {
        const edits = [{ key: digestKey, value: ref.digest, create: true }];
        if (ref.tag)
            edits.unshift({ key, value: ref.tag, create });
        return edits;
    }
    const edits = [{ key, value: refValue(ref), create }];
    if (!ref.digest && digestKey && currentDigest)
        edits.push({ key: digestKey, value: '' });
    return edits;
}
function imageNames(target, s) {
    const names = [];
    if (target.service !== undefined)
        names.push(s.imageName.replace(/\{service\}/g, target.service));
    if ('image' in target.value && target.value.image.name)
        names.push(target.value.image.name);
    return names;
}
/**
 * Applies every target of one file to its text, in order. Each edit is
 * byte-minimal and verified by setScalar; with several, the final text is
 * read back once more, so a later edit cannot have undone an earlier one.
 */
function bumpFile(path, text, targets, settings) {
    let after = text;
    const changes = [];
    for (const target of targets) {
        let edits;
        if (isKustomization(path)) {
            if ('literal' in target.value) {
                const literal = target.value.literal;
                edits = settings.keys.map((key) => ({ key, value: literal, create: settings.create }));
            }
            else {
                const names = imageNames(target, settings);
                if (names.length === 0) {
                    throw new errors/* UserError */.y(`${path}: a kustomization needs a service (or an image name) to select its images entry`, { file: path });
                }
                // With create, an entry the kustomization lacks is added first.
                const kustomized = kustomizeEdits(after, path, names, target.value.image, settings.create);
                after = kustomized.text;
                edits = kustomized.edits;
            }
        }
        else {
            edits = helmEdits(after, path, target, settings);
        }
        for (const edit of edits) {
            const result = (0,yaml_edit/* setScalar */.$e)(after, edit.key, edit.value, { file: path, create: edit.create });
            after = result.text;
            if (result.change)
                changes.push(result.change);
        }
    }
    // With several edits, a later one must not have undone an earlier one (one
    // edit was verified by setScalar already).
    if (changes.length > 1) {
        for (const change of changes) {
            const now = (0,yaml_edit/* readScalar */.$t)(after, change.key, path);
            const last = changes.filter((c) => c.key === change.key).pop();
            if (now !== last.new) {
                throw new Error(`Read-back of ${path} key "${change.key}" gave ${JSON.stringify(now)}, expected ${JSON.stringify(last.new)}`);
            }
        }
    }
    return { path, before: text, after, changes };
}
/** Groups targets by file, keeping the order in which files first appear. */
function groupByFile(targets) {
    const groups = new Map();
    for (const target of targets) {
        const list = groups.get(target.path) ?? [];
        list.push(target);
        groups.set(target.path, list);
    }
    return groups;
}

// EXTERNAL MODULE: ./src/core/commit-message.ts
var commit_message = __webpack_require__(3856);
;// CONCATENATED MODULE: ./src/core/bump-message.ts


function shown(target) {
    return 'literal' in target.value ? target.value.literal : refValue(target.value.image);
}
/** Subject and body of a bump commit: the template, every change listed, then the trailers. */
function bumpMessage(c) {
    const changed = new Set(c.results.map((r) => r.path));
    const targets = c.targets.filter((t) => changed.has(t.path));
    const services = [...new Set(targets.map((t) => t.service).filter((s) => s !== undefined))];
    const values = [...new Set(targets.map(shown))];
    let template = c.template;
    // Without an environment, the default template's " in {environment}" would dangle.
    if (c.environment === '')
        template = template.replace(/ in \{(environment|env)\}/, '');
    const subject = (0,commit_message/* renderCommitMessage */.j)(template, {
        services: services.length > 0 ? services.join(', ') : [...changed].join(', '),
        value: values.length === 1 ? values[0] : 'new images',
        environment: c.environment,
        env: c.environment,
        files: [...changed].join(', '),
        key: c.keys.join(', '),
    });
    const lines = c.results.flatMap((r) => r.changes.map((ch) => `- ${r.path}: ${ch.key} ${ch.old ?? '(new)'} -> ${ch.new || '""'}`));
    return (0,commit_message/* withTrailers */.C)(`${subject.trim()}\n\n${lines.join('\n')}`, c.trailers);
}

// EXTERNAL MODULE: ./src/core/file-template.ts
var file_template = __webpack_require__(2196);
// EXTERNAL MODULE: ./src/core/repo-path.ts
var repo_path = __webpack_require__(6135);
;// CONCATENATED MODULE: ./src/core/bump-targets.ts





/**
 * Which file gets which value: `files` with `value` (each file once) or with
 * `images` (each file once per service: kustomizations list many images);
 * otherwise `file-template` per service, from `services` or the `images` keys.
 */
function resolveTargets(request) {
    const images = request.images;
    let services = request.services;
    if (images) {
        const unknown = services.filter((s) => !(s in images));
        if (unknown.length > 0) {
            throw new errors/* UserError */.y(`services ${unknown.join(', ')} have no entry in images`);
        }
        if (services.length === 0)
            services = Object.keys(images);
    }
    const valueFor = (service) => images && service !== undefined
        ? { image: parseImageRef(images[service], `images["${service}"]`) }
        : { literal: request.value };
    if (request.files.length > 0) {
        const paths = request.files.map((f) => (0,repo_path/* normalizeRepoPath */.N)(f, 'files'));
        if (!images)
            return paths.map((path) => ({ path, value: valueFor(undefined) }));
        return paths.flatMap((path) => {
            if (!isKustomization(path) && services.length > 1) {
                throw new errors/* UserError */.y(`files: ${path} would get ${services.length} images; use file-template for one values file per service, or name kustomization files`, { file: path });
            }
            return services.map((service) => ({ path, service, value: valueFor(service) }));
        });
    }
    if (services.length === 0) {
        throw new errors/* UserError */.y('Input services is required with file-template (or give files, or images)');
    }
    if (/\{(env|environment)\}/.test(request.fileTemplate) && request.environment === '') {
        throw new errors/* UserError */.y(`Input environment is required: file-template "${request.fileTemplate}" uses {env}`);
    }
    return services.map((service) => ({
        path: (0,file_template/* renderFileTemplate */.N)(request.fileTemplate, { service, env: request.environment }),
        service,
        value: valueFor(service),
    }));
}

// EXTERNAL MODULE: ./src/core/sha256.ts
var sha256 = __webpack_require__(7424);
// EXTERNAL MODULE: ./src/core/unified-diff.ts
var unified_diff = __webpack_require__(9905);
// EXTERNAL MODULE: ./src/io/github.ts
var io_github = __webpack_require__(6557);
// EXTERNAL MODULE: ./src/io/github-commit.ts
var github_commit = __webpack_require__(1123);
// EXTERNAL MODULE: ./src/io/github-errors.ts
var github_errors = __webpack_require__(2742);
;// CONCATENATED MODULE: ./src/io/github-pr.ts
/**
 * Opens a pull request from `head` into `base`, or updates the open one:
 * the same branch always maps to one pull request, never a duplicate.
 */
async function ensurePullRequest(o) {
    const log = o.log ?? (() => { });
    const { data: open } = await o.client.rest.pulls.list({
        owner: o.owner,
        repo: o.repo,
        head: `${o.owner}:${o.head}`,
        base: o.base,
        state: 'open',
        per_page: 10,
    });
    const existing = open.find((pr) => pr.head.ref === o.head) ?? open[0];
    if (existing) {
        await o.client.rest.pulls.update({
            owner: o.owner,
            repo: o.repo,
            pull_number: existing.number,
            title: o.title,
            body: o.body,
        });
        log(`Updated pull request #${existing.number}: ${existing.html_url}`);
        return { number: existing.number, url: existing.html_url, created: false };
    }
    const { data: created } = await o.client.rest.pulls.create({
        owner: o.owner,
        repo: o.repo,
        head: o.head,
        base: o.base,
        title: o.title,
        body: o.body,
    });
    log(`Opened pull request #${created.number}: ${created.html_url}`);
    return { number: created.number, url: created.html_url, created: true };
}

// EXTERNAL MODULE: ./src/io/gitops-checkout.ts
var gitops_checkout = __webpack_require__(8719);
// EXTERNAL MODULE: ./src/io/gitops-commit.ts
var gitops_commit = __webpack_require__(5766);
// EXTERNAL MODULE: ./src/io/runner.ts
var runner = __webpack_require__(1068);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/io/worktree-files.ts




const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/**
 * The real path of a repository file; UserError when it (or a symlink on
 * the way) leaves `root`, given as its real path (`realRoot`).
 */
function insideRoot(root, realRoot, path) {
    const normal = (0,repo_path/* normalizeRepoPath */.N)(path, 'file');
    const full = (0,external_node_path_.join)(root, normal);
    if (!(0,external_node_fs_.existsSync)(full))
        return full;
    // One system call, where realpathSync walks every component in JavaScript.
    const real = external_node_fs_.realpathSync.native(full);
    const rel = (0,external_node_path_.relative)(realRoot, real);
    if (rel === '' || rel.startsWith(`..${external_node_path_.sep}`) || rel === '..') {
        throw new errors/* UserError */.y(`${normal} resolves to ${real}, outside the workspace (a symbolic link?)`, {
            file: normal,
        });
    }
    return real;
}
/** Reads files of a checkout's working tree, refusing anything outside it. */
function workTreeReader(root) {
    const realRoot = external_node_fs_.realpathSync.native(root);
    return async (path) => {
        const full = insideRoot(root, realRoot, path);
        if (!(0,external_node_fs_.existsSync)(full))
            return undefined;
        try {
            return UTF8.decode((0,external_node_fs_.readFileSync)(full));
        }
        catch (error) {
            if (error instanceof TypeError)
                throw new errors/* UserError */.y(`${path} is not UTF-8 text`, { file: path });
            throw error;
        }
    };
}
let tempCount = 0;
/**
 * Writes `content` to a new file beside `target` and returns its path. The
 * name only has to be unused ('wx' refuses an existing file, and the next
 * name is tried), so no random bytes, and no node:crypto, are needed.
 */
function writeTempSibling(target, content) {
    for (;;) {
        const temp = `${target}.${process.pid}-${++tempCount}.tmp`;
        try {
            (0,external_node_fs_.writeFileSync)(temp, content, { flag: 'wx' });
            return temp;
        }
        catch (error) {
            if (error.code !== 'EEXIST')
                throw error;
        }
    }
}
/**
 * Writes every file or none that matters: each is written to a temporary
 * sibling first, and only when all are written are they renamed into place.
 */
function writeWorkTreeFiles(root, files) {
    const staged = [];
    const realRoot = external_node_fs_.realpathSync.native(root);
    try {
        for (const file of files) {
            const target = insideRoot(root, realRoot, file.path);
            staged.push({ temp: writeTempSibling(target, file.content), target });
        }
    }
    catch (error) {
        for (const { temp } of staged)
            (0,external_node_fs_.rmSync)(temp, { force: true });
        throw error;
    }
    for (const { temp, target } of staged)
        (0,external_node_fs_.renameSync)(temp, target);
}
const SKIP = new Set(['.git', 'node_modules']);
/**
 * Expands `files` entries: a plain path stays as it is (a missing one is
 * reported when it is read); a glob is matched against the checkout's files
 * and must match at least one.
 */
async function expandFiles(root, entries) {
    if (entries.length === 0)
        return [];
    // Loaded here: a run that names services, not files, needs no glob matcher.
    const { default: picomatch } = await __webpack_require__.e(/* import() */ 6).then(__webpack_require__.t.bind(__webpack_require__, 4006, 23));
    const out = [];
    let all;
    for (const entry of entries) {
        if (!picomatch.scan(entry).isGlob) {
            out.push((0,repo_path/* normalizeRepoPath */.N)(entry, 'files'));
            continue;
        }
        (0,repo_path/* normalizeRepoPath */.N)(entry, 'files');
        all ??= listFiles(root);
        const match = picomatch(entry, { dot: false });
        const found = all.filter((f) => match(f));
        if (found.length === 0)
            throw new errors/* UserError */.y(`files: "${entry}" matches no file`);
        out.push(...found);
    }
    return [...new Set(out)];
}
function listFiles(root, dir = '') {
    const out = [];
    for (const entry of (0,external_node_fs_.readdirSync)((0,external_node_path_.join)(root, dir), { withFileTypes: true })) {
        if (SKIP.has(entry.name))
            continue;
        const path = dir ? `${dir}/${entry.name}` : entry.name;
        if (entry.isDirectory())
            out.push(...listFiles(root, path));
        else if (entry.isFile())
            out.push(path);
    }
    return out.sort();
}

// EXTERNAL MODULE: ./src/actions/bump-helm-values/inputs.ts
var bump_helm_values_inputs = __webpack_require__(6963);
;// CONCATENATED MODULE: ./src/actions/bump-helm-values/main.ts
















function runContext() {
    const env = process.env;
    const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com';
    const source = env.GITHUB_REPOSITORY ?? '';
    const runUrl = source && env.GITHUB_RUN_ID ? `${serverUrl}/${source}/actions/runs/${env.GITHUB_RUN_ID}` : '';
    return {
        workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
        temp: env.RUNNER_TEMP ?? env.GITHUB_WORKSPACE ?? process.cwd(),
        serverUrl,
        source,
        trailers: [
            ['Source-Repository', source],
            ['Source-Commit', env.GITHUB_SHA ?? ''],
            ['Run-URL', runUrl],
        ],
        refBranch: env.GITHUB_REF?.startsWith('refs/heads/') ? env.GITHUB_REF.slice(11) : undefined,
    };
}
async function locate(inputs, ctx) {
    if (!inputs.repository) {
        const dir = (0,external_node_path_.resolve)(ctx.workspace, inputs.path);
        const needsGit = inputs.commit && inputs.commitMethod === 'git' && !inputs.dryRun;
        return { dir: needsGit ? await (0,gitops_checkout/* checkoutRoot */.Re)(dir) : dir, env: {}, slug: ctx.source || undefined };
    }
    if (inputs.commitMethod === 'api' && inputs.commit) {
        const slug = (0,gitops_checkout/* repositorySlug */.Sv)(inputs.repository);
        if (!slug)
            throw new errors/* UserError */.y(`Input repository must be owner/name for commit-method api`);
        return { dir: undefined, env: {}, slug };
    }
    const clone = await runner/* group */.Os(`Clone ${inputs.repository}`, () => (0,gitops_checkout/* cloneGitOpsRepo */.wY)({
        repository: inputs.repository,
        token: inputs.token,
        branch: inputs.branch,
        serverUrl: ctx.serverUrl,
        parent: ctx.temp,
    }));
    return { dir: clone.dir, env: clone.env, slug: clone.slug };
}
function pullRequestBranch(template, environment, targets) {
    const services = [...new Set(targets.map((t) => t.service ?? t.path))].sort();
    let joined = services.join('+').replace(/[^A-Za-z0-9._+-]+/g, '-');
    if (joined.length > 60) {
        joined = `${services.length}-services-${(0,sha256/* sha256Hex */.f)(services.join('\n')).slice(0, 10)}`;
    }
    const branch = template
        .replace(/\{(env|environment)\}/g, environment || 'all')
        .replace(/\{services\}/g, joined);
    if (!/^[A-Za-z0-9._+/-]+$/.test(branch) || branch.includes('..') || /^[/.]|[/.]$/.test(branch)) {
        throw new errors/* UserError */.y(`Input pull-request-branch renders to "${branch}", which is not a branch name`);
    }
    return branch;
}
function escapeCell(text) {
    return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
async function writeReport(inputs, results, outcome) {
    const changes = results.flatMap((r) => r.changes);
    const diff = results.map((r) => (0,unified_diff/* unifiedDiff */.W)(r.path, r.before, r.after)).join('');
    runner/* setOutput */.uH('changed', String(outcome.changed));
    runner/* setOutput */.uH('commit', outcome.commit ?? '');
    runner/* setOutput */.uH('files', results.map((r) => r.path).join('\n'));
    runner/* setOutput */.uH('diff', diff);
    runner/* setOutput */.uH('changes', JSON.stringify(changes));
    if (outcome.pr) {
        runner/* setOutput */.uH('pull-request-number', String(outcome.pr.number));
        runner/* setOutput */.uH('pull-request-url', outcome.pr.url);
    }
    if (diff)
        await runner/* group */.Os('Diff', async () => runner/* info */.pq(diff));
    const summary = runner/* summary */.z.addHeading('bump-helm-values', 2);
    const what = inputs.dryRun
        ? 'Dry run: nothing was written, committed or pushed.'
        : !outcome.changed
            ? 'Nothing to change: every value is already set.'
            : outcome.pr
                ? `Pull request <a href="${outcome.pr.url}">#${outcome.pr.number}</a> (commit <code>${outcome.commit}</code>).`
                : outcome.commit
                    ? `Commit <code>${outcome.commit}</code>.`
                    : 'Files edited in the checkout (not committed).';
    summary.addRaw(`<p>${what}</p>`, true);
    if (changes.length > 0) {
        summary.addTable([
            [
                { data: 'file', header: true },
                { data: 'key', header: true },
                { data: 'old', header: true },
                { data: 'new', header: true },
            ],
            ...changes.map((c) => [
                `<code>${escapeCell(c.file)}</code>`,
                `<code>${escapeCell(c.key)}</code>`,
                c.old === undefined ? '(new key)' : `<code>${escapeCell(c.old)}</code>`,
                `<code>${escapeCell(c.new)}</code>`,
            ]),
        ]);
        summary.addDetails('Diff', `\n\n\`\`\`diff\n${diff}\`\`\`\n`);
    }
    await summary.write();
}
async function run() {
    const inputs = (0,bump_helm_values_inputs/* getInputs */.GP)();
    const ctx = runContext();
    const where = await locate(inputs, ctx);
    if (inputs.mode === 'pull-request' && !inputs.push && inputs.commitMethod === 'git') {
        throw new errors/* UserError */.y('mode: pull-request needs push: true');
    }
    if (!where.dir && inputs.files.some((f) => /[*?[\]{}]/.test(f))) {
        throw new errors/* UserError */.y('files: globs need a local checkout (commit-method git, or no repository)');
    }
    const files = where.dir ? await expandFiles(where.dir, inputs.files) : inputs.files;
    const targets = resolveTargets({
        files,
        fileTemplate: inputs.fileTemplate,
        services: inputs.services,
        environment: inputs.environment,
        value: inputs.value,
        images: inputs.images,
    });
    const settings = {
        keys: inputs.keys,
        digestKey: inputs.digestKey,
        create: inputs.create,
        imageName: inputs.imageName,
    };
    let results = [];
    const prepare = async (read, attempt) => {
        const next = [];
        for (const [path, group] of groupByFile(targets)) {
            const text = await read(path);
            if (text === undefined) {
                const services = group.map((t) => t.service).filter(Boolean);
                throw new errors/* UserError */.y(`${path}: file not found${services.length ? ` (service ${services.join(', ')})` : ''}; nothing was changed`, { file: path });
            }
            const result = bumpFile(path, text, group, settings);
            if (result.after !== result.before)
                next.push(result);
        }
        results = next;
        if (attempt > 1)
            runner/* info */.pq(`Attempt ${attempt}: recomputed ${next.length} file(s) at the new tip.`);
        if (next.length === 0)
            return undefined;
        const plan = {
            files: next.map((r) => ({ path: r.path, content: r.after })),
            message: bumpMessage({
                template: inputs.commitMessage,
                environment: inputs.environment,
                keys: inputs.keys,
                targets,
                results: next,
                trailers: ctx.trailers,
            }),
        };
        for (const r of next) {
            for (const c of r.changes)
                runner/* info */.pq(`${r.path}: ${c.key} ${c.old ?? '(new)'} -> ${c.new}`);
        }
        return plan;
    };
    let client;
    const github = async () => {
        if (!inputs.token)
            throw new errors/* UserError */.y('Input token is required for the GitHub API');
        if (!where.slug)
            throw new errors/* UserError */.y('Cannot tell the GitHub repository (owner/name) to use');
        const { owner, repo } = (0,io_github/* parseRepository */.S)(where.slug);
        client ??= (0,io_github/* createGitHubClient */.L)({ token: inputs.token, log: runner/* info */.pq });
        return { client: await client, owner, repo };
    };
    // A dry run, like a run without commit, reads the checkout as it is: it
    // needs a branch only when it reads through the API instead.
    let branch = inputs.branch;
    if (!branch && where.dir && inputs.commit && !inputs.dryRun) {
        branch = (await (0,gitops_checkout/* checkedOutBranch */.iD)(where.dir, where.env)) ?? ctx.refBranch;
    }
    if (!branch && inputs.commit && inputs.commitMethod === 'api') {
        branch = inputs.repository ? await (0,github_commit/* defaultBranch */.OR)(await github()) : ctx.refBranch;
    }
    if (!branch && inputs.commit && !inputs.dryRun) {
        throw new errors/* UserError */.y('Input branch is required: the checkout is not on a branch');
    }
    if (inputs.dryRun || !inputs.commit) {
        const read = where.dir !== undefined
            ? workTreeReader(where.dir)
            : (0,github_commit/* apiReaderAt */.JM)({ ...(await github()), branch: branch });
        const plan = await prepare(read, 1);
        if (plan && !inputs.dryRun)
            writeWorkTreeFiles(where.dir, plan.files);
        await writeReport(inputs, results, { changed: plan !== undefined });
        return;
    }
    const pr = inputs.mode === 'pull-request';
    const target = pr
        ? pullRequestBranch(inputs.pullRequestBranch, inputs.environment, targets)
        : branch;
    const common = {
        branch: target,
        base: pr ? branch : undefined,
        maxAttempts: inputs.maxAttempts,
        prepare,
        log: (line) => runner/* info */.pq(line),
    };
    let result;
    if (inputs.commitMethod === 'api') {
        const api = await github();
        result = await (0,github_errors/* withApiHint */.m)(`Committing to ${api.owner}/${api.repo}@${target} through the GitHub API`, 'The token needs contents: write there.', () => (0,github_commit/* commitViaApi */.oD)({ ...api, ...common }));
    }
    else {
        result = await (0,gitops_commit/* commitAndPush */.t)({
            ...common,
            dir: where.dir,
            env: where.env,
            author: inputs.author,
            push: inputs.push,
            force: pr,
        });
    }
    if (!result.changed)
        results = [];
    let pullRequest;
    if (pr && result.changed) {
        const message = bumpMessage({
            template: inputs.commitMessage,
            environment: inputs.environment,
            keys: inputs.keys,
            targets,
            results,
            trailers: [],
        });
        const [title = '', ...body] = message.trim().split('\n');
        const api = await github();
        pullRequest = await (0,github_errors/* withApiHint */.m)(`Opening or updating the pull request from ${target} into ${branch} in ${api.owner}/${api.repo}`, 'The token needs pull-requests: write there, and the repository must allow GitHub Actions to create pull requests (Settings > Actions > General).', () => ensurePullRequest({
            ...api,
            head: target,
            base: branch,
            title,
            body: `${body.join('\n').trim()}\n\n\`\`\`diff\n${results.map((r) => (0,unified_diff/* unifiedDiff */.W)(r.path, r.before, r.after)).join('')}\`\`\`\n`,
            log: runner/* info */.pq,
        }));
    }
    await writeReport(inputs, results, {
        changed: result.changed,
        commit: result.commit,
        pr: pullRequest,
    });
}


/***/ })

};
