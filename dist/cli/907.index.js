export const id = 907;
export const ids = [907];
export const modules = {

/***/ 1907:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/core/duration.ts

const UNIT_MS = {
    w: 7 * 24 * 3600_000,
    d: 24 * 3600_000,
    h: 3600_000,
    m: 60_000,
    s: 1000,
};
/**
 * `24h`, `90m`, `2d`, `1d12h`, `1h 30m`, `1w`, `0` -> milliseconds. Units are
 * required (a bare `24` could mean hours or minutes), each at most once and
 * largest first, so a typo cannot silently change the meaning.
 */
function parseDuration(text, source = 'duration') {
    const value = text.trim();
    if (value === '0')
        return 0;
    const compact = value.replace(/\s+/g, '');
    const parts = [...compact.matchAll(/(\d+)([wdhms])/g)];
    const order = 'wdhms';
    let last = -1;
    let total = 0;
    let consumed = 0;
    for (const [whole, amount, unit] of parts) {
        const rank = order.indexOf(unit);
        if (rank <= last) {
            throw new errors/* UserError */.y(`${source} must list each unit once, largest first (e.g. 1d12h), got "${text}"`);
        }
        last = rank;
        total += Number(amount) * UNIT_MS[unit];
        consumed += whole.length;
    }
    if (parts.length === 0 || consumed !== compact.length) {
        throw new errors/* UserError */.y(`${source} must be a duration such as 24h, 90m, 2d or 1d12h (units w, d, h, m, s), got "${text}"`);
    }
    return total;
}
/** 93_600_000 -> `1d 2h`; minutes are the finest unit shown unless the span is shorter. */
function formatDuration(ms) {
    if (ms < 0)
        return `-${formatDuration(-ms)}`;
    if (ms < 60_000)
        return `${Math.floor(ms / 1000)}s`;
    const minutes = Math.floor(ms / 60_000);
    const d = Math.floor(minutes / 1440);
    const h = Math.floor((minutes % 1440) / 60);
    const m = minutes % 60;
    const parts = [];
    if (d)
        parts.push(`${d}d`);
    if (h)
        parts.push(`${h}h`);
    if (m)
        parts.push(`${m}m`);
    return parts.join(' ');
}

;// CONCATENATED MODULE: ./src/core/freeze-window.ts

// Freeze windows are wall-clock times in an IANA time zone, compared in that
// zone's local time (via Intl), so "Fri 16:00" stays 16:00 in Berlin across
// daylight-saving changes.
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const FULL_DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const TIME = String.raw `([01]?\d|2[0-3]):([0-5]\d)`;
const DAY = '([A-Za-z]+)';
const DATE = String.raw `(\d{4}-\d{2}-\d{2})`;
const WEEKLY = new RegExp(String.raw `^${DAY}\s+${TIME}\s*-\s*${DAY}\s+${TIME}(?:\s+(\S+))?$`);
const DAILY = new RegExp(String.raw `^${TIME}\s*-\s*${TIME}(?:\s+(\S+))?$`);
const ONCE = new RegExp(String.raw `^${DATE}(?:\s+${TIME})?\s+-\s+${DATE}(?:\s+${TIME})?(?:\s+(\S+))?$`);
/**
 * One window a line (blank lines and `#` comments ignored):
 *   `Fri 16:00-Mon 08:00 Europe/Berlin`   every week, may cross Sunday night
 *   `22:00-06:00 Europe/Berlin`           every day, may cross midnight
 *   `2025-12-22 - 2026-01-02 Europe/Berlin` once; a date alone is that whole day
 *   `2025-12-22 12:00 - 2025-12-22 18:00 UTC`
 * The time zone defaults to UTC.
 */
function parseFreezeWindows(text, source = 'freeze') {
    const windows = [];
    text.split(/\r?\n/).forEach((raw, index) => {
        const line = raw.replace(/(^|\s)#.*$/, '').trim();
        if (line === '')
            return;
        windows.push(parseWindow(line, `${source} (line ${index + 1})`));
    });
    return windows;
}
function parseWindow(line, where) {
    const weekly = WEEKLY.exec(line);
    if (weekly) {
        const [, d1, h1, m1, d2, h2, m2, tz] = weekly;
        const timeZone = checkTimeZone(tz ?? 'UTC', where);
        const start = day(d1, where) * 1440 + Number(h1) * 60 + Number(m1);
        const end = day(d2, where) * 1440 + Number(h2) * 60 + Number(m2);
        if (start === end)
            throw new errors/* UserError */.y(`${where}: "${line}" starts when it ends`);
        return { kind: 'weekly', text: line, timeZone, start, end };
    }
    const daily = DAILY.exec(line);
    if (daily) {
        const [, h1, m1, h2, m2, tz] = daily;
        const timeZone = checkTimeZone(tz ?? 'UTC', where);
        const start = Number(h1) * 60 + Number(m1);
        const end = Number(h2) * 60 + Number(m2);
        if (start === end)
            throw new errors/* UserError */.y(`${where}: "${line}" starts when it ends`);
        return { kind: 'daily', text: line, timeZone, start, end };
    }
    const once = ONCE.exec(line);
    if (once) {
        const [, date1, h1, m1, date2, h2, m2, tz] = once;
        const timeZone = checkTimeZone(tz ?? 'UTC', where);
        checkDate(date1, where);
        checkDate(date2, where);
        const start = `${date1}T${pad(h1 ?? '0')}:${m1 ?? '00'}`;
        // A date without a time is the whole day: the window ends when the next day begins.
        const end = h2 === undefined ? `${nextDay(date2)}T00:00` : `${date2}T${pad(h2)}:${m2}`;
        if (end <= start)
            throw new errors/* UserError */.y(`${where}: "${line}" ends before it starts`);
        return { kind: 'once', text: line, timeZone, start, end };
    }
    throw new errors/* UserError */.y(`${where}: cannot read "${line}"; write a window as "Fri 16:00-Mon 08:00 Europe/Berlin", "22:00-06:00 UTC" or "2025-12-22 - 2026-01-02 Europe/Berlin"`);
}
function day(name, where) {
    const lower = name.toLowerCase();
    let index = DAYS.indexOf(lower);
    if (index < 0)
        index = FULL_DAYS.indexOf(lower);
    if (index < 0)
        throw new errors/* UserError */.y(`${where}: "${name}" is not a day (Mon, Tue, ... Sun)`);
    return index;
}
function checkTimeZone(timeZone, where) {
    try {
        return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
    }
    catch {
        throw new errors/* UserError */.y(`${where}: "${timeZone}" is not an IANA time zone (e.g. Europe/Berlin, America/New_York, UTC)`);
    }
}
function checkDate(date, where) {
    const parsed = new Date(`${date}T00:00:00Z`);
    if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) {
        throw new errors/* UserError */.y(`${where}: "${date}" is not a calendar date`);
    }
}
function nextDay(date) {
    const d = new Date(`${date}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1);
    return d.toISOString().slice(0, 10);
}
function pad(hours) {
    return hours.padStart(2, '0');
}
function wallClock(now, timeZone) {
    const parts = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        weekday: 'short',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
    }).formatToParts(now);
    const get = (type) => parts.find((p) => p.type === type)?.value ?? '';
    return {
        weekday: DAY_NAMES.indexOf(get('weekday')),
        date: `${get('year')}-${get('month')}-${get('day')}`,
        minutes: Number(get('hour')) * 60 + Number(get('minute')),
    };
}
function hhmm(minutes) {
    return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
function within(value, start, end) {
    // end < start: the window wraps around (midnight, or Sunday night).
    return start < end ? value >= start && value < end : value >= start || value < end;
}
/** The first window that contains `now`, or undefined. */
function activeFreeze(windows, now) {
    for (const window of windows) {
        const local = wallClock(now, window.timeZone);
        let inside;
        if (window.kind === 'weekly') {
            inside = within(local.weekday * 1440 + local.minutes, window.start, window.end);
        }
        else if (window.kind === 'daily') {
            inside = within(local.minutes, window.start, window.end);
        }
        else {
            const stamp = `${local.date}T${hhmm(local.minutes)}`;
            inside = stamp >= window.start && stamp < window.end;
        }
        if (inside) {
            const localNow = `${DAY_NAMES[local.weekday]} ${local.date} ${hhmm(local.minutes)} ${window.timeZone}`;
            return { window, localNow };
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/core/gates.ts


const GREEN = new Set(['success', 'neutral', 'skipped']);
function evaluateGates(ctx) {
    return [stageGate(ctx), soakGate(ctx), checksGate(ctx), freezeGate(ctx), approvalGate(ctx)];
}
/** Gates that stop apply: failed ones (pending approval only stops apply, not plan). */
function blockingGates(results, applying) {
    return results.filter((r) => r.status === 'fail' || (applying && r.status === 'pending'));
}
function result(gate, status, reason, details = []) {
    return { gate, status, reason, details };
}
function utc(iso) {
    const d = typeof iso === 'string' ? new Date(iso) : iso;
    return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
function stageGate({ plan, policy }) {
    if (plan.mode === 'rollback') {
        const never = plan.changes.filter((c) => c.targetRanInTo === false);
        if (never.length > 0) {
            return result('stage', 'fail', `A rollback only goes back to a value ${plan.to} ran before.`, never.map((c) => `${c.service}: ${plan.to} never ran ${c.target}`));
        }
        return result('stage', 'pass', `Every rollback target is a value ${plan.to} ran before.`);
    }
    const from = plan.from ?? '';
    const order = stageOrderProblem(policy.stages, from, plan.to);
    if (order)
        return result('stage', 'fail', order);
    const problems = [];
    for (const c of plan.changes) {
        if (c.fromValue === undefined) {
            problems.push(`${c.service}: ${from} has no value at this key, so it never ran ${c.target}`);
        }
        else if (c.fromValue !== c.target) {
            problems.push(`${c.service}: ${c.target} is not what ${from} runs now (${c.fromValue})`);
        }
        else if (policy.soakSource === 'deployments' && c.fromDeploymentState !== 'success') {
            const state = c.fromDeploymentState;
            problems.push(state === undefined
                ? `${c.service}: ${from} has no deployment of ${c.target}, so it never ran there`
                : state.startsWith('of ')
                    ? `${c.service}: ${from}'s latest deployment of it deployed ${state.slice(3)}, not ${c.target}`
                    : `${c.service}: the latest deployment of ${c.target} to ${from} is ${state}, not success`);
        }
    }
    if (problems.length > 0) {
        return result('stage', 'fail', `Only what ${from} runs now can be promoted to ${plan.to}.`, problems);
    }
    return result('stage', 'pass', `Every candidate is what ${from} runs now; ${from} → ${plan.to}.`);
}
/** Why `from` → `to` is not one step along the stages, or undefined. */
function stageOrderProblem(stages, from, to) {
    const lower = stages.map((s) => s.toLowerCase());
    const i = lower.indexOf(from.toLowerCase());
    const j = lower.indexOf(to.toLowerCase());
    const list = stages.join(' → ');
    if (i < 0 || j < 0) {
        return `${i < 0 ? from : to} is not one of the stages (${list}); list the pipeline's environments in order in the stages input.`;
    }
    if (j === i + 1)
        return undefined;
    if (j <= i)
        return `${from} → ${to} goes backwards along ${list}; use mode rollback to go back.`;
    return `${from} → ${to} skips ${stages.slice(i + 1, j).join(', ')} (${list}): promote to ${stages[i + 1]} first.`;
}
/** How long a change has soaked, and whether that is enough. */
function soakVerdict(change, minSoakMs, now) {
    if (!change.liveSince)
        return { ok: minSoakMs === 0, text: 'unknown' };
    const liveMs = now.getTime() - new Date(change.liveSince).getTime();
    const text = `${formatDuration(Math.max(0, liveMs))} (since ${utc(change.liveSince)})`;
    return { ok: liveMs >= minSoakMs, text, liveMs };
}
function soakGate({ plan, policy, now }) {
    if (plan.mode === 'rollback')
        return result('soak', 'skipped', 'A rollback does not soak.');
    if (policy.minSoakMs === 0)
        return result('soak', 'skipped', 'No min-soak set.');
    const need = policy.minSoakText ?? formatDuration(policy.minSoakMs);
    const from = plan.from ?? '';
    const problems = [];
    for (const c of plan.changes) {
        const v = soakVerdict(c, policy.minSoakMs, now);
        if (v.ok)
            continue;
        if (v.liveMs === undefined) {
            problems.push(policy.soakSource === 'git'
                ? `${c.service}: no commit in the GitOps history sets ${c.target} in ${from}, so its soak cannot be measured (is the checkout shallow?)`
                : `${c.service}: no successful deployment of ${c.target} to ${from}, so its soak cannot be measured`);
        }
        else {
            const ready = new Date(new Date(c.liveSince).getTime() + policy.minSoakMs);
            problems.push(`${c.service}: ${c.target} has been live in ${from} for ${v.text}; it needs ${need}, ready at ${utc(ready)}`);
        }
    }
    if (problems.length > 0) {
        return result('soak', 'fail', `Every candidate must have been live in ${from} for ${need}.`, problems);
    }
    return result('soak', 'pass', `Every candidate has been live in ${from} for at least ${need}.`);
}
/** The newest result per required name, and what is wrong with each. */
function checksVerdict(change, required) {
    if (required.length === 0)
        return { ok: true, text: '', problems: [] };
    if (!change.source) {
        return {
            ok: false,
            text: 'no source commit',
            problems: [
                `no Source-Commit trailer on the GitOps commit that set ${change.target}, so its checks cannot be found`,
            ],
        };
    }
    const problems = [];
    for (const name of required) {
        const latest = newest((change.checks ?? []).filter((c) => c.name === name));
        if (!latest)
            problems.push(`${name} has not run`);
        else if (latest.state === 'pending')
            problems.push(`${name} is still running`);
        else if (!GREEN.has(latest.state))
            problems.push(`${name} is ${latest.state.replace('_', ' ')}`);
    }
    const short = change.source.commit.slice(0, 7);
    return {
        ok: problems.length === 0,
        text: problems.length === 0
            ? `✅ ${required.length}/${required.length}`
            : `❌ ${problems.join('; ')}`,
        problems: problems.map((p) => `${p} on ${change.source.repository}@${short}`),
    };
}
function newest(checks) {
    return [...checks].sort((a, b) => (a.at ?? '').localeCompare(b.at ?? '')).at(-1);
}
function checksGate({ plan, policy }) {
    if (plan.mode === 'rollback') {
        return result('checks', 'skipped', 'A rollback goes back to a value that already ran.');
    }
    if (policy.requiredChecks.length === 0)
        return result('checks', 'skipped', 'No required-checks set.');
    const problems = [];
    for (const c of plan.changes) {
        for (const p of checksVerdict(c, policy.requiredChecks).problems)
            problems.push(`${c.service}: ${p}`);
    }
    const names = policy.requiredChecks.join(', ');
    if (problems.length > 0) {
        return result('checks', 'fail', `Required checks (${names}) must be green on each candidate's source commit.`, problems);
    }
    return result('checks', 'pass', `Required checks (${names}) are green on every candidate's source commit.`);
}
function freezeGate({ plan, policy, now }) {
    if (policy.freeze.length === 0)
        return result('freeze', 'skipped', 'No freeze windows set.');
    if (plan.mode === 'rollback') {
        return result('freeze', 'skipped', 'Freeze windows do not hold back a rollback.');
    }
    const active = activeFreeze(policy.freeze, now);
    if (!active)
        return result('freeze', 'pass', `${plan.to} is outside its freeze windows.`);
    const where = `${plan.to} is frozen: ${active.localNow} is inside "${active.window.text}"`;
    if (policy.overrideFreeze) {
        return result('freeze', 'overridden', `${where}; overridden: "${policy.overrideFreeze}".`);
    }
    return result('freeze', 'fail', `${where}. Wait for the window to end, or set override-freeze to the reason (it is recorded in the commit).`);
}
/** Approvals of this run that approved `environment` (GitHub compares names case-insensitively). */
function approvalsFor(approvals, environment) {
    const env = environment.toLowerCase();
    return approvals.filter((a) => a.state === 'approved' && a.environments.some((e) => e.toLowerCase() === env));
}
function approvalGate({ policy, approvals }) {
    if (!policy.requireApproval)
        return result('approval', 'skipped', 'require-approval is false.');
    const env = policy.githubEnvironment;
    if (approvals === undefined) {
        return result('approval', 'pending', `Apply needs a reviewer of the ${env} environment to approve the run.`);
    }
    const approved = approvalsFor(approvals, env);
    if (approved.length === 0) {
        return result('approval', 'fail', `No one approved the ${env} environment for this run. Run the apply job in environment ${env} with required reviewers.`);
    }
    return result('approval', 'pass', `Approved by ${approved.map((a) => a.login).join(', ')}.`, approved.filter((a) => a.comment.trim()).map((a) => `${a.login}: ${a.comment.trim()}`));
}

