import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import { UserError } from '../core/errors'

export type GitHubClient = ReturnType<typeof getOctokit>

export interface GitHubClientOptions {
  token: string
  /** REST base URL; GITHUB_API_URL (GitHub Enterprise Server, tests) by default. */
  baseUrl?: string
  /** Called for every retry or rate-limit wait, so callers can log it. */
  log?: (message: string) => void
  /** Retries of a 5xx or rate-limited request (default 3). */
  retries?: number
}

/**
 * The one GitHub API client of the library: REST and GraphQL through octokit,
 * with retries of 5xx answers and of primary and secondary rate limits, so a
 * run that promotes many services does not fail on a transient limit.
 */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const retries = options.retries ?? 3
  const log = options.log ?? (() => {})
  const baseUrl = options.baseUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com'
  // GitHub asks for content-creating requests one at a time, a second apart
  // (the throttling plugin's pacing). An API on a loopback address is a local
  // stand-in with no such limits, and pacing would only slow it down.
  const loopback = /^https?:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?(\/|$)/.test(baseUrl)
  return getOctokit(
    options.token,
    {
      baseUrl,
      retry: { retries },
      throttle: {
        enabled: !loopback,
        onRateLimit: (
          after: number,
          request: { method: string; url: string },
          _o: unknown,
          count: number,
        ) => {
          log(`Rate limit on ${request.method} ${request.url}; retrying after ${after}s`)
          return count < retries
        },
        onSecondaryRateLimit: (
          after: number,
          request: { method: string; url: string },
          _o: unknown,
          count: number,
        ) => {
          log(`Secondary rate limit on ${request.method} ${request.url}; retrying after ${after}s`)
          return count < retries
        },
      },
    },
    retry,
    throttling,
  )
}

/** "owner/name" split, with an error that names where the value came from. */
export function parseRepository(
  value: string,
  source = 'repository',
): { owner: string; repo: string } {
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(value.trim())
  if (!match) throw new UserError(`${source} must be "owner/name", got "${value}"`)
  return { owner: match[1]!, repo: match[2]! }
}
