import { resolve } from 'node:path'
import { type BumpTarget, bumpFile, type FileResult, groupByFile } from '../../core/bump'
import { bumpMessage } from '../../core/bump-message'
import { resolveTargets } from '../../core/bump-targets'
import type { CommitPlan, PrepareCommit, ReadFile } from '../../core/commit-plan'
import { UserError } from '../../core/errors'
import { normalizeRepoPath } from '../../core/repo-path'
import { sha256Hex } from '../../core/sha256'
import { unifiedDiff } from '../../core/unified-diff'
import { createGitHubClient, type GitHubClient, parseRepository } from '../../io/github'
import {
  apiReaderAt,
  commitViaApi,
  defaultBranch,
  undoReplacedBranchViaApi,
} from '../../io/github-commit'
import { withApiHint } from '../../io/github-errors'
import { ensurePullRequest } from '../../io/github-pr'
import {
  checkedOutBranch,
  checkoutRoot,
  cloneGitOpsRepo,
  repositorySlug,
} from '../../io/gitops-checkout'
import { type CommitResult, commitAndPush, undoReplacedBranch } from '../../io/gitops-commit'
import * as core from '../../io/runner'
import { expandFiles, workTreeReader, writeWorkTreeFiles } from '../../io/worktree-files'
import { getInputs, type Inputs } from './inputs'

interface Where {
  /** A local checkout (workspace or clone), when the run uses one. */
  dir: string | undefined
  env: Record<string, string>
  /** owner/name for the GitHub API. */
  slug: string | undefined
}

function runContext(inputs: Inputs) {
  const env = process.env
  const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com'
  const source = env.GITHUB_REPOSITORY ?? ''
  const runUrl =
    source && env.GITHUB_RUN_ID ? `${serverUrl}/${source}/actions/runs/${env.GITHUB_RUN_ID}` : ''
  return {
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    temp: env.RUNNER_TEMP ?? env.GITHUB_WORKSPACE ?? process.cwd(),
    serverUrl,
    source,
    trailers: [
      ['Source-Repository', inputs.sourceRepository ?? source],
      ['Source-Commit', inputs.sourceCommit ?? env.GITHUB_SHA ?? ''],
      ['Run-URL', runUrl],
    ] as [string, string][],
    refBranch: env.GITHUB_REF?.startsWith('refs/heads/') ? env.GITHUB_REF.slice(11) : undefined,
  }
}

type Context = ReturnType<typeof runContext>

async function locate(inputs: Inputs, ctx: Context): Promise<Where> {
  if (!inputs.repository) {
    const dir = resolve(ctx.workspace, inputs.path)
    const needsGit = inputs.commit && inputs.commitMethod === 'git' && !inputs.dryRun
    return { dir: needsGit ? await checkoutRoot(dir) : dir, env: {}, slug: ctx.source || undefined }
  }
  if (inputs.commitMethod === 'api' && inputs.commit) {
    const slug = repositorySlug(inputs.repository)
    if (!slug) throw new UserError(`Input repository must be owner/name for commit-method api`)
    return { dir: undefined, env: {}, slug }
  }
  const clone = await core.group(`Clone ${inputs.repository}`, () =>
    cloneGitOpsRepo({
      repository: inputs.repository!,
      token: inputs.token,
      branch: inputs.branch,
      serverUrl: ctx.serverUrl,
      parent: ctx.temp,
    }),
  )
  return { dir: clone.dir, env: clone.env, slug: clone.slug }
}

function pullRequestBranch(template: string, environment: string, targets: BumpTarget[]): string {
  const services = [...new Set(targets.map((t) => t.service ?? t.path))].sort()
  let joined = services.join('+').replace(/[^A-Za-z0-9._+-]+/g, '-')
  // A glob's own characters do not survive in a branch name: a short hash
  // of the entries keeps `a/*/v.yaml`, `a/**/v.yaml` and `a/v.yaml` apart.
  if (services.some((s) => /[*?[\]{}!]/.test(s))) {
    joined = `${joined}-${sha256Hex(services.join('\n')).slice(0, 8)}`
  }
  if (joined.length > 60) {
    joined = `${services.length}-services-${sha256Hex(services.join('\n')).slice(0, 10)}`
  }
  const branch = template
    .replace(/\{(env|environment)\}/g, environment || 'all')
    .replace(/\{services\}/g, joined)
  if (!/^[A-Za-z0-9._+/-]+$/.test(branch) || branch.includes('..') || /^[/.]|[/.]$/.test(branch)) {
    throw new UserError(
      `Input pull-request-branch renders to "${branch}", which is not a branch name`,
    )
  }
  return branch
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}

