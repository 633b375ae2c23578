import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { DEPLOY, workspace as kindWorkspace } from '../test/actions/kind-integration.shared'
import { approval, day, stageManyServices, startGitHub } from '../test/actions/promote.fixtures'
import { setupStubs } from '../test/fixtures/kind-stubs'
import { realGit } from '../test/harness/git-fixtures'
import { ROOT, type RunOptions, runAction } from '../test/harness/run-action'
import { git, MINISHOP_SERVICES, valuesFile as sampleValues, writeGitOpsTree } from './generate'
import { BENCH_DIR, median, NODE, repeat, runNode, timed } from './measure'
import { record, writeResults } from './report'

// A GitHub-hosted runner starts node without NODE_EXTRA_CA_CERTS. Where it is
// set (this project's machine sets it for its package mirror), every node
// process reads and parses those certificates before running any code: about
// 40 ms here, which would inflate the floor and every action alike and hide
// what the actions themselves cost. Every process the bench starts runs
// without it.
delete process.env.NODE_EXTRA_CA_CERTS

const WORK = join(BENCH_DIR, 'work')
const probe = ['--require', join(BENCH_DIR, 'maxrss.cjs')]
let dirCount = 0
function freshDir(name: string): string {
  const dir = join(WORK, `${name}-${process.pid}-${dirCount++}`)
  mkdirSync(dir, { recursive: true })
  return dir
}

/**
 * A GitOps bare remote + clone holding what `write` writes, committed once,
 * then once per further step (with its message). Returns [bare, clone].
 */
function gitopsRemote(
  name: string,
  write: (dir: string) => void,
  ...steps: [message: string, (dir: string) => void][]
): { bare: string; clone: string } {
  const dir = freshDir(name)
  const bare = join(dir, 'remote.git')
  const seed = join(dir, 'seed')
  git(dir, 'init', '-q', '--bare', '--initial-branch=main', bare)
  git(dir, 'init', '-q', '--initial-branch=main', seed)
  for (const [message, step] of [['initial', write] as const, ...steps]) {
    step(seed)
    git(seed, 'add', '-A')
    git(seed, 'commit', '-q', '-m', message)
  }
  git(seed, 'push', '-q', bare, 'main')
  const clone = join(dir, 'clone')
  git(dir, 'clone', '-q', bare, clone)
  return { bare, clone }
}

/** Counts pushes that reach the remote (accepted or rejected), with a real hook. */
function countPushes(bare: string): string {
  const log = join(bare, 'push-attempts.log')
  writeFileSync(log, '')
  const hook = join(bare, 'hooks', 'pre-receive')
  writeFileSync(hook, `#!/bin/sh\necho push >> "${log}"\ncat > /dev/null\n`)
  chmodSync(hook, 0o755)
  return log
}

/** Runs a bundled action as the runner does; `ms` is its process's wall time, as the floor's is. */
async function timedAction(action: string, options: RunOptions) {
  const result = await runAction(action, { ...options, node: NODE, nodeArgs: probe })
  const ms = result.ms
  if (result.exitCode !== 0) {
    throw new Error(
      `${action} failed:\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-2000)}`,
    )
  }
  const rss = Number(/__MAXRSS_KB__=(\d+)/.exec(result.stderr)?.[1] ?? 0)
  return { ms, rssKb: rss, result }
}

const fmtMs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`)
const fmtMb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`

afterAll(() => {
  console.log(`\n${writeResults()}\n`)
})

