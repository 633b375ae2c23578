import type { GitHubClient } from './github'

export interface PullRequestResult {
  number: number
  url: string
  created: boolean
}

/**
 * Opens a pull request from `head` into `base`, or updates the open one:
 * the same branch always maps to one pull request, never a duplicate.
 */
export async function ensurePullRequest(o: {
  client: GitHubClient
  owner: string
  repo: string
  head: string
  base: string
  title: string
  body: string
  log?: (line: string) => void
}): Promise<PullRequestResult> {
  const log = o.log ?? (() => {})
  const { data: open } = await o.client.rest.pulls.list({
    owner: o.owner,
    repo: o.repo,
    head: `${o.owner}:${o.head}`,
    base: o.base,
    state: 'open',
    per_page: 10,
  })
  const existing = open.find((pr) => pr.head.ref === o.head) ?? open[0]
  if (existing) {
    await o.client.rest.pulls.update({
      owner: o.owner,
      repo: o.repo,
      pull_number: existing.number,
      title: o.title,
      body: o.body,
    })
    log(`Updated pull request #${existing.number}: ${existing.html_url}`)
    return { number: existing.number, url: existing.html_url, created: false }
  }
  const { data: created } = await o.client.rest.pulls.create({
    owner: o.owner,
    repo: o.repo,
    head: o.head,
    base: o.base,
    title: o.title,
    body: o.body,
  })
  log(`Opened pull request #${created.number}: ${created.html_url}`)
  return { number: created.number, url: created.html_url, created: true }
}
