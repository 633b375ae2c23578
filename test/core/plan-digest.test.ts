import { describe, expect, it } from 'vitest'
import { canonicalJson, normalizeDigest, planDigest } from '../../src/core/plan-digest'
import type { PromotionPlan } from '../../src/core/promotion-plan'
import { makeChange, makePlan } from './promotion.fixtures'

function plan(extra: Partial<PromotionPlan> = {}): PromotionPlan {
  return makePlan(
    [
      makeChange({ file: 'u/values-prod.yaml' }),
      makeChange({ service: 'order-service', current: '2.0.0', target: '2.1.0' }),
    ],
    { head: 'a'.repeat(40), ...extra },
  )
}

describe('plan digest', () => {
  it('is canonical: key order and service order do not matter', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 'x', c: null }] })).toBe(
      '{"a":[{"c":null,"d":"x"}],"b":1}',
    )
    const reversed = plan()
    reversed.changes.reverse()
    expect(planDigest(reversed)).toBe(planDigest(plan()))
    expect(planDigest(plan())).toMatch(/^sha256:[0-9a-f]{64}$/)
  })

  it('seals service, values, environments and the GitOps head, not the evidence', () => {
    const base = planDigest(plan())
    expect(planDigest(plan({ head: 'b'.repeat(40) }))).not.toBe(base)
    expect(planDigest(plan({ to: 'production' }))).not.toBe(base)
    const moved = plan()
    moved.changes[0]!.target = '1.2.0'
    expect(planDigest(moved)).not.toBe(base)
    const fewer = plan()
    fewer.changes.pop()
    expect(planDigest(fewer)).not.toBe(base)
    const evidence = plan()
    evidence.changes[0]!.liveSince = '2025-01-01T00:00:00.000Z'
    evidence.changes[0]!.checks = [{ name: 'ci', kind: 'check-run', state: 'success' }]
    expect(planDigest(evidence)).toBe(base)
  })

  it('normalizes the input form and refuses anything else', () => {
    const hex = 'AB'.repeat(32)
    expect(normalizeDigest(hex)).toBe(`sha256:${hex.toLowerCase()}`)
    expect(normalizeDigest(` sha256:${hex} `)).toBe(`sha256:${hex.toLowerCase()}`)
    expect(() => normalizeDigest('sha256:abc', 'Input plan-digest')).toThrow(
      /^Input plan-digest must be the sha256 digest/,
    )
  })
})
