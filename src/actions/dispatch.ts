import { UserError } from '../core/errors'
import * as core from '../io/runner'
import * as buildAndTag from './build-and-tag/main'
import * as bumpHelmValues from './bump-helm-values/main'
import { type ActionEntry, fail, runEntry } from './common/run-action'
import * as detectChanges from './detect-changes/main'
import * as kindIntegration from './kind-integration/main'
import { ACTION_METADATA } from './metadata.generated'
import * as promote from './promote/main'

export const ACTIONS: Record<string, ActionEntry> = {
  'build-and-tag': buildAndTag,
  'detect-changes': detectChanges,
  'bump-helm-values': bumpHelmValues,
  'kind-integration': kindIntegration,
  promote,
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
  for (const [name, spec] of Object.entries(ACTION_METADATA[command]?.inputs ?? {})) {
    // Expressions (`${{ github.token }}`) are the runner's to evaluate; the
    // root action.yml carries those.
    if (spec.default === undefined || spec.default.includes('${{')) continue
    const key = inputEnvName(name)
    if (env[key] === undefined || env[key] === '') env[key] = spec.default
  }
}

export async function dispatch(): Promise<void> {
  const command = core.getInput('command').trim()
  const entry = ACTIONS[command]
  if (!entry) {
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
  await runEntry(entry)
}
