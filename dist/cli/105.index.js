export const id = 105;
export const ids = [105];
export const modules = {

/***/ 8105:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  post: () => (/* binding */ post),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/image-name.ts
var image_name = __webpack_require__(9512);
;// CONCATENATED MODULE: ./src/core/oci-labels.ts
// OCI image labels: every image says where it came from.

function ociLabels(from) {
    return {
        'org.opencontainers.image.source': from.source,
        'org.opencontainers.image.revision': from.revision,
        'org.opencontainers.image.created': from.created,
        'org.opencontainers.image.version': from.version,
        'org.opencontainers.image.title': from.title,
    };
}
const LABEL_KEY = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;
const BUILD_ARG_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * `KEY=value` lines (the `labels` and `build-args` inputs). The value may
 * contain `=`; a line without one, or a key outside the grammar, names the
 * input and the line.
 */
function parseKeyValues(lines, input) {
    const keyPattern = input === 'labels' ? LABEL_KEY : BUILD_ARG_KEY;
    const result = {};
    for (const line of lines) {
        const eq = line.indexOf('=');
        const key = eq < 0 ? line : line.slice(0, eq).trim();
        if (eq < 0 || !keyPattern.test(key)) {
            throw new errors/* UserError */.y(`Input ${input}: each line must be KEY=value with KEY matching ${keyPattern.source}, got ${JSON.stringify(line)}`);
        }
        result[key] = line.slice(eq + 1);
    }
    return result;
}

;// CONCATENATED MODULE: ./src/core/semver.ts
// Release tags: `v1.2.3`, `1.2.3-rc.1`, `v2.0.0+build.7`.
const SEMVER = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;
/** The version of a git tag named `vX.Y.Z[-pre][+build]`, or undefined for any other tag. */
function parseReleaseTag(name) {
    const match = SEMVER.exec(name);
    if (!match)
        return undefined;
    const [, major, minor, patch, prerelease, build] = match;
    const core = `${major}.${minor}.${patch}`;
    return {
        major: Number(major),
        minor: Number(minor),
        patch: Number(patch),
        prerelease,
        tag: [core, prerelease, build].filter((part) => part !== undefined).join('-'),
    };
}

;// CONCATENATED MODULE: ./src/core/tag-grammar.ts
// The registry's tag grammar and the slugs that make branch names fit it.
/** The OCI distribution spec's tag grammar. */
const TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const MAX_TAG_LENGTH = 128;
/** Used when a branch has no character that survives slugging (an all-unicode name). */
const EMPTY_SLUG_FALLBACK = 'branch';
function isValidTag(tag) {
    return TAG_PATTERN.test(tag);
}
/**
 * A branch (or git tag) name as a tag fragment: every character outside
 * [A-Za-z0-9_.-] becomes `-`, runs of `-` collapse, lower case, no leading or
 * trailing `.`/`-`. `feature/JIRA-12_add cart` -> `feature-jira-12_add-cart`.
 */
function branchSlug(name) {
    const slug = name
        .replace(/[^A-Za-z0-9_.-]/gu, '-')
        .replace(/-{2,}/g, '-')
        .toLowerCase()
        .replace(/^[.-]+/, '')
        .replace(/[.-]+$/, '');
    return slug === '' ? EMPTY_SLUG_FALLBACK : slug;
}
/** Shortens a slug to at most `max` characters, never ending in `.` or `-`. */
function truncateSlug(slug, max) {
    if (slug.length <= max)
        return slug;
    return slug.slice(0, Math.max(0, max)).replace(/[.-]+$/, '');
}

;// CONCATENATED MODULE: ./src/core/tags.ts
// Tag rules: which tags an image gets for an event, and the user's templates.



const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const TEMPLATE_PLACEHOLDERS = [
    'sha',
    'short_sha',
    'branch',
    'semver',
    'major',
    'minor',
    'patch',
    'service',
    'run_number',
    'pr_number',
];
function kindOf(ctx, version) {
    if (ctx.tag !== undefined) {
        if (!version)
            return 'git-tag';
        return version.prerelease === undefined ? 'release' : 'prerelease';
    }
    if (ctx.prHead)
        return 'pull-request';
    if (ctx.branch === undefined)
        return 'commit';
    return ctx.branch === ctx.defaultBranch ? 'default-branch' : 'branch';
}
/** `<slug>-<sha>`, the slug cut so the whole tag fits while the SHA survives. */
function slugWithSha(name, sha) {
    const slug = truncateSlug(branchSlug(name), MAX_TAG_LENGTH - sha.length - 1);
    return `${slug}-${sha}`;
}
/**
 * Renders one template. Returns undefined when a placeholder has no value for
 * this event ({semver} on a branch push): that template does not apply.
 */
function renderTemplate(template, vars) {
    const names = [...template.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]);
    for (const name of names) {
        if (!TEMPLATE_PLACEHOLDERS.includes(name)) {
            throw new errors/* UserError */.y(`Input tags: unknown placeholder {${name}} in "${template}" (known: ${TEMPLATE_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')})`);
        }
        if (vars[name] === undefined)
            return undefined;
    }
    const fill = (branch) => template.replace(/\{([^{}]*)\}/g, (_, name) => name === 'branch' ? branch : vars[name]);
    let tag = fill(vars.branch ?? '');
    // A long branch gives way so the rest of the tag (the SHA) survives.
    const branchCount = names.filter((n) => n === 'branch').length;
    if (tag.length > MAX_TAG_LENGTH && branchCount > 0) {
        const fixed = fill('').length;
        const room = Math.floor((MAX_TAG_LENGTH - fixed) / branchCount);
        if (room >= 1)
            tag = fill(truncateSlug(vars.branch, room));
    }
    if (!isValidTag(tag)) {
        throw new errors/* UserError */.y(`Input tags: "${template}" gives "${tag.length > 140 ? `${tag.slice(0, 140)}...` : tag}", which is not a valid image tag (${TAG_PATTERN.source})`);
    }
    return tag;
}
function computeTags(ctx, options) {
    const sha = ctx.sha.toLowerCase();
    if (!SHA.test(sha)) {
        throw new errors/* UserError */.y(`The commit to build is not a full commit SHA: "${ctx.sha}" (GITHUB_SHA)`);
    }
    const version = ctx.tag !== undefined ? parseReleaseTag(ctx.tag) : undefined;
    const kind = kindOf(ctx, version);
    const defaults = [];
    let immutable = sha;
    switch (kind) {
        case 'default-branch':
            defaults.push(sha);
            break;
        case 'branch':
        case 'pull-request':
            immutable = slugWithSha(ctx.branch, sha);
            defaults.push(immutable);
            break;
        case 'release':
        case 'prerelease':
            defaults.push(version.tag, sha);
            break;
        case 'git-tag':
            defaults.push(truncateSlug(branchSlug(ctx.tag), MAX_TAG_LENGTH), sha);
            break;
        case 'commit':
            defaults.push(sha);
            break;
    }
    const moveLatest = options.latest === 'true' ||
        (options.latest === 'auto' &&
            options.defaults &&
            (kind === 'default-branch' || kind === 'release'));
    if (moveLatest)
        defaults.push('latest');
    const vars = {
        sha,
        short_sha: sha.slice(0, 7),
        branch: ctx.branch === undefined ? undefined : branchSlug(ctx.branch),
        semver: version?.tag,
        major: version === undefined ? undefined : String(version.major),
        minor: version === undefined ? undefined : String(version.minor),
        patch: version === undefined ? undefined : String(version.patch),
        service: options.service.toLowerCase(),
        run_number: String(ctx.runNumber),
        pr_number: ctx.prNumber === undefined ? undefined : String(ctx.prNumber),
    };
    const notes = [];
    const extra = [];
    for (const template of options.templates) {
        const tag = renderTemplate(template, vars);
        if (tag === undefined)
            notes.push(`tag template "${template}" does not apply to this event`);
        else
            extra.push(tag);
    }
    const tags = [...new Set([...(options.defaults ? defaults : []), ...extra])];
    if (tags.length === 0) {
        throw new errors/* UserError */.y('No tags to apply: default-tags is false and no template in tags applies to this event');
    }
    // Without the defaults, the first tag that names the commit is the immutable one.
    if (!options.defaults)
        immutable = tags.find((t) => t.includes(sha.slice(0, 7))) ?? tags[0];
    return { tags, immutable, kind, version, notes };
}

