/**
 * A unified diff (`git diff` format, 3 lines of context) of one file's
 * before and after text. Only the lines between the common head and tail
 * (found by comparing characters, without splitting the file) and their
 * context are split and compared, with a plain LCS: values files are long,
 * and an edit touches a line or two.
 */
export function unifiedDiff(path: string, before: string, after: string, context = 3): string {
  if (before === after) return ''
  const shortest = Math.min(before.length, after.length)
  const p = longest(shortest, (n) => before.slice(0, n) === after.slice(0, n))
  const q = longest(
    shortest - p,
    (n) => before.slice(before.length - n) === after.slice(after.length - n),
  )
  // Whole lines before headEnd are the same in both; so are those from
  // tailA (tailB in after): past the first line break inside the common end.
  const headEnd = p === 0 ? 0 : before.lastIndexOf('\n', p - 1) + 1
  const nl = before.indexOf('\n', before.length - q)
  const tailA = nl === -1 ? before.length : nl + 1
  const tailB = tailA + after.length - before.length
  let preStart = headEnd
  for (let k = 0; k < context && preStart > 0; k++) {
    preStart = preStart >= 2 ? before.lastIndexOf('\n', preStart - 2) + 1 : 0
  }
  let postEnd = tailA
  for (let k = 0; k < context && postEnd < before.length; k++) {
    const next = before.indexOf('\n', postEnd)
    postEnd = next === -1 ? before.length : next + 1
  }
  let offset = 0 // lines before the window
  for (let i = before.indexOf('\n'); i !== -1 && i < preStart; i = before.indexOf('\n', i + 1)) {
    offset++
  }
  const ops = [
    ...splitLines(before.slice(preStart, headEnd)).map((line) => ({ op: ' ', line })),
    ...lcsOps(splitLines(before.slice(headEnd, tailA)), splitLines(after.slice(headEnd, tailB))),
    ...splitLines(before.slice(tailA, postEnd)).map((line) => ({ op: ' ', line })),
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
    // git joins two changes whose contexts meet (at most 2 × context lines apart).
    while (end < ops.length && end - lastChange <= context * 2 + 1) {
      if (ops[end]!.op !== ' ') lastChange = end
      end++
    }
    end = Math.min(ops.length, lastChange + context + 1)
    const hunk = ops.slice(start, end)
    const aStart = ops.slice(0, start).filter((o) => o.op !== '+').length
    const bStart = ops.slice(0, start).filter((o) => o.op !== '-').length
    const aLen = hunk.filter((o) => o.op !== '+').length
    const bLen = hunk.filter((o) => o.op !== '-').length
    out.push(`@@ -${range(offset + aStart, aLen)} +${range(offset + bStart, bLen)} @@`)
    for (const { op, line } of hunk) {
      out.push(op + line.text)
      if (!line.newline) out.push('\\ No newline at end of file')
    }
    i = end
  }
  return `${out.join('\n')}\n`
}

/**
 * The largest n <= max for which `holds(n)` (true for 0, and for every n
 * below one it is true for): a binary search, so that a common head or tail
 * is found by comparing whole slices natively, not character by character.
 */
function longest(max: number, holds: (n: number) => boolean): number {
  let low = 0
  let high = max
  while (low < high) {
    const mid = Math.ceil((low + high) / 2)
    if (holds(mid)) low = mid
    else high = mid - 1
  }
  return low
}

/** A hunk's line range as git writes it: the count only when it is not 1. */
function range(linesBefore: number, length: number): string {
  const start = linesBefore + (length ? 1 : 0)
  return length === 1 ? String(start) : `${start},${length}`
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
