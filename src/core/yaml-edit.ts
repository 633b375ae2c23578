import { isDeepStrictEqual } from 'node:util'
import type { CST, Document, LineCounter, Node, Pair, Scalar, YAMLMap } from 'yaml'
import { UserError } from './errors'
import { formatKeyPath, type PathSegment, parseKeyPath } from './key-path'
import { isAlias, isMap, isScalar, isSeq, yaml } from './yaml-lib'
import {
  doubleQuoted,
  isPlainSafe,
  renderScalar,
  type ScalarStyle,
  tokenValue,
} from './yaml-scalar-style'
import { type Scanned, scanScalar } from './yaml-scan'

export interface ScalarChange {
  file: string
  key: string
  old: string | undefined
  new: string
}

interface Parsed {
  doc: Document.Parsed
  lines: LineCounter
  text: string
  file: string
}

// Lenient like Helm: duplicate keys are not a parse error (go-yaml v2 takes
// the last); an edit that would have to pick one of them is refused instead.
const PARSE_OPTIONS = { uniqueKeys: false, prettyErrors: false } as const

/** The CST of `text`, so that both YAML versions can be composed from one parse. */
function tokens(text: string, lines: LineCounter): CST.Token[] {
  return [...new (yaml().Parser)(lines.addNewLine).parse(text)]
}

/** What parseDocument does, from tokens: the first document, an error if there are more. */
function compose(
  tokens: CST.Token[],
  text: string,
  version: '1.1' | '1.2',
  keepSourceTokens = false,
): Document.Parsed {
  let doc: Document.Parsed | undefined
  for (const next of new (yaml().Composer)({ ...PARSE_OPTIONS, version, keepSourceTokens }).compose(
    tokens,
    true,
    text.length,
  )) {
    if (!doc) doc = next
    else {
      const range = [next.range[0], next.range[1]] as [number, number]
      doc.errors.push(
        new (yaml().YAMLParseError)(
          range,
          'MULTIPLE_DOCS',
          'Source contains multiple documents; please use YAML.parseAllDocuments()',
        ),
      )
      break
    }
  }
  return doc!
}

// The last text parsed or verified, with its document: a file's edits and
// reads run one after another on the text the previous one produced, so each
// finds its document here instead of parsing the file again. Documents are
// never modified, only read.
let lastParsed: Parsed | undefined

function parse(text: string, file: string): Parsed {
  if (lastParsed && lastParsed.file === file && lastParsed.text === text) return lastParsed
  const lines = new (yaml().LineCounter)()
  const doc = compose(tokens(text, lines), text, '1.2')
  const error = doc.errors[0]
  if (error) {
    const offset = error.pos[0]
    const { line, col } = lines.linePos(offset)
    throw new UserError(`${file}:${line}:${col}: not valid YAML: ${error.message.split('\n')[0]}`, {
      file,
      line,
      column: col,
    })
  }
  lastParsed = { doc, lines, text, file }
  return lastParsed
}

function refuse(p: Parsed, key: string, offset: number | undefined, why: string): never {
  const where = offset === undefined ? undefined : p.lines.linePos(offset)
  const at = where ? `:${where.line}:${where.col}` : ''
  throw new UserError(`${p.file}${at}: key "${key}": ${why}`, {
    file: p.file,
    line: where?.line,
    column: where?.col,
  })
}

function describe(node: unknown): string {
  if (isMap(node)) return 'a mapping'
  if (isSeq(node)) return 'a list'
  if (isAlias(node)) return `an alias (*${node.source})`
  if (isScalar(node)) return `the scalar ${JSON.stringify(String(node.source ?? node.value))}`
  return 'empty'
}

function keyMatches(key: unknown, wanted: string): boolean {
  if (!isScalar(key)) return false
  return String(key.value) === wanted || key.source === wanted
}

function isMergeKey(key: unknown): boolean {
  return isScalar(key) && key.source === '<<' && key.type === 'PLAIN'
}

/** Where a key path leads in a document. */
type Located =
  | { found: true; node: Scalar; pair: Pair | undefined; flow: boolean; path: Node[] }
  | {
      found: false
      /** Index of the first segment that does not exist. */
      missing: number
      /** The mapping that lacks it, or a null scalar / empty document standing for one. */
      parent: YAMLMap | Scalar | null
      parentKey: Node | undefined
      flow: boolean
    }

function anchorsInUse(p: Parsed): Set<string> {
  const used = new Set<string>()
  if (!p.text.includes('*')) return used // an alias is spelled *name
  yaml().visit(p.doc, {
    Alias(_, node) {
      used.add(node.source)
    },
  })
  return used
}

