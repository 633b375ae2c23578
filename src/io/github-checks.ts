import type { CheckResult, CheckState, SourceRef } from '../core/promotion-plan'
import type { GitHubClient } from './github'

// Check runs and commit statuses of many source commits in one GraphQL
// request (the commit's status-check rollup), instead of two REST requests
// per commit: promoting 50 services built from 50 commits stays one request.
// Each GitHub Actions workflow run among them (a check suite) also counts as
// a result named after its workflow, so that `required-checks: CI` means
// "the CI workflow passed": its jobs' check runs are named after the jobs
// (`ci / build user-service`), never after the workflow.

const CHUNK = 20
const CONTEXTS = `
  pageInfo { hasNextPage endCursor }
  nodes {
    __typename
    ... on CheckRun {
      name status conclusion startedAt completedAt detailsUrl
      checkSuite { id status conclusion createdAt workflowRun { url workflow { name } } }
    }
    ... on StatusContext { context state createdAt targetUrl }
  }`

interface SuiteNode {
  id: string
  status: string
  conclusion: string | null
  createdAt: string
  workflowRun: { url: string; workflow: { name: string } } | null
}

interface ContextNode {
  __typename: 'CheckRun' | 'StatusContext'
  name?: string
  status?: string
  conclusion?: string | null
  startedAt?: string | null
  completedAt?: string | null
  detailsUrl?: string | null
  checkSuite?: SuiteNode | null
  context?: string
  state?: string
  createdAt?: string
  targetUrl?: string | null
}

interface Contexts {
  pageInfo: { hasNextPage: boolean; endCursor: string | null }
  nodes: (ContextNode | null)[]
}

interface CommitNode {
  object: { statusCheckRollup: { contexts: Contexts } | null } | null
}

export function sourceKey(source: SourceRef): string {
  return `${source.repository.toLowerCase()}@${source.commit.toLowerCase()}`
}

function checkState(node: ContextNode): CheckState {
  if (node.__typename === 'StatusContext') {
    switch (node.state) {
      case 'SUCCESS':
        return 'success'
      case 'PENDING':
      case 'EXPECTED':
        return 'pending'
      case 'ERROR':
        return 'error'
      default:
        return 'failure'
    }
  }
  return runState(node.status, node.conclusion)
}

/** A check run's or a check suite's state from its status and conclusion. */
function runState(status: string | undefined, conclusion: string | null | undefined): CheckState {
  if (status !== 'COMPLETED') return 'pending'
  const state = (conclusion ?? 'failure').toLowerCase()
  if (state === 'startup_failure') return 'failure'
  return state as CheckState
}

/** One result per workflow run the check runs belong to, named after its workflow. */
function workflowResults(nodes: ContextNode[]): CheckResult[] {
  // Keyed by suite: a run's jobs all name the same one.
  const runs = new Map<string, CheckResult>()
  for (const { checkSuite: suite } of nodes) {
    if (!suite?.workflowRun) continue
    runs.set(suite.id, {
      name: suite.workflowRun.workflow.name,
      kind: 'workflow',
      state: runState(suite.status, suite.conclusion),
      at: suite.createdAt,
      url: suite.workflowRun.url,
    })
  }
  return [...runs.values()]
}

function toResult(node: ContextNode): CheckResult {
  if (node.__typename === 'StatusContext') {
    return {
      name: node.context ?? '',
      kind: 'status',
      state: checkState(node),
      at: node.createdAt ?? undefined,
      url: node.targetUrl ?? undefined,
    }
  }
  return {
    name: node.name ?? '',
    kind: 'check-run',
    state: checkState(node),
    at: node.completedAt ?? node.startedAt ?? undefined,
    url: node.detailsUrl ?? undefined,
  }
}

/**
 * A GraphQL answer, partial when some of it failed: a repository the token
 * cannot see comes back as null next to an error, and the rest still counts.
 */