// EXTERNAL MODULE: ./src/core/workspace-path.ts
var workspace_path = __webpack_require__(3364);
;// CONCATENATED MODULE: ./src/core/build-plan.ts
// Everything build-and-tag will do, decided and checked before any docker
// call: a hostile input fails here, not halfway through a push.





const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/;
const TARGET = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const BUILDER = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const PROVENANCE = new Set(['auto', 'true', 'false', 'mode=min', 'mode=max']);
function checkPattern(value, pattern, input) {
    if (value !== undefined && !pattern.test(value)) {
        throw new errors/* UserError */.y(`Input ${input} must match ${pattern.source}, got ${JSON.stringify(value)}`);
    }
}
function planBuild(request, ctx, env) {
    const service = (0,image_name/* checkServiceName */.PV)(request.service);
    const image = (0,image_name/* imageFor */.zd)(service, request.registry, request.image);
    const notes = [];
    const defaultContext = `services/${service}`;
    const contextInput = request.context ??
        (env.isDirectory((0,workspace_path/* resolveInWorkspace */.z)(env.workspace, defaultContext, 'service'))
            ? defaultContext
            : '.');
    const context = (0,workspace_path/* resolveInWorkspace */.z)(env.workspace, contextInput, 'context');
    const dockerfile = (0,workspace_path/* resolveInWorkspace */.z)(request.dockerfile === undefined ? context : env.workspace, request.dockerfile ?? 'Dockerfile', 'dockerfile');
    // A dockerfile given relative to the context must still be in the workspace.
    (0,workspace_path/* resolveInWorkspace */.z)(env.workspace, dockerfile, 'dockerfile');
    for (const platform of request.platforms)
        checkPattern(platform, PLATFORM, 'platforms');
    checkPattern(request.target, TARGET, 'target');
    checkPattern(request.builder, BUILDER, 'builder');
    if (!PROVENANCE.has(request.provenance)) {
        throw new errors/* UserError */.y(`Input provenance must be one of ${[...PROVENANCE].join(', ')}, got ${JSON.stringify(request.provenance)}`);
    }
    if (request.load && request.platforms.length > 1) {
        throw new errors/* UserError */.y(`Input load: the Docker engine cannot load an image for ${request.platforms.length} platforms; build one platform to load it`);
    }
    const tagSet = computeTags(ctx, {
        service,
        templates: request.tags,
        defaults: request.defaultTags,
        latest: request.latest,
    });
    notes.push(...tagSet.notes);
    let push = request.push !== 'false';
    if (request.push === 'auto' && ctx.isFork) {
        push = false;
        notes.push('pull request from a fork: not pushing (its token cannot write packages); set push: true to override');
    }
    // `cart` alone would be Docker Hub's library/cart, which no one but Docker can push to.
    if (push && !request.dryRun && !image.includes('/')) {
        throw new errors/* UserError */.y(`Nowhere to push "${image}": set registry (e.g. ghcr.io/minishop) or image, or push: false`);
    }
    const version = tagSet.version?.tag ?? tagSet.immutable;
    const labels = {
        ...ociLabels({
            source: `${ctx.serverUrl}/${ctx.repository}`,
            revision: ctx.sha.toLowerCase(),
            created: env.now,
            version,
            title: service,
        }),
        ...parseKeyValues(request.labels, 'labels'),
    };
    return {
        service,
        image,
        tags: tagSet.tags,
        refs: tagSet.tags.map((tag) => (0,image_name/* imageRef */.D6)(image, tag)),
        tag: tagSet.immutable,
        kind: tagSet.kind,
        version: tagSet.version?.tag,
        push,
        load: request.load,
        dryRun: request.dryRun,
        context,
        dockerfile,
        contextPath: (0,workspace_path/* workspaceRelative */.U)(env.workspace, context),
        dockerfilePath: (0,workspace_path/* workspaceRelative */.U)(env.workspace, dockerfile),
        labels,
        buildArgs: parseKeyValues(request.buildArgs, 'build-args'),
        platforms: [...request.platforms],
        target: request.target,
        pull: request.pull,
        cache: request.cache,
        provenance: request.provenance === 'auto'
            ? request.platforms.length <= 1
                ? 'false'
                : undefined
            : request.provenance,
        builder: request.builder,
        registry: (0,image_name/* registryHost */.U$)(image),
        notes,
    };
}

