// The world the promote tests run in: a GitOps repository (bare remote +
// clone) with dev/staging/prod values for the five minishop services and a
// history with fixed dates, and a stand-in GitHub API that keeps state
// (approvals, checks per commit, deployments and their statuses) and records
// every request.
import { commitFiles, git, makeRemote, type RemoteRepo } from '../harness/git-fixtures'
import {
  type FakeGitHub,
  type Handler,
  type RecordedRequest,
  startFakeGitHub,
} from '../harness/github-api'

export const SERVICES = [
  'user-service',
  'product-service',
  'order-service',
  'payment-service',
  'notification-service',
]
export const ENVS = ['dev', 'staging', 'prod']

export function valuesPath(service: string, env: string): string {
  return `infra/helm-charts/${service}/values-${env}.yaml`
}

export function valuesFile(service: string, env: string, tag: string): string {
  return `# ${service}: Helm values for ${env}
replicaCount: ${env === 'prod' ? 3 : 1}

image:
  repository: ghcr.io/minishop/${service}
  tag: "${tag}"  # set by the pipeline
  pullPolicy: IfNotPresent

metrics:
  exporter:
    image:
      repository: prom/statsd-exporter
      tag: v0.26.0 # upstream release
`
}

/** A fixed calendar: day n of June 2025, 09:00 UTC (a Sunday is day 1). */
export function day(n: number, hour = 9): Date {
  return new Date(Date.UTC(2025, 5, n, hour, 0, 0))
}

/** 40-hex source commit SHAs, one per name. */
export function sha(name: string): string {
  let h = 0
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) >>> 0
  return `${h.toString(16).padStart(8, '0')}${'0'.repeat(32)}`
}

export interface GitOps extends RemoteRepo {
  /** Commits files to the clone with a fixed date and pushes them. */
  commit: (files: Record<string, string>, message: string, date: Date) => string
  /** The value of image.tag in the bare remote's branch. */
  valueIn: (service: string, env: string) => string
  head: () => string
  log: () => string[]
}

/**
 * Day 1: every service at 1.0.0 everywhere. Day 5: CI deploys user-service
 * and order-service 1.1.0 to dev. Day 6: both promoted to staging (source
 * commit sha('build-1.1.0'), run 100).
 */
export function makeGitOps(services = SERVICES, seed = true): GitOps {
  const files: Record<string, string> = {}
  for (const s of services)
    for (const env of ENVS) files[valuesPath(s, env)] = valuesFile(s, env, '1.0.0')
  const repo = makeRemote({})
  const commit = (changes: Record<string, string>, message: string, date: Date) => {
    const id = commitFiles(repo.clone, changes, message, date)
    git(repo.clone, 'push', '-q', 'origin', 'main')
    return id
  }
  commit(files, 'Add values for every environment', day(1))
  const gitops: GitOps = {
    ...repo,
    commit,
    valueIn: (service, env) =>
      /tag: "([^"]*)"/.exec(git(repo.bare, 'show', `main:${valuesPath(service, env)}`))![1]!,
    head: () => git(repo.bare, 'rev-parse', 'main'),
    log: () => git(repo.bare, 'log', '--format=%s', 'main').split('\n'),
  }
  if (seed) {
    for (const env of ['dev', 'staging']) {
      gitops.commit(
        {
          [valuesPath('user-service', env)]: valuesFile('user-service', env, '1.1.0'),
          [valuesPath('order-service', env)]: valuesFile('order-service', env, '1.1.0'),
        },
        `Update user-service, order-service to 1.1.0 in ${env}\n\nSource-Repository: minishop/shop\nSource-Commit: ${sha('build-1.1.0')}\nRun-URL: https://github.com/minishop/shop/actions/runs/100`,
        env === 'dev' ? day(5) : day(6),
      )
    }
  }
  return gitops
}

export interface Check {
  name: string
  state: 'success' | 'failure' | 'pending'
  kind?: 'check-run' | 'status'
  /** A job of this GitHub Actions workflow's run (its check suite); none: another app's check run. */
  workflow?: string
}

