import type { PlanChange, PromotionPlan } from '../../src/core/promotion-plan'

// Plain plans for the core tests: user-service 1.0.0 -> 1.1.0, staging -> prod.

export function makeChange(extra: Partial<PlanChange> = {}): PlanChange {
  const service = extra.service ?? 'user-service'
  return {
    service,
    file: `infra/helm-charts/${service}/values-prod.yaml`,
    current: '1.0.0',
    target: '1.1.0',
    fromFile: `infra/helm-charts/${service}/values-staging.yaml`,
    fromValue: '1.1.0',
    ...extra,
  }
}

export function makePlan(changes: PlanChange[], extra: Partial<PromotionPlan> = {}): PromotionPlan {
  return {
    mode: 'promote',
    from: 'staging',
    to: 'prod',
    key: 'image.tag',
    head: 'h'.repeat(40),
    changes,
    unchanged: [],
    ...extra,
  }
}
