// globMatcher answers plain globs itself and hands the rest to picomatch.
// Both halves are held to picomatch(globs, { dot: true }), which answered
// every glob before: on the cases that matter, and on random globs and
// git-like paths built from the same characters.
import picomatch from 'picomatch'
import { describe, expect, it } from 'vitest'
import { random } from '../../src/cli/sample-values'
import { globMatcher } from '../../src/core/glob-match'

const oracle = (globs: string[]) => picomatch(globs, { dot: true })

describe('globMatcher', () => {
  it.each([
    [['services/user/**'], 'services/user/src/main.go', true],
    [['services/user/**'], 'services/user', true],
    [['services/user/**'], 'services/user/.env', true],
    [['services/user/**'], 'services/users/main.go', false],
    [['services/user/**'], 'services/user-api/main.go', false],
    [['services/user/Dockerfile'], 'services/user/Dockerfile', true],
    [['services/user/Dockerfile'], 'services/user/Dockerfile.dev', false],
    [['a.b'], 'aXb', false],
    [['**'], '.github/workflows/ci.yml', true],
    [['.github/**'], '.github/workflows/ci.yml', true],
    [['./lib/**'], 'lib/x.ts', true],
    [['lib/*.ts'], 'lib/x.ts', true],
    [['lib/*.ts'], 'lib/sub/x.ts', false],
    [['{lib,pkg}/**'], 'pkg/x', true],
    [['lib/', 'x'], 'lib', false],
    [['services/user/**'], 'services/user/a\nb', false],
    [['**'], 'a\u2028b', false],
  ])('%j on %s is %s, as picomatch says', (globs, path, expected) => {
    expect(oracle(globs)(path)).toBe(expected)
    expect(globMatcher(globs)(path)).toBe(expected)
  })

  it('refuses an empty glob as picomatch does', () => {
    expect(() => globMatcher(['lib/**', ''])).toThrow(/non-empty string/)
  })

  it('answers as picomatch on random globs and paths', () => {
    const next = random(9)
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
    const names = ['a', 'b', 'ab', 'a.b', '.a', 'a-b', 'a_b', '-', 'A', '1', 'a b', 'a*', 'x.ts']
    // Names git can print (with -z) that picomatch's wildcards do not match.
    const oddNames = ['a\nb', 'a\rb', 'a\u2028b', 'a\u2029', 'a\\b']
    const globParts = [
      ...names,
      '.',
      '..',
      '',
      '*',
      '**',
      '?',
      '[ab]',
      '{a,b}',
      '!a',
      '@(a)',
      'a\\b',
    ]
    const segments = (from: readonly string[], n: number) =>
      Array.from({ length: n }, () => pick(from))
    let matched = 0
    for (let i = 0; i < 20_000; i++) {
      const globs = Array.from({ length: 1 + Math.floor(next() * 3) }, () => {
        const parts = segments(next() < 0.8 ? names : globParts, 1 + Math.floor(next() * 3))
        if (next() < 0.5) parts.push('**')
        return parts.join('/')
      }).filter((g) => g !== '')
      if (globs.length === 0) continue
      const base = pick(globs)
        .split('/')
        .filter((s) => s !== '**' && s !== '.' && s !== '..' && s !== '')
      const tail = segments(next() < 0.9 ? names : oddNames, Math.floor(next() * 3))
      const path = [...(next() < 0.7 ? base : []), ...tail].join('/')
      if (path === '') continue
      let want: boolean
      try {
        want = oracle(globs)(path)
      } catch {
        expect(() => globMatcher(globs)(path)).toThrow()
        continue
      }
      if (want) matched++
      expect(globMatcher(globs)(path), `${JSON.stringify(globs)} on ${path}`).toBe(want)
    }
    // The cases are not all misses.
    expect(matched).toBeGreaterThan(2_000)
  })
})
