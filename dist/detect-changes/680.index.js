export const id = 680;
export const ids = [680];
export const modules = {

/***/ 7680:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  parseServicesConfig: () => (/* binding */ parseServicesConfig)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/image-name.ts
var image_name = __webpack_require__(9512);
// EXTERNAL MODULE: ./src/core/workspace-path.ts
var workspace_path = __webpack_require__(3364);
;// CONCATENATED MODULE: ./src/core/yaml-lib.ts
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

;// CONCATENATED MODULE: ./src/core/services-config.ts




function parseServicesConfig(text, file, options) {
    const lineCounter = new (yaml().LineCounter)();
    const doc = yaml().parseDocument(text, { lineCounter, prettyErrors: false });
    const fail = (message, node, offset) => {
        const at = offset ?? node?.range?.[0];
        const pos = at === undefined ? undefined : lineCounter.linePos(at);
        throw new errors/* UserError */.y(`${file}: ${message}`, { file, line: pos?.line, column: pos?.col });
    };
    const [error] = doc.errors;
    if (error)
        fail(error.message.split('\n')[0], undefined, error.pos[0]);
    if (!isMap(doc.contents))
        fail('must be a mapping with a `services` list', doc.contents);
    const root = doc.contents;
    for (const pair of root.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        if (key !== 'services' && key !== 'shared-paths') {
            fail(`unknown key "${key}" (known: services, shared-paths)`, pair.key);
        }
    }
    const strings = (node, what) => {
        if (node === undefined || node === null)
            return [];
        if (!isSeq(node))
            return fail(`${what} must be a list`, node);
        return node.items.map((item) => isScalar(item) && typeof item.value === 'string' && item.value.trim() !== ''
            ? item.value.trim()
            : fail(`${what} entries must be non-empty strings`, item));
    };
    const inRepo = (value, node) => {
        try {
            return (0,workspace_path/* workspaceRelative */.U)(options.root, (0,workspace_path/* resolveInWorkspace */.z)(options.root, value, 'config'));
        }
        catch {
            return fail(`"${value}" leaves the repository`, node);
        }
    };
    const servicesNode = root.get('services', true);
    if (!isSeq(servicesNode))
        return fail('`services` must be a list', servicesNode ?? root);
    const seen = new Set();
    const services = servicesNode.items.map((item) => {
        const entry = isMap(item) ? item : undefined;
        const nameNode = (entry ? entry.get('name', true) : item);
        const name = isScalar(nameNode) ? String(nameNode.value ?? '') : '';
        if (!(0,image_name/* isServiceName */.tN)(name)) {
            fail(`service name must be one image path component, got ${JSON.stringify(name)}`, nameNode ?? item);
        }
        if (seen.has(name))
            fail(`service "${name}" is listed twice`, nameNode);
        seen.add(name);
        for (const pair of entry?.items ?? []) {
            const key = isScalar(pair.key) ? String(pair.key.value) : '';
            if (!['name', 'context', 'dockerfile', 'paths'].includes(key)) {
                fail(`unknown key "${key}" for service "${name}" (known: name, context, dockerfile, paths)`, pair.key);
            }
        }
        const field = (key) => {
            const node = entry?.get(key, true);
            if (node === undefined)
                return undefined;
            if (!isScalar(node) || typeof node.value !== 'string')
                fail(`${key} must be a string`, node);
            return inRepo(String(node.value), node);
        };
        const context = field('context') ?? `${options.servicesDir.replace(/\/+$/, '')}/${name}`;
        return {
            name,
            context,
            dockerfile: field('dockerfile') ?? (context === '.' ? 'Dockerfile' : `${context}/Dockerfile`),
            paths: strings(entry?.get('paths', true), `paths of "${name}"`),
        };
    });
    return { services, sharedPaths: strings(root.get('shared-paths', true), 'shared-paths') };
}


/***/ })

};
