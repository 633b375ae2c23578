import type { DeploymentRecord } from '../core/promotion-plan'
import type { GitHubClient } from './github'
import { graphqlPartial } from './github-checks'

// GitHub Deployments: the record of what each environment runs, for people
// (the repository's Environments page) and for tools (lead time, DORA).

export interface NewDeployment {
  owner: string
  repo: string
  /** The source commit the image was built from. */
  ref: string
  environment: string
  description: string
  payload: Record<string, unknown>
  productionEnvironment: boolean
}

/**
 * One deployment with a success status (two requests). `auto_merge: false`
 * and `required_contexts: []`: the ref is an exact build, and the gates have
 * already judged its checks. `auto_inactive: false`: several services share
 * an environment, and one service's deployment must not mark another's
 * inactive.
 */
export async function recordDeployment(
  client: GitHubClient,
  d: NewDeployment,
  status: { logUrl?: string; environmentUrl?: string },
): Promise<number> {
  const created = await client.rest.repos.createDeployment({
    owner: d.owner,
    repo: d.repo,
    ref: d.ref,
    environment: d.environment,
    description: d.description.slice(0, 140),
    payload: d.payload as { [key: string]: unknown },
    required_contexts: [],
    auto_merge: false,
    transient_environment: false,
    production_environment: d.productionEnvironment,
    task: 'deploy',
  })
  const id = (created.data as { id?: number }).id
  if (created.status !== 201 || id === undefined) {
    const message = (created.data as { message?: string }).message ?? `HTTP ${created.status}`
    throw new Error(
      `GitHub did not create the deployment of ${d.ref} to ${d.environment}: ${message}`,
    )
  }
  await client.rest.repos.createDeploymentStatus({
    owner: d.owner,
    repo: d.repo,
    deployment_id: id,
    state: 'success',
    description: d.description.slice(0, 140),
    ...(status.logUrl ? { log_url: status.logUrl } : {}),
    ...(status.environmentUrl ? { environment_url: status.environmentUrl } : {}),
    auto_inactive: false,
  })
  return id
}

export type PastDeployment = DeploymentRecord

interface DeploymentNodes {
  deployments: {
    nodes: ({
      databaseId: number | null
      createdAt: string
      commitOid: string
      payload: string | null
      latestStatus: { state: string } | null
    } | null)[]
  }
}

function parsePayload(text: string | null): Record<string, unknown> {
  if (!text) return {}
  try {
    const value = JSON.parse(text)
    // A payload may itself be a JSON string (double-encoded by some tools).
    const object = typeof value === 'string' ? JSON.parse(value) : value
    return object && typeof object === 'object' ? (object as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

/**
 * The newest 100 deployments to `environment` of each repository, newest
 * first, keyed by `owner/name` (lower case): one GraphQL request for up to
 * 20 repositories.
 */
export async function listEnvironmentDeployments(
  client: GitHubClient,
  repositories: string[],
  environment: string,
  warn?: (message: string) => void,
): Promise<Map<string, PastDeployment[]>> {
  const unique = [...new Set(repositories.map((r) => r.toLowerCase()))]
  const result = new Map<string, PastDeployment[]>()
  for (let start = 0; start < unique.length; start += 20) {
    const chunk = unique.slice(start, start + 20)
    const variables: Record<string, string> = { environment }
    const declarations = ['$environment: String!']
    const fields = chunk.map((repository, i) => {
      const [owner, name] = repository.split('/')
      variables[`owner${i}`] = owner ?? ''
      variables[`name${i}`] = name ?? ''
      declarations.push(`$owner${i}: String!`, `$name${i}: String!`)
      return `r${i}: repository(owner: $owner${i}, name: $name${i}) {
        deployments(environments: [$environment], first: 100, orderBy: {field: CREATED_AT, direction: DESC}) {
          nodes { databaseId createdAt commitOid payload latestStatus { state } }
        }
      }`
    })
    const data = await graphqlPartial<Record<string, DeploymentNodes | null>>(
      client,
      `query PromoteDeployments(${declarations.join(', ')}) {\n${fields.join('\n')}\n}`,
      variables,
      warn,
    )
    for (const [i, repository] of chunk.entries()) {
      const nodes = data[`r${i}`]?.deployments.nodes ?? []
      result.set(
        repository,
        nodes
          .filter((n): n is NonNullable<typeof n> => n !== null)
          .map((n) => ({
            id: n.databaseId ?? 0,
            createdAt: n.createdAt,
            sha: n.commitOid,
            payload: parsePayload(n.payload),
            state: n.latestStatus?.state.toLowerCase(),
          })),
      )
    }
  }
  return result
}
