import { type Stats, statSync } from 'node:fs'
import { delimiter, join } from 'node:path'

// @actions/exec (with @actions/io, child_process and assert) is loaded by the
// first command: a dry run that runs none does not pay for it.
const loadExec = () => import('@actions/exec')

export interface ExecResult {
  code: number
  stdout: string
  stderr: string
}

export interface ExecOptions {
  cwd?: string
  env?: Record<string, string>
  /** Written to the process's standard input. */
  input?: string
  /** Do not echo the command and its output to the log. */
  silent?: boolean
  /** Return a non-zero exit code instead of throwing. */
  allowFailure?: boolean
}

export class CommandError extends Error {
  constructor(
    readonly command: string,
    readonly args: readonly string[],
    readonly result: ExecResult,
  ) {
    const detail = (result.stderr.trim() || result.stdout.trim()).split('\n').slice(-20).join('\n')
    super(
      `${command} ${args[0] ?? ''} failed with exit code ${result.code}${detail ? `:\n${detail}` : ''}`,
    )
    this.name = 'CommandError'
  }
}

// Where each command is on PATH, looked up once per PATH. Given a bare name,
// @actions/exec stats it in every PATH directory, one asynchronous stat
// after another, on every call (a runner's PATH has about fifteen), and an
// action runs git several times. The lookup finds what io.which finds (the
// first executable file in PATH order) with synchronous stats that raise no
// error for a missing file; io.which itself answers where that does not
// apply (Windows) and words the error when nothing is found. A failed
// lookup is not kept, so a tool installed later is found.
const located = new Map<string, Promise<string>>()

function locate(command: string): Promise<string> {
  if (command.includes('/')) return Promise.resolve(command)
  const key = `${process.env.PATH ?? ''}\0${command}`
  let path = located.get(key)
  if (!path) {
    const found = process.platform === 'win32' ? undefined : firstOnPath(command)
    path = found
      ? Promise.resolve(found)
      : import('@actions/io').then(({ which }) => which(command, true))
    path.catch(() => located.delete(key))
    located.set(key, path)
  }
  return path
}

/** @actions/io's test for an executable file on Unix. */
function isExecutable(stats: Stats): boolean {
  return (
    (stats.mode & 1) > 0 ||
    ((stats.mode & 8) > 0 && stats.gid === process.getgid?.()) ||
    ((stats.mode & 64) > 0 && stats.uid === process.getuid?.())
  )
}

function firstOnPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue
    const path = join(dir, command)
    try {
      const stats = statSync(path, { throwIfNoEntry: false })
      if (stats?.isFile() && isExecutable(stats)) return path
    } catch {
      // Not a directory, no permission: not here, as for io.which.
    }
  }
  return undefined
}

/**
 * Runs a program with an argument array: no shell ever sees an input.
 * Every external command of this library goes through here.
 */
export async function run(
  command: string,
  args: readonly string[],
  options: ExecOptions = {},
): Promise<ExecResult> {
  const exec = await loadExec()
  const result = await exec.getExecOutput(await locate(command), [...args], {
    cwd: options.cwd,
    env: options.env ? { ...(process.env as Record<string, string>), ...options.env } : undefined,
    input: options.input === undefined ? undefined : Buffer.from(options.input),
    silent: options.silent ?? true,
    ignoreReturnCode: true,
  })
  const out: ExecResult = { code: result.exitCode, stdout: result.stdout, stderr: result.stderr }
  if (out.code !== 0 && !options.allowFailure) throw new CommandError(command, args, out)
  return out
}
