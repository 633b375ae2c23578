// Runs an action's own adapter in this process the way the runner would:
// INPUT_* variables, command files, state carried from main to post. The CLI
// therefore validates, computes and reports exactly as the action does.
// Actions read the GITHUB_* environment when they run, never at import time
// (no @actions/github `context`), which is what makes this possible.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runEntry } from '../actions/common/run-action'
import { applyDefaults } from '../actions/dispatch'
import { ACTIONS } from '../actions/registry'
import { parseCommandFile } from '../core/command-file'
import type { Reporter } from './reporter'

export interface LocalRun {
  exitCode: number
  outputs: Record<string, string>
  summary: string
}

export interface LocalRunOptions {
  command: string
  inputs: Record<string, string>
  env: Record<string, string>
  event: Record<string, unknown>
  reporter: Reporter
}

export async function runLocally(options: LocalRunOptions): Promise<LocalRun> {
  const dir = mkdtempSync(join(tmpdir(), 'minishop-cli-'))
  const files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_PATH: join(dir, 'path'),
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
  }
  for (const file of Object.values(files)) writeFileSync(file, '')
  writeFileSync(files.GITHUB_EVENT_PATH, JSON.stringify(options.event))
  mkdirSync(join(dir, 'temp'))

  const saved = { ...process.env }
  const write = process.stdout.write.bind(process.stdout)
  try {
    for (const key of Object.keys(process.env)) {
      if (/^(INPUT_|STATE_|GITHUB_)/.test(key)) delete process.env[key]
    }
    Object.assign(process.env, options.env, files, {
      RUNNER_TEMP: join(dir, 'temp'),
      RUNNER_TOOL_CACHE: process.env.RUNNER_TOOL_CACHE ?? join(tmpdir(), 'minishop-tool-cache'),
    })
    for (const [name, value] of Object.entries(options.inputs)) {
      process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
    }
    const load = ACTIONS[options.command as keyof typeof ACTIONS]
    if (!load) throw new Error(`No action named ${options.command}`)
    applyDefaults(options.command)
    const entry = await load()

    // Workflow commands go to process.stdout (src/io/runner.ts): route them to the reporter.
    process.stdout.write = ((chunk: string | Uint8Array) => {
      options.reporter.write(
        typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'),
      )
      return true
    }) as typeof process.stdout.write
    process.exitCode = 0
    await runEntry(entry)
    const mainExit = Number(process.exitCode ?? 0)
    if (entry.post) {
      // The post step (logout, cluster cleanup) runs with the state main saved.
      for (const [name, value] of Object.entries(
        parseCommandFile(readFileSync(files.GITHUB_STATE, 'utf8')),
      )) {
        process.env[`STATE_${name}`] = value
      }
      await runEntry(entry)
    }
    options.reporter.flush()
    return {
      exitCode: mainExit,
      outputs: parseCommandFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
      summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
    }
  } finally {
    process.stdout.write = write
    process.exitCode = 0
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key]
    Object.assign(process.env, saved)
    rmSync(dir, { recursive: true, force: true })
  }
}
