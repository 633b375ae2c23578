// The rules every workflow of this repository obeys (published reusable
// workflows, internal ones, caller templates), as plain functions over parsed
// files, so policy.test.ts can run them on the real repository and on broken
// copies (each rule must be seen to catch what it claims to).

import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { LineCounter, parseDocument } from 'yaml'

export interface Finding {
  file: string
  line: number
  rule: string
  message: string
}

type Json = Record<string, unknown>

export interface WorkflowFile {
  path: string
  kind: 'published' | 'internal' | 'template'
  text: string
  data: Json
  /** 1-based line of the node at `path` (or of its nearest existing parent). */
  lineOf: (path: (string | number)[]) => number
}

export interface ActionMeta {
  /** undefined: the action.yml declares no inputs yet (a stub), so nothing is checked. */
  inputs: Record<string, { required: boolean; hasDefault: boolean }> | undefined
  outputs: Set<string> | undefined
}

export interface Repo {
  workflows: WorkflowFile[]
  /** actions/<name>/action.yml by name. */
  actions: Map<string, ActionMeta>
}

/** Where this library lives: the owner/name callers write in `uses:`. */
export const LIBRARY = 'minishop/actions'
/** The published reusable workflows the issue promises. */
export const PUBLISHED = ['service-ci.yml', 'kind-integration.yml', 'deploy.yml', 'promote.yml']

/**
 * Write scopes a job of this repository may hold, and why. Everything else
 * reads. Caller templates are checked against the workflows they call instead.
 */
export const ALLOWED_WRITES: Record<string, string[]> = {
  // Pushes each service's image to ghcr.io with the job token.
  '.github/workflows/service-ci.yml#build': ['packages'],
  // Commits the values files (or opens a pull request in pull-request mode).
  '.github/workflows/deploy.yml#deploy': ['contents', 'pull-requests'],
  // Commits the promotion and records the Deployments.
  '.github/workflows/promote.yml#apply': ['contents', 'deployments'],
  // Pushes the changelog commit and tags, creates the GitHub release.
  '.github/workflows/internal-release.yml#release': ['contents'],
}

const LEVEL: Record<string, number> = { none: 0, read: 1, write: 2 }
const SHA_PIN = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+(\/[^@\s]+)?@[0-9a-f]{40}$/
const VERSION_COMMENT = /#\s*v\d+(\.\d+)*\S*\s*$/
const EXPRESSION = '${{'

export function parseWorkflow(path: string, text: string): WorkflowFile {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter })
  const kind = path.startsWith('workflows/')
    ? 'template'
    : /(^|\/)internal-[^/]+$/.test(path)
      ? 'internal'
      : 'published'
  const lineOf = (nodePath: (string | number)[]): number => {
    for (let n = nodePath.length; n >= 0; n--) {
      const node = doc.getIn(nodePath.slice(0, n), true) as { range?: [number, number] } | undefined
      if (node?.range) return lineCounter.linePos(node.range[0]).line
    }
    return 1
  }
  return { path, kind, text, data: (doc.toJS() ?? {}) as Json, lineOf }
}

export function parseActionMeta(text: string): ActionMeta {
  const data = (parseDocument(text).toJS() ?? {}) as Json
  const inputs = data.inputs as Record<string, Json | null> | undefined
  const outputs = data.outputs as Record<string, unknown> | undefined
  return {
    inputs: inputs
      ? Object.fromEntries(
          Object.entries(inputs).map(([name, spec]) => [
            name,
            { required: spec?.required === true, hasDefault: spec?.default !== undefined },
          ]),
        )
      : undefined,
    outputs: outputs ? new Set(Object.keys(outputs)) : undefined,
  }
}

/** The repository's workflows and actions, as they are on disk. */
export function loadRepo(root: string): Repo {
  const workflows: WorkflowFile[] = []
  for (const dir of ['.github/workflows', 'workflows']) {
    if (!existsSync(join(root, dir))) continue
    for (const name of readdirSync(join(root, dir)).sort()) {
      if (!/\.ya?ml$/.test(name)) continue
      const path = `${dir}/${name}`
      workflows.push(parseWorkflow(path, readFileSync(join(root, path), 'utf8')))
    }
  }
  const actions = new Map<string, ActionMeta>()
  for (const name of readdirSync(join(root, 'actions')).sort()) {
    const file = join(root, 'actions', name, 'action.yml')
    if (existsSync(file)) actions.set(name, parseActionMeta(readFileSync(file, 'utf8')))
  }
  return { workflows, actions }
}

