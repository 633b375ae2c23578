// Measurement helpers for bench/: medians of repeated runs and peak memory of
// child processes. Machines are shared and noisy, so the report is medians
// and ratios, never a single run.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { runnerNode } from './runtime'

export const BENCH_DIR = import.meta.dirname

const runtime = runnerNode()

/**
 * The node that runs the floor and every action: the major the actions
 * declare (bench/runtime.ts), or BENCH_NODE's.
 */
export const NODE = runtime.path

/** NODE's version, for the report. */
export const NODE_VERSION = runtime.version

/** Why the bench did not run the actions' declared node, if it did not. */
export const NODE_NOTE = runtime.note

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export interface ProcessRun {
  ms: number
  maxRssKb: number
  code: number
  stdout: string
  stderr: string
}

/** Runs NODE with `args` and the peak-memory probe preloaded. */
export function runNode(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<ProcessRun> {
  const started = performance.now()
  const child = spawn(NODE, ['--require', join(BENCH_DIR, 'maxrss.cjs'), ...args], {
    env: options.env ?? process.env,
    cwd: options.cwd,
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
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => {
      const ms = performance.now() - started
      const rss = /__MAXRSS_KB__=(\d+)/.exec(stderr)
      resolve({ ms, maxRssKb: rss ? Number(rss[1]) : 0, code: code ?? 1, stdout, stderr })
    })
  })
}

/** Median wall time and peak memory of `runs` sequential runs. */
export async function repeat(
  runs: number,
  once: () => Promise<ProcessRun>,
): Promise<{ medianMs: number; maxRssKb: number; runs: number }> {
  const times: number[] = []
  let maxRssKb = 0
  for (let i = 0; i < runs; i++) {
    const r = await once()
    if (r.code !== 0)
      throw new Error(`benchmark run failed (exit ${r.code}):\n${r.stdout}\n${r.stderr}`)
    times.push(r.ms)
    maxRssKb = Math.max(maxRssKb, r.maxRssKb)
  }
  return { medianMs: median(times), maxRssKb, runs }
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now()
  const value = await fn()
  return { ms: performance.now() - started, value }
}
