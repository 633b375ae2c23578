export const id = 564;
export const ids = [564];
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

/***/ 9564:
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
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/yaml-lib.ts
var yaml_lib = __webpack_require__(7014);
;// CONCATENATED MODULE: ./src/core/kind-config.ts


const KIND_API_VERSION = 'kind.x-k8s.io/v1alpha4';
const CERTS_DIR = '/etc/containerd/certs.d';
/** Kept for node images older than kind v0.27, which did not set config_path themselves. */
const CONFIG_PATH_PATCH = `[plugins."io.containerd.grpc.v1.cri".registry]
  config_path = "${CERTS_DIR}"`;
function registryHost(registry) {
    return `localhost:${registry.port}`;
}
/** Where each node's hosts.toml goes, and what it says. */
function hostsToml(registry) {
    const dir = `${CERTS_DIR}/${registryHost(registry)}`;
    return {
        dir,
        file: `${dir}/hosts.toml`,
        content: `[host."http://${registry.container}:5000"]\n`,
    };
}
/** KEP-1755's ConfigMap, so in-cluster tools can discover the registry. */
function registryHostingConfigMap(registry) {
    return (0,yaml_lib/* yaml */.oQ)().stringify({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'local-registry-hosting', namespace: 'kube-public' },
        data: {
            'localRegistryHosting.v1': `host: "${registryHost(registry)}"\nhelp: "https://kind.sigs.k8s.io/docs/user/local-registry/"\n`,
        },
    });
}
function fail(message, path, offset, lines) {
    const pos = offset === undefined ? undefined : lines.linePos(offset);
    throw new errors/* UserError */.y(message, { file: path, line: pos?.line, column: pos?.col });
}
/**
 * The config handed to `kind create cluster --config`: the user's file
 * (validated, otherwise untouched) or 1 control-plane + N workers, plus the
 * containerd patch when a local registry is wired in.
 */
function kindConfig(options) {
    const warnings = [];
    let doc;
    if (options.userConfig) {
        const { path, text } = options.userConfig;
        const lines = new ((0,yaml_lib/* yaml */.oQ)().LineCounter)();
        doc = (0,yaml_lib/* yaml */.oQ)().parseDocument(text, { lineCounter: lines, prettyErrors: false });
        const [error] = doc.errors;
        if (error)
            fail(`${path} is not valid YAML: ${error.message}`, path, error.pos[0], lines);
        const root = doc.contents;
        if (!(0,yaml_lib/* isMap */.jh)(root))
            fail(`${path} must be a kind Cluster config (a YAML mapping)`, path, 0, lines);
        const kind = root.get('kind');
        const apiVersion = root.get('apiVersion');
        if (kind !== 'Cluster' || apiVersion !== KIND_API_VERSION) {
            fail(`${path} must say kind: Cluster and apiVersion: ${KIND_API_VERSION} (got ${String(kind)} / ${String(apiVersion)})`, path, root.range?.[0], lines);
        }
        const patches = root.get('containerdConfigPatches', true);
        if (patches !== undefined && !(0,yaml_lib/* isSeq */.oP)(patches)) {
            fail(`${path}: containerdConfigPatches must be a list`, path, root.range?.[0], lines);
        }
        const mirrors = patches?.items.find((item) => String((0,yaml_lib/* isScalar */.jn)(item) ? item.value : '').includes('registry.mirrors'));
        if (mirrors) {
            const message = `${path}: a containerdConfigPatches entry uses registry.mirrors, which containerd 2 (kind v0.27+ node images) rejects next to config_path; configure mirrors with hosts.toml files under ${CERTS_DIR} instead`;
            if (options.registry)
                fail(message, path, mirrors.range?.[0], lines);
            warnings.push(message);
        }
    }
    else {
        doc = new ((0,yaml_lib/* yaml */.oQ)().Document)({
            kind: 'Cluster',
            apiVersion: KIND_API_VERSION,
            nodes: [
                { role: 'control-plane' },
                ...Array.from({ length: options.workers }, () => ({ role: 'worker' })),
            ],
        });
    }
    if (options.registry) {
        const root = doc.contents;
        const existing = root.get('containerdConfigPatches', true);
        const patch = doc.createNode(CONFIG_PATH_PATCH);
        if ((0,yaml_lib/* isSeq */.oP)(existing))
            existing.items.push(patch);
        else
            root.set('containerdConfigPatches', doc.createNode([CONFIG_PATH_PATCH]));
    }
    return { yaml: doc.toString({ lineWidth: 0 }), warnings };
}