// EXTERNAL MODULE: ./src/core/event-context.ts
var event_context = __webpack_require__(717);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/io/exec.ts
var exec = __webpack_require__(9867);
;// CONCATENATED MODULE: ./src/io/docker.ts
// The docker CLI: buildx detection, build, push, login/logout, inspect.
// Every call is an argument array through src/io/exec.ts: no shell.




function dockerEnv(options) {
    const env = { ...options.env };
    if (options.configDir)
        env.DOCKER_CONFIG = options.configDir;
    return Object.keys(env).length > 0 ? env : undefined;
}
function docker(args, options = {}) {
    return (0,exec/* run */.e)('docker', args, { env: dockerEnv(options), silent: !options.verbose });
}
/** Whether `docker buildx` is there (Debian's docker.io has no buildx). */
async function hasBuildx(options = {}) {
    try {
        const result = await (0,exec/* run */.e)('docker', ['buildx', 'version'], {
            env: dockerEnv(options),
            allowFailure: true,
        });
        return result.code === 0;
    }
    catch {
        return false;
    }
}
/**
 * The driver of a buildx builder (`docker`, `docker-container`, ...). The
 * plain `docker` driver cannot export a build cache.
 */
async function buildxDriver(builder, options = {}) {
    const args = ['buildx', 'inspect', ...(builder ? ['--builder', builder] : [])];
    const result = await (0,exec/* run */.e)('docker', args, { env: dockerEnv(options), allowFailure: true });
    return result.code === 0 ? /^Driver:\s+(\S+)/m.exec(result.stdout)?.[1] : undefined;
}
/**
 * A private DOCKER_CONFIG under `parent` (RUNNER_TEMP) for a login: a copy
 * of the user's config.json without credential stores, so the password is
 * written only there, and links to the user's buildx builders and CLI plugins.
 */