function locate(p: Parsed, segments: PathSegment[], key: string): Located {
  let node: unknown = p.doc.contents
  let parentKey: Node | undefined
  let pair: Pair | undefined
  let flow = false
  const path: Node[] = []
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!
    const here = formatKeyPath(segments.slice(0, i)) || 'the document'
    if (isAlias(node)) {
      refuse(p, key, node.range?.[0], `the path runs through an alias (*${node.source}) at ${here}`)
    }
    if (node === null || node === undefined || (isScalar(node) && node.value === null)) {
      if (segment.kind === 'key') {
        return { found: false, missing: i, parent: (node as Scalar) ?? null, parentKey, flow }
      }
      refuse(p, key, (node as Scalar | null)?.range?.[0], `${here} is empty, not a list`)
    }
    path.push(node as Node)
    if (segment.kind === 'key') {
      if (!isMap(node)) {
        refuse(p, key, (node as Node).range?.[0], `${here} is ${describe(node)}, not a mapping`)
      }
      flow ||= node.flow === true
      const pairs = node.items.filter((item) => keyMatches(item.key, segment.key))
      if (pairs.length > 1) {
        const second = pairs[1]!.key as Node
        refuse(p, key, second.range?.[0], `"${segment.key}" appears more than once in ${here}`)
      }
      const found = pairs[0]
      if (!found) {
        const merge = node.items.find((item) => isMergeKey(item.key))
        if (merge) {
          refuse(
            p,
            key,
            (merge.key as Node).range?.[0],
            `${here} takes keys from a merge (<<) of an alias; the path runs through an alias`,
          )
        }
        return { found: false, missing: i, parent: node, parentKey, flow }
      }
      if (isAlias(found.key)) refuse(p, key, found.key.range?.[0], 'the key is an alias')
      parentKey = found.key as Node
      pair = found
      node = found.value
      if (node === null) {
        // `? key` with no value: an empty scalar right after the key.
        return { found: false, missing: i + 1, parent: null, parentKey, flow }
      }
    } else {
      if (!isSeq(node)) {
        refuse(p, key, (node as Node).range?.[0], `${here} is ${describe(node)}, not a list`)
      }
      flow ||= node.flow === true
      pair = undefined
      if (segment.kind === 'index') {
        if (segment.index >= node.items.length) {
          refuse(
            p,
            key,
            node.range?.[0],
            `${here} has ${node.items.length} item(s), there is no [${segment.index}]`,
          )
        }
        node = node.items[segment.index]
      } else {
        const matches: unknown[] = []
        for (const item of node.items) {
          if (isAlias(item)) {
            refuse(p, key, item.range?.[0], `the path runs through an alias (*${item.source})`)
          }
          if (!isMap(item)) continue
          const field = item.items.find((f) => keyMatches(f.key, segment.field))
          if (isAlias(field?.value)) {
            refuse(p, key, field.value.range?.[0], `the path runs through an alias`)
          }
          if (isScalar(field?.value) && scalarText(field.value) === segment.value) {
            matches.push(item)
          }
        }
        if (matches.length > 1) {
          refuse(
            p,
            key,
            node.range?.[0],
            `${matches.length} items of ${here} have ${segment.field}=${segment.value}`,
          )
        }
        if (matches.length === 0) {
          refuse(
            p,
            key,
            node.range?.[0],
            `no item of ${here} has ${segment.field}=${segment.value}`,
          )
        }
        node = matches[0]
      }
    }
  }
  if (isAlias(node)) {
    refuse(p, key, node.range?.[0], `the value is an alias (*${node.source}), not a scalar`)
  }
  if (!isScalar(node)) {
    refuse(
      p,
      key,
      (node as Node | undefined)?.range?.[0],
      `the value is ${describe(node)}, not a scalar`,
    )
  }
  return { found: true, node, pair, flow, path }
}

/** A scalar as the string the file spells it (plain: its source text, as written). */
function scalarText(node: Scalar): string {
  if (node.type === 'PLAIN' || node.type === undefined) {
    return node.source ?? (node.value === null ? '' : String(node.value))
  }
  return String(node.value)
}

/**
 * The fast path's answer for a path of mapping keys (see yaml-scan), or
 * undefined when the full parser must answer.
 */
function scan(text: string, segments: PathSegment[]): Scanned | undefined {
  if (!segments.every((s) => s.kind === 'key')) return undefined
  const keys = segments.map((s) => s.key)
  return recentScans.get(text, keys.join('\0'), () => scanScalar(text, keys))
}

