import { it } from 'vitest'
import { check, failures, report } from './helpers'
import { random } from '../../src/cli/sample-values'

const TEMPLATES = [
  'a:', 'a: x', 'b:', 'b: x', 'c: y', '- a:', '- a: x', '- b: x', '-', '- x', 'a: |', 'a: |-', 'b: >+', '- |', '- >-',
  'x', '# c', '', 'a: [x]', "a: 'x'", 'b: "x"', '- - x', '-   a:', '-   a: x', '-   b: x', 'a: # c', '- # c',
  'a: {b: c}', 'b: x # c', '  ', '- [a]', 'a: -x', 'a: x:y', 'x: |', 'x:', '- x:', '- x: |', 'a:  ', '? a', ': x',
  'b: &k x', 'b: *k', '<<: x', 'a: ~', 'a: null', '"a": x', "'b': x", 'a: "x', 'a: x y', 'a: x #y', '...', '---', 'a: x, y',
]

it('line-template fuzz', () => {
  const r = random(12345)
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!
  const N = Number(process.env.N ?? 300000)
  const KEYS = ['a', 'b', 'x', 'c']
  for (let n = 0; n < N; n++) {
    const lines: string[] = []
    const count = 1 + Math.floor(r() * 7)
    for (let i = 0; i < count; i++) {
      const t = pick(TEMPLATES)
      const ind = r() < 0.3 ? 0 : Math.floor(r() * 7)
      lines.push(' '.repeat(ind) + t)
    }
    const text = lines.join('\n') + (r() < 0.85 ? '\n' : '')
    for (let p = 0; p < 3; p++) {
      const len = 1 + Math.floor(r() * 3)
      const keys = Array.from({ length: len }, () => pick(KEYS))
      check(text, keys, 'lines')
    }
  }
  report('fuzz-lines')
  console.log(failures.length)
})
