import { describe, expect, it } from 'vitest'
import { parseFreezeWindows } from '../../src/core/freeze-window'
import {
  type Approval,
  blockingGates,
  evaluateGates,
  type GatePolicy,
  type GateResult,
  stageOrderProblem,
} from '../../src/core/gates'
import type { PlanChange, PromotionPlan } from '../../src/core/promotion-plan'
import { makeChange, makePlan } from './promotion.fixtures'

const NOW = new Date('2025-06-11T12:00:00Z') // a Wednesday
const H = 3600_000

function change(extra: Partial<PlanChange> = {}): PlanChange {
  return makeChange({
    liveSince: new Date(NOW.getTime() - 30 * H).toISOString(),
    source: { repository: 'minishop/user-service', commit: 'c0ffee'.padEnd(40, '0') },
    checks: [
      { name: 'ci', kind: 'check-run', state: 'success', at: '2025-06-10T00:00:00Z' },
      { name: 'e2e', kind: 'status', state: 'success', at: '2025-06-10T00:00:00Z' },
    ],
    ...extra,
  })
}

const plan = makePlan

const POLICY: GatePolicy = {
  stages: ['dev', 'staging', 'prod'],
  minSoakMs: 24 * H,
  soakSource: 'git',
  requiredChecks: ['ci', 'e2e'],
  freeze: [],
  requireApproval: true,
  githubEnvironment: 'prod',
}

const APPROVED: Approval[] = [
  { login: 'alice', userId: 7, state: 'approved', comment: 'ship it', environments: ['prod'] },
]

function gate(results: GateResult[], name: string): GateResult {
  return results.find((r) => r.gate === name)!
}

function evaluate(p: PromotionPlan, policy: Partial<GatePolicy> = {}, approvals = APPROVED) {
  return evaluateGates({ plan: p, policy: { ...POLICY, ...policy }, now: NOW, approvals })
}

