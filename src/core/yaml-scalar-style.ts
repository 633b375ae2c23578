import type { Scalar } from 'yaml'
import { isScalar, yaml } from './yaml-lib'
import { type ScannedStyle, scanScalar } from './yaml-scan'

// Type safety: Helm reads values with a YAML 1.1 parser (go-yaml), other tools
// with YAML 1.2. A string written plain must come back as the same string in
// both, or it is quoted.
//
// Every token written is read back. yaml-scan reads ordinary tokens (no
// escapes) by itself; the full parser, loaded only then, reads the rest.

/** Words that some YAML 1.1/1.2 resolver reads as a boolean or null. */
const SPECIAL_WORDS = /^(?:y|yes|n|no|true|false|on|off|null|nil|~|\.?inf|[-+]\.inf|\.?nan|<<|=)$/i

/**
 * Numbers in any YAML version or resolver: ints and floats with `_`
 * separators (the `yaml` package's YAML 1.1 reads even `.` and `e4` as
 * floats), exponents (`7e12345`),
 * 0x/0o/0b and leading-zero octals, sexagesimals (`1:20`), and dates. With
 * SPECIAL_WORDS, this is the type check of a plain token yaml-scan reads,
 * and it stays on top of the parser's read-back too, because go-yaml
 * resolves a few forms the `yaml` package does not.
 */
const NUMBER_LIKE = [
  /^[-+]?(?:\.[\d_]*|[\d][\d_]*(?:\.[\d_]*)?)?(?:[eE][-+]?[\d_]+)?$/,
  /^[-+]?0(?:b[01_]+|x[\da-fA-F_]+|o[0-7_]+)$/i,
  /^[-+]?\d[\d_]*(?::[0-5]?\d)+(?:\.[\d_]*)?$/,
  /^\d{4}-\d{1,2}-\d{1,2}/,
]

/** Characters that cannot start a plain scalar, or make it mean something else. */
const BAD_START = /^[-?:,[\]{}#&*!|>'"%@`\s]/

/** The scalar `token` is as the value of a block mapping key, or undefined when it is not one. */
function readBack(token: string, version: '1.1' | '1.2'): Scalar | undefined {
  const doc = yaml().parseDocument(`k: ${token}\n`, { version, uniqueKeys: false })
  if (doc.errors.length > 0) return undefined
  const node = doc.get('k', true)
  return isScalar(node) ? node : undefined
}

function readsBackAs(text: string, version: '1.1' | '1.2'): unknown {
  const node = readBack(text, version)
  return node?.type === 'PLAIN' ? node.value : Symbol('not plain')
}

/**
 * yaml-scan's reading of `token` as the value of a block mapping key: its
 * style and what it spells, when the token is exactly one scalar the scanner
 * is sure of. Those tokens hold no escapes, so a quoted one reads the same
 * in YAML 1.1 and 1.2; a plain one's type is the caller's to check.
 */
function scanToken(token: string): { style: ScannedStyle; value: string } | undefined {
  const scanned = scanScalar(`k: ${token}\n`, ['k'])
  if (!scanned?.found || scanned.start !== 3 || scanned.end !== 3 + token.length) return undefined
  return scanned
}

/** The checks on a plain scalar's text alone: stricter than any resolver (see above). */
function plainStringShape(value: string, flow: boolean): boolean {
  if (value === '' || value !== value.trim()) return false
  // Stricter than the spec: `-x`, `?x`, `:x` are legal plain, but not worth the risk.
  if (BAD_START.test(value)) return false
  // go-yaml (Helm) drops every `_` before it tries a number: `+_1` is 1 there.
  const bare = value.replace(/_/g, '')
  if (SPECIAL_WORDS.test(value) || NUMBER_LIKE.some((re) => re.test(value) || re.test(bare))) {
    return false
  }
  // Control characters, line breaks, non-BMP oddities and YAML's own separators.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: exactly what is refused
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(value)) return false
  if (/: |:$| #|\t/.test(value)) return false
  // In `[...]` and `{...}`, go-yaml also ends a plain scalar at `?` and
  // refuses any `:` in one.
  if (flow && /[,[\]{}?:]/.test(value)) return false
  return true
}

/**
 * True when `value` can be written as a plain (unquoted) scalar that every
 * YAML 1.1 and 1.2 reader reads back as exactly this string. `flow`: the
 * scalar sits inside `[...]` or `{...}`, where `,[]{}` end it.
 */
export function isPlainSafe(value: string, flow: boolean): boolean {
  // Memoized: a bump writes the same value into every file it touches, and
  // the read-back below parses twice.
  const memo = flow ? plainSafeInFlow : plainSafeInBlock
  let safe = memo.get(value)
  if (safe === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear()
    safe = checkPlainSafe(value, flow)
    memo.set(value, safe)
  }
  return safe
}

const MEMO_LIMIT = 1000
const plainSafeInBlock = new Map<string, boolean>()
const plainSafeInFlow = new Map<string, boolean>()
const tokenValues = new Map<string, string | undefined>()

function checkPlainSafe(value: string, flow: boolean): boolean {
  if (!plainStringShape(value, flow)) return false
  const scanned = scanToken(value)
  if (scanned) return scanned.style === 'plain' && scanned.value === value
  return readsBackAs(value, '1.1') === value && readsBackAs(value, '1.2') === value
}

/** A YAML double-quoted scalar; JSON's escapes are a subset of YAML's. */
export function doubleQuoted(value: string): string {
  return JSON.stringify(value).replace(
    /[\u007f-\u009f\u2028\u2029\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

/** A YAML single-quoted scalar, or undefined when one cannot carry the value. */
export function singleQuoted(value: string): string | undefined {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: single quotes have no escapes
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(value)) return undefined
  return `'${value.replace(/'/g, "''")}'`
}

export type ScalarStyle = 'plain' | 'single' | 'double'

/**
 * The source text for `value`, keeping `previous` style where it is safe:
 * a quoted value stays quoted the same way; a plain one stays plain unless the
 * new value needs quotes (then double quotes, as Helm charts usually write).
 */
export function renderScalar(value: string, previous: ScalarStyle, flow: boolean): string {
  if (previous === 'single') return singleQuoted(value) ?? doubleQuoted(value)
  if (previous === 'double') return doubleQuoted(value)
  return isPlainSafe(value, flow) ? value : doubleQuoted(value)
}

/**
 * The string a one-line scalar token (as renderScalar writes it) reads as
 * in a block mapping under both YAML 1.1 and 1.2, or undefined when the two
 * disagree, it is not a string, or it does not parse alone. Memoized.
 */
export function tokenValue(token: string): string | undefined {
  if (tokenValues.has(token)) return tokenValues.get(token)
  if (tokenValues.size >= MEMO_LIMIT) tokenValues.clear()
  let value: string | undefined
  if (!/[\n\r]/.test(token)) {
    const scanned = scanToken(token)
    if (scanned && (scanned.style !== 'plain' || plainStringShape(scanned.value, false))) {
      value = scanned.value
    } else {
      const read = (version: '1.1' | '1.2') => {
        const node = readBack(token, version)
        return typeof node?.value === 'string' ? node.value : undefined
      }
      const v12 = read('1.2')
      value = v12 !== undefined && read('1.1') === v12 ? v12 : undefined
    }
  }
  tokenValues.set(token, value)
  return value
}
