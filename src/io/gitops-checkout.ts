import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { UserError } from '../core/errors'
import { isCommitSha, isRepositorySlug } from '../core/git-names'
import { plainCheckoutHead } from './checkout-root'
import { git, gitOut } from './git'
import * as core from './runner'

export interface GitOpsCheckout {
  dir: string
  /** Environment for every git command in `dir`: carries the auth header, never on disk. */
  env: Record<string, string>
  /** owner/name for the GitHub API, when it can be told from the repository. */
  slug: string | undefined
  url: string
}

/** `owner/name` -> a clone URL on the GitHub server; a URL or path is used as given. */
export function cloneUrl(repository: string, serverUrl: string): string {
  if (isRepositorySlug(repository)) {
    return `${serverUrl.replace(/\/$/, '')}/${repository}.git`
  }
  return repository
}

/** `minishop/gitops` from `https://github.com/minishop/gitops.git` or `/srv/minishop/gitops.git`. */
export function repositorySlug(repository: string): string | undefined {
  const match = /([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(repository)
  return match ? `${match[1]}/${match[2]}` : undefined
}

/**
 * The token as git's `http.extraheader`, passed through GIT_CONFIG_* variables
 * for each command: it reaches git's memory, never .git/config or a URL. Only
 * for the GitHub server the token belongs to (GITHUB_SERVER_URL), as
 * actions/checkout does: a `repository` URL on another host gets no token.
 */
export function authEnv(
  url: string,
  token: string | undefined,
  serverUrl: string,
): Record<string, string> {
  if (!token || !/^https?:\/\//.test(url)) return {}
  const origin = new URL(url).origin
  if (origin !== new URL(serverUrl).origin) return {}
  const basic = Buffer.from(`x-access-token:${token}`).toString('base64')
  core.setSecret(basic)
  return {
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: `http.${origin}/.extraheader`,
    GIT_CONFIG_VALUE_0: `AUTHORIZATION: basic ${basic}`,
  }
}

/** Clones a separate GitOps repository into RUNNER_TEMP (or `parent`). */
export async function cloneGitOpsRepo(options: {
  repository: string
  token: string | undefined
  branch: string | undefined
  serverUrl: string
  parent: string
}): Promise<GitOpsCheckout> {
  const url = cloneUrl(options.repository, options.serverUrl)
  const env = authEnv(url, options.token, options.serverUrl)
  // git clones into an empty directory; mkdtemp makes one no other run has.
  mkdirSync(options.parent, { recursive: true })
  const dir = mkdtempSync(join(options.parent, 'gitops-'))
  // As git clone would have made it (mkdtemp's is private to this user).
  chmodSync(dir, 0o755)
  const args = ['clone', '--quiet', '--no-tags', '--single-branch']
  if (options.branch) args.push('--branch', options.branch)
  const cloned = await git([...args, '--', url, dir], {
    cwd: options.parent,
    env,
    allowFailure: true,
  }).catch((error: unknown) => {
    rmSync(dir, { recursive: true, force: true })
    throw error
  })
  if (cloned.code !== 0) {
    rmSync(dir, { recursive: true, force: true })
    const reason = cloned.stderr.trim().split('\n').pop() ?? ''
    throw new UserError(`Could not clone repository ${options.repository}: ${reason}`)
  }
  return { dir, env, slug: repositorySlug(options.repository), url }
}

/** The branch checked out in `dir`, if any. */
export async function checkedOutBranch(dir: string, env: Record<string, string> = {}) {
  const out = await git(['symbolic-ref', '--quiet', '--short', 'HEAD'], {
    cwd: dir,
    env,
    allowFailure: true,
  })
  return out.code === 0 ? out.stdout.trim() : undefined
}

/** What a checkout's files, or one `git rev-parse`, tell about it. */
export interface CheckoutFacts {
  /** The top of the work tree. */
  root: string
  shallow: boolean
  /** The commit HEAD points at. */
  head: string
  /** The checked-out branch; undefined when HEAD is detached. */
  branch: string | undefined
}

/**
 * Root, shallowness, HEAD and its branch: from the files of a plain full
 * clone, else in one git process (a plan's start-up pays for each
 * process). Undefined when git cannot answer all of
 * them (not a checkout, an unborn branch): callers then ask one at a time,
 * which also gives the precise error.
 */
export async function describeCheckout(
  dir: string,
  env: Record<string, string> = {},
): Promise<CheckoutFacts | undefined> {
  // A plain full clone (what actions/checkout makes) answers from its files.
  const plain = plainCheckoutHead(dir, { ...process.env, ...env })
  if (plain) return { ...plain, shallow: false }
  const out = await git(
    [
      'rev-parse',
      '--show-toplevel',
      '--is-shallow-repository',
      'HEAD',
      '--symbolic-full-name',
      'HEAD',
    ],
    { cwd: dir, env, allowFailure: true },
  )
  const [root, shallow, head, ref] = out.stdout.split('\n')
  const known = out.code === 0 && root && (shallow === 'true' || shallow === 'false')
  if (!known || !isCommitSha(head ?? '') || !ref) return undefined
  return {
    root,
    shallow: shallow === 'true',
    head: head!,
    branch: ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined,
  }
}

/** The top of the git checkout at `dir`; UserError when it is none. */
export async function checkoutRoot(dir: string): Promise<string> {
  try {
    return await gitOut(['rev-parse', '--show-toplevel'], { cwd: dir })
  } catch {
    throw new UserError(
      `${dir} is not a git checkout: run actions/checkout first, or set repository (and token)`,
    )
  }
}
