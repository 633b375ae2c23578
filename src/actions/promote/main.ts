import type { PrepareCommit } from '../../core/commit-plan'
import { isUserError, UserError } from '../../core/errors'
import {
  type Approval,
  approvalsFor,
  blockingGates,
  evaluateGates,
  type GatePolicy,
  type GateResult,
} from '../../core/gates'
import { isRepositorySlug } from '../../core/git-names'
import { planDigest } from '../../core/plan-digest'
import { isProduction, type PromotionPlan } from '../../core/promotion-plan'
import { deploymentDescription, deploymentPayload, planJson } from '../../core/promotion-report'
import { gateLogLines, type Outcome, renderPromotionSummary } from '../../core/promotion-summary'
import { unifiedDiff } from '../../core/unified-diff'
import { hasCommit } from '../../io/git'
import { createGitHubClient, type GitHubClient, parseRepository } from '../../io/github'
import { listRunApprovals } from '../../io/github-approvals'
import { commitViaApi } from '../../io/github-commit'
import { recordDeployment } from '../../io/github-deployments'
import { apiUserError, withApiHint } from '../../io/github-errors'
import { type CommitResult, commitAndPush, syncCheckout } from '../../io/gitops-commit'
import { ensureFullHistory } from '../../io/gitops-history'
import { editsOf, sealedPrepare } from '../../io/promotion-commit'
import { attachChecks, attachDeploymentSoak } from '../../io/promotion-evidence'
import { type PlanRequest, readerAt, readPlan } from '../../io/promotion-reader'
import * as core from '../../io/runner'
import { ensureCommit, type GitOpsCheckout, openGitOpsCheckout, tipOf } from './checkout'
import { getInputs, type Inputs, now } from './inputs'

interface Run {
  inputs: Inputs
  now: Date
  checkout: GitOpsCheckout
  request: PlanRequest
  serverUrl: string
  runUrl: string | undefined
  api: () => Promise<GitHubClient>
}

export async function run(): Promise<void> {
  const inputs = getInputs()
  const clock = now()
  const checkout = await openGitOpsCheckout(inputs)
  const serverUrl = process.env.GITHUB_SERVER_URL || 'https://github.com'
  let client: Promise<GitHubClient> | undefined
  const r: Run = {
    inputs,
    now: clock,
    checkout,
    serverUrl,
    runUrl: runUrl(serverUrl),
    request: {
      dir: checkout.dir,
      env: checkout.env,
      mode: inputs.mode === 'rollback' ? 'rollback' : 'promote',
      from: inputs.from,
      to: inputs.to,
      services: inputs.services,
      fileTemplate: inputs.fileTemplate,
      key: inputs.key,
      alsoSet: inputs.alsoSet,
      toValue: inputs.toValue,
    },
    // Created, and octokit loaded, on first use: a plan without checks or
    // deployments makes no request.
    api: () => {
      client ??= createGitHubClient({
        token: inputs.token ?? '',
        log: (message) => core.info(message),
      })
      return client
    },
  }
  try {
    await promote(r)
  } finally {
    await checkout.cleanup()
  }
}

