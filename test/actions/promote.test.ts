import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { cloneOf, commitFiles, git, recordingGit, tempDir } from '../harness/git-fixtures'
import { type RunResult, runAction } from '../harness/run-action'
import { type FakeGitHubGit, startFakeGitHubGit } from './fake-github-git'
import {
  approval,
  type Check,
  day,
  type GitHubWorld,
  type GitOps,
  makeGitOps,
  SERVICES,
  sha,
  stageManyServices,
  startGitHub,
  valuesFile,
  valuesPath,
} from './promote.fixtures'

// Every test runs dist/promote/index.js as the runner would, against a real
// GitOps repository (bare remote + clone) and a local GitHub API stand-in.

let world: GitHubWorld
afterEach(async () => {
  await world?.close()
})

async function setup(services = SERVICES, seed = true): Promise<GitOps> {
  world = await startGitHub()
  return makeGitOps(services, seed)
}

function promote(
  g: GitOps,
  inputs: Record<string, string | undefined>,
  options: { now?: Date; workspace?: string; env?: Record<string, string> } = {},
): Promise<RunResult> {
  return runAction('promote', {
    inputs: { token: 'test-token', ...inputs },
    workspace: options.workspace ?? g.clone,
    env: {
      GITHUB_API_URL: world.api.url,
      GITHUB_REPOSITORY: 'minishop/gitops',
      MINISHOP_NOW: (options.now ?? day(8)).toISOString(),
      ...options.env,
    },
  })
}

function failure(result: RunResult): string {
  return result.annotations
    .filter((a) => a.level === 'error')
    .map((a) => a.message)
    .join('\n')
}

/** Asserts the run wrote nothing: remote branch, clone and deployments as before. */
function expectNothingWritten(g: GitOps, head: string) {
  expect(g.head()).toBe(head)
  expect(git(g.clone, 'status', '--porcelain')).toBe('')
  expect(git(g.clone, 'rev-parse', 'HEAD')).toBe(head)
  expect(world.deployments).toEqual([])
}

/** The commit message of the seeded promotion of order-service and user-service 1.1.0 to prod, approved by alice. */
function promotionMessage(digest: string, comment: string): string {
  return [
    'Promote to prod: order-service 1.1.0, user-service 1.1.0',
    '',
    'Promoted from staging to prod:',
    `- order-service: 1.0.0 -> 1.1.0 (${valuesPath('order-service', 'prod')})`,
    `- user-service: 1.0.0 -> 1.1.0 (${valuesPath('user-service', 'prod')})`,
    '',
    'Promotion-Mode: promote',
    'Promoted-From: staging',
    `Plan-Digest: ${digest}`,
    `Service-Source: order-service minishop/shop@${sha('build-1.1.0')}`,
    `Service-Source: user-service minishop/shop@${sha('build-1.1.0')}`,
    'Source-Repository: minishop/shop',
    `Source-Commit: ${sha('build-1.1.0')}`,
    'Approved-by: alice <5001+alice@users.noreply.github.com>',
    `Approval-Comment: alice: ${comment}`,
    'Run-URL: https://github.com/minishop/gitops/actions/runs/4242',
  ].join('\n')
}

const STAGING_TO_PROD = { from: 'staging', to: 'prod' }

async function planDigest(g: GitOps, inputs: Record<string, string> = {}): Promise<string> {
  const plan = await promote(g, { mode: 'plan', ...STAGING_TO_PROD, ...inputs })
  expect(plan.exitCode, plan.stdout).toBe(0)
  return plan.outputs['plan-digest']!
}

