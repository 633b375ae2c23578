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
  /**
   * Spacing of mutating and GraphQL requests. GitHub asks for one second
   * between them (the throttling plugin's default, kept when this is unset),
   * except against an API on a loopback address: a local stand-in with no
   * such limits, where the default is 0.
   */
  writeSpacingMs?: number
}

/** A stand-in for the plugin's write limiter: serial, `ms` apart. */
function spacedLimiter(ms: number) {
  let queue: Promise<unknown> = Promise.resolve()
  let last = 0
  const limiter = {
    schedule<T>(_options: unknown, task: () => Promise<T>): Promise<T> {
      const turn = queue.then(async () => {
        const wait = last + ms - Date.now()
        if (wait > 0) await new Promise((r) => setTimeout(r, wait))
        last = Date.now()
      })
      queue = turn
      return turn.then(task)
    },
  }
  return { key: () => limiter }
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
  const loopback = /^https?:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?(\/|$)/.test(baseUrl)
  const writeSpacingMs = options.writeSpacingMs ?? (loopback ? 0 : undefined)
  return getOctokit(
    options.token,
    {
      baseUrl,
      retry: { retries },
      throttle: {
        ...(writeSpacingMs === undefined
          ? {}
          : // The plugin only calls key(id).schedule(options, task) on it.
            { write: spacedLimiter(writeSpacingMs) as never }),
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
