import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { tempDir } from './git-fixtures'
import { ROOT } from './run-action'

/** Runs the bundled CLI (dist/cli/index.js) as a user would, outside any runner. */
export function cli(
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {},
) {
  const result = spawnSync(process.execPath, [join(ROOT, 'dist/cli/index.js'), ...args], {
    cwd: options.cwd ?? tempDir('cli-'),
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 60_000,
    env: { ...process.env, GITHUB_ACTIONS: '', GITHUB_TOKEN: '', GH_TOKEN: '', ...options.env },
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}
