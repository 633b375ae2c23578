import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { UserError } from '../core/errors'
import * as core from '../io/runner'
import { fail } from './common/run-action'
import { ACTION_DEFAULTS } from './defaults.generated'

/** The commands of the root action: one for each action of this library. */
export const COMMANDS = [
  'build-and-tag',
  'detect-changes',
  'bump-helm-values',
  'kind-integration',
  'promote',
] as const

export type Command = (typeof COMMANDS)[number]

function isCommand(value: string): value is Command {
  return (COMMANDS as readonly string[]).includes(value)
}

export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/**
 * The root action.yml cannot carry per-command defaults (two actions may
 * default the same input differently), so the defaults of the chosen action's
 * own action.yml are applied here, exactly as the runner would have.
 */
export function applyDefaults(command: string, env: NodeJS.ProcessEnv = process.env): void {
  for (const [name, value] of Object.entries(ACTION_DEFAULTS[command] ?? {})) {
    // Expressions (`${{ github.token }}`) are the runner's to evaluate; the
    // root action.yml carries those.
    if (value.includes('${{')) continue
    const key = inputEnvName(name)
    if (env[key] === undefined || env[key] === '') env[key] = value
  }
}

/**
 * The root action: applies the chosen action's defaults, then loads its own
 * bundle (dist/<command>/index.js), which runs it, main or post step, as if
 * the workflow had used that action. The root bundle holds none of the
 * actions' code, so it starts as fast as the action itself.
 */
export async function dispatch(): Promise<void> {
  const command = core.getInput('command').trim()
  if (!isCommand(command)) {
    fail(
      new UserError(
        command === ''
          ? `Input required and not supplied: command (one of ${COMMANDS.join(', ')})`
          : `Input command must be one of ${COMMANDS.join(', ')}, got "${command}"`,
      ),
    )
    return
  }
  applyDefaults(command)
  // The action's bundle is a file beside this one, imported by node as it
  // is (webpackIgnore): the root bundle holds no copy of the actions' code.
  const bundle = pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), command, 'index.js'))
  await import(/* webpackIgnore: true */ bundle.href)
}