;// CONCATENATED MODULE: ./src/core/kind-diagnostics.ts
// What a failed kind-integration run shows: the pods (phase, restarts, reason)
// from `kubectl get pods -A -o json`, which of them to describe and whose logs
// to fetch, and the job summary, kept under GitHub's 1 MiB step-summary limit
// (above it GitHub drops the whole summary).
function firstLine(text) {
    return (text ?? '').split('\n')[0].trim();
}
function containerReason(c) {
    const waiting = c.state?.waiting;
    if (waiting?.reason)
        return [waiting.reason, firstLine(waiting.message)].filter(Boolean).join(': ');
    const terminated = c.state?.terminated;
    if (terminated?.reason && terminated.reason !== 'Completed') {
        return `${terminated.reason} (exit ${terminated.exitCode ?? '?'})`;
    }
    const last = c.lastState?.terminated;
    if (last?.reason && (c.restartCount ?? 0) > 0) {
        return `last: ${last.reason} (exit ${last.exitCode ?? '?'})`;
    }
    return undefined;
}
/** Why a pod with no container to blame is not Ready: unschedulable first, then the Ready condition. */
function conditionReason(conditions) {
    const failing = conditions.filter((c) => c.status === 'False' && (c.reason || c.message));
    const best = failing.find((c) => c.type === 'PodScheduled') ?? failing[0];
    return best ? [best.reason, firstLine(best.message)].filter(Boolean).join(': ') : '';
}
/** Rows for every pod of `kubectl get pods -A -o json`, sorted not-Ready first. */
function podRows(podsJson) {
    let items;
    try {
        items = JSON.parse(podsJson).items ?? [];
    }
    catch {
        return [];
    }
    const rows = items.map((pod) => {
        const status = pod.status ?? {};
        const main = status.containerStatuses ?? [];
        const init = status.initContainerStatuses ?? [];
        const phase = status.phase ?? 'Unknown';
        const readyCondition = status.conditions?.find((c) => c.type === 'Ready');
        const ready = phase === 'Succeeded' || readyCondition?.status === 'True';
        const restarts = [...main, ...init].reduce((n, c) => n + (c.restartCount ?? 0), 0);
        const waitingReason = [...init, ...main]
            .map((c) => c.state?.waiting?.reason)
            .find((r) => r && r !== 'PodInitializing' && r !== 'ContainerCreating');
        const reason = [...init, ...main].map(containerReason).find(Boolean) ||
            [status.reason, firstLine(status.message)].filter(Boolean).join(': ') ||
            (ready ? '' : conditionReason(status.conditions ?? []));
        const statusText = pod.metadata?.deletionTimestamp
            ? 'Terminating'
            : (waitingReason ?? status.reason ?? phase);
        const specContainers = [
            ...(pod.spec?.initContainers ?? []).map((c) => ({ name: c.name, init: true })),
            ...(pod.spec?.containers ?? []).map((c) => ({ name: c.name, init: false })),
        ];
        const restartsOf = (name) => [...main, ...init].find((c) => c.name === name)?.restartCount ?? 0;
        return {
            namespace: pod.metadata?.namespace ?? '',
            name: pod.metadata?.name ?? '',
            status: statusText,
            phase,
            ready,
            readyCount: `${main.filter((c) => c.ready).length}/${pod.spec?.containers?.length ?? main.length}`,
            restarts,
            reason,
            containers: specContainers.map((c) => ({ ...c, restarts: restartsOf(c.name) })),
        };
    });
    return rows.sort((a, b) => Number(a.ready) - Number(b.ready) ||
        a.namespace.localeCompare(b.namespace) ||
        a.name.localeCompare(b.name));
}
function logRequests(rows) {
    const requests = [];
    for (const row of rows) {
        for (const c of row.containers) {
            const base = `logs/${row.namespace}/${row.name}/${c.name}`;
            requests.push({
                namespace: row.namespace,
                pod: row.name,
                container: c.name,
                previous: false,
                file: `${base}.log`,
            });
            if (c.restarts > 0) {
                requests.push({
                    namespace: row.namespace,
                    pod: row.name,
                    container: c.name,
                    previous: true,
                    file: `${base}.previous.log`,
                });
            }
        }
    }
    return requests;
}
/** GitHub rejects a step summary above 1 MiB; stay well clear of it. */
const SUMMARY_LIMIT = 1024 * 1024 - 32 * 1024;
const MAX_POD_ROWS = 200;
const MAX_DETAILS = 15;
const MAX_TAIL_LINES = 40;
const MAX_LINE = 400;
function cell(text) {
    return text
        .replace(/\\/g, '\\\\')
        .replace(/\|/g, '\\|')
        .replace(/\r?\n/g, ' ')
        .replace(/</g, '&lt;');
}
function fence(text) {
    const body = text.replace(/```/g, '`\u200b``');
    return `\n\`\`\`text\n${body}\n\`\`\`\n`;
}
/** The last `lines` lines of `text`, each cut to a readable width. */
function tail(text, lines = MAX_TAIL_LINES) {
    const all = text.replace(/\s+$/, '').split(/\r?\n/);
    const kept = all.slice(-lines).map((l) => (l.length > MAX_LINE ? `${l.slice(0, MAX_LINE)} …` : l));
    return (all.length > lines ? [`… ${all.length - lines} earlier lines`, ...kept] : kept).join('\n');
}
function byteLength(text) {
    return Buffer.byteLength(text, 'utf8');
}
/**
 * The job summary: result, releases, a table of pods (phase, restarts,
 * reason), and for each failing pod its reason and log tail, so a reviewer
 * sees why without downloading the artifact. Sections past `limit` bytes are
 * left out with a note saying where the rest is.
 */
function renderSummary(input, limit = SUMMARY_LIMIT) {
    const icon = input.result === 'passed' ? '✅' : '❌';
    const sections = [];
    sections.push(`## ${icon} kind-integration ${input.result}: cluster \`${input.cluster}\`, namespace \`${input.namespace}\`\n`);
    if (input.failure)
        sections.push(`\n**What failed:** ${input.failure.trim().split('\n').join('  \n')}\n`);
    if (input.artifact || input.diagnosticsPath) {
        const where = input.artifact
            ? input.artifact.url
                ? `artifact [\`${input.artifact.name}\`](${input.artifact.url})`
                : `artifact \`${input.artifact.name}\``
            : `\`${input.diagnosticsPath}\` on the runner`;
        sections.push(`\nFull diagnostics (nodes, resources, events, describe, logs, Helm, kind logs): ${where}\n`);
    }
    if (input.releases.length > 0) {
        const rows = input.releases.map((r) => `| ${cell(r.name)} | \`${cell(r.chart)}\` | ${r.image ? `\`${cell(r.image)}\`` : '(chart default)'} |`);
        sections.push(`\n| release | chart | image |\n| --- | --- | --- |\n${rows.join('\n')}\n`);
    }
    if (input.pods.length > 0) {
        const shown = input.pods.slice(0, MAX_POD_ROWS);
        const rows = shown.map((p) => `| ${p.ready ? '✅' : '❌'} | ${cell(p.namespace)} | ${cell(p.name)} | ${cell(p.status)} | ${p.readyCount} | ${p.restarts} | ${cell(p.reason)} |`);
        const more = input.pods.length > shown.length
            ? `\n\n… and ${input.pods.length - shown.length} more pods in the diagnostics\n`
            : '\n';
        sections.push(`\n### Pods\n\n|  | namespace | pod | phase | ready | restarts | reason |\n| --- | --- | --- | --- | --- | --- | --- |\n${rows.join('\n')}${more}`);
    }
    for (const d of input.details.slice(0, MAX_DETAILS)) {
        const title = `${d.row.namespace}/${d.row.name}: ${d.row.reason || d.row.status}`;
        const log = d.logTail
            ? `${d.logFile ? `\`${d.logFile}\`:\n` : ''}${fence(tail(d.logTail))}`
            : '\n(no logs)\n';
        sections.push(`\n<details><summary>${cell(title)}</summary>\n\n${log}\n</details>\n`);
    }
    if (input.warnings.length > 0) {
        sections.push(`\n<details><summary>Last warning events</summary>\n${fence(tail(input.warnings.join('\n'), 30))}\n</details>\n`);
    }
    if (input.testCommand !== undefined && input.testOutputTail) {
        sections.push(`\n<details><summary>Test command output (last lines)</summary>\n${fence(tail(input.testOutputTail))}\n</details>\n`);
    }
    let out = '';
    for (const [i, section] of sections.entries()) {
        const note = `\n_Summary cut to stay under GitHub's 1 MiB limit: ${sections.length - i} more sections are in the diagnostics._\n`;
        if (byteLength(out) + byteLength(section) + byteLength(note) > limit) {
            out += note;
            break;
        }
        out += section;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/core/kind-plan.ts
// What a kind-integration run will do, decided from its inputs before any
// command runs: names, durations, images, the Helm releases and their exact
// arguments, port-forwards. Pure, so each rule is unit-tested with plain values.

/** kind names node containers `<cluster>-worker2`: keep them valid, short hostnames. */
function validateClusterName(name) {
    if (!/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/.test(name) || name.length > 50) {
        throw new errors/* UserError */.y(`Input cluster-name must be lowercase letters, digits, '-' and '.', start and end alphanumeric, at most 50 characters; got "${name}"`);
    }
    return name;
}
/** `90s`, `5m`, `1h30m` or bare seconds -> seconds. */
function parseDuration(input, value) {
    const trimmed = value.trim();
    if (/^\d+$/.test(trimmed))
        return Number(trimmed);
    const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(trimmed);
    if (!match || trimmed === '') {
        throw new errors/* UserError */.y(`Input ${input} must be a duration like 300s, 5m or 1h, got "${value}"`);
    }
    const [, h, m, s] = match;
    const seconds = Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Number(s ?? 0);
    if (seconds <= 0)
        throw new errors/* UserError */.y(`Input ${input} must be longer than 0s, got "${value}"`);
    return seconds;
}
function parseImageRef(value) {
    const ref = value.trim();
    if (ref.includes('@')) {
        throw new errors/* UserError */.y(`Input images: "${value}" is pinned by digest; give the local image by name:tag (kind loads tagged images from the Docker daemon)`);
    }
    if (!/^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(\/[a-z0-9]+([._-][a-z0-9]+)*)*(:[\w][\w.-]{0,127})?$/.test(ref)) {
        throw new errors/* UserError */.y(`Input images: "${value}" is not an image reference like name:tag`);
    }
    const slash = ref.lastIndexOf('/');
    const colon = ref.lastIndexOf(':');
    const hasTag = colon > slash;
    const repository = hasTag ? ref.slice(0, colon) : ref;
    const tag = hasTag ? ref.slice(colon + 1) : 'latest';
    return { ref: hasTag ? ref : `${ref}:latest`, repository, tag, name: repository.slice(slash + 1) };
}
const KIND_ALIASES = {
    svc: 'svc',
    service: 'svc',
    pod: 'pod',
    deploy: 'deployment',
    deployment: 'deployment',
    sts: 'statefulset',
    statefulset: 'statefulset',
};
/** `svc/name:local:remote` (also pod/, deployment/, statefulset/; bare names are services). */
function parsePortForward(value) {
    const spec = value.trim();
    const match = /^(?:([a-z]+)\/)?([a-z0-9]([a-z0-9.-]*[a-z0-9])?):(\d{1,5}):(\d{1,5})$/.exec(spec);
    const kind = match ? KIND_ALIASES[match[1] ?? 'svc'] : undefined;
    const localPort = Number(match?.[4]);
    const remotePort = Number(match?.[5]);
    const validPort = (p) => Number.isInteger(p) && p >= 1 && p <= 65535;
    if (!match || !kind || !validPort(localPort) || !validPort(remotePort)) {
        throw new errors/* UserError */.y(`Input port-forward: "${value}" must look like svc/name:local-port:remote-port (e.g. svc/user-service:8080:80)`);
    }
    return { spec, target: `${kind}/${match[2]}`, localPort, remotePort };
}
function parsePortForwards(values) {
    const forwards = values.map(parsePortForward);
    const seen = new Set();
    for (const f of forwards) {
        if (seen.has(f.localPort)) {
            throw new errors/* UserError */.y(`Input port-forward: local port ${f.localPort} is used twice`);
        }
        seen.add(f.localPort);
    }
    return forwards;
}
const DEFAULT_CHART_TEMPLATE = 'infra/helm-charts/{service}';
function releaseName(name, source) {
    if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name) || name.length > 53) {
        throw new errors/* UserError */.y(`${source}: "${name}" is not a valid Helm release name (lowercase letters, digits and '-', at most 53 characters)`);
    }
    return name;
}
function join(dir, file) {
    return `${dir.replace(/\/+$/, '')}/${file}`;
}
/**
 * The Helm releases to install: each chart directory, or the `{service}`
 * template expanded for every service; `values-<environment>.yaml` on top of
 * the chart's values.yaml; and the image the run loaded for that service
 * (matched by its repository's last segment) set as image.repository/tag.
 */
function planReleases(input) {
    const { services, environment, images } = input;
    const charts = input.charts.length === 0 && services.length > 0 ? [DEFAULT_CHART_TEMPLATE] : input.charts;
    const entries = [];
    for (const chart of charts) {
        if (chart.includes('{service}')) {
            if (services.length === 0) {
                throw new errors/* UserError */.y(`Input charts: "${chart}" uses {service}, but input services is empty`);
            }
            for (const service of services) {
                entries.push({
                    name: service,
                    chart: chart.replaceAll('{service}', service),
                    source: 'Input services',
                });
            }
        }
        else {
            const base = chart.replace(/\/+$/, '').split('/').pop() ?? chart;
            entries.push({ name: base, chart, source: 'Input charts' });
        }
    }
    if (services.length > 0 && !charts.some((c) => c.includes('{service}'))) {
        throw new errors/* UserError */.y('Input services needs a charts template with {service}, e.g. infra/helm-charts/{service}');
    }
    const names = new Set();
    return entries.map(({ name, chart, source }) => {
        releaseName(name, source);
        if (names.has(name))
            throw new errors/* UserError */.y(`${source}: release "${name}" is listed twice`);
        names.add(name);
        if (!input.exists(join(chart, 'Chart.yaml'))) {
            throw new errors/* UserError */.y(`${source}: no Helm chart at ${chart} (${join(chart, 'Chart.yaml')} does not exist)`);
        }
        const valuesFiles = [];
        if (environment) {
            const file = join(chart, `values-${environment}.yaml`);
            if (!input.exists(file)) {
                throw new errors/* UserError */.y(`Input environment: ${file} does not exist (environment: ${environment})`);
            }
            valuesFiles.push(file);
        }
        const matching = images.filter((i) => i.name === name);
        if (matching.length > 1) {
            throw new errors/* UserError */.y(`Input images: ${matching.map((i) => i.ref).join(' and ')} both match service ${name}; load one image per service`);
        }
        const image = matching[0];
        // Loaded images exist only on the nodes: a chart's `Always` pull policy would fail them.
        const setStrings = image
            ? [
                ['image.repository', image.repository],
                ['image.tag', image.tag],
                ['image.pullPolicy', 'IfNotPresent'],
            ]
            : [];
        return { name, chart, valuesFiles, setStrings, ...(image ? { image } : {}) };
    });
}
/** `helm upgrade --install` for one release: waits for its resources within the timeout. */
function helmUpgradeArgs(release, namespace, timeoutSeconds) {
    return [
        'upgrade',
        '--install',
        release.name,
        release.chart,
        '--namespace',
        namespace,
        '--create-namespace',
        '--wait',
        '--timeout',
        `${timeoutSeconds}s`,
        ...release.valuesFiles.flatMap((f) => ['--values', f]),
        ...release.setStrings.flatMap(([k, v]) => ['--set-string', `${k}=${v}`]),
    ];
}
/** `--retain` keeps the node containers of a failed create, so its logs can still be exported. */
function kindCreateArgs(o) {
    return [
        'create',
        'cluster',
        '--name',
        o.name,
        '--config',
        o.configPath,
        '--kubeconfig',
        o.kubeconfig,
        '--retain',
        ...(o.nodeImage ? ['--image', o.nodeImage] : []),
    ];
}
function wantsDiagnostics(mode, failed) {
    return mode === 'always' || (mode === 'on-failure' && failed);
}
/** A run's default artifact name, unique per job and cluster (v4 artifacts are unique per run). */
function defaultArtifactName(job, cluster, attempt) {
    const base = `kind-diagnostics-${job ? `${job}-` : ''}${cluster}`;
    return attempt && attempt !== '1' ? `${base}-attempt-${attempt}` : base;
}

