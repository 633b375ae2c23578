import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { unifiedDiff } from '../../src/core/unified-diff'
import { tempDir } from '../harness/git-fixtures'

/** What `git diff --no-index` prints, minus its header lines. */
function gitDiff(before: string, after: string): string {
  const dir = tempDir('diff-')
  mkdirSync(join(dir, 'a'))
  mkdirSync(join(dir, 'b'))
  writeFileSync(join(dir, 'a/f.yaml'), before)
  writeFileSync(join(dir, 'b/f.yaml'), after)
  let out = ''
  try {
    execFileSync('git', ['diff', '--no-index', '--no-color', 'a/f.yaml', 'b/f.yaml'], { cwd: dir })
  } catch (error) {
    out = String((error as { stdout: Buffer }).stdout)
  }
  // git adds a "function" heading after the hunk header; ours has none.
  return out
    .split('\n')
    .slice(4)
    .map((l) => l.replace(/^(@@ .* @@).*$/, '$1'))
    .join('\n')
}

describe('unifiedDiff', () => {
  const lines = Array.from({ length: 30 }, (_, i) => `k${i}: v${i}`)
  it.each([
    ['one change', lines.join('\n') + '\n', lines.join('\n').replace('v5', 'x5') + '\n'],
    [
      'two distant changes',
      lines.join('\n') + '\n',
      lines.join('\n').replace('v2', 'x2').replace('v25', 'x25') + '\n',
    ],
    [
      'two near changes',
      lines.join('\n') + '\n',
      lines.join('\n').replace('v10', 'x').replace('v14', 'y') + '\n',
    ],
    ['no final newline', 'a: 1\nb: 2', 'a: 1\nb: 3'],
    ['added lines', 'a:\n  b: 1\n', 'a:\n  b: 1\n  c: 2\nd: 3\n'],
    ['the first line', 'a: 1\nb: 2\nc: 3\n', 'a: 9\nb: 2\nc: 3\n'],
    ['a final newline added', 'a: 1\nb: 2', 'a: 1\nb: 2\n'],
    ['lines removed at the start', 'x\ny\na: 1\nb: 2\n', 'a: 1\nb: 2\n'],
    ['a line break joined', 'k: 1\nend\n', 'k: 1end\n'],
    ['repeated lines', 'a\na\na\na\n', 'a\na\nb\na\na\n'],
    ['an empty first line', '\n\na: 1\n', '\n\na: 2\n'],
  ])('matches git for %s', (_, before, after) => {
    const ours = unifiedDiff('f.yaml', before, after).split('\n')
    expect(ours.slice(0, 2)).toEqual(['--- a/f.yaml', '+++ b/f.yaml'])
    expect(ours.slice(2).join('\n')).toBe(gitDiff(before, after))
  })
  it('matches git for random edits of a values file', () => {
    let seed = 7
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % n
    }
    const base = Array.from({ length: 40 }, (_, i) => `${i % 5 ? '  ' : ''}k${i % 7}: v${i % 3}`)
    for (let round = 0; round < 30; round++) {
      const edited = [...base]
      for (let e = 1 + rand(3); e > 0; e--) {
        const at = rand(edited.length)
        const roll = rand(3)
        if (roll === 0) edited[at] = `${edited[at]}x`
        else if (roll === 1) edited.splice(at, 1)
        else edited.splice(at, 0, `new${round}: ${e}`)
      }
      const before = `${base.join('\n')}\n`
      const after = edited.join('\n') + (rand(4) === 0 ? '' : '\n')
      const ours = unifiedDiff('f.yaml', before, after).split('\n').slice(2).join('\n')
      expect(ours, `round ${round}`).toBe(gitDiff(before, after))
    }
  })
  it('is empty without a change', () => {
    expect(unifiedDiff('f', 'a', 'a')).toBe('')
  })
})