/** Every finding of every rule over the whole repository. */
export function checkRepo(repo: Repo): Finding[] {
  const findings: Finding[] = []
  for (const wf of repo.workflows) {
    const report = (rule: string, path: (string | number)[], message: string): void => {
      findings.push({ file: wf.path, line: wf.lineOf(path), rule, message })
    }
    checkNaming(wf, report)
    checkPermissions(wf, report)
    checkSteps(wf, repo, report)
    checkJobUses(wf, repo, report)
    checkOutputs(wf, repo, report)
  }
  checkPublishedSet(repo, findings)
  checkDeployAndPromote(repo, findings)
  return findings
}

export function formatFinding(f: Finding): string {
  return `${f.file}:${f.line} [${f.rule}] ${f.message}`
}

type Report = (rule: string, path: (string | number)[], message: string) => void

function jobsOf(wf: WorkflowFile): [string, Json][] {
  const jobs = (wf.data.jobs ?? {}) as Record<string, Json | null>
  return Object.entries(jobs).map(([id, job]) => [id, job ?? {}])
}

function stepsOf(job: Json): Json[] {
  return ((job.steps ?? []) as (Json | null)[]).map((s) => s ?? {})
}

function triggers(wf: WorkflowFile): string[] {
  const on = wf.data.on
  if (typeof on === 'string') return [on]
  if (Array.isArray(on)) return on.map(String)
  return Object.keys((on ?? {}) as Json)
}

function workflowCall(wf: WorkflowFile): Json {
  const on = wf.data.on as Json | undefined
  return ((on && typeof on === 'object' && !Array.isArray(on) ? on.workflow_call : undefined) ??
    {}) as Json
}

function isExpression(value: unknown): boolean {
  return typeof value === 'string' && value.includes(EXPRESSION)
}

/** Every string under a value, for scanning expressions. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(strings)
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings)
  return []
}

// --- naming: tell published and internal workflows apart at a glance --------

function checkNaming(wf: WorkflowFile, report: Report): void {
  const name = typeof wf.data.name === 'string' ? wf.data.name : ''
  const on = triggers(wf)
  if (wf.kind === 'internal') {
    if (!name.startsWith('internal: ')) {
      report('naming', ['name'], `internal workflow must be named "internal: ...", got "${name}"`)
    }
    if (on.includes('workflow_call')) {
      report('naming', ['on'], 'internal workflows are not callable (no workflow_call)')
    }
  } else if (wf.kind === 'published') {
    if (name === '' || name.toLowerCase().startsWith('internal')) {
      report(
        'naming',
        ['name'],
        `published workflow needs a name without "internal", got "${name}"`,
      )
    }
    if (on.length !== 1 || on[0] !== 'workflow_call') {
      report(
        'naming',
        ['on'],
        `a published workflow is reusable only (on: workflow_call); got ${on.join(', ')}; ` +
          "this repository's own workflows are named internal-*.yml",
      )
    }
  } else if (name === '') {
    report('naming', ['name'], 'caller template needs a name')
  }
}

// --- permissions ---------------------------------------------------------------

type Permissions = Record<string, string>

/** A permissions value as scope -> level; undefined when it is not a plain mapping. */
function permissionMap(value: unknown): Permissions | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'object' || Array.isArray(value)) return undefined
  return Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, String(v)]))
}

function writes(perms: Permissions): string[] {
  return Object.entries(perms)
    .filter(([, level]) => level === 'write')
    .map(([scope]) => scope)
    .sort()
}

