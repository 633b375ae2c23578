// Realistic inputs for the benchmarks, generated deterministically.
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { valuesFile } from '../src/cli/sample-values'

export { MINISHOP_SERVICES, random, valuesFile } from '../src/cli/sample-values'

/** Writes `infra/helm-charts/<service>/values-<env>.yaml` for each service and env. */
export function writeGitOpsTree(
  dir: string,
  services: string[],
  envs: string[],
  lines = (i: number) => 300 + ((i * 97) % 1200),
): void {
  services.forEach((service, i) => {
    const chart = join(dir, 'infra/helm-charts', service)
    mkdirSync(chart, { recursive: true })
    for (const env of envs)
      writeFileSync(join(chart, `values-${env}.yaml`), valuesFile(service, lines(i)))
  })
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'bench',
      GIT_AUTHOR_EMAIL: 'bench@example.test',
      GIT_COMMITTER_NAME: 'bench',
      GIT_COMMITTER_EMAIL: 'bench@example.test',
    },
  }).trim()
}
