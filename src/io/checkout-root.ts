import { readFileSync, realpathSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { isCommitSha } from '../core/git-names'

const isDir = (path: string) => statSync(path, { throwIfNoEntry: false })?.isDirectory() === true
const isFile = (path: string) => statSync(path, { throwIfNoEntry: false })?.isFile() === true
const CORE_WORKTREE = /^\s*worktree\s*=/im

/**
 * `dir` (with symlinks resolved, as git reports a root) when it is plainly
 * the root of a full clone that git would find from there, without asking
 * git: its own `.git` directory, one git accepts as a repository (HEAD,
 * objects, refs), not shallow, with no core.worktree and no GIT_DIR or
 * GIT_WORK_TREE putting the work tree elsewhere. Undefined when anything is
 * less plain (a worktree's or submodule's `.git` file, a shallow clone, an
 * empty `.git` git would walk past to a parent repository): the caller then
 * asks git (`rev-parse --show-toplevel`).
 */
export function plainCheckoutRoot(dir: string, env = process.env): string | undefined {
  if (env.GIT_DIR || env.GIT_WORK_TREE || env.GIT_COMMON_DIR) return undefined
  const gitDir = join(dir, '.git')
  if (!isDir(gitDir) || !isFile(join(gitDir, 'HEAD'))) return undefined
  if (!isDir(join(gitDir, 'objects')) || !isDir(join(gitDir, 'refs'))) return undefined
  if (isFile(join(gitDir, 'shallow'))) return undefined
  for (const config of ['config', 'config.worktree']) {
    const path = join(gitDir, config)
    if (isFile(path) && CORE_WORKTREE.test(readFileSync(path, 'utf8'))) return undefined
  }
  return realpathSync(dir)
}

/** What a plain checkout's files say of its HEAD (see plainCheckoutHead). */
export interface PlainHead {
  root: string
  /** The commit HEAD points at. */
  head: string
  /** The checked-out branch; undefined when HEAD is detached. */
  branch: string | undefined
}

const REF_STORAGE = /^\s*refstorage\s*=/im

/** A file's text, or undefined when it is not there. */
function readIfFile(path: string): string | undefined {
  return isFile(path) ? readFileSync(path, 'utf8') : undefined
}

/**
 * The root, HEAD's commit and its branch of the plain checkout at `dir`
 * (plainCheckoutRoot), read from the files git keeps them in, as git's own
 * "files" ref store reads them: `.git/HEAD`, then the branch's loose ref,
 * else its line in `packed-refs`. That saves a `git rev-parse`, a process
 * every promotion's start-up paid for. Undefined for anything else (another
 * ref store, a branch with no commit yet, a HEAD that names no branch or
 * commit, a symbolic branch): the caller then asks git, which also words
 * any error.
 */
export function plainCheckoutHead(dir: string, env = process.env): PlainHead | undefined {
  const root = plainCheckoutRoot(dir, env)
  if (!root) return undefined
  const gitDir = join(root, '.git')
  if (REF_STORAGE.test(readIfFile(join(gitDir, 'config')) ?? '')) return undefined
  const head = readFileSync(join(gitDir, 'HEAD'), 'utf8').replace(/\n$/, '')
  if (isCommitSha(head)) return { root, head, branch: undefined }
  const ref = /^ref: (refs\/heads\/[^\s:?*[\\~^]+)$/.exec(head)?.[1]
  if (!ref || ref.includes('..') || ref.endsWith('/') || ref.endsWith('.lock')) return undefined
  const loose = readIfFile(join(gitDir, ref))?.replace(/\n$/, '')
  const oid = loose ?? packedRef(readIfFile(join(gitDir, 'packed-refs')), ref)
  if (!oid || !isCommitSha(oid)) return undefined
  return { root, head: oid, branch: ref.slice('refs/heads/'.length) }
}

/** The object a `packed-refs` file gives `ref`, if it lists it. */
function packedRef(packed: string | undefined, ref: string): string | undefined {
  for (const line of packed?.split('\n') ?? []) {
    const space = line.indexOf(' ')
    if (space > 0 && line.slice(space + 1) === ref) return line.slice(0, space)
  }
  return undefined
}
