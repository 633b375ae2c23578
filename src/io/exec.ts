import * as exec from '@actions/exec'
import { which } from '@actions/io'

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
// @actions/exec stats it in every PATH directory on every call (a runner's
// PATH has about fifteen), and an action runs git several times. The lookup
// is @actions/exec's own (io.which on process.env.PATH); a failed one is not
// kept, so a tool installed later is found.
const located = new Map<string, Promise<string>>()

function locate(command: string): Promise<string> {
  if (command.includes('/')) return Promise.resolve(command)
  const key = `${process.env.PATH ?? ''}\0${command}`
  let path = located.get(key)
  if (!path) {
    path = which(command, true)
    path.catch(() => located.delete(key))
    located.set(key, path)
  }
  return path
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
