import { realpathSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { inputEnvName, parseCommandFile, ROOT, runAction } from './run-action'

const probe = join(ROOT, 'test/fixtures/harness-probe/index.mjs')

describe('runner-contract harness', () => {
  it('names inputs as the runner does: upper-cased, spaces to underscores, hyphens kept', () => {
    expect(inputEnvName('dry-run')).toBe('INPUT_DRY-RUN')
    expect(inputEnvName('name with spaces')).toBe('INPUT_NAME_WITH_SPACES')
  })

  it('parses heredoc and single-line values of a command file', () => {
    const text = 'a=1\nb<<ghadelimiter_x\nline 1\nline 2\n\nghadelimiter_x\nc=x=y\n'
    expect(parseCommandFile(text)).toEqual({ a: '1', b: 'line 1\nline 2\n', c: 'x=y' })
  })

  it('rejects an unterminated heredoc', () => {
    expect(() => parseCommandFile('a<<EOF\nvalue\n')).toThrow(/Unterminated heredoc for a/)
  })

  it('passes inputs, event and workspace, and returns outputs, multi-line values and summary', async () => {
    const result = await runAction(probe, {
      inputs: {
        who: 'world',
        'multi-line': 'one\ntwo\nthree',
        'name with spaces': 'tok-1',
        fail: 'false',
      },
      event: { ref: 'refs/heads/feature' },
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({
      greeting: 'hello world',
      multi: 'one\ntwo\nthree',
      'event-ref': 'refs/heads/feature',
    })
    expect(realpathSync(result.outputs.workspace!)).toBe(
      realpathSync(join(result.runnerDir, 'workspace')),
    )
    expect(result.summary).toContain('<h1>Probe</h1>')
    expect(result.summary).toContain('<td>1</td>')
  })

  it('carries saved state into the post step as STATE_* variables', async () => {
    const main = await runAction(probe, {
      inputs: { who: 'x', 'name with spaces': 'tok-2', fail: 'false' },
    })
    expect(main.state).toEqual({ step: 'main', 'token-id': 'tok-2' })
    const post = await main.post()
    expect(post.exitCode).toBe(0)
    expect(post.outputs['post-saw']).toBe('tok-2')
    expect(post.summary).toContain('post ran after tok-2')
  })

  it('reports a failure as exit code 1 with an error annotation', async () => {
    const result = await runAction(probe, { inputs: { who: 'x', fail: 'true' } })
    expect(result.exitCode).toBe(1)
    expect(result.annotations).toContainEqual({
      level: 'error',
      message: 'probe failed as asked',
      properties: '',
    })
  })

  it('reports a missing required input by name', async () => {
    const result = await runAction(probe, { inputs: { fail: 'false' } })
    expect(result.exitCode).toBe(1)
    expect(result.annotations[0]?.message).toBe('Input required and not supplied: who')
  })
})
