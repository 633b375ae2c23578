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

/** Files that differ between two commits; a rename counts as its old and its new path. */
export async function changedFiles(base: string, head: string, cwd: string): Promise<string[]> {
  const out = await gitOut(
    [
      'diff',
      '--name-only',
      '--no-renames',
      '--no-ext-diff',
      '--no-textconv',
      '-z',
      base,
      head,
      '--',
    ],
    { cwd },
  )
  return out.split('\0').filter((file) => file !== '')
}

/** Every file path in a commit's tree. */
export async function treeFiles(commit: string, cwd: string): Promise<string[]> {
  const out = await gitOut(['ls-tree', '-r', '-z', '--name-only', commit], { cwd })
  return out.split('\0').filter((file) => file !== '')
}
