import { UserError } from '../core/errors'
import * as core from '../io/runner'
import { type ActionEntry, fail, runEntry } from './common/run-action'
import { ACTION_DEFAULTS } from './defaults.generated'

/** Each action's adapter, loaded when chosen: a run loads only its own action's code. */
export const ACTIONS: Record<string, () => Promise<ActionEntry>> = {
  'build-and-tag': () => import('./build-and-tag/main'),
  'detect-changes': () => import('./detect-changes/main'),
  'bump-helm-values': () => import('./bump-helm-values/main'),
  'kind-integration': () => import('./kind-integration/main'),
  promote: () => import('./promote/main'),
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

export async function dispatch(): Promise<void> {
  const command = core.getInput('command').trim()
  const load = ACTIONS[command]
  if (!load) {
    fail(
      new UserError(
        command === ''
          ? `Input required and not supplied: command (one of ${Object.keys(ACTIONS).join(', ')})`
          : `Input command must be one of ${Object.keys(ACTIONS).join(', ')}, got "${command}"`,
      ),
    )
    return
  }
  applyDefaults(command)
  await runEntry(await load())
}
