import type { ActionEntry } from './common/run-action'
import type { Command } from './dispatch'

/**
 * Each action's adapter, loaded when chosen, for running an action in this
 * process (the CLI's local runner): a run loads only its own action's code.
 */
export const ACTIONS: Record<Command, () => Promise<ActionEntry>> = {
  'build-and-tag': () => import('./build-and-tag/main'),
  'detect-changes': () => import('./detect-changes/main'),
  'bump-helm-values': () => import('./bump-helm-values/main'),
  'kind-integration': () => import('./kind-integration/main'),
  promote: () => import('./promote/main'),
}
