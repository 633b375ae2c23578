// Real git repositories for tests: a bare "remote" and working clones, all
// under a temporary directory. No mocks: the code under test runs real git.
import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join } from 'node:path'

export const TEST_AUTHOR = {
  GIT_AUTHOR_NAME: 'Test Author',
  GIT_AUTHOR_EMAIL: 'author@example.test',
  GIT_COMMITTER_NAME: 'Test Author',
  GIT_COMMITTER_EMAIL: 'author@example.test',
}

/** Runs git synchronously in `cwd` and returns stdout without the final newline. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...TEST_AUTHOR, GIT_CONFIG_NOSYSTEM: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  }).replace(/\n$/, '')
}

export function tempDir(prefix = 'minishop-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), content)
  }
}

/** Writes the files, commits them (all changes) and returns the new commit SHA. */
export function commitFiles(
  dir: string,
  files: Record<string, string>,
  message = 'change',
  date?: Date,
): string {
  writeFiles(dir, files)
  git(dir, 'add', '-A')
  // A fixed date lets tests reason about soak times measured from history.
  const dates = date
    ? { GIT_AUTHOR_DATE: date.toISOString(), GIT_COMMITTER_DATE: date.toISOString() }
    : {}
  execFileSync('git', ['commit', '-q', '--allow-empty', '-m', message], {
    cwd: dir,
    env: { ...process.env, ...TEST_AUTHOR, ...dates },
  })
  return git(dir, 'rev-parse', 'HEAD')
}

export interface RemoteRepo {
  /** The bare repository, usable as a remote URL (a path). */
  bare: string
  /** A working clone with `origin` pointing at `bare`. */
  clone: string
  /** The branch the repository starts on. */
  branch: string
}

/** A bare remote with one initial commit of `files`, and a clone of it. */
export function makeRemote(files: Record<string, string>, branch = 'main'): RemoteRepo {
  const root = tempDir('gitops-')
  const bare = join(root, 'remote.git')
  const seed = join(root, 'seed')
  git(root, 'init', '-q', '--bare', `--initial-branch=${branch}`, bare)
  git(root, 'init', '-q', `--initial-branch=${branch}`, seed)
  commitFiles(seed, files, 'initial')
  git(seed, 'remote', 'add', 'origin', bare)
  git(seed, 'push', '-q', 'origin', branch)
  const clone = cloneOf(bare, join(root, 'clone'))
  return { bare, clone, branch }
}

/** Another working clone of a bare remote (a second pipeline, a reviewer's checkout). */
export function cloneOf(bare: string, dir = join(tempDir('clone-'), 'repo')): string {
  git(dirname(dir), 'clone', '-q', bare, dir)
  return dir
}

/** The real git: the first on PATH (stand-ins put themselves before it). */
export function realGit(): string {
  const found = (process.env.PATH ?? '')
    .split(delimiter)
    .map((d) => join(d, 'git'))
    .find((path) => existsSync(path))
  if (!found) throw new Error('git is not on PATH')
  return found
}

/** A directory holding a `git` stand-in with `script` as its body; env puts it first on PATH. */
function gitStandIn(
  prefix: string,
  script: (dir: string) => string,
): { dir: string; env: Record<string, string> } {
  const dir = tempDir(prefix)
  mkdirSync(join(dir, 'bin'))
  writeFileSync(join(dir, 'bin', 'git'), `#!/bin/sh\n${script(dir)}exec '${realGit()}' "$@"\n`)
  chmodSync(join(dir, 'bin', 'git'), 0o755)
  return { dir, env: { PATH: `${join(dir, 'bin')}${delimiter}${process.env.PATH}` } }
}

/**
 * A `git` first on PATH that records each command's name, then runs the
 * real git: `env` puts it first; `commands()` lists what ran, sorted.
 */
export function recordingGit(): { env: Record<string, string>; commands: () => string[] } {
  const { dir, env } = gitStandIn(
    'git-record-',
    (d) => `echo "$1" >> '${join(d, 'commands.log')}'\n`,
  )
  const log = join(dir, 'commands.log')
  writeFileSync(log, '')
  return {
    env,
    commands: () => readFileSync(log, 'utf8').split('\n').filter(Boolean).sort(),
  }
}

/**
 * A `git` first on PATH that runs the shell command `before` once, just
 * before the first `git push` of the run: another pipeline landing first.
 * Returns the environment that puts it first.
 */
export function racingGit(before: string): Record<string, string> {
  return gitStandIn(
    'racing-git-',
    (d) =>
      `if [ "$1" = push ] && [ ! -e '${d}/raced' ]; then\n  touch '${d}/raced'\n  ${before}\nfi\n`,
  ).env
}
