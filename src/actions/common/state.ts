import * as core from '../../io/runner'

// main and post share one bundle (as actions/checkout does): main records
// `isPost` in the runner's state, and the second invocation sees it.
const IS_POST = 'isPost'

export function isPost(): boolean {
  return core.getState(IS_POST) === 'true'
}

export function markMainStarted(): void {
  core.saveState(IS_POST, 'true')
}

export function save(name: string, value: string): void {
  core.saveState(name, value)
}

export function load(name: string): string {
  return core.getState(name)
}
