import { type BackoffBounds, DEFAULT_BACKOFF, jitteredBackoffMs, sleep } from '../core/backoff'
import type { CommitPlan, PrepareCommit, ReadFile } from '../core/commit-plan'
import { UserError } from '../core/errors'
import { ZERO_SHA } from '../core/event-context'
import { normalizeRepoPath } from '../core/repo-path'
import type { GitHubClient } from './github'
import type { CommitResult } from './gitops-commit'

export interface ApiCommitOptions {
  client: GitHubClient
  owner: string
  repo: string
  /** The branch that receives the commit. */
  branch: string
  maxAttempts: number
  prepare: PrepareCommit
  log?: (line: string) => void
  /**
   * Compute the change from this branch and reset `branch` to it before
   * committing (a pull-request branch this action owns).
   */
  base?: string
  backoff?: BackoffBounds
}

const HEAD_QUERY = `query($owner: String!, $repo: String!, $ref: String!) {
  repository(owner: $owner, name: $repo) { ref(qualifiedName: $ref) { target { oid } } }
}`

const FILE_QUERY = `query($owner: String!, $repo: String!, $file: String!, $dir: String!) {
  repository(owner: $owner, name: $repo) {
    file: object(expression: $file) { __typename ... on Blob { text isBinary } }
    dir: object(expression: $dir) { ... on Tree { entries { name mode type } } }
  }
}`

const COMMIT_MUTATION = `mutation($input: CreateCommitOnBranchInput!) {
  createCommitOnBranch(input: $input) { commit { oid url } }
}`

/** GitHub answers a commit on a moved branch with this message. */
const STALE_HEAD = /expected branch to point to|but it did not|is at .* but expected|stale/i

interface HeadAnswer {
  repository: { ref: { target: { oid: string } } | null } | null
}

interface FileAnswer {
  repository: {
    file: { __typename: string; text?: string | null; isBinary?: boolean } | null
    dir: { entries?: { name: string; mode: number; type: string }[] } | null
  }
}

async function headOf(
  o: Pick<ApiCommitOptions, 'client' | 'owner' | 'repo'>,
  branch: string,
): Promise<string | undefined> {
  const answer = await o.client.graphql<HeadAnswer>(HEAD_QUERY, {
    owner: o.owner,
    repo: o.repo,
    ref: `refs/heads/${branch}`,
  })
  if (!answer.repository) throw new UserError(`Repository ${o.owner}/${o.repo} not found`)
  return answer.repository.ref?.target.oid
}

/** Reads files at one commit through the API, refusing symbolic links. */
function apiReader(o: Pick<ApiCommitOptions, 'client' | 'owner' | 'repo'>, oid: string): ReadFile {
  const cache = new Map<string, Promise<string | undefined>>()
  const read = async (path: string): Promise<string | undefined> => {
    const normal = normalizeRepoPath(path, 'file')
    const slash = normal.lastIndexOf('/')
    const answer = await o.client.graphql<FileAnswer>(FILE_QUERY, {
      owner: o.owner,
      repo: o.repo,
      file: `${oid}:${normal}`,
      dir: `${oid}:${slash < 0 ? '' : normal.slice(0, slash)}`,
    })
    const name = normal.slice(slash + 1)
    const entry = answer.repository.dir?.entries?.find((e) => e.name === name)
    if (entry && entry.mode === 0o120000) {
      throw new UserError(
        `${normal} is a symbolic link; refusing a file that may lie outside the repository`,
        { file: normal },
      )
    }
    const file = answer.repository.file
    if (!file) return undefined
    if (file.__typename !== 'Blob') throw new UserError(`${normal} is not a file`, { file: normal })
    if (file.isBinary || typeof file.text !== 'string') {
      throw new UserError(`${normal} is not text`, { file: normal })
    }
    return file.text
  }
  const reader: ReadFile = (path) => {
    let hit = cache.get(path)
    if (!hit) {
      hit = read(path)
      cache.set(path, hit)
    }
    return hit
  }
  reader.files = () => treeFiles(o, oid)
  return reader
}

/**
 * Every file of a commit (not symbolic links or submodules), from one
 * request for its whole tree: what a `files` glob is matched against.
 */
async function treeFiles(
  o: Pick<ApiCommitOptions, 'client' | 'owner' | 'repo'>,
  oid: string,
): Promise<string[]> {
  const { data } = await o.client.rest.git.getTree({
    owner: o.owner,
    repo: o.repo,
    tree_sha: oid,
    recursive: 'true',
  })
  if (data.truncated) {
    throw new UserError(
      `${o.owner}/${o.repo} has more files than GitHub lists in one tree; match files globs with commit-method git`,
    )
  }
  return data.tree
    .filter((e) => e.type === 'blob' && e.mode !== '120000' && e.path)
    .map((e) => e.path!)
    .sort()
}