async function writeReport(
  inputs: Inputs,
  results: FileResult[],
  outcome: { changed: boolean; commit?: string; pr?: { number: number; url: string } },
): Promise<void> {
  const changes = results.flatMap((r) => r.changes)
  const diff = results.map((r) => unifiedDiff(r.path, r.before, r.after)).join('')
  core.setOutput('changed', String(outcome.changed))
  core.setOutput('commit', outcome.commit ?? '')
  core.setOutput('files', results.map((r) => r.path).join('\n'))
  core.setOutput('diff', diff)
  core.setOutput('changes', JSON.stringify(changes))
  if (outcome.pr) {
    core.setOutput('pull-request-number', String(outcome.pr.number))
    core.setOutput('pull-request-url', outcome.pr.url)
  }
  if (diff) await core.group('Diff', async () => core.info(diff))

  const summary = core.summary.addHeading('bump-helm-values', 2)
  const what = inputs.dryRun
    ? 'Dry run: nothing was written, committed or pushed.'
    : !outcome.changed
      ? 'Nothing to change: every value is already set.'
      : outcome.pr
        ? `Pull request <a href="${outcome.pr.url}">#${outcome.pr.number}</a> (commit <code>${outcome.commit}</code>).`
        : outcome.commit
          ? `Commit <code>${outcome.commit}</code>.`
          : 'Files edited in the checkout (not committed).'
  summary.addRaw(`<p>${what}</p>`, true)
  if (changes.length > 0) {
    summary.addTable([
      [
        { data: 'file', header: true },
        { data: 'key', header: true },
        { data: 'old', header: true },
        { data: 'new', header: true },
      ],
      ...changes.map((c) => [
        `<code>${escapeCell(c.file)}</code>`,
        `<code>${escapeCell(c.key)}</code>`,
        c.old === undefined ? '(new key)' : `<code>${escapeCell(c.old)}</code>`,
        `<code>${escapeCell(c.new)}</code>`,
      ]),
    ])
    summary.addDetails('Diff', `\n\n\`\`\`diff\n${diff}\`\`\`\n`)
  }
  await summary.write()
}

