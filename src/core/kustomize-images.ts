import { UserError } from './errors'
import type { ImageRef } from './image-ref'
import { formatKeyPath } from './key-path'
import { checkYaml } from './yaml-edit'
import { isMap, isSeq, yaml } from './yaml-lib'
import { renderScalar } from './yaml-scalar-style'

/** Kustomize's own file names. */
export function isKustomization(path: string): boolean {
  return /(^|\/)(kustomization\.ya?ml|Kustomization)$/.test(path)
}

export interface KeyEdit {
  key: string
  value: string
  /** The key may be added when it is missing. */
  create?: boolean
}

interface ImageEntry {
  name: string
  newName?: string
  newTag?: string
  digest?: string
}

/**
 * The edits `kustomize edit set image` would make, as key edits of the
 * `images:` entry selected by image name: exactly `name`, else the one entry
 * whose name ends in `/<name>` (`user-service` finds `ghcr.io/minishop/user-service`).
 * With `create`, a missing entry is first added to the text, which is
 * returned with the edits.
 */
export function kustomizeEdits(
  text: string,
  file: string,
  names: string[],
  ref: ImageRef,
  create = false,
): { text: string; edits: KeyEdit[] } {
  const entries = entriesOf(text)
  let entry = entries && selectEntry(entries, names)
  if (!entry && create && entries) {
    // As `kustomize edit set image` adds one; its fields are the edits below.
    text = appendImageEntry(text, file, names[0]!)
    entry = { name: names[0]! }
  }
  if (!entry) {
    // Not parsed: the parser's error, with its line and column, is the one to give.
    if (entries === undefined) checkYaml(text, file)
    throw new UserError(
      `${file}: no images entry named ${names.map((n) => `"${n}"`).join(' or ')} (entries: ${
        (entries ?? []).map((e) => e.name).join(', ') || 'none'
      })`,
      { file },
    )
  }
  const at = (field: string) =>
    formatKeyPath([
      { kind: 'key', key: 'images' },
      { kind: 'match', field: 'name', value: entry.name },
      { kind: 'key', key: field },
    ])
  const edits: KeyEdit[] = []
  // The image the entry makes now is its newName, or its name: a reference
  // to another repository renames it, as `kustomize edit set image` does.
  if (ref.name && ref.name !== (entry.newName ?? entry.name)) {
    edits.push({ key: at('newName'), value: ref.name, create: true })
  }
  if (ref.tag) edits.push({ key: at('newTag'), value: ref.tag, create: true })
  if (ref.digest) edits.push({ key: at('digest'), value: ref.digest, create: true })
  else if (entry.digest) edits.push({ key: at('digest'), value: '' }) // a digest would override the new tag
  return { text, edits }
}

/** The `images:` entries with a name; undefined when the text does not parse. */
function entriesOf(text: string): ImageEntry[] | undefined {
  let data: unknown
  try {
    data = yaml().parse(text, { uniqueKeys: false })
  } catch {
    return undefined
  }
  const images = (data as { images?: unknown } | null)?.images
  return Array.isArray(images)
    ? images.filter((e): e is ImageEntry => typeof e?.name === 'string')
    : []
}

/**
 * `text` with a new `images:` entry `- name: <name>` after the last one (or
 * a new `images:` list at the end), as `kustomize edit set image` adds one:
 * the fields come after, as key edits. Only a block list (or none) takes a
 * new entry; the result is parsed back and must hold exactly one more entry.
 */
export function appendImageEntry(text: string, file: string, name: string): string {
  const Y = yaml()
  const doc = Y.parseDocument(text, { uniqueKeys: false })
  if (doc.errors.length > 0) return text // the edit reports it, with its position
  const eol = text.includes('\r\n') ? '\r\n' : '\n'
  const token = renderScalar(name, 'plain', false)
  const root = doc.contents
  if (root !== null && !isMap(root)) {
    throw new UserError(`${file}: the kustomization is not a mapping; cannot add an images entry`, {
      file,
    })
  }
  const images = root?.get('images', true)
  let next: string
  if (images === undefined) {
    const body = text === '' || text.endsWith('\n') ? text : `${text}${eol}`
    next = `${body}images:${eol}- name: ${token}${eol}`
  } else if (isSeq(images) && !images.flow && images.items.length > 0) {
    // The new item goes on the line after the last item, at the column of the
    // first item's dash.
    const first = images.items[0] as { range?: [number, number, number] }
    const last = images.items[images.items.length - 1] as { range?: [number, number, number] }
    const firstStart = first.range?.[0] ?? 0
    const lineStart = text.lastIndexOf('\n', firstStart) + 1
    const dash = text.slice(lineStart, firstStart).indexOf('-')
    const lastEnd = last.range?.[1] ?? text.length
    const lineEnd = text.indexOf('\n', Math.max(lastEnd - 1, 0))
    const at = lineEnd === -1 ? text.length : lineEnd + 1
    const before = at === text.length && !text.endsWith('\n') ? `${text}${eol}` : text.slice(0, at)
    next = `${before}${' '.repeat(Math.max(dash, 0))}- name: ${token}${eol}${text.slice(at)}`
  } else {
    throw new UserError(
      `${file}: images is not a block list of entries; cannot add one for "${name}" (add it by hand)`,
      { file },
    )
  }
  // Exactly one entry more, and nothing else changed.
  const want = doc.toJS() ?? {}
  want.images = [...(Array.isArray(want.images) ? want.images : []), { name }]
  const got = Y.parse(next, { uniqueKeys: false })
  if (JSON.stringify(got) !== JSON.stringify(want)) {
    throw new Error(`Read-back of ${file} after adding the images entry "${name}" failed`)
  }
  return next
}

function selectEntry(entries: ImageEntry[], names: string[]): ImageEntry | undefined {
  for (const name of names) {
    const exact = entries.filter((e) => e.name === name)
    if (exact.length === 1) return exact[0]
  }
  for (const name of names) {
    const suffix = entries.filter((e) => e.name.endsWith(`/${name}`))
    if (suffix.length === 1) return suffix[0]
  }
  return undefined
}
