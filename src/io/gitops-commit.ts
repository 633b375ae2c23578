import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { type BackoffBounds, DEFAULT_BACKOFF, jitteredBackoffMs, sleep } from '../core/backoff'
import type { CommitPlan, PrepareCommit, ReadFile } from '../core/commit-plan'
import { UserError } from '../core/errors'
import { normalizeRepoPath } from '../core/repo-path'
import { CommandError } from './exec'
import { git, gitOut } from './git'
import { BlobReader } from './git-blobs'

export interface GitCommitOptions {
  /** A git checkout (the workspace checkout, or a clone made with a token). */
  dir: string
  /** The branch that receives the commit. */
  branch: string
  /** Default 'origin'. */
  remote?: string
  author: { name: string; email: string }
  /** false: commit locally only. */
  push: boolean
  /** Bounded, with jittered backoff between attempts. */
  maxAttempts: number
  prepare: PrepareCommit
  log?: (line: string) => void
  /** The branch the change is computed from, when it is not `branch` (a pull-request branch). */
  base?: string
  /** Force-push `branch` (a branch this action owns, e.g. its pull-request branch). */
  force?: boolean
  /** Extra environment for every git command (e.g. an auth header for a token clone). */
  env?: Record<string, string>
  /** Backoff bounds in milliseconds (default 200 and 5000). */
  backoff?: BackoffBounds
}

export interface CommitResult {
  changed: boolean
  commit: string | undefined
  attempts: number
  files: string[]
  /**
   * A branch this commit replaced (a pull-request branch, reset to its base):
   * where it was before (undefined: it did not exist), for undoing the
   * commit when what was to follow it (the pull request) fails.
   */
  replaced?: { branch: string; was: string | undefined }
}

