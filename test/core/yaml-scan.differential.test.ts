// The fast path (yaml-scan) against the full parser, on thousands of random
// documents built to trip a line scanner: block scalars whose lines look like
// keys, flow collections, quoted and odd keys, duplicates, anchors, merge
// keys, multi-line scalars, document markers, tabs, CRLF, lists at their
// key's indentation, and random damage (indentation shifts, stray
// indicators, deleted and repeated lines). Whenever the scanner answers, the
// answer must be the parser's: the same scalar bytes and value, or an absent
// path where the parser finds none, and never an answer for a document the
// parser rejects or a path it refuses.
import { describe, expect, it } from 'vitest'
import { isAlias, isMap, isScalar, parse, parseDocument, Scalar } from 'yaml'
import { random, valuesFile } from '../../src/cli/sample-values'
import { formatKeyPath } from '../../src/core/key-path'
import { readScalar, setScalar } from '../../src/core/yaml-edit'
import { type Scanned, scanScalar } from '../../src/core/yaml-scan'

const rng = random

function pick<T>(r: () => number, items: readonly T[]): T {
  return items[Math.floor(r() * items.length)]!
}

const PATH_KEYS = ['image', 'tag', 'a', '1', 'true', 'x.y']
const KEYS = [
  'image',
  'tag',
  'a',
  'x.y',
  'image',
  'tag',
  'repo',
  'Image',
  'a-b',
  'app.kubernetes.io/name',
]
const ODD_KEYS = [
  '1',
  'true',
  '"image"',
  "'tag'",
  '"a b"',
  'image ',
  '<<',
  '&x image',
  '!!str tag',
  '? image',
  'ima#ge',
  'tag@',
  '~',
  '01',
  '1.0',
  'null',
  '-k',
  'a b',
  'k\t',
]
const VALUES = [
  'v1',
  'ghcr.io/x:1.0',
  '"1.0"',
  "'it''s'",
  '1.10',
  'true',
  '{ a: b, c: "d" }',
  '[a, b]',
  '[a, {b: c}]',
  'a #c',
  'a#b',
  'a b c',
  'http://x',
  '-1',
  '""',
]
const ODD_VALUES = [
  '"a\\tb"',
  '"a\\qb"',
  '1.10',
  'true',
  '{ a: b, c: "d" }',
  '[a, b]',
  '[a, {b: c}]',
  '{a: [}',
  '{ a }',
  '{a: b,}',
  '[a,,b]',
  '{"a":b}',
  '{ a: b c }',
  '{a: &y b}',
  '*x',
  '&x v',
  '!!str v',
  'a: b',
  'a #c',
  'a#b',
  '"x"#c',
  '"x" y',
  '"unterminated',
  "'multi",
  '- x',
  '-1',
  '-',
  ':x',
  '? x',
  '%x',
  '@x',
  '`x',
  'a b c',
  'x:',
  'http://x',
  '~',
  "''",
  '""',
  'ünï',
]
const BLOCK_LINES = ['image:', '  tag: fake', 'tag: fake', '# not a comment', '', '   ', 'text']

/** How often a document gets an odd key, value or block line: half of them never do. */
let oddness = 0

/** Lines of a random block node at `indent`. */
function node(r: () => number, indent: number, depth: number, out: string[]): void {
  const pad = ' '.repeat(indent)
  const seq = depth > 0 && r() < 0.25
  const n = 1 + Math.floor(r() * 4)
  for (let i = 0; i < n; i++) {
    if (r() < 0.1) out.push(pick(r, ['', `${' '.repeat(Math.floor(r() * 6))}# c`, '   ']))
    const lead = seq ? `${pad}-${r() < 0.2 ? '   ' : ' '}` : pad
    const keyed = !seq || r() < 0.5
    const key = r() < oddness ? pick(r, ODD_KEYS) : pick(r, KEYS)
    const head = keyed ? `${lead}${key}:` : seq ? `${pad}-` : lead
    const roll = r()
    const comment = r() < 0.2 ? (r() < oddness ? '#c' : pick(r, [' # c', '  #c'])) : ''
    // Where this entry's own nested lines start: a key's column, past a bare `-`.
    const childIndent = keyed && seq ? lead.length : seq ? indent + 1 : indent
    if (roll < 0.5) {
      out.push(`${head} ${r() < oddness ? pick(r, ODD_VALUES) : pick(r, VALUES)}${comment}`)
      if (r() < oddness / 2) out.push(`${pad}  continued`) // a multi-line plain scalar
    } else if (roll < 0.62) {
      out.push(`${head} ${r() < oddness ? '|2' : pick(r, ['|', '|-', '>', '>+', '| # c'])}`)
      const inner = childIndent + (r() < oddness ? 0 : pick(r, [1, 2, 2, 4]))
      for (let j = Math.floor(r() * 4); j >= 0; j--) {
        const extra = r() < oddness ? -1 : r() < 0.2 ? 2 : 0
        out.push(`${' '.repeat(Math.max(0, inner + extra))}${pick(r, BLOCK_LINES)}`)
      }
    } else {
      out.push(`${head}${comment}`)
      if (depth < 4 && r() < 0.85) {
        const step = pick(r, [0, 1, 2, 2, 2, 4])
        node(r, childIndent + step, depth + 1, out)
      }
    }
  }
}

