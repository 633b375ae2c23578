import type { PromotionPlan } from './promotion-plan'
import { setScalar } from './yaml-edit'

export interface FileEdit {
  path: string
  before: string
  after: string
}

/**
 * The file contents apply writes: each change's value set (at the plan's key
 * and every `alsoSet` key) with the shared byte-minimal edit (only the
 * values' bytes change). `contents` holds the
 * current text of every changed file; changes to one file apply in order.
 */
export function promotionEdits(plan: PromotionPlan, contents: Map<string, string>): FileEdit[] {
  const edits = new Map<string, FileEdit>()
  for (const c of plan.changes) {
    const before = edits.get(c.file)?.after ?? contents.get(c.file)
    if (before === undefined) throw new Error(`promotionEdits: no contents for ${c.file}`)
    let text = before
    for (const key of [plan.key, ...(plan.alsoSet ?? [])]) {
      text = setScalar(text, key, c.target, { file: c.file }).text
    }
    const edit = edits.get(c.file)
    if (edit) edit.after = text
    else edits.set(c.file, { path: c.file, before, after: text })
  }
  return [...edits.values()].filter((e) => e.after !== e.before)
}
