import { describe, expect, it } from 'vitest'
import { UserError } from '../../src/core/errors'
import { planDigest } from '../../src/core/plan-digest'
import { commitAndPush } from '../../src/io/gitops-commit'
import { sealedPrepare } from '../../src/io/promotion-commit'
import { type PlanRequest, readerAt, readPlan } from '../../src/io/promotion-reader'
import { day, makeGitOps, valuesFile, valuesPath } from '../actions/promote.fixtures'
import { cloneOf, commitFiles, git } from '../harness/git-fixtures'

const AUTHOR = { name: 'promote', email: 'promote@example.test' }

/** Seals a staging -> prod plan in `dir` at its current HEAD. */
async function seal(dir: string) {
  const request: PlanRequest = {
    dir,
    mode: 'promote',
    from: 'staging',
    to: 'prod',
    services: [],
    fileTemplate: 'infra/helm-charts/{service}/values-{env}.yaml',
    key: 'image.tag',
  }
  const tip = git(dir, 'rev-parse', 'HEAD')
  const reader = readerAt(dir, tip)
  try {
    const plan = await readPlan(request, tip, reader.read)
    return { request, sealed: { plan, digest: planDigest(plan), tip } }
  } finally {
    reader.close()
  }
}

function commitOptions(dir: string, sealed: Awaited<ReturnType<typeof seal>>) {
  return {
    dir,
    branch: 'main',
    author: AUTHOR,
    push: true,
    maxAttempts: 3,
    backoff: { baseMs: 5, maxMs: 10 },
    prepare: sealedPrepare({
      ...sealed,
      message: {
        template: undefined,
        approvals: [],
        environment: 'prod',
        overrideFreeze: undefined,
        runUrl: undefined,
        serverUrl: 'https://github.com',
      },
    }),
  }
}

/** Another pipeline pushes first. */
function pushFromElsewhere(bare: string, service: string, env: string, tag: string) {
  const other = cloneOf(bare)
  commitFiles(
    other,
    { [valuesPath(service, env)]: valuesFile(service, env, tag) },
    `${service} ${tag} in ${env}`,
    day(7),
  )
  git(other, 'push', '-q', 'origin', 'main')
  return git(other, 'rev-parse', 'HEAD')
}

describe('sealedPrepare', () => {
  it('refuses at the new tip when the plan there differs, pushing nothing', async () => {
    const g = makeGitOps()
    const sealed = await seal(g.clone)
    const moved = pushFromElsewhere(g.bare, 'user-service', 'staging', '1.2.0')
    const failure = commitAndPush(commitOptions(g.clone, sealed))
    await expect(failure).rejects.toThrow(UserError)
    await expect(failure).rejects.toThrow(
      /the GitOps branch moved to [0-9a-f]{12} and the plan there differs from the approved one \(user-service: approved 1\.0\.0 -> 1\.1\.0, now 1\.0\.0 -> 1\.2\.0\)/,
    )
    expect(g.head()).toBe(moved)
  })

  it('applies the sealed change on the new tip when an unrelated commit landed first', async () => {
    const g = makeGitOps()
    const sealed = await seal(g.clone)
    const moved = pushFromElsewhere(g.bare, 'payment-service', 'dev', '3.0.0')
    const result = await commitAndPush(commitOptions(g.clone, sealed))
    expect(result.changed).toBe(true)
    expect(git(g.bare, 'rev-parse', 'main~1')).toBe(moved)
    expect(g.valueIn('user-service', 'prod')).toBe('1.1.0')
    expect(g.valueIn('payment-service', 'dev')).toBe('3.0.0')
    expect(
      git(g.bare, 'log', '-1', '--format=%(trailers:key=Plan-Digest,valueonly)', 'main').trim(),
    ).toBe(sealed.sealed.digest)
  })
})