describe('1. start-up of each bundled action (dry run, as a runner starts it)', () => {
  const RUNS = 15
  let floor = 0

  it('floor: node -e ""', async () => {
    const r = await repeat(RUNS, () => runNode(['-e', '']))
    floor = r.medianMs
    record(
      {
        section: 'start-up',
        measure: 'node -e "" (floor)',
        value: `${fmtMs(r.medianMs)}, ${fmtMb(r.maxRssKb)}`,
      },
      r,
    )
  })

  const tree = (dir: string) =>
    writeGitOpsTree(dir, MINISHOP_SERVICES, ['dev', 'staging', 'prod'], () => 300)
  const gitops = () => gitopsRemote('startup', tree)
  // A real promotion to plan: staging runs a new build of every service (a
  // commit with the trailers bump-helm-values writes), prod the old one. The
  // plan reads both, the history, and renders the diff.
  const stagingAhead = () =>
    gitopsRemote('startup-promote', tree, [
      `Deploy to staging\n\n${MINISHOP_SERVICES.map((s, i) => `Service-Source: ${s} minishop/${s}@${String(i).repeat(40)}`).join('\n')}`,
      (dir) => {
        for (const s of MINISHOP_SERVICES) {
          const file = join(dir, 'infra/helm-charts', s, 'values-staging.yaml')
          writeFileSync(file, readFileSync(file, 'utf8').replace('tag: "1.0.0"', 'tag: "1.1.0"'))
        }
      },
    ])
  const cases: [string, () => RunOptions][] = [
    [
      'build-and-tag',
      () => {
        const ws = freshDir('svc')
        writeFileSync(join(ws, 'Dockerfile'), 'FROM scratch\n')
        return {
          workspace: ws,
          inputs: {
            service: 'user-service',
            context: '.',
            registry: '127.0.0.1:5000/bench',
            'dry-run': true,
          },
        }
      },
    ],
    [
      'bump-helm-values',
      () => ({
        workspace: gitops().clone,
        inputs: { services: 'user-service', environment: 'dev', value: 'abc1234', 'dry-run': true },
      }),
    ],
    [
      'detect-changes',
      () => {
        const ws = freshDir('detect')
        git(ws, 'init', '-q', '--initial-branch=main')
        writeFileSync(join(ws, 'README.md'), 'x\n')
        git(ws, 'add', '-A')
        git(ws, 'commit', '-q', '-m', 'one')
        const before = git(ws, 'rev-parse', 'HEAD')
        mkdirSync(join(ws, 'services/user-service'), { recursive: true })
        writeFileSync(join(ws, 'services/user-service/Dockerfile'), 'FROM scratch\n')
        git(ws, 'add', '-A')
        git(ws, 'commit', '-q', '-m', 'two')
        const after = git(ws, 'rev-parse', 'HEAD')
        return {
          workspace: ws,
          event: { before, after, ref: 'refs/heads/main', repository: { default_branch: 'main' } },
          env: { GITHUB_SHA: after },
        }
      },
    ],
    [
      'promote',
      () => ({
        workspace: stagingAhead().clone,
        inputs: { from: 'staging', to: 'prod', mode: 'plan', deployments: false },
      }),
    ],
    [
      'index',
      () => ({
        workspace: gitops().clone,
        inputs: {
          command: 'bump-helm-values',
          services: 'user-service',
          environment: 'dev',
          value: 'abc1234',
          'dry-run': true,
        },
      }),
    ],
  ]
  for (const [action, setup] of cases) {
    it(action, async () => {
      const options = setup()
      const times: number[] = []
      // The floor again, one run before each of the action's: the ratio
      // compares runs made at the same moment of a drifting machine.
      const floors: number[] = []
      let rss = 0
      for (let i = 0; i < RUNS; i++) {
        floors.push((await runNode(['-e', ''])).ms)
        const r = await timedAction(action, options)
        // The plan measured is a real one: every service has a change.
        if (action === 'promote') expect(r.result.outputs.changed).toBe('true')
        times.push(r.ms)
        rss = Math.max(rss, r.rssKb)
      }
      const m = median(times)
      const beside = median(floors)
      const size = statSync(join(ROOT, 'dist', action === 'index' ? '' : action, 'index.js')).size
      record(
        {
          section: 'start-up',
          measure: `${action === 'index' ? 'root action (command: bump-helm-values)' : action} (${action === 'promote' ? 'plan' : action === 'detect-changes' ? 'one commit' : 'dry run'})`,
          value: `${fmtMs(m)} = ${(m / beside).toFixed(2)}× floor (${fmtMs(beside)} alongside), ${fmtMb(rss)}, bundle ${(size / 2 ** 20).toFixed(2)} MB`,
          target: '< 2× floor, bundle < 1.5 MB',
          ok: m < 2 * beside && size < 1.5 * 2 ** 20,
        },
        { medianMs: m, times, floorMs: beside, floorTimes: floors, rssKb: rss, bundleBytes: size },
      )
    })
  }

  // What promote's plan cannot go below: the git processes it runs (git log
  // for the history, cat-file for the files), started one after the other
  // by a script that does nothing else. They are recorded from a real plan,
  // then replayed with the same arguments and the same requests (all at
  // once: a lower bound, as the plan waits for some answers before asking
  // further).
  it('promote (plan): its git processes alone', async () => {
    const { clone: workspace } = stagingAhead()
    const dir = join(freshDir('git-record'), 'calls')
    mkdirSync(dir)
    const real = realGit()
    const bin = join(dir, 'bin')
    mkdirSync(bin)
    // Each call: its arguments (NUL-separated) and its standard input, by pid, in order.
    writeFileSync(
      join(bin, 'git'),
      `#!/bin/sh\necho $$ >> '${dir}/order'\nprintf '%s\\0' "$@" > '${dir}/args.'$$\ntee '${dir}/stdin.'$$ | '${real}' "$@"\n`,
    )
    chmodSync(join(bin, 'git'), 0o755)
    const plan = await timedAction('promote', {
      workspace,
      inputs: { from: 'staging', to: 'prod', mode: 'plan', deployments: false },
      env: { PATH: `${bin}:${process.env.PATH}` },
    })
    expect(plan.result.outputs.changed).toBe('true')
    const calls = readFileSync(join(dir, 'order'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((pid) => ({
        args: readFileSync(join(dir, `args.${pid}`), 'utf8')
          .split('\0')
          .slice(0, -1),
        input: readFileSync(join(dir, `stdin.${pid}`), 'utf8'),
      }))
    expect(calls.map((c) => c.args[0])).toEqual(['log', 'cat-file'])
    const replay = join(dir, 'replay.mjs')
    writeFileSync(
      replay,
      `import { spawn } from 'node:child_process'\nfor (const { args, input } of ${JSON.stringify(calls)}) {\n  const child = spawn(${JSON.stringify(real)}, args, { stdio: ['pipe', 'pipe', 'inherit'] })\n  child.stdout.resume()\n  child.stdin.on('error', () => {}) // git log reads no input: EPIPE\n  child.stdin.end(input)\n  await new Promise((resolve) => child.on('close', resolve))\n}\n`,
    )
    const times: number[] = []
    const floors: number[] = []
    for (let i = 0; i < RUNS; i++) {
      floors.push((await runNode(['-e', ''])).ms)
      const r = await runNode([replay], { cwd: workspace })
      if (r.code !== 0) throw new Error(`replay failed:\n${r.stderr}`)
      times.push(r.ms)
    }
    const m = median(times)
    const beside = median(floors)
    record(
      {
        section: 'start-up',
        measure: 'promote (plan): its git processes alone',
        value: `${fmtMs(m)} = ${(m / beside).toFixed(2)}× floor (${fmtMs(beside)} alongside): git ${calls.map((c) => c.args[0]).join(', then ')}`,
      },
      { medianMs: m, times, floorMs: beside, floorTimes: floors, calls: calls.length },
    )
  })

  it('kind-integration (a whole run with stand-in kind, kubectl and helm: it has no dry run)', async () => {
    const times: number[] = []
    let rss = 0
    for (let i = 0; i < RUNS; i++) {
      const stubs = setupStubs()
      const r = await timedAction('kind-integration', {
        workspace: kindWorkspace(),
        env: stubs.env,
        inputs: { tools: 'path', ...DEPLOY },
      })
      times.push(r.ms)
      rss = Math.max(rss, r.rssKb)
    }
    const m = median(times)
    const size = statSync(join(ROOT, 'dist/kind-integration/index.js')).size
    record(
      {
        section: 'start-up',
        measure: 'kind-integration (whole stand-in run)',
        value: `${fmtMs(m)} = ${(m / floor).toFixed(2)}× floor (incl. ~20 stand-in processes), ${fmtMb(rss)}, bundle ${(size / 2 ** 20).toFixed(2)} MB`,
        target: 'bundle < 1.5 MB',
        ok: size < 1.5 * 2 ** 20,
      },
      { medianMs: m, times, rssKb: rss, bundleBytes: size },
    )
  })

  it('bundle sizes', () => {
    // Every JavaScript file in dist/: the entry bundles, the chunks they
    // load and dist/lib/yaml.cjs, the parser they require.
    const sizes: Record<string, number> = {}
    const walk = (dir: string) => {
      for (const entry of readdirSync(join(ROOT, 'dist', dir), { withFileTypes: true })) {
        const path = dir ? `${dir}/${entry.name}` : entry.name
        if (entry.isDirectory()) walk(path)
        else if (/\.c?js$/.test(entry.name)) sizes[path] = statSync(join(ROOT, 'dist', path)).size
      }
    }
    walk('')
    const largest = Math.max(...Object.values(sizes))
    record(
      {
        section: 'start-up',
        measure: 'largest bundle file (entries and chunks)',
        value: `${(largest / 2 ** 20).toFixed(2)} MB (${Object.entries(sizes).find(([, s]) => s === largest)?.[0]})`,
        target: '< 1.5 MB',
        ok: largest < 1.5 * 2 ** 20,
      },
      sizes,
    )
  })
})

describe('2. YAML edit throughput (no git)', () => {
  it('1,000 values files of 300-1,500 lines, one key each', async () => {
    const { clone } = gitopsRemote('yaml', (dir) =>
      writeGitOpsTree(
        dir,
        Array.from({ length: 1000 }, (_, i) => `svc-${String(i).padStart(4, '0')}`),
        ['dev'],
        (i) => 300 + ((i * 97) % 1201),
      ),
    )
    // Median of 3 runs, each setting a new value in every file.
    const times: number[] = []
    let rss = 0
    for (let run = 1; run <= 3; run++) {
      const r = await timedAction('bump-helm-values', {
        workspace: clone,
        inputs: {
          files: 'infra/helm-charts/*/values-dev.yaml',
          value: `bench-${run}`,
          commit: false,
        },
      })
      expect(r.result.outputs.files?.split('\n')).toHaveLength(1000)
      times.push(r.ms)
      rss = Math.max(rss, r.rssKb)
    }
    const ms = median(times)
    const perSecond = 1000 / (ms / 1000)
    record(
      {
        section: 'yaml edit',
        measure: '1,000 files (whole action run, median of 3)',
        value: `${fmtMs(ms)}, ${perSecond.toFixed(0)} files/s, ${fmtMb(rss)}`,
        target: '< 1 s',
        ok: ms < 1000,
      },
      { ms, times, rssKb: rss },
    )
  })

  it('one 5 MB values file', async () => {
    const { clone } = gitopsRemote('yaml-big', (dir) => {
      mkdirSync(join(dir, 'infra/helm-charts/big'), { recursive: true })
      let text = sampleValues('big', 2000)
      while (text.length < 5 * 2 ** 20)
        text += sampleValues('big', 2000)
          .replace(/^image:[\s\S]*?pullPolicy: IfNotPresent\n/m, '')
          .replace(/^(\w)/gm, `x${text.length}_$1`)
      writeFileSync(join(dir, 'infra/helm-charts/big/values-dev.yaml'), text)
    })
    const r = await timedAction('bump-helm-values', {
      workspace: clone,
      inputs: { files: 'infra/helm-charts/big/values-dev.yaml', value: 'bench-2', commit: false },
    })
    expect(r.result.outputs.changed).toBe('true')
    record(
      {
        section: 'yaml edit',
        measure: 'one 5 MB file',
        value: `${fmtMs(r.ms)}, ${fmtMb(r.rssKb)}`,
      },
      { ms: r.ms, rssKb: r.rssKb },
    )
  })
})

describe('3. one GitOps commit for N services', () => {
  const results: Record<number, number> = {}
  for (const n of [10, 100, 1000]) {
    it(`N = ${n}`, async () => {
      const services = Array.from({ length: n }, (_, i) => `svc-${String(i).padStart(4, '0')}`)
      const { bare, clone } = gitopsRemote(`commit-${n}`, (dir) =>
        writeGitOpsTree(dir, services, ['dev'], () => 300),
      )
      const images = Object.fromEntries(services.map((s, i) => [s, `build-${i}`]))
      const r = await timedAction('bump-helm-values', {
        workspace: clone,
        inputs: { images: JSON.stringify(images), environment: 'dev' },
      })
      expect(git(bare, 'rev-list', '--count', 'main')).toBe('2')
      results[n] = r.ms
      record(
        {
          section: 'commit N services',
          measure: `N = ${n}`,
          value: `${fmtMs(r.ms)} (${(r.ms / n).toFixed(1)} ms/service), ${fmtMb(r.rssKb)}`,
          ...(n === 1000 ? { target: '< 5 s', ok: r.ms < 5000 } : {}),
        },
        { ms: r.ms, rssKb: r.rssKb },
      )
    })
  }
  it('growth', () => {
    const ratio = (results[1000]! - results[10]!) / (results[100]! - results[10]! || 1)
    record({
      section: 'commit N services',
      measure: 'growth (t1000 - t10) / (t100 - t10)',
      value: `${ratio.toFixed(1)} (10 = linear)`,
    })
  })
})

describe('4. concurrent pipelines pushing to one GitOps branch', () => {
  for (const k of [5, 10, 20]) {
    it(`K = ${k}`, async () => {
      const services = Array.from({ length: k }, (_, i) => `svc-${i}`)
      const { bare } = gitopsRemote(`race-${k}`, (dir) =>
        writeGitOpsTree(dir, services, ['dev'], () => 300),
      )
      const log = countPushes(bare)
      const clones = services.map((s) => {
        const dir = freshDir(`race-${k}-${s}`)
        git(dir, 'clone', '-q', bare, 'repo')
        return join(dir, 'repo')
      })
      const { ms, value: runs } = await timed(() =>
        Promise.all(
          services.map((s, i) =>
            runAction('bump-helm-values', {
              node: NODE,
              workspace: clones[i]!,
              inputs: { services: s, environment: 'dev', value: `race-${i}`, 'max-attempts': 50 },
              timeoutMs: 300_000,
            }),
          ),
        ),
      )
      const failed = runs.filter((r) => r.exitCode !== 0)
      expect(failed.map((r) => r.stdout.slice(-500))).toEqual([])
      expect(git(bare, 'rev-list', '--count', 'main')).toBe(String(k + 1))
      const attempts = readPushes(log)
      record(
        {
          section: 'concurrency',
          measure: `K = ${k} pipelines, one branch`,
          value: `all ${k} landed in ${fmtMs(ms)}, ${attempts} push attempts`,
          ...(k === 20 ? { target: 'all land, < 20 s', ok: ms < 20_000 } : {}),
        },
        { ms, attempts },
      )
    })
  }
})

function readPushes(log: string): number {
  return readFileSync(log, 'utf8').split('\n').filter(Boolean).length
}

describe('5. detect-changes on a large monorepo', () => {
  it('500 services, 50,000 files, a 1,000-file diff', async () => {
    const repo = freshDir('monorepo')
    git(repo, 'init', '-q', '--initial-branch=main')
    const services = Array.from({ length: 500 }, (_, i) => `svc-${String(i).padStart(3, '0')}`)
    for (const s of services) {
      const dir = join(repo, 'services', s, 'src')
      mkdirSync(dir, { recursive: true })
      writeFileSync(join(repo, 'services', s, 'Dockerfile'), 'FROM scratch\n')
      for (let f = 0; f < 99; f++) writeFileSync(join(dir, `file-${f}.txt`), `${s} ${f}\n`)
    }
    git(repo, 'add', '-A')
    git(repo, 'commit', '-q', '-m', 'base')
    const base = git(repo, 'rev-parse', 'HEAD')
    // 1,000 files changed across 100 services.
    for (let i = 0; i < 1000; i++) {
      const s = services[(i * 5) % 500]!
      writeFileSync(join(repo, 'services', s, 'src', `file-${i % 99}.txt`), `changed ${i}\n`)
    }
    git(repo, 'add', '-A')
    git(repo, 'commit', '-q', '-m', 'head')
    const head = git(repo, 'rev-parse', 'HEAD')
    const fileCount = Number(git(repo, 'ls-files').split('\n').length)
    const diffCount = git(repo, 'diff', '--name-only', base, head).split('\n').length
    const times: number[] = []
    let changed = 0
    for (let i = 0; i < 5; i++) {
      const r = await timedAction('detect-changes', {
        workspace: repo,
        eventName: 'push',
        event: {
          before: base,
          after: head,
          ref: 'refs/heads/main',
          repository: { default_branch: 'main' },
        },
        env: { GITHUB_SHA: head },
      })
      changed = JSON.parse(r.result.outputs.services ?? '[]').length
      times.push(r.ms)
    }
    const m = median(times)
    record(
      {
        section: 'detect-changes',
        measure: `${services.length} services, ${fileCount} files, ${diffCount}-file diff`,
        value: `${fmtMs(m)}, ${changed} services changed`,
        target: '< 1 s',
        ok: m < 1000,
      },
      { medianMs: m, times },
    )
  })
})

describe('6. promote 50 services against the local GitHub API', () => {
  it('plan + apply staging -> prod', async () => {
    const world = await startGitHub()
    try {
      const { gitops: g } = stageManyServices(world, 50)
      const inputs = {
        token: 'bench-token',
        from: 'staging',
        to: 'prod',
        'required-checks': 'ci',
        'min-soak': '24h',
      }
      const env = {
        GITHUB_API_URL: world.api.url,
        GITHUB_REPOSITORY: 'minishop/gitops',
        MINISHOP_NOW: day(8).toISOString(),
      }
      const plan = await timedAction('promote', {
        workspace: g.clone,
        env,
        inputs: { ...inputs, mode: 'plan' },
      })
      const planRequests = world.api.requests.length
      world.api.requests.length = 0
      world.approvals = [approval('alice', ['prod'])]
      const apply = await timedAction('promote', {
        workspace: g.clone,
        env,
        inputs: { ...inputs, mode: 'apply', 'plan-digest': plan.result.outputs['plan-digest'] },
      })
      const calls = world.calls()
      const perService = calls.filter((c) => c.includes('/deployments')).length
      const constant = calls.length - perService
      record(
        {
          section: 'promote',
          measure: '50 services: plan',
          value: `${fmtMs(plan.ms)}, ${planRequests} requests`,
        },
        { ms: plan.ms, requests: planRequests },
      )
      record(
        {
          section: 'promote',
          measure: '50 services: apply',
          value: `${fmtMs(apply.ms)}, ${constant} requests + ${perService} for deployments (${perService / 50} a service)`,
          target: '<= 10 + deployments',
          ok: constant <= 10 && perService <= 2 * 50,
        },
        { ms: apply.ms, constant, perService, calls },
      )
    } finally {
      await world.api.close()
    }
  })
})
