// The git side of detect-changes: make sure the commits to compare are
// there (fetching them into a shallow clone), and list what changed.
import { UserError } from '../core/errors'
import { git, gitOut, hasCommit } from './git'

export interface GitChangesOptions {
  cwd: string
  remote: string
  log?: (message: string) => void
}

export async function isShallow(cwd: string): Promise<boolean> {
  return (await gitOut(['rev-parse', '--is-shallow-repository'], { cwd })) === 'true'
}

async function fetch(args: string[], options: GitChangesOptions, what: string): Promise<void> {
  options.log?.(`git fetch ${args.join(' ')}`)
  const result = await git(['fetch', '--no-tags', '--quiet', ...args], {
    cwd: options.cwd,
    allowFailure: true,
  })
  if (result.code !== 0) {
    throw new UserError(
      `Cannot fetch ${what} from ${options.remote}: ${result.stderr.trim().split('\n').slice(-3).join(' ')}. ` +
        'Check out with actions/checkout fetch-depth: 0, or make the remote reachable with credentials.',
    )
  }
}

/** Fetches whichever of `shas` the clone lacks (one level deep in a shallow clone). */
export async function ensureCommits(
  shas: readonly string[],
  options: GitChangesOptions,
): Promise<void> {
  const missing: string[] = []
  for (const sha of shas) if (!(await hasCommit(sha, { cwd: options.cwd }))) missing.push(sha)
  if (missing.length === 0) return
  // --depth in a full clone would make it shallow: only where it already is.
  const depth = (await isShallow(options.cwd)) ? ['--depth=1'] : []
  await fetch([...depth, options.remote, ...missing], options, `commit ${missing.join(', ')}`)
  for (const sha of missing) {
    if (!(await hasCommit(sha, { cwd: options.cwd }))) {
      throw new UserError(`Commit ${sha} is not in ${options.remote} (was it force-pushed away?)`)
    }
  }
}

async function mergeBaseOf(base: string, head: string, cwd: string): Promise<string | undefined> {
  const result = await git(['merge-base', base, head], { cwd, allowFailure: true })
  return result.code === 0 ? result.stdout.trim() : undefined
}

/**
 * The merge base of two commits, deepening a shallow clone step by step
 * (then unshallowing it) until their histories meet.
 */
export async function mergeBase(
  base: string,
  head: string,
  options: GitChangesOptions,
): Promise<string> {
  for (const depth of [50, 500, 0]) {
    const found = await mergeBaseOf(base, head, options.cwd)
    if (found) return found
    if (!(await isShallow(options.cwd))) break
    const deepen = depth === 0 ? ['--unshallow'] : [`--depth=${depth}`]
    await fetch(
      [...deepen, options.remote, base, head],
      options,
      `the history of ${base} and ${head}`,
    )
  }
  throw new UserError(`Commits ${base} and ${head} have no common history: nothing to compare`)
}

/** Files that differ between two commits (`--merge-base`: since their merge base); a rename is its old and its new path. */
function diffArgs(base: string, head: string, mergeBase = false): string[] {
  const options = ['--name-only', '--no-renames', '--no-ext-diff', '--no-textconv', '-z']
  return ['diff', ...options, ...(mergeBase ? ['--merge-base'] : []), base, head, '--']
}

const treeArgs = (commit: string) => ['ls-tree', '-r', '-z', '--name-only', commit]

const paths = (out: string) => out.split('\0').filter((file) => file !== '')

/** Files that differ between two commits; a rename counts as its old and its new path. */
export async function changedFiles(base: string, head: string, cwd: string): Promise<string[]> {
  return paths(await gitOut(diffArgs(base, head), { cwd }))
}

/** Every file path in a commit's tree. */
export async function treeFiles(commit: string, cwd: string): Promise<string[]> {
  return paths(await gitOut(treeArgs(commit), { cwd }))
}

export interface QuickChanges {
  /** The files in head's tree, when asked for. */
  tree?: string[]
  /** The commit compared with: `base`, or its merge base with head. */
  base?: string
  /** Files changed since then. */
  files?: string[]
}

/**
 * The tree of `head` and the files changed since `since.base` (or since
 * its merge base with head) in one round of git processes run side by side
 * in `dir`, the checkout's root, with nothing asked first: each git process
 * costs every CI run a few milliseconds. This is the case of a full clone
 * (service-ci.yml checks out with fetch-depth: 0). Undefined when any of
 * them fails (a commit not in the clone, a merge base that is not unique):
 * the caller then takes the careful path, which checks, fetches and words
 * the error. `head` and `since.base` are commit SHAs.
 */
export async function quickChanges(
  dir: string,
  head: string,
  since: { base: string; mergeBase: boolean } | undefined,
  withTree: boolean,
): Promise<QuickChanges | undefined> {
  // Peeled, so that a tree or blob id is refused, as on the careful path.
  const headRev = `${head}^{commit}`
  const baseRev = since && `${since.base}^{commit}`
  const attempt = (args: string[]) => git(args, { cwd: dir, allowFailure: true })
  const [tree, diff, mergeBase] = await Promise.all([
    withTree ? attempt(treeArgs(headRev)) : undefined,
    baseRev ? attempt(diffArgs(baseRev, headRev, since.mergeBase)) : undefined,
    baseRev && since.mergeBase ? attempt(['merge-base', baseRev, headRev]) : undefined,
  ])
  if ([tree, diff, mergeBase].some((result) => result && result.code !== 0)) return undefined
  return {
    ...(tree ? { tree: paths(tree.stdout) } : {}),
    ...(since ? { base: mergeBase ? mergeBase.stdout.trim() : since.base } : {}),
    ...(diff ? { files: paths(diff.stdout) } : {}),
  }
}
