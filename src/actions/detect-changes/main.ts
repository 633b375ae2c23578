import { existsSync, readFileSync } from 'node:fs'
import { isAbsolute } from 'node:path'
import {
  type ChangeRange,
  type ChangeResult,
  changedServices,
  changeRange,
  discoverServices,
  matrixOf,
  type ServiceDefinition,
} from '../../core/changed-services'
import { UserError } from '../../core/errors'
import { eventContext } from '../../core/event-context'
import { isCommitSha } from '../../core/git-names'
import { resolveInWorkspace, workspaceRelative } from '../../core/workspace-path'
import { plainCheckoutRoot } from '../../io/checkout-root'
import { readEventPayload } from '../../io/event-payload'
import { git } from '../../io/git'
import {
  changedFiles,
  ensureCommits,
  type GitChangesOptions,
  mergeBase,
  type QuickChanges,
  quickChanges,
  treeFiles,
} from '../../io/git-changes'
import * as core from '../../io/runner'
import { getInputs, type Inputs } from './inputs'

// A revision a user may name: never an option (`--upload-pack=...`).
const REVISION = /^[A-Za-z0-9_][A-Za-z0-9_./^~@{}-]*$/

function checkRevision(value: string | undefined, input: string): void {
  if (value !== undefined && (!REVISION.test(value) || value.includes('..'))) {
    throw new UserError(
      `Input ${input} must be a commit SHA or a ref name, got ${JSON.stringify(value)}`,
    )
  }
}

async function resolveCommit(
  rev: string,
  cwd: string,
  remote: string,
  input: string,
  present: ReadonlySet<string> = new Set(),
): Promise<string> {
  if (present.has(rev)) return rev
  if (isCommitSha(rev)) {
    await ensureCommits([rev], { cwd, remote, log: core.info })
    return rev
  }
  const result = await git(
    ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`],
    {
      cwd,
      allowFailure: true,
    },
  )
  if (result.code !== 0)
    throw new UserError(`Input ${input}: "${rev}" is not a commit in this clone`)
  return result.stdout.trim()
}

/**
 * The checkout's root, and which of `shas` it has as commits, in one git
 * process (every CI run pays for each process). rev-parse answers in order
 * and stops at the first commit it lacks: that one and those after it are
 * checked, and fetched, one by one later. No root: not a checkout, which
 * repositoryRoot words.
 */
async function openCheckout(
  dir: string,
  shas: string[],
): Promise<{ root: string; present: Set<string> }> {
  if (existsSync(dir)) {
    const result = await git(
      ['rev-parse', '--show-toplevel', ...shas.map((sha) => `${sha}^{commit}`)],
      { cwd: dir, allowFailure: true },
    )
    const [root, ...lines] = result.stdout.split('\n')
    // A commit it has is printed as its id (a commit SHA peels to itself).
    if (root && isAbsolute(root))
      return { root, present: new Set(shas.filter((sha) => lines.includes(sha))) }
  }
  return { root: await repositoryRoot(dir), present: new Set() }
}

async function repositoryRoot(dir: string): Promise<string> {
  const result = await git(['rev-parse', '--show-toplevel'], { cwd: dir, allowFailure: true })
  if (!existsSync(dir) || result.code !== 0) {
    throw new UserError(`Input path: ${dir} is not a git checkout (run actions/checkout first)`)
  }
  return result.stdout.trim()
}

function setOutputs(
  changed: ServiceDefinition[],
  all: ServiceDefinition[],
  base: string,
  head: string,
) {
  core.setOutput('services', JSON.stringify(changed.map((s) => s.name)))
  core.setOutput('matrix', JSON.stringify(matrixOf(changed)))
  core.setOutput('any-changed', changed.length > 0 ? 'true' : 'false')
  core.setOutput('all-services', JSON.stringify(all.map((s) => s.name)))
  core.setOutput('base', base)
  core.setOutput('head', head)
}

async function writeSummary(all: ServiceDefinition[], result: ChangeResult, reason: string) {
  const why = new Map(result.changed.map((c) => [c.service.name, c.because]))
  await core.summary
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
    .write()
}

/** A log that holds its lines until released, then writes them and any later ones. */
function heldLog(): { log: (line: string) => void; release: () => void } {
  let held: string[] | undefined = []
  return {
    log: (line) => (held ? held.push(line) : core.info(line)),
    release: () => {
      for (const line of held ?? []) core.info(line)
      held = undefined
    },
  }
}

/** The services and the shared paths: from the config file, else the Dockerfiles in head's `tree`. */
async function listServices(
  inputs: Inputs,
  repo: string,
  workspace: string,
  servicesDir: string,
  tree: () => Promise<string[]>,
): Promise<{ services: ServiceDefinition[]; sharedPaths: string[] }> {
  const sharedPaths = [...inputs.sharedPaths]
  if (inputs.config !== undefined) {
    const file = resolveInWorkspace(repo, inputs.config, 'config')
    if (!existsSync(file))
      throw new UserError(`Input config: ${inputs.config} does not exist in ${repo}`)
    // Loaded here: its YAML parser is for the runs that have a config file.
    const { parseServicesConfig } = await import('../../core/services-config')
    const config = parseServicesConfig(
      readFileSync(file, 'utf8'),
      workspaceRelative(workspace, file),
      {
        root: repo,
        servicesDir,
      },
    )
    sharedPaths.push(...config.sharedPaths)
    return { services: config.services, sharedPaths }
  }
  const found = discoverServices(await tree(), servicesDir)
  if (found.services.length === 0 && found.ignored.length === 0) {
    // A green run that builds nothing would hide a wrong services-dir.
    if (!found.folderFound) {
      throw new UserError(
        `Input services-dir: "${servicesDir}" is not a folder of the repository at the commit compared; set services-dir to the folder whose subfolders hold the services' Dockerfiles, or give a config file`,
      )
    }
    core.warning(`No service found: no ${found.prefix}<service>/Dockerfile in the commit compared`)
  }
  for (const name of found.ignored) {
    core.warning(
      `${servicesDir}/${name} has a Dockerfile but "${name}" cannot be an image name: left out`,
    )
  }
  return { services: found.services, sharedPaths }
}

