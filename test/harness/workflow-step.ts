// Runs one `run:` step of a workflow of this repository as a runner does:
// bash --noprofile --norc -eo pipefail on the script, with the job's env and
// the step's env (whose `${{ }}` values the test supplies), GITHUB_OUTPUT,
// GITHUB_STEP_SUMMARY and RUNNER_TEMP, and recording stand-ins for the
// commands the test names (docker, ...), which log their arguments (and, for
// `login`, the password on stdin).
import { spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import YAML from 'yaml'
import { tempDir } from './git-fixtures'
import { read } from './repo-files'

interface Step {
  id?: string
  name?: string
  run?: string
  env?: Record<string, string>
}

interface Job {
  env?: Record<string, string>
  steps: Step[]
}

export interface StepRun {
  status: number | null
  stdout: string
  stderr: string
  /** What each stand-in was called with, in order: `docker pull ...`. */
  calls: string[]
  output: string
  summary: string
  runnerTemp: string
}

/** The step (by id or name) of `job` in `file`, with the job's env. */
export function workflowStep(file: string, job: string, step: string) {
  const workflow = YAML.parse(read(file)) as { jobs: Record<string, Job> }
  const j = workflow.jobs[job]
  if (!j) throw new Error(`${file} has no job ${job}`)
  const s = j.steps.find((x) => x.id === step || x.name === step)
  if (!s?.run) throw new Error(`${file} job ${job} has no run step ${step}`)
  return {
    jobEnv: j.env ?? {},
    env: s.env ?? {},
    run: (
      values: Record<string, string>,
      options: { stubs?: string[]; before?: (temp: string) => void } = {},
    ) => runStep(s.run!, { ...(j.env ?? {}), ...values }, options),
  }
}

function runStep(
  script: string,
  env: Record<string, string>,
  options: { stubs?: string[]; before?: (temp: string) => void },
): StepRun {
  const dir = tempDir('workflow-step-')
  const bin = join(dir, 'bin')
  const runnerTemp = join(dir, 'temp')
  mkdirSync(bin)
  mkdirSync(runnerTemp)
  const log = join(dir, 'calls.log')
  writeFileSync(log, '')
  for (const name of options.stubs ?? []) {
    const stub = join(bin, name)
    writeFileSync(
      stub,
      `#!/bin/sh
line="${name} $*"
if [ "$1" = login ]; then line="$line <password:$(cat)>"; fi
echo "$line" >> "${log}"
`,
    )
    chmodSync(stub, 0o755)
  }
  const file = join(dir, 'step.sh')
  writeFileSync(file, script)
  const output = join(dir, 'output')
  const summary = join(dir, 'summary')
  writeFileSync(output, '')
  writeFileSync(summary, '')
  options.before?.(runnerTemp)
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', file], {
    encoding: 'utf8',
    env: {
      PATH: `${bin}:${process.env.PATH}`,
      HOME: dir,
      RUNNER_TEMP: runnerTemp,
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: summary,
      ...env,
    },
  })
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    calls: readFileSync(log, 'utf8').split('\n').filter(Boolean),
    output: readFileSync(output, 'utf8'),
    summary: readFileSync(summary, 'utf8'),
    runnerTemp,
  }
}