;// CONCATENATED MODULE: ./src/core/kind-tools.ts
// Where kind, kubectl and helm come from for a given OS, architecture and
// version, and how their published SHA-256 sums are read. Pure: the download
// itself lives in src/io/tools.ts.

const TOOL_NAMES = ['kind', 'kubectl', 'helm'];
/** The runner's platform in the names the three projects publish under. */
function platformOf(nodePlatform, nodeArch) {
    const os = nodePlatform === 'linux' || nodePlatform === 'darwin' ? nodePlatform : undefined;
    const arch = nodeArch === 'x64' ? 'amd64' : nodeArch === 'arm64' ? 'arm64' : undefined;
    if (!os || !arch) {
        throw new errors/* UserError */.y(`kind-integration runs on Linux or macOS runners with amd64 or arm64 CPUs, not ${nodePlatform}/${nodeArch}`);
    }
    return { os, arch };
}
const VERSION = /^v?(\d+)\.(\d+)\.(\d+)(-[0-9A-Za-z.-]+)?$/;
/** `0.33.0` or `v0.33.0` -> `v0.33.0`; anything else is the user's typo. */
function normalizeVersion(input, value) {
    const trimmed = value.trim();
    if (!VERSION.test(trimmed)) {
        throw new errors/* UserError */.y(`Input ${input} must be a release version like v1.2.3, got "${value}"`);
    }
    return trimmed.startsWith('v') ? trimmed : `v${trimmed}`;
}
/** The three upstream locations a mirror replaces, tool by tool. */
const UPSTREAM = {
    kind: 'https://github.com/kubernetes-sigs/kind/releases/download',
    kubectl: 'https://dl.k8s.io/release',
    helm: 'https://get.helm.sh',
};
/**
 * Official release URLs, or the same paths below `<mirror>/<tool>/`:
 * kind from its GitHub release (`.sha256sum`), kubectl from dl.k8s.io
 * (`.sha256`), helm's archive from get.helm.sh (`.sha256sum`).
 */
function toolDownload(tool, version, platform, mirror) {
    const base = mirror ? `${mirror.replace(/\/+$/, '')}/${tool}` : UPSTREAM[tool];
    const { os, arch } = platform;
    switch (tool) {
        case 'kind': {
            const fileName = `kind-${os}-${arch}`;
            const url = `${base}/${version}/${fileName}`;
            return { tool, version, url, fileName, checksumUrl: `${url}.sha256sum` };
        }
        case 'kubectl': {
            const url = `${base}/${version}/bin/${os}/${arch}/kubectl`;
            return { tool, version, url, fileName: 'kubectl', checksumUrl: `${url}.sha256` };
        }
        case 'helm': {
            const fileName = `helm-${version}-${os}-${arch}.tar.gz`;
            const url = `${base}/${fileName}`;
            return {
                tool,
                version,
                url,
                fileName,
                checksumUrl: `${url}.sha256sum`,
                archivePath: `${os}-${arch}/helm`,
            };
        }
    }
}
/**
 * The SHA-256 a checksum file gives for `fileName`: either the bare digest
 * (kubectl's `.sha256`) or `sha256sum` lines (`<hex>  <name>`, `*<name>` in
 * binary mode). Returns an error message instead of throwing: the caller
 * knows the URL to name.
 */
function parseChecksumFile(text, fileName) {
    const lines = text
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '');
    for (const line of lines) {
        const [digest, name, ...rest] = line.split(/\s+/);
        if (!digest || rest.length > 0 || !/^[0-9a-fA-F]{64}$/.test(digest))
            continue;
        if (name === undefined && lines.length === 1)
            return digest.toLowerCase();
        const listed = name?.replace(/^\*/, '').replace(/^.*\//, '');
        if (listed === fileName)
            return digest.toLowerCase();
    }
    const preview = text.slice(0, 80).replace(/\s+/g, ' ').trim();
    return {
        error: `it holds no SHA-256 for ${fileName}${preview ? ` (it starts "${preview}")` : ' (it is empty)'}`,
    };
}
/** The version a tool reports: `kind v0.33.0 go1.25 linux/amd64`, `v4.3.0+g1b2c3d4`, kubectl's JSON. */
function parseToolVersion(tool, output) {
    let text = output;
    if (tool === 'kubectl') {
        try {
            const parsed = JSON.parse(output);
            text = parsed.clientVersion?.gitVersion ?? '';
        }
        catch {
            // older kubectl prints `Client Version: v1.x.y`: fall through to the text match
        }
    }
    const match = /\bv?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?)/.exec(text);
    return match ? `v${match[1]}` : undefined;
}
/**
 * `tools: path` accepts what the runner has when major.minor match the
 * requested version (a patch apart is a warning): kind minor releases change
 * node images and kubectl's skew policy is counted in minors.
 */