describe('promote: plan', () => {
  it('shows reviewers the candidates, the exact diff, the gates and the digest; writes nothing', async () => {
    const g = await setup()
    const head = g.head()
    world.checks.set(sha('build-1.1.0'), [
      { name: 'ci', state: 'success' },
      { name: 'e2e', state: 'success', kind: 'status' },
    ])
    const result = await promote(g, {
      mode: 'plan',
      ...STAGING_TO_PROD,
      'min-soak': '24h',
      'required-checks': 'ci, e2e',
    })
    expect(result.exitCode, result.stdout).toBe(0)
    const plan = JSON.parse(result.outputs.plan!)
    expect(plan).toMatchObject({
      mode: 'promote',
      from: 'staging',
      to: 'prod',
      key: 'image.tag',
      digest: result.outputs['plan-digest'],
      unchanged: ['notification-service', 'payment-service', 'product-service'],
    })
    expect(plan.changes).toHaveLength(2)
    expect(plan.changes[0]).toMatchObject({
      service: 'order-service',
      file: valuesPath('order-service', 'prod'),
      current: '1.0.0',
      target: '1.1.0',
      liveSince: day(6).toISOString(),
      source: { repository: 'minishop/shop', commit: sha('build-1.1.0') },
      compareUrl: `https://github.com/minishop/shop/commit/${sha('build-1.1.0')}`,
    })
    expect(
      plan.gates.map((g: { gate: string; status: string }) => `${g.gate}:${g.status}`),
    ).toEqual(['stage:pass', 'soak:pass', 'checks:pass', 'freeze:skipped', 'approval:pending'])
    expect(result.outputs['plan-digest']).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(result.outputs.changed).toBe('true')
    expect(result.outputs.commit).toBe('')
    expect(result.outputs.diff).toContain(
      `--- a/${valuesPath('user-service', 'prod')}\n+++ b/${valuesPath('user-service', 'prod')}`,
    )
    expect(result.outputs.diff).toContain(
      '-  tag: "1.0.0"  # set by the pipeline\n+  tag: "1.1.0"  # set by the pipeline',
    )

    const summary = result.summary
    expect(summary).toContain('## Promotion staging → prod')
    expect(summary).toContain('Plan only: nothing was written.')
    expect(summary).toContain(
      '| service | now in prod | candidate | live in staging | checks | source changes |',
    )
    expect(summary).toContain(
      `| user-service | \`1.0.0\` | \`1.1.0\` | 2d (since 2025-06-06 09:00 UTC) | ✅ 2/2 | [${sha('build-1.1.0').slice(0, 7)}](https://github.com/minishop/shop/commit/${sha('build-1.1.0')}) |`,
    )
    expect(summary).toContain(
      'Already in prod, not changed: notification-service, payment-service, product-service.',
    )
    expect(summary).toContain(
      '| approval | ⏳ pending | Apply needs a reviewer of the prod environment to approve the run. |',
    )
    expect(summary).toContain('### The exact diff apply will commit')
    expect(summary).toContain('```diff\n--- a/infra/helm-charts/order-service/values-prod.yaml')
    expect(summary).toContain(`- Plan digest: \`${result.outputs['plan-digest']}\``)

    expectNothingWritten(g, head)
    // Checks of both candidates (one source commit) in one request.
    expect(world.calls()).toEqual(['POST /graphql PromoteChecks'])
  })

  it('makes no API request when no gate needs GitHub, and is stable run to run', async () => {
    const g = await setup()
    const first = await promote(g, { mode: 'plan', ...STAGING_TO_PROD })
    const second = await promote(g, { mode: 'plan', ...STAGING_TO_PROD })
    expect(second.outputs['plan-digest']).toBe(first.outputs['plan-digest'])
    expect(world.calls()).toEqual([])
  })

  it('says there is nothing to promote when to already runs what from runs', async () => {
    const g = await setup()
    const result = await promote(g, { mode: 'plan', from: 'dev', to: 'staging' })
    expect(result.exitCode, result.stdout).toBe(0)
    expect(result.outputs.changed).toBe('false')
    expect(result.summary).toContain('Nothing to promote: staging already runs these values.')
  })
})

describe('promote: the commit a plan reads', () => {
  it('a detached checkout (a pull request, a tag) plans on the remote default branch', async () => {
    const g = await setup()
    const onBranch = await promote(g, { mode: 'plan', ...STAGING_TO_PROD })
    git(g.clone, 'checkout', '-q', '--detach', 'HEAD~1')
    const detached = await promote(g, { mode: 'plan', ...STAGING_TO_PROD })
    expect(detached.exitCode, detached.stdout).toBe(0)
    expect(detached.stdout).toContain(`main is at ${g.head()}`)
    expect(detached.outputs['plan-digest']).toBe(onBranch.outputs['plan-digest'])
  })

  it('a plain clone is read from its files: git runs only for the history and the files', async () => {
    const g = await setup()
    const recorder = recordingGit()
    const result = await promote(g, { mode: 'plan', ...STAGING_TO_PROD }, { env: recorder.env })
    expect(result.exitCode, result.stdout).toBe(0)
    expect(result.stdout).toContain(`main is at ${g.head()}`)
    expect(recorder.commands()).toEqual(['cat-file', 'log'])

    // Packed refs only: the same commit, read from packed-refs.
    git(g.clone, 'pack-refs', '--all', '--prune')
    const packed = await promote(g, { mode: 'plan', ...STAGING_TO_PROD })
    expect(packed.stdout).toContain(`main is at ${g.head()}`)
    expect(packed.outputs['plan-digest']).toBe(result.outputs['plan-digest'])

    // A checkout the files do not settle (path below the root) asks git.
    const below = recordingGit()
    const fromBelow = await promote(
      g,
      { mode: 'plan', ...STAGING_TO_PROD, path: 'infra' },
      { env: below.env },
    )
    expect(fromBelow.outputs['plan-digest']).toBe(result.outputs['plan-digest'])
    expect(below.commands()).toContain('rev-parse')
  })

  it('branch names a branch the checkout has only as a remote-tracking one', async () => {
    const g = await setup()
    const other = cloneOf(g.bare)
    git(other, 'checkout', '-q', '-b', 'release', 'HEAD~2')
    git(other, 'push', '-q', 'origin', 'release')
    git(g.clone, 'fetch', '-q', 'origin')
    const result = await promote(g, { mode: 'plan', ...STAGING_TO_PROD, branch: 'release' })
    expect(result.exitCode, result.stdout).toBe(0)
    expect(result.stdout).toContain(`release is at ${git(g.bare, 'rev-parse', 'release')}`)
    // Before the staging deploy: nothing to promote there.
    expect(result.outputs.changed).toBe('false')
  })

  it('a workspace that is not a checkout: one clear error', async () => {
    const g = await setup()
    const result = await promote(g, { mode: 'plan', ...STAGING_TO_PROD }, { workspace: tempDir() })
    expect(result.exitCode).toBe(1)
    expect(failure(result)).toMatch(/is not a git checkout: run actions\/checkout first/)
  })
})

