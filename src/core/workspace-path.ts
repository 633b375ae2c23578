import { isAbsolute, relative, resolve, sep } from 'node:path'
import { UserError } from './errors'

/**
 * Resolves a user-given path (relative to the workspace, or absolute inside
 * it) and refuses one that leaves the workspace: `../..`, `/etc`.
 */
export function resolveInWorkspace(workspace: string, value: string, input: string): string {
  const root = resolve(workspace)
  const path = resolve(root, value)
  const rel = relative(root, path)
  if (value.includes('\0') || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    throw new UserError(
      `Input ${input} must be a path inside the workspace (${root}), got ${JSON.stringify(value)}`,
    )
  }
  return path
}

/** The path relative to the workspace, with `/` separators ("." for the workspace itself). */
export function workspaceRelative(workspace: string, path: string): string {
  return relative(resolve(workspace), path).split(sep).join('/') || '.'
}
