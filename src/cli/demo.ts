// `npm run demo`: the whole minishop pipeline against throwaway repositories
// under a temporary directory, through the same CLI a maintainer would use:
// build and tag, deploy to dev, promote to staging, a production promotion
// refused by a gate, the approved one, and a rollback.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readScalar } from '../core/yaml-edit'
import { run } from '../io/exec'
import type { CliIo } from './main'
import { MINISHOP_SERVICES, valuesFile } from './sample-values'

const ENVS = ['dev', 'staging', 'prod']
const REGISTRY = '127.0.0.1:5000'
const INITIAL_TAG = '1.4.2'
const REVIEWER = 'dana'

function shown(args: string[]): string {
  return `minishop-actions ${args.map((a) => (/[\s"{}<>]/.test(a) ? `'${a}'` : a)).join(' ')}`
}

interface CliResult {
  code: number
  outputs: Record<string, string>
  errors: string[]
}

class DemoFailure extends Error {}

/** A unified diff cut to what changed: the file and its -/+ lines. */
function changedLines(diff: string): string {
  return diff
    .split('\n')
    .filter((l) => l.startsWith('+++ ') || (/^[-+]/.test(l) && !l.startsWith('--- ')))
    .map((l) => (l.startsWith('+++ ') ? l.slice(6) : `  ${l}`))
    .join('\n')
}

function gitIn(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Minishop Developer',
      GIT_AUTHOR_EMAIL: 'dev@minishop.example',
      GIT_COMMITTER_NAME: 'Minishop Developer',
      GIT_COMMITTER_EMAIL: 'dev@minishop.example',
    },
  }).trim()
}

function dockerAvailable(): boolean {
  const info = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], { encoding: 'utf8' })
  return info.status === 0
}

async function registryAvailable(): Promise<boolean> {
  try {
    const response = await fetch(`http://${REGISTRY}/v2/`, { signal: AbortSignal.timeout(2000) })
    return response.ok
  } catch {
    return false
  }
}

const DEMO_OPTIONS = 'Options: --keep (keep the temporary repositories), --no-docker (tags only)'

