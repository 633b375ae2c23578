import { formatDuration } from './duration'
import { activeFreeze, type FreezeWindow } from './freeze-window'
import type { CheckResult, PlanChange, PromotionPlan } from './promotion-plan'

// The gates a promotion must pass. Each returns a plain reason a reviewer can
// act on; apply writes nothing unless every gate passes (or is overridden).

export type GateName = 'stage' | 'soak' | 'checks' | 'freeze' | 'approval'
export type GateStatus = 'pass' | 'fail' | 'pending' | 'skipped' | 'overridden'

export interface GateResult {
  gate: GateName
  status: GateStatus
  reason: string
  /** One line per service that failed (or, for a pass, what was checked). */
  details: string[]
}

export interface Approval {
  login: string
  userId?: number
  state: string
  comment: string
  environments: string[]
}

export interface GatePolicy {
  /** The pipeline's stages in order; a promotion goes from one to the next. */
  stages: string[]
  /** 0: no soak gate. */
  minSoakMs: number
  /** How the user wrote it (`24h`), for messages. */
  minSoakText?: string
  soakSource: 'git' | 'deployments'
  requiredChecks: string[]
  freeze: FreezeWindow[]
  overrideFreeze?: string
  requireApproval: boolean
  /** The GitHub Environment the apply job runs in (its reviewers approve): `to` unless named. */
  githubEnvironment: string
}

export interface GateContext {
  plan: PromotionPlan
  policy: GatePolicy
  now: Date
  /** The run's approvals; undefined when not asked (plan mode: approval comes later). */
  approvals: Approval[] | undefined
}

const GREEN = new Set(['success', 'neutral', 'skipped'])

export function evaluateGates(ctx: GateContext): GateResult[] {
  return [stageGate(ctx), soakGate(ctx), checksGate(ctx), freezeGate(ctx), approvalGate(ctx)]
}

/** Gates that stop apply: failed ones (pending approval only stops apply, not plan). */
export function blockingGates(results: GateResult[], applying: boolean): GateResult[] {
  return results.filter((r) => r.status === 'fail' || (applying && r.status === 'pending'))
}

function result(
  gate: GateName,
  status: GateStatus,
  reason: string,
  details: string[] = [],
): GateResult {
  return { gate, status, reason, details }
}

export function utc(iso: string | Date): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

function stageGate({ plan, policy }: GateContext): GateResult {
  if (plan.mode === 'rollback') {
    const never = plan.changes.filter((c) => c.targetRanInTo === false)
    if (never.length > 0) {
      return result(
        'stage',
        'fail',
        `A rollback only goes back to a value ${plan.to} ran before.`,
        never.map((c) => `${c.service}: ${plan.to} never ran ${c.target}`),
      )
    }
    return result('stage', 'pass', `Every rollback target is a value ${plan.to} ran before.`)
  }
  const from = plan.from ?? ''
  const order = stageOrderProblem(policy.stages, from, plan.to)
  if (order) return result('stage', 'fail', order)
  const problems: string[] = []
  for (const c of plan.changes) {
    if (c.fromValue === undefined) {
      problems.push(`${c.service}: ${from} has no value at this key, so it never ran ${c.target}`)
    } else if (c.fromValue !== c.target) {
      problems.push(`${c.service}: ${c.target} is not what ${from} runs now (${c.fromValue})`)
    } else if (policy.soakSource === 'deployments' && c.fromDeploymentState !== 'success') {
      const state = c.fromDeploymentState
      problems.push(
        state === undefined
          ? `${c.service}: ${from} has no deployment of ${c.target}, so it never ran there`
          : state.startsWith('of ')
            ? `${c.service}: ${from}'s latest deployment of it deployed ${state.slice(3)}, not ${c.target}`
            : `${c.service}: the latest deployment of ${c.target} to ${from} is ${state}, not success`,
      )
    }
  }
  if (problems.length > 0) {
    return result(
      'stage',
      'fail',
      `Only what ${from} runs now can be promoted to ${plan.to}.`,
      problems,
    )
  }
  return result('stage', 'pass', `Every candidate is what ${from} runs now; ${from} → ${plan.to}.`)
}

/** Why `from` → `to` is not one step along the stages, or undefined. */
export function stageOrderProblem(stages: string[], from: string, to: string): string | undefined {
  const lower = stages.map((s) => s.toLowerCase())
  const i = lower.indexOf(from.toLowerCase())
  const j = lower.indexOf(to.toLowerCase())
  const list = stages.join(' → ')
  if (i < 0 || j < 0) {
    return `${i < 0 ? from : to} is not one of the stages (${list}); list the pipeline's environments in order in the stages input.`
  }
  if (j === i + 1) return undefined
  if (j <= i) return `${from} → ${to} goes backwards along ${list}; use mode rollback to go back.`
  return `${from} → ${to} skips ${stages.slice(i + 1, j).join(', ')} (${list}): promote to ${stages[i + 1]} first.`
}

/** How long a change has soaked, and whether that is enough. */
export function soakVerdict(
  change: PlanChange,
  minSoakMs: number,
  now: Date,
): { ok: boolean; text: string; liveMs?: number } {
  if (!change.liveSince) return { ok: minSoakMs === 0, text: 'unknown' }
  const liveMs = now.getTime() - new Date(change.liveSince).getTime()
  const text = `${formatDuration(Math.max(0, liveMs))} (since ${utc(change.liveSince)})`
  return { ok: liveMs >= minSoakMs, text, liveMs }
}