function compareVersions(found, wanted) {
    if (found === wanted)
        return { ok: true };
    const f = VERSION.exec(found);
    const w = VERSION.exec(wanted);
    if (!f || !w)
        return { ok: false, severity: 'error' };
    if (f[1] !== w[1] || f[2] !== w[2])
        return { ok: false, severity: 'error' };
    return { ok: false, severity: 'warning' };
}
function parseToolSource(value) {
    const trimmed = value.trim();
    if (trimmed === '' || trimmed === 'download')
        return { mode: 'download' };
    if (trimmed === 'path')
        return { mode: 'path' };
    let url;
    try {
        url = new URL(trimmed);
    }
    catch {
        throw new errors/* UserError */.y(`Input tools must be download, path, or a mirror base URL (https://...), got "${value}"`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new errors/* UserError */.y(`Input tools: a mirror must be an http(s) URL, got "${value}"`);
    }
    if (url.username || url.password) {
        throw new errors/* UserError */.y('Input tools: put no credentials in the mirror URL (they would be logged); use a mirror the runner can read without them');
    }
    return { mode: 'mirror', url: trimmed.replace(/\/+$/, '') };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/io/zip.ts
// A minimal zip writer (deflate, UTF-8 names, no zip64) for the diagnostics
// artifact: the runner's artifact service stores one zip per artifact, and no
// zip or artifact package is a dependency of this project.



function dosDateTime(date) {
    const year = Math.max(date.getFullYear(), 1980);
    return {
        time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
        date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
    };
}
/** Every regular file below `dir`, sorted, as paths relative to it. */
function listFiles(dir) {
    const out = [];
    const walk = (current) => {
        for (const entry of (0,external_node_fs_.readdirSync)(current, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
            const path = (0,external_node_path_.join)(current, entry.name);
            if (entry.isDirectory())
                walk(path);
            else if (entry.isFile())
                out.push((0,external_node_path_.relative)(dir, path).split(external_node_path_.sep).join('/'));
        }
    };
    walk(dir);
    return out;
}
function zipEntries(entries) {
    if (entries.length > 0xffff)
        throw new Error('too many files for a zip without zip64');
    const locals = [];
    const centrals = [];
    let offset = 0;
    for (const entry of entries) {
        const name = Buffer.from(entry.name, 'utf8');
        const compressed = (0,external_node_zlib_.deflateRawSync)(entry.data);
        const crc = (0,external_node_zlib_.crc32)(entry.data) >>> 0;
        const { time, date } = dosDateTime(entry.modified ?? new Date());
        if (offset + compressed.length > 0xffffffff)
            throw new Error('diagnostics too large for a zip without zip64');
        const local = Buffer.alloc(30);
        local.writeUInt32LE(0x04034b50, 0);
        local.writeUInt16LE(20, 4); // version needed: deflate
        local.writeUInt16LE(0x0800, 6); // UTF-8 names
        local.writeUInt16LE(8, 8); // deflate
        local.writeUInt16LE(time, 10);
        local.writeUInt16LE(date, 12);
        local.writeUInt32LE(crc, 14);
        local.writeUInt32LE(compressed.length, 18);
        local.writeUInt32LE(entry.data.length, 22);
        local.writeUInt16LE(name.length, 26);
        local.writeUInt16LE(0, 28);
        locals.push(local, name, compressed);
        const central = Buffer.alloc(46);
        central.writeUInt32LE(0x02014b50, 0);
        central.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, 2.0
        central.writeUInt16LE(20, 6);
        central.writeUInt16LE(0x0800, 8);
        central.writeUInt16LE(8, 10);
        central.writeUInt16LE(time, 12);
        central.writeUInt16LE(date, 14);
        central.writeUInt32LE(crc, 16);
        central.writeUInt32LE(compressed.length, 20);
        central.writeUInt32LE(entry.data.length, 24);
        central.writeUInt16LE(name.length, 28);
        central.writeUInt32LE((((entry.mode ?? 0o644) & 0xffff) | 0x8000) * 0x10000, 38); // regular file
        central.writeUInt32LE(offset, 42);
        centrals.push(central, name);
        offset += local.length + name.length + compressed.length;
    }
    const centralSize = centrals.reduce((n, b) => n + b.length, 0);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(entries.length, 8);
    end.writeUInt16LE(entries.length, 10);
    end.writeUInt32LE(centralSize, 12);
    end.writeUInt32LE(offset, 16);
    return Buffer.concat([...locals, ...centrals, end]);
}
/** Zips every file below `dir`, with paths relative to it. */
function zipDirectory(dir) {
    return zipEntries(listFiles(dir).map((name) => {
        const path = (0,external_node_path_.join)(dir, name);
        const stat = (0,external_node_fs_.statSync)(path);
        return { name, data: (0,external_node_fs_.readFileSync)(path), modified: stat.mtime, mode: stat.mode & 0o777 };
    }));
}

;// CONCATENATED MODULE: ./src/io/artifact.ts
// Uploads one directory as a workflow artifact through the runner's artifact
// service (the v4 protocol actions/upload-artifact uses): CreateArtifact,
// one PUT of the zip to the signed blob URL, FinalizeArtifact with its size and
// SHA-256. Only where the runner provides ACTIONS_RUNTIME_TOKEN and
// ACTIONS_RESULTS_URL, which it does for JavaScript actions.



const SERVICE = '/twirp/github.actions.results.api.v1.ArtifactService';
/** Whether this runner offers the artifact service at all. */
function artifactServiceAvailable(env = process.env) {
    return Boolean(env.ACTIONS_RUNTIME_TOKEN && env.ACTIONS_RESULTS_URL);
}
/** The run and job backend ids from the runtime token's `Actions.Results:<run>:<job>` scope. */
function backendIds(token) {
    const payload = token.split('.')[1];
    let scp = '';
    try {
        scp = String(JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')).scp ?? '');
    }
    catch {
        // handled below
    }
    for (const scope of scp.split(' ')) {
        const [name, run, job, ...rest] = scope.split(':');
        if (name === 'Actions.Results' && run && job && rest.length === 0)
            return { run, job };
    }
    throw new Error('the runtime token carries no Actions.Results scope');
}
function validateArtifactName(name) {
    if (name === '' || /["':<>|*?\r\n\\/]/.test(name)) {
        throw new errors/* UserError */.y(`Input artifact-name: "${name}" is not a valid artifact name (no " : < > | * ? \\ / or line breaks)`);
    }
    return name;
}
async function withRetry(what, attempt, read) {
    let last = '';
    for (let i = 1; i <= 3; i++) {
        try {
            const response = await attempt();
            if (response.ok)
                return await read(response);
            last = `HTTP ${response.status} ${(await response.text()).slice(0, 300)}`;
            if (response.status < 500 && response.status !== 429 && response.status !== 408)
                break;
        }
        catch (error) {
            last = error instanceof Error ? error.message : String(error);
        }
        if (i < 3)
            await new Promise((r) => setTimeout(r, 1000 * i));
    }
    throw new Error(`${what} failed: ${last}`);
}
async function twirp(env, method, body) {
    const url = new URL(`${SERVICE}/${method}`, env.ACTIONS_RESULTS_URL).href;
    return withRetry(method, () => fetch(url, {
        method: 'POST',
        headers: {
            authorization: `Bearer ${env.ACTIONS_RUNTIME_TOKEN}`,
            'content-type': 'application/json',
            'user-agent': 'minishop-actions/kind-integration',
        },
        body: JSON.stringify(body),
    }), async (r) => (await r.json()));
}
/** Zips `dir` and uploads it as artifact `name`. */
async function uploadDirectory(name, dir, env = process.env) {
    if (!artifactServiceAvailable(env))
        throw new Error('the runner offers no artifact service here');
    const ids = backendIds(env.ACTIONS_RUNTIME_TOKEN);
    const zip = zipDirectory(dir);
    const digest = (0,external_node_crypto_.createHash)('sha256').update(zip).digest('hex');
    const request = { workflow_run_backend_id: ids.run, workflow_job_run_backend_id: ids.job, name };
    const created = await twirp(env, 'CreateArtifact', {
        ...request,
        version: 4,
    });
    if (!created.ok || !created.signed_upload_url) {
        throw new Error(`CreateArtifact refused artifact ${name} (does an artifact of that name exist already?)`);
    }
    const uploadUrl = created.signed_upload_url;
    await withRetry('Uploading the zip', () => fetch(uploadUrl, {
        method: 'PUT',
        headers: { 'x-ms-blob-type': 'BlockBlob', 'content-type': 'zip' },
        body: zip,
    }), async () => undefined);
    const finalized = await twirp(env, 'FinalizeArtifact', {
        ...request,
        size: String(zip.length),
        hash: `sha256:${digest}`,
    });
    if (!finalized.ok)
        throw new Error(`FinalizeArtifact refused artifact ${name}`);
    const id = String(finalized.artifact_id ?? '');
    const url = id && env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
        ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}/artifacts/${id}`
        : undefined;
    return { id, size: zip.length, digest, ...(url ? { url } : {}) };
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
// EXTERNAL MODULE: ./src/core/map-limit.ts
var map_limit = __webpack_require__(3075);
// EXTERNAL MODULE: ./src/io/exec.ts
var exec = __webpack_require__(9867);
// EXTERNAL MODULE: ./src/io/runner.ts
var runner = __webpack_require__(1068);
;// CONCATENATED MODULE: ./src/io/kube.ts
// kind, kubectl, helm and docker for one throwaway cluster: every call goes
// through src/io/exec.ts with an argument array and the cluster's own
// KUBECONFIG; only `kubectl port-forward`, which must outlive the call, is
// spawned directly (still without a shell).











function binary(cluster, tool) {
    return tool === 'docker' ? (cluster.docker ?? 'docker') : cluster.tools[tool];
}
/** Runs one tool against this cluster; `echo` streams the command and its output into the log. */
function tool(cluster, name, args, options = {}) {
    const { echo, ...rest } = options;
    return (0,exec/* run */.e)(binary(cluster, name), args, {
        ...rest,
        silent: !echo,
        env: { KUBECONFIG: cluster.kubeconfig, ...rest.env },
    });
}
/** Re-raises a failed command as what the user sees: the step that failed and the tool's last lines. */
function explain(step, error) {
    if (error instanceof exec/* CommandError */.Q) {
        const detail = (error.result.stderr.trim() || error.result.stdout.trim())
            .split('\n')
            .slice(-15)
            .join('\n');
        throw new errors/* UserError */.y(`${step} failed (exit ${error.result.code})${detail ? `:\n${detail}` : ''}`);
    }
    throw error;
}
async function clusterExists(cluster) {
    const out = await (0,exec/* run */.e)(cluster.tools.kind, ['get', 'clusters'], { allowFailure: true });
    return out.code === 0 && out.stdout.split('\n').some((line) => line.trim() === cluster.name);
}
async function exportLogs(cluster, dir) {
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    return tool(cluster, 'kind', ['export', 'logs', dir, '--name', cluster.name], {
        allowFailure: true,
    });
}
async function deleteCluster(cluster) {
    return tool(cluster, 'kind', ['delete', 'cluster', '--name', cluster.name, '--kubeconfig', cluster.kubeconfig], {
        echo: true,
        allowFailure: true,
    });
}
/**
 * `kind create cluster --retain`; a failed create is exported (its logs under
 * `logsDir/create-attempt-1`) and deleted, then tried once more.
 */
async function createCluster(cluster, options, logsDir) {
    const args = kindCreateArgs({ ...options, name: cluster.name, kubeconfig: cluster.kubeconfig });
    const first = await tool(cluster, 'kind', args, { echo: true, allowFailure: true });
    if (first.code === 0)
        return;
    runner/* warning */.$e(`kind create cluster failed (exit ${first.code}); exporting its logs, deleting the half-made cluster and trying once more`);
    await exportLogs(cluster, (0,external_node_path_.join)(logsDir, 'create-attempt-1'));
    await deleteCluster(cluster);
    try {
        await tool(cluster, 'kind', args, { echo: true });
    }
    catch (error) {
        explain('kind create cluster (second attempt)', error);
    }
}
/** kind's own `--wait` covers only the control plane and merely warns on timeout. */
async function waitForNodes(cluster, timeoutSeconds) {
    try {
        await tool(cluster, 'kubectl', ['wait', '--for=condition=Ready', 'nodes', '--all', `--timeout=${timeoutSeconds}s`], {
            echo: true,
        });
    }
    catch (error) {
        explain(`Waiting ${timeoutSeconds}s for every node to be Ready`, error);
    }
}
/** Starts the registry container (kind's recipe), unless it already runs. */
async function startRegistry(cluster, registry, image) {
    const running = await tool(cluster, 'docker', ['inspect', '--format', '{{.State.Running}}', registry.container], {
        allowFailure: true,
    });
    if (running.code === 0 && running.stdout.trim() === 'true') {
        runner/* info */.pq(`Registry container ${registry.container} already runs`);
        return;
    }
    if (running.code === 0)
        await tool(cluster, 'docker', ['rm', '--force', registry.container], { allowFailure: true });
    try {
        await tool(cluster, 'docker', [
            'run',
            '--detach',
            '--restart=always',
            '--publish',
            `127.0.0.1:${registry.port}:5000`,
            '--network',
            'bridge',
            '--name',
            registry.container,
            image,
        ], { echo: true });
    }
    catch (error) {
        explain(`Starting the local registry ${registry.container} (${image})`, error);
    }
}
/** hosts.toml on every node, the registry on the `kind` network, and the KEP-1755 ConfigMap. */
async function wireRegistry(cluster, registry) {
    const hosts = hostsToml(registry);
    try {
        const nodes = (await tool(cluster, 'kind', ['get', 'nodes', '--name', cluster.name])).stdout
            .split('\n')
            .map((n) => n.trim())
            .filter(Boolean);
        for (const node of nodes) {
            await tool(cluster, 'docker', ['exec', node, 'mkdir', '-p', hosts.dir], { echo: true });
            await tool(cluster, 'docker', ['exec', '--interactive', node, 'cp', '/dev/stdin', hosts.file], {
                echo: true,
                input: hosts.content,
            });
        }
        const connected = await tool(cluster, 'docker', ['inspect', '--format', '{{json .NetworkSettings.Networks.kind}}', registry.container], { allowFailure: true });
        if (connected.stdout.trim() === 'null' || connected.stdout.trim() === '') {
            await tool(cluster, 'docker', ['network', 'connect', 'kind', registry.container], {
                echo: true,
            });
        }
        await tool(cluster, 'kubectl', ['apply', '--filename', '-'], {
            echo: true,
            input: registryHostingConfigMap(registry),
        });
    }
    catch (error) {
        explain('Wiring the local registry into the nodes', error);
    }
}
async function ensureNamespace(cluster) {
    const manifest = (0,yaml_lib/* yaml */.oQ)().stringify({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: cluster.namespace },
    });
    try {
        await tool(cluster, 'kubectl', ['apply', '--filename', '-'], { echo: true, input: manifest });
    }
    catch (error) {
        explain(`Creating namespace ${cluster.namespace}`, error);
    }
}
async function loadImage(cluster, image, tempDir, index) {
    const log = [];
    const say = (r, what) => log.push(`$ ${what}`, ...`${r.stdout}${r.stderr}`.trim().split('\n').filter(Boolean));
    const present = await tool(cluster, 'docker', ['image', 'inspect', '--format', '{{.Id}}', image.ref], {
        allowFailure: true,
    });
    if (present.code !== 0) {
        return {
            image: image.ref,
            log,
            error: `${image.ref} is not in the runner's Docker image store: build or pull it first`,
        };
    }
    const direct = await tool(cluster, 'kind', ['load', 'docker-image', image.ref, '--name', cluster.name], {
        allowFailure: true,
    });
    say(direct, `kind load docker-image ${image.ref}`);
    if (direct.code === 0)
        return { image: image.ref, log };
    // The containerd image store of newer Docker breaks `kind load docker-image`; an archive always works.
    const archive = (0,external_node_path_.join)(tempDir, `image-${index}.tar`);
    try {
        const saved = await tool(cluster, 'docker', ['save', '--output', archive, image.ref], {
            allowFailure: true,
        });
        say(saved, `docker save --output ${archive} ${image.ref}`);
        if (saved.code !== 0)
            return { image: image.ref, log, error: `docker save ${image.ref} failed` };
        const loaded = await tool(cluster, 'kind', ['load', 'image-archive', archive, '--name', cluster.name], {
            allowFailure: true,
        });
        say(loaded, `kind load image-archive ${archive}`);
        if (loaded.code !== 0)
            return { image: image.ref, log, error: `kind load image-archive ${image.ref} failed` };
        return { image: image.ref, log };
    }
    finally {
        (0,external_node_fs_.rmSync)(archive, { force: true });
    }
}
/** Loads every image into every node, in parallel; one error lists all images that failed. */
async function loadImages(cluster, images, tempDir) {
    (0,external_node_fs_.mkdirSync)(tempDir, { recursive: true });
    const results = await (0,map_limit/* mapLimit */.s)(images, 4, (image, i) => loadImage(cluster, image, tempDir, i));
    for (const r of results)
        runner/* info */.pq(r.log.length > 0 ? r.log.join('\n') : r.image);
    const failed = results.filter((r) => r.error);
    if (failed.length > 0) {
        throw new errors/* UserError */.y(`Loading images into the cluster failed:\n${failed.map((r) => `- ${r.error}`).join('\n')}`);
    }
}
async function applyManifests(cluster, paths, cwd) {
    for (const path of paths) {
        if (!(0,external_node_fs_.existsSync)((0,external_node_path_.join)(cwd, path)))
            throw new errors/* UserError */.y(`Input manifests: ${path} does not exist`);
        try {
            await tool(cluster, 'kubectl', ['apply', '--namespace', cluster.namespace, '--filename', path], {
                echo: true,
                cwd,
            });
        }
        catch (error) {
            explain(`kubectl apply --filename ${path}`, error);
        }
    }
}
/** Charts that declare dependencies need them vendored before install. */
function needsDependencyBuild(chartDir) {
    try {
        const chart = (0,yaml_lib/* yaml */.oQ)().parse((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(chartDir, 'Chart.yaml'), 'utf8'));
        return (chart.dependencies?.length ?? 0) > 0 && !(0,external_node_fs_.existsSync)((0,external_node_path_.join)(chartDir, 'charts'));
    }
    catch {
        return false;
    }
}
async function installRelease(cluster, release, timeoutSeconds, cwd) {
    try {
        if (needsDependencyBuild((0,external_node_path_.join)(cwd, release.chart))) {
            await tool(cluster, 'helm', ['dependency', 'build', release.chart], { echo: true, cwd });
        }
        await tool(cluster, 'helm', helmUpgradeArgs(release, cluster.namespace, timeoutSeconds), {
            echo: true,
            cwd,
        });
    }
    catch (error) {
        explain(`helm upgrade --install ${release.name} (${release.chart})`, error);
    }
}
async function applyKustomize(cluster, dir, cwd) {
    if (!(0,external_node_fs_.existsSync)((0,external_node_path_.join)(cwd, dir)))
        throw new errors/* UserError */.y(`Input kustomize: ${dir} does not exist`);
    try {
        await tool(cluster, 'kubectl', ['apply', '--kustomize', dir], { echo: true, cwd });
    }
    catch (error) {
        explain(`kubectl apply --kustomize ${dir}`, error);
    }
}
/**
 * `kubectl rollout status` for every Deployment and StatefulSet of the
 * namespace, all at once, so together they finish within one wait-timeout.
 */
async function waitForRollouts(cluster, timeoutSeconds) {
    let names;
    try {
        const out = await tool(cluster, 'kubectl', [
            'get',
            'deployments,statefulsets',
            '--namespace',
            cluster.namespace,
            '--output',
            'name',
        ]);
        names = out.stdout
            .split('\n')
            .map((n) => n.trim())
            .filter(Boolean)
            .sort();
    }
    catch (error) {
        explain(`Listing the Deployments and StatefulSets of namespace ${cluster.namespace}`, error);
    }
    const results = await (0,map_limit/* mapLimit */.s)(names, 8, (name) => tool(cluster, 'kubectl', ['rollout', 'status', name, '--namespace', cluster.namespace, `--timeout=${timeoutSeconds}s`], {
        allowFailure: true,
    }));
    const failed = [];
    for (const [i, r] of results.entries()) {
        runner/* info */.pq(`${names[i]}: ${(r.stdout + r.stderr).trim().split('\n').pop() ?? ''}`);
        if (r.code !== 0)
            failed.push(`${names[i]}: ${(r.stderr.trim() || r.stdout.trim()).split('\n').pop()}`);
    }
    if (failed.length > 0) {
        throw new errors/* UserError */.y(`Rollout did not finish within ${timeoutSeconds}s (wait-timeout):\n${failed.map((f) => `- ${f}`).join('\n')}`);
    }
    return names;
}
/** Whether something accepts TCP connections on 127.0.0.1:<port>. */
function portOpen(port) {
    return new Promise((resolve) => {
        const socket = (0,external_node_net_.connect)({ host: '127.0.0.1', port });
        socket.once('connect', () => {
            socket.destroy();
            resolve(true);
        });
        socket.once('error', () => resolve(false));
    });
}
/**
 * Starts `kubectl port-forward` in the background (its own process group, so
 * it can outlive this step if main dies and the post step can still stop it)
 * and waits until the local port accepts connections.
 */
async function startPortForward(cluster, forward, logDir, readySeconds = 60) {
    (0,external_node_fs_.mkdirSync)(logDir, { recursive: true });
    const log = (0,external_node_path_.join)(logDir, `port-forward-${forward.localPort}.log`);
    const fd = (0,external_node_fs_.openSync)(log, 'a');
    const args = [
        'port-forward',
        '--namespace',
        cluster.namespace,
        '--address',
        '127.0.0.1',
        forward.target,
        `${forward.localPort}:${forward.remotePort}`,
    ];
    runner/* info */.pq(`[command]${cluster.tools.kubectl} ${args.join(' ')}`);
    const child = (0,external_node_child_process_.spawn)(cluster.tools.kubectl, args, {
        detached: true,
        stdio: ['ignore', fd, fd],
        env: { ...process.env, KUBECONFIG: cluster.kubeconfig },
    });
    (0,external_node_fs_.closeSync)(fd);
    let exited = null;
    child.on('exit', (code) => {
        exited = code ?? 1;
    });
    child.unref();
    const pid = child.pid;
    const deadline = Date.now() + readySeconds * 1000;
    while (pid !== undefined && exited === null && Date.now() < deadline) {
        if (await portOpen(forward.localPort))
            return { spec: forward.spec, pid, log };
        await new Promise((r) => setTimeout(r, 200));
    }
    if (pid !== undefined)
        stopProcess(pid);
    const output = (0,external_node_fs_.existsSync)(log)
        ? (0,external_node_fs_.readFileSync)(log, 'utf8').trim().split('\n').slice(-10).join('\n')
        : '';
    throw new errors/* UserError */.y(`port-forward ${forward.spec} ${exited !== null ? `exited (${exited})` : `did not listen on 127.0.0.1:${forward.localPort} within ${readySeconds}s`}${output ? `:\n${output}` : ''}`);
}
function isPortForward(pid) {
    const cmdline = `/proc/${pid}/cmdline`;
    if (!(0,external_node_fs_.existsSync)('/proc/self'))
        return true;
    try {
        return (0,external_node_fs_.readFileSync)(cmdline, 'utf8').includes('port-forward');
    }
    catch {
        return false;
    }
}
/** Stops a background process we started (and only it: the pid must still be a port-forward). */
function stopProcess(pid) {
    if (!isPortForward(pid))
        return false;
    for (const target of [-pid, pid]) {
        try {
            process.kill(target, 'SIGTERM');
            return true;
        }
        catch {
            // not a group leader, or gone already
        }
    }
    return false;
}
/**
 * The workflow author's own `test-command`, as a `run:` step would: bash with
 * the command as one argument. No other input is ever put into it; the
 * cluster reaches it through the environment (KUBECONFIG, NAMESPACE, ...).
 */
async function runTestCommand(command, cwd, env) {
    const result = await (0,exec/* run */.e)('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', command], {
        cwd,
        env,
        silent: false,
        allowFailure: true,
    });
    return {
        code: result.code,
        output: `${result.stdout}${result.stderr ? `\n${result.stderr}` : ''}`,
    };
}

;// CONCATENATED MODULE: ./src/io/kube-diagnostics.ts
// Gathers what explains a failed run into one directory: nodes, every
// resource, events by time, `describe` of pods not Ready, the logs of every
// container (and of the previous run of restarted ones), Helm release status
// and `kind export logs`. Every command may fail (the cluster may be half
// made): its error goes into the file instead, and gathering goes on.






/** A diagnostics call must not hang on a dead API server. */
const REQUEST_TIMEOUT = '--request-timeout=30s';
const LOG_LIMIT = String(2 * 1024 * 1024);
function write(dir, file, text, files) {
    const path = (0,external_node_path_.join)(dir, file);
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(path), { recursive: true });
    (0,external_node_fs_.writeFileSync)(path, text);
    files.push(file);
}
function asText(r) {
    const parts = [r.stdout];
    if (r.stderr.trim())
        parts.push(`--- stderr ---\n${r.stderr}`);
    if (r.code !== 0)
        parts.push(`--- exit code ${r.code} ---\n`);
    return parts.join('\n');
}
function safe(name) {
    return name.replace(/[^A-Za-z0-9._-]/g, '_');
}
async function collectDiagnostics(cluster, dir, options) {
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    const files = [];
    const kubectl = async (file, args) => {
        const r = await tool(cluster, 'kubectl', [...args, REQUEST_TIMEOUT], { allowFailure: true });
        write(dir, file, asText(r), files);
        return r;
    };
    let pods = [];
    let warnings = [];
    const details = [];
    if (options.testOutput !== undefined)
        write(dir, 'test-output.log', options.testOutput, files);
    if (options.clusterReachable) {
        await kubectl('nodes.txt', ['get', 'nodes', '--output', 'wide']);
        await kubectl('nodes-describe.txt', ['describe', 'nodes']);
        await kubectl('resources.txt', ['get', 'all', '--all-namespaces', '--output', 'wide']);
        const events = await kubectl('events.txt', [
            'get',
            'events',
            '--all-namespaces',
            '--sort-by=.metadata.creationTimestamp',
        ]);
        warnings = events.stdout.split('\n').filter((l) => /\sWarning\s/.test(l));
        const podsJson = await tool(cluster, 'kubectl', ['get', 'pods', '--all-namespaces', '--output', 'json', REQUEST_TIMEOUT], {
            allowFailure: true,
        });
        write(dir, 'pods.json', podsJson.code === 0 ? podsJson.stdout : asText(podsJson), files);
        pods = podsJson.code === 0 ? podRows(podsJson.stdout) : [];
        const notReady = pods.filter((p) => !p.ready);
        await (0,map_limit/* mapLimit */.s)(notReady, 4, (p) => kubectl(`describe/${safe(p.namespace)}/${safe(p.name)}.txt`, [
            'describe',
            'pod',
            p.name,
            '--namespace',
            p.namespace,
        ]));
        const requests = logRequests(pods);
        await (0,map_limit/* mapLimit */.s)(requests, 4, (l) => kubectl(l.file, [
            'logs',
            l.pod,
            '--namespace',
            l.namespace,
            '--container',
            l.container,
            '--timestamps',
            `--limit-bytes=${LOG_LIMIT}`,
            ...(l.previous ? ['--previous'] : []),
        ]));
        for (const row of notReady) {
            const mine = requests.filter((l) => l.namespace === row.namespace && l.pod === row.name);
            const best = mine.find((l) => l.previous) ??
                mine.find((l) => {
                    const c = row.containers.find((x) => x.name === l.container);
                    return c !== undefined && !c.init;
                }) ??
                mine[0];
            const path = best ? (0,external_node_path_.join)(dir, best.file) : undefined;
            details.push({
                row,
                logTail: path && (0,external_node_fs_.existsSync)(path) ? (0,external_node_fs_.readFileSync)(path, 'utf8') : '',
                ...(best ? { logFile: best.file } : {}),
            });
        }
        for (const release of options.releases) {
            const r = await tool(cluster, 'helm', ['status', release, '--namespace', cluster.namespace], {
                allowFailure: true,
            });
            write(dir, `helm/${safe(release)}.txt`, asText(r), files);
        }
        if (options.releases.length > 0) {
            const r = await tool(cluster, 'helm', ['list', '--all-namespaces', '--all'], {
                allowFailure: true,
            });
            write(dir, 'helm/list.txt', asText(r), files);
        }
    }
    const exported = await exportLogs(cluster, (0,external_node_path_.join)(dir, 'kind'));
    if (exported.code !== 0)
        write(dir, 'kind-export-logs.txt', asText(exported), files);
    const notReady = pods.filter((p) => !p.ready).length;
    runner/* info */.pq(`${dir}: ${files.length} files and kind's node logs; ${pods.length} pods, ${notReady} not Ready, ${warnings.length} warning events`);
    return { dir, pods, details, warnings, files };
}

