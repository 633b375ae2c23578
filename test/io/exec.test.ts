import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { which } from '@actions/io'
import { afterEach, describe, expect, it, vi } from 'vitest'
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

describe('run: what a step shows and gets back', () => {
  /** A tool in its own directory on PATH, with `body` as its shell script. */
  function tool(name: string, body: string): string {
    const dir = join(tempDir('tool-'), 'bin')
    mkdirSync(dir)
    writeFileSync(join(dir, name), `#!/bin/sh\n${body}\n`)
    chmodSync(join(dir, name), 0o755)
    process.env.PATH = `${dir}:${savedPath}`
    return join(dir, name)
  }

  /** What run() writes to the step's log while `fn` runs. */
  async function logOf(fn: () => Promise<unknown>): Promise<string> {
    let log = ''
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      log += String(chunk)
      return true
    })
    try {
      await fn()
    } finally {
      write.mockRestore()
    }
    return log
  }

  it('silent (the default) keeps the command and its output out of the log', async () => {
    tool('quiet-tool', 'echo out; echo err >&2')
    let result: Awaited<ReturnType<typeof run>> | undefined
    const log = await logOf(async () => {
      result = await run('quiet-tool', ['a'])
    })
    expect(log).toBe('')
    expect(result).toEqual({ code: 0, stdout: 'out\n', stderr: 'err\n' })
  })

  it('not silent: echoes [command] with the resolved path, then the output as it comes', async () => {
    const path = tool('loud-tool', 'echo out; sleep 0.1; echo err >&2; sleep 0.1; echo more')
    const log = await logOf(() => run('loud-tool', ['one', 'two words'], { silent: false }))
    expect(log).toBe(`[command]${path} one two words\nout\nerr\nmore\n`)
  })

  it('not silent: the log gets the bytes as written, the result the decoded text', async () => {
    tool('bytes-tool', "printf 'a\\377b\\n'")
    let result: Awaited<ReturnType<typeof run>> | undefined
    let raw = Buffer.alloc(0)
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      raw = Buffer.concat([raw, typeof chunk === 'string' ? Buffer.from(chunk) : chunk])
      return true
    })
    try {
      result = await run('bytes-tool', [], { silent: false })
    } finally {
      write.mockRestore()
    }
    expect(raw.subarray(raw.indexOf('\n') + 1)).toEqual(Buffer.from([0x61, 0xff, 0x62, 0x0a]))
    expect(result!.stdout).toBe('a\ufffdb\n')
  })

  it('input a command does not read is no error (EPIPE)', async () => {
    tool('deaf-tool', 'exit 0')
    const result = await run('deaf-tool', [], { input: 'x'.repeat(10 * 2 ** 20) })
    expect(result.code).toBe(0)
  })

  it('writes the input to standard input, and closes it when there is none', async () => {
    tool('cat-tool', 'cat')
    expect((await run('cat-tool', [], { input: 'line 1\nline 2\n' })).stdout).toBe(
      'line 1\nline 2\n',
    )
    // Without input the command reads end-of-file at once instead of waiting.
    expect((await run('cat-tool', [])).stdout).toBe('')
  })

  it('keeps a character whole when the output splits it between two writes', async () => {
    // "é" is 0xC3 0xA9: the first byte, a pause, the second.
    tool('split-tool', "printf '\\303'; sleep 0.2; printf '\\251\\n'")
    expect((await run('split-tool', [])).stdout).toBe('é\n')
  })

  it('a failing command throws CommandError with its code and output, unless failure is allowed', async () => {
    tool('fail-tool', 'echo "why it failed" >&2; exit 3')
    await expect(run('fail-tool', ['sub'])).rejects.toThrow(
      'fail-tool sub failed with exit code 3:\nwhy it failed',
    )
    expect(await run('fail-tool', [], { allowFailure: true })).toEqual({
      code: 3,
      stdout: '',
      stderr: 'why it failed\n',
    })
  })

  it('a command killed by a signal reports 128 plus its number, as a shell does', async () => {
    tool('killed-tool', 'kill -TERM $$')
    expect((await run('killed-tool', [], { allowFailure: true })).code).toBe(143)
  })

  it('passes env over the inherited environment', async () => {
    process.env.MINISHOP_EXEC_INHERITED = 'inherited'
    try {
      tool('env-tool', 'echo "$MINISHOP_EXEC_INHERITED $MINISHOP_EXEC_GIVEN"')
      const result = await run('env-tool', [], { env: { MINISHOP_EXEC_GIVEN: 'given' } })
      expect(result.stdout).toBe('inherited given\n')
    } finally {
      delete process.env.MINISHOP_EXEC_INHERITED
    }
  })

  it('a missing cwd is named before anything runs', async () => {
    const marker = join(tempDir('marker-'), 'ran')
    tool('cwd-tool', `touch ${marker}`)
    const cwd = join(tempDir('gone-'), 'no-such-dir')
    await expect(run('cwd-tool', [], { cwd })).rejects.toThrow(`The cwd: ${cwd} does not exist!`)
    expect(existsSync(marker)).toBe(false)
  })

  it('a file that cannot be executed fails with the reason', async () => {
    const dir = tempDir('noexec-')
    writeFileSync(join(dir, 'not-a-program'), 'text\n')
    await expect(run(join(dir, 'not-a-program'), [])).rejects.toThrow(
      /There was an error when attempting to execute the process '.*not-a-program'.*EACCES/,
    )
  })

  it('does not wait for ever on output a background process still holds after the command exits', async () => {
    // The command exits at once; the sleep it started keeps stdout open.
    tool('daemon-tool', 'echo started; sleep 2 &')
    const result = await run('daemon-tool', [], { streamsGraceMs: 300 })
    expect(result).toMatchObject({ code: 0, stdout: 'started\n' })
  })
})