/**
 * The answers of the last few scans, by text and path. A plan reads a file's
 * value, looks for it again in the file's history (the newest version is the
 * same text), and edits it: a promotion scanned each values file two or
 * three times. Texts of 1 MB or more are not kept.
 */
const recentScans = (() => {
  const TEXTS = 16
  const MAX_TEXT = 2 ** 20
  const byText = new Map<string, Map<string, Scanned | undefined>>()
  return {
    get(text: string, path: string, scanned: () => Scanned | undefined): Scanned | undefined {
      if (text.length >= MAX_TEXT) return scanned()
      let answers = byText.get(text)
      if (answers?.has(path)) return answers.get(path)
      if (!answers) {
        if (byText.size >= TEXTS) byText.delete(byText.keys().next().value!)
        answers = new Map()
        byText.set(text, answers)
      }
      const answer = scanned()
      answers.set(path, answer)
      return answer
    },
  }
})()

/** Refuses text that is not valid YAML, naming the file, line and column, as an edit would. */
export function checkYaml(text: string, file: string): void {
  parse(text, file)
}

export function readScalar(text: string, key: string, file: string): string | undefined {
  const segments = parseKeyPath(key)
  const scanned = scan(text, segments)
  if (scanned) return scanned.found ? scanned.value : undefined
  const p = parse(text, file)
  const located = locate(p, segments, key)
  return located.found ? scalarText(located.node) : undefined
}

function styleOf(node: Scalar): ScalarStyle {
  if (node.type === 'QUOTE_SINGLE') return 'single'
  if (node.type === 'QUOTE_DOUBLE') return 'double'
  if (node.type === 'PLAIN') return 'plain'
  return 'double' // a block scalar becomes a one-line double-quoted one
}

/** The scalar already says `value`, and every YAML reader agrees. */
function alreadySet(node: Scalar, value: string, flow: boolean): boolean {
  if (typeof node.value !== 'string' || node.value !== value) return false
  if (node.type === 'PLAIN') return isPlainSafe(value, flow)
  return node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE'
}

function lineBreak(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n'
}

function renderKey(key: string): string {
  return isPlainSafe(key, false) ? key : doubleQuoted(key)
}

