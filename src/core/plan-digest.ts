import { UserError } from './errors'
import type { PromotionPlan } from './promotion-plan'
import { sha256Hex } from './sha256'

/** JSON with object keys sorted at every level and no whitespace: one text per value. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (value === undefined) return 'null'
    return JSON.stringify(value)
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}

/** What every form of a plan starts with: which promotion, at which GitOps commit. */
export function planHeader(plan: PromotionPlan) {
  return {
    version: 1,
    mode: plan.mode,
    from: plan.from ?? null,
    to: plan.to,
    key: plan.key,
    ...(plan.alsoSet?.length ? { 'also-set': plan.alsoSet } : {}),
    head: plan.head,
  }
}

/**
 * Exactly what the plan showed reviewers and apply would write: environments,
 * key, GitOps head and, per service, the file and the value before and after.
 * Evidence (soak, checks, approvals) is left out on purpose: it is
 * re-evaluated at apply time, not frozen at plan time.
 */
export function sealedContent(plan: PromotionPlan): unknown {
  return {
    ...planHeader(plan),
    changes: [...plan.changes]
      .sort((a, b) => (a.service < b.service ? -1 : a.service > b.service ? 1 : 0))
      .map((c) => ({
        service: c.service,
        file: c.file,
        'from-value': c.current ?? null,
        'to-value': c.target,
      })),
  }
}

/** `sha256:<hex>` over the canonical JSON of the sealed content. */
export function planDigest(plan: PromotionPlan): string {
  return `sha256:${sha256Hex(canonicalJson(sealedContent(plan)))}`
}

/** Accepts the digest with or without its `sha256:` prefix; anything else is a typo. */
export function normalizeDigest(value: string, source = 'plan-digest'): string {
  const match = /^(?:sha256:)?([0-9a-f]{64})$/i.exec(value.trim())
  if (!match) {
    throw new UserError(
      `${source} must be the sha256 digest the plan printed (sha256:<64 hex digits>), got "${value}"`,
    )
  }
  return `sha256:${match[1]!.toLowerCase()}`
}