interface TreeEntry {
  mode: string
  type: string
  object: string
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/** Every entry of a commit's tree, by path (one process for the whole tree). */
async function listTree(dir: string, commit: string, env: Record<string, string>) {
  const { stdout } = await git(['ls-tree', '-r', '-z', '--full-tree', commit], { cwd: dir, env })
  const entries = new Map<string, TreeEntry>()
  for (const record of stdout.split('\0')) {
    if (record === '') continue
    const tab = record.indexOf('\t')
    const [mode, type, object] = record.slice(0, tab).split(' ') as [string, string, string]
    entries.set(record.slice(tab + 1), { mode, type, object })
  }
  return entries
}

/**
 * Reads files of one commit. Refuses what could leave the repository: a
 * symlink (also as a parent directory), a submodule, a path with `..`.
 */
export function commitReader(
  entries: Map<string, TreeEntry>,
  blobs: BlobReader,
): ReadFile & { entry: (path: string) => TreeEntry | undefined } {
  const read = async (path: string): Promise<string | undefined> => {
    const normal = normalizeRepoPath(path, 'file')
    const parts = normal.split('/')
    for (let i = 1; i <= parts.length; i++) {
      const prefix = parts.slice(0, i).join('/')
      const entry = entries.get(prefix)
      if (entry?.mode === '120000') {
        throw new UserError(
          `${normal}: ${prefix} is a symbolic link; refusing a file that may lie outside the repository`,
          { file: normal },
        )
      }
    }
    const entry = entries.get(normal)
    if (!entry) return undefined
    if (entry.type !== 'blob') {
      throw new UserError(`${normal} is a ${entry.type}, not a file`, { file: normal })
    }
    const blob = await blobs.read(entry.object)
    if (!blob) throw new Error(`git object ${entry.object} for ${normal} is missing`)
    try {
      return UTF8.decode(blob)
    } catch {
      throw new UserError(`${normal} is not UTF-8 text`, { file: normal })
    }
  }
  return Object.assign(read, {
    entry: (path: string) => entries.get(normalizeRepoPath(path, 'file')),
    // Files as a checkout has them: no symbolic link, no submodule.
    files: () =>
      [...entries]
        .filter(([, e]) => e.type === 'blob' && e.mode !== '120000')
        .map(([path]) => path)
        .sort(),
  })
}

/** Push failures that mean "someone else pushed first": fetch and try again. */
const RACE =
  /\[rejected\]|non-fast-forward|fetch first|stale info|cannot lock ref|failed to update ref|incorrect old value|failed to lock|reference already exists/i

/** Builds a commit of `plan` on top of `parent` without touching the index or working tree. */
async function buildCommit(
  o: GitCommitOptions,
  env: Record<string, string>,
  parent: string,
  entries: Map<string, TreeEntry>,
  plan: CommitPlan,
): Promise<string | undefined> {
  const gitDir = resolve(o.dir, await gitOut(['rev-parse', '--git-dir'], { cwd: o.dir, env }))
  const scratch = mkdtempSync(join(gitDir, 'minishop-commit-'))
  try {
    const indexEnv = { ...env, GIT_INDEX_FILE: join(scratch, 'index') }
    await git(['read-tree', parent], { cwd: o.dir, env: indexEnv })
    // One hash-object for all files: written to scratch files first.
    const paths = plan.files.map((file, i) => {
      const path = join(scratch, 'blobs', String(i))
      mkdirSync(dirname(path), { recursive: true })
      writeFileSync(path, file.content)
      return path
    })
    const hashed = await gitOut(['hash-object', '-w', '--no-filters', '--stdin-paths'], {
      cwd: o.dir,
      env,
      input: `${paths.join('\n')}\n`,
    })
    const objects = hashed.split('\n')
    const info = plan.files
      .map((file, i) => {
        const mode = entries.get(file.path)?.mode ?? '100644'
        return `${mode} ${objects[i]}\t${file.path}\0`
      })
      .join('')
    await git(['update-index', '-z', '--index-info'], { cwd: o.dir, env: indexEnv, input: info })
    const tree = await gitOut(['write-tree'], { cwd: o.dir, env: indexEnv })
    const parentTree = await gitOut(['rev-parse', `${parent}^{tree}`], { cwd: o.dir, env })
    if (tree === parentTree) return undefined
    const identity = {
      GIT_AUTHOR_NAME: o.author.name,
      GIT_AUTHOR_EMAIL: o.author.email,
      GIT_COMMITTER_NAME: o.author.name,
      GIT_COMMITTER_EMAIL: o.author.email,
    }
    return await gitOut(['commit-tree', tree, '-p', parent, '-F', '-'], {
      cwd: o.dir,
      env: { ...env, ...identity },
      input: plan.message,
    })
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

async function resolveRef(dir: string, ref: string, env: Record<string, string>) {
  const out = await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], {
    cwd: dir,
    env,
    allowFailure: true,
  })
  return out.code === 0 ? out.stdout.trim() : undefined
}

/** The tip to compute from: the remote's branch (fetched now) or the local one. */
async function currentTip(o: GitCommitOptions, env: Record<string, string>): Promise<string> {
  const remote = o.remote ?? 'origin'
  const base = o.base ?? o.branch
  if (o.push) {
    const tracking = `refs/remotes/${remote}/${base}`
    const fetched = await git(
      ['fetch', '--no-tags', '--quiet', remote, `+refs/heads/${base}:${tracking}`],
      { cwd: o.dir, env, allowFailure: true },
    )
    if (fetched.code !== 0) {
      if (/couldn't find remote ref|not our ref/i.test(fetched.stderr)) {
        throw new UserError(`Branch "${base}" does not exist on ${remote}`)
      }
      throw new CommandError('git', ['fetch', remote], fetched)
    }
    return (await resolveRef(o.dir, tracking, env))!
  }
  const tip =
    (await resolveRef(o.dir, `refs/heads/${base}`, env)) ??
    (await resolveRef(o.dir, `refs/remotes/${remote}/${base}`, env))
  if (!tip) throw new UserError(`Branch "${base}" does not exist in ${o.dir}`)
  return tip
}

/**
 * Where `o.branch` is on the remote now (undefined: it does not exist there),
 * fetched into its remote-tracking ref: an undo may have to push that commit
 * back, and a checkout (a depth-1 or single-branch clone) may not have it.
 */
async function remoteBranch(o: GitCommitOptions, env: Record<string, string>, remote: string) {
  const tracking = `refs/remotes/${remote}/${o.branch}`
  const fetched = await git(
    ['fetch', '--no-tags', '--quiet', remote, `+refs/heads/${o.branch}:${tracking}`],
    { cwd: o.dir, env, allowFailure: true },
  )
  if (fetched.code === 0) return resolveRef(o.dir, tracking, env)
  if (/couldn't find remote ref/i.test(fetched.stderr)) return undefined
  throw new CommandError('git', ['fetch', remote, o.branch], fetched)
}

/**
 * Undoes a pushed commit that replaced a branch (CommitResult.replaced): the
 * branch goes back where it was, or is deleted if this run created it. Only
 * while it is still at `commit` (a lease): another run's commit there since
 * is never thrown away. Returns what it did, for the log.
 */
export async function undoReplacedBranch(
  o: Pick<GitCommitOptions, 'dir' | 'remote' | 'env'>,
  commit: string,
  replaced: NonNullable<CommitResult['replaced']>,
): Promise<string> {
  const remote = o.remote ?? 'origin'
  const ref = `refs/heads/${replaced.branch}`
  const undone = await git(
    [
      'push',
      '--porcelain',
      `--force-with-lease=${ref}:${commit}`,
      remote,
      `${replaced.was ?? ''}:${ref}`,
    ],
    { cwd: o.dir, env: o.env ?? {}, allowFailure: true },
  )
  if (undone.code !== 0) {
    // --porcelain puts git's reason on the ref's line ("!", then "[rejected] (stale info)").
    const reason =
      undone.stdout
        .split('\n')
        .find((line) => line.startsWith('!'))
        ?.split('\t')
        .pop() ??
      undone.stderr.trim().split('\n')[0] ??
      ''
    return `${replaced.branch} was not put back ${replaced.was ? `at ${replaced.was.slice(0, 12)}` : '(deleted)'}: ${/stale info/.test(reason) ? "another commit has landed on it since this run's" : 'git refused'} (${reason.trim()}).`
  }
  return replaced.was
    ? `${replaced.branch} is back at ${replaced.was.slice(0, 12)}, where it was.`
    : `${replaced.branch}, created for it, is deleted again.`
}

/**
 * Brings the checkout to the new commit when that is a fast-forward of what
 * is checked out (after a push, or a commit GitHub's API made and a fetch
 * brought), else moves only the local branch, and only forward.
 */
export async function syncCheckout(
  o: Pick<GitCommitOptions, 'dir' | 'branch' | 'log'>,
  env: Record<string, string>,
  commit: string,
) {
  const log = o.log ?? (() => {})
  const head = await resolveRef(o.dir, 'HEAD', env)
  const symbolic = await git(['symbolic-ref', '-q', 'HEAD'], {
    cwd: o.dir,
    env,
    allowFailure: true,
  })
  const onBranch = symbolic.code === 0 ? symbolic.stdout.trim() : undefined
  const target = `refs/heads/${o.branch}`
  const headFollows = onBranch === target || (onBranch === undefined && head !== undefined)
  if (head && headFollows) {
    const ff = await git(['merge', '--ff-only', '--quiet', commit], {
      cwd: o.dir,
      env,
      allowFailure: true,
    })
    if (ff.code === 0) return
    log(
      `The checkout in ${o.dir} was left as it was (not a fast-forward to ${commit.slice(0, 12)}).`,
    )
    return
  }
  // Another branch is checked out: move the local branch only when that is a fast-forward.
  const local = await resolveRef(o.dir, target, env)
  if (local === undefined) return
  const ancestor = await git(['merge-base', '--is-ancestor', local, commit], {
    cwd: o.dir,
    env,
    allowFailure: true,
  })
  if (ancestor.code === 0) {
    await git(['update-ref', target, commit, local], { cwd: o.dir, env })
  }
}

/** push: false. The commit sits on the local branch tip; check it out when the branch is. */
async function advanceLocalBranch(
  o: GitCommitOptions,
  env: Record<string, string>,
  commit: string,
) {
  const target = `refs/heads/${o.branch}`
  const head = await git(['symbolic-ref', '-q', 'HEAD'], { cwd: o.dir, env, allowFailure: true })
  if (head.stdout.trim() === target) {
    // Fails, changing nothing, when a local modification is in the way.
    await git(['merge', '--ff-only', '--quiet', commit], { cwd: o.dir, env })
  } else {
    const local = (await resolveRef(o.dir, target, env)) ?? ''
    await git(['update-ref', target, commit, local], { cwd: o.dir, env })
  }
}

/**
 * One commit of what `prepare` computes, pushed with retry: on a rejected
 * push (another pipeline pushed first) it fetches, calls `prepare` again on
 * the new tip and pushes again, at most `maxAttempts` times. The commit is
 * built from git objects, never from the working tree, so on failure the
 * working tree and local branch are as they were before, and nothing is pushed.
 */
export async function commitAndPush(o: GitCommitOptions): Promise<CommitResult> {
  const log = o.log ?? (() => {})
  const env = o.env ?? {}
  const remote = o.remote ?? 'origin'
  const bounds = o.backoff ?? DEFAULT_BACKOFF
  const maxAttempts = Math.max(1, o.maxAttempts)
  for (let attempt = 1; ; attempt++) {
    const tip = await currentTip(o, env)
    const entries = await listTree(o.dir, tip, env)
    const blobs = new BlobReader(o.dir, env)
    let plan: CommitPlan | undefined
    let commit: string | undefined
    try {
      plan = await o.prepare(commitReader(entries, blobs), attempt, tip)
      if (plan && plan.files.length > 0) {
        for (const file of plan.files) file.path = normalizeRepoPath(file.path, 'file')
        commit = await buildCommit(o, env, tip, entries, plan)
      }
    } finally {
      blobs.close()
    }
    if (!plan || !commit) {
      log(`Nothing to change at ${tip.slice(0, 12)}.`)
      return { changed: false, commit: undefined, attempts: attempt, files: [] }
    }
    const files = plan.files.map((f) => f.path)
    if (!o.push) {
      await advanceLocalBranch(o, env, commit)
      log(`Committed ${commit.slice(0, 12)} on ${o.branch} (not pushed).`)
      return { changed: true, commit, attempts: attempt, files }
    }
    const args = ['push', '--porcelain', remote, `${commit}:refs/heads/${o.branch}`]
    // A forced push replaces the branch only if it is where it was just seen.
    const was = o.force ? await remoteBranch(o, env, remote) : undefined
    if (o.force) args.splice(1, 0, `--force-with-lease=refs/heads/${o.branch}:${was ?? ''}`)
    const pushed = await git(args, { cwd: o.dir, env, allowFailure: true })
    if (pushed.code === 0) {
      log(`Pushed ${commit.slice(0, 12)} to ${remote}/${o.branch} (attempt ${attempt}).`)
      await syncCheckout(o, env, commit)
      const replaced = o.force ? { branch: o.branch, was } : undefined
      return { changed: true, commit, attempts: attempt, files, replaced }
    }
    const output = `${pushed.stdout}\n${pushed.stderr}`
    if (!RACE.test(output)) throw new CommandError('git', args, pushed)
    if (attempt >= maxAttempts) {
      throw new UserError(
        `Push to ${remote}/${o.branch} was rejected ${attempt} times because the branch kept moving; nothing was pushed. Raise max-attempts or queue the deploys with a concurrency group.`,
      )
    }
    const wait = jitteredBackoffMs(attempt, bounds)
    log(`Push rejected (${o.branch} moved); recomputing at the new tip in ${wait} ms.`)
    await sleep(wait)
  }
}
