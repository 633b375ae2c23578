export const id = 665;
export const ids = [665];
export const modules = {

/***/ 8665:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   octokitClient: () => (/* binding */ octokitClient)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1758);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6856);
// The octokit client behind createGitHubClient (github.ts), in a module of its
// own so that a bundle loads octokit, and @actions/http-client's undici under
// it, only when a run makes its first request.



/** A stand-in for the plugin's write limiter: serial, `ms` apart. */
function spacedLimiter(ms) {
    let queue = Promise.resolve();
    let last = 0;
    const limiter = {
        schedule(_options, task) {
            const turn = queue.then(async () => {
                const wait = last + ms - Date.now();
                if (wait > 0)
                    await new Promise((r) => setTimeout(r, wait));
                last = Date.now();
            });
            queue = turn;
            return turn.then(task);
        },
    };
    return { key: () => limiter };
}
/** createGitHubClient's client: octokit with the retry and throttling plugins. */
function octokitClient(options) {
    const retries = options.retries ?? 3;
    const log = options.log ?? (() => { });
    const baseUrl = options.baseUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com';
    const loopback = /^https?:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?(\/|$)/.test(baseUrl);
    const writeSpacingMs = options.writeSpacingMs ?? (loopback ? 0 : undefined);
    return (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(options.token, {
        baseUrl,
        retry: { retries },
        throttle: {
            ...(writeSpacingMs === undefined
                ? {}
                : // The plugin only calls key(id).schedule(options, task) on it.
                    { write: spacedLimiter(writeSpacingMs) }),
            onRateLimit: (after, request, _o, count) => {
                log(`Rate limit on ${request.method} ${request.url}; retrying after ${after}s`);
                return count < retries;
            },
            onSecondaryRateLimit: (after, request, _o, count) => {
                log(`Secondary rate limit on ${request.method} ${request.url}; retrying after ${after}s`);
                return count < retries;
            },
        },
    }, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_1__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_2__/* .throttling */ .A);
}


/***/ })

};