function checkPermissions(wf: WorkflowFile, report: Report): void {
  const top = permissionMap(wf.data.permissions)
  const topOk =
    top !== undefined &&
    (Object.keys(top).length === 0 || (Object.keys(top).length === 1 && top.contents === 'read'))
  if (!topOk) {
    report(
      'permissions',
      ['permissions'],
      'top-level permissions must be `contents: read` or `{}` (jobs ask for more)',
    )
  }
  for (const [id, job] of jobsOf(wf)) {
    const perms = permissionMap(job.permissions)
    if (perms === undefined) {
      report('permissions', ['jobs', id], `job ${id} must declare its permissions (a mapping)`)
      continue
    }
    for (const [scope, level] of Object.entries(perms)) {
      if (!(level in LEVEL)) {
        report('permissions', ['jobs', id, 'permissions', scope], `unknown level "${level}"`)
      }
    }
    if (typeof job.uses === 'string') continue // checked against the called workflow
    const allowed = ALLOWED_WRITES[`${wf.path}#${id}`] ?? []
    const extra = writes(perms).filter((scope) => !allowed.includes(scope))
    if (extra.length > 0) {
      report(
        'permissions',
        ['jobs', id, 'permissions'],
        `job ${id} may not write ${extra.join(', ')} (least privilege; see ALLOWED_WRITES)`,
      )
    }
  }
}

// --- steps: run scripts, uses pinning, checkout credentials -------------------

const LIBRARY_ACTION = /^(\$|\.)\/actions\/([^/@\s]+)$/

function checkSteps(wf: WorkflowFile, repo: Repo, report: Report): void {
  for (const [id, job] of jobsOf(wf)) {
    const jobWrites = permissionMap(job.permissions)?.contents === 'write'
    stepsOf(job).forEach((step, index) => {
      const at = ['jobs', id, 'steps', index]
      if (typeof step.run === 'string' && step.run.includes(EXPRESSION)) {
        report(
          'run-expression',
          [...at, 'run'],
          'no ${{ }} inside run: (pass values through env:, the shell never sees them as code)',
        )
      }
      if (typeof step.uses !== 'string') return
      const uses = step.uses
      checkUses(wf, uses, [...at, 'uses'], 'step', report)
      if (/^actions\/checkout@/.test(uses)) {
        const persist = (step.with as Json | undefined)?.['persist-credentials']
        if (persist !== false && !jobWrites) {
          report(
            'persist-credentials',
            [...at, 'uses'],
            `job ${id} does not push (no contents: write): checkout needs persist-credentials: false`,
          )
        }
      }
      const library = LIBRARY_ACTION.exec(uses)
      if (library) checkActionInputs(repo, library[2]!, step, at, report)
    })
  }
}

function checkUses(
  wf: WorkflowFile,
  uses: string,
  at: (string | number)[],
  level: 'step' | 'job',
  report: Report,
): void {
  const line = wf.text.split('\n')[wf.lineOf(at) - 1] ?? ''
  if (uses.startsWith('$/')) {
    if (wf.kind === 'template') {
      report(
        'self-reference',
        at,
        `"${uses}": a template runs in a service repository, where $/ is that repository; use ${LIBRARY}/...@v1`,
      )
    }
    return
  }
  if (uses.startsWith('./')) {
    if (wf.kind !== 'internal') {
      report(
        'self-reference',
        at,
        `"${uses}": ./ resolves against the caller's checkout; a published workflow reaches this library through $/`,
      )
    }
    return
  }
  if (uses.startsWith('docker://')) {
    if (!/@sha256:[0-9a-f]{64}$/.test(uses)) {
      report('pinning', at, `"${uses}" must be pinned by digest (@sha256:...)`)
    }
    return
  }
  if (uses === LIBRARY || uses.startsWith(`${LIBRARY}/`) || uses.startsWith(`${LIBRARY}@`)) {
    if (wf.kind !== 'template') {
      report(
        'self-reference',
        at,
        `"${uses}" may run another release of this library: use $/ (./ in internal workflows)`,
      )
    } else if (
      level === 'job' &&
      !/^minishop\/actions\/\.github\/workflows\/[^/@]+@v\d+$/.test(uses)
    ) {
      report('self-reference', at, `"${uses}": call ${LIBRARY}/.github/workflows/<file>@v1`)
    }
    return
  }
  if (!SHA_PIN.test(uses)) {
    report('pinning', at, `"${uses}" must be pinned to a full 40-character commit SHA`)
  } else if (!VERSION_COMMENT.test(line)) {
    report('pinning', at, `"${uses}" needs its version in a comment (# vX.Y.Z)`)
  }
}