/** A reader of the files at a branch's current head (dry runs). */
export function apiReaderAt(o: {
  client: GitHubClient
  owner: string
  repo: string
  branch: string
}): ReadFile {
  const options = { ...o, maxAttempts: 1, prepare: async () => undefined }
  let reader: Promise<ReadFile> | undefined
  const atHead = () => {
    reader ??= headOf(options, o.branch).then((head) => {
      if (!head) throw new UserError(`Branch "${o.branch}" does not exist in ${o.owner}/${o.repo}`)
      return apiReader(options, head)
    })
    return reader
  }
  const read: ReadFile = async (path) => (await atHead())(path)
  read.files = async () => (await atHead()).files!()
  return read
}

/** The repository's default branch. */
export async function defaultBranch(o: { client: GitHubClient; owner: string; repo: string }) {
  const answer = await o.client.graphql<{
    repository: { defaultBranchRef: { name: string } | null } | null
  }>(
    `query($owner: String!, $repo: String!) {
      repository(owner: $owner, name: $repo) { defaultBranchRef { name } }
    }`,
    { owner: o.owner, repo: o.repo },
  )
  const name = answer.repository?.defaultBranchRef?.name
  if (!name)
    throw new UserError(`Cannot read the default branch of ${o.owner}/${o.repo}; set branch`)
  return name
}

/**
 * Points `o.branch` at `oid` if it is still where it was just read; returns
 * where that was ({ oid: undefined }: it did not exist), or 'moved' when a
 * commit landed there in between (the caller tries again; nothing is lost).
 */
async function resetBranch(
  o: ApiCommitOptions,
  oid: string,
): Promise<{ oid: string | undefined } | 'moved'> {
  const before = await headOf(o, o.branch)
  if (before === oid) return { oid: before }
  return (await swapBranch(o, o.branch, before, oid)) ? { oid: before } : 'moved'
}

const REPOSITORY_ID_QUERY = `query($owner: String!, $repo: String!) {
  repositoryId: repository(owner: $owner, name: $repo) { id }
}`

const UPDATE_REFS_MUTATION = `mutation($input: UpdateRefsInput!) {
  updateRefs(input: $input) { clientMutationId }
}`

/**
 * Moves `branch` from `before` to `after` (undefined: absent) in one step,
 * only if it is at `before`: GraphQL updateRefs checks that and moves the
 * branch atomically (REST can only force). False when the branch was
 * elsewhere; other failures throw.
 */
async function swapBranch(
  o: Pick<ApiCommitOptions, 'client' | 'owner' | 'repo'>,
  branch: string,
  before: string | undefined,
  after: string | undefined,
): Promise<boolean> {
  const { repositoryId } = await o.client.graphql<{ repositoryId: { id: string } | null }>(
    REPOSITORY_ID_QUERY,
    { owner: o.owner, repo: o.repo },
  )
  if (!repositoryId) throw new Error(`repository ${o.owner}/${o.repo} not found`)
  try {
    await o.client.graphql(UPDATE_REFS_MUTATION, {
      // GitHub answers a failed beforeOid check with its generic "Something
      // went wrong" error, which octokit's retry plugin takes for a timeout:
      // asking again cannot change the answer.
      request: { retries: 0 },
      input: {
        repositoryId: repositoryId.id,
        refUpdates: [
          {
            name: `refs/heads/${branch}`,
            beforeOid: before ?? ZERO_SHA,
            afterOid: after ?? ZERO_SHA,
            force: true,
          },
        ],
      },
    })
    return true
  } catch (error) {
    // The generic answer: it was the check if the branch is elsewhere now.
    if ((await headOf(o, branch)) !== before) return false
    throw error
  }
}

/**
 * Puts a branch this action moved to `resetTo` back where it was (deletes it
 * when it did not exist), so that a failed commit leaves an open pull request
 * showing what it showed. Only if the branch is still at `resetTo`: a commit
 * another run made there since is never thrown away. A failure to restore is
 * logged; the commit's error is the one reported.
 */
async function restoreBranch(
  o: Pick<ApiCommitOptions, 'client' | 'owner' | 'repo' | 'branch'>,
  resetTo: string,
  was: string | undefined,
  log: (line: string) => void,
  what = 'The commit',
): Promise<void> {
  const back = was ? `at ${was.slice(0, 12)}` : '(deleted)'
  try {
    if (await swapBranch(o, o.branch, resetTo, was)) {
      log(
        was
          ? `${what} failed: ${o.branch} is back at ${was.slice(0, 12)}, where it was.`
          : `${what} failed: ${o.branch}, created for it, is deleted again.`,
      )
    } else {
      log(
        `${what} failed; ${o.branch} was not put back ${back}: another commit has landed on it since.`,
      )
    }
  } catch (error) {
    log(
      `${what} failed; ${o.branch} was not put back ${back}: GitHub refused (${error instanceof Error ? error.message.split('\n')[0] : String(error)}).`,
    )
  }
}

