/**
 * A unified diff (`git diff` format, 3 lines of context) of one file's
 * before and after text. Values files are small and edits touch few lines,
 * so a plain LCS over the lines between the common head and tail is enough.
 */
export function unifiedDiff(path: string, before: string, after: string, context = 3): string {
  if (before === after) return ''
  const a = splitLines(before)
  const b = splitLines(after)
  let head = 0
  while (head < a.length && head < b.length && same(a[head]!, b[head]!)) head++
  let tail = 0
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    same(a[a.length - 1 - tail]!, b[b.length - 1 - tail]!)
  )
    tail++
  const ops = [
    ...a.slice(0, head).map((line) => ({ op: ' ', line })),
    ...lcsOps(a.slice(head, a.length - tail), b.slice(head, b.length - tail)),
    ...a.slice(a.length - tail).map((line) => ({ op: ' ', line })),
  ]
  const out = [`--- a/${path}`, `+++ b/${path}`]
  let i = 0
  while (i < ops.length) {
    if (ops[i]!.op === ' ') {
      i++
      continue
    }
    // A hunk: from `context` lines before this change to `context` after the last change near it.
    let start = Math.max(0, i - context)
    while (start > 0 && ops[start - 1]!.op !== ' ') start--
    let end = i
    let lastChange = i
    while (end < ops.length && end - lastChange <= context * 2) {
      if (ops[end]!.op !== ' ') lastChange = end
      end++
    }
    end = Math.min(ops.length, lastChange + context + 1)
    const hunk = ops.slice(start, end)
    const aStart = ops.slice(0, start).filter((o) => o.op !== '+').length
    const bStart = ops.slice(0, start).filter((o) => o.op !== '-').length
    const aLen = hunk.filter((o) => o.op !== '+').length
    const bLen = hunk.filter((o) => o.op !== '-').length
    out.push(`@@ -${aStart + (aLen ? 1 : 0)},${aLen} +${bStart + (bLen ? 1 : 0)},${bLen} @@`)
    for (const { op, line } of hunk) {
      out.push(op + line.text)
      if (!line.newline) out.push('\\ No newline at end of file')
    }
    i = end
  }
  return `${out.join('\n')}\n`
}

interface Line {
  text: string
  newline: boolean
}

function splitLines(text: string): Line[] {
  if (text === '') return []
  const parts = text.split('\n')
  const last = parts.pop()!
  const lines = parts.map((t) => ({ text: t.replace(/\r$/, ''), newline: true }))
  if (last !== '') lines.push({ text: last.replace(/\r$/, ''), newline: false })
  return lines
}

function same(x: Line, y: Line): boolean {
  return x.text === y.text && x.newline === y.newline
}

function lcsOps(a: Line[], b: Line[]): { op: string; line: Line }[] {
  const n = a.length
  const m = b.length
  const table: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1))
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i]![j] = same(a[i]!, b[j]!)
        ? table[i + 1]![j + 1]! + 1
        : Math.max(table[i + 1]![j]!, table[i]![j + 1]!)
    }
  }
  const ops: { op: string; line: Line }[] = []
  let i = 0
  let j = 0
  while (i < n || j < m) {
    if (i < n && j < m && same(a[i]!, b[j]!)) {
      ops.push({ op: ' ', line: a[i++]! })
      j++
    } else if (j < m && (i >= n || table[i]![j + 1]! >= table[i + 1]![j]!)) {
      ops.push({ op: '+', line: b[j++]! })
    } else {
      ops.push({ op: '-', line: a[i++]! })
    }
  }
  // git prints removals before additions within a change.
  for (let k = 0; k < ops.length; ) {
    if (ops[k]!.op === ' ') {
      k++
      continue
    }
    let e = k
    while (e < ops.length && ops[e]!.op !== ' ') e++
    const block = ops.slice(k, e)
    ops.splice(k, e - k, ...block.filter((o) => o.op === '-'), ...block.filter((o) => o.op === '+'))
    k = e
  }
  return ops
}
