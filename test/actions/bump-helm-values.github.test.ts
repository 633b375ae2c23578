import { createHash } from 'node:crypto'
import { mkdirSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { cloneOf, commitFiles, git, makeRemote, racingGit, tempDir } from '../harness/git-fixtures'
import { type RunResult, runAction } from '../harness/run-action'
import { gitopsFiles } from './bump-helm-values.fixtures'
import { type FakeGitHubGit, startFakeGitHubGit } from './fake-github-git'

const DEV = 'infra/helm-charts/user-service/values-dev.yaml'
const TOKEN = 'ghs_ApiToken0123456789abcdef'
let fake: FakeGitHubGit | undefined

afterEach(async () => {
  await fake?.close()
  fake = undefined
})

function expectOk(result: RunResult): void {
  expect(result.exitCode, `${result.stdout}\n${result.stderr}`).toBe(0)
}

describe('bump-helm-values mode: pull-request', () => {
  /** A bump in mode pull-request from `workspace`, against the fake GitHub. */
  const pullRequestRun =
    (workspace: string, inputs: Record<string, string> = { services: 'user-service' }) =>
    (value: string) =>
      runAction('bump-helm-values', {
        workspace,
        env: { GITHUB_API_URL: fake!.url },
        inputs: { mode: 'pull-request', environment: 'dev', value, token: TOKEN, ...inputs },
      })

  it('opens a pull request, then updates it (never a duplicate), main untouched', async () => {
    const repo = makeRemote(gitopsFiles())
    fake = await startFakeGitHubGit(repo.bare, 'minishop/user-service')
    const run = pullRequestRun(repo.clone)
    const main = git(repo.bare, 'rev-parse', 'main')
    const first = await run('v1')
    expectOk(first)
    expect(first.outputs['pull-request-number']).toBe('1')
    expect(first.outputs['pull-request-url']).toBe(
      'https://github.com/minishop/user-service/pull/1',
    )
    expect(git(repo.bare, 'show', `bump/dev/user-service:${DEV}`)).toContain('tag: "v1"  #')
    expect(fake.pulls).toHaveLength(1)
    expect(fake.pulls[0]).toMatchObject({
      head: { ref: 'bump/dev/user-service' },
      base: { ref: 'main' },
      title: 'Update user-service to v1 in dev',
    })
    expect(fake.pulls[0]!.body).toContain('+  tag: "v1"  # set by CI')

    const second = await run('v2')
    expectOk(second)
    expect(second.outputs['pull-request-number']).toBe('1')
    expect(fake.pulls).toHaveLength(1)
    expect(fake.pulls[0]!.title).toBe('Update user-service to v2 in dev')
    // Force-updated: one commit on top of main, not a stack of bumps.
    expect(git(repo.bare, 'rev-parse', 'bump/dev/user-service~1')).toBe(main)
    expect(git(repo.bare, 'show', `bump/dev/user-service:${DEV}`)).toContain('tag: "v2"  #')
    expect(git(repo.bare, 'rev-parse', 'main')).toBe(main)
    const posts = fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/pulls'))
    expect(posts).toHaveLength(1)
    expect(fake.requests.every((r) => r.headers.authorization === `token ${TOKEN}`)).toBe(true)
  })

  it('a files glob names its branch (the same one, whatever it matches) and each update matches again', async () => {
    const file = (service: string) => `infra/helm-charts/${service}/values-dev.yaml`
    const repo = makeRemote(gitopsFiles(['user-service', 'order-service']))
    fake = await startFakeGitHubGit(repo.bare, 'minishop/user-service')
    const run = pullRequestRun(repo.clone, { files: 'infra/helm-charts/*/values-dev.yaml' })
    expectOk(await run('v1'))
    // The glob's characters are gone from the name; a hash of it keeps it apart from a path's.
    const hash = createHash('sha256').update('infra/helm-charts/*/values-dev.yaml').digest('hex')
    const BRANCH = `bump/dev/infra-helm-charts-values-dev.yaml-${hash.slice(0, 8)}`
    expect(fake.pulls.map((p) => p.head.ref)).toEqual([BRANCH])
    // main gains a service; this checkout does not have it, the base does.
    const other = cloneOf(repo.bare)
    commitFiles(other, { [file('payment-service')]: 'image:\n  tag: "0"\n' }, 'add payment')
    git(other, 'push', '-q', 'origin', 'main')
    const second = await run('v2')
    expectOk(second)
    expect(fake.pulls.map((p) => p.head.ref)).toEqual([BRANCH])
    expect(git(repo.bare, 'show', '--name-only', '--format=', BRANCH).split('\n')).toEqual(
      ['order-service', 'payment-service', 'user-service'].map(file),
    )
    expect(fake.pulls[0]!.body).toContain(`+++ b/${file('payment-service')}`)
  })

  describe('a pull request GitHub refuses: the pushed branch goes back where it was', () => {
    const BRANCH = 'bump/dev/user-service'
    const refusal = 'GitHub Actions is not permitted to create or approve pull requests.'
    const setup = async () => {
      const repo = makeRemote(gitopsFiles())
      fake = await startFakeGitHubGit(repo.bare, 'minishop/user-service')
      return { repo, run: pullRequestRun(repo.clone) }
    }

    it('a branch this run created is deleted again', async () => {
      const { repo, run } = await setup()
      fake!.on('POST /repos/minishop/user-service/pulls', {
        status: 403,
        body: { message: refusal },
      })
      const result = await run('v1')
      expect(result.exitCode).toBe(1)
      expect(result.annotations.map((a) => a.message)[0]).toContain(refusal)
      expect(git(repo.bare, 'branch', '--list', BRANCH)).toBe('')
      expect(result.stdout).toContain(
        `The pull request failed: ${BRANCH}, created for it, is deleted again.`,
      )
    })

    it("an earlier run's branch (its pull request open), from another checkout, is put back", async () => {
      const { repo } = await setup()
      // The earlier run ran elsewhere: this checkout has never seen its commit.
      expectOk(await pullRequestRun(cloneOf(repo.bare))('v2'))
      const run = pullRequestRun(repo.clone)
      const before = git(repo.bare, 'rev-parse', BRANCH)
      fake!.on('PATCH /repos/minishop/user-service/pulls/:number', {
        status: 403,
        body: { message: refusal },
      })
      const result = await run('v3')
      expect(result.exitCode).toBe(1)
      expect(git(repo.bare, 'rev-parse', BRANCH)).toBe(before)
      expect(git(repo.bare, 'show', `${BRANCH}:${DEV}`)).toContain('tag: "v2"  #')
      expect(result.stdout).toContain(
        `The pull request failed: ${BRANCH} is back at ${before.slice(0, 12)}, where it was.`,
      )
    })

    it('another commit on the branch just before the push: seen (a lease), and what is put back', async () => {
      const { repo } = await setup()
      const other = cloneOf(repo.bare)
      commitFiles(other, { 'notes.txt': 'a human fixes the pull request\n' }, 'by hand')
      const theirs = git(other, 'rev-parse', 'HEAD')
      fake!.on('POST /repos/minishop/user-service/pulls', {
        status: 403,
        body: { message: refusal },
      })
      const result = await runAction('bump-helm-values', {
        workspace: repo.clone,
        env: {
          GITHUB_API_URL: fake!.url,
          ...racingGit(`git -C '${other}' push -q origin HEAD:refs/heads/${BRANCH}`),
        },
        inputs: {
          mode: 'pull-request',
          services: 'user-service',
          environment: 'dev',
          value: 'v1',
          token: TOKEN,
        },
      })
      expect(result.exitCode).toBe(1)
      // The first push was refused by its lease, the second saw that commit,
      // and the undo put it back: nothing of the other commit is lost.
      expect(result.stdout).toContain('recomputing at the new tip')
      expect(git(repo.bare, 'rev-parse', BRANCH)).toBe(theirs)
      expect(result.stdout).toContain(`${BRANCH} is back at ${theirs.slice(0, 12)}, where it was.`)
    })

    it('another commit on the branch after this run pushed: left alone, and said so', async () => {
      const { repo, run } = await setup()
      const other = cloneOf(repo.bare)
      commitFiles(other, { 'notes.txt': 'later\n' }, 'by hand')
      fake!.on('POST /repos/minishop/user-service/pulls', () => {
        git(other, 'push', '-q', '-f', 'origin', `HEAD:refs/heads/${BRANCH}`)
        return { status: 403, body: { message: refusal } }
      })
      const result = await run('v1')
      expect(result.exitCode).toBe(1)
      expect(result.annotations.map((a) => a.message)[0]).toContain(refusal)
      expect(git(repo.bare, 'rev-parse', BRANCH)).toBe(git(other, 'rev-parse', 'HEAD'))
      expect(result.stdout).toMatch(
        new RegExp(
          `${BRANCH} was not put back \\(deleted\\): another commit has landed on it since this run's \\(\\[rejected\\] \\(stale info\\)\\)`,
        ),
      )
    })
  })
})

describe('bump-helm-values commit-method: api', () => {
  /** A bump of minishop/gitops through the API, from an empty workspace. */
  const apiRun = (inputs: Record<string, string>) =>
    runAction('bump-helm-values', {
      workspace: tempDir('workspace-'),
      env: { GITHUB_API_URL: fake!.url },
      inputs: { repository: 'minishop/gitops', 'commit-method': 'api', token: TOKEN, ...inputs },
    })

  it('commits through createCommitOnBranch and recomputes on a stale head', async () => {
    const repo = makeRemote(gitopsFiles())
    fake = await startFakeGitHubGit(repo.bare, 'minishop/gitops')
    const other = cloneOf(repo.bare)
    fake.beforeCommit = (n) => {
      if (n !== 1) return
      // Another pipeline lands a bump of the same file first.
      const text = git(other, 'show', `HEAD:${DEV}`).replace('tag: "0a1b2c3"\n', 'tag: "other"\n')
      commitFiles(other, { [DEV]: `${text}\n` }, 'other pipeline')
      git(other, 'push', '-q', 'origin', 'main')
    }
    const result = await apiRun({ services: 'user-service', environment: 'dev', value: 'v3' })
    expectOk(result)
    expect(fake.mutations).toHaveLength(2)
    const expected = fake.mutations.map(
      (m) =>
        (m.body as { variables: { input: { expectedHeadOid: string } } }).variables.input
          .expectedHeadOid,
    )
    expect(expected[1]).toBe(git(repo.bare, 'rev-parse', 'main~1'))
    expect(expected[0]).not.toBe(expected[1])
    expect(result.outputs.commit).toBe(git(repo.bare, 'rev-parse', 'main'))
    const text = git(repo.bare, 'show', `main:${DEV}`)
    expect(text).toContain('tag: "v3"  # set by CI')
    expect(text).toContain('tag: "other"') // the other pipeline's change survived
    expect(git(repo.bare, 'log', '-1', '--format=%s', 'main')).toBe(
      'Update user-service to v3 in dev',
    )
    expect(result.stdout).toContain('recomputing at the new head')
    expect(result.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain(TOKEN)
  })

  it('a tree too large for GitHub to list whole: one clear error, nothing committed', async () => {
    const repo = makeRemote(gitopsFiles())
    fake = await startFakeGitHubGit(repo.bare, 'minishop/gitops')
    fake.treesTruncated = true
    const before = git(repo.bare, 'rev-parse', 'main')
    const result = await apiRun({ files: 'infra/helm-charts/*/values-dev.yaml', value: 'v4' })
    expect(result.exitCode).toBe(1)
    expect(result.annotations.map((a) => a.message)).toEqual([
      'minishop/gitops has more files than GitHub lists in one tree; match files globs with commit-method git',
    ])
    expect(fake.mutations).toEqual([])
    expect(git(repo.bare, 'rev-parse', 'main')).toBe(before)
  })

  it('a files glob is matched at the head each attempt edits, listed through the API', async () => {
    const file = (service: string) => `infra/helm-charts/${service}/values-dev.yaml`
    const repo = makeRemote(gitopsFiles(['user-service', 'order-service', 'cart-service']))
    // A symbolic link the glob matches: never a file to edit.
    mkdirSync(join(repo.clone, 'infra/helm-charts/link-service'))
    symlinkSync('../user-service/values-dev.yaml', join(repo.clone, file('link-service')))
    git(repo.clone, 'add', '-A')
    git(repo.clone, 'commit', '-q', '-m', 'a link')
    git(repo.clone, 'push', '-q', 'origin', 'main')
    fake = await startFakeGitHubGit(repo.bare, 'minishop/gitops')
    const other = cloneOf(repo.bare)
    fake.beforeCommit = (n) => {
      if (n !== 1) return
      // Another pipeline lands first: it adds a service and removes one.
      commitFiles(other, { [file('payment-service')]: 'image:\n  tag: "0a1b2c3"\n' }, 'add payment')
      git(other, 'rm', '-q', file('cart-service'))
      git(other, 'commit', '-q', '-m', 'remove cart')
      git(other, 'push', '-q', 'origin', 'main')
    }
    const result = await apiRun({ files: 'infra/helm-charts/*/values-dev.yaml', value: 'v4' })
    expectOk(result)
    const bumped = ['order-service', 'payment-service', 'user-service'].map(file)
    expect(result.outputs.files!.split('\n')).toEqual(bumped)
    expect(git(repo.bare, 'show', '--name-only', '--format=', 'main')).toBe(bumped.join('\n'))
    expect(fake.requests.filter((r) => r.path.includes('/git/trees/'))).toHaveLength(2)
  })

  it('pull-request mode through the API creates the branch and the pull request', async () => {
    const repo = makeRemote(gitopsFiles())
    fake = await startFakeGitHubGit(repo.bare, 'minishop/gitops')
    const result = await runAction('bump-helm-values', {
      workspace: tempDir('workspace-'),
      env: { GITHUB_API_URL: fake.url },
      inputs: {
        repository: 'minishop/gitops',
        'commit-method': 'api',
        mode: 'pull-request',
        images: JSON.stringify({ 'user-service': 'v4', 'order-service': 'v4' }),
        environment: 'dev',
        token: TOKEN,
      },
    })
    expectOk(result)
    const branch = 'bump/dev/order-service+user-service'
    expect(git(repo.bare, 'show', `${branch}:${DEV}`)).toContain('tag: "v4"  #')
    expect(git(repo.bare, 'rev-parse', `${branch}~1`)).toBe(git(repo.bare, 'rev-parse', 'main'))
    expect(fake.pulls.map((p) => p.head.ref)).toEqual([branch])
  })

  describe('a commit that fails after the pull-request branch was reset', () => {
    const FORBIDDEN = { type: 'FORBIDDEN', message: 'Resource not accessible by integration' }
    const BRANCH = 'bump/dev/user-service'
    const bump = (workspace: string, value: string) =>
      runAction('bump-helm-values', {
        workspace,
        env: { GITHUB_API_URL: fake!.url },
        inputs: {
          repository: 'minishop/gitops',
          'commit-method': 'api',
          mode: 'pull-request',
          services: 'user-service',
          value,
          environment: 'dev',
          token: TOKEN,
        },
      })

    it('puts an existing branch back: the open pull request still shows its change', async () => {
      const repo = makeRemote(gitopsFiles())
      fake = await startFakeGitHubGit(repo.bare, 'minishop/gitops')
      const workspace = tempDir('workspace-')
      expectOk(await bump(workspace, 'v5'))
      const before = git(repo.bare, 'rev-parse', BRANCH)
      // main moves on, so the next run resets the branch to a new base.
      const other = cloneOf(repo.bare)
      commitFiles(other, { 'README.md': 'moved\n' }, 'main moves')
      git(other, 'push', '-q', 'origin', 'HEAD:main')

      fake.commitError = FORBIDDEN
      const result = await bump(workspace, 'v6')
      expect(result.exitCode).toBe(1)
      expect(result.annotations.map((a) => a.message)).toEqual([
        `Committing to minishop/gitops@${BRANCH} through the GitHub API: Request failed due to following response errors:\n - ${FORBIDDEN.message}. The token needs contents: write there.`,
      ])
      expect(git(repo.bare, 'rev-parse', BRANCH)).toBe(before)
      expect(git(repo.bare, 'show', `${BRANCH}:${DEV}`)).toContain('tag: "v5"')
      expect(result.stdout).toContain(`${BRANCH} is back at ${before.slice(0, 12)}, where it was`)
      expect(fake.pulls).toHaveLength(1)
    })

    /** A repository whose pull-request branch an earlier run made (v5), and another clone. */
    const afterAnEarlierRun = async () => {
      const repo = makeRemote(gitopsFiles())
      fake = await startFakeGitHubGit(repo.bare, 'minishop/gitops')
      const workspace = tempDir('workspace-')
      expectOk(await bump(workspace, 'v5'))
      return { repo, workspace, other: cloneOf(repo.bare) }
    }

    /** Another run's commit on the pull-request branch, from its own clone. */
    const commitOnBranch = (other: string, files: Record<string, string>) => {
      git(other, 'fetch', '-q', 'origin', BRANCH)
      git(other, 'checkout', '-q', '-B', 'theirs', 'FETCH_HEAD')
      commitFiles(other, files, 'another run')
      git(other, 'push', '-q', 'origin', `HEAD:${BRANCH}`)
    }

    it('leaves alone a branch another run moved since the reset', async () => {
      const { repo, workspace, other } = await afterAnEarlierRun()
      // While this run's commit is on its way, another run commits v7 to the branch.
      fake!.beforeCommit = () => commitOnBranch(other, { [DEV]: 'image:\n  tag: "v7"\n' })
      fake!.commitError = FORBIDDEN
      const result = await bump(workspace, 'v6')
      expect(result.exitCode).toBe(1)
      expect(git(repo.bare, 'rev-parse', BRANCH)).toBe(git(other, 'rev-parse', 'HEAD'))
      expect(result.stdout).toMatch(
        new RegExp(
          `The commit failed; ${BRANCH} was not put back at [0-9a-f]{12}: another commit has landed on it since\\.`,
        ),
      )
    })

    it('a commit on the branch between reading it and resetting it: seen, and the reset tried again', async () => {
      const { repo, workspace, other } = await afterAnEarlierRun()
      fake!.beforeRefUpdate = () => {
        fake!.beforeRefUpdate = undefined
        commitOnBranch(other, { 'notes.txt': 'by hand\n' })
      }
      const result = await bump(workspace, 'v6')
      expectOk(result)
      expect(result.stdout).toContain(`${BRANCH} moved while this run reset it`)
      expect(git(repo.bare, 'show', `${BRANCH}:${DEV}`)).toContain('tag: "v6"')
      expect(git(repo.bare, 'rev-parse', `${BRANCH}~1`)).toBe(git(repo.bare, 'rev-parse', 'main'))
    })

    it('a refused pull request names the permission and the repository setting', async () => {
      const repo = makeRemote(gitopsFiles())
      fake = await startFakeGitHubGit(repo.bare, 'minishop/gitops')
      const refusal = 'GitHub Actions is not permitted to create or approve pull requests.'
      fake.on('POST /repos/minishop/gitops/pulls', { status: 403, body: { message: refusal } })
      const result = await bump(tempDir('workspace-'), 'v5')
      expect(result.exitCode).toBe(1)
      // No pull request, so no branch: the one created for the commit is deleted again.
      expect(git(repo.bare, 'branch', '--list', BRANCH)).toBe('')
      expect(result.stdout).toContain(
        `The pull request failed: ${BRANCH}, created for it, is deleted again.`,
      )
      expect(result.annotations).toHaveLength(1)
      expect(result.annotations[0]!.message).toMatch(
        new RegExp(
          `^Opening or updating the pull request from ${BRANCH} into main in minishop/gitops: GitHub answered 403 \\(${refusal.replace(/\./g, '\\.')}.*\\)\\. The token needs pull-requests: write there, and the repository must allow GitHub Actions to create pull requests`,
        ),
      )
    })

    it('deletes a branch it created for the commit', async () => {
      const repo = makeRemote(gitopsFiles())
      fake = await startFakeGitHubGit(repo.bare, 'minishop/gitops')
      fake.commitError = FORBIDDEN
      const result = await bump(tempDir('workspace-'), 'v5')
      expect(result.exitCode).toBe(1)
      expect(git(repo.bare, 'branch', '--list', BRANCH)).toBe('')
      expect(result.stdout).toContain(`${BRANCH}, created for it, is deleted again`)
      expect(fake.pulls).toEqual([])
    })
  })
})
