import { UserError } from './errors'

/** One step of a key path into a YAML document. */
export type PathSegment =
  | { kind: 'key'; key: string } // image.tag, "a.b".c (quoted key with dots)
  | { kind: 'index'; index: number } // containers[0]
  | { kind: 'match'; field: string; value: string } // containers[name=app]

/**
 * Parses `image.tag`, `containers[0].image`, `containers[name=app].image`,
 * `"app.kubernetes.io/name".value` and `labels["a.b"]`. Quotes (single or
 * double, `\` escapes inside double) let a key or a selector value contain
 * dots, brackets or `=`.
 */
export function parseKeyPath(path: string): PathSegment[] {
  const fail = (why: string): never => {
    throw new UserError(`Invalid key "${path}": ${why}`)
  }
  const segments: PathSegment[] = []
  let i = 0

  const readQuoted = (): string => {
    const quote = path[i]!
    i++
    let out = ''
    while (i < path.length && path[i] !== quote) {
      if (quote === '"' && path[i] === '\\' && i + 1 < path.length) i++
      else if (quote === "'" && path[i] === "'" && path[i + 1] === "'") i++
      out += path[i]
      i++
    }
    if (i >= path.length) fail(`unterminated ${quote} quote`)
    i++
    return out
  }
  // A bare word ends at a character that has a meaning in the path syntax.
  const readBare = (stops: string): string => {
    const start = i
    while (i < path.length && !stops.includes(path[i]!)) i++
    return path.slice(start, i).trim()
  }

  if (path.trim() === '') fail('it is empty')
  let expectKey = true
  while (i < path.length) {
    const c = path[i]!
    if (c === '[') {
      i++
      if (path[i] === '"' || path[i] === "'") {
        segments.push({ kind: 'key', key: readQuoted() })
      } else {
        const word = readBare('=]')
        if (path[i] === '=') {
          i++
          if (word === '') fail('a selector needs a field name before "="')
          const value = path[i] === '"' || path[i] === "'" ? readQuoted() : readBare(']')
          segments.push({ kind: 'match', field: word, value })
        } else if (/^\d+$/.test(word)) {
          segments.push({ kind: 'index', index: Number(word) })
        } else {
          fail(`"[${word}]" is neither a list index nor a [field=value] selector`)
        }
      }
      if (path[i] !== ']') fail('missing "]"')
      i++
      expectKey = false
    } else if (c === '.') {
      if (expectKey) fail(`empty key before "." at position ${i + 1}`)
      i++
      expectKey = true
      if (i >= path.length) fail('it ends with "."')
    } else {
      if (!expectKey) fail(`expected "." or "[" at position ${i + 1}`)
      if (c === '"' || c === "'") {
        segments.push({ kind: 'key', key: readQuoted() })
      } else {
        const key = readBare('.[')
        if (key === '') fail(`empty key at position ${i + 1}`)
        segments.push({ kind: 'key', key })
      }
      expectKey = false
    }
  }
  return segments
}

const BARE_KEY = /^[^.[\]"'=\s](?:[^.[\]"'=]*[^.[\]"'=\s])?$/

function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
}

/** The canonical text of a path: parseKeyPath(formatKeyPath(p)) equals p. */
export function formatKeyPath(path: PathSegment[]): string {
  let out = ''
  for (const segment of path) {
    if (segment.kind === 'index') out += `[${segment.index}]`
    else if (segment.kind === 'match') {
      const value = /^[^\]"'\s](?:[^\]"']*[^\]"'\s])?$/.test(segment.value)
        ? segment.value
        : quote(segment.value)
      out += `[${segment.field}=${value}]`
    } else {
      const key = BARE_KEY.test(segment.key) ? segment.key : quote(segment.key)
      out += out === '' ? key : `.${key}`
    }
  }
  return out
}
