import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { UserError } from '../../src/core/errors'
import { readScalar, setScalar } from '../../src/core/yaml-edit'

const F = 'infra/helm-charts/user-service/values-dev.yaml'

function set(text: string, key: string, value: string, create = false): string {
  return setScalar(text, key, value, { file: F, create }).text
}

function refusal(fn: () => unknown): UserError {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(UserError)
    return error as UserError
  }
  throw new Error('expected a refusal')
}

const VALUES = `# user-service, dev
replicaCount: 2

image:
  repository: ghcr.io/minishop/user-service
  tag: "0a1b2c3" # set by CI
  pullPolicy: IfNotPresent

initContainers:
  - name: migrate
    image:
      repository: ghcr.io/minishop/user-service-migrations
      tag: 0a1b2c3   # same build as the app

sidecars:
  - name: envoy
    image: {repository: envoyproxy/envoy, tag: v1.29.1}
metrics:
  exporter:
    image:
      tag: 'v0.15.0'  # pinned, not ours
`

describe('setScalar', () => {
  it('changes only the value bytes, keeping quotes and comments', () => {
    const out = set(VALUES, 'image.tag', 'f00ba47')
    expect(out).toBe(VALUES.replace('tag: "0a1b2c3" # set by CI', 'tag: "f00ba47" # set by CI'))
  })

  it('edits one tag among several: list selectors and indexes', () => {
    const out = set(VALUES, 'initContainers[name=migrate].image.tag', 'f00ba47')
    expect(out).toBe(VALUES.replace('tag: 0a1b2c3   # same build', 'tag: f00ba47   # same build'))
    expect(set(VALUES, 'initContainers[0].image.tag', 'f00ba47')).toBe(out)
  })

  it('edits inside flow mappings', () => {
    const out = set(VALUES, 'sidecars[name=envoy].image.tag', 'v1.30.0')
    expect(out).toBe(VALUES.replace('tag: v1.29.1}', 'tag: v1.30.0}'))
  })

  it('keeps single quotes, escaping them', () => {
    const out = set(VALUES, 'metrics.exporter.image.tag', "it's")
    expect(out).toContain("tag: 'it''s'  # pinned, not ours")
    expect(parse(out).metrics.exporter.image.tag).toBe("it's")
  })

  it.each([
    ['1234567', '"1234567"'],
    ['7e12345', '"7e12345"'],
    ['1.10', '"1.10"'],
    ['on', '"on"'],
    ['yes', '"yes"'],
    ['y', '"y"'],
    ['~', '"~"'],
    ['null', '"null"'],
    ['0123', '"0123"'],
    ['0x1F', '"0x1F"'],
    ['1_000', '"1_000"'],
    ['.inf', '".inf"'],
    ['2024-01-01', '"2024-01-01"'],
    ['1:20', '"1:20"'],
    ['', '""'],
    ['a: b', '"a: b"'],
    ['#x', '"#x"'],
    ['- x', '"- x"'],
    ['v1.2.3', 'v1.2.3'],
    ['1.2.3', '1.2.3'],
    ['1a2b3c4', '1a2b3c4'],
    ['sha256:abc', 'sha256:abc'],
    ['a"b', 'a"b'],
  ])('a plain value %j is written as %s', (value, written) => {
    const text = 'image:\n  tag: old # c\n'
    const out = set(text, 'image.tag', value)
    expect(out).toBe(`image:\n  tag: ${written} # c\n`)
    expect(parse(out).image.tag).toBe(value)
    expect(parse(out, { version: '1.1' }).image.tag).toBe(value)
  })

  it('escapes in double quotes', () => {
    const out = set('tag: "x"\n', 'tag', 'a"b\\c\n')
    expect(out).toBe('tag: "a\\"b\\\\c\\n"\n')
  })

  it('quotes in flow context what would end the scalar', () => {
    const out = set('image: {tag: v1, x: 1}\n', 'image.tag', 'a,b')
    expect(out).toBe('image: {tag: "a,b", x: 1}\n')
  })

  it('keeps CRLF and a missing final newline', () => {
    const text = 'a: 1\r\nimage:\r\n  tag: v1 # c\r\n  pullPolicy: Always'
    expect(set(text, 'image.tag', 'v2')).toBe(text.replace('v1', 'v2'))
  })

  it('fills an empty value', () => {
    expect(set('image:\n  tag:\n  x: 1\n', 'image.tag', 'v2')).toBe('image:\n  tag: v2\n  x: 1\n')
    expect(set('image:\n  tag: # c\n', 'image.tag', 'v2')).toBe('image:\n  tag: v2 # c\n')
  })

  it('replaces a block scalar by a quoted one, keeping what follows', () => {
    expect(set('tag: |\n  v1\nx: 1\n', 'tag', 'v2')).toBe('tag: "v2"\nx: 1\n')
  })

  it('is a no-op when the value is already there', () => {
    const result = setScalar(VALUES, 'image.tag', '0a1b2c3', { file: F })
    expect(result.change).toBeUndefined()
    expect(result.text).toBe(VALUES)
  })

  it('re-quotes a plain value that a reader would take for a number', () => {
    const result = setScalar('tag: 1.10\n', 'tag', '1.10', { file: F })
    expect(result.text).toBe('tag: "1.10"\n')
  })

  it('reports the change', () => {
    const { change } = setScalar(VALUES, 'image.tag', 'f00ba47', { file: F })
    expect(change).toEqual({ file: F, key: 'image.tag', old: '0a1b2c3', new: 'f00ba47' })
  })

  it('quoted keys contain dots', () => {
    const text = 'podLabels:\n  app.kubernetes.io/version: "1"\n'
    expect(set(text, 'podLabels."app.kubernetes.io/version"', '2')).toBe(
      'podLabels:\n  app.kubernetes.io/version: "2"\n',
    )
    expect(set(text, 'podLabels["app.kubernetes.io/version"]', '2')).toContain('"2"')
  })

  it('parses what Helm parses: a flow sequence closed at its key indentation', () => {
    const text = 'args: [\n  --a,\n  --b\n]\nimage:\n  tag: v1\n'
    expect(set(text, 'image.tag', 'v2')).toBe(text.replace('v1', 'v2'))
  })

  describe('create', () => {
    it('adds a missing key at the map indentation', () => {
      expect(set('image:\n  repository: x # c\nother: 1\n', 'image.tag', 'v2', true)).toBe(
        'image:\n  repository: x # c\n  tag: v2\nother: 1\n',
      )
    })
    it('adds missing parents', () => {
      expect(set('a: 1\n', 'image.tag', '123', true)).toBe('a: 1\nimage:\n  tag: "123"\n')
      expect(set('a: 1', 'image.tag', 'v1', true)).toBe('a: 1\nimage:\n  tag: v1')
      expect(set('', 'image.tag', 'v1', true)).toBe('image:\n  tag: v1\n')
    })
    it('fills an empty parent and flow maps', () => {
      expect(set('image:\nx: 1\n', 'image.tag', 'v1', true)).toBe('image:\n  tag: v1\nx: 1\n')
      expect(set('image: {repository: x}\n', 'image.tag', 'v1', true)).toBe(
        'image: {repository: x, tag: v1}\n',
      )
      expect(set('image: {}\n', 'image.tag', 'v1', true)).toBe('image: {tag: v1}\n')
    })
    it('keeps CRLF', () => {
      expect(set('image:\r\n  a: 1\r\n', 'image.tag', 'v1', true)).toBe(
        'image:\r\n  a: 1\r\n  tag: v1\r\n',
      )
    })
  })

  describe('refusals name the file and key', () => {
    it('a missing key', () => {
      const error = refusal(() => set(VALUES, 'image.digest', 'sha256:x'))
      expect(error.message).toContain(F)
      expect(error.message).toContain('image.digest')
      expect(error.message).toContain('create: true')
    })
    it('a file that does not parse, with line and column', () => {
      const error = refusal(() => set('a: 1\nimage:\n  tag: [v1\nb: c: d\n', 'image.tag', 'v2'))
      expect(error.file).toBe(F)
      expect(error.line).toBeGreaterThan(0)
      expect(error.column).toBeGreaterThan(0)
      expect(error.message).toMatch(/not valid YAML/)
    })
    it('a path through an alias', () => {
      const text = 'base: &b\n  tag: v1\nimage: *b\n'
      expect(refusal(() => set(text, 'image.tag', 'v2')).message).toMatch(/alias/)
      expect(refusal(() => set(text, 'base.tag', 'v2')).message).toMatch(/anchor &b/)
      const merged = 'base: &b\n  tag: v1\nimage:\n  <<: *b\n'
      expect(refusal(() => set(merged, 'image.tag', 'v2')).message).toMatch(/alias/)
      expect(refusal(() => set('x: &t v1\ntag: *t\n', 'tag', 'v2')).message).toMatch(/alias/)
    })
    it('a value that is not a scalar', () => {
      expect(refusal(() => set(VALUES, 'image', 'v2')).message).toMatch(/mapping, not a scalar/)
      expect(refusal(() => set(VALUES, 'sidecars', 'v2')).message).toMatch(/list, not a scalar/)
      expect(refusal(() => set(VALUES, 'replicaCount.x', 'v2')).message).toMatch(/not a mapping/)
    })
    it('ambiguous selectors and duplicate keys', () => {
      const text = 'l:\n  - name: a\n    tag: 1\n  - name: a\n    tag: 2\n'
      expect(refusal(() => set(text, 'l[name=a].tag', 'v')).message).toMatch(/2 items/)
      expect(refusal(() => set('a: 1\na: 2\n', 'a', 'v')).message).toMatch(/more than once/)
      expect(refusal(() => set(text, 'l[5].tag', 'v')).message).toMatch(/no \[5\]/)
    })
  })
})

