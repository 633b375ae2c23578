import { lstatSync, readFileSync, realpathSync, statSync } from 'node:fs'
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

/** What a plain checkout's files say of its HEAD (see plainCheckoutHead). */
export interface PlainHead {
  root: string
  /** The commit HEAD points at. */
  head: string
  /** The checked-out branch; undefined when HEAD is detached. */
  branch: string | undefined
}

/** A SHA-1 object name: a repository of another format has an [extensions] section. */
const SHA1 = /^[0-9a-f]{40}$/
/** Config git reads differently: extensions (reftable, SHA-256, ...), a bare repository. */
const UNUSUAL_CONFIG = /^\s*\[extensions\]|^\s*bare\s*=\s*true\s*$/im

/** A regular file's text (not a symbolic link, which git reads as a symbolic ref), else undefined. */
function readRegularFile(path: string): string | undefined {
  return lstatSync(path, { throwIfNoEntry: false })?.isFile()
    ? readFileSync(path, 'utf8')
    : undefined
}

/**
 * `refs/heads/<name>` whose name git accepts (git check-ref-format, kept
 * strict: one `-` more or less is git's call, not ours).
 */
function isBranchRef(ref: string): boolean {
  if (!ref.startsWith('refs/heads/') || ref.endsWith('/') || ref.endsWith('.')) return false
  if (ref.includes('..') || ref.includes('@{') || ref === 'refs/heads/@') return false
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses
  if (/[\x00-\x20\x7f~^:?*[\\]/.test(ref)) return false
  return ref
    .slice('refs/heads/'.length)
    .split('/')
    .every((part) => part !== '' && !part.startsWith('.') && !part.endsWith('.lock'))
}

/**
 * The root, HEAD's commit and its branch of the plain checkout at `dir`
 * (plainCheckoutRoot), read from the files git keeps them in, as git's own
 * "files" ref store reads them: `.git/HEAD`, then the branch's loose ref,
 * else its line in `packed-refs`. That saves a `git rev-parse`, a process
 * every promotion's start-up paid for. Undefined for anything else, and
 * for anything git might read otherwise or refuse: the caller then asks
 * git, which also words any error. That is: config with extensions (another
 * ref store or object format) or `bare`; a repository another user owns
 * (git's safe.directory decides); a HEAD or ref that is a symbolic link; a
 * branch name git would not accept; a branch with no commit yet; a
 * symbolic branch.
 */
export function plainCheckoutHead(dir: string, env = process.env): PlainHead | undefined {
  const root = plainCheckoutRoot(dir, env)
  if (!root) return undefined
  const gitDir = join(root, '.git')
  if (UNUSUAL_CONFIG.test(readRegularFile(join(gitDir, 'config')) ?? '')) return undefined
  const uid = process.getuid?.()
  if (uid === undefined || [root, gitDir].some((path) => statSync(path).uid !== uid)) {
    return undefined
  }
  const head = readRegularFile(join(gitDir, 'HEAD'))?.replace(/\n$/, '')
  if (head === undefined) return undefined
  if (SHA1.test(head)) return { root, head, branch: undefined }
  const ref = head.startsWith('ref: ') ? head.slice('ref: '.length) : undefined
  if (!ref || !isBranchRef(ref)) return undefined
  const loose = readRegularFile(join(gitDir, ref))?.replace(/\n$/, '')
  const oid = loose ?? packedRef(readRegularFile(join(gitDir, 'packed-refs')), ref)
  if (!oid || !SHA1.test(oid)) return undefined
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
