import { readFileSync, realpathSync, statSync } from 'node:fs'
import { join } from 'node:path'

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
