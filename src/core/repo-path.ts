import { posix } from 'node:path'
import { UserError } from './errors'

/**
 * A path inside the repository, normalized and `/`-separated. UserError when
 * it is absolute or climbs out with `..`: every file of a run must stay in
 * the workspace (symlinks are checked where the files are read).
 */
export function normalizeRepoPath(path: string, source: string): string {
  const slashed = path.trim().replace(/\\/g, '/')
  if (slashed === '') throw new UserError(`${source}: empty path`)
  if (slashed.startsWith('/') || /^[A-Za-z]:\//.test(slashed)) {
    throw new UserError(`${source}: "${path}" is outside the workspace (absolute path)`, {
      file: path,
    })
  }
  const normal = posix.normalize(slashed)
  if (normal === '..' || normal.startsWith('../') || normal === '.') {
    throw new UserError(`${source}: "${path}" is outside the workspace`, { file: path })
  }
  return normal.replace(/\/$/, '')
}
