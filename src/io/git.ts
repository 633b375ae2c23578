import { type ExecResult, run } from './exec'

export interface GitOptions {
  cwd: string
  env?: Record<string, string>
  input?: string
  allowFailure?: boolean
}

/**
 * Runs git with an argument array. Prompts are disabled: a missing credential
 * must fail fast in CI rather than hang waiting for a terminal.
 */
export function git(args: readonly string[], options: GitOptions): Promise<ExecResult> {
  return run('git', args, {
    cwd: options.cwd,
    env: { GIT_TERMINAL_PROMPT: '0', ...options.env },
    input: options.input,
    allowFailure: options.allowFailure,
  })
}

/** Whether the repository has `oid` as a commit (no fetch). */
export async function hasCommit(oid: string, options: GitOptions): Promise<boolean> {
  const found = await git(['cat-file', '-e', `${oid}^{commit}`], { ...options, allowFailure: true })
  return found.code === 0
}

/** git's stdout with the trailing newline removed. */
export async function gitOut(args: readonly string[], options: GitOptions): Promise<string> {
  return (await git(args, options)).stdout.replace(/\n$/, '')
}
