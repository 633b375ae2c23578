// The octokit client behind createGitHubClient (github.ts), in a module of its
// own so that a bundle loads octokit, and @actions/http-client's undici under
// it, only when a run makes its first request.
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import type { GitHubClient, GitHubClientOptions } from './github'

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

/** createGitHubClient's client: octokit with the retry and throttling plugins. */
export function octokitClient(options: GitHubClientOptions): GitHubClient {
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