async function promote(r: Run): Promise<void> {
  const { inputs } = r
  const writes = inputs.mode !== 'plan' && !inputs.dryRun
  const tip = await core.group('Read the GitOps repository', async () => {
    const { dir, remote, env, opened } = r.checkout
    if (await ensureFullHistory(dir, remote, env, opened?.shallow)) {
      core.info('The checkout was shallow; fetched its full history (soak and rollback read it).')
    }
    const tip = await tipOf(r.checkout, writes && inputs.push)
    core.info(`${r.checkout.branch} is at ${tip}`)
    return tip
  })
  const { plan, diff } = await core.group('Plan', () => planAt(r, tip))
  const digest = planDigest(plan)
  core.setOutput('plan-digest', digest)
  core.setOutput('diff', diff)
  core.setOutput('changed', String(plan.changes.length > 0 && !writes))
  core.setOutput('commit', '')
  core.setOutput('deployment-id', '')
  core.setOutput('approved-by', '')
  let gates: GateResult[] = []
  const report = async (outcome: Outcome) => {
    core.setOutput('plan', JSON.stringify(planJson(plan, digest, gates, r.serverUrl)))
    const view = {
      plan,
      digest,
      gates,
      now: r.now,
      serverUrl: r.serverUrl,
      requiredChecks: inputs.requiredChecks,
      minSoakMs: inputs.minSoakMs,
      diff,
      outcome,
    }
    await core.summary.addRaw(renderPromotionSummary(view)).write()
  }

  // The sealed plan: what reviewers approved is exactly what is applied.
  // Checked before any gate, so a stale approval costs no API request.
  if (writes && inputs.planDigest && inputs.planDigest !== digest) {
    const moved = plan.mode === 'rollback' ? plan.to : `${plan.from} or ${plan.to}`
    const reason = `the plan is not the one approved: its digest is now ${digest}, the approved one ${inputs.planDigest}. ${moved} moved since the plan was made; plan again and have it approved again.`
    await report({ kind: 'refused', reason })
    throw new UserError(`Refused: ${reason} Nothing was written.`)
  }
  if (writes && plan.changes.length === 0) {
    core.setOutput('changed', 'false')
    await report({ kind: 'applied', commit: undefined, deployments: 0 })
    return
  }

  const evaluated = await core.group('Gates', () => evaluate(r, plan, writes))
  gates = evaluated.gates
  const approvers = approvalsFor(evaluated.approvals ?? [], inputs.githubEnvironment)
  core.setOutput('approved-by', approvers.map((a) => a.login).join(', '))
  const blocking = blockingGates(gates, writes)
  if (!writes) {
    await report({ kind: 'planned', blocked: blocking.map((g) => g.gate) })
    if (blocking.length > 0) throw new UserError(refusal(blocking, false))
    return
  }
  if (blocking.length > 0) {
    await report({ kind: 'refused', reason: refusal(blocking, true) })
    throw new UserError(refusal(blocking, true))
  }

  const prepare = sealedPrepare({
    request: r.request,
    sealed: { plan, digest, tip },
    message: {
      template: inputs.commitMessage,
      approvals: approvers,
      environment: inputs.githubEnvironment,
      // Recorded only when it did override a freeze.
      overrideFreeze: gates.some((g) => g.status === 'overridden')
        ? inputs.overrideFreeze
        : undefined,
      runUrl: r.runUrl,
      serverUrl: r.serverUrl,
    },
    log: (line) => core.info(line),
  })
  const result = await commit(r, prepare).catch(async (error: unknown) => {
    // The branch moved to a plan no one approved, or kept moving: nothing written.
    if (isUserError(error)) await report({ kind: 'refused', reason: error.message })
    throw error
  })
  core.setOutput('changed', String(result.changed))
  core.setOutput('commit', result.commit ?? '')

  let recorded: { ids: number[]; failures: string[] } = { ids: [], failures: [] }
  if (result.commit && inputs.push && inputs.deployments) {
    // Only after the push landed: a failed push leaves no deployment behind.
    const logins = approvers.map((a) => a.login)
    recorded = await core.group('Record deployments', () =>
      recordDeployments(r, plan, digest, result.commit!, logins),
    )
    core.setOutput('deployment-id', recorded.ids.join(','))
  }
  await report({ kind: 'applied', commit: result.commit, deployments: recorded.ids.length })
  if (recorded.failures.length > 0) {
    throw new UserError(
      `Promoted in commit ${result.commit}, but recording ${recorded.failures.length} deployment(s) failed; the promotion stands:\n${recorded.failures.join('\n')}`,
    )
  }
}

/**
 * One commit for the sealed plan: pushed from the checkout (git), or made
 * on GitHub through createCommitOnBranch (api). Either way `prepare` runs at
 * every new head, so the sealed-plan check holds at each attempt.
 */
async function commit(r: Run, prepare: PrepareCommit): Promise<CommitResult> {
  const { inputs, checkout } = r
  const log = (line: string) => core.info(line)
  if (inputs.commitMethod === 'git') {
    return core.group('Commit and push', () =>
      commitAndPush({
        dir: checkout.dir,
        branch: checkout.branch,
        remote: checkout.remote,
        env: checkout.env,
        author: inputs.author,
        push: inputs.push,
        maxAttempts: inputs.maxAttempts,
        log,
        prepare,
      }),
    )
  }
  const slug = apiRepository(inputs)
  const { owner, repo } = parseRepository(slug, 'The GitOps repository')
  const result = await core.group(`Commit to ${slug} through the GitHub API`, () =>
    withApiHint(
      `Committing to ${slug}@${checkout.branch}`,
      'The token needs contents: write there.',
      async () =>
        commitViaApi({
          client: await r.api(),
          owner,
          repo,
          branch: checkout.branch,
          maxAttempts: inputs.maxAttempts,
          log,
          // The files come from the API at GitHub's head; a re-plan there
          // reads that head's history from the checkout, so fetch it first.
          prepare: async (read, attempt, head) => {
            if (head) await ensureCommit(checkout, head, slug)
            return prepare(read, attempt, head)
          },
        }),
    ),
  )
  // Later steps of the job see the promotion, as after a push: fetched, and
  // the checkout fast-forwarded to it, even when the branch has moved on
  // since (a fetch that fails costs only that).
  if (result.commit) {
    const fetched = await tipOf(checkout, true).catch(() => undefined)
    const where = { cwd: checkout.dir, env: checkout.env }
    if (fetched && (await hasCommit(result.commit, where))) {
      await syncCheckout(
        { dir: checkout.dir, branch: checkout.branch, log },
        checkout.env,
        result.commit,
      )
    }
  }
  return result
}

