// Each CLI command against real local git repositories, as an operator runs
// it: human and --json output, exit codes 0 (done), 1 (refused), 2 (usage).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli } from '../harness/cli'
import { commitFiles, git, makeRemote } from '../harness/git-fixtures'

const values = (tag: string) =>
  `image:\n  repository: ghcr.io/minishop/user-service\n  tag: "${tag}" # bumped by CI\nsidecar:\n  tag: v1.30.1\n`

function gitops() {
  const files: Record<string, string> = {}
  for (const service of ['user-service', 'order-service']) {
    for (const env of ['dev', 'staging', 'prod'])
      files[`infra/helm-charts/${service}/values-${env}.yaml`] = values('1.0.0')
  }
  return makeRemote(files)
}

describe('minishop-actions build-and-tag', () => {
  it('--dry-run prints the tags CI would push for this commit', () => {
    const repo = makeRemote({ 'services/user-service/Dockerfile': 'FROM scratch\n' })
    const sha = git(repo.clone, 'rev-parse', 'HEAD')
    const result = cli(
      ['build-and-tag', '--service', 'user-service', '--registry', 'ghcr.io/minishop', '--dry-run'],
      {
        cwd: repo.clone,
      },
    )
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(`tag: ${sha}`)
    expect(result.stdout).toContain(
      `ghcr.io/minishop/user-service:${sha}\n  ghcr.io/minishop/user-service:latest`,
    )
  })

  it('--json gives the outputs to scripts', () => {
    const repo = makeRemote({ 'services/user-service/Dockerfile': 'FROM scratch\n' })
    const result = cli(
      [
        'build-and-tag',
        '--service',
        'user-service',
        '--registry',
        'ghcr.io/minishop',
        '--dry-run',
        '--json',
        '--ref',
        'refs/heads/feature/x',
      ],
      { cwd: repo.clone },
    )
    expect(result.code).toBe(0)
    const json = JSON.parse(result.stdout)
    expect(json).toMatchObject({ command: 'build-and-tag', ok: true, exitCode: 0, errors: [] })
    expect(json.outputs.tag).toMatch(/^feature-x-[0-9a-f]{40}$/)
    expect(json.outputs.tags).not.toContain('latest')
  })

  it('refuses a hostile service name with exit code 1 and the reason', () => {
    const repo = makeRemote({ 'README.md': 'x\n' })
    const result = cli(
      ['build-and-tag', '--service', '../etc', '--registry', 'ghcr.io/minishop', '--dry-run'],
      {
        cwd: repo.clone,
      },
    )
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^error: .*service/m)
  })
})

describe('minishop-actions detect-changes', () => {
  it('names the services a range of commits touched', () => {
    const repo = makeRemote({
      'services/user-service/Dockerfile': 'FROM scratch\n',
      'services/order-service/Dockerfile': 'FROM scratch\n',
    })
    const base = git(repo.clone, 'rev-parse', 'HEAD')
    commitFiles(repo.clone, { 'services/order-service/app.txt': 'v2\n' })
    const result = cli(['detect-changes', '--base', base, '--json'], { cwd: repo.clone })
    expect(result.code).toBe(0)
    expect(JSON.parse(JSON.parse(result.stdout).outputs.services)).toEqual(['order-service'])
  })
})