describe('readScalar', () => {
  it('reads values as written', () => {
    expect(readScalar(VALUES, 'image.tag', F)).toBe('0a1b2c3')
    expect(readScalar(VALUES, 'initContainers[name=migrate].image.tag', F)).toBe('0a1b2c3')
    expect(readScalar(VALUES, 'replicaCount', F)).toBe('2')
    expect(readScalar(VALUES, 'image.digest', F)).toBeUndefined()
    expect(readScalar('tag: 1.10\n', 'tag', F)).toBe('1.10')
  })
  it('refuses non-scalars', () => {
    expect(refusal(() => readScalar(VALUES, 'image', F)).message).toContain('image')
  })
  it('answers each text for itself when texts repeat (scans are remembered by text and path)', () => {
    // A plan reads a file, finds the same text in its history, then edits it.
    const a = 'image:\n  tag: "1.0.0"\n  other: x\n'
    const b = 'image:\n  tag: "2.0.0"\n  other: x\n'
    for (let round = 0; round < 3; round++) {
      expect(readScalar(a, 'image.tag', F)).toBe('1.0.0')
      expect(readScalar(b, 'image.tag', F)).toBe('2.0.0')
      expect(readScalar(a, 'image.other', F)).toBe('x')
      expect(readScalar(a, 'image.missing', F)).toBeUndefined()
      expect(setScalar(a, 'image.tag', '3.0.0', { file: F }).text).toBe(
        'image:\n  tag: "3.0.0"\n  other: x\n',
      )
    }
    // More texts than are remembered, then the first again.
    for (let i = 0; i < 40; i++) expect(readScalar(`tag: v${i}\n`, 'tag', F)).toBe(`v${i}`)
    expect(readScalar(a, 'image.tag', F)).toBe('1.0.0')
  })
})
