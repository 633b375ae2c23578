import { readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { cloneOf, commitFiles, git, makeRemote, racingGit, tempDir } from '../harness/git-fixtures'
import { type RunResult, runAction } from '../harness/run-action'
import { gitopsFiles, KUSTOMIZATION, SERVICES, valuesFile } from './bump-helm-values.fixtures'
import { startGitHttpServer } from './git-http-server'

const ACTION = 'bump-helm-values'
const DEV = (service: string) => `infra/helm-charts/${service}/values-dev.yaml`

function bump(workspace: string, inputs: Record<string, string>, env: Record<string, string> = {}) {
  return runAction(ACTION, { workspace, inputs, env })
}

function expectOk(result: RunResult): void {
  expect(result.exitCode, `${result.stdout}\n${result.stderr}`).toBe(0)
}

function history(bare: string): string[] {
  return git(bare, 'log', '--format=%s', 'main').split('\n')
}

/** Every file under `dir`, for a "nothing changed" comparison. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (sub: string) => {
    for (const name of readdirSync(join(dir, sub))) {
      if (name === '.git') continue
      const path = sub ? `${sub}/${name}` : name
      if (statSync(join(dir, path)).isDirectory()) walk(path)
      else out[path] = readFileSync(join(dir, path), 'utf8')
    }
  }
  walk('')
  return out
}

describe('bump-helm-values', () => {
  beforeAll(() => {
    // The bundle is built by `npm test` (or `node scripts/build.mjs bump-helm-values`).
    statSync(join(import.meta.dirname, '../../dist/bump-helm-values/index.js'))
  })

  it('bumps one service: only the image tag bytes change, one commit, pushed', async () => {
    const repo = makeRemote(gitopsFiles())
    const result = await bump(repo.clone, {
      services: 'user-service',
      environment: 'dev',
      value: 'f00ba47',
    })
    expectOk(result)
    const file = DEV('user-service')
    const expected = valuesFile('user-service').replace(
      'tag: "0a1b2c3"  # set by CI',
      'tag: "f00ba47"  # set by CI',
    )
    expect(git(repo.bare, 'show', `main:${file}`)).toBe(expected.trimEnd())
    expect(readFileSync(join(repo.clone, file), 'utf8')).toBe(expected)
    expect(result.outputs).toMatchObject({
      changed: 'true',
      commit: git(repo.bare, 'rev-parse', 'main'),
      files: file,
    })
    expect(result.outputs.diff).toContain(`--- a/${file}`)
    expect(result.outputs.diff).toContain('-  tag: "0a1b2c3"  # set by CI, do not edit by hand')
    expect(result.outputs.diff).toContain('+  tag: "f00ba47"  # set by CI, do not edit by hand')
    expect(JSON.parse(result.outputs.changes!)).toEqual([
      { file, key: 'image.tag', old: '0a1b2c3', new: 'f00ba47' },
    ])
    const message = git(repo.bare, 'log', '-1', '--format=%B', 'main').trimEnd()
    expect(message).toBe(
      [
        'Update user-service to f00ba47 in dev',
        '',
        `- ${file}: image.tag 0a1b2c3 -> f00ba47`,
        '',
        'Source-Repository: minishop/user-service',
        'Source-Commit: 0123456789abcdef0123456789abcdef01234567',
        'Run-URL: https://github.com/minishop/user-service/actions/runs/4242',
      ].join('\n'),
    )
    expect(git(repo.bare, 'log', '-1', '--format=%an <%ae>', 'main')).toBe(
      'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>',
    )
    expect(result.summary).toContain('<th>file</th><th>key</th><th>old</th><th>new</th>')
    expect(result.summary).toContain(`<code>${file}</code>`)
    expect(result.summary).toContain('<code>f00ba47</code>')
  })

  it('source-repository and source-commit: a dispatch in the GitOps repository records the service', async () => {
    const repo = makeRemote(gitopsFiles())
    const built = 'abcdef0123456789abcdef0123456789abcdef01'
    const inputs = { services: 'user-service', environment: 'dev', value: 'f00ba47' }
    // This run is the GitOps repository's (GITHUB_REPOSITORY, GITHUB_SHA are its own).
    const env = { GITHUB_REPOSITORY: 'minishop/gitops', GITHUB_SHA: 'f'.repeat(40) }
    for (const [extra, message] of [
      [
        { 'source-repository': 'minishop/user-service' },
        /^Input source-repository needs source-commit/,
      ],
      [
        { 'source-repository': 'user-service', 'source-commit': built },
        /^Input source-repository must be owner\/name/,
      ],
      [
        { 'source-repository': 'minishop/user-service', 'source-commit': 'abc123' },
        /^Input source-commit must be a full commit SHA, got "abc123"/,
      ],
      [{ 'source-commit': built }, /^Input source-commit needs source-repository/],
    ] as const) {
      const refused = await bump(repo.clone, { ...inputs, ...extra }, env)
      expect(refused.exitCode).toBe(1)
      expect(refused.annotations.map((a) => a.message)).toEqual([expect.stringMatching(message)])
    }
    expect(history(repo.bare)).toEqual(['initial'])
    const result = await bump(
      repo.clone,
      {
        ...inputs,
        'source-repository': 'minishop/user-service',
        'source-commit': built.toUpperCase(),
      },
      env,
    )
    expectOk(result)
    const trailers = git(repo.bare, 'log', '-1', '--format=%(trailers:only,unfold)', 'main')
    expect(trailers).toContain('Source-Repository: minishop/user-service\n')
    expect(trailers).toContain(`Source-Commit: ${built}\n`)
    // The run that made the commit is still the GitOps repository's.
    expect(trailers).toMatch(/Run-URL: https:\/\/github\.com\/minishop\/gitops\/actions\/runs\//)
  })

  it('is idempotent: the same bump again changes nothing and succeeds', async () => {
    const repo = makeRemote(gitopsFiles())
    const inputs = { services: 'user-service', environment: 'dev', value: '1234567' }
    expectOk(await bump(repo.clone, inputs))
    const head = git(repo.bare, 'rev-parse', 'main')
    // A short SHA of digits only must stay a string for Helm.
    expect(git(repo.bare, 'show', `main:${DEV('user-service')}`)).toContain('tag: "1234567"  #')
    const again = await bump(repo.clone, inputs)
    expectOk(again)
    expect(again.outputs).toMatchObject({ changed: 'false', commit: '', files: '', diff: '' })
    expect(again.summary).toContain('Nothing to change')
    expect(git(repo.bare, 'rev-parse', 'main')).toBe(head)
  })

  it('images: many services, digests and a kustomize overlay in one commit', async () => {
    const repo = makeRemote(gitopsFiles())
    const digest = `sha256:${'b'.repeat(64)}`
    const templated = await bump(repo.clone, {
      images: JSON.stringify({
        'user-service': 'v2.0.0',
        'order-service': `ghcr.io/minishop/order-service:v2.0.1@${digest}`,
      }),
      environment: 'prod',
    })
    expectOk(templated)
    expect(
      git(repo.bare, 'show', `main:infra/helm-charts/order-service/values-prod.yaml`),
    ).toContain(`tag: "v2.0.1@${digest}"  # set by CI`)
    const overlay = await bump(repo.clone, {
      files: 'deployment/k8s/overlays/*/kustomization.yaml',
      images: JSON.stringify({ 'user-service': 'v2.0.0', 'order-service': { tag: 'v2.0.1' } }),
      environment: 'staging',
    })
    expectOk(overlay)
    expect(git(repo.bare, 'show', 'main:deployment/k8s/overlays/staging/kustomization.yaml')).toBe(
      KUSTOMIZATION.replace('newTag: 0a1b2c3 # user-service', 'newTag: v2.0.0 # user-service')
        .replace('newTag: 0a1b2c3\n', 'newTag: v2.0.1\n')
        .replace(`digest: sha256:${'a'.repeat(64)}`, 'digest: ""')
        .trimEnd(),
    )
    expect(history(repo.bare)).toEqual([
      'Update user-service, order-service to new images in staging',
      'Update user-service, order-service to new images in prod',
      'initial',
    ])
  })

  it("images: service-ci.yml's output as it is (repository, tag, digest, image-ref, tags)", async () => {
    const repo = makeRemote(gitopsFiles())
    const digest = `sha256:${'c'.repeat(64)}`
    const entry = (service: string, tag: string, pushed: boolean) => ({
      image: `ghcr.io/minishop/${service}`,
      tag,
      digest: pushed ? digest : '',
      'image-ref': pushed ? `ghcr.io/minishop/${service}:${tag}@${digest}` : '',
      tags: [tag, 'main'],
    })
    const result = await bump(repo.clone, {
      images: JSON.stringify({
        'user-service': entry('user-service', 'abc1234', true),
        'order-service': entry('order-service', 'abc1234', false),
      }),
      environment: 'dev',
    })
    expectOk(result)
    for (const service of ['user-service', 'order-service']) {
      expect(git(repo.bare, 'show', `main:${DEV(service)}`)).toMatch(/tag: "?abc1234/)
    }
  })

  it('create: a service the overlay does not list yet gets its images entry', async () => {
    const repo = makeRemote(gitopsFiles())
    const overlay = 'deployment/k8s/overlays/staging/kustomization.yaml'
    const images = JSON.stringify({ 'payment-service': 'ghcr.io/minishop/payment-service:v1.0.0' })
    const refused = await bump(repo.clone, { files: overlay, images, environment: 'staging' })
    expect(refused.exitCode).toBe(1)
    expect(refused.annotations[0]!.message).toContain('no images entry named "payment-service"')
    expect(history(repo.bare)).toEqual(['initial'])
    expectOk(
      await bump(repo.clone, { files: overlay, images, environment: 'staging', create: 'true' }),
    )
    expect(git(repo.bare, 'show', `main:${overlay}`)).toBe(
      `${KUSTOMIZATION}  - name: payment-service\n    newName: ghcr.io/minishop/payment-service\n    newTag: v1.0.0\n`.trimEnd(),
    )
  })

  it('a digest goes to image.digest when the values file has that key', async () => {
    const files = gitopsFiles()
    const file = DEV('user-service')
    files[file] = files[file]!.replace('  pullPolicy:', '  digest: ""\n  pullPolicy:')
    const repo = makeRemote(files)
    const digest = `sha256:${'c'.repeat(64)}`
    expectOk(
      await bump(repo.clone, {
        images: JSON.stringify({ 'user-service': `v3@${digest}` }),
        environment: 'dev',
      }),
    )
    const text = git(repo.bare, 'show', `main:${file}`)
    expect(text).toContain('tag: "v3"  # set by CI')
    expect(text).toContain(`digest: "${digest}"`)
  })

  it('keys with list selectors leave the other tag: keys alone', async () => {
    const repo = makeRemote(gitopsFiles())
    const result = await bump(repo.clone, {
      services: 'user-service',
      environment: 'dev',
      key: 'sidecars[name=envoy].image.tag',
      value: 'v1.30.0',
    })
    expectOk(result)
    expect(git(repo.bare, 'show', `main:${DEV('user-service')}`)).toBe(
      valuesFile('user-service')
        .replace('tag: v1.29.1}   # pinned', 'tag: v1.30.0}   # pinned')
        .trimEnd(),
    )
  })

  it('several keys, one a line: the app and its migration init container together', async () => {
    const repo = makeRemote(gitopsFiles())
    const result = await bump(repo.clone, {
      services: 'user-service',
      environment: 'dev',
      key: 'image.tag\ninitContainers[name=migrate].image.tag',
      value: '0451234',
    })
    expectOk(result)
    expect(git(repo.bare, 'show', `main:${DEV('user-service')}`)).toBe(
      valuesFile('user-service', '0451234').trimEnd(),
    )
    expect(JSON.parse(result.outputs.changes!).map((c: { key: string }) => c.key)).toEqual([
      'image.tag',
      'initContainers[name=migrate].image.tag',
    ])
  })

  it('keeps CRLF line endings and a missing final newline', async () => {
    const file = 'values.yaml'
    const text = 'image:\r\n  tag: old # ci\r\n  pullPolicy: Always'
    const repo = makeRemote({ [file]: text, '.gitattributes': '* -text\n' })
    expectOk(await bump(repo.clone, { files: file, value: 'new' }))
    expect(readFileSync(join(cloneOf(repo.bare), file), 'utf8')).toBe(text.replace('old', 'new'))
  })

  describe('refusals leave every file and the history untouched', () => {
    async function refused(
      files: Record<string, string>,
      inputs: Record<string, string>,
      message: RegExp,
      prepare?: (clone: string) => void,
    ) {
      const repo = makeRemote(files)
      prepare?.(repo.clone)
      const before = snapshot(repo.clone)
      const head = git(repo.bare, 'rev-parse', 'main')
      const result = await bump(repo.clone, inputs)
      expect(result.exitCode).toBe(1)
      const errors = result.annotations.filter((a) => a.level === 'error')
      expect(errors).toHaveLength(1)
      expect(errors[0]!.message).toMatch(message)
      expect(snapshot(repo.clone)).toEqual(before)
      expect(git(repo.bare, 'rev-parse', 'main')).toBe(head)
      expect(git(repo.clone, 'status', '--porcelain')).toBe('')
      expect(result.outputs.changed).toBeUndefined()
      return errors[0]!
    }

    it('a key missing in one of the files: none of them is changed', async () => {
      const files = gitopsFiles()
      files[DEV('order-service')] = 'replicaCount: 1\nimage:\n  repository: x\n'
      const error = await refused(
        files,
        { services: 'user-service\norder-service', environment: 'dev', value: 'v9' },
        /infra\/helm-charts\/order-service\/values-dev\.yaml.*key "image\.tag": not found/,
      )
      expect(error.properties).toContain('file=infra/helm-charts/order-service/values-dev.yaml')
    })

    it('a file that does not parse, with line and column', async () => {
      const files = gitopsFiles()
      files[DEV('user-service')] = 'image:\n  tag: v1\n  bad: [unclosed\nother: x\n'
      const error = await refused(
        files,
        { services: 'user-service', environment: 'dev', value: 'v9' },
        /values-dev\.yaml:\d+:\d+: not valid YAML/,
      )
      expect(error.properties).toMatch(/line=\d+/)
      expect(error.properties).toMatch(/col=\d+/)
    })

    it('a path through an alias, a non-scalar', async () => {
      const files = { 'values.yaml': 'base: &b\n  tag: v1\nimage: *b\n' }
      await refused(files, { files: 'values.yaml', value: 'v2' }, /alias/)
      await refused(
        gitopsFiles(),
        { files: DEV('user-service'), key: 'image', value: 'v2' },
        /not a scalar/,
      )
    })

    it('a file outside the workspace, also through a symbolic link', async () => {
      await refused(
        gitopsFiles(),
        { files: '../outside.yaml', value: 'v2' },
        /outside the workspace/,
      )
      const outside = tempDir('outside-')
      writeFileSync(join(outside, 'values.yaml'), 'image:\n  tag: v1\n')
      await refused(
        gitopsFiles(),
        { files: 'linked/values.yaml', value: 'v2' },
        /symbolic link/,
        (clone) => {
          symlinkSync(outside, join(clone, 'linked'))
          commitFiles(clone, {}, 'add a link')
          git(clone, 'push', '-q', 'origin', 'main')
        },
      )
    })

    it('a service name that would leave the chart folder', async () => {
      await refused(
        gitopsFiles(),
        { services: '../../etc', environment: 'dev', value: 'v2' },
        /cannot be used in a file path/,
      )
    })
  })

  it('dry-run shows the change and writes nothing', async () => {
    const repo = makeRemote(gitopsFiles())
    const before = snapshot(repo.clone)
    const result = await bump(repo.clone, {
      services: 'user-service, order-service',
      environment: 'dev',
      value: 'v5',
      'dry-run': 'true',
    })
    expectOk(result)
    expect(result.outputs.changed).toBe('true')
    expect(result.outputs.commit).toBe('')
    expect(result.outputs.files).toBe(`${DEV('user-service')}\n${DEV('order-service')}`)
    expect(result.outputs.diff).toContain('+  tag: "v5"')
    expect(result.summary).toContain('Dry run')
    expect(snapshot(repo.clone)).toEqual(before)
    expect(history(repo.bare)).toEqual(['initial'])
  })

  it('commit: false edits the checkout only', async () => {
    const repo = makeRemote(gitopsFiles())
    const result = await bump(repo.clone, {
      services: 'user-service',
      environment: 'dev',
      value: 'v6',
      commit: 'false',
    })
    expectOk(result)
    expect(readFileSync(join(repo.clone, DEV('user-service')), 'utf8')).toContain('tag: "v6"  #')
    expect(git(repo.clone, 'status', '--porcelain')).toBe(` M ${DEV('user-service')}`)
    expect(history(repo.bare)).toEqual(['initial'])
  })

  it('a separate GitOps repository cloned with a token that never shows', async () => {
    const repo = makeRemote(gitopsFiles())
    const token = 'ghs_SuperSecretToken0123456789'
    const workspace = tempDir('workspace-')
    const result = await bump(workspace, {
      repository: `file://${repo.bare}`,
      token,
      services: 'user-service',
      environment: 'staging',
      value: 'v7',
    })
    expectOk(result)
    expect(
      git(repo.bare, 'show', 'main:infra/helm-charts/user-service/values-staging.yaml'),
    ).toContain('tag: "v7"  #')
    // `::add-mask::` is how the runner learns what to mask; it never reaches the log.
    const stdout = result.stdout.replace(/^::add-mask::.*$/gm, '')
    const everything = [stdout, result.stderr, JSON.stringify(result.outputs), result.summary]
    for (const text of everything) expect(text).not.toContain(token)
    const onDisk = (dir: string): string[] =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => readFileSync(join(e.parentPath, e.name), 'latin1'))
    const files = [...onDisk(join(result.runnerDir, 'temp')), ...onDisk(workspace)]
    expect(files.length).toBeGreaterThan(10) // the clone is in RUNNER_TEMP
    for (const text of files) {
      expect(text).not.toContain(token)
    }
  })

  it('over HTTP the token goes in a header for each command, never onto disk', async () => {
    const repo = makeRemote(gitopsFiles())
    git(repo.bare, 'config', 'http.receivepack', 'true')
    const token = 'ghs_HttpToken0123456789abcdef'
    const server = await startGitHttpServer(repo.bare, token)
    try {
      const workspace = tempDir('workspace-')
      const result = await bump(
        workspace,
        {
          repository: server.url,
          token,
          services: 'user-service',
          environment: 'prod',
          value: 'v8',
        },
        // The token goes only to the GitHub server it belongs to: here, the local one.
        { GITHUB_SERVER_URL: server.url },
      )
      expectOk(result)
      expect(
        git(repo.bare, 'show', 'main:infra/helm-charts/user-service/values-prod.yaml'),
      ).toContain('tag: "v8"  #')
      // clone, fetch and push all authenticated (a request without the header gets a 401).
      expect(server.authorizations.filter((a) => a !== '').length).toBeGreaterThanOrEqual(3)
      const stdout = result.stdout.replace(/^::add-mask::.*$/gm, '')
      const basic = Buffer.from(`x-access-token:${token}`).toString('base64')
      for (const secret of [token, basic]) {
        expect(stdout + result.stderr + JSON.stringify(result.outputs)).not.toContain(secret)
        for (const entry of readdirSync(result.runnerDir, {
          recursive: true,
          withFileTypes: true,
        })) {
          if (!entry.isFile()) continue
          expect(readFileSync(join(entry.parentPath, entry.name), 'latin1')).not.toContain(secret)
        }
      }
    } finally {
      await server.close()
    }
  })

  it('never sends the token to a host other than the GitHub server', async () => {
    const repo = makeRemote(gitopsFiles())
    const server = await startGitHttpServer(repo.bare, 'right-token')
    try {
      const result = await bump(tempDir('workspace-'), {
        repository: server.url,
        token: 'right-token',
        services: 'user-service',
        environment: 'prod',
        value: 'v8',
      })
      // GITHUB_SERVER_URL is github.com here: the local server gets no header, so it refuses.
      expect(result.exitCode).toBe(1)
      expect(server.authorizations.filter((a) => a !== '')).toEqual([])
    } finally {
      await server.close()
    }
  })

  it('a wrong token fails plainly, naming the repository', async () => {
    const repo = makeRemote(gitopsFiles())
    const server = await startGitHttpServer(repo.bare, 'right-token')
    try {
      const result = await bump(
        tempDir('workspace-'),
        {
          repository: server.url,
          token: 'wrong-token',
          services: 'user-service',
          environment: 'prod',
          value: 'v8',
        },
        { GITHUB_SERVER_URL: server.url },
      )
      expect(result.exitCode).toBe(1)
      expect(result.stdout).toMatch(/Could not clone repository http:\/\/127\.0\.0\.1/)
      expect(result.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain('wrong-token')
      // The failed clone leaves no directory behind in RUNNER_TEMP.
      expect(
        readdirSync(join(result.runnerDir, 'temp')).filter((name) => name.startsWith('gitops-')),
      ).toEqual([])
    } finally {
      await server.close()
    }
  })

  it('a files glob matches the files of the commit it edits, at every attempt', async () => {
    const repo = makeRemote(gitopsFiles(['user-service', 'order-service', 'cart-service']))
    // Another pipeline's commit: it adds a service and removes one. It lands
    // just before this run's first push, through a stand-in git on PATH.
    const other = cloneOf(repo.bare)
    commitFiles(other, { [DEV('payment-service')]: valuesFile('payment-service') }, 'add payment')
    git(other, 'rm', '-q', DEV('cart-service'))
    git(other, 'commit', '-q', '-m', 'remove cart')
    const result = await bump(
      repo.clone,
      { files: 'infra/helm-charts/*/values-dev.yaml', value: 'v9' },
      racingGit(`git -C '${other}' push -q origin main`),
    )
    expectOk(result)
    expect(result.stdout).toMatch(/recomputing at the new tip/)
    const bumped = ['order-service', 'payment-service', 'user-service'].map(DEV)
    expect(result.outputs.files!.split('\n')).toEqual(bumped)
    for (const file of bumped) expect(git(repo.bare, 'show', `main:${file}`)).toContain('tag: "v9"')
    expect(git(repo.bare, 'show', '--name-only', '--format=', 'main')).toBe(bumped.join('\n'))
    expect(history(repo.bare)).toEqual([
      'Update infra/helm-charts/order-service/values-dev.yaml, infra/helm-charts/payment-service/values-dev.yaml, infra/helm-charts/user-service/values-dev.yaml to v9',
      'remove cart',
      'add payment',
      'initial',
    ])
  })

  it('a files glob never reaches into a submodule: the dry run shows what the commit makes', async () => {
    const vendored = makeRemote({ 'charts/vendored/values-dev.yaml': 'image:\n  tag: "1"\n' })
    const repo = makeRemote(gitopsFiles(['user-service']))
    const allowFile = ['-c', 'protocol.file.allow=always']
    git(repo.clone, ...allowFile, 'submodule', 'add', '-q', vendored.bare, 'vendor')
    git(repo.clone, 'commit', '-q', '-m', 'vendor a chart')
    git(repo.clone, 'push', '-q', 'origin', 'main')
    const inputs = { files: '**/values-dev.yaml', value: 'v5' }
    const dry = await bump(repo.clone, { ...inputs, 'dry-run': 'true' })
    expectOk(dry)
    const real = await bump(repo.clone, inputs)
    expectOk(real)
    expect(real.outputs.files).toBe(DEV('user-service'))
    expect(dry.outputs.files).toBe(real.outputs.files)
    expect(
      readFileSync(join(repo.clone, 'vendor/charts/vendored/values-dev.yaml'), 'utf8'),
    ).toContain('tag: "1"')
  })

  it('concurrency: 12 parallel runs bump 12 services on one branch, none lost, none failed', async () => {
    const repo = makeRemote(gitopsFiles(SERVICES))
    const clones = SERVICES.map(() => cloneOf(repo.bare))
    const results = await Promise.all(
      SERVICES.map((service, i) =>
        bump(clones[i]!, { services: service, environment: 'dev', value: `v-${service}` }),
      ),
    )
    for (const result of results) expectOk(result)
    for (const service of SERVICES) {
      expect(git(repo.bare, 'show', `main:${DEV(service)}`)).toContain(`tag: "v-${service}"  #`)
    }
    expect(history(repo.bare)).toHaveLength(SERVICES.length + 1)
    expect(new Set(results.map((r) => r.outputs.commit)).size).toBe(SERVICES.length)
    // Some runs had to recompute at a moved tip; that is the point.
    expect(results.some((r) => /recomputing at the new tip/.test(r.stdout))).toBe(true)
  }, 180_000)
})
