import { describe, expect, it } from 'vitest'
import { type BumpSettings, bumpFile } from '../../src/core/bump'
import { resolveTargets } from '../../src/core/bump-targets'
import { parseImageRef } from '../../src/core/image-ref'

const D = `sha256:${'d'.repeat(64)}`
const settings: BumpSettings = { keys: ['image.tag'], create: false, imageName: '{service}' }

describe('parseImageRef', () => {
  it.each([
    ['v1.2.3', { tag: 'v1.2.3' }],
    ['abc1234', { tag: 'abc1234' }],
    [D, { digest: D }],
    [`v1@${D}`, { tag: 'v1', digest: D }],
    ['ghcr.io/minishop/api:v1', { name: 'ghcr.io/minishop/api', tag: 'v1' }],
    [`ghcr.io/minishop/api@${D}`, { name: 'ghcr.io/minishop/api', digest: D }],
    [`localhost:5000/api:v1@${D}`, { name: 'localhost:5000/api', tag: 'v1', digest: D }],
    [
      { tag: 'v2', digest: D },
      { tag: 'v2', digest: D },
    ],
    // service-ci.yml's `images` entry, as its Record the image step writes it.
    [
      {
        image: 'ghcr.io/minishop/api',
        tag: 'abc1234',
        digest: D,
        'image-ref': `ghcr.io/minishop/api:abc1234@${D}`,
        tags: ['abc1234', 'main'],
      },
      { name: 'ghcr.io/minishop/api', tag: 'abc1234', digest: D },
    ],
    // Not pushed: no digest, and an empty image-ref.
    [
      { image: 'localhost:5000/api', tag: 'abc1234', digest: '', 'image-ref': '' },
      { name: 'localhost:5000/api', tag: 'abc1234' },
    ],
    // A bare word reads as it always did: a tag, which `tag` overrides.
    [{ image: 'api', tag: 'v3' }, { tag: 'v3' }],
    [{ image: 'v1.2.3' }, { tag: 'v1.2.3' }],
    [{ image: 'ghcr.io/minishop/api:v1' }, { name: 'ghcr.io/minishop/api', tag: 'v1' }],
    [
      { image: 'ghcr.io/minishop/api:v1', tag: 'v2' },
      { name: 'ghcr.io/minishop/api', tag: 'v2' },
    ],
  ])('%j', (value, ref) => {
    expect(parseImageRef(value, 'images["api"]')).toEqual(ref)
  })
  it.each([
    '',
    'a b',
    'x@sha256:short',
    { foo: 1 },
    42,
    { image: 'ghcr.io/minishop/api' },
    { image: 'Bad Name', tag: 'v1' },
    { image: 'ghcr.io/minishop/api', tag: 'not a tag' },
    // An image-ref that disagrees with the entry's other fields.
    { image: 'ghcr.io/minishop/api', digest: D, 'image-ref': `ghcr.io/b/other:9@${D}` },
    { image: 'ghcr.io/minishop/api', tag: 'v1', 'image-ref': 'ghcr.io/minishop/api:v2' },
  ])('refuses %j', (value) => {
    expect(() => parseImageRef(value, 'images["api"]')).toThrow(/images\["api"\]/)
  })
})

describe('bumpFile', () => {
  const values = 'image:\n  tag: v1 # ci\n  digest: ""\n'
  it('a tag clears a set digest, a digest goes to the digest key', () => {
    const withDigest = bumpFile(
      'v.yaml',
      values,
      [{ path: 'v.yaml', value: { image: { digest: D } } }],
      settings,
    )
    expect(withDigest.after).toBe(`image:\n  tag: v1 # ci\n  digest: "${D}"\n`)
    const tagOnly = bumpFile(
      'v.yaml',
      withDigest.after,
      [{ path: 'v.yaml', value: { image: { tag: 'v2' } } }],
      settings,
    )
    expect(tagOnly.after).toBe('image:\n  tag: v2 # ci\n  digest: ""\n')
    expect(tagOnly.changes.map((c) => c.key)).toEqual(['image.tag', 'image.digest'])
  })
  it('without a digest key, the digest goes into the tag key', () => {
    const r = bumpFile(
      'v.yaml',
      'image:\n  tag: v1\n',
      [{ path: 'v.yaml', value: { image: { tag: 'v2', digest: D } } }],
      settings,
    )
    expect(r.after).toBe(`image:\n  tag: v2@${D}\n`)
  })
  it('kustomization entries by full name or by the name ending', () => {
    const k =
      'images:\n  - name: ghcr.io/minishop/api\n    newTag: v1\n  - name: web\n    newName: ghcr.io/x/web\n    newTag: v1\n'
    const r = bumpFile(
      'overlays/dev/kustomization.yaml',
      k,
      [
        {
          path: 'overlays/dev/kustomization.yaml',
          service: 'api',
          value: { image: { tag: 'v2' } },
        },
        {
          path: 'overlays/dev/kustomization.yaml',
          service: 'web',
          value: { image: { name: 'ghcr.io/y/web', tag: '7' } },
        },
      ],
      settings,
    )
    expect(r.after).toBe(
      k
        .replace('newTag: v1\n  - name: web', 'newTag: v2\n  - name: web')
        .replace('ghcr.io/x/web\n    newTag: v1', 'ghcr.io/y/web\n    newTag: "7"'),
    )
    expect(() =>
      bumpFile(
        'kustomization.yaml',
        k,
        [{ path: 'kustomization.yaml', service: 'db', value: { image: { tag: 'v2' } } }],
        settings,
      ),
    ).toThrow(/no images entry named "db"/)
  })
})

describe('resolveTargets', () => {
  const base = {
    files: [],
    fileTemplate: 'charts/{service}/values-{env}.yaml',
    services: [],
    environment: 'dev',
  }
  it('file-template per service from services or images', () => {
    expect(
      resolveTargets({ ...base, services: ['a', 'b'], value: 'v1' }).map((t) => t.path),
    ).toEqual(['charts/a/values-dev.yaml', 'charts/b/values-dev.yaml'])
    expect(resolveTargets({ ...base, images: { a: 'v1', b: 'v2' }, services: ['b'] })).toEqual([
      { path: 'charts/b/values-dev.yaml', service: 'b', value: { image: { tag: 'v2' } } },
    ])
  })
  it('refuses what cannot work', () => {
    expect(() => resolveTargets({ ...base, value: 'v1' })).toThrow(/services is required/)
    expect(() => resolveTargets({ ...base, environment: '', services: ['a'], value: 'v' })).toThrow(
      /environment is required/,
    )
    expect(() => resolveTargets({ ...base, images: { a: 'v1' }, services: ['z'] })).toThrow(
      /no entry in images/,
    )
    expect(() =>
      resolveTargets({ ...base, files: ['values.yaml'], images: { a: 'v1', b: 'v2' } }),
    ).toThrow(/use file-template/)
  })
})
