import { existsSync, readFileSync } from 'node:fs'
import { UserError } from '../core/errors'

/** The event payload the runner wrote to GITHUB_EVENT_PATH ({} when there is none). */
export function readEventPayload(path = process.env.GITHUB_EVENT_PATH): unknown {
  if (!path || !existsSync(path)) return {}
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new UserError(`The event payload ${path} is not JSON: ${(error as Error).message}`)
  }
}