/** owner/name that commit-method api commits to: repository, else GITHUB_REPOSITORY. */
function apiRepository(inputs: Inputs): string {
  const slug = gitopsRepository(inputs)
  if (slug) return slug
  throw new UserError(
    inputs.repository
      ? `Input repository must be owner/name or a GitHub URL for commit-method api, got "${inputs.repository}"`
      : 'GITHUB_REPOSITORY is not set: commit-method api needs the GitOps repository (set repository)',
  )
}

/** The plan at `tip`, and the diff apply would commit. */
async function planAt(r: Run, tip: string): Promise<{ plan: PromotionPlan; diff: string }> {
  const reader = readerAt(r.checkout.dir, tip, r.checkout.env)
  try {
    const plan = await readPlan(r.request, tip, reader.read, reader.blobs)
    const edits = await editsOf(plan, reader.read)
    for (const c of plan.changes) {
      core.info(`${c.service}: ${c.current ?? '(missing)'} -> ${c.target} (${c.file})`)
    }
    if (plan.unchanged.length > 0) core.info(`unchanged: ${plan.unchanged.join(', ')}`)
    return { plan, diff: edits.map((e) => unifiedDiff(e.path, e.before, e.after)).join('') }
  } finally {
    reader.close()
  }
}

/** The evidence from GitHub, the run's approvals (when applying), and every gate's verdict. */
async function evaluate(r: Run, plan: PromotionPlan, writes: boolean) {
  await gatherEvidence(r, plan)
  const approvals =
    r.inputs.requireApproval && writes
      ? (localApprovals(r.inputs.githubEnvironment) ??
        (await withApiHint(
          "Reading this run's approvals",
          'The job needs permissions: actions: read.',
          async () => listRunApprovals(await r.api(), currentRun()),
        )))
      : undefined
  const gates = evaluateGates({ plan, policy: policyOf(r.inputs), now: r.now, approvals })
  for (const line of gateLogLines(gates)) core.info(line)
  const overridden = gates.find((g) => g.status === 'overridden')
  if (overridden) core.warning(`freeze: ${overridden.reason}`)
  return { approvals, gates }
}

function policyOf(inputs: Inputs): GatePolicy {
  return {
    stages: inputs.stages,
    minSoakMs: inputs.minSoakMs,
    minSoakText: inputs.minSoakText,
    soakSource: inputs.soakSource,
    requiredChecks: inputs.requiredChecks,
    freeze: inputs.freeze,
    overrideFreeze: inputs.overrideFreeze,
    requireApproval: inputs.requireApproval,
    githubEnvironment: inputs.githubEnvironment,
  }
}

async function gatherEvidence(r: Run, plan: PromotionPlan): Promise<void> {
  if (plan.mode !== 'promote' || plan.changes.length === 0) return
  const warn = (message: string) => core.warning(message)
  if (r.inputs.requiredChecks.length > 0) {
    await withApiHint(
      'Reading the checks of the source commits',
      'The token needs checks: read and statuses: read on the source repositories.',
      async () => attachChecks(await r.api(), plan, warn),
    )
  }
  if (r.inputs.soakSource === 'deployments') {
    const fallback = gitopsRepository(r.inputs) ?? currentRepository()
    await withApiHint(
      `Reading the deployments to ${plan.from}`,
      'The token needs deployments: read on the source repositories.',
      async () => attachDeploymentSoak(await r.api(), plan, fallback, warn),
    )
  }
}

