// The shapes of names the actions check in inputs and git's answers, in one
// place so that every check agrees.

/** A full commit SHA: 40 hex digits, or 64 in a SHA-256 repository. */
const COMMIT_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/

/** `owner/name` of a GitHub repository. */
const REPOSITORY_SLUG = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/

export function isCommitSha(value: string): boolean {
  return COMMIT_SHA.test(value)
}

export function isRepositorySlug(value: string): boolean {
  return REPOSITORY_SLUG.test(value)
}