describe('minishop-actions bump', () => {
  it('edits only the value, commits once and pushes to the GitOps remote', () => {
    const repo = gitops()
    const result = cli(
      ['bump', '--services', 'user-service', '--environment', 'dev', '--value', '0123456'],
      {
        cwd: repo.clone,
      },
    )
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('changed: true')
    const file = 'infra/helm-charts/user-service/values-dev.yaml'
    // An all-digit short SHA stays a string for Helm; the comment and the sidecar tag stay.
    expect(git(repo.bare, 'show', `main:${file}`)).toBe(values('0123456').trimEnd())
    expect(git(repo.bare, 'log', '-1', '--format=%s', 'main')).toBe(
      'Update user-service to 0123456 in dev',
    )
    // No workflow run made it: no Run-URL pointing at one that does not exist.
    expect(git(repo.bare, 'log', '-1', '--format=%B', 'main')).not.toContain('Run-URL')
  })

  it('bump --source-repository/--source-commit are its inputs: the commit records that source', () => {
    const repo = gitops()
    const built = 'abcdef0123456789abcdef0123456789abcdef01'
    const args = ['bump', '--services', 'user-service', '--environment', 'dev', '--value', 'v9']
    const source = ['--source-repository', 'minishop/user-service', '--source-commit', built]
    const help = cli(['bump', '--help'])
    expect(help.stdout.match(/--source-repository/g)).toHaveLength(1)
    expect(cli([...args, ...source], { cwd: repo.clone }).code).toBe(0)
    const message = git(repo.bare, 'log', '-1', '--format=%B', 'main')
    expect(message).toContain('Source-Repository: minishop/user-service\n')
    expect(message).toContain(`Source-Commit: ${built}\n`)
  })

  it('refuses a missing key with exit code 1, naming file and key, and writes nothing', () => {
    const repo = gitops()
    const head = git(repo.bare, 'rev-parse', 'main')
    const result = cli(
      [
        'bump',
        '--services',
        'user-service',
        '--environment',
        'dev',
        '--key',
        'image.digest',
        '--value',
        'x',
        '--json',
      ],
      { cwd: repo.clone },
    )
    expect(result.code).toBe(1)
    const json = JSON.parse(result.stdout)
    expect(json.ok).toBe(false)
    expect(json.errors.join('\n')).toContain('infra/helm-charts/user-service/values-dev.yaml')
    expect(json.errors.join('\n')).toContain('image.digest')
    expect(git(repo.bare, 'rev-parse', 'main')).toBe(head)
    expect(
      readFileSync(join(repo.clone, 'infra/helm-charts/user-service/values-dev.yaml'), 'utf8'),
    ).toBe(values('1.0.0'))
  })

  it('exits 2 on a usage error, naming the option', () => {
    const result = cli(['bump', '--servies', 'x'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('Unknown option --servies (did you mean --services?)')
  })
})

describe('minishop-actions promote', () => {
  it('--plan shows the diff and the digest and writes nothing; --apply without approval to prod is refused', () => {
    const repo = gitops()
    expect(
      cli(['bump', '--services', 'user-service', '--environment', 'staging', '--value', '2.0.0'], {
        cwd: repo.clone,
      }).code,
    ).toBe(0)
    const head = git(repo.bare, 'rev-parse', 'main')
    const plan = cli(
      [
        'promote',
        '--from',
        'staging',
        '--to',
        'prod',
        '--plan',
        '--deployments',
        'false',
        '--json',
      ],
      {
        cwd: repo.clone,
      },
    )
    expect(plan.code).toBe(0)
    const outputs = JSON.parse(plan.stdout).outputs
    expect(outputs['plan-digest']).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(outputs.diff).toContain('+  tag: "2.0.0" # bumped by CI')
    expect(git(repo.bare, 'rev-parse', 'main')).toBe(head)

    const apply = [
      'promote',
      '--from',
      'staging',
      '--to',
      'prod',
      '--apply',
      '--deployments',
      'false',
    ]
    const refused = cli([...apply, '--plan-digest', outputs['plan-digest']], { cwd: repo.clone })
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('No one approved')
    expect(git(repo.bare, 'rev-parse', 'main')).toBe(head)

    const approved = cli(
      [...apply, '--plan-digest', outputs['plan-digest'], '--approved-by', 'dana'],
      { cwd: repo.clone },
    )
    expect(approved.code).toBe(0)
    const message = git(repo.bare, 'log', '-1', '--format=%B', 'main')
    expect(message).toMatch(/^Approved-by: dana\b/m)
    // Declared on the command line, and it says so; no run to link to.
    expect(message).toMatch(/^Approval-Comment: dana: approved on the command line$/m)
    expect(message).not.toContain('Run-URL')
  })

  it('exits 2 when --plan and --apply contradict each other', () => {
    const result = cli(['promote', '--plan', '--apply'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('contradict')
  })
})

describe('minishop-actions kind-integration', () => {
  it('says plainly when kind is not installed (the CLI never downloads tools)', () => {
    const repo = makeRemote({
      'infra/helm-charts/user-service/Chart.yaml':
        'apiVersion: v2\nname: user-service\nversion: 0.1.0\n',
    })
    const result = cli(['kind-integration', '--services', 'user-service'], {
      cwd: repo.clone,
      env: { PATH: '/nonexistent' },
    })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('error: tools: path: kind is not on PATH')
  })
})