export async function runDemo(argv: string[], io: CliIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(
      `Usage: minishop-actions demo [--keep] [--no-docker]\n\nThe whole pipeline on this machine, with temporary repositories: detect, build, deploy to dev, promote to staging and prod, roll back.\n${DEMO_OPTIONS}\n`,
    )
    return 0
  }
  const unknown = argv.filter((a) => a !== '--keep' && a !== '--no-docker')
  if (unknown.length > 0) {
    io.stderr(`minishop-actions demo: Unknown option ${unknown[0]}\n${DEMO_OPTIONS}\n`)
    return 2
  }
  const keep = argv.includes('--keep')
  const started = Date.now()
  const root = mkdtempSync(join(tmpdir(), 'minishop-demo-'))
  const cliPath = process.argv[1]!
  let stepNo = 0
  const say = (text = ''): void => io.stdout(`${text}\n`)
  const step = (title: string): void => {
    stepNo++
    say(`\n━━ ${stepNo}. ${title}  [${((Date.now() - started) / 1000).toFixed(1)}s]`)
  }
  const cli = async (
    args: string[],
    options: { expectFailure?: boolean; quiet?: boolean } = {},
  ): Promise<CliResult> => {
    if (!options.quiet) say(`$ ${shown(args)}`)
    const { code, stdout, stderr } = await run(process.execPath, [cliPath, ...args, '--json'], {
      env: { GITHUB_TOKEN: '', GH_TOKEN: '', GITHUB_ACTIONS: '' },
      allowFailure: true,
    })
    let parsed: { outputs?: Record<string, string>; errors?: string[] } = {}
    try {
      parsed = JSON.parse(stdout)
    } catch {
      throw new DemoFailure(`minishop-actions ${args[0]} printed no JSON:\n${stdout}\n${stderr}`)
    }
    const out: CliResult = { code, outputs: parsed.outputs ?? {}, errors: parsed.errors ?? [] }
    if (options.expectFailure ? out.code === 0 : out.code !== 0) {
      throw new DemoFailure(
        `minishop-actions ${args[0]} ${options.expectFailure ? 'succeeded but should have been refused' : `failed:\n${out.errors.join('\n')}\n${stderr}`}`,
      )
    }
    return out
  }
  const indent = (text: string): string => text.replace(/^/gm, '    ')
  let failed = false

  try {
    say(`minishop pipeline demo in ${root}`)

    step(
      'A GitOps repository: a bare remote and a clone, with values for five services in dev, staging, prod',
    )
    const remote = join(root, 'gitops.git')
    const gitops = join(root, 'gitops')
    gitIn(root, 'init', '-q', '--bare', '--initial-branch=main', remote)
    gitIn(root, 'clone', '-q', remote, gitops)
    gitIn(gitops, 'checkout', '-q', '-b', 'main')
    MINISHOP_SERVICES.forEach((service, i) => {
      const chart = join(gitops, 'infra/helm-charts', service)
      mkdirSync(chart, { recursive: true })
      writeFileSync(join(chart, 'Chart.yaml'), `apiVersion: v2\nname: ${service}\nversion: 0.1.0\n`)
      for (const env of ENVS) {
        writeFileSync(
          join(chart, `values-${env}.yaml`),
          valuesFile(service, 40 + i * 5).replace('tag: "1.0.0"', `tag: "${INITIAL_TAG}"`),
        )
      }
    })
    gitIn(gitops, 'add', '-A')
    gitIn(gitops, 'commit', '-q', '-m', `Initial charts: every service at ${INITIAL_TAG}`)
    gitIn(gitops, 'push', '-q', 'origin', 'main')
    say(
      `  ${MINISHOP_SERVICES.length * ENVS.length} values files, each with sidecar, exporter and init-container tags`,
    )

    step('A service repository commit: one Dockerfile per service')
    const service = join(root, 'minishop')
    mkdirSync(service)
    gitIn(service, 'init', '-q', '--initial-branch=main')
    for (const name of MINISHOP_SERVICES) {
      mkdirSync(join(service, 'services', name), { recursive: true })
      writeFileSync(join(service, 'services', name, 'app.txt'), `${name} build\n`)
      writeFileSync(
        join(service, 'services', name, 'Dockerfile'),
        'FROM scratch\nCOPY app.txt /app.txt\n',
      )
    }
    gitIn(service, 'add', '-A')
    gitIn(service, 'commit', '-q', '-m', 'feat: checkout flow')
    const sha = gitIn(service, 'rev-parse', 'HEAD')
    say(`  commit ${sha.slice(0, 12)} on main`)

    const real = !argv.includes('--no-docker') && dockerAvailable() && (await registryAvailable())
    step(
      real
        ? `build-and-tag: real builds pushed to the local registry ${REGISTRY}`
        : 'build-and-tag: tags only (--dry-run), since no Docker engine and registry on 127.0.0.1:5000 answer',
    )
    // One build per service, all at once, as the service-ci matrix runs them.
    const builds = await Promise.all(
      MINISHOP_SERVICES.map((name) => {
        const args = [
          'build-and-tag',
          '--workspace',
          service,
          '--service',
          name,
          '--registry',
          `${REGISTRY}/minishop-demo`,
          '--cache',
          'none',
          ...(real ? ['--push', 'true'] : ['--dry-run']),
        ]
        say(`$ ${shown(args)}`)
        return cli(args, { quiet: true })
      }),
    )
    const images: Record<string, string> = {}
    MINISHOP_SERVICES.forEach((name, i) => {
      const outputs = builds[i]!.outputs
      images[name] = outputs.tag ?? ''
      say(
        `  ${name}: ${outputs.tags?.split('\n').join(', ')}${outputs.digest ? `  ${outputs.digest.slice(0, 19)}…` : ''}`,
      )
    })

    step('Deploy to dev: every service bumped in one GitOps commit')
    const deploy = await cli([
      'bump',
      '--workspace',
      gitops,
      '--environment',
      'dev',
      '--images',
      JSON.stringify(images),
      '--sha',
      sha,
      // What the commit records as the images' source, for promote's checks.
      '--source-repository',
      'minishop/minishop',
      '--source-commit',
      sha,
    ])
    say(indent(changedLines(deploy.outputs.diff ?? '')))
    say(
      `  commit ${deploy.outputs.commit?.slice(0, 12)}: ${deploy.outputs.files?.split('\n').length} files`,
    )

    const promoteArgs = (from: string, to: string, extra: string[] = []): string[] => [
      'promote',
      '--workspace',
      gitops,
      '--from',
      from,
      '--to',
      to,
      '--deployments',
      'false',
      ...extra,
    ]

    step('Plan the promotion dev -> staging (a plan never writes)')
    const stagingPlan = await cli(promoteArgs('dev', 'staging', ['--plan']))
    say(indent(changedLines(stagingPlan.outputs.diff ?? '')))
    say(`  plan digest ${stagingPlan.outputs['plan-digest']}`)

    step('Apply it with the digest of the plan that was shown')
    const staging = await cli(
      promoteArgs('dev', 'staging', [
        '--apply',
        '--plan-digest',
        stagingPlan.outputs['plan-digest'] ?? '',
      ]),
    )
    say(`  commit ${staging.outputs.commit?.slice(0, 12)}`)

    step('Production: the plan, then an apply without approval, refused with nothing written')
    const prodPlan = await cli(promoteArgs('staging', 'prod', ['--plan']))
    say(indent(changedLines(prodPlan.outputs.diff ?? '')))
    const before = gitIn(gitops, 'ls-remote', remote, 'refs/heads/main')
    const refused = await cli(
      promoteArgs('staging', 'prod', [
        '--apply',
        '--plan-digest',
        prodPlan.outputs['plan-digest'] ?? '',
      ]),
      { expectFailure: true },
    )
    say(indent(refused.errors.join('\n')))
    if (gitIn(gitops, 'ls-remote', remote, 'refs/heads/main') !== before) {
      throw new DemoFailure('the refused promotion changed the GitOps repository')
    }
    say('  the GitOps remote is unchanged')

    step(`Production, approved by ${REVIEWER}`)
    const prod = await cli(
      promoteArgs('staging', 'prod', [
        '--apply',
        '--plan-digest',
        prodPlan.outputs['plan-digest'] ?? '',
        '--approved-by',
        REVIEWER,
      ]),
    )
    say(`  commit ${prod.outputs.commit?.slice(0, 12)}, approved by ${prod.outputs['approved-by']}`)

    step('Roll back payment-service in production: plan it, then apply it approved')
    const rollbackArgs = [
      'promote',
      '--workspace',
      gitops,
      '--to',
      'prod',
      '--services',
      'payment-service',
      '--rollback',
      '--deployments',
      'false',
    ]
    const rollbackPlan = await cli([...rollbackArgs, '--dry-run'])
    say(indent(changedLines(rollbackPlan.outputs.diff ?? '')))
    const rollback = await cli([
      ...rollbackArgs,
      '--plan-digest',
      rollbackPlan.outputs['plan-digest'] ?? '',
      '--approved-by',
      REVIEWER,
    ])
    say(`  commit ${rollback.outputs.commit?.slice(0, 12)}`)

    step('Where every service runs now')
    gitIn(gitops, 'pull', '-q', '--ff-only', 'origin', 'main')
    const width = Math.max(...MINISHOP_SERVICES.map((s) => s.length))
    // A commit SHA tag is shown short, as git shows commits.
    const cell = (v: string): string => (/^[0-9a-f]{40}$/.test(v) ? v.slice(0, 12) : v).padEnd(14)
    say(`  ${'service'.padEnd(width)}  ${ENVS.map(cell).join('  ')}`)
    const table: Record<string, Record<string, string>> = {}
    for (const name of MINISHOP_SERVICES) {
      table[name] = {}
      for (const env of ENVS) {
        const file = `infra/helm-charts/${name}/values-${env}.yaml`
        table[name]![env] =
          readScalar(readFileSync(join(gitops, file), 'utf8'), 'image.tag', file) ?? ''
      }
      say(`  ${name.padEnd(width)}  ${ENVS.map((e) => cell(table[name]![e]!)).join('  ')}`)
    }
    say('\n  git log --oneline (GitOps repository):')
    say(indent(gitIn(gitops, 'log', '--oneline')))
    say(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)}s.${keep ? ` Kept ${root}` : ''}`)
    return 0
  } catch (error) {
    failed = true
    if (!(error instanceof DemoFailure)) throw error
    io.stderr(`\ndemo failed at step ${stepNo}: ${error.message}\n(repositories kept in ${root})\n`)
    return 1
  } finally {
    if (!keep && !failed) rmSync(root, { recursive: true, force: true })
  }
}