describe('promote: gates refuse, writing nothing', () => {
  it('stage: skipping staging', async () => {
    const g = await setup()
    const head = g.head()
    const result = await promote(g, { mode: 'plan', from: 'dev', to: 'prod' })
    expect(result.exitCode).toBe(1)
    expect(failure(result)).toContain(
      'stage: dev → prod skips staging (dev → staging → prod): promote to staging first.',
    )
    expect(result.summary).toContain('| stage | ❌ fail |')
    expectNothingWritten(g, head)
  })

  it('stage: a to-value that from does not run', async () => {
    const g = await setup()
    const head = g.head()
    const result = await promote(g, {
      mode: 'apply',
      ...STAGING_TO_PROD,
      services: 'user-service',
      'to-value': '1.2.0',
      'require-approval': 'false',
    })
    expect(result.exitCode).toBe(1)
    expect(failure(result)).toContain('user-service: 1.2.0 is not what staging runs now (1.1.0)')
    expectNothingWritten(g, head)
  })

  it('soak: the candidate has not been live in from long enough', async () => {
    const g = await setup()
    const head = g.head()
    const result = await promote(
      g,
      { mode: 'apply', ...STAGING_TO_PROD, 'min-soak': '24h', 'require-approval': 'false' },
      { now: day(6, 21) },
    )
    expect(result.exitCode).toBe(1)
    expect(failure(result)).toContain(
      'user-service: 1.1.0 has been live in staging for 12h (since 2025-06-06 09:00 UTC); it needs 24h, ready at 2025-06-07 09:00 UTC',
    )
    expect(result.summary).toContain('❌ Refused:')
    expectNothingWritten(g, head)
  })

  it('checks: a required check failing or missing on the source commit', async () => {
    const g = await setup()
    const head = g.head()
    world.checks.set(sha('build-1.1.0'), [{ name: 'ci', state: 'failure' }])
    const result = await promote(g, {
      mode: 'apply',
      ...STAGING_TO_PROD,
      'required-checks': 'ci\ne2e',
      'require-approval': 'false',
    })
    expect(result.exitCode).toBe(1)
    const message = failure(result)
    expect(message).toContain(
      `user-service: ci is failure on minishop/shop@${sha('build-1.1.0').slice(0, 7)}`,
    )
    expect(message).toContain(
      `user-service: e2e has not run on minishop/shop@${sha('build-1.1.0').slice(0, 7)}`,
    )
    expectNothingWritten(g, head)
  })

  it('checks: a workflow name (CI) is its newest run on the source commit, all its jobs', async () => {
    const g = await setup()
    const head = g.head()
    const inputs = {
      mode: 'plan',
      ...STAGING_TO_PROD,
      services: 'user-service',
      // What promote-production.yml requires: the service CI workflow.
      'required-checks': 'CI',
    }
    const short = sha('build-1.1.0').slice(0, 7)
    // Its jobs' check runs are named after the jobs, as GitHub names them.
    const jobs = (build: Check['state'], integration: Check['state']): Check[] => [
      { name: 'ci / build user-service', state: build, workflow: 'CI' },
      { name: 'integration / kind integration', state: integration, workflow: 'CI' },
      { name: 'lint', state: 'success', workflow: 'Lint' },
    ]
    const gate = async () => {
      const result = await promote(g, inputs)
      const plan = JSON.parse(result.outputs.plan!)
      const checks = plan.gates.find((x: { gate: string }) => x.gate === 'checks')
      // A plan whose gate fails says so, and fails its step.
      expect(result.exitCode, result.stdout).toBe(checks.status === 'pass' ? 0 : 1)
      return checks
    }
    world.checks.set(sha('build-1.1.0'), jobs('success', 'success'))
    expect(await gate()).toMatchObject({ status: 'pass' })
    world.checks.set(sha('build-1.1.0'), jobs('success', 'failure'))
    expect((await gate()).details).toEqual([
      `user-service: CI is failure on minishop/shop@${short}`,
    ])
    world.checks.set(sha('build-1.1.0'), jobs('success', 'pending'))
    expect((await gate()).details).toEqual([
      `user-service: CI is still running on minishop/shop@${short}`,
    ])
    // A job named like its workflow does not stand in for the whole run.
    world.checks.set(sha('build-1.1.0'), [
      { name: 'CI', state: 'success', workflow: 'CI' },
      { name: 'test', state: 'failure', workflow: 'CI' },
    ])
    expect((await gate()).details).toEqual([
      `user-service: CI is failure on minishop/shop@${short}`,
    ])
    // A token that cannot read workflow runs: said as a warning, and refused.
    world.checks.set(sha('build-1.1.0'), jobs('success', 'success'))
    world.hideWorkflowRuns = true
    const hidden = await promote(g, inputs)
    expect(hidden.exitCode).toBe(1)
    expect(hidden.annotations).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        message: 'GitHub API: Resource not accessible by integration',
      }),
    )
    expect(failure(hidden)).toContain(`user-service: CI has not run on minishop/shop@${short}`)
    world.hideWorkflowRuns = false
    // Another workflow's name is not this one's: Lint alone is not CI.
    world.checks.set(sha('build-1.1.0'), jobs('success', 'success').slice(2))
    expect((await gate()).details).toEqual([
      `user-service: CI has not run on minishop/shop@${short}`,
    ])
    expectNothingWritten(g, head)
  })

  it('freeze: inside a window; an override reason lets it through and is recorded', async () => {
    const g = await setup()
    const head = g.head()
    const inputs = {
      mode: 'apply',
      ...STAGING_TO_PROD,
      services: 'user-service',
      freeze: 'Fri 16:00-Mon 08:00 Europe/Berlin',
      'require-approval': 'false',
    }
    const saturday = day(14, 10)
    const frozen = await promote(g, inputs, { now: saturday })
    expect(frozen.exitCode).toBe(1)
    expect(failure(frozen)).toContain(
      'freeze: prod is frozen: Sat 2025-06-14 12:00 Europe/Berlin is inside "Fri 16:00-Mon 08:00 Europe/Berlin"',
    )
    expectNothingWritten(g, head)

    const overridden = await promote(
      g,
      { ...inputs, 'override-freeze': 'INC-42: fix checkout' },
      { now: saturday },
    )
    expect(overridden.exitCode, overridden.stdout).toBe(0)
    expect(
      overridden.annotations.filter((a) => a.level === 'warning').map((a) => a.message),
    ).toEqual([
      'freeze: prod is frozen: Sat 2025-06-14 12:00 Europe/Berlin is inside "Fri 16:00-Mon 08:00 Europe/Berlin"; overridden: "INC-42: fix checkout".',
    ])
    expect(
      git(g.bare, 'log', '-1', '--format=%(trailers:key=Freeze-Override,valueonly)', 'main').trim(),
    ).toBe('INC-42: fix checkout')
    expect(g.valueIn('user-service', 'prod')).toBe('1.1.0')
  })

  it('approval: refused when no one approved prod for this run', async () => {
    const g = await setup()
    const head = g.head()
    const digest = await planDigest(g)
    world.approvals = [
      approval('bob', ['staging'], 'staging only'),
      approval('eve', ['prod'], 'not now', 'rejected'),
    ]
    const result = await promote(g, { mode: 'apply', ...STAGING_TO_PROD, 'plan-digest': digest })
    expect(result.exitCode).toBe(1)
    expect(failure(result)).toContain(
      'approval: No one approved the prod environment for this run.',
    )
    expectNothingWritten(g, head)
    expect(world.calls()).toEqual(['GET /repos/minishop/gitops/actions/runs/4242/approvals'])
  })

  it('apply to prod without the plan digest is refused before anything is read', async () => {
    const g = await setup()
    const result = await promote(g, { mode: 'apply', ...STAGING_TO_PROD })
    expect(result.exitCode).toBe(1)
    expect(failure(result)).toMatch(
      /^Input plan-digest is required when approval is required \(to: prod\)/,
    )
  })
})

