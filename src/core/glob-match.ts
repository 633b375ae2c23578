// Matching repository paths against globs with picomatch's rules (`dot: true`).
// Nearly every glob detect-changes sees is a path or a directory's
// `<dir>/**` (a service's own globs are built that way): those are matched
// here with string comparisons. picomatch is loaded only for the others:
// loading it and compiling its regular expressions measured about 5 ms of a
// detect-changes run that starts in about 50 ms, and every push of every
// service repo pays that.
import type Picomatch from 'picomatch'

/**
 * Paths that picomatch answers otherwise than plain comparison would: its
 * `*` and `**` do not match line terminators, and on Windows it reads a
 * backslash as a separator. Rare (git prints such names with `-z`), so
 * picomatch answers for them.
 */
const ODD_PATH = /[\n\r\u2028\u2029\\]/

/** One path segment that picomatch reads literally: no glob, escape or brace syntax. */
const PLAIN_SEGMENT = /^[A-Za-z0-9_.-]+$/

/** Whether picomatch reads `path` literally: a path of plain segments. */
function isPlainPath(path: string): boolean {
  // `.` and `..` segments, and empty ones (`a//b`, a leading or trailing
  // `/`), are normalized or refused by picomatch: it decides those.
  return path.split('/').every((s) => PLAIN_SEGMENT.test(s) && s !== '.' && s !== '..')
}

/**
 * A test of whether a repository path (as git prints it: `/`-separated,
 * relative, no `.` or `..` segment) matches any of `globs`, exactly as
 * `picomatch(globs, { dot: true })` would answer.
 */
export function globMatcher(globs: readonly string[]): (path: string) => boolean {
  const exact = new Set<string>()
  const dirs: string[] = []
  const others: string[] = []
  let everything = false
  for (const glob of globs) {
    if (glob === '**') {
      everything = true
      continue
    }
    const dir = glob.endsWith('/**') ? glob.slice(0, -3) : undefined
    if (dir !== undefined && isPlainPath(dir)) {
      // picomatch's `<dir>/**` also matches `<dir>` itself.
      exact.add(dir)
      dirs.push(`${dir}/`)
    } else if (isPlainPath(glob)) {
      exact.add(glob)
    } else {
      others.push(glob)
    }
  }
  const rest = others.length > 0 ? picomatch()(others, { dot: true }) : undefined
  let all: ((path: string) => boolean) | undefined
  return (path) => {
    if (ODD_PATH.test(path)) {
      all ??= picomatch()([...globs], { dot: true })
      return all(path)
    }
    return (
      (everything && path !== '') ||
      exact.has(path) ||
      dirs.some((dir) => path.startsWith(dir)) ||
      rest?.(path) === true
    )
  }
}

/** picomatch, loaded on first use (a CommonJS require: bundled, evaluated when called). */
function picomatch(): typeof Picomatch {
  return require('picomatch') as typeof Picomatch
}
