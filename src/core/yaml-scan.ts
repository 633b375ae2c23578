// The fast path of yaml-edit: a line scanner for the YAML that values files
// are made of (block mappings and lists, one-line scalars and flow
// collections, block scalars, comments). It follows a path of mapping keys
// and returns the exact range of the scalar it leads to, or that the path
// is absent. Anything outside that strict subset anywhere in the file
// (anchors, aliases, tags, multi-line plain or quoted scalars, document
// markers, tabs, CR, unusual keys) makes it answer undefined: "not sure",
// and the caller falls back to the full parser, which handles all of YAML
// and words every refusal. The scanner never refuses by itself. A
// differential test holds it to the full parser's answers.
//
// "Not sure" also covers some valid YAML the subset leaves out to stay
// simple: plain scalars starting with `?` or `:`, flow items starting with
// `-`, keys with spaces or outside [A-Za-z0-9_.$~+/@-], quoted keys on the
// path, explicit indentation indicators (`|2`), CRLF and non-BMP characters.

export type ScannedStyle = 'plain' | 'single' | 'double'

export type Scanned =
  | {
      found: true
      /** The scalar's bytes in the text: [start, end). */
      start: number
      end: number
      style: ScannedStyle
      /** What the file spells: a plain scalar's source text, a quoted one's content. */
      value: string
    }
  | { found: false }

interface Level {
  indent: number
  kind: 'map' | 'seq'
  /** For a mapping on the path: how many keys of the path lead to it; else -1. */
  depth: number
  /** The path's next key was seen in this mapping. */
  matched: boolean
  /** A list at the same indentation as the key that holds it. */
  sameIndent: boolean
}

/** A line that ended with `key:` or `-` and nothing after: its value may follow below. */
interface Pending {
  indent: number
  /** The depth a mapping opened here would have on the path, or -1. */
  depth: number
  fromKey: boolean
}

const UNSURE = Symbol('unsure')
type Unsure = typeof UNSURE

// Characters every reader agrees on: no tab, CR, BOM, C0/C1 controls, NEL,
// line separators or surrogates (the last only to keep this simple).
const ODD_CHARACTER = /[^\n\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]/

