import { isAlias, isMap, isScalar, parseDocument, Scalar } from 'yaml'
import { type Scanned, scanScalar } from '../../src/core/yaml-scan'
import { appendFileSync } from 'node:fs'

export type Answer =
  | { kind: 'error' | 'refuse' | 'absent' | 'throw' }
  | { kind: 'found'; start: number; end: number; style: string; value: string }

export function oracle(text: string, keys: string[]): Answer {
  let doc
  try {
    doc = parseDocument(text, { uniqueKeys: false })
  } catch {
    return { kind: 'throw' }
  }
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
    node.type === Scalar.PLAIN ? 'plain'
      : node.type === Scalar.QUOTE_SINGLE ? 'single'
      : node.type === Scalar.QUOTE_DOUBLE ? 'double' : 'block'
  const value = style === 'plain' ? (node.source ?? '') : String(node.value)
  return { kind: 'found', start: node.range![0], end: node.range![1], style, value }
}

export function agrees(scanned: Scanned, expected: Answer): boolean {
  if (!scanned.found) return expected.kind === 'absent'
  return (
    expected.kind === 'found' &&
    scanned.start === expected.start &&
    scanned.end === expected.end &&
    scanned.style === expected.style &&
    scanned.value === expected.value
  )
}

export const stats: Record<string, number> = {}
export const failures: string[] = []
const seen = new Set<string>()

export function check(text: string, keys: string[], tag = ''): boolean {
  let scanned: Scanned | undefined
  try {
    scanned = scanScalar(text, keys)
  } catch (e) {
    const msg = `THROW ${tag} ${JSON.stringify(text)} ${JSON.stringify(keys)} ${e}`
    record(msg)
    return false
  }
  const expected = oracle(text, keys)
  const tally = `${scanned ? (scanned.found ? 'found' : 'absent') : 'unsure'}/${expected.kind}`
  stats[tally] = (stats[tally] ?? 0) + 1
  if (scanned && !agrees(scanned, expected)) {
    record(`MISMATCH ${tag} text=${JSON.stringify(text)} keys=${JSON.stringify(keys)} scanner=${JSON.stringify(scanned)} oracle=${JSON.stringify(expected)}`)
    return false
  }
  return true
}

function record(msg: string) {
  failures.push(msg)
  if (failures.length < 2000) appendFileSync('/work/review-scan/failures.log', msg + '\n')
}

export function report(name: string) {
  appendFileSync('/work/review-scan/stats.log', `${name}: ${JSON.stringify(stats)} failures=${failures.length}\n`)
}