describe('gates', () => {
  it('all pass for a soaked, green, approved candidate outside freezes', () => {
    const results = evaluate(plan([change()]))
    expect(results.map((r) => [r.gate, r.status])).toEqual([
      ['stage', 'pass'],
      ['soak', 'pass'],
      ['checks', 'pass'],
      ['freeze', 'skipped'],
      ['approval', 'pass'],
    ])
    expect(gate(results, 'approval').details).toEqual(['alice: ship it'])
    expect(blockingGates(results, true)).toEqual([])
  })

  it('stage: refuses skipping a stage, going backwards, and a value from does not run', () => {
    expect(stageOrderProblem(['dev', 'staging', 'prod'], 'dev', 'prod')).toBe(
      'dev → prod skips staging (dev → staging → prod): promote to staging first.',
    )
    expect(stageOrderProblem(['dev', 'staging', 'prod'], 'prod', 'staging')).toMatch(
      /goes backwards.*use mode rollback/,
    )
    expect(stageOrderProblem(['dev', 'staging', 'prod'], 'qa', 'prod')).toMatch(
      /^qa is not one of the stages/,
    )
    const skipped = gate(evaluate(plan([change()], { from: 'dev' })), 'stage')
    expect(skipped.status).toBe('fail')
    const stale = gate(evaluate(plan([change({ target: '0.9.0' })])), 'stage')
    expect(stale).toMatchObject({ status: 'fail' })
    expect(stale.details).toEqual(['user-service: 0.9.0 is not what staging runs now (1.1.0)'])
  })

  it('stage with soak-source deployments: from must have deployed the candidate successfully', () => {
    const p = plan([
      change({ service: 'a', fromDeploymentState: 'success' }),
      change({ service: 'b', fromDeploymentState: undefined }),
      change({ service: 'c', fromDeploymentState: 'failure' }),
      change({ service: 'd', fromDeploymentState: 'of 1.0.5' }),
    ])
    expect(gate(evaluate(p, { soakSource: 'deployments' }), 'stage').details).toEqual([
      'b: staging has no deployment of 1.1.0, so it never ran there',
      'c: the latest deployment of 1.1.0 to staging is failure, not success',
      "d: staging's latest deployment of it deployed 1.0.5, not 1.1.0",
    ])
  })

  it('soak: says how long it has been live and when it will be ready', () => {
    const young = change({ liveSince: new Date(NOW.getTime() - 3 * H - 12 * 60_000).toISOString() })
    const soak = gate(evaluate(plan([young])), 'soak')
    expect(soak.status).toBe('fail')
    expect(soak.details).toEqual([
      'user-service: 1.1.0 has been live in staging for 3h 12m (since 2025-06-11 08:48 UTC); it needs 1d, ready at 2025-06-12 08:48 UTC',
    ])
    const unknown = gate(evaluate(plan([change({ liveSince: undefined })])), 'soak')
    expect(unknown.details[0]).toMatch(/no commit in the GitOps history sets 1.1.0 in staging/)
    expect(gate(evaluate(plan([young]), { minSoakMs: 0 }), 'soak').status).toBe('skipped')
  })

  it('checks: missing, failing and running checks are named; the newest run of a name wins', () => {
    const c = change({
      checks: [
        { name: 'ci', kind: 'check-run', state: 'failure', at: '2025-06-10T00:00:00Z' },
        { name: 'ci', kind: 'check-run', state: 'success', at: '2025-06-10T01:00:00Z' },
        { name: 'e2e', kind: 'status', state: 'pending', at: '2025-06-10T00:00:00Z' },
      ],
    })
    const checks = gate(evaluate(plan([c]), { requiredChecks: ['ci', 'e2e', 'lint'] }), 'checks')
    expect(checks.status).toBe('fail')
    expect(checks.details).toEqual([
      'user-service: e2e is still running on minishop/user-service@c0ffee0',
      'user-service: lint has not run on minishop/user-service@c0ffee0',
    ])
    const failing = change({
      checks: [{ name: 'ci', kind: 'check-run', state: 'timed_out' }],
    })
    expect(gate(evaluate(plan([failing]), { requiredChecks: ['ci'] }), 'checks').details).toEqual([
      'user-service: ci is timed out on minishop/user-service@c0ffee0',
    ])
    const noSource = gate(evaluate(plan([change({ source: undefined })])), 'checks')
    expect(noSource.details[0]).toMatch(/no Source-Commit trailer/)
  })

  it('freeze: refuses inside a window, passes outside, records an override', () => {
    const freeze = parseFreezeWindows('Wed 13:00-Wed 15:00 Europe/Berlin') // 12:00Z = 14:00 Berlin
    const frozen = gate(evaluate(plan([change()]), { freeze }), 'freeze')
    expect(frozen.status).toBe('fail')
    expect(frozen.reason).toBe(
      'prod is frozen: Wed 2025-06-11 14:00 Europe/Berlin is inside "Wed 13:00-Wed 15:00 Europe/Berlin". Wait for the window to end, or set override-freeze to the reason (it is recorded in the commit).',
    )
    const overridden = gate(
      evaluate(plan([change()]), { freeze, overrideFreeze: 'INC-42 hotfix' }),
      'freeze',
    )
    expect(overridden.status).toBe('overridden')
    expect(overridden.reason).toMatch(/overridden: "INC-42 hotfix"/)
    const later = parseFreezeWindows('Fri 16:00-Mon 08:00 Europe/Berlin')
    expect(gate(evaluate(plan([change()]), { freeze: later }), 'freeze').status).toBe('pass')
  })

  it('approval: pending in a plan, refused without an approval of this environment', () => {
    const p = plan([change()])
    const pending = evaluateGates({ plan: p, policy: POLICY, now: NOW, approvals: undefined })
    expect(gate(pending, 'approval').status).toBe('pending')
    expect(blockingGates(pending, false)).toEqual([])
    expect(blockingGates(pending, true).map((g) => g.gate)).toEqual(['approval'])
    const elsewhere: Approval[] = [
      { login: 'bob', state: 'approved', comment: '', environments: ['staging'] },
      { login: 'eve', state: 'rejected', comment: 'no', environments: ['prod'] },
    ]
    const refused = gate(evaluate(p, {}, elsewhere), 'approval')
    expect(refused.status).toBe('fail')
    expect(refused.reason).toMatch(/^No one approved the prod environment for this run/)
    const caseInsensitive: Approval[] = [
      { login: 'carol', state: 'approved', comment: '', environments: ['Prod'] },
    ]
    expect(gate(evaluate(p, {}, caseInsensitive), 'approval').status).toBe('pass')
    // The apply job's GitHub Environment may be named differently from `to`.
    const production: Approval[] = [
      { login: 'dan', state: 'approved', comment: '', environments: ['production'] },
    ]
    expect(gate(evaluate(p, {}, production), 'approval').status).toBe('fail')
    expect(
      gate(evaluate(p, { githubEnvironment: 'production' }, production), 'approval').status,
    ).toBe('pass')
    expect(gate(evaluate(p, { requireApproval: false }, []), 'approval').status).toBe('skipped')
  })

  it('rollback: only to a value the environment ran; soak, checks and freezes do not hold it', () => {
    const p = plan(
      [
        change({ service: 'a', current: '1.1.0', target: '1.0.0', targetRanInTo: true }),
        change({ service: 'b', current: '1.1.0', target: '0.0.1', targetRanInTo: false }),
      ],
      { mode: 'rollback', from: undefined },
    )
    const freeze = parseFreezeWindows('00:00-23:59 UTC')
    const results = evaluate(p, { freeze })
    expect(results.map((r) => [r.gate, r.status])).toEqual([
      ['stage', 'fail'],
      ['soak', 'skipped'],
      ['checks', 'skipped'],
      ['freeze', 'skipped'],
      ['approval', 'pass'],
    ])
    expect(gate(results, 'stage').details).toEqual(['b: prod never ran 0.0.1'])
  })
})
