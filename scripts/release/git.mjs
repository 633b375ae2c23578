// @ts-check
// git for the release script: argument arrays, never a shell; prompts off so
// a missing credential fails instead of hanging.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ReleaseError } from './core.mjs'

/**
 * @param {string} cwd
 * @param {string[]} args
 * @param {{ allowFailure?: boolean, input?: string }} [options]
 * @returns {{ code: number, stdout: string, stderr: string }}
 */
export function git(cwd, args, options = {}) {
  const result = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    input: options.input,
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
    maxBuffer: 64 * 1024 * 1024,
  })
  if (result.error) throw result.error
  const out = { code: result.status ?? 1, stdout: result.stdout, stderr: result.stderr }
  if (out.code !== 0 && !options.allowFailure) {
    throw new ReleaseError(
      `git ${args.join(' ')} failed:\n${out.stderr.trim() || out.stdout.trim()}`,
    )
  }
  return out
}

/**
 * git's stdout without the final newline.
 * @param {string} cwd
 * @param {string[]} args
 */
export function gitOut(cwd, args) {
  return git(cwd, args).stdout.replace(/\n$/, '')
}

/**
 * The object a ref points at, or undefined.
 * @param {string} cwd
 * @param {string} ref
 */
export function revParse(cwd, ref) {
  const out = git(cwd, ['rev-parse', '-q', '--verify', ref], { allowFailure: true })
  return out.code === 0 ? out.stdout.trim() : undefined
}

/**
 * Tag names on a remote, each with the commit it points at (peeled).
 * @param {string} cwd
 * @param {string} remote
 * @returns {Map<string, string>}
 */
export function remoteTags(cwd, remote) {
  const tags = new Map()
  for (const line of gitOut(cwd, ['ls-remote', '--tags', remote]).split('\n')) {
    const [sha, ref] = line.split('\t')
    if (!sha || !ref?.startsWith('refs/tags/')) continue
    const name = ref.slice('refs/tags/'.length)
    // `v1^{}` is the commit an annotated tag points at: prefer it.
    if (name.endsWith('^{}')) tags.set(name.slice(0, -3), sha)
    else if (!tags.has(name)) tags.set(name, sha)
  }
  return tags
}

/**
 * The commit a branch has on a remote, or undefined when the remote lacks it.
 * @param {string} cwd
 * @param {string} remote
 * @param {string} branch
 */
export function remoteBranch(cwd, remote, branch) {
  const out = gitOut(cwd, ['ls-remote', '--heads', remote, `refs/heads/${branch}`])
  return out.split('\t')[0] || undefined
}

/**
 * Whether `ancestor` is present locally and reachable from `head`.
 * @param {string} cwd
 * @param {string} ancestor
 * @param {string} head
 */
export function isAncestor(cwd, ancestor, head) {
  return (
    git(cwd, ['merge-base', '--is-ancestor', ancestor, head], { allowFailure: true }).code === 0
  )
}

/**
 * Commits in `range` (newest first), merges left out: the changelog's lines.
 * @param {string} cwd
 * @param {string} range
 * @returns {import('./core.mjs').Commit[]}
 */
export function commitsIn(cwd, range) {
  const out = gitOut(cwd, ['log', '--no-merges', '--format=%H%x1f%s%x1f%an%x1e', range])
  return out
    .split('\x1e')
    .map((record) => record.trim())
    .filter(Boolean)
    .map((record) => {
      const [sha = '', subject = '', author = ''] = record.split('\x1f')
      return { sha, subject, author }
    })
}

/**
 * The maintainer's installed node_modules, copied into the worktree: hard
 * links where both are on one file system (fast), else a copy. Not a link
 * to it: webpack (under ncc) resolves a linked node_modules to its real path,
 * outside the worktree, and then names modules and chunks differently, so
 * every build looked stale.
 * @param {string} root
 * @param {string} dir
 */
function installedCopy(root, dir) {
  const from = join(root, 'node_modules')
  const to = join(dir, 'node_modules')
  const linked = spawnSync('cp', ['-al', from, to], { encoding: 'utf8' })
  if (linked.status === 0) return
  rmSync(to, { recursive: true, force: true })
  cpSync(from, to, { recursive: true, verbatimSymlinks: true })
}

/**
 * Builds HEAD in a throwaway worktree and returns what the build changed
 * there (`git status --porcelain` lines): empty means the committed dist/ is
 * what a fresh build makes. The maintainer's own tree is never touched.
 * @param {string} root
 * @param {(line: string) => void} log
 * @returns {string[]}
 */
export function staleBuildOutput(root, log) {
  const dir = join(mkdtempSync(join(tmpdir(), 'release-build-')), 'tree')
  git(root, ['worktree', 'add', '--detach', '-q', dir, 'HEAD'])
  try {
    if (existsSync(join(root, 'node_modules'))) installedCopy(root, dir)
    log('building HEAD in a clean worktree (npm run build) to check dist/ ...')
    const build = spawnSync('npm', ['run', 'build'], { cwd: dir, encoding: 'utf8' })
    if (build.status !== 0) {
      throw new ReleaseError(
        `npm run build fails on a clean checkout of HEAD:\n${(build.stderr || build.stdout || String(build.error)).trim()}`,
      )
    }
    const status = gitOut(dir, ['status', '--porcelain', '--', '.', ':(exclude)node_modules'])
    return status === '' ? [] : status.split('\n')
  } finally {
    git(root, ['worktree', 'remove', '--force', dir], { allowFailure: true })
    rmSync(join(dir, '..'), { recursive: true, force: true })
    git(root, ['worktree', 'prune'], { allowFailure: true })
  }
}
