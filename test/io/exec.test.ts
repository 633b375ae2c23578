import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { which } from '@actions/io'
import { afterEach, describe, expect, it } from 'vitest'
import { run } from '../../src/io/exec'
import { tempDir } from '../harness/git-fixtures'

// run() with real executables on a real PATH: the lookup is cached per PATH.

const savedPath = process.env.PATH
afterEach(() => {
  process.env.PATH = savedPath
})

/** A directory holding `name`, a script that prints `says` and then its arguments, one per line. */
function toolDir(name: string, says: string): string {
  const dir = join(tempDir('tool-'), 'bin')
  mkdirSync(dir)
  writeFileSync(join(dir, name), `#!/bin/sh\necho ${says}\nfor a in "$@"; do echo "$a"; done\n`)
  chmodSync(join(dir, name), 0o755)
  return dir
}

describe('run', () => {
  it('passes arguments verbatim, with no shell', async () => {
    process.env.PATH = `${toolDir('echoer', 'A')}:${savedPath}`
    const hostile = ['$(touch pwned)', '; rm -rf /', '`id`', 'it\'s "quoted"', '*']
    const result = await run('echoer', hostile)
    expect(result.stdout).toBe(`A\n${hostile.join('\n')}\n`)
  })

  it('looks a command up again when PATH changes', async () => {
    const a = toolDir('which-tool', 'A')
    process.env.PATH = `${a}:${savedPath}`
    expect((await run('which-tool', [])).stdout).toBe('A\n')
    process.env.PATH = `${toolDir('which-tool', 'B')}:${a}:${savedPath}`
    expect((await run('which-tool', [])).stdout).toBe('B\n')
  })

  it('a command missing from PATH fails clearly, and is found once it is there', async () => {
    const dir = join(tempDir('empty-'), 'bin')
    mkdirSync(dir)
    process.env.PATH = `${dir}:${savedPath}`
    await expect(run('late-tool', [])).rejects.toThrow(
      /Unable to locate executable file: late-tool/,
    )
    writeFileSync(join(dir, 'late-tool'), '#!/bin/sh\necho here\n')
    chmodSync(join(dir, 'late-tool'), 0o755)
    expect((await run('late-tool', [])).stdout).toBe('here\n')
  })

  it('runs the first executable file of that name on PATH, as io.which finds it', async () => {
    const notExecutable = join(tempDir('noexec-'), 'bin')
    mkdirSync(notExecutable)
    writeFileSync(join(notExecutable, 'pick-tool'), '#!/bin/sh\necho wrong\n')
    const aDirectory = join(tempDir('dir-'), 'bin')
    mkdirSync(join(aDirectory, 'pick-tool'), { recursive: true })
    const right = toolDir('pick-tool', 'right')
    process.env.PATH = `${notExecutable}:${aDirectory}:${right}:${toolDir('pick-tool', 'later')}`
    expect((await run('pick-tool', [])).stdout).toBe('right\n')
    expect(await which('pick-tool', true)).toBe(join(right, 'pick-tool'))
  })
})
