import {
  existsSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { join, relative, sep } from 'node:path'
import type { ReadFile } from '../core/commit-plan'
import { UserError } from '../core/errors'
import { normalizeRepoPath } from '../core/repo-path'

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/**
 * The real path of a repository file; UserError when it (or a symlink on
 * the way) leaves `root`, given as its real path (`realRoot`).
 */
function insideRoot(root: string, realRoot: string, path: string): string {
  const normal = normalizeRepoPath(path, 'file')
  const full = join(root, normal)
  if (!existsSync(full)) return full
  // One system call, where realpathSync walks every component in JavaScript.
  const real = realpathSync.native(full)
  const rel = relative(realRoot, real)
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..') {
    throw new UserError(`${normal} resolves to ${real}, outside the workspace (a symbolic link?)`, {
      file: normal,
    })
  }
  return real
}

/** Reads files of a checkout's working tree, refusing anything outside it. */
export function workTreeReader(root: string): ReadFile {
  const realRoot = realpathSync.native(root)
  const read: ReadFile = async (path) => {
    const full = insideRoot(root, realRoot, path)
    if (!existsSync(full)) return undefined
    try {
      return UTF8.decode(readFileSync(full))
    } catch (error) {
      if (error instanceof TypeError)
        throw new UserError(`${path} is not UTF-8 text`, { file: path })
      throw error
    }
  }
  read.files = () => checkoutFiles(root)
  return read
}

let tempCount = 0

/**
 * Writes `content` to a new file beside `target` and returns its path. The
 * name only has to be unused ('wx' refuses an existing file, and the next
 * name is tried), so no random bytes, and no node:crypto, are needed.
 */
function writeTempSibling(target: string, content: string): string {
  for (;;) {
    const temp = `${target}.${process.pid}-${++tempCount}.tmp`
    try {
      writeFileSync(temp, content, { flag: 'wx' })
      return temp
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
  }
}

/**
 * Writes every file or none that matters: each is written to a temporary
 * sibling first, and only when all are written are they renamed into place.
 */
export function writeWorkTreeFiles(root: string, files: { path: string; content: string }[]): void {
  const staged: { temp: string; target: string }[] = []
  const realRoot = realpathSync.native(root)
  try {
    for (const file of files) {
      const target = insideRoot(root, realRoot, file.path)
      staged.push({ temp: writeTempSibling(target, file.content), target })
    }
  } catch (error) {
    for (const { temp } of staged) rmSync(temp, { force: true })
    throw error
  }
  for (const { temp, target } of staged) renameSync(temp, target)
}

const SKIP = new Set(['.git', 'node_modules'])

/**
 * Expands `files` entries: a plain path stays as it is (a missing one is
 * reported when it is read); a glob is matched against `files()` (the files
 * of a checkout, or of the commit the change is made on) and must match at
 * least one. What is under .git or node_modules is never matched.
 */
export async function expandFiles(
  entries: string[],
  files: () => string[] | Promise<string[]>,
): Promise<string[]> {
  if (entries.length === 0) return []
  // Loaded here: a run that names services, not files, needs no glob matcher.
  const { default: picomatch } = await import('picomatch')
  const out: string[] = []
  let all: string[] | undefined
  for (const entry of entries) {
    if (!picomatch.scan(entry).isGlob) {
      out.push(normalizeRepoPath(entry, 'files'))
      continue
    }
    normalizeRepoPath(entry, 'files')
    all ??= (await files()).filter((f) => !f.split('/').some((part) => SKIP.has(part)))
    const match = picomatch(entry, { dot: false })
    const found = all.filter((f) => match(f))
    if (found.length === 0) throw new UserError(`files: "${entry}" matches no file`)
    out.push(...found)
  }
  return [...new Set(out)]
}

/**
 * The files of a checkout's working tree, as a commit of it would hold them:
 * regular files, not symbolic links, and nothing of a submodule or another
 * repository inside (a directory with its own `.git`).
 */
export function checkoutFiles(root: string, dir = ''): string[] {
  const out: string[] = []
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue
    const path = dir ? `${dir}/${entry.name}` : entry.name
    if (entry.isDirectory() && existsSync(join(root, path, '.git'))) continue
    if (entry.isDirectory()) out.push(...checkoutFiles(root, path))
    else if (entry.isFile()) out.push(path)
  }
  return out.sort()
}
