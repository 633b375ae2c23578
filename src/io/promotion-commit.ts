import { renderCommitMessage, withTrailers } from '../core/commit-message'
import type { PrepareCommit, ReadFile } from '../core/commit-plan'
import { UserError } from '../core/errors'
import type { Approval } from '../core/gates'
import { planDigest } from '../core/plan-digest'
import { type FileEdit, promotionEdits } from '../core/promotion-edits'
import {
  promotionBody,
  promotionSubject,
  promotionTrailers,
  promotionVars,
} from '../core/promotion-message'
import type { PromotionPlan } from '../core/promotion-plan'
import { planDrift } from '../core/promotion-report'
import { type PlanRequest, readPlan } from './promotion-reader'

/** The new contents of every file a plan changes, from the files as `read` sees them. */
export async function editsOf(plan: PromotionPlan, read: ReadFile): Promise<FileEdit[]> {
  const contents = new Map<string, string>()
  for (const c of plan.changes) {
    const text = await read(c.file)
    if (text !== undefined) contents.set(c.file, text)
  }
  return promotionEdits(plan, contents)
}

export interface SealedCommit {
  request: PlanRequest
  /** The plan the gates judged (and reviewers approved), its digest, and the commit it was read at. */
  sealed: { plan: PromotionPlan; digest: string; tip: string }
  message: {
    /** commit-message input: a subject template; default "Promote to <to>: ...". */
    template: string | undefined
    approvals: Approval[]
    /** The GitHub Environment whose approvals count. */
    environment: string
    overrideFreeze: string | undefined
    runUrl: string | undefined
    serverUrl: string
  }
  log?: (line: string) => void
}

/**
 * The promotion's `prepare` for the shared commitAndPush. It runs at the
 * branch tip before each push attempt; when the tip is not the commit the
 * plan was read at (another pipeline pushed), it plans again there and
 * refuses, with nothing pushed, unless that plan is still the sealed one. A
 * retry therefore applies the approved change on the new tip or stops; it
 * never writes something no one approved.
 */
export function sealedPrepare(o: SealedCommit): PrepareCommit {
  return async (read, attempt, tip) => {
    if (!tip) throw new Error('commitAndPush did not pass the tip to prepare')
    let plan = o.sealed.plan
    if (tip !== o.sealed.tip) {
      plan = await readPlan(o.request, tip, read)
      if (planDigest(plan) !== o.sealed.digest) {
        throw new UserError(
          `Refused at attempt ${attempt}: the GitOps branch moved to ${tip.slice(0, 12)} and the plan there differs from the approved one (${planDrift(o.sealed.plan, plan)}). Nothing was written; plan again.`,
        )
      }
      o.log?.(`The branch moved to ${tip.slice(0, 12)}; the plan there is still the sealed one.`)
    }
    const edits = await editsOf(plan, read)
    if (edits.length === 0) return undefined
    const subject = o.message.template
      ? renderCommitMessage(o.message.template, promotionVars(plan))
      : promotionSubject(plan)
    const message = withTrailers(
      `${subject}\n\n${promotionBody(plan)}\n`,
      promotionTrailers({
        plan,
        digest: o.sealed.digest,
        approvals: o.message.approvals,
        environment: o.message.environment,
        overrideFreeze: o.message.overrideFreeze,
        runUrl: o.message.runUrl,
        serverUrl: o.message.serverUrl,
      }),
    )
    return { files: edits.map((e) => ({ path: e.path, content: e.after })), message }
  }
}
