import { isUserError } from '../core/errors'
import { isRollbackCommit } from '../core/promotion-message'
import { readScalar } from '../core/yaml-edit'
import { git, gitOut } from './git'
import { BlobReader } from './git-blobs'

// What the GitOps history says about a value: which commit set it (and so
// since when an environment runs it, and, through that commit's trailers,
// which source commit it was built from), and what came before it; also
// which of the files exist at the tip, which is how a plan finds its
// services. One `git log` for all files of a run plus one `git cat-file
// --batch`, however many services.

export interface FileChange {
  commit: string
  parents: string[]
  /** Committer time: when the change landed on the branch. */
  time: string
  trailers: [string, string][]
  /** Blob ids before and after (undefined: the file did not exist). */
  before: string | undefined
  after: string | undefined
}

export interface ValueOrigin {
  commit: string
  time: string
  trailers: [string, string][]
  /** The value the key had before this commit set it. */
  previous: string | undefined
}

const NULL_BLOB = /^0+$/

function parseTrailers(text: string): [string, string][] {
  return text
    .split('\x1d')
    .map((line) => {
      const colon = line.indexOf(':')
      return colon > 0
        ? ([line.slice(0, colon).trim(), line.slice(colon + 1).trim()] as [string, string])
        : undefined
    })
    .filter((t): t is [string, string] => t !== undefined)
}

function hasSource(trailers: [string, string][]): boolean {
  return trailers.some(([k]) => /^(source-commit|service-source)$/i.test(k))
}

/**
 * `git log -z --raw` output, read token by token (tokens end with NUL): a
 * commit's header (`\x1e` and its fields), then for each file its `:meta`
 * token (after a newline, for the first) and its path. A path is taken
 * whole, whatever bytes it holds.
 */
function parseLog(
  stdout: string,
  changes: Map<string, FileChange[]>,
  order: Map<string, number>,
): void {
  let commit: Omit<FileChange, 'before' | 'after'> | undefined
  const tokens = stdout.split('\0')
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    if (token.startsWith('\x1e')) {
      const [id, parents, ct, ...trailers] = token.slice(1).split('\x1f')
      order.set(id!, order.size)
      commit = {
        commit: id!,
        parents: (parents ?? '').split(' ').filter((p) => p !== ''),
        time: new Date(Number(ct) * 1000).toISOString(),
        trailers: parseTrailers(trailers.join('\x1f')),
      }
      continue
    }
    const meta = token.replace(/^\n/, '')
    const path = tokens[i + 1]
    if (!commit || !meta.startsWith(':') || path === undefined) continue
    i++
    const [, , before, after] = meta.split(' ')
    let list = changes.get(path)
    if (!list) {
      list = []
      changes.set(path, list)
    }
    list.push({
      ...commit,
      before: !before || NULL_BLOB.test(before) ? undefined : before,
      after: !after || NULL_BLOB.test(after) ? undefined : after,
    })
  }
}

export class GitOpsHistory {
  private readonly blobs: BlobReader
  /** Whether close() ends `blobs` (not when the caller lent its reader). */
  private readonly ownsBlobs: boolean
  private readonly values = new Map<string, Promise<string | undefined>>()

  private constructor(
    private readonly dir: string,
    private readonly env: Record<string, string>,
    /** Newest first, per file. */
    private readonly changes: Map<string, FileChange[]>,
    /** Each commit's place in the log, newest first. */
    private readonly order: Map<string, number>,
    blobs: BlobReader | undefined,
  ) {
    this.ownsBlobs = !blobs
    this.blobs = blobs ?? new BlobReader(dir, env)
  }

  /**
   * Reads the first-parent history on `ref` of the files that `pathspecs`
   * (paths, or git pathspecs such as `:(glob)...`) name, in one git process.
   * `blobs`: a reader of the same repository already running, to read old
   * versions through instead of starting another `git cat-file`.
   */
  static async load(
    dir: string,
    ref: string,
    pathspecs: string[],
    env: Record<string, string> = {},
    blobs?: BlobReader,
  ): Promise<GitOpsHistory> {
    const changes = new Map<string, FileChange[]>()
    const order = new Map<string, number>()
    if (pathspecs.length > 0) {
      // --first-parent: a change merged from a pull request counts from its
      // merge, which is when the environment got it. --root: the first
      // commit's files too, whatever log.showRoot says (presentFiles needs
      // every file's creation). Pathspec magic (`:(glob)`) is read even where
      // GIT_LITERAL_PATHSPECS is set.
      const magic = pathspecs.some((p) => p.startsWith(':('))
      const { stdout } = await git(
        [
          'log',
          '-z',
          '--raw',
          '--root',
          '--no-abbrev',
          '--no-renames',
          '--first-parent',
          '--format=%x1e%H%x1f%P%x1f%ct%x1f%(trailers:unfold,separator=%x1d)',
          ref,
          '--',
          ...pathspecs,
        ],
        { cwd: dir, env: magic ? { ...env, GIT_LITERAL_PATHSPECS: '0' } : env },
      )
      parseLog(stdout, changes, order)
    }
    return new GitOpsHistory(dir, env, changes, order, blobs)
  }