/** Replaces an existing scalar's bytes: nothing before or after it moves. */
function replaceScalar(text: string, node: Scalar, value: string, flow: boolean): string {
  const [start, end] = node.range!
  let rendered = renderScalar(value, styleOf(node), flow)
  let stop = end
  if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
    // The block's range runs to its final line break: keep that break.
    const tail = /\r?\n$/.exec(text.slice(start, end))
    if (tail) stop = end - tail[0].length
  } else if (start === end) {
    // `tag:` with no value, maybe a comment after it: keep both separated.
    if (start > 0 && !/[\s[{,]/.test(text[start - 1]!)) rendered = ` ${rendered}`
    if (text[start] === '#') rendered = `${rendered} `
  }
  return text.slice(0, start) + rendered + text.slice(stop)
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1
}

/** Text for the keys `keys` (nested) ending in `value`, as block lines at `indent`. */
function blockLines(keys: string[], value: string, indent: number, eol: string): string {
  return keys
    .map((k, i) => {
      const pad = ' '.repeat(indent + 2 * i)
      return i === keys.length - 1
        ? `${pad}${renderKey(k)}: ${renderScalar(value, 'plain', false)}`
        : `${pad}${renderKey(k)}:`
    })
    .join(eol)
}

function flowText(keys: string[], value: string): string {
  const [first, ...rest] = keys
  const inner =
    rest.length === 0 ? renderScalar(value, 'plain', true) : `{${flowText(rest, value)}}`
  return `${renderKey(first!)}: ${inner}`
}

/** Inserts missing keys (all of kind 'key') below `parent`. */
function insertKeys(
  p: Parsed,
  located: Extract<Located, { found: false }>,
  keys: string[],
  value: string,
): string {
  const { text } = p
  const eol = lineBreak(text)
  const parent = located.parent
  if (isMap(parent) && parent.flow) {
    const close = text.lastIndexOf('}', parent.range![1])
    const before = text.slice(parent.range![0] + 1, close).trimEnd()
    const sep = parent.items.length === 0 || before.endsWith(',') ? '' : ', '
    const at = parent.range![0] + 1 + before.length
    return `${text.slice(0, at)}${sep}${flowText(keys, value)}${text.slice(at)}`
  }
  let indent: number
  let at: number
  if (isMap(parent)) {
    const first = parent.items[0]!.key as Node
    indent = first.range![0] - lineStart(text, first.range![0])
    const last = parent.items[parent.items.length - 1]!
    const end = ((last.value ?? last.key) as Node).range![1]
    at = text[end - 1] === '\n' ? end : text.indexOf('\n', end) + 1 || text.length
  } else if (located.parentKey) {
    // `image:` with an empty value: the keys go on the lines below it.
    const keyStart = located.parentKey.range![0]
    indent = keyStart - lineStart(text, keyStart) + 2
    const end = (parent as Scalar | null)?.range?.[1] ?? located.parentKey.range![1]
    const nl = text.indexOf('\n', end)
    at = nl === -1 ? text.length : nl + 1
  } else {
    // An empty document.
    indent = 0
    at = text.length
  }
  const lines = blockLines(keys, value, indent, eol)
  if (at === text.length && text !== '' && !text.endsWith('\n')) {
    return `${text}${eol}${lines}` // keep the missing final newline missing
  }
  return `${text.slice(0, at)}${lines}${eol}${text.slice(at)}`
}

/** The document's data with `segments` set to `value`: what an edit must produce. */
function expectedData(data: unknown, segments: PathSegment[], value: string): unknown {
  const copy = structuredClone(data)
  let holder: Record<string, unknown> | unknown[] | undefined
  let slot: string | number | undefined
  let node: unknown = copy
  const root = { value: copy }
  holder = root as unknown as Record<string, unknown>
  slot = 'value'
  for (const segment of segments) {
    if (node === null || node === undefined) {
      node = {}
      ;(holder as Record<string | number, unknown>)[slot] = node
    }
    holder = node as Record<string, unknown> | unknown[]
    if (segment.kind === 'key') slot = segment.key
    else if (segment.kind === 'index') slot = segment.index
    else {
      slot = (node as Record<string, unknown>[]).findIndex(
        (item) =>
          item !== null &&
          typeof item === 'object' &&
          String(item[segment.field]) === segment.value,
      )
    }
    node = (holder as Record<string | number, unknown>)[slot]
  }
  ;(holder as Record<string | number, unknown>)[slot] = value
  return root.value
}

/**
 * Byte-minimal, type-safe edit: only the value's bytes change. `change` is
 * undefined when the value is already there. UserError (file, key,
 * line/column) on every refusal; `create` allows missing keys at the end of
 * the path to be added (mappings only).
 */
export function setScalar(
  text: string,
  key: string,
  value: string,
  options: { file: string; create?: boolean },
): { text: string; change: ScalarChange | undefined } {
  const { file } = options
  const segments = parseKeyPath(key)
  const scanned = scan(text, segments)
  if (scanned?.found) {
    const edited = replaceScanned(text, scanned, value)
    if (edited !== undefined) {
      const change = edited === text ? undefined : { file, key, old: scanned.value, new: value }
      return { text: edited, change }
    }
  }
  const p = parse(text, file)
  const located = locate(p, segments, key)
  let next: string
  let old: string | undefined
  if (located.found) {
    const used = anchorsInUse(p)
    for (const node of [...located.path, located.node]) {
      if (node.anchor && used.has(node.anchor)) {
        refuse(
          p,
          key,
          node.range?.[0],
          `the value sits under the anchor &${node.anchor}, which an alias uses elsewhere; editing it would change that too`,
        )
      }
    }
    old = scalarText(located.node)
    if (alreadySet(located.node, value, located.flow)) return { text, change: undefined }
    next = replaceScalar(text, located.node, value, located.flow)
  } else {
    const rest = segments.slice(located.missing)
    const missing = formatKeyPath(segments.slice(0, located.missing + 1))
    if (!options.create) {
      refuse(p, key, undefined, `not found (no "${missing}"); set create: true to add it`)
    }
    if (rest.some((s) => s.kind !== 'key')) {
      refuse(p, key, undefined, `not found (no "${missing}"), and only mapping keys can be created`)
    }
    next = insertKeys(
      p,
      located,
      rest.map((s) => (s as { key: string }).key),
      value,
    )
  }
  verifyEdit(p, next, located, segments, key, value)
  return { text: next, change: { file, key, old, new: value } }
}

/**
 * The fast path's edit: the scanned scalar's bytes replaced by a one-line
 * token that reads back as `value` under YAML 1.1 and 1.2. The scanner
 * proved that the token's line holds nothing but key, scalar, spaces and a
 * comment, and such a token cannot reach past its own bytes (no line break,
 * no ` #` or `: ` when plain), so the rest of the document reads as before.
 * Undefined (use the full path) if the token does not read back.
 */
function replaceScanned(
  text: string,
  scanned: Extract<Scanned, { found: true }>,
  value: string,
): string | undefined {
  const already =
    scanned.value === value && (scanned.style !== 'plain' || isPlainSafe(value, false))
  if (already) return text
  const token = renderScalar(value, scanned.style, false)
  if (tokenValue(token) !== value) return undefined
  return text.slice(0, scanned.start) + token + text.slice(scanned.end)
}

/**
 * Re-parses the edited text and reads the value back, under YAML 1.2 and 1.1
 * (Helm), and checks that nothing else in the data changed. A failure here is
 * a bug in the edit, never something to commit.
 */
function verifyEdit(
  before: Parsed,
  after: string,
  located: Located,
  segments: PathSegment[],
  key: string,
  value: string,
): void {
  const { file } = before
  const bug: (why: string) => never = (why) => {
    throw new Error(`Read-back of ${file} key "${key}" after the edit failed: ${why}`)
  }
  // One parse of the text; YAML 1.2 is composed from its tokens, 1.1 too
  // unless the edited scalar alone settles it (see readsUnder11).
  const lines = new (yaml().LineCounter)()
  const cst = tokens(after, lines)
  const doc = compose(cst, after, '1.2', true)
  if (doc.errors.length > 0) bug(`the result does not parse (${doc.errors[0]!.message})`)
  const edited = { doc, lines, text: after, file }
  const got = locate(edited, segments, key)
  if (!got.found || got.node.value !== value) {
    bug(`YAML 1.2 reads ${got.found ? JSON.stringify(got.node.value) : 'nothing'}`)
  }
  const node = got.node
  if (readsUnder11(node, after) !== value) {
    const doc11 = compose(cst, after, '1.1')
    if (doc11.errors.length > 0) bug(`the result does not parse (${doc11.errors[0]!.message})`)
    const got11 = locate({ doc: doc11, lines, text: after, file }, segments, key)
    if (!got11.found || got11.node.value !== value) {
      bug(`YAML 1.1 reads ${got11.found ? JSON.stringify(got11.node.value) : 'nothing'}`)
    }
  }
  if (located.found) {
    // A replaced scalar: the document must be the same tree, node for node,
    // apart from that scalar (which reads `value`, checked above). Same trees
    // mean the same data, without converting either document.
    if (!sameTree(before.doc.contents, doc.contents, located.node, node)) {
      bug('other data in the file changed')
    }
  } else if (
    !isDeepStrictEqual(edited!.doc.toJS(), expectedData(before.doc.toJS(), segments, value))
  ) {
    bug('other data in the file changed')
  }
  lastParsed = edited
}

/**
 * What YAML 1.1 (Helm) reads for `node` of the 1.2 document. Both versions
 * share the tokens, and an untagged scalar's value follows from its own token
 * and the schema alone, so its token is composed by itself; undefined (the
 * whole document is composed instead) when tags or directives could matter.
 */
function readsUnder11(node: Scalar, text: string): unknown {
  const token = node.srcToken
  if (node.tag !== undefined || !token || text.includes('!') || /^%/m.test(text)) return undefined
  if (!['scalar', 'single-quoted-scalar', 'double-quoted-scalar'].includes(token.type))
    return undefined
  const doc = compose(
    [{ type: 'document', offset: token.offset, start: [], value: token }],
    text,
    '1.1',
  )
  return doc.errors.length === 0 && isScalar(doc.contents) ? doc.contents.value : undefined
}

/** The same YAML tree (values, tags, anchors, aliases), except `a`'s node `skipA` is `b`'s `skipB`. */
function sameTree(a: unknown, b: unknown, skipA: Node, skipB: Node): boolean {
  if (a === skipA || b === skipB) return a === skipA && b === skipB
  if (a === null || a === undefined || b === null || b === undefined) return a === b
  if (isScalar(a)) {
    return (
      isScalar(b) &&
      a.tag === b.tag &&
      a.anchor === b.anchor &&
      (Object.is(a.value, b.value) || isDeepStrictEqual(a.value, b.value))
    )
  }
  if (isAlias(a)) return isAlias(b) && a.source === b.source
  if (isMap(a)) {
    return (
      isMap(b) &&
      a.tag === b.tag &&
      a.anchor === b.anchor &&
      a.items.length === b.items.length &&
      a.items.every((pair, i) => {
        const other = b.items[i]!
        return (
          sameTree(pair.key, other.key, skipA, skipB) &&
          sameTree(pair.value, other.value, skipA, skipB)
        )
      })
    )
  }
  if (isSeq(a)) {
    return (
      isSeq(b) &&
      a.tag === b.tag &&
      a.anchor === b.anchor &&
      a.items.length === b.items.length &&
      a.items.every((item, i) => sameTree(item, b.items[i], skipA, skipB))
    )
  }
  return false
}
