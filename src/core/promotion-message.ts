import { type Approval, approvalsFor } from './gates'
import type { PromotionPlan, SourceRef } from './promotion-plan'

// The promotion commit is the audit trail: who approved what, from where, and
// which source commits it brings. Trailers keep that machine-readable
// (`git log --format=%(trailers)`), and the next promotion reads them back.

export interface PromotionRecord {
  plan: PromotionPlan
  digest: string
  approvals: Approval[]
  /** The GitHub Environment whose approvals count. */
  environment: string
  overrideFreeze?: string
  runUrl?: string
  /** The host of GitHub's no-reply addresses: github.com -> users.noreply.github.com. */
  serverUrl: string
}

/** `Promote to prod: user-service 1.2.3, order-service 2.0.1`, or a count when there are many. */
export function promotionSubject(plan: PromotionPlan): string {
  const many = plan.changes.length > 3
  if (plan.mode === 'rollback') {
    const what = many
      ? `${plan.changes.length} services`
      : plan.changes.map((c) => `${c.service} ${c.current ?? '(none)'} -> ${c.target}`).join(', ')
    return `Roll back ${plan.to}: ${what}`
  }
  const what = many
    ? `${plan.changes.length} services from ${plan.from}`
    : plan.changes.map((c) => `${c.service} ${c.target}`).join(', ')
  return `Promote to ${plan.to}: ${what}`
}

/** The template variables a `commit-message` input may use. */
export function promotionVars(plan: PromotionPlan): Record<string, string> {
  return {
    to: plan.to,
    from: plan.from ?? '',
    mode: plan.mode,
    key: plan.key,
    count: String(plan.changes.length),
    services: plan.changes.map((c) => c.service).join(', '),
    changes: plan.changes.map((c) => `${c.service} ${c.target}`).join(', '),
  }
}

/** The body under the subject: one line per service, before -> after. */
export function promotionBody(plan: PromotionPlan): string {
  const lines = plan.changes.map(
    (c) => `- ${c.service}: ${c.current ?? '(none)'} -> ${c.target} (${c.file})`,
  )
  const intro =
    plan.mode === 'rollback'
      ? `Rollback of ${plan.to}, to the values it ran before:`
      : `Promoted from ${plan.from} to ${plan.to}:`
  return [intro, ...lines].join('\n')
}

function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim()
}

/** `alice <123+alice@users.noreply.github.com>`: the identity GitHub itself uses for a login. */
export function approverIdentity(approval: Approval, serverUrl: string): string {
  const host = new URL(serverUrl).host
  const local = approval.userId ? `${approval.userId}+${approval.login}` : approval.login
  return `${approval.login} <${local}@users.noreply.${host}>`
}

export function sameSource(sources: (SourceRef | undefined)[]): SourceRef | undefined {
  const first = sources[0]
  if (!first) return undefined
  return sources.every((s) => s?.repository === first.repository && s.commit === first.commit)
    ? first
    : undefined
}

export function promotionTrailers(record: PromotionRecord): [string, string][] {
  const { plan } = record
  const trailers: [string, string][] = [['Promotion-Mode', plan.mode]]
  if (plan.from) trailers.push(['Promoted-From', plan.from])
  trailers.push(['Plan-Digest', record.digest])
  for (const c of plan.changes) {
    if (c.source)
      trailers.push(['Service-Source', `${c.service} ${c.source.repository}@${c.source.commit}`])
  }
  // A single source keeps the plain trailers bump-helm-values writes.
  const single = sameSource(plan.changes.map((c) => c.source))
  if (single) {
    trailers.push(['Source-Repository', single.repository], ['Source-Commit', single.commit])
  }
  for (const a of approvalsFor(record.approvals, record.environment)) {
    trailers.push(['Approved-by', approverIdentity(a, record.serverUrl)])
    if (a.comment.trim()) trailers.push(['Approval-Comment', `${a.login}: ${oneLine(a.comment)}`])
  }
  if (record.overrideFreeze) trailers.push(['Freeze-Override', oneLine(record.overrideFreeze)])
  if (record.runUrl) trailers.push(['Run-URL', record.runUrl])
  return trailers
}

/**
 * Where a value came from, read from the trailers of the commit that set it:
 * a promotion's per-service `Service-Source`, else the plain
 * `Source-Repository` + `Source-Commit` that bump-helm-values writes.
 */
export function sourceFromTrailers(
  trailers: [string, string][],
  service: string,
): SourceRef | undefined {
  for (const [key, value] of trailers) {
    if (key.toLowerCase() !== 'service-source') continue
    const match = /^(\S+)\s+([^@\s]+)@([0-9a-fA-F]{7,64})$/.exec(value.trim())
    if (match && match[1] === service) return { repository: match[2]!, commit: match[3]! }
  }
  const get = (name: string): string | undefined =>
    trailers.find(([k]) => k.toLowerCase() === name)?.[1]?.trim()
  const repository = get('source-repository')
  const commit = get('source-commit')
  if (repository && commit) return { repository, commit }
  return undefined
}

/** Whether a commit's trailers mark it as a rollback. */
export function isRollbackCommit(trailers: [string, string][]): boolean {
  return trailers.some(
    ([k, v]) => k.toLowerCase() === 'promotion-mode' && v.trim().toLowerCase() === 'rollback',
  )
}
