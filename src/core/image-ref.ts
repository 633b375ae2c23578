import { UserError } from './errors'

/** What one `images` entry asks for: a tag, a digest, or both, maybe with the image name. */
export interface ImageRef {
  name?: string
  tag?: string
  digest?: string
}

const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/

/** An image repository name: `user-service`, `ghcr.io/minishop/api`, `localhost:5000/api`. */
const REPOSITORY = /^[a-z0-9]+(?:[._/:-][a-z0-9]+|__)*$/i

/**
 * Reads an `images` value as build-and-tag and service CI produce it:
 * `v1.2.3` / `abc1234` (a tag), `sha256:…` (a digest), `repo:tag`,
 * `repo@sha256:…`, `repo:tag@sha256:…`, or an object: service CI's
 * `{image, tag, digest, image-ref, tags}` (`image` the repository alone,
 * `image-ref` the full reference), or any of `{image, ref, reference, tag,
 * digest}`; `tag` and `digest` win over what a reference says.
 */
export function parseImageRef(value: unknown, source: string): ImageRef {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const o = value as Record<string, unknown>
    const str = (k: string) =>
      typeof o[k] === 'string' && o[k] !== '' ? (o[k] as string) : undefined
    const ref: ImageRef = {}
    for (const key of ['image', 'ref', 'reference']) {
      const text = str(key)?.trim()
      if (!text) continue
      if (key === 'image' && text.includes('/') && isRepositoryOnly(text)) {
        // build-and-tag's `image` output: the repository, no tag or digest.
        // (A bare word reads as before: a tag, which `tag` may override.)
        if (!REPOSITORY.test(text)) {
          throw new UserError(`${source}.image: "${text}" is not an image repository`)
        }
        ref.name = text
      } else Object.assign(ref, parseImageRef(text, `${source}.${key}`))
    }
    const full = str('image-ref')?.trim()
    if (full) {
      // service-ci.yml writes it from the other fields: it must agree with them.
      const parts = parseImageRef(full, `${source}.image-ref`)
      for (const [part, other] of [
        ['name', ref.name],
        ['tag', str('tag') ?? ref.tag],
        ['digest', str('digest') ?? ref.digest],
      ] as const) {
        if (parts[part] !== undefined && other !== undefined && parts[part] !== other) {
          throw new UserError(
            `${source}: image-ref "${full}" has ${part} ${parts[part]}, the entry says ${other}`,
          )
        }
      }
      Object.assign(ref, parts)
    }
    const tag = str('tag')
    const digest = str('digest')
    if (tag) ref.tag = checkTag(tag, source)
    if (digest) ref.digest = checkDigest(digest, source)
    if (!ref.tag && !ref.digest) {
      throw new UserError(`${source}: needs a tag or a digest, got ${JSON.stringify(value)}`)
    }
    return ref
  }
  if (typeof value !== 'string' || value.trim() === '') {
    throw new UserError(
      `${source}: expected a tag, a digest or an image reference, got ${JSON.stringify(value)}`,
    )
  }
  const text = value.trim()
  if (DIGEST.test(text)) return { digest: text }
  if (TAG.test(text)) return { tag: text }
  const ref: ImageRef = {}
  let rest = text
  const at = rest.lastIndexOf('@')
  if (at >= 0) {
    ref.digest = checkDigest(rest.slice(at + 1), source)
    rest = rest.slice(0, at)
  }
  const colon = rest.lastIndexOf(':')
  if (ref.digest && TAG.test(rest)) {
    ref.tag = rest // `tag@digest`, as refValue writes it
    return ref
  }
  if (colon > rest.lastIndexOf('/')) {
    ref.tag = checkTag(rest.slice(colon + 1), source)
    rest = rest.slice(0, colon)
  }
  if (!REPOSITORY.test(rest) || (!ref.tag && !ref.digest)) {
    throw new UserError(`${source}: "${text}" is not a tag, a digest or an image reference`)
  }
  ref.name = rest
  return ref
}

/** No digest, and no `:tag` after the last `/` (a `:` before it is a registry's port). */
function isRepositoryOnly(text: string): boolean {
  return !text.includes('@') && text.lastIndexOf(':') < text.lastIndexOf('/') + 1
}

function checkTag(tag: string, source: string): string {
  if (!TAG.test(tag)) throw new UserError(`${source}: "${tag}" is not a valid image tag`)
  return tag
}

function checkDigest(digest: string, source: string): string {
  if (!DIGEST.test(digest)) {
    throw new UserError(`${source}: "${digest}" is not a digest (sha256:<64 hex digits>)`)
  }
  return digest
}

/** The text a single-value key receives: `tag`, `digest`, or `tag@digest`. */
export function refValue(ref: ImageRef): string {
  if (ref.tag && ref.digest) return `${ref.tag}@${ref.digest}`
  return (ref.tag ?? ref.digest)!
}
