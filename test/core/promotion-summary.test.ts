import { describe, expect, it } from 'vitest'
import type { GateResult } from '../../src/core/gates'
import type { PlanChange, PromotionPlan } from '../../src/core/promotion-plan'
import { planDrift, planJson } from '../../src/core/promotion-report'
import { cell, renderPromotionSummary, type SummaryView } from '../../src/core/promotion-summary'
import { makeChange, makePlan } from './promotion.fixtures'

const A = 'a'.repeat(40)
const B = 'b'.repeat(40)
const NOW = new Date('2025-06-08T09:00:00Z')

function change(extra: Partial<PlanChange> = {}): PlanChange {
  return makeChange({
    liveSince: '2025-06-06T09:00:00.000Z',
    source: { repository: 'minishop/shop', commit: B },
    previousSource: { repository: 'minishop/shop', commit: A },
    checks: [{ name: 'ci', kind: 'check-run', state: 'success' }],
    ...extra,
  })
}

function plan(changes: PlanChange[], extra: Partial<PromotionPlan> = {}): PromotionPlan {
  return makePlan(changes, { unchanged: ['order-service'], ...extra })
}

const GATES: GateResult[] = [
  { gate: 'stage', status: 'pass', reason: 'ok', details: [] },
  { gate: 'soak', status: 'fail', reason: 'too young', details: ['user-service: 3h'] },
]

function view(p: PromotionPlan, extra: Partial<SummaryView> = {}): SummaryView {
  return {
    plan: p,
    digest: 'sha256:feed',
    gates: GATES,
    now: NOW,
    serverUrl: 'https://github.com',
    requiredChecks: ['ci'],
    minSoakMs: 24 * 3600_000,
    diff: '--- a/x\n+++ b/x\n',
    outcome: { kind: 'planned' },
    ...extra,
  }
}

describe('promotion summary', () => {
  it('renders the table reviewers read, with a compare link of the two source commits', () => {
    const md = renderPromotionSummary(view(plan([change()])))
    expect(md).toContain('## Promotion staging → prod')
    expect(md).toContain(
      `| user-service | \`1.0.0\` | \`1.1.0\` | 2d (since 2025-06-06 09:00 UTC) | ✅ 1/1 | [aaaaaaa...bbbbbbb](https://github.com/minishop/shop/compare/${A}...${B}) |`,
    )
    expect(md).toContain('Already in prod, not changed: order-service.')
    expect(md).toContain('| soak | ❌ fail | too young |')
    expect(md).toContain('- **soak**: user-service: 3h')
    expect(md).toContain('```diff\n--- a/x\n+++ b/x\n```')
    expect(md).toContain('- Plan digest: `sha256:feed`')
  })

  it('marks a soak that is too short, and says when a plan would be refused', () => {
    const young = change({ liveSince: '2025-06-08T06:00:00.000Z' })
    const md = renderPromotionSummary(
      view(plan([young]), { outcome: { kind: 'planned', blocked: ['soak'] } }),
    )
    expect(md).toContain('| ❌ 3h (since 2025-06-08 06:00 UTC) |')
    expect(md).toContain('❌ Plan only, and it fails its gates (soak): apply would refuse it.')
  })

  it('renders a rollback from what to what, and a refusal', () => {
    const p = plan(
      [
        change({
          current: '1.1.0',
          target: '1.0.0',
          source: { repository: 'minishop/shop', commit: A },
          previousSource: { repository: 'minishop/shop', commit: B },
        }),
      ],
      { mode: 'rollback', from: undefined, unchanged: [] },
    )
    const md = renderPromotionSummary(
      view(p, { outcome: { kind: 'refused', reason: 'approval: no one approved.' } }),
    )
    expect(md).toContain('## Rollback of prod')
    expect(md).toContain('| service | now in prod | back to | prod ran it | source changes |')
    // The compare view of a rollback shows the commits it takes away.
    expect(md).toContain(`(https://github.com/minishop/shop/compare/${A}...${B})`)
    expect(md).toContain('❌ Refused: approval: no one approved. Nothing was written.')
  })

  it('keeps hostile values from breaking the table', () => {
    expect(cell('a|b')).toBe('`a\\|b`')
    expect(cell('a`b')).toBe('`` a`b ``')
    expect(cell(undefined)).toBe('_(missing)_')
  })
})

describe('plan report', () => {
  it('says in words what moved between the approved plan and the one at the tip', () => {
    const approved = plan([change(), change({ service: 'order-service' })])
    const now = plan([change({ target: '1.2.0', fromValue: '1.2.0' })])
    expect(planDrift(approved, now)).toBe(
      'order-service: approved 1.0.0 -> 1.1.0, now no change; user-service: approved 1.0.0 -> 1.1.0, now 1.0.0 -> 1.2.0',
    )
    expect(planDrift(approved, { ...approved, head: 'd'.repeat(40) })).toBe(
      'the values files changed in dddddddddddd',
    )
  })

  it('puts the plan, its digest and gates in the plan output', () => {
    const json = planJson(plan([change()]), 'sha256:feed', GATES, 'https://github.com') as Record<
      string,
      unknown
    >
    expect(json).toMatchObject({
      version: 1,
      digest: 'sha256:feed',
      from: 'staging',
      to: 'prod',
      gates: GATES,
    })
    expect((json.changes as unknown[])[0]).toMatchObject({
      service: 'user-service',
      current: '1.0.0',
      target: '1.1.0',
      compareUrl: `https://github.com/minishop/shop/compare/${A}...${B}`,
    })
  })
})
