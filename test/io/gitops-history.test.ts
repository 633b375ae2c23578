import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { templatePathspec } from '../../src/core/service-discovery'
import { BlobReader } from '../../src/io/git-blobs'
import { GitOpsHistory } from '../../src/io/gitops-history'
import { commitFiles, git, makeRemote, TEST_AUTHOR } from '../harness/git-fixtures'

const FILE = 'infra/helm-charts/user-service/values-staging.yaml'
const OTHER = 'infra/helm-charts/order-service/values-staging.yaml'

function values(tag: string, sidecar = 'v1'): string {
  return `# staging\nimage:\n  repository: ghcr.io/minishop/user-service\n  tag: ${tag} # pinned\nsidecar:\n  tag: ${sidecar}\n`
}

function at(day: number): Date {
  return new Date(Date.UTC(2025, 5, day, 9, 0, 0))
}

describe('GitOpsHistory', () => {
  it('finds the commit that set a value, its time and trailers, past unrelated edits', async () => {
    const repo = makeRemote({ [FILE]: values('1.0.0'), [OTHER]: 'image:\n  tag: o1\n' })
    const dir = repo.clone
    const set = commitFiles(
      dir,
      { [FILE]: values('1.1.0') },
      'Update user-service to 1.1.0 in staging\n\nSource-Repository: minishop/user-service\nSource-Commit: abc123abc123\nRun-URL: https://example.test/run/1',
      at(2),
    )
    const sidecar = commitFiles(dir, { [FILE]: values('1.1.0', 'v2') }, 'sidecar', at(3))
    const last = commitFiles(dir, { [OTHER]: 'image:\n  tag: o2\n' }, 'other', at(4))
    const history = await GitOpsHistory.load(dir, 'HEAD', [FILE, OTHER])
    try {
      expect(history.headOf([FILE, OTHER])).toBe(last)
      expect(history.headOf([FILE])).toBe(sidecar)
      const origin = await history.valueOrigin(FILE, 'image.tag', '1.1.0')
      expect(origin).toEqual({
        commit: set,
        time: at(2).toISOString(),
        trailers: [
          ['Source-Repository', 'minishop/user-service'],
          ['Source-Commit', 'abc123abc123'],
          ['Run-URL', 'https://example.test/run/1'],
        ],
        previous: '1.0.0',
      })
      // The initial value: set by the root commit, with nothing before it.
      expect((await history.valueOrigin(OTHER, 'image.tag', 'o1'))?.previous).toBeUndefined()
      expect(await history.valueOrigin(FILE, 'image.tag', '9.9.9')).toBeUndefined()
    } finally {
      history.close()
    }
  })

  it('counts a value set again from its newest setting; skipRollbacks finds the promotion', async () => {
    const repo = makeRemote({ [FILE]: values('1.0.0') })
    const dir = repo.clone
    const promoted = commitFiles(dir, { [FILE]: values('2.0.0') }, 'promote 2', at(2))
    commitFiles(dir, { [FILE]: values('3.0.0') }, 'promote 3', at(3))
    const rolledBack = commitFiles(
      dir,
      { [FILE]: values('2.0.0') },
      'Roll back\n\nPromotion-Mode: rollback',
      at(4),
    )
    const history = await GitOpsHistory.load(dir, git(dir, 'rev-parse', 'HEAD'), [FILE])
    try {
      expect((await history.valueOrigin(FILE, 'image.tag', '2.0.0'))?.commit).toBe(rolledBack)
      const brought = await history.valueOrigin(FILE, 'image.tag', '2.0.0', { skipRollbacks: true })
      expect(brought).toMatchObject({ commit: promoted, previous: '1.0.0' })
    } finally {
      history.close()
    }
  })

  it('counts a change merged from a pull request from its merge, with the branch commit trailers', async () => {
    const repo = makeRemote({ [FILE]: values('1.0.0') })
    const dir = repo.clone
    git(dir, 'checkout', '-q', '-b', 'bump/staging/user-service')
    commitFiles(
      dir,
      { [FILE]: values('1.1.0') },
      'Update user-service to 1.1.0 in staging\n\nSource-Repository: minishop/user-service\nSource-Commit: abc123abc123',
      at(2),
    )
    git(dir, 'checkout', '-q', 'main')
    commitFiles(dir, { [OTHER]: 'image:\n  tag: o1\n' }, 'meanwhile on main', at(3))
    execFileSync(
      'git',
      ['merge', '-q', '--no-ff', '-m', 'Merge pull request #7', 'bump/staging/user-service'],
      {
        cwd: dir,
        env: {
          ...process.env,
          ...TEST_AUTHOR,
          GIT_AUTHOR_DATE: at(4).toISOString(),
          GIT_COMMITTER_DATE: at(4).toISOString(),
        },
      },
    )
    const merge = git(dir, 'rev-parse', 'HEAD')
    const history = await GitOpsHistory.load(dir, 'HEAD', [FILE])
    try {
      const origin = await history.valueOrigin(FILE, 'image.tag', '1.1.0')
      expect(origin).toMatchObject({ commit: merge, time: at(4).toISOString(), previous: '1.0.0' })
      expect(origin?.trailers).toEqual([
        ['Source-Repository', 'minishop/user-service'],
        ['Source-Commit', 'abc123abc123'],
      ])
    } finally {
      history.close()
    }
  })

  it('reads old versions through a reader it is lent, and leaves it open', async () => {
    const repo = makeRemote({ [FILE]: values('1.0.0') })
    const dir = repo.clone
    const set = commitFiles(dir, { [FILE]: values('1.1.0') }, 'bump', at(2))
    const blobs = new BlobReader(dir)
    try {
      const history = await GitOpsHistory.load(dir, 'HEAD', [FILE], {}, blobs)
      const origin = await history.valueOrigin(FILE, 'image.tag', '1.1.0')
      history.close()
      expect(origin).toMatchObject({ commit: set, previous: '1.0.0' })
      // Still the caller's: it reads after the history is done.
      expect((await blobs.read(`HEAD:${FILE}`))?.toString()).toBe(values('1.1.0'))
    } finally {
      blobs.close()
    }
  })

  it('reads every file a template can name through its pathspec, and tells the head of any of them', async () => {
    const template = 'infra/helm-charts/{service}/values-{env}.yaml'
    const repo = makeRemote({ [FILE]: values('1.0.0'), [OTHER]: values('1.0.0') })
    const dir = repo.clone
    const user = commitFiles(dir, { [FILE]: values('1.1.0') }, 'user', at(2))
    // Outside the pattern: another environment, another chart layout.
    const prod = 'infra/helm-charts/user-service/values-prod.yaml'
    commitFiles(
      dir,
      { [prod]: values('0.9.0'), 'charts/x/values-staging.yaml': 'a: 1\n' },
      'other files',
      at(3),
    )
    const history = await GitOpsHistory.load(dir, 'HEAD', [templatePathspec(template, 'staging')])
    try {
      expect(history.headOf([FILE, OTHER])).toBe(user)
      expect(history.headOf([prod])).toBeUndefined()
      expect(await history.valueOrigin(FILE, 'image.tag', '1.1.0')).toMatchObject({ commit: user })
      expect(await history.valueOrigin(OTHER, 'image.tag', '1.0.0')).toMatchObject({
        previous: undefined,
      })
    } finally {
      history.close()
    }
  })

  it('tells the files the pathspec names that exist at the ref: deleted, re-added and merged ones too', async () => {
    const template = 'infra/helm-charts/{service}/values-{env}.yaml'
    const path = (service: string) => `infra/helm-charts/${service}/values-staging.yaml`
    const repo = makeRemote({ [path('kept')]: values('1'), [path('deleted')]: values('1') })
    const dir = repo.clone
    commitFiles(dir, { [path('readded')]: values('1') }, 'add', at(2))
    git(dir, 'rm', '-q', path('deleted'), path('readded'))
    commitFiles(dir, {}, 'delete two', at(3))
    commitFiles(dir, { [path('readded')]: values('2') }, 'add again', at(4))
    git(dir, 'checkout', '-q', '-b', 'side')
    commitFiles(dir, { [path('merged')]: values('1') }, 'on a branch', at(5))
    git(dir, 'checkout', '-q', 'main')
    commitFiles(dir, { 'README.md': 'x\n' }, 'meanwhile', at(6))
    git(dir, 'merge', '-q', '--no-ff', '-m', 'merge', 'side')
    const history = await GitOpsHistory.load(dir, 'HEAD', [templatePathspec(template, 'staging')])
    try {
      const tree = git(dir, 'ls-tree', '-r', '--name-only', 'HEAD').split('\n')
      expect(history.presentFiles().sort()).toEqual(
        tree.filter((f) => f.endsWith('values-staging.yaml')).sort(),
      )
      expect(history.presentFiles().sort()).toEqual([path('kept'), path('merged'), path('readded')])
    } finally {
      history.close()
    }
  })

  it('reads the first commit, odd file names and its pathspec whatever git is configured to do', async () => {
    const template = 'infra/helm-charts/{service}/values-{env}.yaml'
    const odd = 'infra/helm-charts/we\x1eird/values-staging.yaml'
    const repo = makeRemote({ [FILE]: values('1.0.0'), [odd]: values('1.0.0') })
    const dir = repo.clone
    const root = git(dir, 'rev-parse', 'HEAD')
    commitFiles(dir, { 'README.md': 'x\n' }, 'unrelated', at(2))
    // A runner's git may hide the root commit's files and read pathspecs literally.
    const env = {
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'log.showRoot',
      GIT_CONFIG_VALUE_0: 'false',
      GIT_LITERAL_PATHSPECS: '1',
    }
    const history = await GitOpsHistory.load(
      dir,
      'HEAD',
      [templatePathspec(template, 'staging')],
      env,
    )
    try {
      expect(history.presentFiles().sort()).toEqual([FILE, odd].sort())
      expect(history.headOf([FILE])).toBe(root)
      expect(await history.valueOrigin(FILE, 'image.tag', '1.0.0')).toMatchObject({
        commit: root,
        previous: undefined,
      })
    } finally {
      history.close()
    }
  })
})