export async function graphqlPartial<T>(
  client: GitHubClient,
  query: string,
  variables: Record<string, unknown>,
  warn: (message: string) => void = () => {},
): Promise<T> {
  try {
    return await client.graphql<T>(query, variables)
  } catch (error) {
    const partial = error as { data?: T; errors?: { message?: string }[] }
    const data = partial.data
    if (!data || typeof data !== 'object' || Object.keys(data).length === 0) throw error
    for (const e of partial.errors ?? []) warn(`GitHub API: ${e.message ?? 'error'}`)
    return data
  }
}

function splitRepository(repository: string): [string, string] {
  const [owner, name] = repository.split('/')
  return [owner ?? '', name ?? '']
}

/**
 * Every check run, commit status and workflow run on each source commit, keyed by
 * `sourceKey`. Commits GitHub does not know come back with no checks (a
 * required check is then reported as not run).
 */
export async function listCommitChecks(
  client: GitHubClient,
  sources: SourceRef[],
  warn?: (message: string) => void,
): Promise<Map<string, CheckResult[]>> {
  const unique = [...new Map(sources.map((s) => [sourceKey(s), s])).values()]
  const results = new Map<string, CheckResult[]>()
  for (let start = 0; start < unique.length; start += CHUNK) {
    const chunk = unique.slice(start, start + CHUNK)
    const variables: Record<string, string> = {}
    const declarations: string[] = []
    const fields = chunk.map((source, i) => {
      const [owner, name] = splitRepository(source.repository)
      variables[`owner${i}`] = owner
      variables[`name${i}`] = name
      variables[`oid${i}`] = source.commit
      declarations.push(`$owner${i}: String!`, `$name${i}: String!`, `$oid${i}: GitObjectID!`)
      return `c${i}: repository(owner: $owner${i}, name: $name${i}) {
        object(oid: $oid${i}) { ... on Commit { statusCheckRollup { contexts(first: 100) { ${CONTEXTS} } } } }
      }`
    })
    const query = `query PromoteChecks(${declarations.join(', ')}) {\n${fields.join('\n')}\n}`
    const data = await graphqlPartial<Record<string, CommitNode | null>>(
      client,
      query,
      variables,
      warn,
    )
    for (const [i, source] of chunk.entries()) {
      const contexts = data[`c${i}`]?.object?.statusCheckRollup?.contexts
      const nodes = contexts ? [...contexts.nodes] : []
      if (contexts?.pageInfo.hasNextPage) {
        nodes.push(...(await remainingContexts(client, source, contexts.pageInfo.endCursor, warn)))
      }
      const found = nodes.filter((n): n is ContextNode => n !== null)
      results.set(sourceKey(source), [...found.map(toResult), ...workflowResults(found)])
    }
  }
  return results
}

/** A commit with more than 100 checks: the rest, page by page (rare). */
async function remainingContexts(
  client: GitHubClient,
  source: SourceRef,
  cursor: string | null,
  warn?: (message: string) => void,
): Promise<(ContextNode | null)[]> {
  const [owner, name] = splitRepository(source.repository)
  const nodes: (ContextNode | null)[] = []
  let after = cursor
  while (after) {
    const data = await graphqlPartial<{ repository: CommitNode | null }>(
      client,
      `query PromoteChecksPage($owner: String!, $name: String!, $oid: GitObjectID!, $after: String!) {
        repository(owner: $owner, name: $name) {
          object(oid: $oid) { ... on Commit { statusCheckRollup { contexts(first: 100, after: $after) { ${CONTEXTS} } } } }
        }
      }`,
      { owner, name, oid: source.commit, after },
      warn,
    )
    const contexts = data.repository?.object?.statusCheckRollup?.contexts
    if (!contexts) break
    nodes.push(...contexts.nodes)
    after = contexts.pageInfo.hasNextPage ? contexts.pageInfo.endCursor : null
  }
  return nodes
}