describe('promote: apply', () => {
  it('applies the approved plan in one commit with an audit trail, then one deployment per service', async () => {
    const g = await setup()
    const digest = await planDigest(g)
    const before = Number(git(g.bare, 'rev-list', '--count', 'main'))
    world.approvals = [approval('alice', ['prod'], 'LGTM, ship it')]
    const result = await promote(g, {
      mode: 'apply',
      ...STAGING_TO_PROD,
      'plan-digest': digest,
      'environment-url': 'https://{service}.minishop.example',
      // Outside any freeze window: not recorded.
      'override-freeze': 'just in case',
    })
    expect(result.exitCode, result.stdout + result.stderr).toBe(0)
    expect(result.outputs).toMatchObject({
      changed: 'true',
      commit: g.head(),
      'plan-digest': digest,
      'approved-by': 'alice',
      'deployment-id': '1000,1001',
    })
    expect(g.valueIn('user-service', 'prod')).toBe('1.1.0')
    expect(g.valueIn('order-service', 'prod')).toBe('1.1.0')
    expect(g.valueIn('product-service', 'prod')).toBe('1.0.0')
    // Only the value's bytes changed.
    expect(git(g.bare, 'show', `main:${valuesPath('user-service', 'prod')}`)).toBe(
      valuesFile('user-service', 'prod', '1.1.0').trimEnd(),
    )
    const message = git(g.bare, 'log', '-1', '--format=%B', 'main').trimEnd()
    expect(message).toBe(promotionMessage(digest, 'LGTM, ship it'))
    expect(Number(git(g.bare, 'rev-list', '--count', 'main'))).toBe(before + 1)

    expect(world.deployments).toHaveLength(2)
    const [order] = world.deployments
    expect(order).toMatchObject({
      owner: 'minishop',
      repo: 'shop',
      ref: sha('build-1.1.0'),
      environment: 'prod',
      payload: {
        service: 'order-service',
        value: '1.1.0',
        previous: '1.0.0',
        promotedFrom: 'staging',
        rollback: false,
        sourceCommit: sha('build-1.1.0'),
        gitopsCommit: g.head(),
        planDigest: digest,
        approvedBy: ['alice'],
      },
    })
    expect(order!.body).toMatchObject({
      required_contexts: [],
      auto_merge: false,
      production_environment: true,
    })
    expect(order!.statuses).toEqual([
      expect.objectContaining({
        state: 'success',
        auto_inactive: false,
        log_url: 'https://github.com/minishop/gitops/actions/runs/4242',
        environment_url: 'https://order-service.minishop.example',
      }),
    ])
    expect(result.summary).toContain(
      `✅ Applied in one commit \`${g.head()}\`, with 2 deployment record(s) for prod.`,
    )
    expect(result.summary).toContain('| approval | ✅ pass | Approved by alice. |')
    expect(world.calls()).toEqual([
      'GET /repos/minishop/gitops/actions/runs/4242/approvals',
      'POST /repos/minishop/shop/deployments',
      'POST /repos/minishop/shop/deployments/1000/statuses',
      'POST /repos/minishop/shop/deployments',
      'POST /repos/minishop/shop/deployments/1001/statuses',
    ])
  })

  it('retries a 5xx answer of the GitHub API', async () => {
    const g = await setup()
    world.failures.push({ path: /^POST .*\/deployments$/, status: 502 })
    const result = await promote(g, {
      mode: 'apply',
      ...STAGING_TO_PROD,
      services: 'user-service',
      'require-approval': 'false',
    })
    expect(result.exitCode, result.stdout).toBe(0)
    expect(world.deployments).toHaveLength(1)
    expect(world.calls()).toEqual([
      'POST /repos/minishop/shop/deployments',
      'POST /repos/minishop/shop/deployments',
      'POST /repos/minishop/shop/deployments/1000/statuses',
    ])
  })

  it('a deployment GitHub refuses after the push: the promotion stands, the failure is plain', async () => {
    const g = await setup()
    world.failures.push({ path: /^POST .*\/deployments$/, status: 403 })
    const result = await promote(g, {
      mode: 'apply',
      ...STAGING_TO_PROD,
      'require-approval': 'false',
    })
    expect(result.exitCode).toBe(1)
    expect(result.outputs.commit).toBe(g.head())
    expect(result.outputs['deployment-id']).toBe('1000')
    expect(g.valueIn('user-service', 'prod')).toBe('1.1.0')
    const message = failure(result)
    expect(message).toMatch(
      new RegExp(
        `^Promoted in commit ${g.head()}, but recording 1 deployment\\(s\\) failed; the promotion stands:`,
      ),
    )
    expect(message).toContain(
      'order-service: deployment to prod in minishop/shop: GitHub answered 403 (Server Error',
    )
    expect(message).toContain('The token needs deployments: write there.')
    expect(message).not.toContain('This is a bug')
  })

  it("names the missing permission when the run's approvals cannot be read", async () => {
    const g = await setup()
    const head = g.head()
    const digest = await planDigest(g)
    world.failures.push({ path: /approvals$/, status: 403 })
    const result = await promote(g, { mode: 'apply', ...STAGING_TO_PROD, 'plan-digest': digest })
    expect(result.exitCode).toBe(1)
    expect(failure(result)).toMatch(
      /^Reading this run's approvals: GitHub answered 403 .*The job needs permissions: actions: read\.$/,
    )
    expectNothingWritten(g, head)
  })

  it('a failed push leaves no deployment behind', async () => {
    const g = await setup()
    const head = g.head()
    writeFileSync(
      join(g.bare, 'hooks', 'pre-receive'),
      '#!/bin/sh\necho "protected branch" >&2\nexit 1\n',
      {
        mode: 0o755,
      },
    )
    const result = await promote(g, {
      mode: 'apply',
      ...STAGING_TO_PROD,
      'require-approval': 'false',
    })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain('protected branch')
    expect(g.head()).toBe(head)
    expect(world.deployments).toEqual([])
    expect(world.calls()).toEqual([])
  })

  it('deepens a shallow checkout (actions/checkout fetch-depth 1) to measure soak from history', async () => {
    const g = await setup()
    const shallow = join(tempDir('shallow-'), 'repo')
    git(g.clone, 'clone', '-q', '--depth', '1', `file://${g.bare}`, shallow)
    const result = await promote(
      g,
      { mode: 'plan', ...STAGING_TO_PROD, 'min-soak': '24h' },
      { workspace: shallow },
    )
    expect(result.exitCode, result.stdout).toBe(0)
    expect(result.stdout).toContain('The checkout was shallow; fetched its full history')
    expect(JSON.parse(result.outputs.plan!).changes[0].liveSince).toBe(day(6).toISOString())
  })

  it('refuses when from moved after the plan was approved (digest mismatch), writing nothing', async () => {
    const g = await setup()
    const digest = await planDigest(g)
    g.commit(
      { [valuesPath('user-service', 'staging')]: valuesFile('user-service', 'staging', '1.2.0') },
      'Update user-service to 1.2.0 in staging',
      day(7),
    )
    const head = g.head()
    world.approvals = [approval('alice', ['prod'])]
    const result = await promote(g, { mode: 'apply', ...STAGING_TO_PROD, 'plan-digest': digest })
    expect(result.exitCode).toBe(1)
    expect(failure(result)).toContain(
      `the plan is not the one approved: its digest is now ${result.outputs['plan-digest']}, the approved one ${digest}.`,
    )
    expect(result.outputs['plan-digest']).not.toBe(digest)
    expect(result.summary).toContain('❌ Refused: the plan is not the one approved')
    expectNothingWritten(g, head)
    // Refused before any gate: not even the approvals were read.
    expect(world.calls()).toEqual([])
  })

  it('an unrelated commit (dev) does not void the approval', async () => {
    const g = await setup()
    const digest = await planDigest(g)
    g.commit(
      { [valuesPath('payment-service', 'dev')]: valuesFile('payment-service', 'dev', '3.0.0') },
      'Update payment-service to 3.0.0 in dev',
      day(7),
    )
    world.approvals = [approval('alice', ['prod'])]
    const result = await promote(g, { mode: 'apply', ...STAGING_TO_PROD, 'plan-digest': digest })
    expect(result.exitCode, result.stdout).toBe(0)
    expect(g.valueIn('user-service', 'prod')).toBe('1.1.0')
  })

  it('soak from GitHub Deployments: the deployments promote recorded for staging count', async () => {
    const g = await setup()
    // dev -> staging for product-service, recorded as a deployment to staging.
    g.commit(
      { [valuesPath('product-service', 'dev')]: valuesFile('product-service', 'dev', '2.0.0') },
      `Update product-service to 2.0.0 in dev\n\nSource-Repository: minishop/shop\nSource-Commit: ${sha('build-2.0.0')}`,
      day(6),
    )
    const toStaging = await promote(g, {
      mode: 'apply',
      from: 'dev',
      to: 'staging',
      services: 'product-service',
    })
    expect(toStaging.exitCode, toStaging.stdout).toBe(0)
    expect(
      world.deployments.map((d) => [d.environment, d.payload.service, d.payload.value]),
    ).toEqual([['staging', 'product-service', '2.0.0']])
    world.deployments[0]!.createdAt = day(6).toISOString()
    const inputs = {
      mode: 'plan',
      ...STAGING_TO_PROD,
      services: 'product-service',
      'soak-source': 'deployments',
    }
    const young = await promote(g, { ...inputs, 'min-soak': '3d' })
    expect(young.exitCode).toBe(1)
    expect(failure(young)).toContain(
      'product-service: 2.0.0 has been live in staging for 2d (since 2025-06-06 09:00 UTC); it needs 3d',
    )
    const soaked = await promote(g, { ...inputs, 'min-soak': '2d' })
    expect(soaked.exitCode, soaked.stdout).toBe(0)
    // staging's deployment failed: staging never ran it.
    world.deployments[0]!.statuses.push({ state: 'failure' })
    const failed = await promote(g, inputs)
    expect(failure(failed)).toContain(
      'product-service: the latest deployment of 2.0.0 to staging is failure, not success',
    )
  })

  it('two promotions racing: both land when they touch different services, none is lost', async () => {
    const g = await setup()
    const user = await planDigest(g, { services: 'user-service' })
    const order = await planDigest(g, { services: 'order-service' })
    world.approvals = [approval('alice', ['prod'])]
    const [a, b] = await Promise.all([
      promote(
        g,
        { mode: 'apply', ...STAGING_TO_PROD, services: 'user-service', 'plan-digest': user },
        { workspace: cloneOf(g.bare) },
      ),
      promote(
        g,
        { mode: 'apply', ...STAGING_TO_PROD, services: 'order-service', 'plan-digest': order },
        { workspace: cloneOf(g.bare) },
      ),
    ])
    expect([a.exitCode, b.exitCode], a.stdout + b.stdout).toEqual([0, 0])
    expect(g.valueIn('user-service', 'prod')).toBe('1.1.0')
    expect(g.valueIn('order-service', 'prod')).toBe('1.1.0')
    expect(g.log().slice(0, 2).sort()).toEqual([
      'Promote to prod: order-service 1.1.0',
      'Promote to prod: user-service 1.1.0',
    ])
    expect(world.deployments).toHaveLength(2)
  })

  it('two promotions racing for the same plan: one lands, the other refuses cleanly', async () => {
    const g = await setup()
    const digest = await planDigest(g)
    world.approvals = [approval('alice', ['prod'])]
    // Two runs of the workflow (each its own run, checkout and Run-URL).
    const results = await Promise.all(
      ['5001', '5002'].map((run) =>
        promote(
          g,
          { mode: 'apply', ...STAGING_TO_PROD, 'plan-digest': digest },
          { workspace: cloneOf(g.bare), env: { GITHUB_RUN_ID: run } },
        ),
      ),
    )
    const codes = results.map((r) => r.exitCode).sort()
    expect(codes, results.map((r) => r.stdout).join('\n')).toEqual([0, 1])
    const loser = results.find((r) => r.exitCode === 1)!
    expect(failure(loser)).toMatch(
      /plan is not the one approved|the plan there differs from the approved one/,
    )
    expect(loser.summary).toContain('❌ Refused:')
    expect(g.log().filter((s) => s.startsWith('Promote to prod'))).toHaveLength(1)
    expect(world.deployments).toHaveLength(2)
  })
})