function checkActionInputs(
  repo: Repo,
  name: string,
  step: Json,
  at: (string | number)[],
  report: Report,
): void {
  const meta = repo.actions.get(name)
  if (!meta) {
    report('action-inputs', [...at, 'uses'], `actions/${name}/action.yml does not exist`)
    return
  }
  if (!meta.inputs) return // a stub without inputs yet
  const given = Object.keys((step.with ?? {}) as Json)
  for (const key of given) {
    if (!(key in meta.inputs)) {
      report('action-inputs', [...at, 'with', key], `actions/${name} has no input "${key}"`)
    }
  }
  for (const [key, spec] of Object.entries(meta.inputs)) {
    if (spec.required && !spec.hasDefault && !given.includes(key)) {
      report('action-inputs', [...at, 'uses'], `actions/${name} needs its required input "${key}"`)
    }
  }
}

// --- jobs that call reusable workflows (caller templates, internal callers) ---

interface CalledWorkflow {
  wf: WorkflowFile
  inputs: Record<string, Json>
  secrets: Record<string, Json>
  outputs: Set<string>
}

function resolveCall(repo: Repo, uses: string): CalledWorkflow | undefined {
  const match =
    /^minishop\/actions\/(\.github\/workflows\/[^/@]+)@[^@]+$/.exec(uses) ??
    /^\.\/(\.github\/workflows\/[^/@]+)$/.exec(uses)
  const wf = match ? repo.workflows.find((w) => w.path === match[1]) : undefined
  if (!wf) return undefined
  const call = workflowCall(wf)
  return {
    wf,
    inputs: ((call.inputs ?? {}) as Record<string, Json>) ?? {},
    secrets: ((call.secrets ?? {}) as Record<string, Json>) ?? {},
    outputs: new Set(Object.keys((call.outputs ?? {}) as Json)),
  }
}

function checkJobUses(wf: WorkflowFile, repo: Repo, report: Report): void {
  for (const [id, job] of jobsOf(wf)) {
    if (job.secrets === 'inherit') {
      report('secrets', ['jobs', id, 'secrets'], 'no secrets: inherit (name each secret passed)')
    }
    if (typeof job.uses !== 'string') continue
    const at = ['jobs', id, 'uses']
    checkUses(wf, job.uses, at, 'job', report)
    const called = resolveCall(repo, job.uses)
    if (!called) {
      report('call', at, `"${job.uses}" is not a reusable workflow of this repository`)
      continue
    }
    if (called.wf.kind !== 'published') {
      report('call', at, `${called.wf.path} is not a published reusable workflow`)
      continue
    }
    const given = (job.with ?? {}) as Json
    for (const [key, value] of Object.entries(given)) {
      const spec = called.inputs[key]
      if (!spec) {
        report('call', ['jobs', id, 'with', key], `${called.wf.path} has no input "${key}"`)
        continue
      }
      const type = String(spec.type ?? 'string')
      if (!isExpression(value) && typeof value !== type) {
        report(
          'call',
          ['jobs', id, 'with', key],
          `input "${key}" of ${called.wf.path} is a ${type}, got ${JSON.stringify(value)}`,
        )
      }
    }
    for (const [key, spec] of Object.entries(called.inputs)) {
      if (spec?.required === true && !(key in given)) {
        report('call', at, `${called.wf.path} needs its required input "${key}"`)
      }
    }
    const secrets = (typeof job.secrets === 'object' && job.secrets ? job.secrets : {}) as Json
    for (const key of Object.keys(secrets)) {
      if (!(key in called.secrets)) {
        report('call', ['jobs', id, 'secrets', key], `${called.wf.path} has no secret "${key}"`)
      }
    }
    for (const [key, spec] of Object.entries(called.secrets)) {
      if (spec?.required === true && !(key in secrets)) {
        report('call', at, `${called.wf.path} needs its required secret "${key}"`)
      }
    }
    checkCallPermissions(wf, id, job, called, report)
  }
  // needs.<job>.outputs.<name> of a called workflow must be one it declares.
  const jobs = new Map(jobsOf(wf))
  for (const [id, job] of jobsOf(wf)) {
    for (const text of strings(job)) {
      for (const m of text.matchAll(/needs\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)/g)) {
        const target = jobs.get(m[1]!)
        if (!target) {
          report('call', ['jobs', id], `needs.${m[1]} is not a job of this workflow`)
          continue
        }
        if (typeof target.uses !== 'string') continue
        const called = resolveCall(repo, target.uses)
        if (called && !called.outputs.has(m[2]!)) {
          report('call', ['jobs', id], `${called.wf.path} has no output "${m[2]}"`)
        }
      }
    }
  }
}