const DOUBLE_KEY = /"([^"\\\n]*)":(?= |\n|$)/y
const SINGLE_KEY = /'((?:[^'\n]|'')*)':(?= |\n|$)/y
/** A key that YAML 1.2 reads as exactly its source text (not a number, bool or null). */
const STRING_KEY = /^(?!(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$)[A-Za-z_][\w./-]*$/
/** A plain scalar in a flow collection: no indicator first, no `:` or `#` at all. */
const FLOW_PLAIN = /[^\s,[\]{}#:"'&*!|>%@`?-][^,[\]{}#:\n]*/y

/** Deeper than any values file nests; the parser's own limit depends on its stack. */
const MAX_DEPTH = 100

const SPACE = 32
const HASH = 35
const COLON = 58
const DOUBLE = 34
const SINGLE = 39
const BACKSLASH = 92

// The hot loops read character codes against these tables instead of
// running regular expressions: most of a values file is lines no path
// leads through, and every one of them is checked.
/** Characters a plain key may start with, and continue with (ASCII only). */
const KEY_START = table('A-Za-z0-9_.$~+/')
const KEY_PART = table('A-Za-z0-9_.$~+/@-')
/** What may follow `\` in a double-quoted scalar (x, u, U take hex digits). */
const ESCAPE = table('0abtnvfre "/\\N_LP')

function table(spec: string): Uint8Array {
  const t = new Uint8Array(128)
  for (let i = 0; i < spec.length; i++) {
    if (spec[i + 1] === '-' && i + 2 < spec.length) {
      for (let c = spec.charCodeAt(i); c <= spec.charCodeAt(i + 2); c++) t[c] = 1
      i += 2
    } else t[spec.charCodeAt(i)] = 1
  }
  return t
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102)
}

/** Only spaces, then maybe a comment, from `at` to the end of the line. */
function tailOk(text: string, at: number, lineEnd: number): boolean {
  if (at === lineEnd) return true
  if (text.charCodeAt(at) !== SPACE) return false
  at = skipSpaces(text, at)
  return at === lineEnd || text.charCodeAt(at) === HASH
}

// Results of the last quotedEnd and readValue calls, in module variables
// rather than objects, because they run for every line: each caller reads
// them right after the call, before anything else can overwrite them.

/** The last quoted scalar quotedEnd read had a `\` escape. */
let escaped = false

/** The index after a one-line quoted scalar starting at `at`, or UNSURE. */
function quotedEnd(text: string, at: number, lineEnd: number): number | Unsure {
  const quote = text.charCodeAt(at)
  escaped = false
  for (let i = at + 1; i < lineEnd; i++) {
    const c = text.charCodeAt(i)
    if (c === quote) {
      if (quote === SINGLE && text.charCodeAt(i + 1) === SINGLE)
        i++ // '' is a quote
      else return i + 1
    } else if (c === BACKSLASH && quote === DOUBLE) {
      const e = text.charCodeAt(i + 1)
      const digits = e === 120 ? 2 : e === 117 ? 4 : e === 85 ? 8 : 0 // x u U
      if (digits === 0 && !(e < 128 && ESCAPE[e])) return UNSURE
      for (let d = 0; d < digits; d++) if (!isHex(text.charCodeAt(i + 2 + d))) return UNSURE
      // \U above U+10FFFF is no character: the parser rejects the file.
      if (digits === 8 && Number.parseInt(text.slice(i + 2, i + 10), 16) > 0x10ffff) return UNSURE
      i += 1 + digits
      escaped = true
    }
  }
  return UNSURE // not closed on its line
}

/** The index of the `:` after a plain key starting at `at`, or -1. */
function plainKeyEnd(text: string, at: number, lineEnd: number): number {
  const c = text.charCodeAt(at)
  if (!(c < 128 && KEY_START[c])) return -1
  let i = at + 1
  for (; i < lineEnd; i++) {
    const k = text.charCodeAt(i)
    if (!(k < 128 && KEY_PART[k])) break
  }
  if (text.charCodeAt(i) !== COLON) return -1
  return i + 1 === lineEnd || text.charCodeAt(i + 1) === SPACE ? i : -1
}

/** A one-line flow collection starting at `at`; the index after it, or UNSURE. */
function flowCollection(text: string, at: number, lineEnd: number, depth = 0): number | Unsure {
  if (depth > 32) return UNSURE // see MAX_DEPTH
  const close = text[at] === '{' ? '}' : ']'
  let i = skipSpaces(text, at + 1)
  if (text[i] === close) return i + 1
  for (;;) {
    if (close === '}') {
      if (text[i] === '{' || text[i] === '[') return UNSURE // a collection as a key
      const key = flowItem(text, i, lineEnd, depth)
      if (key === UNSURE || text[key] !== ':' || text[key + 1] !== ' ') return UNSURE
      i = skipSpaces(text, key + 1)
    }
    const item = flowItem(text, i, lineEnd, depth)
    if (item === UNSURE) return UNSURE
    i = skipSpaces(text, item)
    if (text[i] === ',') {
      i = skipSpaces(text, i + 1)
      if (text[i] === close) return i + 1
      continue
    }
    return text[i] === close ? i + 1 : UNSURE
  }
}

function flowItem(text: string, at: number, lineEnd: number, depth: number): number | Unsure {
  const c = text.charCodeAt(at)
  if (c === 123 || c === 91) return flowCollection(text, at, lineEnd, depth + 1) // { [
  let end: number
  if (c === DOUBLE || c === SINGLE) {
    const after = quotedEnd(text, at, lineEnd)
    if (after === UNSURE) return UNSURE
    end = after
  } else {
    FLOW_PLAIN.lastIndex = at
    if (!FLOW_PLAIN.test(text)) return UNSURE
    end = FLOW_PLAIN.lastIndex
  }
  while (text.charCodeAt(end - 1) === SPACE) end--
  return end
}

function skipSpaces(text: string, at: number): number {
  while (text.charCodeAt(at) === 32) at++
  return at
}

/** What readValue found (see above: read right after the call). */
enum Kind {
  /** Nothing on the line: the value is below, or null. */
  Empty,
  /** A one-line scalar at [valueStart, valueEnd). */
  Scalar,
  /** A flow collection, or a double-quoted scalar with escapes. */
  Other,
  /** A block scalar header: its lines follow. */
  Block,
}
let kind = Kind.Empty
let valueStart = 0
let valueEnd = 0
let valueStyle: ScannedStyle = 'plain'

/** Characters a plain scalar cannot start with here (YAML indicators). */
const PLAIN_START_BAD = table(',[]{}#&*!|>\'"%@`?:')

/**
 * Reads the value after a key's `: ` or a list's `- `, starting at `at` (not
 * a space), and checks the rest of its line. Sets kind and the value's
 * range; false when not sure.
 */
function readValue(text: string, at: number, lineEnd: number): boolean {
  const c = text.charCodeAt(at)
  valueStart = at
  if (at >= lineEnd || c === HASH) {
    kind = Kind.Empty
    return true
  }
  let end: number
  if (c === DOUBLE || c === SINGLE) {
    const after = quotedEnd(text, at, lineEnd)
    if (after === UNSURE) return false
    end = after
    valueStyle = c === DOUBLE ? 'double' : 'single'
    // Escapes are valid, but the fast path does not decode them.
    kind = escaped ? Kind.Other : Kind.Scalar
  } else if (c === 123 || c === 91) {
    // `{` or `[`
    const after = flowCollection(text, at, lineEnd)
    if (after === UNSURE) return false
    end = after
    kind = Kind.Other
  } else if (c === 124 || c === 62) {
    // `|` or `>`, maybe a chomping indicator; an indentation indicator is not sure.
    end = at + 1
    const chomp = text.charCodeAt(end)
    if (chomp === 43 || chomp === 45) end++
    kind = Kind.Block
  } else {
    // A plain scalar; `-` only when a number or word follows (not `- `).
    if (c < 128 && PLAIN_START_BAD[c]) return false
    if (c === 45 && (at + 1 === lineEnd || text.charCodeAt(at + 1) === SPACE)) return false
    end = lineEnd
    for (let i = at + 1; i < lineEnd; i++) {
      const k = text.charCodeAt(i)
      if (k === SPACE && text.charCodeAt(i + 1) === HASH) {
        end = i
        break
      }
      // `: ` (or a final `:`) inside would make it a key.
      if (k === COLON && (i + 1 === lineEnd || text.charCodeAt(i + 1) === SPACE)) return false
    }
    while (text.charCodeAt(end - 1) === SPACE) end--
    valueStyle = 'plain'
    kind = Kind.Scalar
  }
  valueEnd = end
  return tailOk(text, end, lineEnd)
}

/** The string the value readValue found spells. */
function scalarValue(text: string): string {
  const source = text.slice(valueStart, valueEnd)
  if (valueStyle === 'plain') return source
  const content = source.slice(1, -1)
  return valueStyle === 'single' ? content.replace(/''/g, "'") : content
}

function isDash(text: string, at: number, lineEnd: number): boolean {
  return text.charCodeAt(at) === 45 && (at + 1 === lineEnd || text.charCodeAt(at + 1) === SPACE)
}

/** The index of the `:` after a key starting at `at`, or -1. */
function keyEnd(text: string, at: number, lineEnd: number): number {
  const colon = plainKeyEnd(text, at, lineEnd)
  if (colon !== -1) return colon
  const c = text.charCodeAt(at)
  if (c !== DOUBLE && c !== SINGLE) return -1
  const re = c === DOUBLE ? DOUBLE_KEY : SINGLE_KEY
  re.lastIndex = at
  return re.test(text) ? re.lastIndex - 1 : -1
}

/**
 * Follows `keys` (mapping keys from the root) through `text`. Found: the
 * scalar's range and what it spells; not found: the path is absent (a
 * mapping on it lacks the next key, or holds null there). Undefined when the
 * text or the path leaves the subset this scanner is sure of.
 */
export function scanScalar(text: string, keys: string[]): Scanned | undefined {
  if (keys.length === 0 || ODD_CHARACTER.test(text)) return undefined
  const result = scan(text, keys)
  return result === UNSURE ? undefined : result
}

function scan(text: string, keys: string[]): Scanned | Unsure {
  const levels: Level[] = []
  let rootSeen = false
  let marked = false
  let pending: Pending | undefined
  let target: Scanned | undefined
  let pos = 0
  const length = text.length

  /**
   * A key line in mapping `level`: the key at `at`, its line from
   * `lineStart`. Returns where the line (or the block scalar it starts) ends.
   */
  const keyLine = (level: Level, at: number, lineStart: number, lineEnd: number) => {
    const colon = keyEnd(text, at, lineEnd)
    if (colon === -1 || colon - at > 256) return UNSURE
    let match = false
    if (level.depth >= 0) {
      // On the path: only keys read as their own text, so matching is by text.
      const key = text.slice(at, colon)
      if (!STRING_KEY.test(key)) return UNSURE
      match = key === keys[level.depth]
      if (match) {
        if (level.matched) return UNSURE // a duplicate key on the path
        level.matched = true
      }
    }
    if (!readValue(text, skipSpaces(text, colon + 1), lineEnd)) return UNSURE
    const last = match && level.depth === keys.length - 1
    const column = at - lineStart
    if (kind === Kind.Empty) {
      if (last) return UNSURE // an empty (null) target
      pending = { indent: column, depth: match ? level.depth + 1 : -1, fromKey: true }
      return lineEnd
    }
    if (match) {
      // Not a one-line scalar, or the path runs through a value.
      if (!last || kind !== Kind.Scalar) return UNSURE
      const value = scalarValue(text)
      target = { found: true, start: valueStart, end: valueEnd, style: valueStyle, value }
    }
    return kind === Kind.Block ? blockScalar(text, lineEnd, column) : lineEnd
  }

  while (pos < length) {
    let lineEnd = text.indexOf('\n', pos)
    if (lineEnd === -1) lineEnd = length
    const first = skipSpaces(text, pos)
    const indent = first - pos
    if (first === lineEnd || text.charCodeAt(first) === HASH) {
      pos = lineEnd + 1
      continue
    }
    if (!rootSeen && !marked && text.startsWith('---', pos) && tailOk(text, pos + 3, lineEnd)) {
      marked = true // the document's start marker; anything more about documents is not sure
      pos = lineEnd + 1
      continue
    }
    const dash = isDash(text, first, lineEnd)
    // Open the value a previous `key:` or `-` left pending.
    if (pending) {
      const opener = pending
      pending = undefined
      if (indent > opener.indent || (indent === opener.indent && opener.fromKey && dash)) {
        if (dash && opener.depth >= 0) return UNSURE // a list where the path wants a mapping
        levels.push({
          indent,
          kind: dash ? 'seq' : 'map',
          depth: dash ? -1 : opener.depth,
          matched: false,
          sameIndent: indent === opener.indent,
        })
      }
      // Otherwise the value was null; on the path, the path is absent.
    }
    while (levels.length > 0 && levels[levels.length - 1]!.indent > indent) levels.pop()
    // The parser gives up on very deep nesting (its stack is finite); so does this.
    if (levels.length > MAX_DEPTH) return UNSURE
    if (levels.length === 0) {
      if (rootSeen) return UNSURE // less indented than the root
      rootSeen = true
      if (dash) return UNSURE // a list at the root: no key path leads into it here
      levels.push({ indent, kind: 'map', depth: 0, matched: false, sameIndent: false })
    }
    let level = levels[levels.length - 1]!
    if (level.indent !== indent) return UNSURE // between two levels, or a continuation line
    if (level.kind === 'seq' && !dash) {
      // Back from a list written at its key's indentation.
      if (!level.sameIndent) return UNSURE
      levels.pop()
      level = levels[levels.length - 1]!
      if (level.kind !== 'map' || level.indent !== indent) return UNSURE
    }
    let next: number | Unsure
    if (level.kind === 'map') {
      next = keyLine(level, first, pos, lineEnd)
    } else {
      // A list item: `-`, `- value`, `- key: value` (a mapping at the key's column).
      const at = skipSpaces(text, first + 1)
      if (at >= lineEnd || text.charCodeAt(at) === HASH) {
        if (!tailOk(text, first + 1, lineEnd)) return UNSURE
        pending = { indent, depth: -1, fromKey: false }
        next = lineEnd
      } else if (isDash(text, at, lineEnd)) {
        return UNSURE // `- - x`
      } else if (keyEnd(text, at, lineEnd) !== -1) {
        const map: Level = {
          indent: at - pos,
          kind: 'map',
          depth: -1,
          matched: false,
          sameIndent: false,
        }
        levels.push(map)
        next = keyLine(map, at, pos, lineEnd)
      } else {
        if (!readValue(text, at, lineEnd)) return UNSURE
        next = kind === Kind.Block ? blockScalar(text, lineEnd, indent) : lineEnd
      }
    }
    if (next === UNSURE) return UNSURE
    pos = next + 1
  }
  // Not found: a mapping on the path lacks the next key or holds null there.
  return target ?? { found: false }
}

/**
 * Skips a block scalar's lines after its header line (ending at
 * `headerEnd`); `parent` is the indentation its lines must exceed. Returns
 * the end of its last line, or UNSURE when the lines are not plainly indented.
 */
function blockScalar(text: string, headerEnd: number, parent: number): number | Unsure {
  let content: number | undefined
  let leadingBlank = 0
  let end = headerEnd
  let pos = headerEnd + 1
  while (pos < text.length) {
    let lineEnd = text.indexOf('\n', pos)
    if (lineEnd === -1) lineEnd = text.length
    const first = skipSpaces(text, pos)
    const indent = first - pos
    if (first === lineEnd) {
      if (content === undefined) leadingBlank = Math.max(leadingBlank, indent)
    } else if (content === undefined) {
      if (indent <= parent) break
      if (leadingBlank > indent) return UNSURE
      content = indent
    } else if (indent < content) {
      if (indent <= parent) break
      return UNSURE
    }
    end = lineEnd
    pos = lineEnd + 1
  }
  // Blank lines at the end belong to the scalar or to nothing: the next line starts after them.
  return end
}
