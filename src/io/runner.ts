// The runner's workflow commands, as the actions use them: the functions of
// @actions/core, over @actions/core's own command module (its file commands
// are written out below, its job summary in ./summary.ts). Importing `@actions/core` itself
// also evaluates its OIDC client (getIDToken, which no action calls):
// @actions/http-client and undici, some 400 KB of bundle and most of an
// action's start-up. Its package exports
// only that entry, hence the paths into the installed package (pinned in
// package.json); test/io/runner.test.ts checks that these functions write
// exactly what @actions/core's do.
import { appendFileSync, existsSync } from 'node:fs'
import { EOL } from 'node:os'
import { delimiter } from 'node:path'
import type { AnnotationProperties } from '@actions/core'
import { issue, issueCommand } from '../../node_modules/@actions/core/lib/command.js'
import { toCommandProperties, toCommandValue } from '../../node_modules/@actions/core/lib/utils.js'

export { summary } from './summary'
export type { AnnotationProperties }

export const ExitCode = { Success: 0, Failure: 1 } as const

export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim()
}

export function getState(name: string): string {
  return process.env[`STATE_${name}`] || ''
}

// The file commands (@actions/core's file-command.js, written out here: that
// module loads node's crypto, about 2 ms of every run, for one randomUUID).

function issueFileCommand(command: string, message: unknown): void {
  const path = process.env[`GITHUB_${command}`]
  if (!path) throw new Error(`Unable to find environment variable for file command ${command}`)
  if (!existsSync(path)) throw new Error(`Missing file at path: ${path}`)
  appendFileSync(path, `${toCommandValue(message)}${EOL}`, { encoding: 'utf8' })
}

/** A delimiter of the shape @actions/core draws: `ghadelimiter_` and a random UUID's form. */
function randomDelimiter(): string {
  const hex = (n: number) =>
    Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join('')
  return `ghadelimiter_${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`
}

/**
 * `name<<delimiter`, the value, the delimiter: a value of any lines. What
 * keeps a value from ending early, or from writing a second output, is that
 * the delimiter occurs in neither the name nor the value. @actions/core
 * draws it with crypto and throws if it occurs; here it is drawn again until
 * it does not, so that check, not the randomness, is what the safety rests on.
 */
export function prepareKeyValueMessage(
  key: string,
  value: unknown,
  draw: () => string = randomDelimiter,
): string {
  const text = toCommandValue(value)
  let end = draw()
  while (key.includes(end) || text.includes(end)) end = draw()
  return `${key}<<${end}${EOL}${text}${EOL}${end}`
}

/** A file command when the runner provides its file, else the older stdout command. */
function keyValueCommand(file: string, command: string, name: string, value: unknown): void {
  if (process.env[`GITHUB_${file}`]) {
    issueFileCommand(file, prepareKeyValueMessage(name, value))
    return
  }
  if (file === 'OUTPUT') process.stdout.write(EOL)
  issueCommand(command, { name }, toCommandValue(value))
}

export function setOutput(name: string, value: unknown): void {
  keyValueCommand('OUTPUT', 'set-output', name, value)
}

export function saveState(name: string, value: unknown): void {
  keyValueCommand('STATE', 'save-state', name, value)
}

export function exportVariable(name: string, value: unknown): void {
  process.env[name] = toCommandValue(value)
  keyValueCommand('ENV', 'set-env', name, value)
}

export function addPath(dir: string): void {
  if (process.env.GITHUB_PATH) issueFileCommand('PATH', dir)
  else issueCommand('add-path', {}, dir)
  process.env.PATH = `${dir}${delimiter}${process.env.PATH}`
}

export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret)
}

export function info(message: string): void {
  process.stdout.write(message + EOL)
}

function annotation(
  level: 'error' | 'warning' | 'notice',
  message: string | Error,
  properties: AnnotationProperties = {},
): void {
  issueCommand(
    level,
    toCommandProperties(properties),
    message instanceof Error ? message.toString() : message,
  )
}

export function error(message: string | Error, properties?: AnnotationProperties): void {
  annotation('error', message, properties)
}

export function warning(message: string | Error, properties?: AnnotationProperties): void {
  annotation('warning', message, properties)
}

export function notice(message: string | Error, properties?: AnnotationProperties): void {
  annotation('notice', message, properties)
}

export function setFailed(message: string | Error): void {
  process.exitCode = ExitCode.Failure
  error(message)
}

export function startGroup(name: string): void {
  issue('group', name)
}

export function endGroup(): void {
  issue('endgroup')
}

export async function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  startGroup(name)
  try {
    return await fn()
  } finally {
    endGroup()
  }
}
