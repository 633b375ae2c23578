// src/io/runner.ts stands in for @actions/core in every action: each call
// must write what @actions/core's writes, to stdout and to the command files,
// with and without the runner's files.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as actionsCore from '@actions/core'
import { afterEach, describe, expect, it } from 'vitest'
import * as runner from '../../src/io/runner'
import { tempDir } from '../harness/git-fixtures'

type Core = typeof runner

const FILES = ['OUTPUT', 'STATE', 'ENV', 'PATH'] as const
// The summary (one object, shared by both) keeps the first path it wrote to.
const SUMMARY = join(tempDir('summary-'), 'summary.md')
const saved = { ...process.env }
afterEach(() => {
  process.env = { ...saved }
})

/** Everything one script of calls writes: stdout, the command files, the summary, process state. */
async function transcript(core: Core, withFiles: boolean) {
  const dir = tempDir('runner-')
  for (const name of FILES) {
    const file = join(dir, name)
    writeFileSync(file, '')
    if (withFiles) process.env[`GITHUB_${name}`] = file
    else delete process.env[`GITHUB_${name}`]
  }
  process.env.GITHUB_STEP_SUMMARY = SUMMARY
  writeFileSync(SUMMARY, '')
  process.env['INPUT_NAME_WITH_SPACES'] = '  padded value \n'
  process.env.STATE_saved = 'from main'
  process.env.PATH = '/usr/bin'
  const exitCode = process.exitCode
  let stdout = ''
  const write = process.stdout.write
  process.stdout.write = ((chunk: string) => {
    stdout += chunk
    return true
  }) as typeof process.stdout.write
  const values: unknown[] = []
  try {
    values.push(core.getInput('name with spaces'), core.getInput('missing'))
    values.push(core.getState('saved'), core.getState('missing'))
    core.setOutput('text', 'multi\nline')
    core.setOutput('json', { a: [1, 2] })
    core.saveState('state', 'x:y,z%')
    core.exportVariable('MINISHOP_TEST_VAR', 'v1')
    core.addPath('/opt/tool/bin')
    core.setSecret('s3cr3t')
    core.info('plain % line')
    core.warning('careful\nnow', { file: 'a.yaml', startLine: 3, startColumn: 2, title: 't:,' })
    core.notice(new Error('as an error'))
    core.error('bad', {})
    values.push(await core.group('Group', async () => 'result'))
    core.startGroup('Manual')
    core.endGroup()
    core.setFailed('failed')
    values.push(process.exitCode, core.ExitCode.Failure, core.ExitCode.Success)
    await core.summary.addHeading('Summary', 2).addRaw('text', true).write()
    await core.summary
      .addHeading('Bad level', 9)
      .addTable([
        [
          { data: 'Service', header: true },
          { data: 'Wide', header: true, colspan: '2' },
        ],
        ['user-service', { data: 'tall', rowspan: '3' }, ''],
      ])
      .addDetails('Diff', '\n\n```diff\n+ a\n```\n')
      .addEOL()
      .write()
    values.push(core.summary.isEmptyBuffer(), core.summary.addRaw('kept').stringify())
    core.summary.emptyBuffer()
  } finally {
    process.stdout.write = write
    values.push(process.env.MINISHOP_TEST_VAR, process.env.PATH)
    process.exitCode = exitCode
  }
  const read = (path: string) =>
    readFileSync(path, 'utf8').replace(/ghadelimiter_[0-9a-f-]+/g, 'ghadelimiter_X')
  return {
    stdout,
    files: Object.fromEntries(FILES.map((name) => [name, read(join(dir, name))])),
    summary: read(SUMMARY),
    values,
  }
}

describe('runner (the light @actions/core)', () => {
  for (const withFiles of [true, false]) {
    it(`writes what @actions/core writes (${withFiles ? 'file commands' : 'stdout commands'})`, async () => {
      const ours = await transcript(runner, withFiles)
      const theirs = await transcript(actionsCore as unknown as Core, withFiles)
      expect(ours).toEqual(theirs)
      expect(ours.summary).toBe(
        '<h2>Summary</h2>\ntext\n<h1>Bad level</h1>\n<table><tr><th>Service</th><th colspan="2">Wide</th></tr><tr><td>user-service</td><td rowspan="3">tall</td><td></tr></table>\n<details><summary>Diff</summary>\n\n```diff\n+ a\n```\n</details>\n\n',
      )
      expect(ours.stdout).toContain(
        '::warning title=t%3A%2C,file=a.yaml,line=3,col=2::careful%0Anow',
      )
    })
  }

  it('never writes a delimiter that occurs in the name or the value: another is drawn', () => {
    const draws = ['ghadelimiter_1', 'ghadelimiter_2', 'ghadelimiter_3']
    const draw = () => draws.shift()!
    expect(runner.prepareKeyValueMessage('out', 'a\nghadelimiter_1\nb', draw)).toBe(
      'out<<ghadelimiter_2\na\nghadelimiter_1\nb\nghadelimiter_2',
    )
    expect(runner.prepareKeyValueMessage('x-ghadelimiter_3', 'v', () => draws.shift() ?? 'Z')).toBe(
      'x-ghadelimiter_3<<Z\nv\nZ',
    )
  })

  it('draws delimiters of the shape @actions/core writes, a new one each time', () => {
    const first = /<<(\S+)/.exec(runner.prepareKeyValueMessage('a', 'b'))?.[1]
    const second = /<<(\S+)/.exec(runner.prepareKeyValueMessage('a', 'b'))?.[1]
    expect(first).toMatch(
      /^ghadelimiter_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    )
    expect(second).not.toBe(first)
  })
})
