import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  type GitHubEvent,
  mergeGroupEvent,
  pullRequestEvent,
  pushEvent,
  ZEROS,
} from '../fixtures/github-events'
import { commitFiles, git, makeRemote, recordingGit, tempDir } from '../harness/git-fixtures'
import { runAction } from '../harness/run-action'

const INITIAL = {
  'services/cart/Dockerfile': 'FROM scratch\n',
  'services/cart/app.py': 'cart = 1\n',
  'services/orders/Dockerfile': 'FROM scratch\n',
  'services/orders/lib.py': 'orders = 1\n',
  'services/search/Dockerfile': 'FROM scratch\n',
  'services/docs-only/README.md': 'not a service: no Dockerfile\n',
  'libs/common/util.py': 'x = 1\n',
  'README.md': '# shop\n',
}

function repo() {
  const remote = makeRemote(INITIAL)
  const initial = git(remote.clone, 'rev-parse', 'HEAD')
  return { ...remote, initial }
}

function push(dir: string, branch = 'main') {
  git(dir, 'push', '-q', 'origin', `HEAD:refs/heads/${branch}`)
}

async function detect(
  workspace: string,
  event: GitHubEvent,
  inputs: Record<string, string> = {},
  env: Record<string, string> = {},
) {
  const result = await runAction('detect-changes', {
    inputs,
    eventName: event.eventName,
    event: event.payload,
    env: { ...event.env, ...env },
    workspace,
  })
  return {
    ...result,
    services: result.outputs.services ? JSON.parse(result.outputs.services) : undefined,
  }
}