/** A workflow run's check suite as GitHub derives it from its jobs' check runs. */
function suiteOf(checks: Check[], workflow: string | undefined) {
  if (workflow === undefined) {
    return {
      id: 'suite-app',
      status: 'COMPLETED',
      conclusion: 'SUCCESS',
      createdAt: '2025-06-01T00:00:00Z',
      workflowRun: null,
    }
  }
  const jobs = checks.filter((c) => c.workflow === workflow)
  const running = jobs.some((c) => c.state === 'pending')
  return {
    id: `suite-${workflow}`,
    status: running ? 'IN_PROGRESS' : 'COMPLETED',
    conclusion: running ? null : jobs.some((c) => c.state === 'failure') ? 'FAILURE' : 'SUCCESS',
    createdAt: '2025-06-01T00:00:00Z',
    workflowRun: {
      url: `https://github.com/minishop/shop/actions/runs/${workflow.length}`,
      workflow: { name: workflow },
    },
  }
}

export interface Deployment {
  id: number
  owner: string
  repo: string
  ref: string
  environment: string
  payload: Record<string, unknown>
  createdAt: string
  statuses: { state: string; auto_inactive?: boolean; log_url?: string }[]
  body: Record<string, unknown>
}

export interface GitHubWorld {
  api: FakeGitHub
  approvals: unknown[]
  /**
   * The token cannot read workflow runs (no actions: read): GitHub answers
   * `workflowRun: null` with an error beside the data.
   */
  hideWorkflowRuns?: boolean
  /** Check runs and statuses by commit SHA. */
  checks: Map<string, Check[]>
  deployments: Deployment[]
  /** Answers to give instead, once each: the next request matching `path` gets `status`. */
  failures: { path: RegExp; status: number }[]
  /** "METHOD /path" of every request, with the GraphQL operation name for POST /graphql. */
  calls: () => string[]
  close: () => Promise<void>
}

export function approval(login: string, environments: string[], comment = '', state = 'approved') {
  return {
    state,
    comment,
    user: { login, id: login.length * 1000 + 1 },
    environments: environments.map((name, i) => ({ id: i + 1, name })),
  }
}

function operation(request: RecordedRequest): string {
  const query = String((request.body as { query?: string })?.query ?? '')
  return /query\s+(\w+)/.exec(query)?.[1] ?? 'anonymous'
}

function graphql(world: GitHubWorld, request: RecordedRequest, other?: Handler) {
  const { query, variables } = request.body as { query: string; variables: Record<string, string> }
  const data: Record<string, unknown> = {}
  if (query.includes('PromoteChecks(')) {
    for (let i = 0; variables[`oid${i}`] !== undefined; i++) {
      const checks = world.checks.get(variables[`oid${i}`]!) ?? []
      const nodes = checks.map((c) =>
        (c.kind ?? 'check-run') === 'check-run'
          ? {
              __typename: 'CheckRun',
              name: c.name,
              status: c.state === 'pending' ? 'IN_PROGRESS' : 'COMPLETED',
              conclusion: c.state === 'pending' ? null : c.state.toUpperCase(),
              startedAt: '2025-06-01T00:00:00Z',
              completedAt: c.state === 'pending' ? null : '2025-06-01T00:05:00Z',
              detailsUrl: null,
              checkSuite: {
                ...suiteOf(checks, c.workflow),
                ...(world.hideWorkflowRuns ? { workflowRun: null } : {}),
              },
            }
          : {
              __typename: 'StatusContext',
              context: c.name,
              state: c.state.toUpperCase(),
              createdAt: '2025-06-01T00:05:00Z',
              targetUrl: null,
            },
      )
      data[`c${i}`] = {
        object: {
          statusCheckRollup: nodes.length
            ? { contexts: { pageInfo: { hasNextPage: false, endCursor: null }, nodes } }
            : null,
        },
      }
    }
  } else if (query.includes('PromoteDeployments(')) {
    for (let i = 0; variables[`owner${i}`] !== undefined; i++) {
      const nodes = world.deployments
        .filter(
          (d) =>
            d.owner === variables[`owner${i}`] &&
            d.repo === variables[`name${i}`] &&
            d.environment === variables.environment,
        )
        .sort((a, b) => b.id - a.id)
        .map((d) => ({
          databaseId: d.id,
          createdAt: d.createdAt,
          commitOid: d.ref,
          payload: JSON.stringify(d.payload),
          latestStatus: d.statuses.length
            ? { state: d.statuses.at(-1)!.state.toUpperCase() }
            : null,
        }))
      data[`r${i}`] = { deployments: { nodes } }
    }
  } else {
    return other?.(request, {}) ?? { status: 400, body: { message: `unexpected query: ${query}` } }
  }
  const hidden = query.includes('PromoteChecks(') && world.hideWorkflowRuns
  const errors = hidden
    ? [{ type: 'FORBIDDEN', message: 'Resource not accessible by integration', path: ['c0'] }]
    : undefined
  return { body: errors ? { data, errors } : { data } }
}