/** The commit a diff range compares `head` with. */
async function diffBase(
  range: { base: string; mergeBase?: boolean },
  head: string,
  repo: string,
  remote: string,
  options: GitChangesOptions,
  present: ReadonlySet<string>,
): Promise<string> {
  const from = await resolveCommit(range.base, repo, remote, 'base', present)
  return range.mergeBase ? mergeBase(from, head, options) : from
}

type Listing = Promise<{ services: ServiceDefinition[]; sharedPaths: string[] }>

/** What the run compares: the head, its services, and the diff (none: every service). */
interface Reading {
  head: string
  listed: Listing
  diff?: { base: Promise<string>; files: Promise<string[]> }
  /** Writes the log lines held back while the services were listed. */
  log: { release: () => void }
}

function quickReading(
  range: Exclude<ChangeRange, { kind: 'none' }>,
  quick: QuickChanges,
  list: (tree: () => Promise<string[]>) => Listing,
): Reading {
  const { base, files } = quick
  return {
    head: range.head,
    listed: list(async () => quick.tree ?? []),
    ...(base !== undefined
      ? { diff: { base: Promise.resolve(base), files: Promise.resolve(files ?? []) } }
      : {}),
    log: { release: () => {} },
  }
}

/** Resolves and fetches what the clone lacks, then reads the tree and the diff side by side. */
async function carefulReading(
  range: Exclude<ChangeRange, { kind: 'none' }>,
  repo: string,
  remote: string,
  present: ReadonlySet<string>,
  list: (tree: () => Promise<string[]>) => Listing,
): Promise<Reading> {
  const head = await resolveCommit(range.head || 'HEAD', repo, remote, 'head', present)
  // The services (the head's tree, or the config file) and the changed files
  // are independent reads: their git processes run side by side. The log
  // reads as if they ran in turn (the diff's fetches after the services), and
  // a failure of the first is the one reported.
  const log = heldLog()
  const listed = list(() => treeFiles(head, repo))
  if (range.kind === 'all') return { head, listed, log }
  const options = { cwd: repo, remote, log: log.log }
  const base = diffBase(range, head, repo, remote, options, present)
  const files = base.then((from) => changedFiles(from, head, repo))
  files.catch(() => {})
  return { head, listed, diff: { base, files }, log }
}

