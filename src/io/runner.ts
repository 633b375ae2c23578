// The runner's workflow commands, as the actions use them: the functions of
// @actions/core, over @actions/core's own command, file-command and summary
// modules. Importing `@actions/core` itself also evaluates its OIDC client
// (getIDToken, which no action calls): @actions/http-client and undici, some
// 400 KB of bundle and most of an action's start-up. Its package exports
// only that entry, hence the paths into the installed package (pinned in
// package.json); test/io/runner.test.ts checks that these functions write
// exactly what @actions/core's do.
import { EOL } from 'node:os'
import { delimiter } from 'node:path'
import type { AnnotationProperties } from '@actions/core'
import { issue, issueCommand } from '../../node_modules/@actions/core/lib/command.js'
import {
  issueFileCommand,
  prepareKeyValueMessage,
} from '../../node_modules/@actions/core/lib/file-command.js'
import { summary } from '../../node_modules/@actions/core/lib/summary.js'
import { toCommandProperties, toCommandValue } from '../../node_modules/@actions/core/lib/utils.js'

export type { AnnotationProperties }
export { summary }

export const ExitCode = { Success: 0, Failure: 1 } as const

export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim()
}

export function getState(name: string): string {
  return process.env[`STATE_${name}`] || ''
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
