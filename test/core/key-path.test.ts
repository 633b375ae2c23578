import { describe, expect, it } from 'vitest'
import { formatKeyPath, type PathSegment, parseKeyPath } from '../../src/core/key-path'

describe('parseKeyPath', () => {
  it.each<[string, PathSegment[]]>([
    [
      'image.tag',
      [
        { kind: 'key', key: 'image' },
        { kind: 'key', key: 'tag' },
      ],
    ],
    [
      'containers[0].image',
      [
        { kind: 'key', key: 'containers' },
        { kind: 'index', index: 0 },
        { kind: 'key', key: 'image' },
      ],
    ],
    [
      'containers[name=app].image.tag',
      [
        { kind: 'key', key: 'containers' },
        { kind: 'match', field: 'name', value: 'app' },
        { kind: 'key', key: 'image' },
        { kind: 'key', key: 'tag' },
      ],
    ],
    [
      'images[name=ghcr.io/minishop/user-service].newTag',
      [
        { kind: 'key', key: 'images' },
        { kind: 'match', field: 'name', value: 'ghcr.io/minishop/user-service' },
        { kind: 'key', key: 'newTag' },
      ],
    ],
    [
      '"a.b".c',
      [
        { kind: 'key', key: 'a.b' },
        { kind: 'key', key: 'c' },
      ],
    ],
    [
      "labels['x.y/z']",
      [
        { kind: 'key', key: 'labels' },
        { kind: 'key', key: 'x.y/z' },
      ],
    ],
    [
      'a["q\\"d"]',
      [
        { kind: 'key', key: 'a' },
        { kind: 'key', key: 'q"d' },
      ],
    ],
    [
      'l[name="a]b"]',
      [
        { kind: 'key', key: 'l' },
        { kind: 'match', field: 'name', value: 'a]b' },
      ],
    ],
    [
      '[1].x',
      [
        { kind: 'index', index: 1 },
        { kind: 'key', key: 'x' },
      ],
    ],
  ])('%s', (text, segments) => {
    expect(parseKeyPath(text)).toEqual(segments)
    expect(parseKeyPath(formatKeyPath(segments))).toEqual(segments)
  })

  it.each(['', 'a..b', 'a.', '.a', 'a[', 'a[x]', 'a[=b]', '"a', 'a[0]b'])(
    'refuses %j naming the key',
    (text) => {
      expect(() => parseKeyPath(text)).toThrow(/Invalid key/)
    },
  )

  it('formats canonically', () => {
    expect(formatKeyPath(parseKeyPath("podLabels['app.kubernetes.io/name']"))).toBe(
      'podLabels."app.kubernetes.io/name"',
    )
    expect(formatKeyPath(parseKeyPath('a[name=x].b[2]'))).toBe('a[name=x].b[2]')
  })
})
