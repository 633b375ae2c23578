// Collects every benchmark's numbers, checks them against the targets of the
// benchmark issue, prints one table and writes bench/results.json.
import { writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join } from 'node:path'
import { BENCH_DIR, NODE_NOTE, NODE_VERSION } from './measure'

export interface Row {
  section: string
  measure: string
  value: string
  target?: string
  ok?: boolean
}

const rows: Row[] = []
const raw: Record<string, unknown> = {}

export function record(row: Row, data?: Record<string, unknown>): void {
  rows.push(row)
  if (data) raw[`${row.section}: ${row.measure}`] = data
}

export function table(): string {
  const header = ['section', 'measure', 'value', 'target', '']
  const body = rows.map((r) => [
    r.section,
    r.measure,
    r.value,
    r.target ?? '',
    r.ok === undefined ? '' : r.ok ? 'met' : 'MISSED',
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)))
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`
  return [
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...body.map(line),
  ].join('\n')
}

const SECTIONS = 6

export function writeResults(): string {
  const text = table()
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${NODE_VERSION}${NODE_NOTE ? ` (${NODE_NOTE})` : ''}`
  // A filtered run (vitest -t) must not replace the full results with a few rows.
  const sections = new Set(rows.map((r) => r.section)).size
  if (sections < SECTIONS)
    return `${machine}\n\n${text}\n\n(partial run: bench/results.json left as it was)`
  writeFileSync(
    join(BENCH_DIR, 'results.json'),
    `${JSON.stringify({ date: new Date().toISOString(), machine, rows, raw }, null, 2)}\n`,
  )
  return `${machine}\n\n${text}`
}