// EXTERNAL MODULE: ./node_modules/@actions/tool-cache/lib/tool-cache.js + 10 modules
var tool_cache = __webpack_require__(8207);
;// CONCATENATED MODULE: ./src/io/tools.ts
// Installs kind, kubectl and helm: from their official release URLs or a
// mirror through @actions/tool-cache (HTTP errors fail, transient ones are
// retried by tool-cache), each verified against its published SHA-256 before
// anything is cached, and cached under the tool's own name and version.
// `tools: path` uses what is on PATH and checks the versions found.








async function sha256File(path) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for await (const chunk of (0,external_node_fs_.createReadStream)(path))
        hash.update(chunk);
    return hash.digest('hex');
}
async function download(url, what) {
    try {
        return await tool_cache/* downloadTool */.bq(url);
    }
    catch (error) {
        const detail = error instanceof tool_cache/* HTTPError */.Hl
            ? `HTTP ${error.httpStatusCode}`
            : error instanceof Error
                ? error.message
                : String(error);
        throw new errors/* UserError */.y(`Downloading ${what} from ${url} failed: ${detail}`);
    }
}
/** Downloads one published file and its checksum; returns the verified file or throws, leaving nothing behind. */
async function downloadVerified(d) {
    const label = `${d.tool} ${d.version}`;
    const sumsFile = await download(d.checksumUrl, `the SHA-256 of ${label}`);
    const parsed = parseChecksumFile((0,external_node_fs_.readFileSync)(sumsFile, 'utf8'), d.fileName);
    (0,external_node_fs_.rmSync)(sumsFile, { force: true });
    if (typeof parsed !== 'string') {
        throw new errors/* UserError */.y(`The checksum file ${d.checksumUrl} of ${label} is unusable: ${parsed.error}`);
    }
    const file = await download(d.url, label);
    const actual = await sha256File(file);
    if (actual !== parsed) {
        (0,external_node_fs_.rmSync)(file, { force: true });
        throw new errors/* UserError */.y(`${label} from ${d.url} failed its SHA-256 check: ${d.checksumUrl} says ${parsed}, the download is ${actual}. ` +
            'Nothing was installed or cached. If this is a mirror, it serves a different file than the release.');
    }
    runner/* info */.pq(`${label}: ${d.url} (sha256 ${actual} verified)`);
    return file;
}
/** Turns a verified download into a tool-cache entry; returns the binary's path. */
async function cacheVerified(d, file, arch) {
    if (d.archivePath) {
        const extracted = await tool_cache/* extractTar */.nN(file);
        (0,external_node_fs_.rmSync)(file, { force: true });
        const binary = (0,external_node_path_.join)(extracted, d.archivePath);
        if (!(0,external_node_fs_.existsSync)(binary)) {
            throw new errors/* UserError */.y(`${d.tool} ${d.version}: ${d.url} has no ${d.archivePath} inside`);
        }
        (0,external_node_fs_.chmodSync)(binary, 0o755);
        const dir = await tool_cache/* cacheDir */.e8((0,external_node_path_.dirname)(binary), d.tool, d.version, arch);
        return (0,external_node_path_.join)(dir, d.tool);
    }
    (0,external_node_fs_.chmodSync)(file, 0o755);
    const dir = await tool_cache/* cacheFile */.NJ(file, d.tool, d.tool, d.version, arch);
    (0,external_node_fs_.rmSync)(file, { force: true });
    return (0,external_node_path_.join)(dir, d.tool);
}
async function installDownloaded(request, mirror) {
    const arch = request.cacheArch ?? process.arch;
    const paths = {};
    const missing = [];
    for (const tool of TOOL_NAMES) {
        const version = request.versions[tool];
        const cached = tool_cache/* find */.I6(tool, version, arch);
        if (cached && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(cached, tool))) {
            runner/* info */.pq(`${tool} ${version}: from the tool cache (${cached})`);
            paths[tool] = (0,external_node_path_.join)(cached, tool);
        }
        else {
            missing.push(toolDownload(tool, version, request.platform, mirror));
        }
    }
    // Every download is verified before any is cached: one bad file caches nothing.
    const settled = await Promise.allSettled(missing.map((d) => downloadVerified(d)));
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed) {
        for (const s of settled)
            if (s.status === 'fulfilled')
                (0,external_node_fs_.rmSync)(s.value, { force: true });
        throw failed.reason;
    }
    for (const [i, d] of missing.entries()) {
        paths[d.tool] = await cacheVerified(d, settled[i].value, arch);
    }
    return paths;
}
/** The first executable `name` on PATH. */
function which(name, path = process.env.PATH ?? '') {
    for (const dir of path.split(external_node_path_.delimiter)) {
        if (!dir)
            continue;
        const candidate = (0,external_node_path_.join)(dir, name);
        try {
            (0,external_node_fs_.accessSync)(candidate, external_node_fs_.constants.X_OK);
            return candidate;
        }
        catch {
            // not here
        }
    }
    return undefined;
}
const VERSION_ARGS = {
    kind: ['version'],
    kubectl: ['version', '--client', '--output=json'],
    helm: ['version', '--short'],
};
async function usePath(request) {
    const paths = {};
    const problems = [];
    for (const tool of TOOL_NAMES) {
        const path = which(tool);
        if (!path) {
            problems.push(`${tool} is not on PATH`);
            continue;
        }
        paths[tool] = path;
        const wanted = request.versions[tool];
        const out = await (0,exec/* run */.e)(path, VERSION_ARGS[tool], { allowFailure: true });
        const found = parseToolVersion(tool, out.stdout);
        if (!found) {
            problems.push(`${path} did not report a version (${out.stderr.trim() || out.stdout.trim() || `exit ${out.code}`})`);
            continue;
        }
        const check = compareVersions(found, wanted);
        runner/* info */.pq(`${tool} ${found}: ${path}`);
        if (check.ok)
            continue;
        const message = `${tool} on PATH is ${found}, ${tool}-version asks for ${wanted}`;
        if (check.severity === 'error')
            problems.push(message);
        else
            runner/* warning */.$e(`${message} (same minor version: using it)`);
    }
    if (problems.length > 0) {
        throw new errors/* UserError */.y(`tools: path: ${problems.join('; ')}. Install the requested versions, set the *-version inputs to what the runner has, or use tools: download.`);
    }
    return paths;
}
async function installTools(request) {
    const { source } = request;
    if (source.mode === 'path')
        return usePath(request);
    const paths = await installDownloaded(request, source.mode === 'mirror' ? source.url : undefined);
    // Later steps (and the test command) find the same binaries.
    for (const dir of new Set(Object.values(paths).map((p) => (0,external_node_path_.dirname)(p))))
        runner/* addPath */.fM(dir);
    return paths;
}

