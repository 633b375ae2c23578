import { UserError } from './errors'
import type { ImageRef } from './image-ref'
import { formatKeyPath } from './key-path'
import { yaml } from './yaml-lib'

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
 */
export function kustomizeEdits(
  text: string,
  file: string,
  names: string[],
  ref: ImageRef,
): KeyEdit[] {
  let data: unknown
  try {
    data = yaml().parse(text, { uniqueKeys: false })
  } catch {
    data = undefined // the edit itself reports the parse error with its position
  }
  const images = (data as { images?: unknown } | null)?.images
  const entries = Array.isArray(images)
    ? images.filter((e): e is ImageEntry => typeof e?.name === 'string')
    : []
  const entry = selectEntry(entries, names)
  if (!entry) {
    throw new UserError(
      `${file}: no images entry named ${names.map((n) => `"${n}"`).join(' or ')} (entries: ${
        entries.map((e) => e.name).join(', ') || 'none'
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
  if (
    ref.name &&
    ref.name !== entry.name &&
    (entry.newName !== undefined || !names.includes(ref.name))
  ) {
    edits.push({ key: at('newName'), value: ref.name, create: true })
  }
  if (ref.tag) edits.push({ key: at('newTag'), value: ref.tag, create: true })
  if (ref.digest) edits.push({ key: at('digest'), value: ref.digest, create: true })
  else if (entry.digest) edits.push({ key: at('digest'), value: '' }) // a digest would override the new tag
  return edits
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