describe('detect-changes on push', () => {
  it('lists the services a push touched, as a list and a ready matrix', async () => {
    const r = repo()
    const after = commitFiles(r.clone, { 'services/cart/app.py': 'cart = 2\n' })
    const result = await detect(
      r.clone,
      pushEvent('refs/heads/main', { before: r.initial, sha: after }),
    )
    expect(result.exitCode, result.stdout).toBe(0)
    expect(result.outputs).toEqual({
      services: '["cart"]',
      matrix: JSON.stringify({
        include: [
          { service: 'cart', context: 'services/cart', dockerfile: 'services/cart/Dockerfile' },
        ],
      }),
      'any-changed': 'true',
      'all-services': '["cart","orders","search"]',
      base: r.initial,
      head: after,
    })
    expect(result.summary).toContain(
      '<td>cart</td><td>yes</td><td><code>services/cart/app.py</code></td>',
    )
    expect(result.summary).toContain('<td>orders</td><td>no</td>')
  })

  it('a change outside every service: nothing changed, an empty matrix', async () => {
    const r = repo()
    const after = commitFiles(r.clone, {
      'README.md': '# shop!\n',
      'services/docs-only/README.md': 'x\n',
    })
    const result = await detect(
      r.clone,
      pushEvent('refs/heads/main', { before: r.initial, sha: after }),
    )
    expect(result.services).toEqual([])
    expect(result.outputs['any-changed']).toBe('false')
    expect(result.outputs.matrix).toBe('{"include":[]}')
  })

  it('a shared path marks every service changed', async () => {
    const r = repo()
    const after = commitFiles(r.clone, { 'libs/common/util.py': 'x = 2\n' })
    const event = pushEvent('refs/heads/main', { before: r.initial, sha: after })
    expect((await detect(r.clone, event)).services).toEqual([])
    const result = await detect(r.clone, event, { 'shared-paths': 'libs/**\n.github/workflows/**' })
    expect(result.services).toEqual(['cart', 'orders', 'search'])
    expect(result.summary).toContain('<code>shared: libs/common/util.py</code>')
  })

  it('all-zeros before, and the first push of a branch: every service', async () => {
    const r = repo()
    const after = commitFiles(r.clone, { 'services/cart/app.py': 'cart = 2\n' })
    for (const event of [
      pushEvent('refs/heads/main', { before: ZEROS, sha: after }),
      pushEvent('refs/heads/feature/new', { created: true, sha: after }),
    ]) {
      const result = await detect(r.clone, event)
      expect(result.exitCode, result.stdout).toBe(0)
      expect(result.services).toEqual(['cart', 'orders', 'search'])
      expect(result.outputs.base).toBe('')
    }
  })

  it('a services-dir that is not there fails, rather than building nothing', async () => {
    const r = repo()
    const after = commitFiles(r.clone, { 'services/cart/app.py': 'cart = 7\n' })
    const event = pushEvent('refs/heads/main', { before: r.initial, sha: after })
    const wrong = await detect(r.clone, event, { 'services-dir': 'apps' })
    expect(wrong.exitCode).toBe(1)
    expect(wrong.annotations.map((a) => a.message)).toEqual([
      expect.stringMatching(/^Input services-dir: "apps" is not a folder of the repository/),
    ])
    expect(wrong.outputs).toEqual({})
    // A folder with no service yet: a warning, and nothing to build.
    const empty = await detect(r.clone, event, { 'services-dir': 'libs' })
    expect(empty.exitCode, empty.stdout).toBe(0)
    expect(empty.outputs).toMatchObject({ 'any-changed': 'false', 'all-services': '[]' })
    expect(empty.annotations).toEqual([
      expect.objectContaining({
        level: 'warning',
        message: 'No service found: no libs/<service>/Dockerfile in the commit compared',
      }),
    ])
  })

  it('a deleted branch builds nothing', async () => {
    const r = repo()
    const result = await detect(
      r.clone,
      pushEvent('refs/heads/gone', { deleted: true, sha: ZEROS }),
    )
    expect(result.exitCode, result.stdout).toBe(0)
    expect(result.outputs['any-changed']).toBe('false')
  })

  it('a merge commit: only what the merged branch brought in', async () => {
    const r = repo()
    const mainBefore = commitFiles(
      r.clone,
      { 'services/cart/app.py': 'cart = 2\n' },
      'cart on main',
    )
    push(r.clone)
    git(r.clone, 'checkout', '-q', '-b', 'feature', r.initial)
    commitFiles(r.clone, { 'services/orders/lib.py': 'orders = 2\n' }, 'orders on feature')
    git(r.clone, 'checkout', '-q', 'main')
    git(
      r.clone,
      '-c',
      'user.name=t',
      '-c',
      'user.email=t@example.test',
      'merge',
      '-q',
      '--no-ff',
      '-m',
      'merge',
      'feature',
    )
    const merge = git(r.clone, 'rev-parse', 'HEAD')
    push(r.clone)
    const result = await detect(
      r.clone,
      pushEvent('refs/heads/main', { before: mainBefore, sha: merge }),
    )
    expect(result.services).toEqual(['orders'])
  })

  it('renames: a moved service is the new name; a file moved across services touches both', async () => {
    const r = repo()
    git(r.clone, 'mv', 'services/cart', 'services/basket')
    const renamed = commitFiles(r.clone, {}, 'rename cart')
    const first = await detect(
      r.clone,
      pushEvent('refs/heads/main', { before: r.initial, sha: renamed }),
    )
    expect(first.services).toEqual(['basket'])
    expect(first.outputs['all-services']).toBe('["basket","orders","search"]')

    git(r.clone, 'mv', 'services/orders/lib.py', 'services/search/lib.py')
    const moved = commitFiles(r.clone, {}, 'move lib')
    const second = await detect(
      r.clone,
      pushEvent('refs/heads/main', { before: renamed, sha: moved }),
    )
    expect(second.services).toEqual(['orders', 'search'])
  })
})

