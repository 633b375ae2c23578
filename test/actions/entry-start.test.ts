// An entry's work is started by start(), which must fail the step, with an
// annotation, however that work fails.
import { EventEmitter } from 'node:events'
import { cpSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { start } from '../../src/actions/common/run-action'
import { ROOT, runAction } from '../harness/run-action'

afterEach(() => {
  process.exitCode = undefined
  vi.restoreAllMocks()
})

function captureStdout(): () => string {
  let out = ''
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk)
    return true
  })
  return () => out
}

describe('start', () => {
  it('fails the step when the work never finishes', () => {
    const stdout = captureStdout()
    const events = new EventEmitter()
    start(() => new Promise(() => {}), events as unknown as NodeJS.Process)
    events.emit('exit', 0)
    expect(process.exitCode).toBe(1)
    expect(stdout()).toContain('::error::the action stopped before its work finished')
  })

  it('fails the step when the work rejects, as a bug', async () => {
    const stdout = captureStdout()
    const events = new EventEmitter()
    start(() => Promise.reject(new Error('boom')), events as unknown as NodeJS.Process)
    await new Promise((resolve) => setImmediate(resolve))
    events.emit('exit', 1)
    expect(process.exitCode).toBe(1)
    expect(stdout().match(/::error::/g)).toHaveLength(1)
    expect(stdout()).toContain('::error::boom')
  })

  it('leaves a finished run alone', async () => {
    const stdout = captureStdout()
    const events = new EventEmitter()
    start(async () => {}, events as unknown as NodeJS.Process)
    await new Promise((resolve) => setImmediate(resolve))
    events.emit('exit', 0)
    expect(process.exitCode).toBeUndefined()
    expect(stdout()).toBe('')
  })
})

describe('a bundle that cannot load its code', () => {
  it('fails, even where node lets unhandled rejections pass', async () => {
    // The root action without the actions' bundles: loading the chosen command fails.
    const dir = mkdtempSync(join(tmpdir(), 'no-chunks-'))
    for (const file of ['index.js', 'package.json'])
      cpSync(join(ROOT, 'dist', file), join(dir, file))
    const result = await runAction(join(dir, 'index.js'), {
      inputs: { command: 'detect-changes' },
      env: { NODE_OPTIONS: '--unhandled-rejections=warn' },
    })
    expect(result.exitCode).toBe(1)
    expect(result.annotations).toHaveLength(1)
    expect(result.annotations[0]!.message).toMatch(
      /^Cannot find module .*This is a bug in minishop\/actions/s,
    )
  })
})
