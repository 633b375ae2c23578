import { it } from 'vitest'
import { check, failures, report } from './helpers'
import { scanScalar } from '../../src/core/yaml-scan'
import { oracle } from './helpers'

const cases: [string, string[]][] = [
  ['a: "\\UFFFFFFFF"\nb: x\n', ['b']],
  ['a: "\\U00110000"\nb: x\n', ['b']],
  ['a: ["\\U00110000"]\nb: x\n', ['b']],
  ['a: "\\ud800"\nb: x\n', ['b']],
  ['...: x\nb: y\n', ['b']],
  ['....: x\nb: y\n', ['b']],
  ['- |\n x\n', ['b']],
  ['x:\n-   |\n  x\nb: y\n', ['b']],
  ['x:\n-   |\n x\nb: y\n', ['b']],
  ['x:\n  -   |\n   x\nb: y\n', ['b']],
  ['x:\n  -   |\n    x\nb: y\n', ['b']],
  ['a: b]\nc: d\n', ['c']],
  ['a: b}\nc: d\n', ['c']],
  ['a: |\n      \nb: 1\n', ['b']],
  ['a: |\n   \n  x\nb: 1\n', ['b']],
  ['x: {' + 'k'.repeat(1100) + ': v}\nb: 1\n', ['b']],
  ['x: ["' + 'k'.repeat(1100) + '"]\nb: 1\n', ['b']],
  ['- a:\n  - b\n  c: 1\n', ['c']],
  ['x:\n- a:\n  - b\n  c: 1\nc: 2\n', ['c']],
  ['a: x\u00a0\nb: 1\n', ['a']],
  ['a: x\u00a0#c\nb: 1\n', ['a']],
  ['a: x \u00a0\nb: 1\n', ['a']],
  ['a: \u00a0x\nb: 1\n', ['a']],
  ['a: x\u3000\n', ['a']],
  ['a: x\u2000 # c\n', ['a']],
  ['a: [a "b]\nb: 1\n', ['b']],
  ['a: [a ?b]\nb: 1\n', ['b']],
  ['a: [a -b]\nb: 1\n', ['b']],
  ['a: {a: b ?}\nb: 1\n', ['b']],
  ['a: [a, b,]\nb: 1\n', ['b']],
  ['a: {a: b,}\nb: 1\n', ['b']],
  ['a: { }\nb: 1\n', ['b']],
  ['a: [ ]\nb: 1\n', ['b']],
  ['a: [a]]\nb: 1\n', ['b']],
  ['a: x]\nb: 1\n', ['a']],
  ['a: x,y\n', ['a']],
  ['a: x}\n', ['a']],
  ['a: {b: c}}\nb: 1\n', ['b']],
]
it('targeted', () => {
  for (const [t, k] of cases) {
    check(t, k, 'targeted')
    console.log(JSON.stringify(t).slice(0, 80), k, JSON.stringify(scanScalar(t, k)), JSON.stringify(oracle(t, k)))
  }
  report('targeted')
})