describe('detect-changes through the root action', () => {
  it("command: detect-changes applies this action's defaults (services-dir, remote)", async () => {
    const r = repo()
    const after = commitFiles(r.clone, { 'services/search/q.py': '1\n' })
    const event = pushEvent('refs/heads/main', { before: r.initial, sha: after })
    const result = await runAction('index', {
      inputs: { command: 'detect-changes' },
      eventName: event.eventName,
      event: event.payload,
      env: event.env,
      workspace: r.clone,
    })
    expect(result.exitCode, result.stdout).toBe(0)
    expect(result.outputs.services).toBe('["search"]')
  })
})

describe('detect-changes on pull requests', () => {
  it('compares the head with its merge base: changes on the base branch since do not count', async () => {
    const r = repo()
    git(r.clone, 'checkout', '-q', '-b', 'feature')
    const head = commitFiles(r.clone, { 'services/orders/lib.py': 'orders = 2\n' }, 'orders')
    push(r.clone, 'feature')
    git(r.clone, 'checkout', '-q', 'main')
    const base = commitFiles(r.clone, { 'services/search/x.py': '1\n' }, 'search on main')
    push(r.clone)
    const event = pullRequestEvent('feature', { headSha: head, baseSha: base })
    const result = await detect(r.clone, event)
    expect(result.exitCode, result.stdout).toBe(0)
    expect(result.services).toEqual(['orders'])
    expect(result.outputs.base).toBe(r.initial)
    expect(result.outputs.head).toBe(head)
  })
})

describe('detect-changes in a shallow clone', () => {
  function history() {
    const r = repo()
    const shas = [r.initial]
    for (let i = 1; i <= 4; i++) {
      shas.push(
        commitFiles(
          r.clone,
          { [`services/${i % 2 ? 'cart' : 'search'}/f${i}`]: `${i}\n` },
          `c${i}`,
        ),
      )
    }
    push(r.clone)
    const shallow = join(tempDir('shallow-'), 'repo')
    git(r.clone, 'clone', '-q', '--depth', '1', `file://${r.bare}`, shallow)
    expect(git(shallow, 'rev-parse', '--is-shallow-repository')).toBe('true')
    return { ...r, shas, shallow }
  }

  it('fetches the push base it lacks', async () => {
    const h = history()
    const recorder = recordingGit()
    const result = await detect(
      h.shallow,
      pushEvent('refs/heads/main', { before: h.shas[2]!, sha: h.shas[4]! }),
      {},
      recorder.env,
    )
    expect(result.exitCode, result.stdout).toBe(0)
    expect(result.services).toEqual(['cart', 'search'])
    expect(result.stdout).toContain(`git fetch --depth=1 origin ${h.shas[2]}`)
    // A shallow clone goes the careful way at once: no quick diff to fail first.
    expect(recorder.commands().filter((command) => command === 'diff')).toEqual(['diff'])
  })

  it('deepens until a pull request base and head meet', async () => {
    const h = history()
    git(h.clone, 'checkout', '-q', '-b', 'feature', h.shas[1]!)
    const head = commitFiles(h.clone, { 'services/orders/lib.py': 'orders = 3\n' }, 'orders')
    push(h.clone, 'feature')
    const result = await detect(
      h.shallow,
      pullRequestEvent('feature', { headSha: head, baseSha: h.shas[4]! }),
    )
    expect(result.exitCode, result.stdout).toBe(0)
    expect(result.services).toEqual(['orders'])
    expect(result.outputs.base).toBe(h.shas[1])
    expect(result.stdout).toContain(`git fetch --depth=50 origin ${h.shas[4]} ${head}`)
  })

  it('merge queue: what the group adds to its base, fetching the base it lacks', async () => {
    const h = history()
    // The queue's commit: main's tip (its base) with the pull request merged in.
    const head = commitFiles(h.clone, { 'services/orders/lib.py': 'orders = 2\n' }, 'group')
    const queue = `gh-readonly-queue/main/pr-42-${h.shas[4]}`
    push(h.clone, queue)
    // actions/checkout fetches only the group's commit.
    const checkout = join(tempDir('queue-'), 'repo')
    git(h.clone, 'clone', '-q', '--depth', '1', '--branch', queue, `file://${h.bare}`, checkout)
    const result = await detect(checkout, mergeGroupEvent('main', head, h.shas[4]!))
    expect(result.exitCode, result.stdout).toBe(0)
    expect(result.services).toEqual(['orders'])
    expect(result.outputs).toMatchObject({ base: h.shas[4], head })
    expect(result.stdout).toContain(`Range: ${h.shas[4]}..${head} (merge group into main)`)
    expect(result.stdout).toContain(`git fetch --depth=1 origin ${h.shas[4]}`)
  })

  it('says clearly when it cannot fetch', async () => {
    const h = history()
    git(h.shallow, 'remote', 'set-url', 'origin', `file://${join(h.bare, 'nowhere')}`)
    const result = await detect(
      h.shallow,
      pushEvent('refs/heads/main', { before: h.shas[1]!, sha: h.shas[4]! }),
    )
    expect(result.exitCode).toBe(1)
    expect(result.annotations).toHaveLength(1)
    expect(result.annotations[0]!.message).toMatch(
      new RegExp(
        `^Cannot fetch commit ${h.shas[1]} from origin: .*actions/checkout fetch-depth: 0`,
      ),
    )
  })
})