/**
 * Undoes a commit that replaced a pull-request branch (CommitResult.replaced)
 * when the pull request then fails: as for a failed commit, the branch goes
 * back where it was, only while it is still at `commit`.
 */
export function undoReplacedBranchViaApi(
  o: Pick<ApiCommitOptions, 'client' | 'owner' | 'repo'>,
  commit: string,
  replaced: NonNullable<CommitResult['replaced']>,
  log: (line: string) => void,
): Promise<void> {
  return restoreBranch(
    { ...o, branch: replaced.branch },
    commit,
    replaced.was,
    log,
    'The pull request',
  )
}

function splitMessage(message: string): { headline: string; body: string } {
  const [headline = '', ...rest] = message.replace(/\s+$/, '').split('\n')
  return { headline, body: rest.join('\n').replace(/^\n+/, '') }
}

/**
 * One commit through GraphQL `createCommitOnBranch` (signed by GitHub, shown
 * as Verified; no push credentials in the job). `expectedHeadOid` makes a
 * moved branch fail instead of being overwritten: then the files are read
 * again at the new head, the change recomputed, and the commit retried.
 */
export async function commitViaApi(o: ApiCommitOptions): Promise<CommitResult> {
  const log = o.log ?? (() => {})
  const bounds = o.backoff ?? DEFAULT_BACKOFF
  const source = o.base ?? o.branch
  for (let attempt = 1; ; attempt++) {
    const head = await headOf(o, source)
    if (!head) throw new UserError(`Branch "${source}" does not exist in ${o.owner}/${o.repo}`)
    const plan: CommitPlan | undefined = await o.prepare(apiReader(o, head), attempt, head)
    if (!plan || plan.files.length === 0) {
      log(`Nothing to change at ${head.slice(0, 12)}.`)
      return { changed: false, commit: undefined, attempts: attempt, files: [] }
    }
    // A pull-request branch starts again from the base's head; where it was
    // is kept, to put it back if the commit fails.
    const was = o.base === undefined ? undefined : await resetBranch(o, head)
    if (was === 'moved') {
      if (attempt >= o.maxAttempts) {
        throw new UserError(
          `${o.branch} kept moving while this run reset it (${attempt} times); nothing was committed. Raise max-attempts or queue the deploys with a concurrency group.`,
        )
      }
      const wait = jitteredBackoffMs(attempt, bounds)
      log(`${o.branch} moved while this run reset it; recomputing in ${wait} ms.`)
      await sleep(wait)
      continue
    }
    const files = plan.files.map((f) => normalizeRepoPath(f.path, 'file'))
    try {
      const answer = await o.client.graphql<{
        createCommitOnBranch: { commit: { oid: string; url: string } }
      }>(COMMIT_MUTATION, {
        input: {
          branch: { repositoryNameWithOwner: `${o.owner}/${o.repo}`, branchName: o.branch },
          message: splitMessage(plan.message),
          expectedHeadOid: head,
          fileChanges: {
            additions: plan.files.map((f, i) => ({
              path: files[i],
              contents: Buffer.from(f.content, 'utf8').toString('base64'),
            })),
          },
        },
      })
      const commit = answer.createCommitOnBranch.commit.oid
      log(
        `Committed ${commit.slice(0, 12)} to ${o.owner}/${o.repo}@${o.branch} through the API (attempt ${attempt}).`,
      )
      const replaced = was ? { branch: o.branch, was: was.oid } : undefined
      return { changed: true, commit, attempts: attempt, files, replaced }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      if (!STALE_HEAD.test(message)) {
        // Ours to undo. (A stale head means another run moved the branch since
        // the reset: what it holds now is that run's, and is left alone.)
        if (was) await restoreBranch(o, head, was.oid, log)
        throw error
      }
      if (attempt >= o.maxAttempts) {
        throw new UserError(
          `createCommitOnBranch on ${o.branch} failed ${attempt} times because the branch kept moving; nothing was committed. Raise max-attempts or queue the deploys with a concurrency group.`,
        )
      }
      const wait = jitteredBackoffMs(attempt, bounds)
      log(
        `${o.branch} moved (${message.split('\n')[0]}); recomputing at the new head in ${wait} ms.`,
      )
      await sleep(wait)
    }
  }
}
