// The promotion plan: what apply will write, and the evidence the gates judge
// it by. Built from plain values the adapter reads (values files, GitOps
// history, GitHub API), so every rule here is testable without IO.

export type PromotionMode = 'promote' | 'rollback'

/** Where an image value was built from, as the GitOps commit trailers record it. */
export interface SourceRef {
  repository: string
  commit: string
}

export type CheckState =
  | 'success'
  | 'neutral'
  | 'skipped'
  | 'pending'
  | 'failure'
  | 'cancelled'
  | 'timed_out'
  | 'action_required'
  | 'stale'
  | 'error'

/** One check run, commit status or GitHub Actions workflow run on a source commit. */
export interface CheckResult {
  name: string
  kind: 'check-run' | 'status' | 'workflow'
  state: CheckState
  /** ISO time of its last change: the newest of several runs with one name wins. */
  at?: string
  url?: string
}

export interface PlanChange {
  service: string
  /** The `to` values file apply edits (repository-relative). */
  file: string
  /** The value now in `to` (undefined: the key is missing, which is refused). */
  current: string | undefined
  /** The value apply writes. */
  target: string
  /** Promote: the `from` values file and its value now (the stage gate compares it). */
  fromFile?: string
  fromValue?: string
  /** Promote: when `target` went live in `from`; rollback: when `to` first ran it. */
  liveSince?: string
  /** The GitOps commit (or `deployment <id>`) that `liveSince` comes from. */
  liveSinceRef?: string
  /** Promote with soak-source deployments: the state of `from`'s latest deployment. */
  fromDeploymentState?: string
  /** What `target` was built from, and what `current` was built from. */
  source?: SourceRef
  previousSource?: SourceRef
  /** Rollback: whether `to` ever ran `target` (a rollback only goes back to what ran). */
  targetRanInTo?: boolean
  /** Checks on `source.commit` (only fetched when required-checks is set). */
  checks?: CheckResult[]
}

export interface PromotionPlan {
  mode: PromotionMode
  /** Undefined for a rollback. */
  from?: string
  to: string
  /** The key compared and promoted (and whose history gives soak and sources). */
  key: string
  /** Further keys set to the same value (an init container's tag beside the app's). */
  alsoSet?: string[]
  /**
   * The GitOps commit the plan was read at: the newest commit on the branch
   * that touched one of the values files the plan reads. A commit to another
   * service's or environment's files does not change it, so it does not void
   * an approval; one to these files does.
   */
  head: string
  changes: PlanChange[]
  /** Services whose `to` value already equals the target. */
  unchanged: string[]
}

/** A service's `from` and `to` values as read at the GitOps head. */
export interface ServiceValues {
  service: string
  fromFile: string
  toFile: string
  fromValue: string | undefined
  toValue: string | undefined
}

/**
 * The candidates of a promotion: the services whose `to` value differs from
 * `from`'s. With an explicit `value`, that value is the target for every
 * service (the stage gate then checks it is what `from` runs).
 */
export function promotionChanges(
  values: ServiceValues[],
  value?: string,
): { changes: PlanChange[]; unchanged: string[] } {
  const changes: PlanChange[] = []
  const unchanged: string[] = []
  for (const v of values) {
    const target = value ?? v.fromValue
    if (target === undefined || target === v.toValue) {
      unchanged.push(v.service)
      continue
    }
    changes.push({
      service: v.service,
      file: v.toFile,
      current: v.toValue,
      target,
      fromFile: v.fromFile,
      fromValue: v.fromValue,
    })
  }
  return { changes, unchanged }
}

/** Whether `to` is a production environment: approval is required there by default. */
export function isProduction(environment: string): boolean {
  return /^(prod|production)$/i.test(environment) || /(^|[-_])(prod|production)$/i.test(environment)
}

/**
 * Link to the source changes a change brings: a compare view of the two
 * source commits (for a rollback, of the commits it takes away), or the commit.
 */
export function compareUrl(
  serverUrl: string,
  change: PlanChange,
  mode: PromotionMode,
): string | undefined {
  const next = change.source
  if (!next) return undefined
  const base = serverUrl.replace(/\/+$/, '')
  const prev = change.previousSource
  if (prev && prev.repository === next.repository && prev.commit !== next.commit) {
    const [older, newer] =
      mode === 'rollback' ? [next.commit, prev.commit] : [prev.commit, next.commit]
    return `${base}/${next.repository}/compare/${older}...${newer}`
  }
  return `${base}/${next.repository}/commit/${next.commit}`
}

/** A past deployment to `from`, as the GitHub API lists it. */
export interface DeploymentRecord {
  id: number
  createdAt: string
  sha: string
  payload: Record<string, unknown>
  state: string | undefined
}

const LIVE = new Set(['success', 'inactive'])

/**
 * What `from`'s deployments say about a candidate: the state of the newest
 * deployment of this service (success only when it deployed the candidate),
 * and since when the candidate has run there (the oldest of the unbroken run
 * of successful deployments of it). A deployment names its service and value
 * in its payload (as promote's own do); one without them counts when its
 * commit is the candidate's source commit.
 */
export function deploymentEvidence(
  deployments: DeploymentRecord[],
  service: string,
  value: string,
  sourceCommit: string | undefined,
): { state: string | undefined; since: string | undefined; ref: string | undefined } {
  const mine = deployments.filter((d) =>
    typeof d.payload.service === 'string'
      ? d.payload.service === service
      : sourceCommit !== undefined && d.sha === sourceCommit,
  )
  const deployedValue = (d: DeploymentRecord): string =>
    typeof d.payload.value === 'string' ? d.payload.value : value
  const newest = mine[0]
  if (!newest) return { state: undefined, since: undefined, ref: undefined }
  if (deployedValue(newest) !== value) {
    return { state: `of ${deployedValue(newest)}`, since: undefined, ref: undefined }
  }
  // `inactive`: superseded by a later deployment of another service in the same environment.
  if (!LIVE.has(newest.state ?? '')) {
    return { state: newest.state ?? 'without a status', since: undefined, ref: undefined }
  }
  let since = newest
  for (const d of mine.slice(1)) {
    if (deployedValue(d) !== value || !LIVE.has(d.state ?? '')) break
    since = d
  }
  return { state: 'success', since: since.createdAt, ref: `deployment ${since.id}` }
}