function refusal(blocking: GateResult[], applying: boolean): string {
  const lines = blocking.map((g) =>
    [`${g.gate}: ${g.reason}`, ...g.details.map((d) => `  - ${d}`)].join('\n'),
  )
  return `${applying ? 'Refused' : 'The plan fails its gates'}: nothing was written.\n${lines.join('\n')}`
}

async function recordDeployments(
  r: Run,
  plan: PromotionPlan,
  digest: string,
  commit: string,
  approvers: string[],
): Promise<{ ids: number[]; failures: string[] }> {
  const gitops = gitopsRepository(r.inputs)
  const ids: number[] = []
  const failures: string[] = []
  for (const c of plan.changes) {
    // The deployment belongs to the source repository at the commit the image
    // was built from; without a recorded source, to the GitOps commit.
    const where = c.source?.repository ?? gitops
    if (!where) {
      core.warning(
        `${c.service}: no Source-Repository recorded and the GitOps repository is not on GitHub; no deployment recorded`,
      )
      continue
    }
    const { owner, repo } = parseRepository(where, `${c.service}'s source repository`)
    let id: number
    try {
      id = await recordDeployment(
        await r.api(),
        {
          owner,
          repo,
          ref: c.source?.commit ?? commit,
          environment: r.inputs.githubEnvironment,
          description: deploymentDescription(plan, c),
          productionEnvironment: isProduction(plan.to) || isProduction(r.inputs.githubEnvironment),
          payload: deploymentPayload(plan, c, {
            serverUrl: r.serverUrl,
            gitopsRepository: gitops,
            gitopsCommit: commit,
            digest,
            approvers,
            runUrl: r.runUrl,
          }),
        },
        {
          logUrl: r.runUrl,
          environmentUrl: r.inputs.environmentUrl
            ?.replaceAll('{service}', c.service)
            .replaceAll('{env}', plan.to),
        },
      )
    } catch (error) {
      const refused = apiUserError(
        error,
        `${c.service}: deployment to ${r.inputs.githubEnvironment} in ${owner}/${repo}`,
        'The token needs deployments: write there.',
      )
      if (!isUserError(refused)) throw refused
      core.info(refused.message)
      failures.push(refused.message)
      continue
    }
    core.info(
      `${c.service}: deployment ${id} to ${r.inputs.githubEnvironment} (${owner}/${repo}@${c.source?.commit ?? commit})`,
    )
    ids.push(id)
  }
  return { ids, failures }
}

/**
 * Outside a workflow run (the CLI) there are no run approvals to read: the
 * person at the terminal names who approved (`--approved-by`), and it is
 * recorded like any approval; without one, no one approved. Inside GitHub
 * Actions only the environment's reviewers count, read from the run.
 */
function localApprovals(environment: string): Approval[] | undefined {
  if (process.env.GITHUB_ACTIONS === 'true') return undefined
  const approver = process.env.MINISHOP_LOCAL_APPROVED_BY?.trim()
  if (!approver) return []
  return [
    {
      login: approver,
      state: 'approved',
      comment: 'approved on the command line',
      environments: [environment],
    },
  ]
}

function currentRepository(): string {
  const value = process.env.GITHUB_REPOSITORY
  if (!value) throw new UserError('GITHUB_REPOSITORY is not set: run this action in a workflow')
  return value
}

function currentRun(): { owner: string; repo: string; runId: number } {
  const { owner, repo } = parseRepository(currentRepository(), 'GITHUB_REPOSITORY')
  const runId = Number(process.env.GITHUB_RUN_ID)
  if (!Number.isInteger(runId) || runId <= 0) {
    throw new UserError('GITHUB_RUN_ID is not set: approvals are read from the workflow run')
  }
  return { owner, repo, runId }
}

function runUrl(serverUrl: string): string | undefined {
  const { GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: id, GITHUB_RUN_ATTEMPT: attempt } = process.env
  if (!repo || !id) return undefined
  return `${serverUrl.replace(/\/+$/, '')}/${repo}/actions/runs/${id}${attempt && attempt !== '1' ? `/attempts/${attempt}` : ''}`
}

/** owner/name of the GitOps repository on GitHub, when it is there. */
function gitopsRepository(inputs: Inputs): string | undefined {
  const value = inputs.repository
  if (!value) return process.env.GITHUB_REPOSITORY || undefined
  if (isRepositorySlug(value)) return value
  const url = /^https?:\/\/[^/]+\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(value)
  return url ? `${url[1]}/${url[2]}` : undefined
}