/**
 * A called workflow's jobs get at most the caller job's permissions (GitHub
 * refuses to start them otherwise), and the caller should grant no write the
 * called workflow does not use.
 */
function checkCallPermissions(
  wf: WorkflowFile,
  id: string,
  job: Json,
  called: CalledWorkflow,
  report: Report,
): void {
  const granted = permissionMap(job.permissions) ?? permissionMap(wf.data.permissions) ?? {}
  const needed: Permissions = {}
  const calledTop = permissionMap(called.wf.data.permissions) ?? {}
  for (const [, calledJob] of jobsOf(called.wf)) {
    const perms = permissionMap(calledJob.permissions) ?? calledTop
    for (const [scope, level] of Object.entries(perms)) {
      if ((LEVEL[level] ?? 0) > (LEVEL[needed[scope] ?? 'none'] ?? 0)) needed[scope] = level
    }
  }
  for (const [scope, level] of Object.entries(needed)) {
    if ((LEVEL[level] ?? 0) > (LEVEL[granted[scope] ?? 'none'] ?? 0)) {
      report(
        'call-permissions',
        ['jobs', id, 'permissions'],
        `${called.wf.path} needs ${scope}: ${level}; job ${id} grants ${granted[scope] ?? 'none'}`,
      )
    }
  }
  const extra = writes(granted).filter((scope) => needed[scope] !== 'write')
  if (extra.length > 0) {
    report(
      'call-permissions',
      ['jobs', id, 'permissions'],
      `job ${id} grants ${extra.join(', ')}: write, which ${called.wf.path} does not use`,
    )
  }
}

// --- outputs wired to things that exist ----------------------------------------

function checkOutputs(wf: WorkflowFile, repo: Repo, report: Report): void {
  const jobs = new Map(jobsOf(wf))
  const outputs = (workflowCall(wf).outputs ?? {}) as Record<string, Json>
  for (const [name, spec] of Object.entries(outputs)) {
    for (const m of String(spec?.value ?? '').matchAll(
      /jobs\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)/g,
    )) {
      const job = jobs.get(m[1]!)
      const declared = Object.keys((job?.outputs ?? {}) as Json)
      if (!job || !declared.includes(m[2]!)) {
        report(
          'outputs',
          ['on', 'workflow_call', 'outputs', name],
          `output ${name} reads jobs.${m[1]}.outputs.${m[2]}, which is not declared`,
        )
      }
    }
  }
  for (const [id, job] of jobs) {
    const steps = new Map(
      stepsOf(job)
        .filter((s) => typeof s.id === 'string')
        .map((s) => [s.id as string, s]),
    )
    for (const text of strings(job)) {
      for (const m of text.matchAll(/steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)/g)) {
        const step = steps.get(m[1]!)
        if (!step) {
          report('outputs', ['jobs', id], `steps.${m[1]} is not a step id of job ${id}`)
          continue
        }
        const library = typeof step.uses === 'string' ? LIBRARY_ACTION.exec(step.uses) : null
        const meta = library ? repo.actions.get(library[2]!) : undefined
        if (meta?.outputs && !meta.outputs.has(m[2]!)) {
          report('outputs', ['jobs', id], `actions/${library![2]} has no output "${m[2]}"`)
        }
      }
    }
  }
}

// --- the published set, deploy and promote ------------------------------------