function privateDockerConfig(parent, host) {
    const source = process.env.DOCKER_CONFIG || (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.docker');
    const dir = (0,external_node_path_.join)(parent, `docker-config-${process.pid}-${Date.now()}`);
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true, mode: 0o700 });
    let config = {};
    const sourceFile = (0,external_node_path_.join)(source, 'config.json');
    if ((0,external_node_fs_.existsSync)(sourceFile)) {
        try {
            config = JSON.parse((0,external_node_fs_.readFileSync)(sourceFile, 'utf8'));
        }
        catch {
            config = {};
        }
    }
    delete config.credsStore;
    const helpers = config.credHelpers;
    if (helpers)
        delete helpers[host];
    (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(dir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
    if ((0,external_node_fs_.existsSync)(source)) {
        for (const entry of (0,external_node_fs_.readdirSync)(source)) {
            if (entry !== 'config.json')
                (0,external_node_fs_.symlinkSync)((0,external_node_path_.join)(source, entry), (0,external_node_path_.join)(dir, entry));
        }
    }
    return dir;
}
async function login(host, username, password, configDir) {
    await (0,exec/* run */.e)('docker', ['login', host, '--username', username, '--password-stdin'], {
        env: { DOCKER_CONFIG: configDir },
        input: password,
    });
}
async function logout(host, configDir) {
    await (0,exec/* run */.e)('docker', ['logout', host], { env: { DOCKER_CONFIG: configDir }, allowFailure: true });
}
/** `docker push` of one reference; returns the digest docker printed, if any. */
async function push(ref, options = {}) {
    const result = await docker(['push', ref], { ...options, verbose: true });
    return /digest: (sha256:[0-9a-f]{64})/.exec(result.stdout)?.[1];
}
async function inspectImage(ref, options = {}) {
    const result = await docker(['image', 'inspect', '--format', '{{json .}}', ref], options);
    const json = JSON.parse(result.stdout);
    return { id: json.Id, labels: json.Config?.Labels ?? {}, repoDigests: json.RepoDigests ?? [] };
}

// EXTERNAL MODULE: ./src/io/event-payload.ts
var event_payload = __webpack_require__(5319);
// EXTERNAL MODULE: ./src/io/runner.ts
var runner = __webpack_require__(1068);
// EXTERNAL MODULE: ./src/actions/common/state.ts
var state = __webpack_require__(6968);
;// CONCATENATED MODULE: ./src/core/docker-args.ts
function common(plan) {
    const args = ['--file', plan.dockerfile];
    for (const ref of plan.refs)
        args.push('--tag', ref);
    for (const [key, value] of Object.entries(plan.labels))
        args.push('--label', `${key}=${value}`);
    for (const [key, value] of Object.entries(plan.buildArgs)) {
        args.push('--build-arg', `${key}=${value}`);
    }
    if (plan.target !== undefined)
        args.push('--target', plan.target);
    if (plan.pull)
        args.push('--pull');
    return args;
}
/** Cache flags; `gha` only when the runner handed this action its cache token. */
function cacheArgs(plan, ghaAvailable) {
    if (plan.cache === 'gha' && ghaAvailable) {
        // One scope per service: without it every service overwrites the others' cache.
        const scope = `scope=${plan.service}`;
        return ['--cache-from', `type=gha,${scope}`, '--cache-to', `type=gha,${scope},mode=max`];
    }
    if (plan.cache === 'registry') {
        const ref = `ref=${plan.image}:buildcache`;
        const args = ['--cache-from', `type=registry,${ref}`];
        // Writing the cache is a push: not for a run that must not push.
        if (plan.push)
            args.push('--cache-to', `type=registry,${ref},mode=max`);
        return args;
    }
    return [];
}
function buildxArgs(plan, files, ghaAvailable) {
    const args = ['buildx', 'build'];
    if (plan.builder !== undefined)
        args.push('--builder', plan.builder);
    args.push(...common(plan));
    if (plan.platforms.length > 0)
        args.push('--platform', plan.platforms.join(','));
    args.push(...cacheArgs(plan, ghaAvailable));
    if (plan.provenance !== undefined)
        args.push(`--provenance=${plan.provenance}`);
    args.push('--metadata-file', files.metadataFile);
    if (plan.push)
        args.push('--push');
    if (plan.load)
        args.push('--load');
    args.push(plan.context);
    return args;
}
/** The classic builder (no buildx): builds into the local engine; pushing is separate. */
function classicBuildArgs(plan, files) {
    const args = ['build', ...common(plan)];
    if (plan.platforms.length === 1)
        args.push('--platform', plan.platforms[0]);
    args.push('--iidfile', files.iidFile, plan.context);
    return args;
}
const DIGEST = /^sha256:[0-9a-f]{64}$/;
/** Reads buildx's --metadata-file JSON. */
function parseBuildxMetadata(text) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch {
        return { digest: undefined, imageId: undefined };
    }
    const pick = (key) => {
        const value = json[key];
        return typeof value === 'string' && DIGEST.test(value) ? value : undefined;
    };
    return { digest: pick('containerimage.digest'), imageId: pick('containerimage.config.digest') };
}

