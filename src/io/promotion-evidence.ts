import { deploymentEvidence, type PromotionPlan } from '../core/promotion-plan'
import type { GitHubClient } from './github'
import { listCommitChecks, sourceKey } from './github-checks'
import { listEnvironmentDeployments } from './github-deployments'

// The GitHub side of a plan's evidence, fetched in batches: one GraphQL
// request for the checks of up to 20 distinct source commits, one for the
// deployments of up to 20 source repositories.

/** Attaches the check runs and statuses of each change's source commit. */
export async function attachChecks(
  client: GitHubClient,
  plan: PromotionPlan,
  warn?: (message: string) => void,
): Promise<void> {
  const sources = plan.changes.flatMap((c) => (c.source ? [c.source] : []))
  if (sources.length === 0) return
  const checks = await listCommitChecks(client, sources, warn)
  for (const c of plan.changes) {
    if (c.source) c.checks = checks.get(sourceKey(c.source)) ?? []
  }
}

/**
 * soak-source deployments: "live in from since" and "from ran it" come from
 * GitHub Deployments to `from`, listed in each change's source repository
 * (where promote records them), or in `fallbackRepository` without one.
 */
export async function attachDeploymentSoak(
  client: GitHubClient,
  plan: PromotionPlan,
  fallbackRepository: string,
  warn?: (message: string) => void,
): Promise<void> {
  if (!plan.from || plan.changes.length === 0) return
  const repoOf = (c: PromotionPlan['changes'][number]) =>
    (c.source?.repository ?? fallbackRepository).toLowerCase()
  const deployments = await listEnvironmentDeployments(
    client,
    plan.changes.map(repoOf),
    plan.from,
    warn,
  )
  for (const c of plan.changes) {
    const evidence = deploymentEvidence(
      deployments.get(repoOf(c)) ?? [],
      c.service,
      c.target,
      c.source?.commit,
    )
    c.fromDeploymentState = evidence.state
    c.liveSince = evidence.since
    c.liveSinceRef = evidence.ref
  }
}
