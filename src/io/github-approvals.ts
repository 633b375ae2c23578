import type { Approval } from '../core/gates'
import type { GitHubClient } from './github'

/**
 * The reviews of a workflow run's environment gates (one request):
 * `GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals`. Each names the
 * environments it covered, its state (approved or rejected) and the comment.
 */
export async function listRunApprovals(
  client: GitHubClient,
  run: { owner: string; repo: string; runId: number },
): Promise<Approval[]> {
  const { data } = await client.rest.actions.getReviewsForRun({
    owner: run.owner,
    repo: run.repo,
    run_id: run.runId,
  })
  return data.map((review) => ({
    login: review.user.login,
    userId: review.user.id,
    state: review.state,
    comment: review.comment ?? '',
    environments: (review.environments ?? []).map((e) => e.name ?? '').filter((n) => n !== ''),
  }))
}