describe('promote: apply with commit-method api', () => {
  let github: FakeGitHubGit | undefined
  afterEach(async () => {
    await github?.close()
    github = undefined
  })

  /** The promote world, whose other GraphQL queries (head, files, createCommitOnBranch) go to a fake backed by the bare remote. */
  async function setupApi(): Promise<GitOps> {
    world = await startGitHub({
      graphql: async (request) => {
        const answer = await fetch(`${github!.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(request.body),
        })
        return { status: answer.status, body: await answer.json() }
      },
    })
    const g = makeGitOps()
    github = await startFakeGitHubGit(g.bare, 'minishop/gitops')
    return g
  }

  const expectedHeads = () =>
    github!.mutations.map(
      (m) =>
        (m.body as { variables: { input: { expectedHeadOid: string } } }).variables.input
          .expectedHeadOid,
    )

  /** Another pipeline lands a commit between promote's read and its write. */
  function landBeforeCommit(g: GitOps, service: string, env: string, tag: string) {
    const other = cloneOf(g.bare)
    github!.beforeCommit = (n) => {
      if (n !== 1) return
      commitFiles(
        other,
        { [valuesPath(service, env)]: valuesFile(service, env, tag) },
        'other pipeline',
        day(7),
      )
      git(other, 'push', '-q', 'origin', 'main')
    }
  }

  const apply = (g: GitOps, digest: string) =>
    promote(g, {
      mode: 'apply',
      ...STAGING_TO_PROD,
      'plan-digest': digest,
      'commit-method': 'api',
    })

  it('lands the approved plan as one commit made on GitHub, with the audit trailers, then the deployments', async () => {
    const g = await setupApi()
    const digest = await planDigest(g)
    const before = g.head()
    world.approvals = [approval('alice', ['prod'], 'LGTM')]
    const result = await apply(g, digest)
    expect(result.exitCode, result.stdout + result.stderr).toBe(0)
    expect(result.outputs).toMatchObject({
      changed: 'true',
      commit: g.head(),
      'approved-by': 'alice',
      'deployment-id': '1000,1001',
    })
    // One commit on the remote, made by the API (not pushed from the checkout).
    expect(expectedHeads()).toEqual([before])
    expect(git(g.bare, 'rev-parse', 'main~1')).toBe(before)
    expect(git(g.bare, 'log', '-1', '--format=%an|%cn', 'main')).toBe('octocat|GitHub')
    expect(git(g.bare, 'show', '--name-only', '--format=', 'main').split('\n').sort()).toEqual([
      valuesPath('order-service', 'prod'),
      valuesPath('user-service', 'prod'),
    ])
    expect(git(g.bare, 'show', `main:${valuesPath('user-service', 'prod')}`)).toBe(
      valuesFile('user-service', 'prod', '1.1.0').trimEnd(),
    )
    // The same message and trailers as a git push, split into GitHub's headline and body.
    expect(git(g.bare, 'log', '-1', '--format=%B', 'main')).toBe(promotionMessage(digest, 'LGTM'))
    // The checkout made no commit; it is brought to the promotion, as after a push.
    expect(git(g.clone, 'rev-parse', 'origin/main')).toBe(g.head())
    expect(git(g.clone, 'rev-parse', 'HEAD')).toBe(g.head())
    expect(git(g.clone, 'status', '--porcelain')).toBe('')
    expect(readFileSync(join(g.clone, valuesPath('user-service', 'prod')), 'utf8')).toBe(
      valuesFile('user-service', 'prod', '1.1.0'),
    )
    expect(world.deployments.map((d) => d.payload.gitopsCommit)).toEqual([g.head(), g.head()])
    expect(world.deployments.map((d) => d.environment)).toEqual(['prod', 'prod'])
  })

  it('a branch that moved on right after the commit: the checkout still comes to the promotion', async () => {
    const g = await setupApi()
    const digest = await planDigest(g)
    world.approvals = [approval('alice', ['prod'])]
    const other = cloneOf(g.bare)
    github!.afterCommit = () => {
      git(other, 'pull', '-q', 'origin', 'main')
      commitFiles(other, { 'README.md': 'later\n' }, 'a later pipeline', day(8))
      git(other, 'push', '-q', 'origin', 'main')
    }
    const result = await apply(g, digest)
    expect(result.exitCode, result.stdout + result.stderr).toBe(0)
    expect(result.outputs.commit).toBe(git(g.bare, 'rev-parse', 'main~1'))
    expect(git(g.clone, 'rev-parse', 'HEAD')).toBe(result.outputs.commit)
    expect(git(g.clone, 'rev-parse', 'origin/main')).toBe(g.head())
  })

  it('a stale head: re-plans at the new head, and lands when the plan there is still the sealed one', async () => {
    const g = await setupApi()
    const digest = await planDigest(g)
    world.approvals = [approval('alice', ['prod'])]
    landBeforeCommit(g, 'payment-service', 'dev', '3.0.0')
    const result = await apply(g, digest)
    expect(result.exitCode, result.stdout + result.stderr).toBe(0)
    const [first, second] = expectedHeads()
    expect(second).toBe(git(g.bare, 'rev-parse', 'main~1'))
    expect(first).not.toBe(second)
    expect(result.stdout).toContain('the plan there is still the sealed one')
    expect(result.outputs.commit).toBe(g.head())
    expect(g.valueIn('payment-service', 'dev')).toBe('3.0.0')
    expect(g.valueIn('user-service', 'prod')).toBe('1.1.0')
    expect(world.deployments).toHaveLength(2)
  })

  it('a stale head where from moved: refuses with the sealed-plan message, nothing written', async () => {
    const g = await setupApi()
    const digest = await planDigest(g)
    world.approvals = [approval('alice', ['prod'])]
    landBeforeCommit(g, 'user-service', 'staging', '1.2.0')
    const result = await apply(g, digest)
    expect(result.exitCode).toBe(1)
    expect(failure(result)).toMatch(
      /^Refused at attempt 2: the GitOps branch moved to [0-9a-f]{12} and the plan there differs from the approved one/,
    )
    expect(result.summary).toContain('❌ Refused:')
    // Only the other pipeline's commit; no half-written promotion, no deployment.
    expect(github!.mutations).toHaveLength(1)
    expect(g.log()[0]).toBe('other pipeline')
    expect(g.valueIn('user-service', 'prod')).toBe('1.0.0')
    expect(g.valueIn('order-service', 'prod')).toBe('1.0.0')
    expect(world.deployments).toEqual([])
  })

  it('push: false cannot be honoured through the API: refused before anything is read', async () => {
    const g = await setupApi()
    const head = g.head()
    const result = await promote(g, {
      mode: 'apply',
      ...STAGING_TO_PROD,
      'require-approval': 'false',
      'commit-method': 'api',
      push: 'false',
    })
    expect(result.exitCode).toBe(1)
    expect(failure(result)).toMatch(/^Input push is false, but commit-method api/)
    expectNothingWritten(g, head)
    expect(world.calls()).toEqual([])
  })
})

describe('promote: rollback', () => {
  it('after two promotions puts back the value before the last one, marked as a rollback', async () => {
    const g = await setup()
    const noApproval = { 'require-approval': 'false', services: 'user-service' }
    expect((await promote(g, { mode: 'apply', ...STAGING_TO_PROD, ...noApproval })).exitCode).toBe(
      0,
    )
    g.commit(
      { [valuesPath('user-service', 'staging')]: valuesFile('user-service', 'staging', '1.2.0') },
      `Update user-service to 1.2.0 in staging\n\nSource-Repository: minishop/shop\nSource-Commit: ${sha('build-1.2.0')}`,
      day(9),
    )
    const second = await promote(
      g,
      { mode: 'apply', ...STAGING_TO_PROD, ...noApproval },
      { now: day(10) },
    )
    expect(second.exitCode, second.stdout).toBe(0)
    expect(g.valueIn('user-service', 'prod')).toBe('1.2.0')

    const plan = await promote(g, {
      mode: 'rollback',
      to: 'prod',
      'dry-run': 'true',
      services: 'user-service',
    })
    expect(plan.exitCode, plan.stdout).toBe(0)
    expect(plan.summary).toContain('## Rollback of prod')
    expect(plan.summary).toContain(
      '| service | now in prod | back to | prod ran it | source changes |',
    )
    expect(plan.summary).toContain(`| user-service | \`1.2.0\` | \`1.1.0\` |`)
    world.approvals = [approval('alice', ['prod'], 'roll back, 1.2.0 breaks checkout')]
    const rollback = await promote(g, {
      mode: 'rollback',
      to: 'prod',
      services: 'user-service',
      'plan-digest': plan.outputs['plan-digest'],
    })
    expect(rollback.exitCode, rollback.stdout).toBe(0)
    expect(g.valueIn('user-service', 'prod')).toBe('1.1.0')
    const message = git(g.bare, 'log', '-1', '--format=%B', 'main')
    expect(message).toMatch(/^Roll back prod: user-service 1\.2\.0 -> 1\.1\.0\n/)
    expect(message).toContain('Promotion-Mode: rollback')
    expect(message).toContain(`Service-Source: user-service minishop/shop@${sha('build-1.1.0')}`)
    const deployment = world.deployments.at(-1)!
    expect(deployment).toMatchObject({
      ref: sha('build-1.1.0'),
      environment: 'prod',
      payload: { mode: 'rollback', rollback: true, value: '1.1.0', previous: '1.2.0' },
    })
    expect(rollback.summary).toContain('✅ Applied in one commit')

    // Rolling back again goes further back, not forth again.
    const again = await promote(g, {
      mode: 'rollback',
      to: 'prod',
      services: 'user-service',
      'require-approval': 'false',
    })
    expect(again.exitCode, again.stdout).toBe(0)
    expect(g.valueIn('user-service', 'prod')).toBe('1.0.0')
    const none = await promote(g, {
      mode: 'rollback',
      to: 'prod',
      services: 'user-service',
      'require-approval': 'false',
    })
    expect(none.exitCode).toBe(1)
    expect(failure(none)).toContain(
      'user-service: the GitOps history of infra/helm-charts/user-service/values-prod.yaml has no value before 1.0.0',
    )
  })

  it('refuses a to-value the environment never ran', async () => {
    const g = await setup()
    const head = g.head()
    const result = await promote(g, {
      mode: 'rollback',
      to: 'prod',
      services: 'user-service',
      'to-value': '0.0.1',
      'require-approval': 'false',
    })
    expect(result.exitCode).toBe(1)
    expect(failure(result)).toContain('user-service: prod never ran 0.0.1')
    expectNothingWritten(g, head)
  })
})

describe('promote: request budget', () => {
  it('promotes 50 services in one commit with a constant number of requests plus one deployment each', async () => {
    world = await startGitHub()
    // Each service built from its own source commit, promoted to staging in one commit.
    const { gitops: g } = stageManyServices(world, 50)
    const digest = await planDigest(g, { 'required-checks': 'ci', 'min-soak': '24h' })
    world.api.requests.length = 0
    world.approvals = [approval('alice', ['prod'])]
    const result = await promote(g, {
      mode: 'apply',
      ...STAGING_TO_PROD,
      'plan-digest': digest,
      'required-checks': 'ci',
      'min-soak': '24h',
    })
    expect(result.exitCode, result.stdout).toBe(0)
    expect(git(g.bare, 'log', '-1', '--format=%s', 'main')).toBe(
      'Promote to prod: 50 services from staging',
    )
    expect(git(g.bare, 'show', '--stat', '--format=', 'main').trim().split('\n').at(-1)).toMatch(
      /^ ?50 files changed, 50 insertions\(\+\), 50 deletions\(-\)$/,
    )
    const calls = world.calls()
    const perService = calls.filter((c) => /\/deployments/.test(c))
    const constant = calls.filter((c) => !/\/deployments/.test(c))
    expect(perService).toHaveLength(100) // a deployment and its status per service
    expect(constant).toEqual([
      'POST /graphql PromoteChecks', // 50 source commits, 20 a request
      'POST /graphql PromoteChecks',
      'POST /graphql PromoteChecks',
      'GET /repos/minishop/gitops/actions/runs/4242/approvals',
    ])
    expect(calls.length).toBeLessThanOrEqual(10 + 2 * 50)
    expect(new Set(world.deployments.map((d) => `${d.repo}@${d.ref}`)).size).toBe(50)
  })
})
