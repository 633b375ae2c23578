export const id = 86;
export const ids = [86];
export const modules = {

/***/ 6086:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseServicesConfig: () => (/* binding */ parseServicesConfig)
/* harmony export */ });
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _image_name__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9512);
/* harmony import */ var _workspace_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3364);
/* harmony import */ var _yaml_lib__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7014);




function parseServicesConfig(text, file, options) {
    const lineCounter = new ((0,_yaml_lib__WEBPACK_IMPORTED_MODULE_3__/* .yaml */ .oQ)().LineCounter)();
    const doc = (0,_yaml_lib__WEBPACK_IMPORTED_MODULE_3__/* .yaml */ .oQ)().parseDocument(text, { lineCounter, prettyErrors: false });
    const fail = (message, node, offset) => {
        const at = offset ?? node?.range?.[0];
        const pos = at === undefined ? undefined : lineCounter.linePos(at);
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`${file}: ${message}`, { file, line: pos?.line, column: pos?.col });
    };
    const [error] = doc.errors;
    if (error)
        fail(error.message.split('\n')[0], undefined, error.pos[0]);
    if (!(0,_yaml_lib__WEBPACK_IMPORTED_MODULE_3__/* .isMap */ .jh)(doc.contents))
        fail('must be a mapping with a `services` list', doc.contents);
    const root = doc.contents;
    for (const pair of root.items) {
        const key = (0,_yaml_lib__WEBPACK_IMPORTED_MODULE_3__/* .isScalar */ .jn)(pair.key) ? String(pair.key.value) : '';
        if (key !== 'services' && key !== 'shared-paths') {
            fail(`unknown key "${key}" (known: services, shared-paths)`, pair.key);
        }
    }
    const strings = (node, what) => {
        if (node === undefined || node === null)
            return [];
        if (!(0,_yaml_lib__WEBPACK_IMPORTED_MODULE_3__/* .isSeq */ .oP)(node))
            return fail(`${what} must be a list`, node);
        return node.items.map((item) => (0,_yaml_lib__WEBPACK_IMPORTED_MODULE_3__/* .isScalar */ .jn)(item) && typeof item.value === 'string' && item.value.trim() !== ''
            ? item.value.trim()
            : fail(`${what} entries must be non-empty strings`, item));
    };
    const inRepo = (value, node) => {
        try {
            return (0,_workspace_path__WEBPACK_IMPORTED_MODULE_2__/* .workspaceRelative */ .U)(options.root, (0,_workspace_path__WEBPACK_IMPORTED_MODULE_2__/* .resolveInWorkspace */ .z)(options.root, value, 'config'));
        }
        catch {
            return fail(`"${value}" leaves the repository`, node);
        }
    };
    const servicesNode = root.get('services', true);
    if (!(0,_yaml_lib__WEBPACK_IMPORTED_MODULE_3__/* .isSeq */ .oP)(servicesNode))
        return fail('`services` must be a list', servicesNode ?? root);
    const seen = new Set();
    const services = servicesNode.items.map((item) => {
        const entry = (0,_yaml_lib__WEBPACK_IMPORTED_MODULE_3__/* .isMap */ .jh)(item) ? item : undefined;
        const nameNode = (entry ? entry.get('name', true) : item);
        const name = (0,_yaml_lib__WEBPACK_IMPORTED_MODULE_3__/* .isScalar */ .jn)(nameNode) ? String(nameNode.value ?? '') : '';
        if (!(0,_image_name__WEBPACK_IMPORTED_MODULE_1__/* .isServiceName */ .tN)(name)) {
            fail(`service name must be one image path component, got ${JSON.stringify(name)}`, nameNode ?? item);
        }
        if (seen.has(name))
            fail(`service "${name}" is listed twice`, nameNode);
        seen.add(name);
        for (const pair of entry?.items ?? []) {
            const key = (0,_yaml_lib__WEBPACK_IMPORTED_MODULE_3__/* .isScalar */ .jn)(pair.key) ? String(pair.key.value) : '';
            if (!['name', 'context', 'dockerfile', 'paths'].includes(key)) {
                fail(`unknown key "${key}" for service "${name}" (known: name, context, dockerfile, paths)`, pair.key);
            }
        }
        const field = (key) => {
            const node = entry?.get(key, true);
            if (node === undefined)
                return undefined;
            if (!(0,_yaml_lib__WEBPACK_IMPORTED_MODULE_3__/* .isScalar */ .jn)(node) || typeof node.value !== 'string')
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
