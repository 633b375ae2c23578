import { checksVerdict, type GateResult, type GateStatus, soakVerdict } from './gates'
import { compareUrl, type PromotionPlan } from './promotion-plan'

// The job summary reviewers read before they click Approve (GitHub's approval
// dialog itself shows nothing): what changes, why it may, and the seal.

export type Outcome =
  /** `blocked`: the gates that would stop apply now (not a pending approval). */
  | { kind: 'planned'; blocked?: string[] }
  | { kind: 'applied'; commit: string | undefined; deployments: number }
  | { kind: 'refused'; reason: string }

export interface SummaryView {
  plan: PromotionPlan
  digest: string
  gates: GateResult[]
  now: Date
  serverUrl: string
  requiredChecks: string[]
  minSoakMs: number
  /** The unified diff apply commits (or committed). */
  diff: string
  outcome: Outcome
}

const ICON: Record<GateStatus, string> = {
  pass: '✅ pass',
  fail: '❌ fail',
  pending: '⏳ pending',
  skipped: '➖ skipped',
  overridden: '⚠️ overridden',
}

/** A value in a table cell: code span, with pipes and backticks unable to break the table. */
export function cell(value: string | undefined): string {
  if (value === undefined) return '_(missing)_'
  const safe = value.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
  // A value holding a backtick needs a longer fence (and spaces) around it.
  return safe.includes('`') ? `\`\` ${safe} \`\`` : `\`${safe}\``
}

function text(value: string): string {
  return value.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
}

function title(plan: PromotionPlan): string {
  return plan.mode === 'rollback' ? `Rollback of ${plan.to}` : `Promotion ${plan.from} → ${plan.to}`
}

function outcomeLine(view: SummaryView): string {
  const { outcome, plan } = view
  switch (outcome.kind) {
    case 'planned':
      if (plan.changes.length === 0) {
        return `Nothing to ${plan.mode === 'rollback' ? 'roll back' : 'promote'}: ${plan.to} already runs these values. Nothing was written.`
      }
      if (outcome.blocked?.length) {
        return `❌ Plan only, and it fails its gates (${outcome.blocked.join(', ')}): apply would refuse it. Nothing was written.`
      }
      return 'Plan only: nothing was written. Approve the apply job only if this is what you expect to ship.'
    case 'applied':
      return outcome.commit
        ? `✅ Applied in one commit \`${outcome.commit}\`, with ${outcome.deployments} deployment record(s) for ${plan.to}.`
        : `✅ Nothing to change: ${plan.to} already had these values.`
    case 'refused':
      return `❌ Refused: ${text(outcome.reason)} Nothing was written.`
  }
}

export function renderPromotionSummary(view: SummaryView): string {
  const { plan, now } = view
  const out: string[] = [`## ${title(plan)}`, '', outcomeLine(view), '']
  const rollback = plan.mode === 'rollback'
  if (plan.changes.length > 0) {
    const header = rollback
      ? ['service', `now in ${plan.to}`, 'back to', `${plan.to} ran it`, 'source changes']
      : [
          'service',
          `now in ${plan.to}`,
          'candidate',
          `live in ${plan.from}`,
          ...(view.requiredChecks.length > 0 ? ['checks'] : []),
          'source changes',
        ]
    out.push(`| ${header.join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`)
    for (const c of plan.changes) {
      const soak = soakVerdict(c, view.minSoakMs, now)
      const live = c.liveSince
        ? `${soak.ok || view.minSoakMs === 0 ? '' : '❌ '}${soak.text}`
        : '_unknown_'
      const link = compareUrl(view.serverUrl, c, plan.mode)
      const changes = link ? `[${shortLink(link)}](${link})` : '_no source recorded_'
      const row = rollback
        ? [c.service, cell(c.current), cell(c.target), live, changes]
        : [
            c.service,
            cell(c.current),
            cell(c.target),
            live,
            ...(view.requiredChecks.length > 0
              ? [text(checksVerdict(c, view.requiredChecks).text)]
              : []),
            changes,
          ]
      out.push(`| ${row.join(' | ')} |`)
    }
    out.push('')
  }
  if (plan.unchanged.length > 0) {
    out.push(`Already in ${plan.to}, not changed: ${plan.unchanged.join(', ')}.`, '')
  }

  // No gates: refused before they were judged (the plan is not the approved one).
  if (view.gates.length > 0) {
    out.push('### Gates', '', '| gate | result | why |', '| --- | --- | --- |')
    for (const g of view.gates) out.push(`| ${g.gate} | ${ICON[g.status]} | ${text(g.reason)} |`)
    const details = view.gates.filter((g) => g.details.length > 0)
    if (details.length > 0) {
      out.push('')
      for (const g of details) {
        for (const d of g.details) out.push(`- **${g.gate}**: ${text(d)}`)
      }
    }
    out.push('')
  }

  if (view.diff.trim() !== '') {
    out.push(
      view.outcome.kind === 'applied'
        ? '### The diff committed'
        : '### The exact diff apply will commit',
      '',
      '```diff',
      view.diff.replace(/\n$/, ''),
      '```',
      '',
    )
  }

  out.push(
    '### Seal',
    '',
    `- Plan digest: \`${view.digest}\``,
    `- GitOps commit read: \`${plan.head}\``,
    `- Evaluated at: ${now.toISOString()}`,
    '',
    `The apply job recomputes this plan and refuses, writing nothing, if its digest differs from this one: if ${rollback ? plan.to : `${plan.from} or ${plan.to}`} moves after this plan, an approval does not carry over to a change no one saw.`,
    '',
  )
  return out.join('\n')
}

function shortLink(url: string): string {
  const compare = /\/compare\/([0-9a-f]+)\.\.\.([0-9a-f]+)$/.exec(url)
  if (compare) return `${compare[1]!.slice(0, 7)}...${compare[2]!.slice(0, 7)}`
  const commit = /\/commit\/([0-9a-f]+)$/.exec(url)
  if (commit) return commit[1]!.slice(0, 7)
  return url
}

/** One line per gate for the log. */
export function gateLogLines(gates: GateResult[]): string[] {
  const lines: string[] = []
  for (const g of gates) {
    lines.push(`${g.gate}: ${g.status} - ${g.reason}`)
    for (const d of g.details) lines.push(`  ${d}`)
  }
  return lines
}
