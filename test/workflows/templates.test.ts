// The caller templates work together as copied: what one names, another
// provides.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { ROOT } from '../harness/run-action'

const templates = readdirSync(join(ROOT, 'workflows'))
  .filter((file) => file.endsWith('.yml'))
  .map((file) => ({ file, doc: parse(readFileSync(join(ROOT, 'workflows', file), 'utf8')) }))

describe('caller templates', () => {
  it("production's required checks are workflows the templates define", () => {
    // GitHub names a job's check run after the job ("ci / build user-service"),
    // never after its workflow: a name the gate matches by workflow must be
    // one of these, or no promotion ever passes.
    const workflowNames = templates.map((t) => t.doc.name as string)
    const production = templates.find((t) => t.file === 'promote-production.yml')!
    const required = String(production.doc.jobs.promote.with['required-checks'])
      .split(/[\n,]/)
      .map((name) => name.trim())
      .filter(Boolean)
    expect(required.length).toBeGreaterThan(0)
    for (const name of required) expect(workflowNames, name).toContain(name)
    expect(templates.find((t) => t.file === 'service-ci.yml')!.doc.name).toBe('CI')
  })
})
