// `npm run release` end to end: the script runs as a process in a clone of a
// local bare remote (real git: commits, annotated tags, an atomic push) and
// creates the release on a local stand-in for the GitHub API.
import { execFile } from 'node:child_process'
import { chmodSync, mkdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cloneOf, commitFiles, git, makeRemote, TEST_AUTHOR } from './harness/git-fixtures'
import { type FakeGitHub, startFakeGitHub } from './harness/github-api'
import { ROOT } from './harness/run-action'

const SCRIPT = join(ROOT, 'scripts/release.mjs')

// A miniature library: a build that derives dist/ from src/ and an installed
// dependency, and a published workflow that reaches its own action through $/.
// Like webpack under ncc, the build names the dependency by its real path
// relative to the project: a node_modules that is a link to another tree
// changes the output.
const BUILD = [
  "import { mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs'",
  "import { relative } from 'node:path'",
  "const dep = relative('.', realpathSync('node_modules/dep/index.js'))",
  "mkdirSync('dist', { recursive: true })",
  "writeFileSync('dist/index.js', `// built with ${dep}\\n` + readFileSync('src/index.js', 'utf8'))",
  '',
].join('\n')
const BUILT = '// built with node_modules/dep/index.js\n'
const LIBRARY = {
  'package.json': JSON.stringify({
    name: 'lib',
    private: true,
    scripts: { build: 'node build.mjs' },
  }),
  'build.mjs': BUILD,
  'src/index.js': 'export const a = 1\n',
  'dist/index.js': `${BUILT}export const a = 1\n`,
  '.gitignore': 'node_modules\n',
  '.github/workflows/deploy.yml': [
    'name: deploy',
    'on: workflow_call',
    'jobs:',
    '  deploy:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: $/actions/bump-helm-values',
    '',
  ].join('\n'),
  '.github/workflows/internal-e2e.yml':
    '# internal\nsteps:\n  - uses: ./actions/kind-integration\n',
}

interface Run {
  code: number
  stdout: string
  stderr: string
}

let api: FakeGitHub
let repo: { bare: string; clone: string }

beforeEach(async () => {
  api = await startFakeGitHub({
    'POST /repos/:owner/:repo/releases': (request) => ({
      status: 201,
      body: {
        id: 7,
        html_url: `https://github.test/minishop/actions/releases/tag/${(request.body as { tag_name: string }).tag_name}`,
      },
    }),
  })
  repo = makeRemote(LIBRARY)
  // Installed, not committed (.gitignore), as npm ci leaves it.
  mkdirSync(join(repo.clone, 'node_modules/dep'), { recursive: true })
  writeFileSync(join(repo.clone, 'node_modules/dep/index.js'), 'module.exports = 1\n')
  // The last release, v1.0.0, with its floating tags.
  git(repo.clone, 'tag', '-a', 'v1.0.0', '-m', 'v1.0.0')
  git(repo.clone, 'tag', '-a', 'v1.0', '-m', 'v1.0')
  git(repo.clone, 'tag', '-a', 'v1', '-m', 'v1')
  git(repo.clone, 'push', '-q', 'origin', '--tags')
  commitFiles(
    repo.clone,
    { 'src/index.js': 'export const a = 2\n', 'dist/index.js': `${BUILT}export const a = 2\n` },
    'feat: a is 2',
  )
  commitFiles(repo.clone, { 'README.md': 'docs\n' }, 'fix(docs): say what a is')
})

afterEach(async () => {
  await api.close()
})

function release(args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [SCRIPT, ...args],
      {
        cwd: repo.clone,
        env: {
          ...process.env,
          ...TEST_AUTHOR,
          GIT_CONFIG_NOSYSTEM: '1',
          GITHUB_API_URL: api.url,
          GITHUB_TOKEN: 'release-token',
          GITHUB_REPOSITORY: 'minishop/actions',
          GITHUB_SERVER_URL: 'https://github.test',
          GH_TOKEN: undefined,
          ...env,
        },
      },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
      },
    )
  })
}