function damage(r: () => number, lines: string[]): void {
  for (let k = Math.floor(r() * 3); k > 0 && lines.length > 0; k--) {
    const i = Math.floor(r() * lines.length)
    const line = lines[i]!
    const roll = r()
    if (roll < 0.25) lines[i] = ' '.repeat(1 + Math.floor(r() * 2)) + line
    else if (roll < 0.4) lines[i] = line.replace(/^ {1,2}/, '')
    else if (roll < 0.55) lines.splice(i, 1)
    else if (roll < 0.7) lines.splice(i, 0, line)
    else {
      const at = Math.floor(r() * (line.length + 1))
      lines[i] = line.slice(0, at) + pick(r, [...' :#-\'"{}[]&*!|>?,%@\t']) + line.slice(at)
    }
  }
}

function document(r: () => number): string {
  const lines: string[] = []
  oddness = r() < 0.5 ? 0 : 0.1
  if (r() < 0.1) lines.push(pick(r, ['---', '--- # c', '--- x', '%YAML 1.2\n---', '# head']))
  node(r, r() < 0.05 ? 2 : 0, 0, lines)
  if (r() < 0.04) lines.push(pick(r, ['---', '...', 'x: 1\n---\ny: 2']))
  if (r() < 0.3) damage(r, lines)
  const eol = r() < 0.03 ? '\r\n' : '\n'
  let text = lines.join(eol) + (r() < 0.9 ? eol : '')
  if (r() < 0.02) text = `\ufeff${text}`
  if (r() < 0.02) text = text.replace(/^ {2}/m, '\t')
  return text
}

type Answer =
  | { kind: 'error' | 'refuse' | 'absent' }
  | { kind: 'found'; start: number; end: number; style: string; value: string }

/** What the full parser makes of the path: the behaviour readScalar has without its fast path. */
function oracle(text: string, keys: string[]): Answer {
  const doc = parseDocument(text, { uniqueKeys: false })
  if (doc.errors.length > 0) return { kind: 'error' }
  let node: unknown = doc.contents
  for (const key of keys) {
    if (isAlias(node)) return { kind: 'refuse' }
    if (node === null || node === undefined || (isScalar(node) && node.value === null)) {
      return { kind: 'absent' }
    }
    if (!isMap(node)) return { kind: 'refuse' }
    const pairs = node.items.filter(
      (p) => isScalar(p.key) && (String(p.key.value) === key || p.key.source === key),
    )
    if (pairs.length > 1) return { kind: 'refuse' }
    if (pairs.length === 0) {
      const merge = node.items.some((p) => isScalar(p.key) && p.key.source === '<<')
      return { kind: merge ? 'refuse' : 'absent' }
    }
    node = pairs[0]!.value
    if (node === null) return { kind: 'absent' }
  }
  if (!isScalar(node)) return { kind: 'refuse' }
  const style =
    node.type === Scalar.PLAIN
      ? 'plain'
      : node.type === Scalar.QUOTE_SINGLE
        ? 'single'
        : node.type === Scalar.QUOTE_DOUBLE
          ? 'double'
          : 'block'
  const value = style === 'plain' ? (node.source ?? '') : String(node.value)
  return { kind: 'found', start: node.range![0], end: node.range![1], style, value }
}

/** Key paths to the scalars of a document that parses (none if it does not). */
function scalarPaths(text: string): string[][] {
  const doc = parseDocument(text, { uniqueKeys: false })
  if (doc.errors.length > 0) return []
  const paths: string[][] = []
  const walk = (node: unknown, path: string[]) => {
    if (isScalar(node) && path.length > 0) paths.push(path)
    if (!isMap(node)) return
    for (const pair of node.items) {
      if (isScalar(pair.key)) walk(pair.value, [...path, String(pair.key.value)])
    }
  }
  walk(doc.contents, [])
  return paths
}

function agrees(scanned: Scanned, expected: Answer): boolean {
  if (!scanned.found) return expected.kind === 'absent'
  return (
    expected.kind === 'found' &&
    scanned.start === expected.start &&
    scanned.end === expected.end &&
    scanned.style === expected.style &&
    scanned.value === expected.value
  )
}

