import type { GateResult } from './gates'
import { planHeader } from './plan-digest'
import { compareUrl, type PlanChange, type PromotionPlan } from './promotion-plan'

/** The `plan` output: the plan, its seal and its gates, for scripts and later jobs. */
export function planJson(
  plan: PromotionPlan,
  digest: string,
  gates: GateResult[],
  serverUrl: string,
): unknown {
  return {
    ...planHeader(plan),
    alsoSet: plan.alsoSet ?? [],
    digest,
    changes: plan.changes.map((c) => ({
      service: c.service,
      file: c.file,
      current: c.current ?? null,
      target: c.target,
      liveSince: c.liveSince ?? null,
      liveSinceRef: c.liveSinceRef ?? null,
      source: c.source ?? null,
      previousSource: c.previousSource ?? null,
      compareUrl: compareUrl(serverUrl, c, plan.mode) ?? null,
      ...(c.checks ? { checks: c.checks } : {}),
    })),
    unchanged: plan.unchanged,
    gates,
  }
}

function step(c: PlanChange | undefined): string {
  return c ? `${c.current ?? '(missing)'} -> ${c.target}` : 'no change'
}

/** What differs between the approved plan and the one at a newer commit, in words. */
export function planDrift(approved: PromotionPlan, now: PromotionPlan): string {
  const before = new Map(approved.changes.map((c) => [c.service, c]))
  const after = new Map(now.changes.map((c) => [c.service, c]))
  const services = [...new Set([...before.keys(), ...after.keys()])].sort()
  const lines: string[] = []
  for (const s of services) {
    const a = before.get(s)
    const b = after.get(s)
    if (a && b && a.current === b.current && a.target === b.target && a.file === b.file) continue
    lines.push(`${s}: approved ${step(a)}, now ${step(b)}`)
  }
  if (lines.length === 0 && approved.head !== now.head) {
    lines.push(`the values files changed in ${now.head.slice(0, 12)}`)
  }
  return lines.join('; ')
}

/** A deployment's one-line description (GitHub keeps 140 characters). */
export function deploymentDescription(plan: PromotionPlan, c: PlanChange): string {
  return plan.mode === 'rollback'
    ? `Roll back ${c.service} to ${c.target}`
    : `Promote ${c.service} ${c.target} from ${plan.from}`
}

/**
 * A deployment's payload: the image value and the one it replaces, and the
 * source commits between them, so lead time can be computed from the record.
 */
export function deploymentPayload(
  plan: PromotionPlan,
  c: PlanChange,
  ctx: {
    serverUrl: string
    gitopsRepository: string | undefined
    gitopsCommit: string
    digest: string
    approvers: string[]
    runUrl: string | undefined
  },
): Record<string, unknown> {
  return {
    service: c.service,
    key: plan.key,
    file: c.file,
    value: c.target,
    previous: c.current ?? null,
    environment: plan.to,
    promotedFrom: plan.from ?? null,
    mode: plan.mode,
    rollback: plan.mode === 'rollback',
    sourceRepository: c.source?.repository ?? null,
    sourceCommit: c.source?.commit ?? null,
    previousSourceCommit: c.previousSource?.commit ?? null,
    compareUrl: compareUrl(ctx.serverUrl, c, plan.mode) ?? null,
    gitopsRepository: ctx.gitopsRepository ?? null,
    gitopsCommit: ctx.gitopsCommit,
    planDigest: ctx.digest,
    approvedBy: ctx.approvers,
    runUrl: ctx.runUrl ?? null,
  }
}
