// Runs one `run:` step of a workflow of this repository as a runner does:
// with the shell GitHub picks (`bash -e` when the step, the job and the
// workflow name none; `bash --noprofile --norc -eo pipefail` for
// `shell: bash`), with the job's env and
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

interface Defaults {
  defaults?: { run?: { shell?: string } }
}

interface Step {
  id?: string
  name?: string
  run?: string
  shell?: string
  env?: Record<string, string>
}

interface Job extends Defaults {
  env?: Record<string, string>
  steps: Step[]
}

/** bash's arguments for a step's shell, as GitHub runs it on Linux. */
function bashArgs(shell: string | undefined): string[] {
  if (shell === undefined) return ['-e']
  if (shell === 'bash') return ['--noprofile', '--norc', '-eo', 'pipefail']
  throw new Error(`the step harness runs bash steps only, not shell: ${shell}`)
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
  const workflow = YAML.parse(read(file)) as Defaults & { jobs: Record<string, Job> }
  const j = workflow.jobs[job]
  if (!j) throw new Error(`${file} has no job ${job}`)
  const s = j.steps.find((x) => x.id === step || x.name === step)
  if (!s?.run) throw new Error(`${file} job ${job} has no run step ${step}`)
  const shell = bashArgs(s.shell ?? j.defaults?.run?.shell ?? workflow.defaults?.run?.shell)
  return {
    jobEnv: j.env ?? {},
    env: s.env ?? {},
    run: (
      values: Record<string, string>,
      options: { stubs?: string[]; before?: (temp: string) => void } = {},
    ) => runStep(s.run!, shell, { ...(j.env ?? {}), ...values }, options),
  }
}

function runStep(
  script: string,
  shell: string[],
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
  const result = spawnSync('bash', [...shell, file], {
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