describe('yaml-scan: the fast path agrees with the full parser', () => {
  it('on 3,000 random and damaged documents, 3 paths each', () => {
    const counts: Record<string, number> = {}
    for (let seed = 1; seed <= 3000; seed++) {
      const r = rng(seed)
      const text = document(r)
      for (let p = 0; p < 3; p++) {
        const real = scalarPaths(text)
        const keys =
          real.length > 0 && r() < 0.6
            ? pick(r, real)
            : Array.from({ length: pick(r, [1, 1, 2, 2, 3]) }, () => pick(r, PATH_KEYS))
        const scanned = scanScalar(text, keys)
        const expected = oracle(text, keys)
        const tally = `${scanned ? (scanned.found ? 'found' : 'absent') : 'unsure'}/${expected.kind}`
        counts[tally] = (counts[tally] ?? 0) + 1
        if (scanned && !agrees(scanned, expected)) {
          expect.fail(
            `seed ${seed}, keys ${JSON.stringify(keys)}: scanner ${JSON.stringify(scanned)}, parser ${JSON.stringify(expected)}\n${JSON.stringify(text)}\n${text}`,
          )
        }
      }
    }
    // The test means something only if the scanner answers often.
    expect(counts['found/found'] ?? 0).toBeGreaterThan(800)
    expect(counts['absent/absent'] ?? 0).toBeGreaterThan(1000)
  })

  it('an edit through the fast path changes exactly the value, under YAML 1.1 and 1.2', () => {
    const values = ['f00ba47', '1.10', 'yes', '~', "it's", 'a: b', 'x #y', '0x1F', 'ünï', '']
    let edits = 0
    for (let seed = 1; seed <= 2000; seed++) {
      const r = rng(seed)
      const text = document(r)
      const real = scalarPaths(text)
      if (real.length === 0) continue
      const keys = pick(r, real)
      const scanned = scanScalar(text, keys)
      if (!scanned?.found) continue
      const value = pick(r, values)
      const key = formatKeyPath(keys.map((k) => ({ kind: 'key', key: k })))
      const out = setScalar(text, key, value, { file: 'values.yaml' }).text
      for (const version of ['1.1', '1.2'] as const) {
        const before = parse(text, { version, uniqueKeys: false })
        const after = parse(out, { version, uniqueKeys: false })
        let holder = before
        for (const k of keys.slice(0, -1)) holder = holder[k]
        holder[keys[keys.length - 1]!] = value
        expect(after, `seed ${seed} ${key}=${value} YAML ${version}\n${text}`).toEqual(before)
      }
      expect(out.slice(0, scanned.start)).toBe(text.slice(0, scanned.start))
      expect(out.slice(out.length - (text.length - scanned.end))).toBe(text.slice(scanned.end))
      edits++
    }
    expect(edits).toBeGreaterThan(400)
  })

  it.each([
    [
      'a block scalar whose lines look like keys',
      'a: |\n  image:\n    tag: x\nimage:\n  tag: y\n',
      'y',
    ],
    ["a list at its key's indentation", 'x:\n- image:\n    tag: x\nimage:\n  tag: "y" # c\n', 'y'],
    ['a flow mapping on the path', 'image: { tag: y }\n', undefined],
    ['a duplicate key on the path', 'image:\n  tag: x\n  tag: y\n', undefined],
    ['an anchor anywhere', 'a: &x 1\nimage:\n  tag: y\n', undefined],
    ['a multi-line plain scalar', 'a: b\n  c\nimage:\n  tag: y\n', undefined],
    ['a second document', 'image:\n  tag: y\n---\nb: 1\n', undefined],
    ['a start marker', '# values\n--- # c\nimage:\n  tag: y\n', 'y'],
    ['a start marker with content', '--- a\nimage:\n  tag: y\n', undefined],
    ['a tab', 'image:\n  tag: y\t\n', undefined],
    [
      'deeply nested flow',
      `a: ${'['.repeat(5000)}${']'.repeat(5000)}\nimage:\n  tag: y\n`,
      undefined,
    ],
    ['an escape past U+10FFFF elsewhere', 'a: "\\U00110000"\nimage:\n  tag: y\n', undefined],
    ['an escape below it', 'a: "\\U0010FFFF"\nimage:\n  tag: y\n', 'y'],
    [
      'deep nesting',
      `${Array.from({ length: 150 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')} 1\nimage:\n  tag: y\n`,
      undefined,
    ],
    ['a number-like key on the path', '01:\n  tag: y\nimage:\n  tag: y\n', undefined],
  ])('%s', (_, text, expected) => {
    const scanned = scanScalar(text, ['image', 'tag'])
    expect(scanned?.found ? scanned.value : scanned).toBe(expected)
    if (expected && text.length < 1000)
      expect(oracle(text, ['image', 'tag'])).toMatchObject({ value: expected })
  })

  it('answers for the values files users have (and the benchmark generates)', () => {
    for (const lines of [25, 300, 1500]) {
      const text = valuesFile('user-service', lines)
      expect(scanScalar(text, ['image', 'tag'])).toMatchObject({ found: true, value: '1.0.0' })
      expect(scanScalar(text, ['metrics', 'exporter', 'image', 'tag'])).toMatchObject({
        found: true,
        value: 'v0.26.0',
      })
      expect(scanScalar(text, ['image', 'digest'])).toEqual({ found: false })
      expect(readScalar(text, 'image.tag', 'values.yaml')).toBe('1.0.0')
    }
  })
})