/**
 * The quick read (quickChanges) where it can apply: commit SHAs to compare,
 * something for git to read (the tree, the diff: a git process also proves
 * the commits are there), and `dir` plainly the root of a full clone.
 * Undefined: take the careful path.
 */
async function quickRead(
  range: ChangeRange,
  dir: string,
  withTree: boolean,
): Promise<{ root: string; quick: QuickChanges } | undefined> {
  if (range.kind === 'none' || !isCommitSha(range.head)) return undefined
  if (range.kind === 'diff' && !isCommitSha(range.base)) return undefined
  if (range.kind === 'all' && !withTree) return undefined
  const root = plainCheckoutRoot(dir)
  if (root === undefined) return undefined
  const since = range.kind === 'diff' ? { base: range.base, mergeBase: range.mergeBase } : undefined
  const quick = await quickChanges(root, range.head, since, withTree)
  return quick && { root, quick }
}

export async function run(): Promise<void> {
  const inputs = getInputs()
  checkRevision(inputs.base, 'base')
  checkRevision(inputs.head, 'head')
  checkRevision(inputs.remote, 'remote')
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd()
  const ctx = eventContext(process.env, readEventPayload())
  const range = changeRange(ctx, { base: inputs.base, head: inputs.head })
  const commits =
    range.kind === 'none' ? [] : [range.head, ...(range.kind === 'diff' ? [range.base] : [])]
  const dir = resolveInWorkspace(workspace, inputs.path, 'path')
  const read = await quickRead(range, dir, inputs.config === undefined)
  const { root: repo, present } = read
    ? { root: read.root, present: new Set<string>() }
    : await openCheckout(
        dir,
        commits.filter((rev) => isCommitSha(rev)),
      )
  const servicesDir = workspaceRelative(
    repo,
    resolveInWorkspace(repo, inputs.servicesDir, 'services-dir'),
  )
  core.info(
    `Range: ${range.kind === 'diff' ? `${range.base}..${range.head}` : range.kind} (${range.reason})`,
  )

  if (range.kind === 'none') {
    core.notice(`No services to build: ${range.reason}`)
    setOutputs([], [], '', '')
    return
  }
  const list = (tree: () => Promise<string[]>) =>
    listServices(inputs, repo, workspace, servicesDir, tree)
  const { head, listed, diff, log } = read
    ? quickReading(range, read.quick, list)
    : await carefulReading(range, repo, inputs.remote, present, list)
  const { services, sharedPaths } = await listed
  core.info(`Services: ${services.map((s) => s.name).join(', ') || '(none)'}`)
  log.release()

  let result: ChangeResult
  let base = ''
  if (diff === undefined) {
    result = changedServices(services, 'all', sharedPaths)
  } else {
    base = await diff.base
    const files = await core.group(
      `Files changed ${base.slice(0, 12)}..${head.slice(0, 12)}`,
      async () => {
        const list = await diff.files
        for (const file of list) core.info(file)
        return list
      },
    )
    result = changedServices(services, files, sharedPaths)
    if (result.shared.length > 0)
      core.info(`Shared path changed (${result.shared[0]}): every service`)
  }
  const changed = result.changed.map((c) => c.service)
  core.info(`Changed: ${changed.map((s) => s.name).join(', ') || '(none)'}`)
  setOutputs(changed, services, base, head)
  await writeSummary(services, result, range.reason)
}
