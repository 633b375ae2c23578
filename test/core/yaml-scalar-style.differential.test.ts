// The token checks of yaml-scalar-style read ordinary tokens with yaml-scan
// and the plain-scalar rules, without the full parser. Here they are held to
// the parser, under YAML 1.1 and 1.2, on values built to look like numbers,
// booleans, nulls, dates, indicators, comments and escapes: whatever is
// written plain must read back as that very string in both versions, and a
// token's value must be the one both versions read.
import { describe, expect, it } from 'vitest'
import { parseDocument, Scalar } from 'yaml'
import { random } from '../../src/cli/sample-values'
import {
  doubleQuoted,
  isPlainSafe,
  renderScalar,
  singleQuoted,
  tokenValue,
} from '../../src/core/yaml-scalar-style'

/** What the parser reads for `k: <token>` under `version`: the scalar node, or undefined. */
function parsed(token: string, version: '1.1' | '1.2'): Scalar | undefined {
  const doc = parseDocument(`k: ${token}\n`, { version, uniqueKeys: false })
  if (doc.errors.length > 0) return undefined
  const node = doc.get('k', true)
  return node instanceof Scalar ? node : undefined
}

/** The string both versions read for the token, else undefined (the oracle of tokenValue). */
function bothRead(token: string): string | undefined {
  if (/[\n\r]/.test(token)) return undefined
  const v12 = parsed(token, '1.2')?.value
  const v11 = parsed(token, '1.1')?.value
  return typeof v12 === 'string' && v11 === v12 ? v12 : undefined
}

/** Both versions read the value, written plain, as exactly that string. */
function readsPlainInBoth(value: string): boolean {
  return (['1.1', '1.2'] as const).every((version) => {
    const node = parsed(value, version)
    return node?.type === Scalar.PLAIN && node.value === value
  })
}

const TRICKY = [
  '1',
  '1.0',
  '1.10',
  '1_000',
  '0o17',
  '017',
  '0x1F',
  '0b101',
  '1:20',
  '190:20:30.15',
  '2001-12-14',
  '2001-12-14t21:59:43.10-05:00',
  '.inf',
  '-.Inf',
  '.NaN',
  '1e3',
  '+1',
  '.5',
  '1.',
  'y',
  'Y',
  'yes',
  'No',
  'on',
  'Off',
  'TRUE',
  'null',
  'Null',
  '~',
  '<<',
  '=',
  'v1.2.3',
  'sha-abc1234',
  '1.2.3-rc.1+build.5',
  'ghcr.io/minishop/user-service:1.0.0',
  'a:b',
  'a: b',
  'a #b',
  'a#b',
  '-1',
  '- a',
  '?a',
  ':a',
  '!tag',
  '&a',
  '*a',
  '%x',
  '@x',
  '`x',
  "it's",
  'say "hi"',
  'back\\slash',
  'tab\there',
  'nbsp\u00a0x',
  'line\u2028sep',
  'é',
  ' lead',
  'trail ',
  '',
]

const ALPHABET = [
  ...'0123456789',
  ...'0123456789',
  ...'.-+_:eExobTZ',
  ...'yYnNtrufalsoONF~<=.',
  ...'infaN',
  ...' #\'"\\{}[],!&*?|>%@`',
  'é',
  '\u00a0',
  '\t',
  '\u2028',
]

/** Where resolvers differ most: what numbers, dates and times are made of. */
const NUMERIC = [...'0123456789', ...'0123456789', ...'.-+_:eExobT', ' ']

function randomValue(r: () => number, alphabet: string[]): string {
  const length = 1 + Math.floor(r() * 10)
  let value = ''
  for (let i = 0; i < length; i++) value += alphabet[Math.floor(r() * alphabet.length)]
  return value
}

function corpus(count: number): string[] {
  const r = random(20261123)
  const values = Array.from({ length: count }, (_, i) => randomValue(r, i % 2 ? ALPHABET : NUMERIC))
  return [...new Set([...TRICKY, ...values])]
}

describe('yaml-scalar-style against the full parser (YAML 1.1 and 1.2)', () => {
  const values = corpus(6000)

  it('a value judged safe to write plain reads back as that string in both versions', () => {
    const wrong = values.filter(
      (v) => (isPlainSafe(v, false) || isPlainSafe(v, true)) && !readsPlainInBoth(v),
    )
    expect(wrong).toEqual([])
    // The checks still let ordinary tags through plain.
    for (const tag of ['v1.2.3', 'sha-abc1234', '1.2.3-rc.1+build.5', 'a:b']) {
      expect(isPlainSafe(tag, false), tag).toBe(true)
    }
  })

  it("a token's value is the string both versions read, for every style it is written in", () => {
    const wrong: string[] = []
    for (const v of values) {
      const tokens = [v, doubleQuoted(v), singleQuoted(v), `'${v}'`, `"${v}"`]
      for (const previous of ['plain', 'single', 'double'] as const) {
        tokens.push(renderScalar(v, previous, false))
      }
      for (const token of tokens) {
        if (token === undefined) continue
        if (tokenValue(token) !== bothRead(token) && !wrong.includes(token)) wrong.push(token)
      }
    }
    expect(wrong).toEqual([])
  })

  it('every value renders as a token that reads back as the value', () => {
    for (const v of values) {
      for (const previous of ['plain', 'single', 'double'] as const) {
        const token = renderScalar(v, previous, false)
        if (/[\n\r]/.test(v)) continue
        expect(bothRead(token), JSON.stringify({ v, previous, token })).toBe(v)
      }
    }
  })

  // go-yaml v2 (Helm) is not the oracle here: its rules are tables.
  it('quotes what go-yaml reads as a number once it drops every `_`', () => {
    for (const v of ['+_1', '+_.5', '0_x1', '0_b1', '0_o7', '1e_+5', '_1', '1_']) {
      expect(isPlainSafe(v, false), v).toBe(false)
    }
    expect(isPlainSafe('v_1', false)).toBe(true)
  })

  it('in a flow collection, quotes a value with `?` or `:`, where go-yaml ends or refuses it', () => {
    for (const v of ['https://a/b?c=d', 'ghcr.io/x:1.0', 'a?b']) {
      expect(isPlainSafe(v, true), v).toBe(false)
      expect(isPlainSafe(v, false), v).toBe(true)
    }
  })
})