export async function run(): Promise<void> {
  const inputs = getInputs()
  const ctx = runContext(inputs)
  const where = await locate(inputs, ctx)
  if (inputs.mode === 'pull-request' && !inputs.push && inputs.commitMethod === 'git') {
    throw new UserError('mode: pull-request needs push: true')
  }

  const targetsFor = (files: string[]) =>
    resolveTargets({
      files,
      fileTemplate: inputs.fileTemplate,
      services: inputs.services,
      environment: inputs.environment,
      value: inputs.value,
      images: inputs.images,
    })
  // Checked now, as given (the pull request branch is named by them, globs
  // and all, so the same inputs always name the same branch); each attempt
  // matches `files` globs at the commit it edits.
  const targets = targetsFor(inputs.files.map((entry) => normalizeRepoPath(entry, 'files')))
  const settings = {
    keys: inputs.keys,
    digestKey: inputs.digestKey,
    create: inputs.create,
    imageName: inputs.imageName,
  }

  let results: FileResult[] = []
  let resultTargets = targets
  const prepare: PrepareCommit = async (read, attempt) => {
    // Every reader lists its files (the commit's tree, or the checkout's).
    const current = read.files ? targetsFor(await expandFiles(inputs.files, read.files)) : targets
    const next: FileResult[] = []
    for (const [path, group] of groupByFile(current)) {
      const text = await read(path)
      if (text === undefined) {
        const services = group.map((t) => t.service).filter(Boolean)
        throw new UserError(
          `${path}: file not found${services.length ? ` (service ${services.join(', ')})` : ''}; nothing was changed`,
          { file: path },
        )
      }
      const result = bumpFile(path, text, group, settings)
      if (result.after !== result.before) next.push(result)
    }
    results = next
    resultTargets = current
    if (attempt > 1)
      core.info(`Attempt ${attempt}: recomputed ${next.length} file(s) at the new tip.`)
    if (next.length === 0) return undefined
    const plan: CommitPlan = {
      files: next.map((r) => ({ path: r.path, content: r.after })),
      message: bumpMessage({
        template: inputs.commitMessage,
        environment: inputs.environment,
        keys: inputs.keys,
        targets: current,
        results: next,
        trailers: ctx.trailers,
      }),
    }
    for (const r of next) {
      for (const c of r.changes) core.info(`${r.path}: ${c.key} ${c.old ?? '(new)'} -> ${c.new}`)
    }
    return plan
  }

  let client: Promise<GitHubClient> | undefined
  const github = async (): Promise<{ client: GitHubClient; owner: string; repo: string }> => {
    if (!inputs.token) throw new UserError('Input token is required for the GitHub API')
    if (!where.slug) throw new UserError('Cannot tell the GitHub repository (owner/name) to use')
    const { owner, repo } = parseRepository(where.slug)
    client ??= createGitHubClient({ token: inputs.token, log: core.info })
    return { client: await client, owner, repo }
  }

  // A dry run, like a run without commit, reads the checkout as it is: it
  // needs a branch only when it reads through the API instead.
  let branch = inputs.branch
  if (!branch && where.dir && inputs.commit && !inputs.dryRun) {
    branch = (await checkedOutBranch(where.dir, where.env)) ?? ctx.refBranch
  }
  if (!branch && inputs.commit && inputs.commitMethod === 'api') {
    branch = inputs.repository ? await defaultBranch(await github()) : ctx.refBranch
  }
  if (!branch && inputs.commit && !inputs.dryRun) {
    throw new UserError('Input branch is required: the checkout is not on a branch')
  }

  if (inputs.dryRun || !inputs.commit) {
    const read: ReadFile =
      where.dir !== undefined
        ? workTreeReader(where.dir)
        : apiReaderAt({ ...(await github()), branch: branch! })
    const plan = await prepare(read, 1)
    if (plan && !inputs.dryRun) writeWorkTreeFiles(where.dir!, plan.files)
    await writeReport(inputs, results, { changed: plan !== undefined })
    return
  }

  const pr = inputs.mode === 'pull-request'
  const target = pr
    ? pullRequestBranch(inputs.pullRequestBranch, inputs.environment, targets)
    : branch!
  const common = {
    branch: target,
    base: pr ? branch : undefined,
    maxAttempts: inputs.maxAttempts,
    prepare,
    log: (line: string) => core.info(line),
  }
  let result: CommitResult
  if (inputs.commitMethod === 'api') {
    const api = await github()
    result = await withApiHint(
      `Committing to ${api.owner}/${api.repo}@${target} through the GitHub API`,
      'The token needs contents: write there.',
      () => commitViaApi({ ...api, ...common }),
    )
  } else {
    result = await commitAndPush({
      ...common,
      dir: where.dir!,
      env: where.env,
      author: inputs.author,
      push: inputs.push,
      force: pr,
    })
  }
  if (!result.changed) results = []
  const undoCommit = async (commit: string, replaced: NonNullable<CommitResult['replaced']>) => {
    if (inputs.commitMethod === 'api') {
      const { client, owner, repo } = await github()
      await undoReplacedBranchViaApi({ client, owner, repo }, commit, replaced, core.info)
    } else {
      const done = await undoReplacedBranch({ dir: where.dir!, env: where.env }, commit, replaced)
      core.info(`The pull request failed: ${done}`)
    }
  }

  let pullRequest: { number: number; url: string } | undefined
  if (pr && result.changed) {
    const message = bumpMessage({
      template: inputs.commitMessage,
      environment: inputs.environment,
      keys: inputs.keys,
      targets: resultTargets,
      results,
      trailers: [],
    })
    const [title = '', ...body] = message.trim().split('\n')
    try {
      const api = await github()
      pullRequest = await withApiHint(
        `Opening or updating the pull request from ${target} into ${branch} in ${api.owner}/${api.repo}`,
        'The token needs pull-requests: write there, and the repository must allow GitHub Actions to create pull requests (Settings > Actions > General).',
        () =>
          ensurePullRequest({
            ...api,
            head: target,
            base: branch!,
            title,
            body: `${body.join('\n').trim()}\n\n\`\`\`diff\n${results.map((r) => unifiedDiff(r.path, r.before, r.after)).join('')}\`\`\`\n`,
            log: core.info,
          }),
      )
    } catch (error) {
      // No pull request, no commit: the branch goes back where it was.
      if (result.commit && result.replaced) await undoCommit(result.commit, result.replaced)
      throw error
    }
  }
  await writeReport(inputs, results, {
    changed: result.changed,
    commit: result.commit,
    pr: pullRequest,
  })
}
