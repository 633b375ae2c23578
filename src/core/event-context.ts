// What a build needs to know about the event that triggered it, from the
// runner's plain environment and the event payload: no @actions/github, so the
// CLI can build the same context from its own flags.

export const ZERO_SHA = '0000000000000000000000000000000000000000'

export interface PullRequestHead {
  /** The PR's head branch, as its author named it. */
  ref: string
  /** The head commit: what the author pushed, not the merge commit GitHub tests. */
  sha: string
  /** owner/name of the repository the head branch lives in. */
  repository: string
}

export interface EventContext {
  eventName: string
  /** The commit being built: the PR head commit for pull requests, else GITHUB_SHA. */
  sha: string
  /** GITHUB_REF as the runner gave it (refs/pull/N/merge for pull requests). */
  ref: string
  /** The branch being built: the head branch for pull requests; undefined for tags. */
  branch: string | undefined
  /** The git tag name when a tag was pushed. */
  tag: string | undefined
  prHead: PullRequestHead | undefined
  /** Pull requests: the base branch and the base commit the PR was compared to. */
  prBase: { ref: string; sha: string } | undefined
  prNumber: number | undefined
  /** A pull request whose head lives in another repository (its token cannot push). */
  isFork: boolean
  defaultBranch: string | undefined
  runNumber: number
  /** owner/name */
  repository: string
  serverUrl: string
  /** push: the commit the ref pointed at before the push (all zeros when it was created). */
  before: string | undefined
  /** push: the ref did not exist before this push. */
  created: boolean
  /** push: the ref was deleted (nothing to build). */
  deleted: boolean
  /**
   * merge_group: the commit the group was built on (the target branch's
   * tip, or the group ahead of it in the queue) and the branch it merges into.
   */
  mergeGroupBase: { ref: string | undefined; sha: string } | undefined
}

type Env = Record<string, string | undefined>

// Payloads are untrusted JSON: read fields defensively.
function field(value: unknown, ...path: string[]): unknown {
  let current = value
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<string, unknown>)[key]
  }
  return current
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target', 'pull_request_review'])

export function eventContext(env: Env, payload: unknown): EventContext {
  const eventName = env.GITHUB_EVENT_NAME ?? ''
  const ref = env.GITHUB_REF ?? ''
  const repository = env.GITHUB_REPOSITORY ?? text(field(payload, 'repository', 'full_name')) ?? ''
  const pr = PULL_REQUEST_EVENTS.has(eventName) ? field(payload, 'pull_request') : undefined

  let prHead: PullRequestHead | undefined
  let prBase: EventContext['prBase']
  if (pr !== undefined) {
    const headRef = text(field(pr, 'head', 'ref'))
    const headSha = text(field(pr, 'head', 'sha'))
    if (headRef && headSha) {
      prHead = {
        ref: headRef,
        sha: headSha,
        repository: text(field(pr, 'head', 'repo', 'full_name')) ?? repository,
      }
    }
    const baseRef = text(field(pr, 'base', 'ref'))
    const baseSha = text(field(pr, 'base', 'sha'))
    if (baseRef && baseSha) prBase = { ref: baseRef, sha: baseSha }
  }

  const tag = ref.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : undefined
  let branch: string | undefined
  if (prHead) branch = prHead.ref
  else if (ref.startsWith('refs/heads/')) branch = ref.slice('refs/heads/'.length)
  else if (eventName.startsWith('pull_request')) branch = env.GITHUB_HEAD_REF || undefined

  const prNumber = field(pr, 'number')
  // A deleted fork leaves head.repo null: still not this repository.
  const headRepo = pr === undefined ? repository : text(field(pr, 'head', 'repo', 'full_name'))
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
  }
}

function mergeGroupBase(eventName: string, payload: unknown): EventContext['mergeGroupBase'] {
  if (eventName !== 'merge_group') return undefined
  const sha = text(field(payload, 'merge_group', 'base_sha'))
  const ref = text(field(payload, 'merge_group', 'base_ref'))
  return sha ? { ref: ref?.replace(/^refs\/heads\//, ''), sha } : undefined
}