// Every git process costs each CI run a few milliseconds: in a full clone
// (service-ci.yml checks out with fetch-depth: 0) the run asks git only for
// the tree and the diff, all at once. Anything less plain takes the careful
// path (rev-parse first, fetches, merge-base), with the same answers.
describe('detect-changes: one round of git in a full clone, the careful path otherwise', () => {
  it('a push: the tree and the diff, and no other git process', async () => {
    const r = repo()
    const after = commitFiles(r.clone, { 'services/search/x.py': '1\n' })
    const recorder = recordingGit()
    const result = await detect(
      r.clone,
      pushEvent('refs/heads/main', { before: r.initial, sha: after }),
      {},
      recorder.env,
    )
    expect(result.exitCode, result.stdout).toBe(0)
    expect(result.outputs).toMatchObject({ services: '["search"]', base: r.initial, head: after })
    expect(recorder.commands()).toEqual(['diff', 'ls-tree'])
  })

  it('a pull request: its merge base in the same round', async () => {
    const r = repo()
    git(r.clone, 'checkout', '-q', '-b', 'feature')
    const head = commitFiles(r.clone, { 'services/orders/lib.py': 'orders = 2\n' }, 'orders')
    git(r.clone, 'checkout', '-q', 'main')
    const base = commitFiles(r.clone, { 'services/search/x.py': '1\n' }, 'search on main')
    const recorder = recordingGit()
    const event = pullRequestEvent('feature', { headSha: head, baseSha: base })
    const result = await detect(r.clone, event, {}, recorder.env)
    expect(result.exitCode, result.stdout).toBe(0)
    expect(result.outputs).toMatchObject({ services: '["orders"]', base: r.initial, head })
    expect(recorder.commands()).toEqual(['diff', 'ls-tree', 'merge-base'])
  })

  it('two merge bases (criss-cross merges): the one git merge-base names, as before', async () => {
    const r = repo()
    git(r.clone, 'checkout', '-q', '-b', 'feature')
    const f1 = commitFiles(r.clone, { 'services/orders/lib.py': 'orders = 2\n' }, 'f1')
    git(r.clone, 'checkout', '-q', 'main')
    const m1 = commitFiles(r.clone, { 'services/search/x.py': '1\n' }, 'm1')
    git(r.clone, 'merge', '-q', '--no-edit', f1)
    git(r.clone, 'checkout', '-q', 'feature')
    git(r.clone, 'merge', '-q', '--no-edit', m1)
    const head = commitFiles(r.clone, { 'services/cart/app.py': 'cart = 2\n' }, 'f2')
    git(r.clone, 'checkout', '-q', 'main')
    const base = commitFiles(r.clone, { 'README.md': 'x\n' }, 'm2')
    expect(git(r.clone, 'merge-base', '--all', base, head).split('\n')).toHaveLength(2)
    const recorder = recordingGit()
    const event = pullRequestEvent('feature', { headSha: head, baseSha: base })
    const result = await detect(r.clone, event, {}, recorder.env)
    expect(result.exitCode, result.stdout).toBe(0)
    const chosen = git(r.clone, 'merge-base', base, head)
    expect(result.outputs.base).toBe(chosen)
    expect(result.services).toEqual(
      JSON.parse(result.outputs['all-services']!).filter((s: string) =>
        git(r.clone, 'diff', '--name-only', chosen, head).includes(`services/${s}/`),
      ),
    )
    expect(recorder.commands()).toContain('rev-parse')
  })

  it('the path a subdirectory of the checkout, or GIT_DIR set: the careful path', async () => {
    const r = repo()
    const after = commitFiles(r.clone, { 'services/cart/app.py': 'cart = 3\n' })
    const event = pushEvent('refs/heads/main', { before: r.initial, sha: after })
    for (const [inputs, env] of [
      [{ path: 'services' }, {}],
      [{}, { GIT_DIR: join(r.clone, '.git') }],
    ] as const) {
      const recorder = recordingGit()
      const result = await detect(r.clone, event, inputs, { ...recorder.env, ...env })
      expect(result.exitCode, result.stdout).toBe(0)
      expect(result.outputs).toMatchObject({ services: '["cart"]', base: r.initial, head: after })
      expect(recorder.commands()).toContain('rev-parse')
    }
  })

  it('a .git git would not take, or a core.worktree: the careful path, with its answer', async () => {
    const r = repo()
    const after = commitFiles(r.clone, { 'services/cart/app.py': 'cart = 5\n' })
    const event = pushEvent('refs/heads/main', { before: r.initial, sha: after })
    // An empty .git below the root: git walks past it to the clone.
    mkdirSync(join(r.clone, 'services', '.git'))
    const below = recordingGit()
    const nested = await detect(r.clone, event, { path: 'services' }, below.env)
    expect(nested.exitCode, nested.stdout).toBe(0)
    expect(nested.outputs).toMatchObject({ services: '["cart"]', base: r.initial, head: after })
    expect(below.commands()).toContain('rev-parse')
    // core.worktree names where the work tree is; here, the clone itself.
    git(r.clone, 'config', 'core.worktree', r.clone)
    const configured = recordingGit()
    const result = await detect(r.clone, event, {}, configured.env)
    expect(result.exitCode, result.stdout).toBe(0)
    expect(result.outputs).toMatchObject({ services: '["cart"]', base: r.initial, head: after })
    expect(configured.commands()).toContain('rev-parse')
  })

  it('every service from a services file still proves the head is there', async () => {
    const r = repo()
    writeFileSync(join(r.clone, 'services.yml'), 'services:\n  - cart\n')
    const missing = 'a'.repeat(40)
    const result = await detect(
      r.clone,
      pushEvent('refs/heads/main', { before: ZEROS, sha: missing }),
      {
        config: 'services.yml',
      },
    )
    expect(result.exitCode).toBe(1)
    expect(result.annotations).toHaveLength(1)
    expect(result.annotations[0]!.message).toMatch(
      new RegExp(`^Cannot fetch commit ${missing} from origin: .*not our ref`),
    )
  })

  it('a workspace reached through a symlink: messages name the real path, as git does', async () => {
    const r = repo()
    const after = commitFiles(r.clone, { 'services/cart/app.py': 'cart = 6\n' })
    const link = join(tempDir('link-'), 'ws')
    symlinkSync(r.clone, link)
    const result = await detect(
      link,
      pushEvent('refs/heads/main', { before: r.initial, sha: after }),
      { config: 'nowhere.yml' },
    )
    expect(result.exitCode).toBe(1)
    expect(result.annotations.map((a) => a.message)).toEqual([
      `Input config: nowhere.yml does not exist in ${realpathSync(r.clone)}`,
    ])
  })

  it('a tree id where a commit belongs is refused, as before', async () => {
    const r = repo()
    const after = commitFiles(r.clone, { 'services/cart/app.py': 'cart = 4\n' })
    const tree = git(r.clone, 'rev-parse', `${r.initial}^{tree}`)
    const result = await detect(r.clone, pushEvent('refs/heads/main', { before: tree, sha: after }))
    expect(result.exitCode).toBe(1)
    expect(result.annotations.map((a) => a.message)).toEqual([
      `Commit ${tree} is not in origin (was it force-pushed away?)`,
    ])
  })
})

