import { UserError } from './errors'
import { type ImageRef, refValue } from './image-ref'
import { formatKeyPath, parseKeyPath } from './key-path'
import { isKustomization, type KeyEdit, kustomizeEdits } from './kustomize-images'
import { readScalar, type ScalarChange, setScalar } from './yaml-edit'

/** One file to bump, for one service (or none, with `files`). */
export interface BumpTarget {
  path: string
  service?: string
  /** `value` sets the key literally; `images` entries are image references. */
  value: { literal: string } | { image: ImageRef }
}

export interface BumpSettings {
  /** Helm values keys of the tag (default image.tag); each gets the value. */
  keys: string[]
  /** Key of the digest for the first key; default: `digest` beside each tag key, used when it exists. */
  digestKey?: string
  create: boolean
  /** The kustomization `images[].name` for a service: `{service}` by default. */
  imageName: string
}

export interface FileResult {
  path: string
  before: string
  after: string
  changes: ScalarChange[]
}

function siblingDigestKey(key: string): string | undefined {
  const segments = parseKeyPath(key)
  const last = segments[segments.length - 1]
  if (last?.kind !== 'key' || last.key === 'digest') return undefined
  return formatKeyPath([...segments.slice(0, -1), { kind: 'key', key: 'digest' }])
}

/**
 * Helm values: the tag goes to `key`. A digest goes to the digest key when
 * the file has one (or `digest-key` names it), else into `key` itself
 * (`tag@sha256:…` or `sha256:…`). A tag alone clears a set digest key, which
 * would otherwise keep pinning the old image.
 */
function helmEdits(text: string, file: string, target: BumpTarget, s: BumpSettings): KeyEdit[] {
  return s.keys.flatMap((key, i) =>
    editsForKey(text, file, target.value, key, i === 0 ? s.digestKey : undefined, s.create),
  )
}

function editsForKey(
  text: string,
  file: string,
  value: BumpTarget['value'],
  key: string,
  explicitDigestKey: string | undefined,
  create: boolean,
): KeyEdit[] {
  if ('literal' in value) return [{ key, value: value.literal, create }]
  const ref = value.image
  const digestKey = explicitDigestKey ?? siblingDigestKey(key)
  const currentDigest = digestKey ? readScalar(text, digestKey, file) : undefined
  const hasDigestKey = explicitDigestKey !== undefined || currentDigest !== undefined
  if (ref.digest && hasDigestKey && digestKey) {
    const edits: KeyEdit[] = [{ key: digestKey, value: ref.digest, create: true }]
    if (ref.tag) edits.unshift({ key, value: ref.tag, create })
    return edits
  }
  const edits: KeyEdit[] = [{ key, value: refValue(ref), create }]
  if (!ref.digest && digestKey && currentDigest) edits.push({ key: digestKey, value: '' })
  return edits
}

function imageNames(target: BumpTarget, s: BumpSettings): string[] {
  const names: string[] = []
  if (target.service !== undefined) names.push(s.imageName.replace(/\{service\}/g, target.service))
  if ('image' in target.value && target.value.image.name) names.push(target.value.image.name)
  return names
}

/**
 * Applies every target of one file to its text, in order. Each edit is
 * byte-minimal and verified by setScalar; with several, the final text is
 * read back once more, so a later edit cannot have undone an earlier one.
 */
export function bumpFile(
  path: string,
  text: string,
  targets: BumpTarget[],
  settings: BumpSettings,
): FileResult {
  let after = text
  const changes: ScalarChange[] = []
  for (const target of targets) {
    let edits: KeyEdit[]
    if (isKustomization(path)) {
      if ('literal' in target.value) {
        const literal = target.value.literal
        edits = settings.keys.map((key) => ({ key, value: literal, create: settings.create }))
      } else {
        const names = imageNames(target, settings)
        if (names.length === 0) {
          throw new UserError(
            `${path}: a kustomization needs a service (or an image name) to select its images entry`,
            { file: path },
          )
        }
        // With create, an entry the kustomization lacks is added first.
        const kustomized = kustomizeEdits(after, path, names, target.value.image, settings.create)
        after = kustomized.text
        edits = kustomized.edits
      }
    } else {
      edits = helmEdits(after, path, target, settings)
    }
    for (const edit of edits) {
      const result = setScalar(after, edit.key, edit.value, { file: path, create: edit.create })
      after = result.text
      if (result.change) changes.push(result.change)
    }
  }
  // With several edits, a later one must not have undone an earlier one (one
  // edit was verified by setScalar already).
  if (changes.length > 1) {
    for (const change of changes) {
      const now = readScalar(after, change.key, path)
      const last = changes.filter((c) => c.key === change.key).pop()!
      if (now !== last.new) {
        throw new Error(
          `Read-back of ${path} key "${change.key}" gave ${JSON.stringify(now)}, expected ${JSON.stringify(last.new)}`,
        )
      }
    }
  }
  return { path, before: text, after, changes }
}

/** Groups targets by file, keeping the order in which files first appear. */
export function groupByFile(targets: BumpTarget[]): Map<string, BumpTarget[]> {
  const groups = new Map<string, BumpTarget[]>()
  for (const target of targets) {
    const list = groups.get(target.path) ?? []
    list.push(target)
    groups.set(target.path, list)
  }
  return groups
}
