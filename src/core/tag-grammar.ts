// The registry's tag grammar and the slugs that make branch names fit it.

/** The OCI distribution spec's tag grammar. */
export const TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/
export const MAX_TAG_LENGTH = 128

/** Used when a branch has no character that survives slugging (an all-unicode name). */
export const EMPTY_SLUG_FALLBACK = 'branch'

export function isValidTag(tag: string): boolean {
  return TAG_PATTERN.test(tag)
}

/**
 * A branch (or git tag) name as a tag fragment: every character outside
 * [A-Za-z0-9_.-] becomes `-`, runs of `-` collapse, lower case, no leading or
 * trailing `.`/`-`. `feature/JIRA-12_add cart` -> `feature-jira-12_add-cart`.
 */
export function branchSlug(name: string): string {
  const slug = name
    .replace(/[^A-Za-z0-9_.-]/gu, '-')
    .replace(/-{2,}/g, '-')
    .toLowerCase()
    .replace(/^[.-]+/, '')
    .replace(/[.-]+$/, '')
  return slug === '' ? EMPTY_SLUG_FALLBACK : slug
}

/** Shortens a slug to at most `max` characters, never ending in `.` or `-`. */
export function truncateSlug(slug: string, max: number): string {
  if (slug.length <= max) return slug
  return slug.slice(0, Math.max(0, max)).replace(/[.-]+$/, '')
}