describe('detect-changes with a services file', () => {
  const config = [
    'services:',
    '  - cart',
    '  - name: api',
    '    context: src/api',
    '    paths: [proto/api/**]',
    'shared-paths:',
    '  - libs/**',
    '',
  ].join('\n')

  it('uses the listed services, their extra paths and shared paths', async () => {
    const r = repo()
    commitFiles(r.clone, { '.github/services.yml': config, 'src/api/Dockerfile': 'FROM scratch\n' })
    const base = git(r.clone, 'rev-parse', 'HEAD')
    const proto = commitFiles(r.clone, { 'proto/api/v1.proto': 'syntax = "proto3";\n' })
    const result = await detect(
      r.clone,
      pushEvent('refs/heads/main', { before: base, sha: proto }),
      {
        config: '.github/services.yml',
      },
    )
    expect(result.exitCode, result.stdout).toBe(0)
    expect(result.services).toEqual(['api'])
    expect(JSON.parse(result.outputs.matrix!).include).toEqual([
      { service: 'api', context: 'src/api', dockerfile: 'src/api/Dockerfile' },
    ])
    const shared = commitFiles(r.clone, { 'libs/common/util.py': 'x = 3\n' })
    const all = await detect(
      r.clone,
      pushEvent('refs/heads/main', { before: proto, sha: shared }),
      {
        config: '.github/services.yml',
      },
    )
    expect(all.services).toEqual(['cart', 'api'])
  })

  it('points at the line and column of a mistake', async () => {
    const r = repo()
    const after = commitFiles(r.clone, {
      'ci/services.yml': 'services:\n  - cart\n  - name: ../etc\n',
    })
    const result = await detect(
      r.clone,
      pushEvent('refs/heads/main', { before: r.initial, sha: after }),
      {
        config: 'ci/services.yml',
      },
    )
    expect(result.exitCode).toBe(1)
    expect(result.annotations).toEqual([
      {
        level: 'error',
        properties: 'file=ci/services.yml,line=3,col=11',
        message: 'ci/services.yml: service name must be one image path component, got "../etc"',
      },
    ])
  })
})

describe('detect-changes refuses hostile input', () => {
  it.each([
    ['base', '--upload-pack=touch /tmp/pwned'],
    ['head', '$(id)'],
    ['remote', '-oProxyCommand=id'],
  ])('%s = %s', async (input, value) => {
    const r = repo()
    const result = await detect(r.clone, pushEvent('refs/heads/main', { before: r.initial }), {
      [input]: value,
    })
    expect(result.exitCode).toBe(1)
    expect(result.annotations[0]!.message).toBe(
      `Input ${input} must be a commit SHA or a ref name, got ${JSON.stringify(value)}`,
    )
  })

  it('a path outside the workspace', async () => {
    const r = repo()
    const result = await detect(r.clone, pushEvent('refs/heads/main'), { path: '../..' })
    expect(result.exitCode).toBe(1)
    expect(result.annotations[0]!.message).toMatch(
      /^Input path must be a path inside the workspace/,
    )
  })
})
