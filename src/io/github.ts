import type { getOctokit } from '@actions/github'
import { UserError } from '../core/errors'
import { isRepositorySlug } from '../core/git-names'

export type GitHubClient = ReturnType<typeof getOctokit>

export interface GitHubClientOptions {
  token: string
  /** REST base URL; GITHUB_API_URL (GitHub Enterprise Server, tests) by default. */
  baseUrl?: string
  /** Called for every retry or rate-limit wait, so callers can log it. */
  log?: (message: string) => void
  /** Retries of a 5xx or rate-limited request (default 3). */
  retries?: number
  /**
   * Spacing of mutating and GraphQL requests. GitHub asks for one second
   * between them (the throttling plugin's default, kept when this is unset),
   * except against an API on a loopback address: a local stand-in with no
   * such limits, where the default is 0.
   */
  writeSpacingMs?: number
}

/**
 * The one GitHub API client of the library: REST and GraphQL through octokit,
 * with retries of 5xx answers and of primary and secondary rate limits, so a
 * run that promotes many services does not fail on a transient limit.
 */
export async function createGitHubClient(options: GitHubClientOptions): Promise<GitHubClient> {
  // Loaded on first use: a dry run or a plan without checks makes no request.
  const { octokitClient } = await import('./github-octokit')
  return octokitClient(options)
}

/** "owner/name" split, with an error that names where the value came from. */
export function parseRepository(
  value: string,
  source = 'repository',
): { owner: string; repo: string } {
  const slug = value.trim()
  if (!isRepositorySlug(slug)) throw new UserError(`${source} must be "owner/name", got "${value}"`)
  const [owner, repo] = slug.split('/') as [string, string]
  return { owner, repo }
}