  /**
   * The files the pathspecs name that exist at `ref`: those whose newest
   * change left them in place. (Each first-parent commit is compared with
   * its first parent, so the newest change of a file is its state at `ref`.)
   */
  presentFiles(): string[] {
    return [...this.changes].filter(([, list]) => list[0]?.after !== undefined).map(([f]) => f)
  }

  /** The newest commit that touched any of `files`. */
  headOf(files: string[]): string | undefined {
    let head: string | undefined
    for (const file of files) {
      const newest = this.changes.get(file)?.[0]?.commit
      if (newest && (!head || this.order.get(newest)! < this.order.get(head)!)) head = newest
    }
    return head
  }

  /** The value at `key` in a blob; undefined when missing or when that old version does not parse. */
  private valueIn(
    blob: string | undefined,
    key: string,
    file: string,
  ): Promise<string | undefined> {
    if (!blob) return Promise.resolve(undefined)
    const id = `${blob}\0${key}`
    let value = this.values.get(id)
    if (!value) {
      value = this.blobs.read(blob).then((bytes) => {
        if (!bytes) return undefined
        try {
          return readScalar(bytes.toString('utf8'), key, file)
        } catch (error) {
          // An old version that no longer parses says nothing about the value.
          if (isUserError(error)) return undefined
          throw error
        }
      })
      this.values.set(id, value)
    }
    return value
  }

  /**
   * The newest commit that set `key` in `file` to `value` (the value differs
   * before it): since then the environment has run it. With `skipRollbacks`,
   * rollback commits do not count: the result is the promotion that brought
   * the value, and `previous` what a rollback goes back to.
   */
  async valueOrigin(
    file: string,
    key: string,
    value: string,
    options: { skipRollbacks?: boolean } = {},
  ): Promise<ValueOrigin | undefined> {
    for (const change of this.changes.get(file) ?? []) {
      if (options.skipRollbacks && isRollbackCommit(change.trailers)) continue
      // Both versions asked at once: one round trip to cat-file, not two.
      const [after, previous] = await Promise.all([
        this.valueIn(change.after, key, file),
        this.valueIn(change.before, key, file),
      ])
      if (after !== value || previous === value) continue
      const trailers =
        change.parents.length > 1 && !hasSource(change.trailers)
          ? await this.mergedTrailers(change, file)
          : change.trailers
      return { commit: change.commit, time: change.time, trailers, previous }
    }
    return undefined
  }

  /**
   * A change merged from a pull request (bump-helm-values mode pull-request)
   * counts from the merge, but its trailers are on the branch's commits: the
   * newest of them that touched the file and names a source.
   */
  private async mergedTrailers(change: FileChange, file: string): Promise<[string, string][]> {
    const { stdout } = await git(
      [
        'log',
        '-z',
        '--format=%(trailers:unfold,separator=%x1d)',
        `${change.parents[0]}..${change.commit}`,
        '--',
        file,
      ],
      { cwd: this.dir, env: this.env },
    )
    for (const record of stdout.split('\0')) {
      const trailers = parseTrailers(record.trim())
      if (hasSource(trailers)) return [...change.trailers, ...trailers]
    }
    return change.trailers
  }

  close(): void {
    if (this.ownsBlobs) this.blobs.close()
  }
}

/**
 * History is what soak and rollback are measured from: a shallow checkout
 * (actions/checkout's default fetch-depth: 1) is deepened first.
 */
export async function ensureFullHistory(
  dir: string,
  remote: string,
  env: Record<string, string> = {},
  /** Already known (from describeCheckout): saves a git process. */
  known?: boolean,
): Promise<boolean> {
  const shallow =
    known ?? (await gitOut(['rev-parse', '--is-shallow-repository'], { cwd: dir, env })) === 'true'
  if (!shallow) return false
  await git(['fetch', '--unshallow', '--no-tags', '--quiet', remote], { cwd: dir, env })
  return true
}
