// Runs a bundled action exactly as the GitHub runner does: a child `node`
// process with INPUT_* variables, GITHUB_OUTPUT/STATE/STEP_SUMMARY files, an
// event payload, and (for the post step) the saved state as STATE_* variables.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseCommandFile } from '../../src/core/command-file'

export { parseCommandFile }

export const ROOT = resolve(import.meta.dirname, '../..')

export interface RunOptions {
  /** Inputs by their action.yml names. */
  inputs?: Record<string, string | number | boolean | undefined>
  /** Extra environment (GITHUB_SHA, GITHUB_API_URL, PATH, ...). */
  env?: Record<string, string | undefined>
  eventName?: string
  event?: unknown
  /** GITHUB_WORKSPACE and the process's working directory. */
  workspace?: string
  /** Saved state from an earlier main step: makes this run the post step. */
  state?: Record<string, string>
  /** Directory that holds RUNNER_TEMP and the command files. */
  runnerDir?: string
  timeoutMs?: number
  /** Extra arguments for node before the script (the benchmarks preload a memory probe). */
  nodeArgs?: string[]
  /** The node binary (the benchmarks may use another version); this process's by default. */
  node?: string
}

export interface RunResult {
  exitCode: number
  /** Wall time of the process, from its spawn to its exit (not the harness's own work). */
  ms: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  state: Record<string, string>
  summary: string
  /** ::error:: / ::warning:: / ::notice:: lines from stdout. */
  annotations: { level: string; message: string; properties: string }[]
  /** Run the post step with this run's state. */
  post: (options?: RunOptions) => Promise<RunResult>
  runnerDir: string
}

/** The runner's environment-variable name for an input. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

const ANNOTATION = /^::(error|warning|notice)( [^:]*)?::(.*)$/

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

/** Runs `dist/<action>/index.js` ('index': the root dist/index.js, or any script path) as the runner would. */
export async function runAction(script: string, options: RunOptions = {}): Promise<RunResult> {
  const entry =
    script.endsWith('.js') || script.endsWith('.mjs')
      ? script
      : script === 'index'
        ? join(ROOT, 'dist/index.js')
        : join(ROOT, 'dist', script, 'index.js')
  const runnerDir = options.runnerDir ?? mkdtempSync(join(tmpdir(), 'runner-'))
  const isPost = options.state !== undefined
  const suffix = isPost ? 'post' : 'main'
  const temp = join(runnerDir, 'temp')
  mkdirSync(temp, { recursive: true })
  const files = {
    output: join(runnerDir, `output-${suffix}`),
    state: join(runnerDir, `state-${suffix}`),
    summary: join(runnerDir, `summary-${suffix}.md`),
    env: join(runnerDir, `env-${suffix}`),
    path: join(runnerDir, `path-${suffix}`),
    event: join(runnerDir, 'event.json'),
  }
  for (const f of [files.output, files.state, files.summary, files.env, files.path])
    writeFileSync(f, '')
  writeFileSync(files.event, JSON.stringify(options.event ?? {}))
  const workspace = options.workspace ?? join(runnerDir, 'workspace')
  mkdirSync(workspace, { recursive: true })

  // Start from a clean slate: no INPUT_/STATE_/GITHUB_ leaking from the test process.
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !/^(INPUT_|STATE_|GITHUB_|RUNNER_|ACTIONS_)/.test(k)) env[k] = v
  }
  Object.assign(env, {
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_ENV: files.env,
    GITHUB_PATH: files.path,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_EVENT_NAME: options.eventName ?? 'push',
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: 'minishop/user-service',
    GITHUB_REPOSITORY_OWNER: 'minishop',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'http://127.0.0.1:9', // nothing listens: a test that needs the API sets its own
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_NUMBER: '17',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'test',
    GITHUB_ACTOR: 'octocat',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_WORKFLOW: 'test',
    RUNNER_TEMP: temp,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_TOOL_CACHE: join(runnerDir, 'tool-cache'),
  })
  for (const [name, value] of Object.entries(options.inputs ?? {})) {
    if (value !== undefined) env[inputEnvName(name)] = String(value)
  }
  for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value
  for (const [k, v] of Object.entries(options.env ?? {})) {
    if (v === undefined) delete env[k]
    else env[k] = v
  }

  const started = performance.now()
  const child = spawn(options.node ?? process.execPath, [...(options.nodeArgs ?? []), entry], {
    cwd: workspace,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d) => {
    stdout += d
  })
  child.stderr.on('data', (d) => {
    stderr += d
  })
  const timeout = options.timeoutMs ?? 120_000
  const exitCode = await new Promise<number>((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`${entry} did not finish within ${timeout} ms\n${stdout}\n${stderr}`))
    }, timeout)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolvePromise(code ?? 1)
    })
  })
  const ms = performance.now() - started

  const state = parseCommandFile(readFileSync(files.state, 'utf8'))
  const annotations = stdout
    .split('\n')
    .map((l) => ANNOTATION.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ level: m[1]!, properties: (m[2] ?? '').trim(), message: unescapeData(m[3]!) }))
  return {
    exitCode,
    ms,
    stdout,
    stderr,
    outputs: parseCommandFile(readFileSync(files.output, 'utf8')),
    state,
    summary: readFileSync(files.summary, 'utf8'),
    annotations,
    runnerDir,
    post: (postOptions = {}) =>
      runAction(script, {
        ...options,
        ...postOptions,
        inputs: { ...options.inputs, ...postOptions.inputs },
        env: { ...options.env, ...postOptions.env },
        runnerDir,
        workspace,
        state: { ...options.state, ...state },
      }),
  }
}