/** Every ref, HEAD, the working tree and the remote: what "changes nothing" compares. */
function snapshot() {
  return {
    localRefs: git(repo.clone, 'for-each-ref', '--format=%(refname) %(objectname)'),
    head: git(repo.clone, 'rev-parse', 'HEAD'),
    branch: git(repo.clone, 'rev-parse', '--abbrev-ref', 'HEAD'),
    status: git(repo.clone, 'status', '--porcelain'),
    remoteRefs: git(repo.bare, 'for-each-ref', '--format=%(refname) %(objectname)'),
    worktrees: git(repo.clone, 'worktree', 'list', '--porcelain'),
  }
}

/** The commit a tag on the remote points at. */
function remoteTag(tag: string): string {
  return git(repo.bare, 'rev-parse', `refs/tags/${tag}^{commit}`)
}

function releases(): { body: Record<string, unknown>; headers: Record<string, unknown> }[] {
  return api.requests
    .filter((r) => r.method === 'POST' && r.path === '/repos/minishop/actions/releases')
    .map((r) => ({ body: r.body as Record<string, unknown>, headers: r.headers }))
}

describe('npm run release', () => {
  it('writes the changelog, tags, moves vX and vX.Y, pushes and creates the GitHub release', async () => {
    const before = git(repo.clone, 'rev-parse', 'HEAD')
    const v100 = remoteTag('v1.0.0')
    const run = await release(['1.1.0'])
    expect(run.stderr).not.toMatch(/release:/)
    expect(run.code).toBe(0)

    // The release commit: CHANGELOG.md only, on main, pushed.
    const releaseCommit = git(repo.bare, 'rev-parse', 'refs/heads/main')
    expect(git(repo.clone, 'rev-parse', 'HEAD')).toBe(releaseCommit)
    expect(git(repo.bare, 'rev-parse', `${releaseCommit}^`)).toBe(before)
    expect(git(repo.bare, 'log', '-1', '--format=%s', releaseCommit)).toBe('Release v1.1.0')
    expect(git(repo.bare, 'diff-tree', '--no-commit-id', '--name-only', '-r', releaseCommit)).toBe(
      'CHANGELOG.md',
    )
    const changelog = git(repo.bare, 'show', `${releaseCommit}:CHANGELOG.md`)
    expect(changelog).toMatch(/^# Changelog\n/)
    expect(changelog).toMatch(/^## v1\.1\.0 \(\d{4}-\d{2}-\d{2}\)$/m)
    expect(changelog).toMatch(
      /### Features\n\n- feat: a is 2 \(\[[0-9a-f]{7}\]\(https:\/\/github\.test\/minishop\/actions\/commit\/[0-9a-f]{40}\)\)/,
    )
    expect(changelog).toMatch(/### Fixes\n\n- fix\(docs\): say what a is/)
    expect(changelog).toContain(
      '**Full changelog**: https://github.test/minishop/actions/compare/v1.0.0...v1.1.0',
    )

    // vX.Y.Z annotated and new; v1 moved; v1.1 created; v1.0 and v1.0.0 untouched.
    expect(git(repo.bare, 'cat-file', '-t', 'refs/tags/v1.1.0')).toBe('tag')
    expect(git(repo.bare, 'tag', '-l', '--format=%(contents)', 'v1.1.0')).toContain('## v1.1.0')
    expect(remoteTag('v1.1.0')).toBe(releaseCommit)
    expect(remoteTag('v1')).toBe(releaseCommit)
    expect(remoteTag('v1.1')).toBe(releaseCommit)
    expect(remoteTag('v1.0')).toBe(v100)
    expect(remoteTag('v1.0.0')).toBe(v100)

    // The GitHub release, through GITHUB_API_URL, with the changelog section.
    const [created, ...more] = releases()
    expect(more).toEqual([])
    expect(created!.headers.authorization).toBe('Bearer release-token')
    expect(created!.body).toMatchObject({
      tag_name: 'v1.1.0',
      name: 'v1.1.0',
      prerelease: false,
      make_latest: 'true',
      draft: false,
    })
    expect(String(created!.body.body)).toMatch(/^## v1\.1\.0 .*\n\n### Features\n/)
    expect(run.stdout).toContain(
      'created the GitHub release https://github.test/minishop/actions/releases/tag/v1.1.0',
    )
    expect(snapshot().status).toBe('')
    expect(snapshot().worktrees.split('\n\n')).toHaveLength(1)
  })

  it('moves the floating tags again on the next release, newest section first', async () => {
    expect((await release(['1.1.0'])).code).toBe(0)
    commitFiles(repo.clone, { 'notes.txt': 'x\n' }, 'fix: a small thing')
    git(repo.clone, 'push', '-q', 'origin', 'main')
    const run = await release(['v1.1.1'])
    expect(run.code).toBe(0)
    const head = git(repo.bare, 'rev-parse', 'refs/heads/main')
    expect(remoteTag('v1')).toBe(head)
    expect(remoteTag('v1.1')).toBe(head)
    expect(remoteTag('v1.1.1')).toBe(head)
    const changelog = readFileSync(join(repo.clone, 'CHANGELOG.md'), 'utf8')
    expect(changelog.indexOf('## v1.1.1')).toBeLessThan(changelog.indexOf('## v1.1.0'))
    expect(changelog.match(/^# Changelog/gm)).toHaveLength(1)
    const section = String(releases()[1]!.body.body)
    expect(section).toContain('fix: a small thing')
    expect(section).not.toContain('a is 2')
  })

  it('a pre-release moves no floating tag and is no "latest" release', async () => {
    const v1 = remoteTag('v1')
    const run = await release(['2.0.0-rc.1'])
    expect(run.code).toBe(0)
    expect(remoteTag('v2.0.0-rc.1')).toBe(git(repo.bare, 'rev-parse', 'refs/heads/main'))
    expect(remoteTag('v1')).toBe(v1)
    expect(git(repo.bare, 'tag', '-l', 'v2', 'v2.0')).toBe('')
    expect(releases()[0]!.body).toMatchObject({ prerelease: true, make_latest: 'false' })
    expect(run.stdout).toContain('pre-release: vX and vX.Y stay where they are')
  })

  it('--dry-run prints everything and changes nothing', async () => {
    const before = snapshot()
    const run = await release(['1.1.0', '--dry-run', '--pin-self-references'], {
      GITHUB_TOKEN: undefined,
    })
    expect(run.stderr).not.toMatch(/release:/)
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(
      'Release v1.1.0 of minishop/actions from main (2 commits since v1.0.0)',
    )
    expect(run.stdout).toMatch(/--- CHANGELOG\.md: new section\n## v1\.1\.0 /)
    expect(run.stdout).toContain('- feat: a is 2')
    expect(run.stdout).toContain('commit "Release v1.1.0" (CHANGELOG.md) on main')
    expect(run.stdout).toContain(
      'pin 1 self-reference(s) in .github/workflows/deploy.yml to minishop/actions/...@v1.1.0',
    )
    expect(run.stdout).toContain('tag v1.1.0 (annotated)')
    expect(run.stdout).toMatch(/move v1: [0-9a-f]{12} -> v1\.1\.0/)
    expect(run.stdout).toContain('move v1.1: (new) -> v1.1.0')
    expect(run.stdout).toContain(
      'git push --atomic origin refs/heads/main:refs/heads/main refs/tags/v1.1.0:refs/tags/v1.1.0 +refs/tags/v1:refs/tags/v1 +refs/tags/v1.1:refs/tags/v1.1',
    )
    expect(run.stdout).toContain(`POST ${api.url}/repos/minishop/actions/releases`)
    expect(run.stdout).toContain('"tag_name": "v1.1.0"')
    expect(run.stdout).toContain('dry run: nothing was written, tagged, pushed or created')
    expect(snapshot()).toEqual(before)
    expect(api.requests).toEqual([])
  })

  it('--pin-self-references pins $/ in the tagged commit only; the branch keeps $/', async () => {
    const run = await release(['1.1.0', '--pin-self-references'])
    expect(run.code).toBe(0)
    const main = git(repo.bare, 'rev-parse', 'refs/heads/main')
    const tagged = remoteTag('v1.1.0')
    expect(tagged).not.toBe(main)
    expect(git(repo.bare, 'rev-parse', `${tagged}^`)).toBe(main)
    expect(remoteTag('v1')).toBe(tagged)
    expect(remoteTag('v1.1')).toBe(tagged)
    expect(git(repo.bare, 'show', `${tagged}:.github/workflows/deploy.yml`)).toContain(
      '      - uses: minishop/actions/actions/bump-helm-values@v1.1.0',
    )
    expect(git(repo.bare, 'show', `${tagged}:.github/workflows/internal-e2e.yml`)).toContain(
      'uses: ./actions/kind-integration',
    )
    expect(git(repo.bare, 'show', `${main}:.github/workflows/deploy.yml`)).toContain(
      'uses: $/actions/bump-helm-values',
    )
    expect(git(repo.clone, 'symbolic-ref', '--short', 'HEAD')).toBe('main')
    expect(git(repo.clone, 'rev-parse', 'HEAD')).toBe(main)
    expect(snapshot().status).toBe('')
  })
})

describe('npm run release refuses, changing nothing', () => {
  async function expectRefusal(
    args: string[],
    message: RegExp,
    env: Record<string, string | undefined> = {},
  ) {
    const before = snapshot()
    const run = await release(args, env)
    expect(run.stderr).toMatch(message)
    expect(run.code).toBe(1)
    expect(snapshot()).toEqual(before)
    expect(api.requests).toEqual([])
    return run
  }

  it('a dirty tree (a changed or an untracked file)', async () => {
    writeFileSync(join(repo.clone, 'README.md'), 'changed\n')
    await expectRefusal(['1.1.0'], /the working tree is not clean.*\n M README\.md/)
    git(repo.clone, 'checkout', '--', 'README.md')
    writeFileSync(join(repo.clone, 'scratch.txt'), 'x\n')
    await expectRefusal(['1.1.0'], /not clean.*\n\?\? scratch\.txt/)
  })

  it('a stale dist/ (source changed, build not committed)', async () => {
    commitFiles(repo.clone, { 'src/index.js': 'export const a = 3\n' }, 'feat: a is 3')
    await expectRefusal(
      ['1.1.0'],
      /dist\/ \(or another build output\) differs from a fresh build of HEAD.*\n M dist\/index\.js/,
    )
  })

  it('node_modules on another file system: copied instead of hard-linked, links kept, and dist/ still matches', async () => {
    // npm's layout with a link inside node_modules: the build names the
    // dependency by its real path, so a link rewritten to point into the
    // maintainer's tree (out of the worktree) would make dist/ look stale.
    const modules = join(repo.clone, 'node_modules')
    mkdirSync(join(modules, '.store'))
    renameSync(join(modules, 'dep'), join(modules, '.store/dep'))
    symlinkSync('.store/dep', join(modules, 'dep'))
    commitFiles(
      repo.clone,
      { 'dist/index.js': '// built with node_modules/.store/dep/index.js\nexport const a = 2\n' },
      'build: the store layout',
    )
    // cp -al fails across file systems, leaving part of a tree; a stand-in does the same.
    const bin = join(repo.clone, '..', 'no-hard-links')
    mkdirSync(bin)
    const calls = join(bin, 'calls')
    writeFileSync(
      join(bin, 'cp'),
      `#!/bin/sh\necho "$*" >> '${calls}'\nfor last; do :; done\nmkdir -p "$last/half-copied"\necho "cp: cannot create hard link: Invalid cross-device link" >&2\nexit 1\n`,
    )
    chmodSync(join(bin, 'cp'), 0o755)
    const run = await release(['1.1.0'], { PATH: `${bin}:${process.env.PATH}` })
    expect(run.stderr).not.toMatch(/release:/)
    expect(run.code).toBe(0)
    expect(readFileSync(calls, 'utf8')).toMatch(/^-al .*node_modules .*node_modules\n$/)
    expect(remoteTag('v1.1.0')).toBe(git(repo.bare, 'rev-parse', 'refs/heads/main'))
    expect(snapshot().worktrees.split('\n\n')).toHaveLength(1)
  })

  it('a build that fails on a clean checkout', async () => {
    commitFiles(repo.clone, { 'build.mjs': 'process.exit(3)\n' }, 'break the build')
    await expectRefusal(['1.1.0'], /npm run build fails on a clean checkout of HEAD/)
  })

  it.each(['1.2', 'v1.x', '01.1.0', 'latest'])(
    'a version that is not semver: %s',
    async (version) => {
      await expectRefusal([version], /is not a semver version/)
    },
  )

  it('a version that is not greater than the last release', async () => {
    await expectRefusal(['1.0.0'], /v1\.0\.0 already exists/)
    await expectRefusal(['0.9.0'], /v0\.9\.0 is not greater than the last release v1\.0\.0/)
    await expectRefusal(['1.0.0-rc.1'], /not greater than the last release v1\.0\.0/)
  })

  it('a release tag that only the remote has counts too', async () => {
    const other = cloneOf(repo.bare)
    git(other, 'tag', '-a', 'v1.5.0', '-m', 'v1.5.0')
    git(other, 'push', '-q', 'origin', 'v1.5.0')
    await expectRefusal(['1.2.0'], /v1\.2\.0 is not greater than the last release v1\.5\.0/)
  })

  it('a branch behind its remote', async () => {
    const other = cloneOf(repo.bare)
    commitFiles(other, { 'other.txt': 'x\n' }, 'someone else')
    git(other, 'push', '-q', 'origin', 'main')
    await expectRefusal(['1.1.0'], /origin\/main has commits this checkout lacks/)
  })

  it('nothing to release since the last tag', async () => {
    git(repo.clone, 'reset', '-q', '--hard', 'v1.0.0')
    await expectRefusal(['1.0.1'], /nothing to release: no commits since v1\.0\.0/)
  })

  it('no token to create the GitHub release', async () => {
    await expectRefusal(['1.1.0'], /GITHUB_TOKEN \(or GH_TOKEN\) is needed/, {
      GITHUB_TOKEN: undefined,
    })
  })

  it('a detached HEAD', async () => {
    git(repo.clone, 'checkout', '-q', '--detach')
    await expectRefusal(['1.1.0'], /HEAD is detached/)
  })

  it('a push the remote rejects: branch and tags are restored locally, nothing is created', async () => {
    const hook = join(repo.bare, 'hooks/pre-receive')
    writeFileSync(hook, '#!/bin/sh\necho "protected branch" >&2\nexit 1\n')
    chmodSync(hook, 0o755)
    await expectRefusal(
      ['1.1.0'],
      /protected branch[\s\S]*nothing was pushed; main and the tags are back where they were/,
    )
  })

  it('without a version, it prints the usage (exit 2)', async () => {
    const run = await release([])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('the version is missing')
    expect(run.stderr).toContain('Usage: npm run release -- <version> [options]')
  })
})

describe('npm run release when the GitHub API fails', () => {
  it('says so after the push, and --release-only creates the release afterwards', async () => {
    api.on('POST /repos/:owner/:repo/releases', {
      status: 422,
      body: { message: 'Validation Failed' },
    })
    const run = await release(['1.1.0'])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('creating the GitHub release failed: 422')
    expect(run.stderr).toContain('npm run release -- v1.1.0 --release-only')
    expect(remoteTag('v1.1.0')).toBe(git(repo.bare, 'rev-parse', 'refs/heads/main'))

    api.on('POST /repos/:owner/:repo/releases', {
      status: 201,
      body: { html_url: 'https://github.test/r/1' },
    })
    const again = await release(['1.1.0', '--release-only'])
    expect(again.code).toBe(0)
    const bodies = releases().map((r) => r.body)
    expect(bodies).toHaveLength(2)
    expect(bodies[1]).toMatchObject({ tag_name: 'v1.1.0', prerelease: false })
    expect(String(bodies[1]!.body)).toMatch(/^## v1\.1\.0 [\s\S]*feat: a is 2/)
  })

  it('retries a 5xx answer', async () => {
    let calls = 0
    api.on('POST /repos/:owner/:repo/releases', () =>
      ++calls === 1 ? { status: 502, body: { message: 'bad gateway' } } : { status: 201, body: {} },
    )
    const run = await release(['1.1.0'])
    expect(run.code).toBe(0)
    expect(calls).toBe(2)
  })
})