// EXTERNAL MODULE: ./src/actions/common/state.ts
var state = __webpack_require__(6968);
// EXTERNAL MODULE: ./src/actions/common/inputs.ts
var inputs = __webpack_require__(9120);
// EXTERNAL MODULE: ./src/actions/defaults.generated.ts
var defaults_generated = __webpack_require__(2214);
;// CONCATENATED MODULE: ./src/actions/kind-integration/inputs.ts
// kind-integration's inputs, read and checked in one place: a bad value fails
// before any download or cluster, naming the input.







/** The pinned versions live in action.yml alone; the runner applies them, and so does this for other callers. */
function version(input) {
    return normalizeVersion(input, (0,inputs/* getString */.AA)(input) || (defaults_generated/* ACTION_DEFAULTS */.O['kind-integration']?.[input] ?? ''));
}
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
function readInputs(env = process.env) {
    const workspace = env.GITHUB_WORKSPACE || process.cwd();
    const clusterName = validateClusterName((0,inputs/* getString */.AA)('cluster-name') || `minishop-${env.GITHUB_RUN_ID ?? 'local'}`);
    const namespace = (0,inputs/* getString */.AA)('namespace') || 'default';
    if (!DNS_LABEL.test(namespace) || namespace.length > 63) {
        throw new errors/* UserError */.y(`Input namespace must be a valid Kubernetes namespace name, got "${namespace}"`);
    }
    const environment = (0,inputs/* getOptional */.xX)('environment');
    if (environment !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(environment)) {
        throw new errors/* UserError */.y(`Input environment must be a name like dev or staging, got "${environment}"`);
    }
    const charts = (0,inputs/* getList */.vS)('charts');
    const services = (0,inputs/* getList */.vS)('services', { commas: true });
    const kustomize = (0,inputs/* getOptional */.xX)('kustomize');
    if (kustomize && (charts.length > 0 || services.length > 0)) {
        throw new errors/* UserError */.y('Inputs kustomize and charts/services are alternatives: deploy with one of them');
    }
    const images = (0,inputs/* getList */.vS)('images').map(parseImageRef);
    const testCommand = (0,inputs/* getOptional */.xX)('test-command');
    const workingDirectory = (0,inputs/* getString */.AA)('working-directory') || '.';
    const artifactName = validateArtifactName((0,inputs/* getString */.AA)('artifact-name') ||
        defaultArtifactName(env.GITHUB_JOB ?? '', clusterName, env.GITHUB_RUN_ATTEMPT ?? '1'));
    return {
        clusterName,
        config: (0,inputs/* getOptional */.xX)('config'),
        workers: (0,inputs/* getInt */.yW)('workers', 2, { min: 0, max: 10 }),
        nodeImage: (0,inputs/* getOptional */.xX)('node-image'),
        versions: {
            kind: version('kind-version'),
            kubectl: version('kubectl-version'),
            helm: version('helm-version'),
        },
        tools: parseToolSource((0,inputs/* getString */.AA)('tools')),
        images,
        registry: (0,inputs/* getBool */.Jz)('registry', false),
        registryPort: (0,inputs/* getInt */.yW)('registry-port', 5001, { min: 1, max: 65535 }),
        registryImage: (0,inputs/* getString */.AA)('registry-image') || 'registry:3',
        charts,
        services,
        environment,
        kustomize,
        manifests: (0,inputs/* getList */.vS)('manifests'),
        namespace,
        waitTimeoutSeconds: parseDuration('wait-timeout', (0,inputs/* getString */.AA)('wait-timeout') || '5m'),
        testCommand,
        workspace,
        workingDirectory: (0,external_node_path_.isAbsolute)(workingDirectory)
            ? workingDirectory
            : (0,external_node_path_.join)(workspace, workingDirectory),
        portForwards: parsePortForwards((0,inputs/* getList */.vS)('port-forward')),
        diagnostics: (0,inputs/* getEnum */.GV)('diagnostics', ['on-failure', 'always', 'never'], 'on-failure'),
        artifactName,
        uploadDiagnostics: (0,inputs/* getBool */.Jz)('upload-diagnostics', true),
        keepCluster: (0,inputs/* getBool */.Jz)('keep-cluster', false),
    };
}

