import { type Stats, statSync } from 'node:fs'
import { constants, EOL } from 'node:os'
import { delimiter, join } from 'node:path'

// Commands run through node's own spawn, with an argument array and no
// shell, as @actions/exec runs them (and as git-blobs.ts already did). That
// package, with @actions/io, node's assert and fs/promises it loads,
// measured about 4 ms of every action's start-up on node 24: more than a
// git command takes. run() keeps what the actions relied on from it: the
// `[command]` echo and the output in the log when not silent, the error for
// a missing cwd, and the ten seconds it waits, after the process exits, for
// output that a background process it started still holds open. One
// difference: on Windows, @actions/exec ran a .cmd or .bat through cmd.exe;
// node refuses to start one without a shell, and run() adds none (git,
// docker, kind, kubectl and helm are executables). child_process itself is
// loaded by the first command (with string_decoder): a dry run that runs none
// does not pay for it.
const loadModules = async () => ({
  spawn: (await import('node:child_process')).spawn,
  StringDecoder: (await import('node:string_decoder')).StringDecoder,
})

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
  /** How long to wait, once the process has exited, for its output to close (10 s). */
  streamsGraceMs?: number
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
  const { spawn, StringDecoder } = await loadModules()
  const path = await locate(command)
  const silent = options.silent ?? true
  if (!silent) process.stdout.write(`[command]${[path, ...args].join(' ')}${EOL}`)
  if (options.cwd && !statSync(options.cwd, { throwIfNoEntry: false })) {
    throw new Error(`The cwd: ${options.cwd} does not exist!`)
  }
  const child = spawn(path, args, {
    cwd: options.cwd,
    env: options.env ? { ...process.env, ...options.env } : undefined,
    stdio: 'pipe',
  })
  // The log gets the bytes as the command wrote them; the result, text
  // decoded per stream (a character split across chunks stays whole).
  const collect = (stream: NodeJS.ReadableStream) => {
    const decoder = new StringDecoder('utf8')
    let text = ''
    stream.on('data', (chunk: Buffer) => {
      text += decoder.write(chunk)
      if (!silent) process.stdout.write(chunk)
    })
    return () => text + decoder.end()
  }
  const stdout = collect(child.stdout)
  const stderr = collect(child.stderr)
  // The input, or none: standard input is closed either way, so a command
  // that reads it gets end-of-file rather than waiting for ever. EPIPE (it
  // exited without reading) is no error of the run's.
  child.stdin.on('error', () => {})
  child.stdin.end(options.input)
  const code = await new Promise<number>((resolve, reject) => {
    let grace: NodeJS.Timeout | undefined
    const done = (exitCode: number | null, signal: NodeJS.Signals | null) => {
      clearTimeout(grace)
      child.removeAllListeners()
      resolve(exitCode ?? 128 + signalNumber(signal))
    }
    child.on('error', (error) => {
      clearTimeout(grace)
      reject(
        new Error(
          `There was an error when attempting to execute the process '${path}'. This may indicate the process failed to start. Error: ${error.message}`,
        ),
      )
    })
    child.on('exit', (exitCode, signal) => {
      grace = setTimeout(() => done(exitCode, signal), options.streamsGraceMs ?? 10_000)
    })
    child.on('close', done)
  })
  const out: ExecResult = { code, stdout: stdout(), stderr: stderr() }
  if (out.code !== 0 && !options.allowFailure) throw new CommandError(command, args, out)
  return out
}

/** A signal's number (a shell reports 128 plus it), 0 when there is none. */
function signalNumber(signal: NodeJS.Signals | null): number {
  return signal ? (constants.signals[signal] ?? 0) : 0
}
