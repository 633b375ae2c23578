// Which services a change touched: the range to compare for an event, and
// the services whose files (or a shared path) changed in it.
import { type EventContext, ZERO_SHA } from './event-context'
import { isCommitSha } from './git-names'
import { globMatcher } from './glob-match'
import { isServiceName } from './image-name'

export interface ServiceDefinition {
  name: string
  /** Build context, relative to the repository root (`services/cart`). */
  context: string
  /** Dockerfile, relative to the repository root. */
  dockerfile: string
  /** Extra globs (beyond `<context>/**`) whose changes rebuild this service. */
  paths: string[]
}

export type ChangeRange =
  | { kind: 'all'; reason: string; head: string }
  | { kind: 'none'; reason: string }
  | {
      kind: 'diff'
      base: string
      head: string
      /** Compare head with its merge base with `base` (pull requests), not with `base` itself. */
      mergeBase: boolean
      reason: string
    }

/** The commits to compare for an event; `base`/`head` inputs override it. */
export function changeRange(
  ctx: EventContext,
  overrides: { base?: string | undefined; head?: string | undefined } = {},
): ChangeRange {
  const head = overrides.head ?? ctx.sha
  if (overrides.base !== undefined) {
    return { kind: 'diff', base: overrides.base, head, mergeBase: true, reason: 'base input' }
  }
  if (ctx.prBase && ctx.prHead) {
    return {
      kind: 'diff',
      base: ctx.prBase.sha,
      head: overrides.head ?? ctx.prHead.sha,
      mergeBase: true,
      reason: `pull request #${ctx.prNumber ?? '?'}: ${ctx.prBase.ref}...${ctx.prHead.ref}`,
    }
  }
  if (ctx.mergeGroupBase && isCommitSha(ctx.mergeGroupBase.sha)) {
    // The group's commit is built on its base: what the group adds is the diff.
    return {
      kind: 'diff',
      base: ctx.mergeGroupBase.sha,
      head,
      mergeBase: false,
      reason: `merge group into ${ctx.mergeGroupBase.ref ?? 'its base'}`,
    }
  }
  if (ctx.eventName === 'push') {
    if (ctx.deleted) return { kind: 'none', reason: `${ctx.ref} was deleted` }
    if (ctx.created) return { kind: 'all', head, reason: `first push of ${ctx.ref}` }
    if (ctx.before === undefined || ctx.before === ZERO_SHA || !isCommitSha(ctx.before)) {
      return { kind: 'all', head, reason: 'the push has no previous commit (before is all zeros)' }
    }
    return { kind: 'diff', base: ctx.before, head, mergeBase: false, reason: 'push' }
  }
  return {
    kind: 'all',
    head,
    reason: `a ${ctx.eventName || 'run'} event has no base to compare with`,
  }
}

export interface ChangedService {
  service: ServiceDefinition
  /** Why it counts as changed: the first few files that touched it, or the shared path. */
  because: string[]
}

export interface ChangeResult {
  changed: ChangedService[]
  /** Changed files that matched a shared path. */
  shared: string[]
}

const MAX_REASONS = 3

function globsOf(service: ServiceDefinition): string[] {
  const context = service.context.replace(/\/+$/, '')
  const own = context === '.' || context === '' ? ['**'] : [`${context}/**`]
  return [...own, service.dockerfile, ...service.paths]
}

/** The services a list of changed files touches ('all' when the range is everything). */
export function changedServices(
  services: readonly ServiceDefinition[],
  changedFiles: readonly string[] | 'all',
  sharedPaths: readonly string[],
): ChangeResult {
  if (changedFiles === 'all') {
    return {
      changed: services.map((service) => ({ service, because: ['every service'] })),
      shared: [],
    }
  }
  const isShared = sharedPaths.length > 0 ? globMatcher(sharedPaths) : () => false
  const shared = changedFiles.filter((file) => isShared(file))
  if (shared.length > 0) {
    const because = shared.slice(0, MAX_REASONS).map((file) => `shared: ${file}`)
    return { changed: services.map((service) => ({ service, because })), shared }
  }
  const changed: ChangedService[] = []
  for (const service of services) {
    const matches = globMatcher(globsOf(service))
    const files = changedFiles.filter((file) => matches(file))
    if (files.length > 0) changed.push({ service, because: files.slice(0, MAX_REASONS) })
  }
  return { changed, shared }
}

export interface MatrixEntry {
  service: string
  context: string
  dockerfile: string
}

/** `{"include": [...]}`, ready for `strategy.matrix: ${{ fromJSON(...) }}`. */
export function matrixOf(services: readonly ServiceDefinition[]): { include: MatrixEntry[] } {
  return {
    include: services.map((s) => ({
      service: s.name,
      context: s.context,
      dockerfile: s.dockerfile,
    })),
  }
}

/**
 * Services found by convention: `<dir>/<name>/Dockerfile` among the files of
 * a tree. A folder whose name cannot be an image name is left out, and named.
 * `prefix` is the folder as paths start with it (`services/`; empty for the
 * root), and `folderFound` whether the tree has the folder at all.
 */
export function discoverServices(
  files: readonly string[],
  servicesDir: string,
): { services: ServiceDefinition[]; ignored: string[]; prefix: string; folderFound: boolean } {
  const dir = servicesDir.replace(/^\.\/+/, '').replace(/\/+$/, '')
  // `.` (or nothing): the services are folders at the repository's root.
  const prefix = dir === '' || dir === '.' ? '' : `${dir}/`
  const names = new Set<string>()
  let folderFound = prefix === ''
  for (const file of files) {
    if (!file.startsWith(prefix)) continue
    folderFound = true
    const match = /^([^/]+)\/Dockerfile$/.exec(file.slice(prefix.length))
    if (match) names.add(match[1]!)
  }
  const sorted = [...names].sort()
  return {
    services: sorted
      .filter((name) => isServiceName(name))
      .map((name) => ({
        name,
        context: `${prefix}${name}`,
        dockerfile: `${prefix}${name}/Dockerfile`,
        paths: [],
      })),
    ignored: sorted.filter((name) => !isServiceName(name)),
    prefix,
    folderFound,
  }
}