;// CONCATENATED MODULE: ./src/actions/kind-integration/main.ts
// kind-integration: a throwaway kind cluster for one run, the services
// deployed from their real charts, the test command, diagnostics on failure,
// and (post step) cleanup that never fails the job.














/** Names of the values main leaves for the post step. */
const S = {
    cluster: 'cluster',
    kind: 'kind',
    kubectl: 'kubectl',
    helm: 'helm',
    kubeconfig: 'kubeconfig',
    namespace: 'namespace',
    keep: 'keep-cluster',
    diagnostics: 'diagnostics',
    diagnosticsDir: 'diagnostics-dir',
    artifact: 'artifact-name',
    upload: 'upload-diagnostics',
    registry: 'registry-container',
    releases: 'releases',
    forwards: 'port-forward-pids',
    reachable: 'cluster-reachable',
    finished: 'main-finished',
};
function workspaceHas(workspace) {
    return (path) => (0,external_node_fs_.existsSync)((0,external_node_path_.join)(workspace, path));
}
async function uploadDiagnostics(name, dir, enabled) {
    if (!enabled)
        return undefined;
    if (!artifactServiceAvailable()) {
        runner/* info */.pq(`No artifact service on this runner (ACTIONS_RUNTIME_TOKEN/ACTIONS_RESULTS_URL unset): the diagnostics stay in ${dir} (output diagnostics-path)`);
        return undefined;
    }
    try {
        const artifact = await uploadDirectory(name, dir);
        runner/* info */.pq(`Uploaded diagnostics as artifact ${name} (${artifact.size} bytes, sha256 ${artifact.digest})`);
        return { name, ...(artifact.url ? { url: artifact.url } : {}) };
    }
    catch (error) {
        runner/* warning */.$e(`Uploading the diagnostics artifact ${name} failed: ${error instanceof Error ? error.message : String(error)}. The files are in ${dir} (output diagnostics-path): upload them with actions/upload-artifact.`);
        return undefined;
    }
}
function describeFailure(error) {
    return error instanceof Error ? error.message : String(error);
}
function plan() {
    const inputs = readInputs();
    const exists = workspaceHas(inputs.workspace);
    const releases = planReleases({
        charts: inputs.charts,
        services: inputs.services,
        ...(inputs.environment ? { environment: inputs.environment } : {}),
        images: inputs.images,
        exists,
    });
    if (inputs.config && !exists(inputs.config)) {
        throw new errors/* UserError */.y(`Input config: ${inputs.config} does not exist`);
    }
    if (inputs.portForwards.length > 0 && !inputs.testCommand) {
        runner/* warning */.$e('Input port-forward is set but test-command is empty: the forwards are only available to the test command');
    }
    const registry = inputs.registry
        ? { container: `${inputs.clusterName}-registry`, port: inputs.registryPort }
        : undefined;
    const userConfig = inputs.config
        ? { path: inputs.config, text: (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(inputs.workspace, inputs.config), 'utf8') }
        : undefined;
    const config = kindConfig({
        workers: inputs.workers,
        ...(userConfig ? { userConfig } : {}),
        ...(registry ? { registry } : {}),
    });
    for (const warning of config.warnings)
        runner/* warning */.$e(warning);
    const temp = process.env.RUNNER_TEMP || (0,external_node_path_.join)(inputs.workspace, '.kind-integration');
    return {
        inputs,
        releases,
        kindConfig: config.yaml,
        ...(registry ? { registry } : {}),
        work: (0,external_node_path_.join)(temp, 'kind-integration', inputs.clusterName),
    };
}
/** Everything between "tools are installed" and "the test command ran". */
async function deployAndTest(plan, cluster, progress) {
    const { inputs, registry, work } = plan;
    const timeout = inputs.waitTimeoutSeconds;
    if (registry) {
        (0,state/* save */.UN)(S.registry, registry.container);
        await runner/* group */.Os(`Start local registry ${registryHost(registry)}`, () => startRegistry(cluster, registry, inputs.registryImage));
    }
    await runner/* group */.Os(`Create kind cluster ${cluster.name}`, async () => {
        await createCluster(cluster, {
            configPath: (0,external_node_path_.join)(work, 'kind-config.yaml'),
            ...(inputs.nodeImage ? { nodeImage: inputs.nodeImage } : {}),
        }, (0,external_node_path_.join)(work, 'diagnostics'));
        await waitForNodes(cluster, timeout);
    });
    progress.reachable = true;
    (0,state/* save */.UN)(S.reachable, 'true');
    runner/* exportVariable */.dN('KUBECONFIG', cluster.kubeconfig);
    if (registry)
        await runner/* group */.Os('Wire the local registry into the nodes', () => wireRegistry(cluster, registry));
    await runner/* group */.Os(`Namespace ${cluster.namespace}`, () => ensureNamespace(cluster));
    if (inputs.images.length > 0) {
        await runner/* group */.Os(`Load ${inputs.images.length} image(s) into the nodes`, () => loadImages(cluster, inputs.images, (0,external_node_path_.join)(work, 'images')));
    }
    if (inputs.manifests.length > 0) {
        await runner/* group */.Os('Apply manifests', () => applyManifests(cluster, inputs.manifests, inputs.workspace));
    }
    for (const release of plan.releases) {
        await runner/* group */.Os(`Install ${release.name} (${release.chart})`, async () => {
            progress.installed.push(release.name);
            (0,state/* save */.UN)(S.releases, JSON.stringify(progress.installed));
            await installRelease(cluster, release, timeout, inputs.workspace);
        });
    }
    if (inputs.kustomize) {
        const dir = inputs.kustomize;
        await runner/* group */.Os(`Apply ${dir}`, () => applyKustomize(cluster, dir, inputs.workspace));
    }
    await runner/* group */.Os(`Wait for rollouts in ${cluster.namespace}`, () => waitForRollouts(cluster, timeout));
    if (inputs.portForwards.length > 0) {
        await runner/* group */.Os('Port-forwards', async () => {
            for (const forward of inputs.portForwards) {
                progress.forwards.push(await startPortForward(cluster, forward, (0,external_node_path_.join)(work, 'diagnostics')));
                (0,state/* save */.UN)(S.forwards, JSON.stringify(progress.forwards.map((f) => f.pid)));
            }
        });
    }
    if (inputs.testCommand) {
        runner/* info */.pq(`Running the test command in ${inputs.workingDirectory}`);
        if (!(0,external_node_fs_.existsSync)(inputs.workingDirectory)) {
            throw new errors/* UserError */.y(`Input working-directory: ${inputs.workingDirectory} does not exist`);
        }
        const test = await runTestCommand(inputs.testCommand, inputs.workingDirectory, {
            KUBECONFIG: cluster.kubeconfig,
            NAMESPACE: cluster.namespace,
            KIND_CLUSTER_NAME: cluster.name,
            ...(registry ? { KIND_REGISTRY: registryHost(registry) } : {}),
        });
        progress.testOutput = test.output;
        if (test.code !== 0)
            throw new errors/* UserError */.y(`test-command failed with exit code ${test.code}`);
    }
}
async function run() {
    const p = plan();
    const { inputs, work } = p;
    runner/* setOutput */.uH('cluster-name', inputs.clusterName);
    runner/* setOutput */.uH('result', 'failed'); // until the test passes: a crash leaves it failed
    (0,external_node_fs_.mkdirSync)(work, { recursive: true });
    const kubeconfig = (0,external_node_path_.join)(work, 'kubeconfig');
    const diagnosticsDir = (0,external_node_path_.join)(work, 'diagnostics');
    runner/* setOutput */.uH('kubeconfig', kubeconfig);
    if (p.registry)
        runner/* setOutput */.uH('registry', registryHost(p.registry));
    (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(work, 'kind-config.yaml'), p.kindConfig);
    const tools = await runner/* group */.Os('Install kind, kubectl and helm', () => installTools({
        source: inputs.tools,
        versions: inputs.versions,
        platform: platformOf(process.platform, process.arch),
    }));
    const cluster = {
        tools,
        name: inputs.clusterName,
        kubeconfig,
        namespace: inputs.namespace,
    };
    // From here on the post step can clean up, whatever happens to main.
    (0,state/* save */.UN)(S.cluster, cluster.name);
    (0,state/* save */.UN)(S.kind, tools.kind);
    (0,state/* save */.UN)(S.kubectl, tools.kubectl);
    (0,state/* save */.UN)(S.helm, tools.helm);
    (0,state/* save */.UN)(S.kubeconfig, kubeconfig);
    (0,state/* save */.UN)(S.namespace, cluster.namespace);
    (0,state/* save */.UN)(S.keep, String(inputs.keepCluster));
    (0,state/* save */.UN)(S.diagnostics, inputs.diagnostics);
    (0,state/* save */.UN)(S.diagnosticsDir, diagnosticsDir);
    (0,state/* save */.UN)(S.artifact, inputs.artifactName);
    (0,state/* save */.UN)(S.upload, String(inputs.uploadDiagnostics));
    const progress = { reachable: false, installed: [], forwards: [] };
    let failure;
    try {
        await deployAndTest(p, cluster, progress);
    }
    catch (error) {
        failure = error;
    }
    finally {
        for (const f of progress.forwards)
            stopProcess(f.pid);
    }
    const result = failure === undefined ? 'passed' : 'failed';
    runner/* setOutput */.uH('result', result);
    let diagnostics;
    let artifact;
    if (wantsDiagnostics(inputs.diagnostics, failure !== undefined)) {
        diagnostics = await runner/* group */.Os('Diagnostics', () => collectDiagnostics(cluster, diagnosticsDir, {
            clusterReachable: progress.reachable,
            releases: progress.installed,
            ...(progress.testOutput !== undefined ? { testOutput: progress.testOutput } : {}),
        }));
        runner/* setOutput */.uH('diagnostics-path', diagnosticsDir);
    }
    const summaryInput = {
        result,
        cluster: cluster.name,
        namespace: cluster.namespace,
        ...(failure !== undefined ? { failure: describeFailure(failure) } : {}),
        releases: p.releases.map((r) => ({
            name: r.name,
            chart: r.chart,
            ...(r.image ? { image: r.image.ref } : {}),
        })),
        pods: diagnostics?.pods ?? [],
        details: diagnostics?.details ?? [],
        warnings: diagnostics?.warnings ?? [],
        ...(inputs.testCommand ? { testCommand: inputs.testCommand } : {}),
        ...(failure !== undefined && progress.testOutput
            ? { testOutputTail: tail(progress.testOutput) }
            : {}),
        ...(diagnostics ? { diagnosticsPath: diagnosticsDir } : {}),
    };
    if (diagnostics) {
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(diagnosticsDir, 'summary.md'), renderSummary(summaryInput));
        artifact = await uploadDiagnostics(inputs.artifactName, diagnosticsDir, inputs.uploadDiagnostics);
    }
    await runner/* summary */.z
        .addRaw(renderSummary({ ...summaryInput, ...(artifact ? { artifact } : {}) }))
        .write();
    (0,state/* save */.UN)(S.finished, 'true');
    if (failure !== undefined) {
        if (!(0,errors/* isUserError */.i)(failure))
            throw failure;
        throw new errors/* UserError */.y(`${failure.message}${diagnostics ? `\nDiagnostics: ${artifact ? `artifact ${artifact.name}` : diagnosticsDir}; the job summary shows the pods and their logs.` : ''}`);
    }
}
/** Stops the port-forwards, gathers diagnostics if main never finished, deletes the cluster. Never fails the job. */
async function post() {
    const name = (0,state/* load */.Hh)(S.cluster);
    if (!name) {
        runner/* info */.pq('kind-integration created no cluster: nothing to clean up');
        return;
    }
    const pids = JSON.parse((0,state/* load */.Hh)(S.forwards) || '[]');
    for (const pid of pids)
        if (stopProcess(pid))
            runner/* info */.pq(`Stopped port-forward (pid ${pid})`);
    const cluster = {
        tools: {
            kind: (0,state/* load */.Hh)(S.kind) || 'kind',
            kubectl: (0,state/* load */.Hh)(S.kubectl) || 'kubectl',
            helm: (0,state/* load */.Hh)(S.helm) || 'helm',
        },
        name,
        kubeconfig: (0,state/* load */.Hh)(S.kubeconfig),
        namespace: (0,state/* load */.Hh)(S.namespace) || 'default',
    };
    const exists = await clusterExists(cluster);
    const mode = (0,state/* load */.Hh)(S.diagnostics);
    if ((0,state/* load */.Hh)(S.finished) !== 'true' && exists && (mode === 'on-failure' || mode === 'always')) {
        const dir = (0,state/* load */.Hh)(S.diagnosticsDir);
        runner/* warning */.$e('The main step did not finish (cancelled or crashed): gathering diagnostics before deleting the cluster');
        const diagnostics = await runner/* group */.Os('Diagnostics of the interrupted run', () => collectDiagnostics(cluster, dir, {
            clusterReachable: (0,state/* load */.Hh)(S.reachable) === 'true',
            releases: JSON.parse((0,state/* load */.Hh)(S.releases) || '[]'),
        }));
        const artifact = await uploadDiagnostics((0,state/* load */.Hh)(S.artifact), dir, (0,state/* load */.Hh)(S.upload) !== 'false');
        const summary = renderSummary({
            result: 'failed',
            cluster: cluster.name,
            namespace: cluster.namespace,
            failure: 'The main step did not finish (cancelled or crashed); these diagnostics were gathered by the post step.',
            releases: [],
            pods: diagnostics.pods,
            details: diagnostics.details,
            warnings: diagnostics.warnings,
            diagnosticsPath: dir,
            ...(artifact ? { artifact } : {}),
        });
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(dir, 'summary.md'), summary);
        await runner/* summary */.z.addRaw(summary).write();
    }
    if ((0,state/* load */.Hh)(S.keep) === 'true') {
        runner/* info */.pq(`keep-cluster: leaving cluster ${name} running (KUBECONFIG ${cluster.kubeconfig})`);
        return;
    }
    if (exists) {
        const deleted = await deleteCluster(cluster);
        if (deleted.code !== 0)
            runner/* warning */.$e(`kind delete cluster ${name} failed (exit ${deleted.code}): ${deleted.stderr.trim()}`);
    }
    else {
        runner/* info */.pq(`Cluster ${name} is already gone`);
    }
    const registry = (0,state/* load */.Hh)(S.registry);
    if (registry)
        await tool(cluster, 'docker', ['rm', '--force', registry], { echo: true, allowFailure: true });
}


/***/ }),

/***/ 3075:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ mapLimit)
/* harmony export */ });
/** Maps with at most `limit` calls in flight; results keep the input order. */
async function mapLimit(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            results[i] = await fn(items[i], i);
        }
    };
    await Promise.all(Array.from({ length: Math.min(Math.max(limit, 1), items.length) }, worker));
    return results;
}


/***/ })

};
