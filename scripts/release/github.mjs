// @ts-check
// The one GitHub API call of a release: POST /repos/{owner}/{repo}/releases.
// Plain fetch (the script runs without a build, so it cannot import the
// TypeScript client in src/io/github.ts), with the same policy: retry 5xx and
// rate limits a few times, honour GITHUB_API_URL (GitHub Enterprise Server).
import { ReleaseError } from './core.mjs'

/**
 * @typedef {{ tag_name: string, name: string, body: string, draft: boolean, prerelease: boolean,
 *   make_latest: 'true' | 'false' }} ReleaseRequest
 */

/**
 * The request a release sends (also what a dry run prints).
 * @param {{ apiUrl: string, repository: string, tag: string, body: string, prerelease: boolean }} options
 * @returns {{ method: 'POST', url: string, body: ReleaseRequest }}
 */
export function releaseRequest({ apiUrl, repository, tag, body, prerelease }) {
  return {
    method: 'POST',
    url: `${apiUrl.replace(/\/+$/, '')}/repos/${repository}/releases`,
    body: {
      tag_name: tag,
      name: tag,
      body,
      draft: false,
      prerelease,
      make_latest: prerelease ? 'false' : 'true',
    },
  }
}

/**
 * @param {{ method: string, url: string, body: ReleaseRequest }} request
 * @param {string} token
 * @param {{ attempts?: number, log?: (line: string) => void }} [options]
 * @returns {Promise<{ html_url?: string, id?: number }>}
 */
export async function sendReleaseRequest(request, token, options = {}) {
  const attempts = options.attempts ?? 3
  const log = options.log ?? (() => {})
  let problem = ''
  for (let attempt = 1; attempt <= attempts; attempt++) {
    /** @type {Response} */
    let response
    try {
      response = await fetch(request.url, {
        method: request.method,
        headers: {
          accept: 'application/vnd.github+json',
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'user-agent': 'minishop-actions-release',
          'x-github-api-version': '2022-11-28',
        },
        body: JSON.stringify(request.body),
      })
    } catch (error) {
      problem = String(error)
      log(`attempt ${attempt}: ${problem}`)
      await pause(attempt)
      continue
    }
    const text = await response.text()
    if (response.ok) return text ? JSON.parse(text) : {}
    problem = `${response.status} ${text.slice(0, 500)}`
    const transient =
      response.status >= 500 || response.status === 429 || isRateLimit(response, text)
    if (!transient) break
    log(`attempt ${attempt}: ${problem}`)
    await pause(attempt, response.headers.get('retry-after'))
  }
  throw new ReleaseError(`creating the GitHub release failed: ${problem}`)
}

/**
 * @param {Response} response
 * @param {string} text
 */
function isRateLimit(response, text) {
  return response.status === 403 && /rate limit/i.test(text)
}

/**
 * @param {number} attempt
 * @param {string | null} [retryAfter]
 */
function pause(attempt, retryAfter) {
  const seconds = Math.min(Number(retryAfter) || 2 ** (attempt - 1), 30)
  return new Promise((resolve) => setTimeout(resolve, seconds * 1000))
}