;// CONCATENATED MODULE: ./src/io/registry.ts
// Reads what a registry says a tag points at (its Docker-Content-Digest),
// over the distribution HTTP API, with the token dance registries require.

const MANIFEST_TYPES = [
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.list.v2+json',
    'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');
// A registry that does not answer must not hang the job until its timeout.
const TIMEOUT_MS = 30_000;
/** Registries docker itself talks plain HTTP to: loopback only. */
function isLoopback(host) {
    const name = host.replace(/:\d+$/, '');
    return name === 'localhost' || name === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(name);
}
/** The API endpoint and repository path of an image (Docker Hub's short names included). */
function registryEndpoint(image) {
    const { host, path } = (0,image_name/* splitImage */.s5)(image);
    const registry = host === undefined || host === image_name/* DOCKER_HUB */.Xb ? 'registry-1.docker.io' : host;
    const repository = host === undefined && !path.includes('/') ? `library/${path}` : path;
    return { baseUrl: `${isLoopback(registry) ? 'http' : 'https'}://${registry}`, repository };
}
function basic(credentials) {
    return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
}
/** Parses `Bearer realm="...",service="...",scope="..."`. */
function parseChallenge(header) {
    const space = header.indexOf(' ');
    const scheme = (space < 0 ? header : header.slice(0, space)).toLowerCase();
    const params = {};
    for (const match of header.slice(space + 1).matchAll(/(\w+)="([^"]*)"/g)) {
        params[match[1]] = match[2];
    }
    return { scheme, params };
}
async function authorization(challenge, repository, credentials) {
    const { scheme, params } = parseChallenge(challenge);
    if (scheme === 'basic')
        return credentials ? basic(credentials) : undefined;
    if (scheme !== 'bearer' || !params.realm)
        return undefined;
    const url = new URL(params.realm);
    if (params.service)
        url.searchParams.set('service', params.service);
    url.searchParams.set('scope', params.scope ?? `repository:${repository}:pull`);
    const response = await fetch(url, {
        headers: credentials ? { authorization: basic(credentials) } : {},
        signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok) {
        throw new Error(`registry token request to ${url.origin} answered ${response.status}`);
    }
    const body = (await response.json());
    const token = body.token ?? body.access_token;
    return token ? `Bearer ${token}` : undefined;
}
/**
 * The digest the registry reports for `image:tag` (its Docker-Content-Digest
 * header on a HEAD of the manifest), or an error saying what it answered.
 */
async function manifestDigest(image, tag, credentials) {
    const { baseUrl, repository } = registryEndpoint(image);
    const url = `${baseUrl}/v2/${repository}/manifests/${encodeURIComponent(tag)}`;
    const head = (auth) => fetch(url, {
        method: 'HEAD',
        headers: { accept: MANIFEST_TYPES, ...(auth ? { authorization: auth } : {}) },
        signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    let response = await head();
    const challenge = response.headers.get('www-authenticate');
    if (response.status === 401 && challenge) {
        response = await head(await authorization(challenge, repository, credentials));
    }
    const digest = response.headers.get('docker-content-digest');
    if (!response.ok || !digest) {
        throw new Error(`registry ${baseUrl} answered ${response.status} for ${repository}:${tag}${response.ok ? ' without a Docker-Content-Digest header' : ''}`);
    }
    return digest;
}

;// CONCATENATED MODULE: ./src/actions/build-and-tag/build.ts
// Runs a build plan: buildx when present, else the classic builder plus one
// `docker push` per tag with the digest read back from the registry.








/**
 * A failing docker build or push is the user's to fix (their Dockerfile,
 * their credentials), not a bug of ours: report docker's own words plainly.
 */
async function dockerStep(what, step) {
    try {
        return await step();
    }
    catch (error) {
        if (!(error instanceof exec/* CommandError */.Q))
            throw error;
        const detail = (error.result.stderr.trim() || error.result.stdout.trim())
            .split('\n')
            .filter((line) => !/^\s*(DEPRECATED: The legacy builder|BuildKit is currently disabled|environment-variable\.|Install the buildx component|https:\/\/docs\.docker\.com\/go\/buildx)/.test(line))
            .filter((line) => line.trim() !== '')
            .slice(-15)
            .join('\n');
        throw new errors/* UserError */.y(`${what} failed (docker exit code ${error.result.code})${detail ? `:\n${detail}` : ''}`);
    }
}
/** The runner gives a JavaScript action its cache token; buildx's gha cache needs it. */
function ghaCacheAvailable() {
    return Boolean(process.env.ACTIONS_RUNTIME_TOKEN &&
        (process.env.ACTIONS_CACHE_URL || process.env.ACTIONS_RESULTS_URL));
}
async function withBuildx(plan, env) {
    const metadataFile = (0,external_node_path_.join)(env.tempDir, `build-metadata-${process.pid}-${Date.now()}.json`);
    let gha = ghaCacheAvailable();
    let buildPlan = plan;
    if (plan.cache !== 'none') {
        const driver = await buildxDriver(plan.builder, { configDir: env.configDir });
        if (driver === 'docker') {
            // buildx's default builder on a runner: it would fail on --cache-to.
            runner/* notice */.lm(`cache: ${plan.cache} needs a buildx builder with the docker-container driver (docker/setup-buildx-action); the current builder uses the docker driver: building without it`);
            buildPlan = { ...plan, cache: 'none' };
        }
        else if (plan.cache === 'gha' && !gha) {
            runner/* notice */.lm('cache: gha needs the runner cache token (ACTIONS_RUNTIME_TOKEN), which this step did not get: building without a cache');
        }
    }
    gha = gha && buildPlan.cache === 'gha';
    await runner/* group */.Os(`Build ${plan.image} (buildx)`, () => dockerStep(`docker buildx build of ${plan.image}`, () => docker(buildxArgs(buildPlan, { metadataFile }, gha), {
        configDir: env.configDir,
        verbose: true,
    })));
    let metadata = { digest: undefined, imageId: undefined };
    try {
        metadata = parseBuildxMetadata((0,external_node_fs_.readFileSync)(metadataFile, 'utf8'));
    }
    catch {
        // No metadata file: buildx without an exporter writes none.
    }
    if (plan.push && !metadata.digest) {
        throw new Error(`buildx pushed ${plan.image} but its metadata file has no containerimage.digest`);
    }
    const pushed = {};
    if (plan.push && metadata.digest)
        for (const tag of plan.tags)
            pushed[tag] = metadata.digest;
    return {
        builder: 'buildx',
        digest: plan.push ? metadata.digest : undefined,
        imageId: metadata.imageId,
        pushed,
    };
}
async function withClassicBuilder(plan, env) {
    if (plan.platforms.length > 1) {
        throw new errors/* UserError */.y(`Input platforms: building for ${plan.platforms.join(', ')} needs docker buildx, which this runner does not have`);
    }
    if (plan.cache !== 'none') {
        runner/* info */.pq(`cache: ${plan.cache} needs docker buildx; the classic builder uses the engine's layer cache`);
    }
    if (plan.provenance !== undefined && plan.provenance !== 'false') {
        runner/* notice */.lm(`provenance: ${plan.provenance} needs docker buildx; building without an attestation`);
    }
    const iidFile = (0,external_node_path_.join)(env.tempDir, `build-iid-${process.pid}-${Date.now()}`);
    // DOCKER_BUILDKIT=0: a CLI without buildx would otherwise refuse to build.
    const options = { configDir: env.configDir, env: { DOCKER_BUILDKIT: '0' }, verbose: true };
    await runner/* group */.Os(`Build ${plan.image} (docker build)`, () => dockerStep(`docker build of ${plan.image}`, () => docker(classicBuildArgs(plan, { iidFile }), options)));
    const imageId = (0,external_node_fs_.readFileSync)(iidFile, 'utf8').trim() || undefined;
    const pushed = {};
    if (!plan.push)
        return { builder: 'docker', digest: undefined, imageId, pushed };
    await runner/* group */.Os(`Push ${plan.refs.length} tag(s) of ${plan.image}`, async () => {
        for (let i = 0; i < plan.refs.length; i++) {
            const tag = plan.tags[i];
            const printed = await dockerStep(`docker push of ${plan.refs[i]}`, () => push(plan.refs[i], { configDir: env.configDir }));
            let digest;
            try {
                digest = await manifestDigest(plan.image, tag, env.credentials);
            }
            catch (error) {
                if (!printed)
                    throw error;
                runner/* warning */.$e(`Could not read ${plan.image}:${tag} back from the registry (${error.message}); using the digest docker push printed`);
                digest = printed;
            }
            if (printed && printed !== digest) {
                throw new Error(`${plan.refs[i]}: docker push printed ${printed} but the registry reports ${digest} (another push raced this one?)`);
            }
            pushed[tag] = digest;
            runner/* info */.pq(`${plan.refs[i]} -> ${digest}`);
        }
    });
    const digests = new Set(Object.values(pushed));
    if (digests.size !== 1) {
        throw new Error(`The tags of ${plan.image} point at different digests in the registry: ${JSON.stringify(pushed)}`);
    }
    return { builder: 'docker', digest: [...digests][0], imageId, pushed };
}
async function buildImage(plan, env) {
    const buildx = await hasBuildx({ configDir: env.configDir });
    runner/* info */.pq(buildx ? 'Using docker buildx' : 'docker buildx not found: using docker build + docker push');
    return buildx ? withBuildx(plan, env) : withClassicBuilder(plan, env);
}

// EXTERNAL MODULE: ./src/actions/common/inputs.ts
var inputs = __webpack_require__(9120);
;// CONCATENATED MODULE: ./src/actions/build-and-tag/inputs.ts



function getInputs() {
    const password = (0,inputs/* getOptional */.xX)('password');
    // Mask before anything can fail and print it.
    if (password !== undefined)
        runner/* setSecret */.Pq(password);
    const username = (0,inputs/* getOptional */.xX)('username');
    if ((username === undefined) !== (password === undefined)) {
        throw new errors/* UserError */.y('Inputs username and password go together: give both or neither');
    }
    return {
        service: (0,inputs/* getString */.AA)('service', { required: true }).trim(),
        context: (0,inputs/* getOptional */.xX)('context')?.trim(),
        dockerfile: (0,inputs/* getOptional */.xX)('dockerfile')?.trim(),
        registry: (0,inputs/* getOptional */.xX)('registry')?.trim(),
        image: (0,inputs/* getOptional */.xX)('image')?.trim(),
        tags: (0,inputs/* getList */.vS)('tags'),
        defaultTags: (0,inputs/* getBool */.Jz)('default-tags', true),
        latest: (0,inputs/* getEnum */.GV)('latest', ['auto', 'true', 'false'], 'auto'),
        push: (0,inputs/* getEnum */.GV)('push', ['auto', 'true', 'false'], 'auto'),
        load: (0,inputs/* getBool */.Jz)('load', false),
        dryRun: (0,inputs/* getBool */.Jz)('dry-run', false),
        buildArgs: (0,inputs/* getList */.vS)('build-args'),
        labels: (0,inputs/* getList */.vS)('labels'),
        platforms: (0,inputs/* getList */.vS)('platforms', { commas: true }),
        target: (0,inputs/* getOptional */.xX)('target')?.trim(),
        pull: (0,inputs/* getBool */.Jz)('pull', false),
        cache: (0,inputs/* getEnum */.GV)('cache', ['gha', 'registry', 'none'], 'gha'),
        provenance: (0,inputs/* getOptional */.xX)('provenance')?.trim() ?? 'auto',
        builder: (0,inputs/* getOptional */.xX)('builder')?.trim(),
        username,
        password,
    };
}

;// CONCATENATED MODULE: ./src/actions/build-and-tag/main.ts










const STATE_CONFIG_DIR = 'dockerConfigDir';
const STATE_REGISTRY = 'loginRegistry';
function isDirectory(path) {
    try {
        return (0,external_node_fs_.statSync)(path).isDirectory();
    }
    catch {
        return false;
    }
}
function outputsOf(plan, result) {
    const digest = result?.digest;
    return {
        image: plan.image,
        tags: plan.refs.join('\n'),
        tag: plan.tag,
        digest: digest ?? '',
        'image-id': result?.imageId ?? '',
        'image-ref': digest ? `${plan.image}@${digest}` : `${plan.image}:${plan.tag}`,
        metadata: JSON.stringify({
            service: plan.service,
            image: plan.image,
            tags: plan.tags,
            refs: plan.refs,
            tag: plan.tag,
            kind: plan.kind,
            version: plan.version ?? null,
            digest: digest ?? null,
            imageId: result?.imageId ?? null,
            imageRef: digest ? `${plan.image}@${digest}` : `${plan.image}:${plan.tag}`,
            pushed: result ? Object.keys(result.pushed).length > 0 : false,
            loaded: result ? plan.load || result.builder === 'docker' : false,
            dryRun: plan.dryRun,
            builder: result?.builder ?? null,
            context: plan.contextPath,
            dockerfile: plan.dockerfilePath,
            platforms: plan.platforms,
            labels: plan.labels,
        }),
    };
}
async function writeSummary(plan, result) {
    const status = plan.dryRun
        ? 'dry run (nothing built)'
        : result?.digest
            ? 'pushed'
            : plan.load || result?.builder === 'docker'
                ? 'built, not pushed'
                : 'built';
    await runner/* summary */.z
        .addHeading(`build-and-tag: ${plan.service}`, 3)
        .addTable([
        [
            { data: 'service', header: true },
            { data: 'tags', header: true },
            { data: 'digest', header: true },
        ],
        [
            plan.service,
            plan.refs.map((ref) => `<code>${ref}</code>`).join('<br>'),
            result?.digest ? `<code>${result.digest}</code>` : status,
        ],
    ])
        .write();
}
async function run() {
    const inputs = getInputs();
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
    const ctx = (0,event_context/* eventContext */.W)(process.env, (0,event_payload/* readEventPayload */.N)());
    const plan = planBuild(inputs, ctx, {
        workspace,
        now: new Date().toISOString(),
        isDirectory,
    });
    runner/* startGroup */.Oh(`Plan for ${plan.service}`);
    runner/* info */.pq(`image:      ${plan.image}`);
    runner/* info */.pq(`tags:       ${plan.tags.join(' ')}  (${plan.kind})`);
    runner/* info */.pq(`immutable:  ${plan.tag}`);
    runner/* info */.pq(`context:    ${plan.contextPath}`);
    runner/* info */.pq(`dockerfile: ${plan.dockerfilePath}`);
    runner/* info */.pq(`push: ${plan.push}  load: ${plan.load}  dry-run: ${plan.dryRun}`);
    runner/* endGroup */.N4();
    for (const note of plan.notes)
        runner/* notice */.lm(note);
    let result;
    if (!plan.dryRun) {
        const tempDir = process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)();
        let configDir;
        if (inputs.username !== undefined && inputs.password !== undefined) {
            configDir = privateDockerConfig(tempDir, plan.registry);
            (0,state/* save */.UN)(STATE_CONFIG_DIR, configDir);
            (0,state/* save */.UN)(STATE_REGISTRY, plan.registry);
            await runner/* group */.Os(`Log in to ${plan.registry}`, () => login(plan.registry, inputs.username, inputs.password, configDir));
        }
        const credentials = inputs.username !== undefined && inputs.password !== undefined
            ? { username: inputs.username, password: inputs.password }
            : undefined;
        result = await buildImage(plan, { tempDir, configDir, credentials });
    }
    for (const [name, value] of Object.entries(outputsOf(plan, result)))
        runner/* setOutput */.uH(name, value);
    await writeSummary(plan, result);
}
/** Logs out of the registry and removes the private docker config holding the credentials. */
async function post() {
    const configDir = (0,state/* load */.Hh)(STATE_CONFIG_DIR);
    if (!configDir)
        return;
    await logout((0,state/* load */.Hh)(STATE_REGISTRY), configDir);
    (0,external_node_fs_.rmSync)(configDir, { recursive: true, force: true });
    runner/* info */.pq(`Logged out of ${(0,state/* load */.Hh)(STATE_REGISTRY)}`);
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


/***/ })

};