// EXTERNAL MODULE: ./src/core/sha256.ts
var sha256 = __webpack_require__(7424);
;// CONCATENATED MODULE: ./src/core/plan-digest.ts


/** JSON with object keys sorted at every level and no whitespace: one text per value. */
function canonicalJson(value) {
    if (value === null || typeof value !== 'object') {
        if (value === undefined)
            return 'null';
        return JSON.stringify(value);
    }
    if (Array.isArray(value))
        return `[${value.map(canonicalJson).join(',')}]`;
    const entries = Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
/** What every form of a plan starts with: which promotion, at which GitOps commit. */
function planHeader(plan) {
    return {
        version: 1,
        mode: plan.mode,
        from: plan.from ?? null,
        to: plan.to,
        key: plan.key,
        ...(plan.alsoSet?.length ? { 'also-set': plan.alsoSet } : {}),
        head: plan.head,
    };
}
/**
 * Exactly what the plan showed reviewers and apply would write: environments,
 * key, GitOps head and, per service, the file and the value before and after.
 * Evidence (soak, checks, approvals) is left out on purpose: it is
 * re-evaluated at apply time, not frozen at plan time.
 */
function sealedContent(plan) {
    return {
        ...planHeader(plan),
        changes: [...plan.changes]
            .sort((a, b) => (a.service < b.service ? -1 : a.service > b.service ? 1 : 0))
            .map((c) => ({
            service: c.service,
            file: c.file,
            'from-value': c.current ?? null,
            'to-value': c.target,
        })),
    };
}
/** `sha256:<hex>` over the canonical JSON of the sealed content. */
function planDigest(plan) {
    return `sha256:${(0,sha256/* sha256Hex */.f)(canonicalJson(sealedContent(plan)))}`;
}
/** Accepts the digest with or without its `sha256:` prefix; anything else is a typo. */
function normalizeDigest(value, source = 'plan-digest') {
    const match = /^(?:sha256:)?([0-9a-f]{64})$/i.exec(value.trim());
    if (!match) {
        throw new errors/* UserError */.y(`${source} must be the sha256 digest the plan printed (sha256:<64 hex digits>), got "${value}"`);
    }
    return `sha256:${match[1].toLowerCase()}`;
}

;// CONCATENATED MODULE: ./src/core/promotion-plan.ts
// The promotion plan: what apply will write, and the evidence the gates judge
// it by. Built from plain values the adapter reads (values files, GitOps
// history, GitHub API), so every rule here is testable without IO.
/**
 * The candidates of a promotion: the services whose `to` value differs from
 * `from`'s. With an explicit `value`, that value is the target for every
 * service (the stage gate then checks it is what `from` runs).
 */
function promotionChanges(values, value) {
    const changes = [];
    const unchanged = [];
    for (const v of values) {
        const target = value ?? v.fromValue;
        if (target === undefined || target === v.toValue) {
            unchanged.push(v.service);
            continue;
        }
        changes.push({
            service: v.service,
            file: v.toFile,
            current: v.toValue,
            target,
            fromFile: v.fromFile,
            fromValue: v.fromValue,
        });
    }
    return { changes, unchanged };
}
/** Whether `to` is a production environment: approval is required there by default. */
function isProduction(environment) {
    return /^(prod|production)$/i.test(environment) || /(^|[-_])(prod|production)$/i.test(environment);
}
/**
 * Link to the source changes a change brings: a compare view of the two
 * source commits (for a rollback, of the commits it takes away), or the commit.
 */
function compareUrl(serverUrl, change, mode) {
    const next = change.source;
    if (!next)
        return undefined;
    const base = serverUrl.replace(/\/+$/, '');
    const prev = change.previousSource;
    if (prev && prev.repository === next.repository && prev.commit !== next.commit) {
        const [older, newer] = mode === 'rollback' ? [next.commit, prev.commit] : [prev.commit, next.commit];
        return `${base}/${next.repository}/compare/${older}...${newer}`;
    }
    return `${base}/${next.repository}/commit/${next.commit}`;
}
const LIVE = new Set(['success', 'inactive']);
/**
 * What `from`'s deployments say about a candidate: the state of the newest
 * deployment of this service (success only when it deployed the candidate),
 * and since when the candidate has run there (the oldest of the unbroken run
 * of successful deployments of it). A deployment names its service and value
 * in its payload (as promote's own do); one without them counts when its
 * commit is the candidate's source commit.
 */
function deploymentEvidence(deployments, service, value, sourceCommit) {
    const mine = deployments.filter((d) => typeof d.payload.service === 'string'
        ? d.payload.service === service
        : sourceCommit !== undefined && d.sha === sourceCommit);
    const deployedValue = (d) => typeof d.payload.value === 'string' ? d.payload.value : value;
    const newest = mine[0];
    if (!newest)
        return { state: undefined, since: undefined, ref: undefined };
    if (deployedValue(newest) !== value) {
        return { state: `of ${deployedValue(newest)}`, since: undefined, ref: undefined };
    }
    // `inactive`: superseded by a later deployment of another service in the same environment.
    if (!LIVE.has(newest.state ?? '')) {
        return { state: newest.state ?? 'without a status', since: undefined, ref: undefined };
    }
    let since = newest;
    for (const d of mine.slice(1)) {
        if (deployedValue(d) !== value || !LIVE.has(d.state ?? ''))
            break;
        since = d;
    }
    return { state: 'success', since: since.createdAt, ref: `deployment ${since.id}` };
}

;// CONCATENATED MODULE: ./src/core/promotion-report.ts


/** The `plan` output: the plan, its seal and its gates, for scripts and later jobs. */
function planJson(plan, digest, gates, serverUrl) {
    return {
        ...planHeader(plan),
        alsoSet: plan.alsoSet ?? [],
        digest,
        changes: plan.changes.map((c) => ({
            service: c.service,
            file: c.file,
            current: c.current ?? null,
            target: c.target,
            liveSince: c.liveSince ?? null,
            liveSinceRef: c.liveSinceRef ?? null,
            source: c.source ?? null,
            previousSource: c.previousSource ?? null,
            compareUrl: compareUrl(serverUrl, c, plan.mode) ?? null,
            ...(c.checks ? { checks: c.checks } : {}),
        })),
        unchanged: plan.unchanged,
        gates,
    };
}
function step(c) {
    return c ? `${c.current ?? '(missing)'} -> ${c.target}` : 'no change';
}
/** What differs between the approved plan and the one at a newer commit, in words. */
function planDrift(approved, now) {
    const before = new Map(approved.changes.map((c) => [c.service, c]));
    const after = new Map(now.changes.map((c) => [c.service, c]));
    const services = [...new Set([...before.keys(), ...after.keys()])].sort();
    const lines = [];
    for (const s of services) {
        const a = before.get(s);
        const b = after.get(s);
        if (a && b && a.current === b.current && a.target === b.target && a.file === b.file)
            continue;
        lines.push(`${s}: approved ${step(a)}, now ${step(b)}`);
    }
    if (lines.length === 0 && approved.head !== now.head) {
        lines.push(`the values files changed in ${now.head.slice(0, 12)}`);
    }
    return lines.join('; ');
}
/** A deployment's one-line description (GitHub keeps 140 characters). */
function deploymentDescription(plan, c) {
    return plan.mode === 'rollback'
        ? `Roll back ${c.service} to ${c.target}`
        : `Promote ${c.service} ${c.target} from ${plan.from}`;
}
/**
 * A deployment's payload: the image value and the one it replaces, and the
 * source commits between them, so lead time can be computed from the record.
 */
function deploymentPayload(plan, c, ctx) {
    return {
        service: c.service,
        key: plan.key,
        file: c.file,
        value: c.target,
        previous: c.current ?? null,
        environment: plan.to,
        promotedFrom: plan.from ?? null,
        mode: plan.mode,
        rollback: plan.mode === 'rollback',
        sourceRepository: c.source?.repository ?? null,
        sourceCommit: c.source?.commit ?? null,
        previousSourceCommit: c.previousSource?.commit ?? null,
        compareUrl: compareUrl(ctx.serverUrl, c, plan.mode) ?? null,
        gitopsRepository: ctx.gitopsRepository ?? null,
        gitopsCommit: ctx.gitopsCommit,
        planDigest: ctx.digest,
        approvedBy: ctx.approvers,
        runUrl: ctx.runUrl ?? null,
    };
}

;// CONCATENATED MODULE: ./src/core/promotion-summary.ts


const ICON = {
    pass: '✅ pass',
    fail: '❌ fail',
    pending: '⏳ pending',
    skipped: '➖ skipped',
    overridden: '⚠️ overridden',
};
/** A value in a table cell: code span, with pipes and backticks unable to break the table. */
function cell(value) {
    if (value === undefined)
        return '_(missing)_';
    const safe = value.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
    // A value holding a backtick needs a longer fence (and spaces) around it.
    return safe.includes('`') ? `\`\` ${safe} \`\`` : `\`${safe}\``;
}
function promotion_summary_text(value) {
    return value.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
function title(plan) {
    return plan.mode === 'rollback' ? `Rollback of ${plan.to}` : `Promotion ${plan.from} → ${plan.to}`;
}
function outcomeLine(view) {
    const { outcome, plan } = view;
    switch (outcome.kind) {
        case 'planned':
            if (plan.changes.length === 0) {
                return `Nothing to ${plan.mode === 'rollback' ? 'roll back' : 'promote'}: ${plan.to} already runs these values. Nothing was written.`;
            }
            if (outcome.blocked?.length) {
                return `❌ Plan only, and it fails its gates (${outcome.blocked.join(', ')}): apply would refuse it. Nothing was written.`;
            }
            return 'Plan only: nothing was written. Approve the apply job only if this is what you expect to ship.';
        case 'applied':
            return outcome.commit
                ? `✅ Applied in one commit \`${outcome.commit}\`, with ${outcome.deployments} deployment record(s) for ${plan.to}.`
                : `✅ Nothing to change: ${plan.to} already had these values.`;
        case 'refused':
            return `❌ Refused: ${promotion_summary_text(outcome.reason)} Nothing was written.`;
    }
}
function renderPromotionSummary(view) {
    const { plan, now } = view;
    const out = [`## ${title(plan)}`, '', outcomeLine(view), ''];
    const rollback = plan.mode === 'rollback';
    if (plan.changes.length > 0) {
        const header = rollback
            ? ['service', `now in ${plan.to}`, 'back to', `${plan.to} ran it`, 'source changes']
            : [
                'service',
                `now in ${plan.to}`,
                'candidate',
                `live in ${plan.from}`,
                ...(view.requiredChecks.length > 0 ? ['checks'] : []),
                'source changes',
            ];
        out.push(`| ${header.join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`);
        for (const c of plan.changes) {
            const soak = soakVerdict(c, view.minSoakMs, now);
            const live = c.liveSince
                ? `${soak.ok || view.minSoakMs === 0 ? '' : '❌ '}${soak.text}`
                : '_unknown_';
            const link = compareUrl(view.serverUrl, c, plan.mode);
            const changes = link ? `[${shortLink(link)}](${link})` : '_no source recorded_';
            const row = rollback
                ? [c.service, cell(c.current), cell(c.target), live, changes]
                : [
                    c.service,
                    cell(c.current),
                    cell(c.target),
                    live,
                    ...(view.requiredChecks.length > 0
                        ? [promotion_summary_text(checksVerdict(c, view.requiredChecks).text)]
                        : []),
                    changes,
                ];
            out.push(`| ${row.join(' | ')} |`);
        }
        out.push('');
    }
    if (plan.unchanged.length > 0) {
        out.push(`Already in ${plan.to}, not changed: ${plan.unchanged.join(', ')}.`, '');
    }
    // No gates: refused before they were judged (the plan is not the approved one).
    if (view.gates.length > 0) {
        out.push('### Gates', '', '| gate | result | why |', '| --- | --- | --- |');
        for (const g of view.gates)
            out.push(`| ${g.gate} | ${ICON[g.status]} | ${promotion_summary_text(g.reason)} |`);
        const details = view.gates.filter((g) => g.details.length > 0);
        if (details.length > 0) {
            out.push('');
            for (const g of details) {
                for (const d of g.details)
                    out.push(`- **${g.gate}**: ${promotion_summary_text(d)}`);
            }
        }
        out.push('');
    }
    if (view.diff.trim() !== '') {
        out.push(view.outcome.kind === 'applied'
            ? '### The diff committed'
            : '### The exact diff apply will commit', '', '```diff', view.diff.replace(/\n$/, ''), '```', '');
    }
    out.push('### Seal', '', `- Plan digest: \`${view.digest}\``, `- GitOps commit read: \`${plan.head}\``, `- Evaluated at: ${now.toISOString()}`, '', `The apply job recomputes this plan and refuses, writing nothing, if its digest differs from this one: if ${rollback ? plan.to : `${plan.from} or ${plan.to}`} moves after this plan, an approval does not carry over to a change no one saw.`, '');
    return out.join('\n');
}
function shortLink(url) {
    const compare = /\/compare\/([0-9a-f]+)\.\.\.([0-9a-f]+)$/.exec(url);
    if (compare)
        return `${compare[1].slice(0, 7)}...${compare[2].slice(0, 7)}`;
    const commit = /\/commit\/([0-9a-f]+)$/.exec(url);
    if (commit)
        return commit[1].slice(0, 7);
    return url;
}
/** One line per gate for the log. */
function gateLogLines(gates) {
    const lines = [];
    for (const g of gates) {
        lines.push(`${g.gate}: ${g.status} - ${g.reason}`);
        for (const d of g.details)
            lines.push(`  ${d}`);
    }
    return lines;
}

// EXTERNAL MODULE: ./src/core/unified-diff.ts
var unified_diff = __webpack_require__(9905);
// EXTERNAL MODULE: ./src/io/github.ts
var github = __webpack_require__(6557);
;// CONCATENATED MODULE: ./src/io/github-approvals.ts
/**
 * The reviews of a workflow run's environment gates (one request):
 * `GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals`. Each names the
 * environments it covered, its state (approved or rejected) and the comment.
 */
async function listRunApprovals(client, run) {
    const { data } = await client.rest.actions.getReviewsForRun({
        owner: run.owner,
        repo: run.repo,
        run_id: run.runId,
    });
    return data.map((review) => ({
        login: review.user.login,
        userId: review.user.id,
        state: review.state,
        comment: review.comment ?? '',
        environments: (review.environments ?? []).map((e) => e.name ?? '').filter((n) => n !== ''),
    }));
}

// EXTERNAL MODULE: ./src/io/github-commit.ts
var github_commit = __webpack_require__(1123);
;// CONCATENATED MODULE: ./src/io/github-checks.ts
// Check runs and commit statuses of many source commits in one GraphQL
// request (the commit's status-check rollup), instead of two REST requests
// per commit: promoting 50 services built from 50 commits stays one request.
const CHUNK = 20;
const CONTEXTS = `
  pageInfo { hasNextPage endCursor }
  nodes {
    __typename
    ... on CheckRun { name status conclusion startedAt completedAt detailsUrl }
    ... on StatusContext { context state createdAt targetUrl }
  }`;
function sourceKey(source) {
    return `${source.repository.toLowerCase()}@${source.commit.toLowerCase()}`;
}
function checkState(node) {
    if (node.__typename === 'StatusContext') {
        switch (node.state) {
            case 'SUCCESS':
                return 'success';
            case 'PENDING':
            case 'EXPECTED':
                return 'pending';
            case 'ERROR':
                return 'error';
            default:
                return 'failure';
        }
    }
    if (node.status !== 'COMPLETED')
        return 'pending';
    const conclusion = (node.conclusion ?? 'failure').toLowerCase();
    if (conclusion === 'startup_failure')
        return 'failure';
    return conclusion;
}
function toResult(node) {
    if (node.__typename === 'StatusContext') {
        return {
            name: node.context ?? '',
            kind: 'status',
            state: checkState(node),
            at: node.createdAt ?? undefined,
            url: node.targetUrl ?? undefined,
        };
    }
    return {
        name: node.name ?? '',
        kind: 'check-run',
        state: checkState(node),
        at: node.completedAt ?? node.startedAt ?? undefined,
        url: node.detailsUrl ?? undefined,
    };
}
/**
 * A GraphQL answer, partial when some of it failed: a repository the token
 * cannot see comes back as null next to an error, and the rest still counts.
 */
async function graphqlPartial(client, query, variables, warn = () => { }) {
    try {
        return await client.graphql(query, variables);
    }
    catch (error) {
        const partial = error;
        const data = partial.data;
        if (!data || typeof data !== 'object' || Object.keys(data).length === 0)
            throw error;
        for (const e of partial.errors ?? [])
            warn(`GitHub API: ${e.message ?? 'error'}`);
        return data;
    }
}
function splitRepository(repository) {
    const [owner, name] = repository.split('/');
    return [owner ?? '', name ?? ''];
}
/**
 * Every check run and commit status on each source commit, keyed by
 * `sourceKey`. Commits GitHub does not know come back with no checks (a
 * required check is then reported as not run).
 */
async function listCommitChecks(client, sources, warn) {
    const unique = [...new Map(sources.map((s) => [sourceKey(s), s])).values()];
    const results = new Map();
    for (let start = 0; start < unique.length; start += CHUNK) {
        const chunk = unique.slice(start, start + CHUNK);
        const variables = {};
        const declarations = [];
        const fields = chunk.map((source, i) => {
            const [owner, name] = splitRepository(source.repository);
            variables[`owner${i}`] = owner;
            variables[`name${i}`] = name;
            variables[`oid${i}`] = source.commit;
            declarations.push(`$owner${i}: String!`, `$name${i}: String!`, `$oid${i}: GitObjectID!`);
            return `c${i}: repository(owner: $owner${i}, name: $name${i}) {
        object(oid: $oid${i}) { ... on Commit { statusCheckRollup { contexts(first: 100) { ${CONTEXTS} } } } }
      }`;
        });
        const query = `query PromoteChecks(${declarations.join(', ')}) {\n${fields.join('\n')}\n}`;
        const data = await graphqlPartial(client, query, variables, warn);
        for (const [i, source] of chunk.entries()) {
            const contexts = data[`c${i}`]?.object?.statusCheckRollup?.contexts;
            const nodes = contexts ? [...contexts.nodes] : [];
            if (contexts?.pageInfo.hasNextPage) {
                nodes.push(...(await remainingContexts(client, source, contexts.pageInfo.endCursor)));
            }
            results.set(sourceKey(source), nodes.filter((n) => n !== null).map(toResult));
        }
    }
    return results;
}
/** A commit with more than 100 checks: the rest, page by page (rare). */
async function remainingContexts(client, source, cursor) {
    const [owner, name] = splitRepository(source.repository);
    const nodes = [];
    let after = cursor;
    while (after) {
        const data = await client.graphql(`query PromoteChecksPage($owner: String!, $name: String!, $oid: GitObjectID!, $after: String!) {
        repository(owner: $owner, name: $name) {
          object(oid: $oid) { ... on Commit { statusCheckRollup { contexts(first: 100, after: $after) { ${CONTEXTS} } } } }
        }
      }`, { owner, name, oid: source.commit, after });
        const contexts = data.repository?.object?.statusCheckRollup?.contexts;
        if (!contexts)
            break;
        nodes.push(...contexts.nodes);
        after = contexts.pageInfo.hasNextPage ? contexts.pageInfo.endCursor : null;
    }
    return nodes;
}

;// CONCATENATED MODULE: ./src/io/github-deployments.ts

/**
 * One deployment with a success status (two requests). `auto_merge: false`
 * and `required_contexts: []`: the ref is an exact build, and the gates have
 * already judged its checks. `auto_inactive: false`: several services share
 * an environment, and one service's deployment must not mark another's
 * inactive.
 */
async function recordDeployment(client, d, status) {
    const created = await client.rest.repos.createDeployment({
        owner: d.owner,
        repo: d.repo,
        ref: d.ref,
        environment: d.environment,
        description: d.description.slice(0, 140),
        payload: d.payload,
        required_contexts: [],
        auto_merge: false,
        transient_environment: false,
        production_environment: d.productionEnvironment,
        task: 'deploy',
    });
    const id = created.data.id;
    if (created.status !== 201 || id === undefined) {
        const message = created.data.message ?? `HTTP ${created.status}`;
        throw new Error(`GitHub did not create the deployment of ${d.ref} to ${d.environment}: ${message}`);
    }
    await client.rest.repos.createDeploymentStatus({
        owner: d.owner,
        repo: d.repo,
        deployment_id: id,
        state: 'success',
        description: d.description.slice(0, 140),
        ...(status.logUrl ? { log_url: status.logUrl } : {}),
        ...(status.environmentUrl ? { environment_url: status.environmentUrl } : {}),
        auto_inactive: false,
    });
    return id;
}
function parsePayload(text) {
    if (!text)
        return {};
    try {
        const value = JSON.parse(text);
        // A payload may itself be a JSON string (double-encoded by some tools).
        const object = typeof value === 'string' ? JSON.parse(value) : value;
        return object && typeof object === 'object' ? object : {};
    }
    catch {
        return {};
    }
}
/**
 * The newest 100 deployments to `environment` of each repository, newest
 * first, keyed by `owner/name` (lower case): one GraphQL request for up to
 * 20 repositories.
 */
async function listEnvironmentDeployments(client, repositories, environment, warn) {
    const unique = [...new Set(repositories.map((r) => r.toLowerCase()))];
    const result = new Map();
    for (let start = 0; start < unique.length; start += 20) {
        const chunk = unique.slice(start, start + 20);
        const variables = { environment };
        const declarations = ['$environment: String!'];
        const fields = chunk.map((repository, i) => {
            const [owner, name] = repository.split('/');
            variables[`owner${i}`] = owner ?? '';
            variables[`name${i}`] = name ?? '';
            declarations.push(`$owner${i}: String!`, `$name${i}: String!`);
            return `r${i}: repository(owner: $owner${i}, name: $name${i}) {
        deployments(environments: [$environment], first: 100, orderBy: {field: CREATED_AT, direction: DESC}) {
          nodes { databaseId createdAt commitOid payload latestStatus { state } }
        }
      }`;
        });
        const data = await graphqlPartial(client, `query PromoteDeployments(${declarations.join(', ')}) {\n${fields.join('\n')}\n}`, variables, warn);
        for (const [i, repository] of chunk.entries()) {
            const nodes = data[`r${i}`]?.deployments.nodes ?? [];
            result.set(repository, nodes
                .filter((n) => n !== null)
                .map((n) => ({
                id: n.databaseId ?? 0,
                createdAt: n.createdAt,
                sha: n.commitOid,
                payload: parsePayload(n.payload),
                state: n.latestStatus?.state.toLowerCase(),
            })));
        }
    }
    return result;
}

// EXTERNAL MODULE: ./src/io/github-errors.ts
var github_errors = __webpack_require__(2742);
// EXTERNAL MODULE: ./src/io/gitops-commit.ts
var gitops_commit = __webpack_require__(5766);
;// CONCATENATED MODULE: ./src/core/promotion-message.ts

/** `Promote to prod: user-service 1.2.3, order-service 2.0.1`, or a count when there are many. */
function promotionSubject(plan) {
    const many = plan.changes.length > 3;
    if (plan.mode === 'rollback') {
        const what = many
            ? `${plan.changes.length} services`
            : plan.changes.map((c) => `${c.service} ${c.current ?? '(none)'} -> ${c.target}`).join(', ');
        return `Roll back ${plan.to}: ${what}`;
    }
    const what = many
        ? `${plan.changes.length} services from ${plan.from}`
        : plan.changes.map((c) => `${c.service} ${c.target}`).join(', ');
    return `Promote to ${plan.to}: ${what}`;
}
/** The template variables a `commit-message` input may use. */
function promotionVars(plan) {
    return {
        to: plan.to,
        from: plan.from ?? '',
        mode: plan.mode,
        key: plan.key,
        count: String(plan.changes.length),
        services: plan.changes.map((c) => c.service).join(', '),
        changes: plan.changes.map((c) => `${c.service} ${c.target}`).join(', '),
    };
}
/** The body under the subject: one line per service, before -> after. */
function promotionBody(plan) {
    const lines = plan.changes.map((c) => `- ${c.service}: ${c.current ?? '(none)'} -> ${c.target} (${c.file})`);
    const intro = plan.mode === 'rollback'
        ? `Rollback of ${plan.to}, to the values it ran before:`
        : `Promoted from ${plan.from} to ${plan.to}:`;
    return [intro, ...lines].join('\n');
}
function oneLine(value) {
    return value.replace(/\s+/g, ' ').trim();
}
/** `alice <123+alice@users.noreply.github.com>`: the identity GitHub itself uses for a login. */
function approverIdentity(approval, serverUrl) {
    const host = new URL(serverUrl).host;
    const local = approval.userId ? `${approval.userId}+${approval.login}` : approval.login;
    return `${approval.login} <${local}@users.noreply.${host}>`;
}
function sameSource(sources) {
    const first = sources[0];
    if (!first)
        return undefined;
    return sources.every((s) => s?.repository === first.repository && s.commit === first.commit)
        ? first
        : undefined;
}
function promotionTrailers(record) {
    const { plan } = record;
    const trailers = [['Promotion-Mode', plan.mode]];
    if (plan.from)
        trailers.push(['Promoted-From', plan.from]);
    trailers.push(['Plan-Digest', record.digest]);
    for (const c of plan.changes) {
        if (c.source)
            trailers.push(['Service-Source', `${c.service} ${c.source.repository}@${c.source.commit}`]);
    }
    // A single source keeps the plain trailers bump-helm-values writes.
    const single = sameSource(plan.changes.map((c) => c.source));
    if (single) {
        trailers.push(['Source-Repository', single.repository], ['Source-Commit', single.commit]);
    }
    for (const a of approvalsFor(record.approvals, record.environment)) {
        trailers.push(['Approved-by', approverIdentity(a, record.serverUrl)]);
        if (a.comment.trim())
            trailers.push(['Approval-Comment', `${a.login}: ${oneLine(a.comment)}`]);
    }
    if (record.overrideFreeze)
        trailers.push(['Freeze-Override', oneLine(record.overrideFreeze)]);
    if (record.runUrl)
        trailers.push(['Run-URL', record.runUrl]);
    return trailers;
}
/**
 * Where a value came from, read from the trailers of the commit that set it:
 * a promotion's per-service `Service-Source`, else the plain
 * `Source-Repository` + `Source-Commit` that bump-helm-values writes.
 */
function sourceFromTrailers(trailers, service) {
    for (const [key, value] of trailers) {
        if (key.toLowerCase() !== 'service-source')
            continue;
        const match = /^(\S+)\s+([^@\s]+)@([0-9a-fA-F]{7,64})$/.exec(value.trim());
        if (match && match[1] === service)
            return { repository: match[2], commit: match[3] };
    }
    const get = (name) => trailers.find(([k]) => k.toLowerCase() === name)?.[1]?.trim();
    const repository = get('source-repository');
    const commit = get('source-commit');
    if (repository && commit)
        return { repository, commit };
    return undefined;
}
/** Whether a commit's trailers mark it as a rollback. */
function isRollbackCommit(trailers) {
    return trailers.some(([k, v]) => k.toLowerCase() === 'promotion-mode' && v.trim().toLowerCase() === 'rollback');
}

// EXTERNAL MODULE: ./src/core/yaml-edit.ts
var yaml_edit = __webpack_require__(3621);
// EXTERNAL MODULE: ./src/io/git.ts
var git = __webpack_require__(7500);
// EXTERNAL MODULE: ./src/io/git-blobs.ts
var git_blobs = __webpack_require__(1081);
;// CONCATENATED MODULE: ./src/io/gitops-history.ts





const NULL_BLOB = /^0+$/;
function parseTrailers(text) {
    return text
        .split('\x1d')
        .map((line) => {
        const colon = line.indexOf(':');
        return colon > 0
            ? [line.slice(0, colon).trim(), line.slice(colon + 1).trim()]
            : undefined;
    })
        .filter((t) => t !== undefined);
}
function hasSource(trailers) {
    return trailers.some(([k]) => /^(source-commit|service-source)$/i.test(k));
}
/**
 * `git log -z --raw` output, read token by token (tokens end with NUL): a
 * commit's header (`\x1e` and its fields), then for each file its `:meta`
 * token (after a newline, for the first) and its path. A path is taken
 * whole, whatever bytes it holds.
 */
function parseLog(stdout, changes, order) {
    let commit;
    const tokens = stdout.split('\0');
    for (let i = 0; i < tokens.length; i++) {
        const token = tokens[i];
        if (token.startsWith('\x1e')) {
            const [id, parents, ct, ...trailers] = token.slice(1).split('\x1f');
            order.set(id, order.size);
            commit = {
                commit: id,
                parents: (parents ?? '').split(' ').filter((p) => p !== ''),
                time: new Date(Number(ct) * 1000).toISOString(),
                trailers: parseTrailers(trailers.join('\x1f')),
            };
            continue;
        }
        const meta = token.replace(/^\n/, '');
        const path = tokens[i + 1];
        if (!commit || !meta.startsWith(':') || path === undefined)
            continue;
        i++;
        const [, , before, after] = meta.split(' ');
        let list = changes.get(path);
        if (!list) {
            list = [];
            changes.set(path, list);
        }
        list.push({
            ...commit,
            before: !before || NULL_BLOB.test(before) ? undefined : before,
            after: !after || NULL_BLOB.test(after) ? undefined : after,
        });
    }
}
class GitOpsHistory {
    dir;
    env;
    changes;
    order;
    blobs;
    /** Whether close() ends `blobs` (not when the caller lent its reader). */
    ownsBlobs;
    values = new Map();
    constructor(dir, env, 
    /** Newest first, per file. */
    changes, 
    /** Each commit's place in the log, newest first. */
    order, blobs) {
        this.dir = dir;
        this.env = env;
        this.changes = changes;
        this.order = order;
        this.ownsBlobs = !blobs;
        this.blobs = blobs ?? new git_blobs/* BlobReader */.n(dir, env);
    }
    /**
     * Reads the first-parent history on `ref` of the files that `pathspecs`
     * (paths, or git pathspecs such as `:(glob)...`) name, in one git process.
     * `blobs`: a reader of the same repository already running, to read old
     * versions through instead of starting another `git cat-file`.
     */
    static async load(dir, ref, pathspecs, env = {}, blobs) {
        const changes = new Map();
        const order = new Map();
        if (pathspecs.length > 0) {
            // --first-parent: a change merged from a pull request counts from its
            // merge, which is when the environment got it. --root: the first
            // commit's files too, whatever log.showRoot says (presentFiles needs
            // every file's creation). Pathspec magic (`:(glob)`) is read even where
            // GIT_LITERAL_PATHSPECS is set.
            const magic = pathspecs.some((p) => p.startsWith(':('));
            const { stdout } = await (0,git/* git */.$Y)([
                'log',
                '-z',
                '--raw',
                '--root',
                '--no-abbrev',
                '--no-renames',
                '--first-parent',
                '--format=%x1e%H%x1f%P%x1f%ct%x1f%(trailers:unfold,separator=%x1d)',
                ref,
                '--',
                ...pathspecs,
            ], { cwd: dir, env: magic ? { ...env, GIT_LITERAL_PATHSPECS: '0' } : env });
            parseLog(stdout, changes, order);
        }
        return new GitOpsHistory(dir, env, changes, order, blobs);
    }
    /**
     * The files the pathspecs name that exist at `ref`: those whose newest
     * change left them in place. (Each first-parent commit is compared with
     * its first parent, so the newest change of a file is its state at `ref`.)
     */
    presentFiles() {
        return [...this.changes].filter(([, list]) => list[0]?.after !== undefined).map(([f]) => f);
    }
    /** The newest commit that touched any of `files`. */
    headOf(files) {
        let head;
        for (const file of files) {
            const newest = this.changes.get(file)?.[0]?.commit;
            if (newest && (!head || this.order.get(newest) < this.order.get(head)))
                head = newest;
        }
        return head;
    }
    /** The value at `key` in a blob; undefined when missing or when that old version does not parse. */
    valueIn(blob, key, file) {
        if (!blob)
            return Promise.resolve(undefined);
        const id = `${blob}\0${key}`;
        let value = this.values.get(id);
        if (!value) {
            value = this.blobs.read(blob).then((bytes) => {
                if (!bytes)
                    return undefined;
                try {
                    return (0,yaml_edit/* readScalar */.$t)(bytes.toString('utf8'), key, file);
                }
                catch (error) {
                    // An old version that no longer parses says nothing about the value.
                    if ((0,errors/* isUserError */.i)(error))
                        return undefined;
                    throw error;
                }
            });
            this.values.set(id, value);
        }
        return value;
    }
    /**
     * The newest commit that set `key` in `file` to `value` (the value differs
     * before it): since then the environment has run it. With `skipRollbacks`,
     * rollback commits do not count: the result is the promotion that brought
     * the value, and `previous` what a rollback goes back to.
     */
    async valueOrigin(file, key, value, options = {}) {
        for (const change of this.changes.get(file) ?? []) {
            if (options.skipRollbacks && isRollbackCommit(change.trailers))
                continue;
            // Both versions asked at once: one round trip to cat-file, not two.
            const [after, previous] = await Promise.all([
                this.valueIn(change.after, key, file),
                this.valueIn(change.before, key, file),
            ]);
            if (after !== value || previous === value)
                continue;
            const trailers = change.parents.length > 1 && !hasSource(change.trailers)
                ? await this.mergedTrailers(change, file)
                : change.trailers;
            return { commit: change.commit, time: change.time, trailers, previous };
        }
        return undefined;
    }
    /**
     * A change merged from a pull request (bump-helm-values mode pull-request)
     * counts from the merge, but its trailers are on the branch's commits: the
     * newest of them that touched the file and names a source.
     */
    async mergedTrailers(change, file) {
        const { stdout } = await (0,git/* git */.$Y)([
            'log',
            '-z',
            '--format=%(trailers:unfold,separator=%x1d)',
            `${change.parents[0]}..${change.commit}`,
            '--',
            file,
        ], { cwd: this.dir, env: this.env });
        for (const record of stdout.split('\0')) {
            const trailers = parseTrailers(record.trim());
            if (hasSource(trailers))
                return [...change.trailers, ...trailers];
        }
        return change.trailers;
    }
    close() {
        if (this.ownsBlobs)
            this.blobs.close();
    }
}
/**
 * History is what soak and rollback are measured from: a shallow checkout
 * (actions/checkout's default fetch-depth: 1) is deepened first.
 */
async function ensureFullHistory(dir, remote, env = {}, 
/** Already known (from describeCheckout): saves a git process. */
known) {
    const shallow = known ?? (await (0,git/* gitOut */.BQ)(['rev-parse', '--is-shallow-repository'], { cwd: dir, env })) === 'true';
    if (!shallow)
        return false;
    await (0,git/* git */.$Y)(['fetch', '--unshallow', '--no-tags', '--quiet', remote], { cwd: dir, env });
    return true;
}

// EXTERNAL MODULE: ./src/core/commit-message.ts
var commit_message = __webpack_require__(3856);
;// CONCATENATED MODULE: ./src/core/promotion-edits.ts

/**
 * The file contents apply writes: each change's value set (at the plan's key
 * and every `alsoSet` key) with the shared byte-minimal edit (only the
 * values' bytes change). `contents` holds the
 * current text of every changed file; changes to one file apply in order.
 */
function promotionEdits(plan, contents) {
    const edits = new Map();
    for (const c of plan.changes) {
        const before = edits.get(c.file)?.after ?? contents.get(c.file);
        if (before === undefined)
            throw new Error(`promotionEdits: no contents for ${c.file}`);
        let text = before;
        for (const key of [plan.key, ...(plan.alsoSet ?? [])]) {
            text = (0,yaml_edit/* setScalar */.$e)(text, key, c.target, { file: c.file }).text;
        }
        const edit = edits.get(c.file);
        if (edit)
            edit.after = text;
        else
            edits.set(c.file, { path: c.file, before, after: text });
    }
    return [...edits.values()].filter((e) => e.after !== e.before);
}

// EXTERNAL MODULE: ./src/core/file-template.ts
var file_template = __webpack_require__(2196);
// EXTERNAL MODULE: ./src/core/map-limit.ts
var map_limit = __webpack_require__(3075);
;// CONCATENATED MODULE: ./src/core/service-discovery.ts

// The default service list: every service that has a values file in each of
// the given environments, found by matching the repository's paths against
// the file template (rendered by the shared renderer, so the two agree).
const PLACEHOLDER = 'x0service0x';
const NAME = '([A-Za-z0-9_][A-Za-z0-9_.-]*)';
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
function templatePattern(template, env) {
    const parts = (0,file_template/* renderFileTemplate */.N)(template, { service: PLACEHOLDER, env }).split(PLACEHOLDER);
    // The first {service} captures the name; any later one must repeat it.
    const body = parts
        .map((part, i) => (i === 0 ? '' : i === 1 ? NAME : '\\1') + escapeRegExp(part))
        .join('');
    return new RegExp(`^${body}$`);
}
/**
 * A git pathspec (glob magic) for every file the template can name in `env`:
 * each {service} becomes `*`, one path component, as a service name is. It
 * matches all that discoverServices accepts, and perhaps more, so a history
 * read with it before the tree is listed covers every service found then.
 */
function templatePathspec(template, env) {
    const parts = (0,file_template/* renderFileTemplate */.N)(template, { service: PLACEHOLDER, env }).split(PLACEHOLDER);
    return `:(glob)${parts.map((part) => part.replace(/[*?[\]\\]/g, '\\$&')).join('*')}`;
}
/** Services with a file for every environment, sorted. */
function discoverServices(template, envs, paths) {
    let found;
    for (const env of envs) {
        const pattern = templatePattern(template, env);
        const services = new Set();
        for (const path of paths) {
            const match = pattern.exec(path);
            if (match?.[1] && !match[1].includes('..'))
                services.add(match[1]);
        }
        found = found ? new Set([...found].filter((s) => services.has(s))) : services;
    }
    return [...(found ?? [])].sort();
}

;// CONCATENATED MODULE: ./src/io/promotion-reader.ts









/**
 * Files of one commit, through one `git cat-file --batch` (`blobs`, which the
 * plan's history reads through too). Each file is read once: the plan reads
 * the values, then the edits read the same files.
 */
function readerAt(dir, ref, env = {}) {
    const blobs = new git_blobs/* BlobReader */.n(dir, env);
    const files = new Map();
    const read = (path) => {
        let text = files.get(path);
        if (!text) {
            text = blobs.read(`${ref}:${path}`).then((bytes) => bytes?.toString('utf8'));
            files.set(path, text);
        }
        return text;
    };
    return { read, blobs, close: () => blobs.close() };
}
function readValue(text, file, key, service, tip) {
    if (text === undefined) {
        throw new errors/* UserError */.y(`${service}: ${file} does not exist (at ${tip.slice(0, 12)})`, { file });
    }
    const value = (0,yaml_edit/* readScalar */.$t)(text, key, file);
    if (value === undefined)
        throw new errors/* UserError */.y(`${file}: key "${key}" does not exist`, { file });
    return value;
}
/** The services with a values file for each of `envs` among `paths` (the files at the tip). */
function servicesIn(req, envs, paths) {
    const services = discoverServices(req.fileTemplate, envs, paths);
    if (services.length === 0) {
        throw new errors/* UserError */.y(`No service has a values file for ${envs.join(' and ')} (file-template ${req.fileTemplate})`);
    }
    return services;
}
/**
 * The plan at `tip`, its files read through `read`. `blobs`: a running reader
 * of the repository for the history's old versions (else it starts its own).
 */
async function readPlan(req, tip, read, blobs) {
    return req.mode === 'rollback'
        ? readRollback(req, tip, read, blobs)
        : readPromotion(req, tip, read, blobs);
}
/** Starts every read at once (one round trip, not one per file); failures surface when awaited. */
function readAll(read, files) {
    const texts = new Map();
    for (const file of files) {
        const text = read(file);
        text.catch(() => { });
        texts.set(file, text);
    }
    return texts;
}
/** The paths, or undefined when one does not render (its UserError is for later). */
function renderable(paths) {
    try {
        return paths();
    }
    catch (error) {
        if ((0,errors/* isUserError */.i)(error))
            return undefined;
        throw error;
    }
}
async function readPromotion(req, tip, read, blobs) {
    const from = req.from;
    const envs = [from, req.to];
    let services = req.services;
    let discovered;
    if (services.length === 0) {
        // The services are found in the history itself: one `git log` over
        // every file the template can name in `from` and `to`. The files at the
        // tip are those whose newest change left them in place.
        discovered = await GitOpsHistory.load(req.dir, tip, envs.map((env) => templatePathspec(req.fileTemplate, env)), req.env, blobs);
        services = servicesIn(req, envs, discovered.presentFiles());
    }
    const fileOf = (service, env) => (0,file_template/* renderFileTemplate */.N)(req.fileTemplate, { service, env });
    // Named services: their history's `git log` runs while the values are
    // read and parsed. (A path that does not render fails in the loop, in its
    // turn.) All files are asked for at once.
    const early = renderable(() => services.flatMap((s) => [fileOf(s, from), fileOf(s, req.to)]));
    const loading = discovered || !early ? undefined : GitOpsHistory.load(req.dir, tip, early, req.env, blobs);
    loading?.catch(() => { });
    const texts = readAll(read, early ?? []);
    const textOf = (file) => texts.get(file) ?? read(file);
    const values = [];
    for (const service of services) {
        const fromFile = fileOf(service, from);
        const toFile = fileOf(service, req.to);
        values.push({
            service,
            fromFile,
            toFile,
            fromValue: readValue(await textOf(fromFile), fromFile, req.key, service, tip),
            toValue: readValue(await textOf(toFile), toFile, req.key, service, tip),
        });
    }
    const { changes, unchanged } = promotionChanges(values, req.toValue);
    const files = values.flatMap((v) => [v.fromFile, v.toFile]);
    const history = discovered ?? (await (loading ?? GitOpsHistory.load(req.dir, tip, files, req.env, blobs)));
    try {
        // Services' histories side by side: their reads share cat-file's round
        // trips (bounded: a merged change costs a `git log` of its own).
        await (0,map_limit/* mapLimit */.s)(changes, 8, async (c) => {
            const origin = await history.valueOrigin(c.fromFile, req.key, c.target);
            if (origin) {
                c.liveSince = origin.time;
                c.liveSinceRef = origin.commit;
                c.source = sourceFromTrailers(origin.trailers, c.service);
            }
            await previousSource(history, c, req.key);
        });
    }
    finally {
        history.close();
    }
    return plan(req, history.headOf(files) ?? tip, changes, unchanged);
}
async function previousSource(history, c, key) {
    if (c.current === undefined)
        return;
    const origin = await history.valueOrigin(c.file, key, c.current);
    if (origin)
        c.previousSource = sourceFromTrailers(origin.trailers, c.service);
}
async function readRollback(req, tip, read, blobs) {
    const changes = [];
    const unchanged = [];
    const files = req.services.map((service) => ({
        service,
        file: (0,file_template/* renderFileTemplate */.N)(req.fileTemplate, { service, env: req.to }),
    }));
    const paths = files.map((f) => f.file);
    const texts = readAll(read, paths);
    const history = await GitOpsHistory.load(req.dir, tip, paths, req.env, blobs);
    try {
        for (const { service, file } of files) {
            const current = readValue(await texts.get(file), file, req.key, service, tip);
            // The promotion that brought the current value (rollbacks skipped, so
            // rolling back twice goes further back instead of undoing the rollback).
            const brought = await history.valueOrigin(file, req.key, current, { skipRollbacks: true });
            let target = req.toValue;
            if (target === undefined) {
                if (!brought || brought.previous === undefined) {
                    throw new errors/* UserError */.y(`${service}: the GitOps history of ${file} has no value before ${current}, so there is nothing to roll back to (give to-value)`, { file });
                }
                target = brought.previous;
            }
            if (target === current) {
                unchanged.push(service);
                continue;
            }
            const change = { service, file, current, target };
            const ran = await history.valueOrigin(file, req.key, target);
            change.targetRanInTo = ran !== undefined;
            if (ran) {
                change.liveSince = ran.time;
                change.liveSinceRef = ran.commit;
                change.source = sourceFromTrailers(ran.trailers, service);
            }
            await previousSource(history, change, req.key);
            changes.push(change);
        }
    }
    finally {
        history.close();
    }
    return plan(req, history.headOf(paths) ?? tip, changes, unchanged);
}
function plan(req, head, changes, unchanged) {
    return {
        mode: req.mode,
        ...(req.mode === 'rollback' ? {} : { from: req.from }),
        to: req.to,
        key: req.key,
        ...(req.alsoSet?.length ? { alsoSet: req.alsoSet } : {}),
        head,
        changes,
        unchanged,
    };
}

;// CONCATENATED MODULE: ./src/io/promotion-commit.ts







/** The new contents of every file a plan changes, from the files as `read` sees them. */
async function editsOf(plan, read) {
    const contents = new Map();
    for (const c of plan.changes) {
        const text = await read(c.file);
        if (text !== undefined)
            contents.set(c.file, text);
    }
    return promotionEdits(plan, contents);
}
/**
 * The promotion's `prepare` for the shared commitAndPush. It runs at the
 * branch tip before each push attempt; when the tip is not the commit the
 * plan was read at (another pipeline pushed), it plans again there and
 * refuses, with nothing pushed, unless that plan is still the sealed one. A
 * retry therefore applies the approved change on the new tip or stops; it
 * never writes something no one approved.
 */
function sealedPrepare(o) {
    return async (read, attempt, tip) => {
        if (!tip)
            throw new Error('commitAndPush did not pass the tip to prepare');
        let plan = o.sealed.plan;
        if (tip !== o.sealed.tip) {
            plan = await readPlan(o.request, tip, read);
            if (planDigest(plan) !== o.sealed.digest) {
                throw new errors/* UserError */.y(`Refused at attempt ${attempt}: the GitOps branch moved to ${tip.slice(0, 12)} and the plan there differs from the approved one (${planDrift(o.sealed.plan, plan)}). Nothing was written; plan again.`);
            }
            o.log?.(`The branch moved to ${tip.slice(0, 12)}; the plan there is still the sealed one.`);
        }
        const edits = await editsOf(plan, read);
        if (edits.length === 0)
            return undefined;
        const subject = o.message.template
            ? (0,commit_message/* renderCommitMessage */.j)(o.message.template, promotionVars(plan))
            : promotionSubject(plan);
        const message = (0,commit_message/* withTrailers */.C)(`${subject}\n\n${promotionBody(plan)}\n`, promotionTrailers({
            plan,
            digest: o.sealed.digest,
            approvals: o.message.approvals,
            environment: o.message.environment,
            overrideFreeze: o.message.overrideFreeze,
            runUrl: o.message.runUrl,
            serverUrl: o.message.serverUrl,
        }));
        return { files: edits.map((e) => ({ path: e.path, content: e.after })), message };
    };
}

;// CONCATENATED MODULE: ./src/io/promotion-evidence.ts



// The GitHub side of a plan's evidence, fetched in batches: one GraphQL
// request for the checks of up to 20 distinct source commits, one for the
// deployments of up to 20 source repositories.
/** Attaches the check runs and statuses of each change's source commit. */
async function attachChecks(client, plan, warn) {
    const sources = plan.changes.flatMap((c) => (c.source ? [c.source] : []));
    if (sources.length === 0)
        return;
    const checks = await listCommitChecks(client, sources, warn);
    for (const c of plan.changes) {
        if (c.source)
            c.checks = checks.get(sourceKey(c.source)) ?? [];
    }
}
/**
 * soak-source deployments: "live in from since" and "from ran it" come from
 * GitHub Deployments to `from`, listed in each change's source repository
 * (where promote records them), or in `fallbackRepository` without one.
 */
async function attachDeploymentSoak(client, plan, fallbackRepository, warn) {
    if (!plan.from || plan.changes.length === 0)
        return;
    const repoOf = (c) => (c.source?.repository ?? fallbackRepository).toLowerCase();
    const deployments = await listEnvironmentDeployments(client, plan.changes.map(repoOf), plan.from, warn);
    for (const c of plan.changes) {
        const evidence = deploymentEvidence(deployments.get(repoOf(c)) ?? [], c.service, c.target, c.source?.commit);
        c.fromDeploymentState = evidence.state;
        c.liveSince = evidence.since;
        c.liveSinceRef = evidence.ref;
    }
}

// EXTERNAL MODULE: ./src/io/runner.ts
var runner = __webpack_require__(1068);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/io/gitops-checkout.ts
var gitops_checkout = __webpack_require__(8719);
;// CONCATENATED MODULE: ./src/actions/promote/checkout.ts






/** The GitOps checkout: the workspace's (actions/checkout ran) or a clone of `repository`. */
async function openGitOpsCheckout(inputs) {
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
    if (!inputs.repository) {
        const where = (0,external_node_path_.resolve)(workspace, inputs.path);
        const opened = await (0,gitops_checkout/* describeCheckout */.i2)(where);
        const dir = opened?.root ?? (await (0,gitops_checkout/* checkoutRoot */.Re)(where));
        const branch = inputs.branch ??
            (opened ? opened.branch : await (0,gitops_checkout/* checkedOutBranch */.iD)(dir)) ??
            (await remoteHead(dir));
        return { dir, env: {}, remote: 'origin', branch, cleanup: async () => { }, opened };
    }
    const clone = await runner/* group */.Os(`Clone ${inputs.repository}`, () => (0,gitops_checkout/* cloneGitOpsRepo */.wY)({
        repository: inputs.repository,
        token: inputs.token,
        branch: inputs.branch,
        serverUrl: process.env.GITHUB_SERVER_URL ?? 'https://github.com',
        parent: process.env.RUNNER_TEMP ?? workspace,
    }));
    const opened = await (0,gitops_checkout/* describeCheckout */.i2)(clone.dir, clone.env);
    const branch = inputs.branch ?? (opened ? opened.branch : await (0,gitops_checkout/* checkedOutBranch */.iD)(clone.dir, clone.env));
    if (!branch)
        throw new errors/* UserError */.y(`Could not tell the branch of ${inputs.repository}: set branch`);
    return {
        dir: clone.dir,
        env: clone.env,
        remote: 'origin',
        branch,
        cleanup: async () => (0,external_node_fs_.rmSync)(clone.dir, { recursive: true, force: true }),
        opened,
    };
}
/** A detached checkout (a pull request, a tag): the remote's default branch. */
async function remoteHead(dir) {
    const head = await (0,git/* git */.$Y)(['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'], {
        cwd: dir,
        allowFailure: true,
    });
    if (head.code === 0)
        return head.stdout.trim().replace(/^origin\//, '');
    throw new errors/* UserError */.y(`The checkout in ${dir} is not on a branch: set branch to the GitOps branch to promote on`);
}
/**
 * The commit to plan at. Before a push: the remote branch as fetched now
 * (what the push must build on). A plan reads the checkout as it is (the plan
 * job's checkout may hold no push credentials): the local branch, else the
 * remote-tracking one.
 */
async function tipOf(checkout, fetch) {
    const { dir, env, remote, branch, opened } = checkout;
    if (fetch)
        return fetchTip(checkout);
    // Planned right after opening: the branch's commit is the HEAD git reported then.
    if (opened?.branch === branch)
        return opened.head;
    for (const ref of [`refs/heads/${branch}`, `refs/remotes/${remote}/${branch}`]) {
        const found = await (0,git/* git */.$Y)(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], {
            cwd: dir,
            env,
            allowFailure: true,
        });
        if (found.code === 0)
            return found.stdout.trim();
    }
    throw new errors/* UserError */.y(`Branch "${branch}" does not exist in ${dir}`);
}
/** Fetches the branch into its remote-tracking ref; its commit. */
async function fetchTip(checkout) {
    const { dir, env, remote, branch } = checkout;
    const tracking = `refs/remotes/${remote}/${branch}`;
    const fetched = await (0,git/* git */.$Y)(['fetch', '--no-tags', '--quiet', remote, `+refs/heads/${branch}:${tracking}`], { cwd: dir, env, allowFailure: true });
    if (fetched.code !== 0) {
        throw new errors/* UserError */.y(`Could not fetch ${branch} from ${remote}: ${fetched.stderr.trim().split('\n').pop() ?? ''}`);
    }
    return (0,git/* gitOut */.BQ)(['rev-parse', '--verify', `${tracking}^{commit}`], { cwd: dir, env });
}
/**
 * Makes `oid` (the branch head GitHub's API reported) readable in the
 * checkout, fetching the branch when it is not: the plan at that head reads
 * its history (soak, rollback targets) from git. A head the fetch does not
 * bring means the checkout is not the repository the API writes to.
 */
async function ensureCommit(checkout, oid, slug) {
    const where = { cwd: checkout.dir, env: checkout.env };
    if (await (0,git/* hasCommit */.QE)(oid, where))
        return;
    await fetchTip(checkout);
    if (await (0,git/* hasCommit */.QE)(oid, where))
        return;
    throw new errors/* UserError */.y(`${slug}@${checkout.branch} is at ${oid.slice(0, 12)} on GitHub, but fetching ${checkout.branch} from ${checkout.remote} did not bring that commit: the checkout must be of the repository commit-method api writes to (repository, or GITHUB_REPOSITORY). Nothing was written.`);
}

// EXTERNAL MODULE: ./src/core/key-path.ts
var key_path = __webpack_require__(5574);
// EXTERNAL MODULE: ./src/actions/bump-helm-values/inputs.ts
var bump_helm_values_inputs = __webpack_require__(6963);
// EXTERNAL MODULE: ./src/actions/common/inputs.ts
var common_inputs = __webpack_require__(9120);
;// CONCATENATED MODULE: ./src/actions/promote/inputs.ts









function environment(name) {
    const value = (0,common_inputs/* getOptional */.xX)(name)?.trim();
    if (value !== undefined && !/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(value)) {
        throw new errors/* UserError */.y(`Input ${name} must be an environment name (letters, digits, ".", "_", "-"), got "${value}"`);
    }
    return value;
}
/** Every input, typed and checked in one place; a rejection names the input. */
function getInputs() {
    const token = (0,common_inputs/* getOptional */.xX)('token');
    if (token)
        runner/* setSecret */.Pq(token);
    const mode = (0,common_inputs/* getEnum */.GV)('mode', ['plan', 'apply', 'rollback'], 'plan');
    const to = environment('to');
    if (!to)
        throw new errors/* UserError */.y('Input required and not supplied: to');
    const from = environment('from');
    if (mode !== 'rollback' && !from)
        throw new errors/* UserError */.y('Input required and not supplied: from');
    if (from && from.toLowerCase() === to.toLowerCase()) {
        throw new errors/* UserError */.y(`Inputs from and to are both "${to}": promote from one environment to another`);
    }
    const keys = (0,common_inputs/* getList */.vS)('key');
    if (keys.length === 0)
        keys.push('image.tag');
    for (const key of keys)
        (0,key_path/* parseKeyPath */._)(key);
    const services = (0,common_inputs/* getList */.vS)('services', { commas: true });
    if (mode === 'rollback' && services.length === 0) {
        throw new errors/* UserError */.y('mode rollback needs services: name the services to roll back');
    }
    const approval = (0,common_inputs/* getEnum */.GV)('require-approval', ['auto', 'true', 'false'], 'auto');
    const githubEnvironment = (0,common_inputs/* getOptional */.xX)('github-environment')?.trim() || to;
    const digest = (0,common_inputs/* getOptional */.xX)('plan-digest');
    const soak = (0,common_inputs/* getOptional */.xX)('min-soak');
    const inputs = {
        mode,
        from: mode === 'rollback' ? undefined : from,
        to,
        services: [...new Set(services)],
        fileTemplate: (0,common_inputs/* getString */.AA)('file-template') || 'infra/helm-charts/{service}/values-{env}.yaml',
        key: keys[0],
        alsoSet: keys.slice(1),
        stages: (0,common_inputs/* getList */.vS)('stages', { commas: true }),
        minSoakMs: soak === undefined ? 0 : parseDuration(soak, 'Input min-soak'),
        minSoakText: soak?.trim(),
        soakSource: (0,common_inputs/* getEnum */.GV)('soak-source', ['git', 'deployments'], 'git'),
        requiredChecks: [...new Set((0,common_inputs/* getList */.vS)('required-checks', { commas: true }))],
        freeze: parseFreezeWindows((0,common_inputs/* getString */.AA)('freeze'), 'Input freeze'),
        overrideFreeze: (0,common_inputs/* getOptional */.xX)('override-freeze')?.trim() || undefined,
        requireApproval: approval === 'auto'
            ? isProduction(to) || isProduction(githubEnvironment)
            : approval === 'true',
        githubEnvironment,
        planDigest: digest === undefined ? undefined : normalizeDigest(digest, 'Input plan-digest'),
        toValue: (0,common_inputs/* getOptional */.xX)('to-value')?.trim() || undefined,
        deployments: (0,common_inputs/* getBool */.Jz)('deployments', true),
        environmentUrl: (0,common_inputs/* getOptional */.xX)('environment-url'),
        dryRun: (0,common_inputs/* getBool */.Jz)('dry-run', false),
        push: (0,common_inputs/* getBool */.Jz)('push', true),
        branch: (0,common_inputs/* getOptional */.xX)('branch')?.trim(),
        repository: (0,common_inputs/* getOptional */.xX)('repository')?.trim(),
        path: (0,common_inputs/* getString */.AA)('path') || '.',
        token,
        commitMessage: (0,common_inputs/* getOptional */.xX)('commit-message'),
        author: (0,bump_helm_values_inputs/* parseAuthor */.RV)((0,common_inputs/* getOptional */.xX)('author')),
        commitMethod: (0,common_inputs/* getEnum */.GV)('commit-method', ['git', 'api'], 'git'),
        maxAttempts: (0,common_inputs/* getInt */.yW)('max-attempts', 10, { min: 1, max: 100 }),
    };
    if (inputs.stages.length === 0)
        inputs.stages = ['dev', 'staging', 'prod'];
    const writes = inputs.mode !== 'plan' && !inputs.dryRun;
    if (writes && inputs.commitMethod === 'api' && !inputs.push) {
        throw new errors/* UserError */.y('Input push is false, but commit-method api commits on GitHub and cannot commit locally only: use dry-run: true to write nothing');
    }
    if (writes && inputs.requireApproval && !inputs.planDigest) {
        throw new errors/* UserError */.y(`Input plan-digest is required when approval is required (to: ${to}): pass the digest the plan job printed, so reviewers approve exactly what is applied`);
    }
    return inputs;
}
/**
 * "Now", for soak and freeze windows. MINISHOP_NOW (an ISO time) exists for
 * tests and demos that need a fixed clock; a runner never sets it.
 */
function now() {
    const fixed = process.env.MINISHOP_NOW;
    if (!fixed)
        return new Date();
    const date = new Date(fixed);
    if (Number.isNaN(date.getTime())) {
        throw new errors/* UserError */.y(`MINISHOP_NOW must be an ISO 8601 time, got "${fixed}"`);
    }
    return date;
}

;// CONCATENATED MODULE: ./src/actions/promote/main.ts




















async function run() {
    const inputs = getInputs();
    const clock = now();
    const checkout = await openGitOpsCheckout(inputs);
    const serverUrl = process.env.GITHUB_SERVER_URL || 'https://github.com';
    let client;
    const r = {
        inputs,
        now: clock,
        checkout,
        serverUrl,
        runUrl: runUrl(serverUrl),
        request: {
            dir: checkout.dir,
            env: checkout.env,
            mode: inputs.mode === 'rollback' ? 'rollback' : 'promote',
            from: inputs.from,
            to: inputs.to,
            services: inputs.services,
            fileTemplate: inputs.fileTemplate,
            key: inputs.key,
            alsoSet: inputs.alsoSet,
            toValue: inputs.toValue,
        },
        // Created, and octokit loaded, on first use: a plan without checks or
        // deployments makes no request.
        api: () => {
            client ??= (0,github/* createGitHubClient */.L)({
                token: inputs.token ?? '',
                log: (message) => runner/* info */.pq(message),
            });
            return client;
        },
    };
    try {
        await promote(r);
    }
    finally {
        await checkout.cleanup();
    }
}
async function promote(r) {
    const { inputs } = r;
    const writes = inputs.mode !== 'plan' && !inputs.dryRun;
    const tip = await runner/* group */.Os('Read the GitOps repository', async () => {
        const { dir, remote, env, opened } = r.checkout;
        if (await ensureFullHistory(dir, remote, env, opened?.shallow)) {
            runner/* info */.pq('The checkout was shallow; fetched its full history (soak and rollback read it).');
        }
        const tip = await tipOf(r.checkout, writes && inputs.push);
        runner/* info */.pq(`${r.checkout.branch} is at ${tip}`);
        return tip;
    });
    const { plan, diff } = await runner/* group */.Os('Plan', () => planAt(r, tip));
    const digest = planDigest(plan);
    runner/* setOutput */.uH('plan-digest', digest);
    runner/* setOutput */.uH('diff', diff);
    runner/* setOutput */.uH('changed', String(plan.changes.length > 0 && !writes));
    runner/* setOutput */.uH('commit', '');
    runner/* setOutput */.uH('deployment-id', '');
    runner/* setOutput */.uH('approved-by', '');
    let gates = [];
    const report = async (outcome) => {
        runner/* setOutput */.uH('plan', JSON.stringify(planJson(plan, digest, gates, r.serverUrl)));
        const view = {
            plan,
            digest,
            gates,
            now: r.now,
            serverUrl: r.serverUrl,
            requiredChecks: inputs.requiredChecks,
            minSoakMs: inputs.minSoakMs,
            diff,
            outcome,
        };
        await runner/* summary */.z.addRaw(renderPromotionSummary(view)).write();
    };
    // The sealed plan: what reviewers approved is exactly what is applied.
    // Checked before any gate, so a stale approval costs no API request.
    if (writes && inputs.planDigest && inputs.planDigest !== digest) {
        const moved = plan.mode === 'rollback' ? plan.to : `${plan.from} or ${plan.to}`;
        const reason = `the plan is not the one approved: its digest is now ${digest}, the approved one ${inputs.planDigest}. ${moved} moved since the plan was made; plan again and have it approved again.`;
        await report({ kind: 'refused', reason });
        throw new errors/* UserError */.y(`Refused: ${reason} Nothing was written.`);
    }
    if (writes && plan.changes.length === 0) {
        runner/* setOutput */.uH('changed', 'false');
        await report({ kind: 'applied', commit: undefined, deployments: 0 });
        return;
    }
    const evaluated = await runner/* group */.Os('Gates', () => evaluate(r, plan, writes));
    gates = evaluated.gates;
    const approvers = approvalsFor(evaluated.approvals ?? [], inputs.githubEnvironment);
    runner/* setOutput */.uH('approved-by', approvers.map((a) => a.login).join(', '));
    const blocking = blockingGates(gates, writes);
    if (!writes) {
        await report({ kind: 'planned', blocked: blocking.map((g) => g.gate) });
        if (blocking.length > 0)
            throw new errors/* UserError */.y(refusal(blocking, false));
        return;
    }
    if (blocking.length > 0) {
        await report({ kind: 'refused', reason: refusal(blocking, true) });
        throw new errors/* UserError */.y(refusal(blocking, true));
    }
    const prepare = sealedPrepare({
        request: r.request,
        sealed: { plan, digest, tip },
        message: {
            template: inputs.commitMessage,
            approvals: approvers,
            environment: inputs.githubEnvironment,
            // Recorded only when it did override a freeze.
            overrideFreeze: gates.some((g) => g.status === 'overridden')
                ? inputs.overrideFreeze
                : undefined,
            runUrl: r.runUrl,
            serverUrl: r.serverUrl,
        },
        log: (line) => runner/* info */.pq(line),
    });
    const result = await commit(r, prepare).catch(async (error) => {
        // The branch moved to a plan no one approved, or kept moving: nothing written.
        if ((0,errors/* isUserError */.i)(error))
            await report({ kind: 'refused', reason: error.message });
        throw error;
    });
    runner/* setOutput */.uH('changed', String(result.changed));
    runner/* setOutput */.uH('commit', result.commit ?? '');
    let recorded = { ids: [], failures: [] };
    if (result.commit && inputs.push && inputs.deployments) {
        // Only after the push landed: a failed push leaves no deployment behind.
        const logins = approvers.map((a) => a.login);
        recorded = await runner/* group */.Os('Record deployments', () => recordDeployments(r, plan, digest, result.commit, logins));
        runner/* setOutput */.uH('deployment-id', recorded.ids.join(','));
    }
    await report({ kind: 'applied', commit: result.commit, deployments: recorded.ids.length });
    if (recorded.failures.length > 0) {
        throw new errors/* UserError */.y(`Promoted in commit ${result.commit}, but recording ${recorded.failures.length} deployment(s) failed; the promotion stands:\n${recorded.failures.join('\n')}`);
    }
}
/**
 * One commit for the sealed plan: pushed from the checkout (git), or made
 * on GitHub through createCommitOnBranch (api). Either way `prepare` runs at
 * every new head, so the sealed-plan check holds at each attempt.
 */
async function commit(r, prepare) {
    const { inputs, checkout } = r;
    const log = (line) => runner/* info */.pq(line);
    if (inputs.commitMethod === 'git') {
        return runner/* group */.Os('Commit and push', () => (0,gitops_commit/* commitAndPush */.t)({
            dir: checkout.dir,
            branch: checkout.branch,
            remote: checkout.remote,
            env: checkout.env,
            author: inputs.author,
            push: inputs.push,
            maxAttempts: inputs.maxAttempts,
            log,
            prepare,
        }));
    }
    const slug = apiRepository(inputs);
    const { owner, repo } = (0,github/* parseRepository */.S)(slug, 'The GitOps repository');
    const result = await runner/* group */.Os(`Commit to ${slug} through the GitHub API`, () => (0,github_errors/* withApiHint */.m)(`Committing to ${slug}@${checkout.branch}`, 'The token needs contents: write there.', async () => (0,github_commit/* commitViaApi */.oD)({
        client: await r.api(),
        owner,
        repo,
        branch: checkout.branch,
        maxAttempts: inputs.maxAttempts,
        log,
        // The files come from the API at GitHub's head; a re-plan there
        // reads that head's history from the checkout, so fetch it first.
        prepare: async (read, attempt, head) => {
            if (head)
                await ensureCommit(checkout, head, slug);
            return prepare(read, attempt, head);
        },
    })));
    // Later steps of the job see the promotion in the remote-tracking branch.
    if (result.commit)
        await tipOf(checkout, true).catch(() => undefined);
    return result;
}
/** owner/name that commit-method api commits to: repository, else GITHUB_REPOSITORY. */
function apiRepository(inputs) {
    const slug = gitopsRepository(inputs);
    if (slug)
        return slug;
    throw new errors/* UserError */.y(inputs.repository
        ? `Input repository must be owner/name or a GitHub URL for commit-method api, got "${inputs.repository}"`
        : 'GITHUB_REPOSITORY is not set: commit-method api needs the GitOps repository (set repository)');
}
/** The plan at `tip`, and the diff apply would commit. */
async function planAt(r, tip) {
    const reader = readerAt(r.checkout.dir, tip, r.checkout.env);
    try {
        const plan = await readPlan(r.request, tip, reader.read, reader.blobs);
        const edits = await editsOf(plan, reader.read);
        for (const c of plan.changes) {
            runner/* info */.pq(`${c.service}: ${c.current ?? '(missing)'} -> ${c.target} (${c.file})`);
        }
        if (plan.unchanged.length > 0)
            runner/* info */.pq(`unchanged: ${plan.unchanged.join(', ')}`);
        return { plan, diff: edits.map((e) => (0,unified_diff/* unifiedDiff */.W)(e.path, e.before, e.after)).join('') };
    }
    finally {
        reader.close();
    }
}
/** The evidence from GitHub, the run's approvals (when applying), and every gate's verdict. */
async function evaluate(r, plan, writes) {
    await gatherEvidence(r, plan);
    const approvals = r.inputs.requireApproval && writes
        ? (localApprovals(r.inputs.githubEnvironment) ??
            (await (0,github_errors/* withApiHint */.m)("Reading this run's approvals", 'The job needs permissions: actions: read.', async () => listRunApprovals(await r.api(), currentRun()))))
        : undefined;
    const gates = evaluateGates({ plan, policy: policyOf(r.inputs), now: r.now, approvals });
    for (const line of gateLogLines(gates))
        runner/* info */.pq(line);
    const overridden = gates.find((g) => g.status === 'overridden');
    if (overridden)
        runner/* warning */.$e(`freeze: ${overridden.reason}`);
    return { approvals, gates };
}
function policyOf(inputs) {
    return {
        stages: inputs.stages,
        minSoakMs: inputs.minSoakMs,
        minSoakText: inputs.minSoakText,
        soakSource: inputs.soakSource,
        requiredChecks: inputs.requiredChecks,
        freeze: inputs.freeze,
        overrideFreeze: inputs.overrideFreeze,
        requireApproval: inputs.requireApproval,
        githubEnvironment: inputs.githubEnvironment,
    };
}
async function gatherEvidence(r, plan) {
    if (plan.mode !== 'promote' || plan.changes.length === 0)
        return;
    const warn = (message) => runner/* warning */.$e(message);
    if (r.inputs.requiredChecks.length > 0) {
        await (0,github_errors/* withApiHint */.m)('Reading the checks of the source commits', 'The token needs checks: read and statuses: read on the source repositories.', async () => attachChecks(await r.api(), plan, warn));
    }
    if (r.inputs.soakSource === 'deployments') {
        const fallback = gitopsRepository(r.inputs) ?? currentRepository();
        await (0,github_errors/* withApiHint */.m)(`Reading the deployments to ${plan.from}`, 'The token needs deployments: read on the source repositories.', async () => attachDeploymentSoak(await r.api(), plan, fallback, warn));
    }
}
function refusal(blocking, applying) {
    const lines = blocking.map((g) => [`${g.gate}: ${g.reason}`, ...g.details.map((d) => `  - ${d}`)].join('\n'));
    return `${applying ? 'Refused' : 'The plan fails its gates'}: nothing was written.\n${lines.join('\n')}`;
}
async function recordDeployments(r, plan, digest, commit, approvers) {
    const gitops = gitopsRepository(r.inputs);
    const ids = [];
    const failures = [];
    for (const c of plan.changes) {
        // The deployment belongs to the source repository at the commit the image
        // was built from; without a recorded source, to the GitOps commit.
        const where = c.source?.repository ?? gitops;
        if (!where) {
            runner/* warning */.$e(`${c.service}: no Source-Repository recorded and the GitOps repository is not on GitHub; no deployment recorded`);
            continue;
        }
        const { owner, repo } = (0,github/* parseRepository */.S)(where, `${c.service}'s source repository`);
        let id;
        try {
            id = await recordDeployment(await r.api(), {
                owner,
                repo,
                ref: c.source?.commit ?? commit,
                environment: r.inputs.githubEnvironment,
                description: deploymentDescription(plan, c),
                productionEnvironment: isProduction(plan.to) || isProduction(r.inputs.githubEnvironment),
                payload: deploymentPayload(plan, c, {
                    serverUrl: r.serverUrl,
                    gitopsRepository: gitops,
                    gitopsCommit: commit,
                    digest,
                    approvers,
                    runUrl: r.runUrl,
                }),
            }, {
                logUrl: r.runUrl,
                environmentUrl: r.inputs.environmentUrl
                    ?.replaceAll('{service}', c.service)
                    .replaceAll('{env}', plan.to),
            });
        }
        catch (error) {
            const refused = (0,github_errors/* apiUserError */.o)(error, `${c.service}: deployment to ${r.inputs.githubEnvironment} in ${owner}/${repo}`, 'The token needs deployments: write there.');
            if (!(0,errors/* isUserError */.i)(refused))
                throw refused;
            runner/* info */.pq(refused.message);
            failures.push(refused.message);
            continue;
        }
        runner/* info */.pq(`${c.service}: deployment ${id} to ${r.inputs.githubEnvironment} (${owner}/${repo}@${c.source?.commit ?? commit})`);
        ids.push(id);
    }
    return { ids, failures };
}
/**
 * Outside a workflow run (the CLI) there are no run approvals to read: the
 * person at the terminal names who approved (`--approved-by`), and it is
 * recorded like any approval; without one, no one approved. Inside GitHub
 * Actions only the environment's reviewers count, read from the run.
 */
function localApprovals(environment) {
    if (process.env.GITHUB_ACTIONS === 'true')
        return undefined;
    const approver = process.env.MINISHOP_LOCAL_APPROVED_BY?.trim();
    if (!approver)
        return [];
    return [
        {
            login: approver,
            state: 'approved',
            comment: 'approved on the command line',
            environments: [environment],
        },
    ];
}
function currentRepository() {
    const value = process.env.GITHUB_REPOSITORY;
    if (!value)
        throw new errors/* UserError */.y('GITHUB_REPOSITORY is not set: run this action in a workflow');
    return value;
}
function currentRun() {
    const { owner, repo } = (0,github/* parseRepository */.S)(currentRepository(), 'GITHUB_REPOSITORY');
    const runId = Number(process.env.GITHUB_RUN_ID);
    if (!Number.isInteger(runId) || runId <= 0) {
        throw new errors/* UserError */.y('GITHUB_RUN_ID is not set: approvals are read from the workflow run');
    }
    return { owner, repo, runId };
}
function runUrl(serverUrl) {
    const { GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: id, GITHUB_RUN_ATTEMPT: attempt } = process.env;
    if (!repo || !id)
        return undefined;
    return `${serverUrl.replace(/\/+$/, '')}/${repo}/actions/runs/${id}${attempt && attempt !== '1' ? `/attempts/${attempt}` : ''}`;
}
/** owner/name of the GitOps repository on GitHub, when it is there. */
function gitopsRepository(inputs) {
    const value = inputs.repository;
    if (!value)
        return process.env.GITHUB_REPOSITORY || undefined;
    if (/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(value))
        return value;
    const url = /^https?:\/\/[^/]+\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(value);
    return url ? `${url[1]}/${url[2]}` : undefined;
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