function soakGate({ plan, policy, now }: GateContext): GateResult {
  if (plan.mode === 'rollback') return result('soak', 'skipped', 'A rollback does not soak.')
  if (policy.minSoakMs === 0) return result('soak', 'skipped', 'No min-soak set.')
  const need = policy.minSoakText ?? formatDuration(policy.minSoakMs)
  const from = plan.from ?? ''
  const problems: string[] = []
  for (const c of plan.changes) {
    const v = soakVerdict(c, policy.minSoakMs, now)
    if (v.ok) continue
    if (v.liveMs === undefined) {
      problems.push(
        policy.soakSource === 'git'
          ? `${c.service}: no commit in the GitOps history sets ${c.target} in ${from}, so its soak cannot be measured (is the checkout shallow?)`
          : `${c.service}: no successful deployment of ${c.target} to ${from}, so its soak cannot be measured`,
      )
    } else {
      const ready = new Date(new Date(c.liveSince!).getTime() + policy.minSoakMs)
      problems.push(
        `${c.service}: ${c.target} has been live in ${from} for ${v.text}; it needs ${need}, ready at ${utc(ready)}`,
      )
    }
  }
  if (problems.length > 0) {
    return result(
      'soak',
      'fail',
      `Every candidate must have been live in ${from} for ${need}.`,
      problems,
    )
  }
  return result('soak', 'pass', `Every candidate has been live in ${from} for at least ${need}.`)
}

/** The newest result per required name, and what is wrong with each. */
export function checksVerdict(
  change: PlanChange,
  required: string[],
): { ok: boolean; text: string; problems: string[] } {
  if (required.length === 0) return { ok: true, text: '', problems: [] }
  if (!change.source) {
    return {
      ok: false,
      text: 'no source commit',
      problems: [
        `no Source-Commit trailer on the GitOps commit that set ${change.target}, so its checks cannot be found`,
      ],
    }
  }
  const problems: string[] = []
  for (const name of required) {
    const named = (change.checks ?? []).filter((c) => c.name === name)
    // A workflow of that name is judged by its runs alone: a job or a status
    // that shares its name must not stand in for the whole workflow.
    const runs = named.filter((c) => c.kind === 'workflow')
    const latest = newest(runs.length > 0 ? runs : named)
    if (!latest) problems.push(`${name} has not run`)
    else if (latest.state === 'pending') problems.push(`${name} is still running`)
    else if (!GREEN.has(latest.state)) problems.push(`${name} is ${latest.state.replace('_', ' ')}`)
  }
  const short = change.source.commit.slice(0, 7)
  return {
    ok: problems.length === 0,
    text:
      problems.length === 0
        ? `✅ ${required.length}/${required.length}`
        : `❌ ${problems.join('; ')}`,
    problems: problems.map((p) => `${p} on ${change.source!.repository}@${short}`),
  }
}

function newest(checks: CheckResult[]): CheckResult | undefined {
  return [...checks].sort((a, b) => (a.at ?? '').localeCompare(b.at ?? '')).at(-1)
}

function checksGate({ plan, policy }: GateContext): GateResult {
  if (plan.mode === 'rollback') {
    return result('checks', 'skipped', 'A rollback goes back to a value that already ran.')
  }
  if (policy.requiredChecks.length === 0)
    return result('checks', 'skipped', 'No required-checks set.')
  const problems: string[] = []
  for (const c of plan.changes) {
    for (const p of checksVerdict(c, policy.requiredChecks).problems)
      problems.push(`${c.service}: ${p}`)
  }
  const names = policy.requiredChecks.join(', ')
  if (problems.length > 0) {
    return result(
      'checks',
      'fail',
      `Required checks (${names}) must be green on each candidate's source commit.`,
      problems,
    )
  }
  return result(
    'checks',
    'pass',
    `Required checks (${names}) are green on every candidate's source commit.`,
  )
}

function freezeGate({ plan, policy, now }: GateContext): GateResult {
  if (policy.freeze.length === 0) return result('freeze', 'skipped', 'No freeze windows set.')
  if (plan.mode === 'rollback') {
    return result('freeze', 'skipped', 'Freeze windows do not hold back a rollback.')
  }
  const active = activeFreeze(policy.freeze, now)
  if (!active) return result('freeze', 'pass', `${plan.to} is outside its freeze windows.`)
  const where = `${plan.to} is frozen: ${active.localNow} is inside "${active.window.text}"`
  if (policy.overrideFreeze) {
    return result('freeze', 'overridden', `${where}; overridden: "${policy.overrideFreeze}".`)
  }
  return result(
    'freeze',
    'fail',
    `${where}. Wait for the window to end, or set override-freeze to the reason (it is recorded in the commit).`,
  )
}

/** Approvals of this run that approved `environment` (GitHub compares names case-insensitively). */
export function approvalsFor(approvals: Approval[], environment: string): Approval[] {
  const env = environment.toLowerCase()
  return approvals.filter(
    (a) => a.state === 'approved' && a.environments.some((e) => e.toLowerCase() === env),
  )
}

function approvalGate({ policy, approvals }: GateContext): GateResult {
  if (!policy.requireApproval) return result('approval', 'skipped', 'require-approval is false.')
  const env = policy.githubEnvironment
  if (approvals === undefined) {
    return result(
      'approval',
      'pending',
      `Apply needs a reviewer of the ${env} environment to approve the run.`,
    )
  }
  const approved = approvalsFor(approvals, env)
  if (approved.length === 0) {
    return result(
      'approval',
      'fail',
      `No one approved the ${env} environment for this run. Run the apply job in environment ${env} with required reviewers.`,
    )
  }
  return result(
    'approval',
    'pass',
    `Approved by ${approved.map((a) => a.login).join(', ')}.`,
    approved.filter((a) => a.comment.trim()).map((a) => `${a.login}: ${a.comment.trim()}`),
  )
}
