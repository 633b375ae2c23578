// Property test of the edit: random YAML documents (block and flow
// collections, every scalar style, comments, blank lines, CRLF, missing final
// newline), a random scalar path, a random new value. Only the bytes of that
// value may differ, and a parser must read back the same data with only that
// value changed.
import { describe, expect, it } from 'vitest'
import { isScalar, parse, parseDocument } from 'yaml'
import { random } from '../../src/cli/sample-values'
import { formatKeyPath, type PathSegment } from '../../src/core/key-path'
import { setScalar } from '../../src/core/yaml-edit'

const rng = random

type Tree = string | Tree[] | { [key: string]: Tree }

const KEYS = [
  'image',
  'tag',
  'repository',
  'name',
  'app.kubernetes.io/name',
  'sidecar',
  'x_y',
  'Port',
]
const SCALARS = ['v1.2.3', 'abc1234', 'ghcr.io/minishop/api', '1234567', 'true', '1.10', 'a b', '']
const VALUES = [
  'f00ba47',
  '1234567',
  '7e12345',
  '1.10',
  'on',
  'yes',
  '~',
  'null',
  '0123',
  '0x1F',
  '1_000',
  '.inf',
  '2024-01-01',
  "it's",
  'a"b\\c',
  'a: b',
  'x #y',
  'a,b',
  '[x]',
  '',
  'ünïcödé',
  'sha256:0a1b2c3d',
  'line\nbreak',
  ' lead',
]

function pick<T>(r: () => number, items: readonly T[]): T {
  return items[Math.floor(r() * items.length)]!
}

function randomTree(r: () => number, depth: number): Tree {
  const roll = r()
  if (depth > 3 || (depth > 0 && roll < 0.35)) return pick(r, SCALARS)
  if (roll < 0.75) {
    const map: Record<string, Tree> = {}
    const n = 1 + Math.floor(r() * 4)
    for (let i = 0; i < n; i++) map[pick(r, KEYS)] = randomTree(r, depth + 1)
    return map
  }
  return Array.from({ length: 1 + Math.floor(r() * 3) }, () => randomTree(r, depth + 1))
}

function scalarText(r: () => number, value: string, flow: boolean): string {
  const plainOk =
    value !== '' && /^[A-Za-z0-9][A-Za-z0-9./_-]*$/.test(value) && parse(`k: ${value}`)?.k === value
  const roll = r()
  if (plainOk && roll < 0.5) return value
  if (roll < 0.75 && !flow) return `'${value.replace(/'/g, "''")}'`
  return JSON.stringify(value)
}

function keyText(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? key : JSON.stringify(key)
}

function flowText(r: () => number, tree: Tree): string {
  if (typeof tree === 'string') return scalarText(r, tree, true)
  if (Array.isArray(tree)) return `[${tree.map((t) => flowText(r, t)).join(', ')}]`
  return `{${Object.entries(tree)
    .map(([k, v]) => `${keyText(k)}: ${flowText(r, v)}`)
    .join(', ')}}`
}

function comment(r: () => number): string {
  return r() < 0.3 ? `  # ${pick(r, ['set by CI', 'do not edit', 'tag: fake'])}` : ''
}

/** Block YAML lines for a tree under `indent`. */
function blockLines(r: () => number, tree: Tree, indent: number): string[] {
  const pad = ' '.repeat(indent)
  const lines: string[] = []
  const extra = () => {
    if (r() < 0.1) lines.push('')
    if (r() < 0.1) lines.push(`${pad}# a comment line`)
  }
  const entry = (prefix: string, value: Tree, childIndent: number) => {
    if (typeof value === 'string') {
      lines.push(`${prefix} ${scalarText(r, value, false)}${comment(r)}`)
    } else if (
      r() < 0.25 ||
      (Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0)
    ) {
      lines.push(`${prefix} ${flowText(r, value)}${comment(r)}`)
    } else {
      lines.push(`${prefix}${comment(r)}`)
      lines.push(...blockLines(r, value, childIndent))
    }
  }
  if (Array.isArray(tree)) {
    for (const item of tree) {
      extra()
      entry(`${pad}-`, item, indent + 2)
    }
  } else if (typeof tree === 'object') {
    for (const [k, v] of Object.entries(tree)) {
      extra()
      entry(`${pad}${keyText(k)}:`, v, indent + pick(r, [2, 4]))
    }
  }
  return lines
}

function scalarPaths(tree: Tree, prefix: PathSegment[] = []): PathSegment[][] {
  if (typeof tree === 'string') return [prefix]
  if (Array.isArray(tree)) {
    return tree.flatMap((t, index) => scalarPaths(t, [...prefix, { kind: 'index', index }]))
  }
  return Object.entries(tree).flatMap(([key, t]) =>
    scalarPaths(t, [...prefix, { kind: 'key', key }]),
  )
}

function setIn(data: unknown, path: PathSegment[], value: string): unknown {
  const copy = structuredClone(data) as Record<string | number, unknown>
  let node = copy
  for (const segment of path.slice(0, -1)) {
    node = node[
      segment.kind === 'key' ? segment.key : (segment as { index: number }).index
    ] as typeof node
  }
  const last = path[path.length - 1]!
  node[last.kind === 'key' ? last.key : (last as { index: number }).index] = value
  return copy
}

function nodeRange(text: string, path: PathSegment[]): [number, number] {
  const doc = parseDocument(text)
  const node = doc.getIn(
    path.map((s) => (s.kind === 'key' ? s.key : (s as { index: number }).index)),
    true,
  )
  if (!isScalar(node)) throw new Error('not a scalar')
  return [node.range![0], node.range![1]]
}

describe('setScalar property', () => {
  it('changes only the value bytes and only that value in the data (300 random documents)', () => {
    let edits = 0
    for (let seed = 1; seed <= 300; seed++) {
      const r = rng(seed)
      const tree: Tree = { root: randomTree(r, 0), image: { tag: pick(r, SCALARS) } }
      const eol = r() < 0.2 ? '\r\n' : '\n'
      let text = blockLines(r, tree, 0).join(eol) + (r() < 0.8 ? eol : '')
      if (r() < 0.2) text = `# header${eol}${text}`
      const data = parse(text)
      const paths = scalarPaths(tree)
      const path = pick(r, paths)
      const value = pick(r, VALUES)
      const key = formatKeyPath(path)
      const context = `seed ${seed}, key ${key}, value ${JSON.stringify(value)}\n${text}`

      if (process.env.SHOW_SEED === String(seed)) console.log(context)
      const { text: out } = setScalar(text, key, value, { file: 'values.yaml' })
      expect(parse(out), context).toEqual(setIn(data, path, value))
      expect(parse(out, { version: '1.1' }), context).toEqual(
        setIn(parse(text, { version: '1.1' }), path, value),
      )
      const [start, end] = nodeRange(text, path)
      const [newStart, newEnd] = nodeRange(out, path)
      expect(newStart, context).toBe(start)
      expect(out.slice(0, start), context).toBe(text.slice(0, start))
      expect(out.slice(newEnd), context).toBe(text.slice(end))
      if (out !== text) edits++
    }
    expect(edits).toBeGreaterThan(250)
  })
})