function checkPublishedSet(repo: Repo, findings: Finding[]): void {
  for (const name of PUBLISHED) {
    const path = `.github/workflows/${name}`
    if (!repo.workflows.some((w) => w.path === path)) {
      findings.push({ file: path, line: 1, rule: 'published', message: 'missing' })
    }
  }
  if (!repo.workflows.some((w) => w.kind === 'template')) {
    findings.push({ file: 'workflows/', line: 1, rule: 'published', message: 'no caller template' })
  }
}

function checkDeployAndPromote(repo: Repo, findings: Finding[]): void {
  const find = (name: string): WorkflowFile | undefined =>
    repo.workflows.find((w) => w.path === `.github/workflows/${name}`)
  const at = (wf: WorkflowFile, path: (string | number)[], rule: string, message: string): void => {
    findings.push({ file: wf.path, line: wf.lineOf(path), rule, message })
  }
  const queued = (
    wf: WorkflowFile,
    jobId: string,
    input: string,
  ): { group: string; job: Json } | undefined => {
    if (wf.data.concurrency !== undefined) {
      at(wf, ['concurrency'], 'concurrency', 'concurrency belongs on the job, not the workflow')
    }
    const job = ((wf.data.jobs ?? {}) as Record<string, Json>)[jobId]
    if (!job) {
      at(wf, ['jobs'], 'concurrency', `job ${jobId} is missing`)
      return undefined
    }
    const c = job.concurrency as Json | string | undefined
    const group = typeof c === 'string' ? c : String(c?.group ?? '')
    if (!group.includes(`inputs.${input}`)) {
      at(
        wf,
        ['jobs', jobId],
        'concurrency',
        `job ${jobId} needs a concurrency group per inputs.${input}`,
      )
    }
    if (typeof c !== 'object' || c?.['cancel-in-progress'] !== false) {
      at(wf, ['jobs', jobId], 'concurrency', `job ${jobId} must queue (cancel-in-progress: false)`)
    }
    return { group, job }
  }

  // A deploy must never be superseded: GitHub cancels the older pending run of
  // a concurrency group, and each deploy carries only its own images. Races
  // are bump-helm-values' to resolve (recompute and retry on a rejected push).
  const deploy = find('deploy.yml')
  if (deploy) {
    if (deploy.data.concurrency !== undefined) {
      at(deploy, ['concurrency'], 'concurrency', 'a deploy must not share a concurrency group')
    }
    for (const [id, job] of Object.entries((deploy.data.jobs ?? {}) as Record<string, Json>)) {
      if (job.concurrency !== undefined) {
        at(deploy, ['jobs', id], 'concurrency', 'a deploy must not share a concurrency group')
      }
    }
  }

  const promote = find('promote.yml')
  if (!promote) return
  const applied = queued(promote, 'apply', 'to')
  const jobs = (promote.data.jobs ?? {}) as Record<string, Json>
  const plan = jobs.plan
  if (!plan) {
    at(promote, ['jobs'], 'promote', 'job plan is missing')
  } else if (plan.environment !== undefined || plan.concurrency !== undefined) {
    at(promote, ['jobs', 'plan'], 'promote', 'the plan job has no environment and no concurrency')
  }
  if (!applied) return
  const apply = applied.job
  const env = apply.environment as Json | string | undefined
  if (typeof env !== 'object' || !env?.name || env.deployment !== false) {
    at(
      promote,
      ['jobs', 'apply'],
      'promote',
      'the apply job needs environment: {name: ..., deployment: false} (the approval gate)',
    )
  }
  const needs = ([] as unknown[]).concat(apply.needs ?? [])
  if (!needs.includes('plan')) at(promote, ['jobs', 'apply'], 'promote', 'apply must need plan')
  const passesDigest = stepsOf(apply).some(
    (s) =>
      typeof s.uses === 'string' &&
      /^\$\/actions\/promote$/.test(s.uses) &&
      /needs\.plan\.outputs\.plan-digest/.test(
        String((s.with as Json | undefined)?.['plan-digest']),
      ),
  )
  if (!passesDigest) {
    at(promote, ['jobs', 'apply'], 'promote', "apply must pass the plan's sealed plan-digest on")
  }
}
