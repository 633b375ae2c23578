// With create, an images entry a kustomization lacks is added (as
// `kustomize edit set image` adds one), then given its fields; without it,
// the missing entry is refused (test/core/bump.test.ts).
import { describe, expect, it } from 'vitest'
import { type BumpSettings, bumpFile } from '../../src/core/bump'
import { appendImageEntry } from '../../src/core/kustomize-images'

const create: BumpSettings = { keys: ['image.tag'], create: true, imageName: '{service}' }
const FILE = 'overlays/dev/kustomization.yaml'

function bump(text: string, service: string, image: { name?: string; tag?: string }) {
  return bumpFile(FILE, text, [{ path: FILE, service, value: { image } }], create).after
}

describe('a missing images entry, with create', () => {
  it('goes after the last entry, at its indentation, before what follows', () => {
    const k =
      'images:\n  - name: api\n    newTag: v1 # ci\n# the web image\nresources:\n  - deployment.yaml\n'
    expect(bump(k, 'db', { tag: 'v2' })).toBe(
      'images:\n  - name: api\n    newTag: v1 # ci\n  - name: db\n    newTag: v2\n# the web image\nresources:\n  - deployment.yaml\n',
    )
  })

  it('a kustomization without images gets the list, with the new repository', () => {
    expect(
      bump('resources:\n- deployment.yaml\n', 'db', { name: 'ghcr.io/minishop/db', tag: 'v2' }),
    ).toBe(
      'resources:\n- deployment.yaml\nimages:\n- name: db\n  newName: ghcr.io/minishop/db\n  newTag: v2\n',
    )
  })

  it('keeps CRLF line endings and a file without a final newline', () => {
    expect(bump('images:\r\n- name: api\r\n  newTag: v1', 'db', { tag: 'v2' })).toBe(
      'images:\r\n- name: api\r\n  newTag: v1\r\n- name: db\r\n  newTag: v2\r\n',
    )
  })

  it('quotes a name YAML would read as something else', () => {
    expect(appendImageEntry('images:\n- name: api\n', FILE, 'true')).toBe(
      'images:\n- name: api\n- name: "true"\n',
    )
  })

  it.each([
    ['a flow list', 'images: [{name: api, newTag: v1}]\n'],
    ['an empty key', 'images:\nresources: []\n'],
  ])('%s is refused, naming the file', (_name, k) => {
    expect(() => bump(k, 'db', { tag: 'v2' })).toThrow(
      `${FILE}: images is not a block list of entries; cannot add one for "db" (add it by hand)`,
    )
  })

  it('an entry named by its short name gets newName for a full reference', () => {
    const k = 'images:\n- name: db\n  newTag: v1\n'
    expect(bump(k, 'db', { name: 'ghcr.io/minishop/db', tag: 'v2' })).toBe(
      'images:\n- name: db\n  newTag: v2\n  newName: ghcr.io/minishop/db\n',
    )
    // Named by the repository itself: nothing to rename.
    const full = 'images:\n- name: ghcr.io/minishop/db\n  newTag: v1\n'
    expect(bump(full, 'db', { name: 'ghcr.io/minishop/db', tag: 'v2' })).toBe(
      'images:\n- name: ghcr.io/minishop/db\n  newTag: v2\n',
    )
  })

  it('an entry that exists is edited, not added again', () => {
    const k = 'images:\n- name: db\n  newTag: v1\n'
    expect(bump(k, 'db', { tag: 'v2' })).toBe('images:\n- name: db\n  newTag: v2\n')
  })

  it('a kustomization that is not valid YAML: the parse error, with line and column', () => {
    const k = 'images:\n  - name: api\n   newTag: [v1\n'
    for (const settings of [create, { ...create, create: false }]) {
      expect(() =>
        bumpFile(
          FILE,
          k,
          [{ path: FILE, service: 'api', value: { image: { tag: 'v2' } } }],
          settings,
        ),
      ).toThrow(new RegExp(`^${FILE}:3:\\d+: not valid YAML`))
    }
  })
})