/** `graphql`: answers the GraphQL queries promote's own fake does not (createCommitOnBranch). */
export async function startGitHub(options: { graphql?: Handler } = {}): Promise<GitHubWorld> {
  let nextId = 1000
  const world: GitHubWorld = {
    api: undefined as unknown as FakeGitHub,
    approvals: [],
    checks: new Map(),
    deployments: [],
    failures: [],
    calls: () =>
      world.api.requests.map((r) =>
        r.path === '/graphql' ? `POST /graphql ${operation(r)}` : `${r.method} ${r.path}`,
      ),
    close: () => world.api.close(),
  }
  const failure = (request: RecordedRequest) => {
    const i = world.failures.findIndex((f) => f.path.test(`${request.method} ${request.path}`))
    if (i < 0) return undefined
    const [f] = world.failures.splice(i, 1)
    return { status: f!.status, body: { message: 'Server Error' } }
  }
  world.api = await startFakeGitHub({
    'GET /repos/:owner/:repo/actions/runs/:run_id/approvals': (request) =>
      failure(request) ?? { body: world.approvals },
    'POST /graphql': (request) => failure(request) ?? graphql(world, request, options.graphql),
    'POST /repos/:owner/:repo/deployments': (request, p) => {
      const failed = failure(request)
      if (failed) return failed
      const body = request.body as Record<string, unknown>
      const deployment: Deployment = {
        id: nextId++,
        owner: p.owner!,
        repo: p.repo!,
        ref: String(body.ref),
        environment: String(body.environment),
        payload: body.payload as Record<string, unknown>,
        createdAt: new Date().toISOString(),
        statuses: [],
        body,
      }
      world.deployments.push(deployment)
      return { status: 201, body: { id: deployment.id, sha: deployment.ref } }
    },
    'POST /repos/:owner/:repo/deployments/:id/statuses': (request, p) => {
      const d = world.deployments.find((x) => x.id === Number(p.id))
      if (!d) return { status: 404, body: { message: 'Not Found' } }
      d.statuses.push(request.body as Deployment['statuses'][number])
      return { status: 201, body: { id: d.statuses.length, state: d.statuses.at(-1)!.state } }
    },
  })
  return world
}

/**
 * `count` services (svc-00, svc-01, ...), each built from its own source
 * commit (green `ci` check) and promoted to staging in one commit on day 5:
 * the request-budget test and the benchmark promote them to prod.
 */
export function stageManyServices(
  world: GitHubWorld,
  count: number,
): { services: string[]; gitops: GitOps } {
  const services = Array.from({ length: count }, (_, i) => `svc-${String(i).padStart(2, '0')}`)
  const gitops = makeGitOps(services, false)
  const staging: Record<string, string> = {}
  for (const s of services)
    staging[valuesPath(s, 'staging')] = valuesFile(s, 'staging', `2.0.0-${s}`)
  gitops.commit(
    staging,
    `Promote to staging: ${count} services from dev\n\n${services.map((s) => `Service-Source: ${s} minishop/${s}@${sha(s)}`).join('\n')}`,
    day(5),
  )
  for (const s of services) world.checks.set(sha(s), [{ name: 'ci', state: 'success' }])
  return { services, gitops }
}
