import { rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { UserError } from '../../core/errors'
import { git, gitOut, hasCommit } from '../../io/git'
import {
  type CheckoutFacts,
  checkedOutBranch,
  checkoutRoot,
  cloneGitOpsRepo,
  describeCheckout,
} from '../../io/gitops-checkout'
import * as core from '../../io/runner'
import type { Inputs } from './inputs'

export interface GitOpsCheckout {
  dir: string
  /** Environment for every git command (a token clone's auth header; never on disk). */
  env: Record<string, string>
  remote: string
  branch: string
  cleanup: () => Promise<void>
  /** What git said as the checkout was opened, when it could say it in one process. */
  opened?: CheckoutFacts
}

/** The GitOps checkout: the workspace's (actions/checkout ran) or a clone of `repository`. */
export async function openGitOpsCheckout(inputs: Inputs): Promise<GitOpsCheckout> {
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd()
  if (!inputs.repository) {
    const where = resolve(workspace, inputs.path)
    const opened = await describeCheckout(where)
    const dir = opened?.root ?? (await checkoutRoot(where))
    const branch =
      inputs.branch ??
      (opened ? opened.branch : await checkedOutBranch(dir)) ??
      (await remoteHead(dir))
    return { dir, env: {}, remote: 'origin', branch, cleanup: async () => {}, opened }
  }
  const clone = await core.group(`Clone ${inputs.repository}`, () =>
    cloneGitOpsRepo({
      repository: inputs.repository!,
      token: inputs.token,
      branch: inputs.branch,
      serverUrl: process.env.GITHUB_SERVER_URL ?? 'https://github.com',
      parent: process.env.RUNNER_TEMP ?? workspace,
    }),
  )
  const opened = await describeCheckout(clone.dir, clone.env)
  const branch =
    inputs.branch ?? (opened ? opened.branch : await checkedOutBranch(clone.dir, clone.env))
  if (!branch) throw new UserError(`Could not tell the branch of ${inputs.repository}: set branch`)
  return {
    dir: clone.dir,
    env: clone.env,
    remote: 'origin',
    branch,
    cleanup: async () => rmSync(clone.dir, { recursive: true, force: true }),
    opened,
  }
}

/** A detached checkout (a pull request, a tag): the remote's default branch. */
async function remoteHead(dir: string): Promise<string> {
  const head = await git(['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'], {
    cwd: dir,
    allowFailure: true,
  })
  if (head.code === 0) return head.stdout.trim().replace(/^origin\//, '')
  throw new UserError(
    `The checkout in ${dir} is not on a branch: set branch to the GitOps branch to promote on`,
  )
}

/**
 * The commit to plan at. Before a push: the remote branch as fetched now
 * (what the push must build on). A plan reads the checkout as it is (the plan
 * job's checkout may hold no push credentials): the local branch, else the
 * remote-tracking one.
 */
export async function tipOf(checkout: GitOpsCheckout, fetch: boolean): Promise<string> {
  const { dir, env, remote, branch, opened } = checkout
  if (fetch) return fetchTip(checkout)
  // Planned right after opening: the branch's commit is the HEAD git reported then.
  if (opened?.branch === branch) return opened.head
  for (const ref of [`refs/heads/${branch}`, `refs/remotes/${remote}/${branch}`]) {
    const found = await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], {
      cwd: dir,
      env,
      allowFailure: true,
    })
    if (found.code === 0) return found.stdout.trim()
  }
  throw new UserError(`Branch "${branch}" does not exist in ${dir}`)
}

/** Fetches the branch into its remote-tracking ref; its commit. */
async function fetchTip(checkout: GitOpsCheckout): Promise<string> {
  const { dir, env, remote, branch } = checkout
  const tracking = `refs/remotes/${remote}/${branch}`
  const fetched = await git(
    ['fetch', '--no-tags', '--quiet', remote, `+refs/heads/${branch}:${tracking}`],
    { cwd: dir, env, allowFailure: true },
  )
  if (fetched.code !== 0) {
    throw new UserError(
      `Could not fetch ${branch} from ${remote}: ${fetched.stderr.trim().split('\n').pop() ?? ''}`,
    )
  }
  return gitOut(['rev-parse', '--verify', `${tracking}^{commit}`], { cwd: dir, env })
}

/**
 * Makes `oid` (the branch head GitHub's API reported) readable in the
 * checkout, fetching the branch when it is not: the plan at that head reads
 * its history (soak, rollback targets) from git. A head the fetch does not
 * bring means the checkout is not the repository the API writes to.
 */
export async function ensureCommit(checkout: GitOpsCheckout, oid: string, slug: string) {
  const where = { cwd: checkout.dir, env: checkout.env }
  if (await hasCommit(oid, where)) return
  await fetchTip(checkout)
  if (await hasCommit(oid, where)) return
  throw new UserError(
    `${slug}@${checkout.branch} is at ${oid.slice(0, 12)} on GitHub, but fetching ${checkout.branch} from ${checkout.remote} did not bring that commit: the checkout must be of the repository commit-method api writes to (repository, or GITHUB_REPOSITORY). Nothing was written.`,
  )
}
