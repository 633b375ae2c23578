import { isUserError } from '../../core/errors'
import * as core from '../../io/runner'
import { isPost, markMainStarted } from './state'

/** What an action's main.ts exports. */
export interface ActionEntry {
  run: () => Promise<void>
  /** Runs in the post step; a failure there is a warning, never a failed job. */
  post?: () => Promise<void>
}

/** Reports an error the way a user needs it: plain for their mistakes, with a stack for our bugs. */
export function fail(error: unknown): void {
  if (isUserError(error)) {
    const props: core.AnnotationProperties = {}
    if (error.file) props.file = error.file
    if (error.line) props.startLine = error.line
    if (error.column) props.startColumn = error.column
    if (props.file) {
      // setFailed would add a second annotation without the location.
      core.error(error.message, props)
      process.exitCode = core.ExitCode.Failure
    } else {
      core.setFailed(error.message)
    }
    return
  }
  const err = error instanceof Error ? error : new Error(String(error))
  core.setFailed(
    `${err.message}\n${err.stack ?? ''}\nThis is a bug in minishop/actions; please report it.`,
  )
}

export async function runEntry(entry: ActionEntry): Promise<void> {
  if (isPost()) {
    if (!entry.post) return
    try {
      await entry.post()
    } catch (error) {
      core.warning(`Post step: ${error instanceof Error ? error.message : String(error)}`)
    }
    return
  }
  markMainStarted()
  try {
    await entry.run()
  } catch (error) {
    fail(error)
  }
}

/**
 * Runs an entry's work as the bundle's last statement, and fails the step
 * however that work fails, with an annotation: a rejection (a top-level
 * await would only print a stack to stderr), and work left pending when
 * nothing more can happen (node would exit 13 with a warning). A plain
 * `void work()` would even exit 0 under --unhandled-rejections=warn.
 */
export function start(
  work: () => Promise<void>,
  events: Pick<NodeJS.Process, 'once'> = process,
): void {
  let settled = false
  events.once('exit', () => {
    if (settled) return
    fail(new Error('the action stopped before its work finished (a promise never settled)'))
  })
  work().then(
    () => {
      settled = true
    },
    (error: unknown) => {
      settled = true
      fail(error)
    },
  )
}
