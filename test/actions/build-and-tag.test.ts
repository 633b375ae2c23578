import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  dockerReady,
  REGISTRY,
  registryDigest,
  STAND_IN_CONFIG,
  STAND_IN_DIGEST,
  standInDocker,
  uniqueName,
} from '../fixtures/docker-env'
import {
  type GitHubEvent,
  PR_HEAD_SHA,
  pullRequestEvent,
  pushEvent,
  SHA,
} from '../fixtures/github-events'
import { tempDir, writeFiles } from '../harness/git-fixtures'
import { runAction } from '../harness/run-action'

const DOCKERFILE = 'FROM scratch\nCOPY hello.txt /hello.txt\n'

function serviceWorkspace(): string {
  const workspace = tempDir('build-ws-')
  writeFiles(workspace, {
    'services/cart/Dockerfile': DOCKERFILE,
    'services/cart/hello.txt': 'cart\n',
    'services/orders/Dockerfile': DOCKERFILE,
    'services/orders/hello.txt': 'orders\n',
  })
  return workspace
}

function run(
  event: GitHubEvent,
  inputs: Record<string, string>,
  options: { workspace?: string; env?: Record<string, string> } = {},
) {
  return runAction('build-and-tag', {
    inputs,
    eventName: event.eventName,
    event: event.payload,
    workspace: options.workspace ?? serviceWorkspace(),
    env: { ...event.env, ...options.env },
  })
}

describe('build-and-tag: inputs and dry run (no docker)', () => {
  it('dry-run computes every output and calls no docker at all', async () => {
    const docker = standInDocker()
    const result = await run(
      pushEvent('refs/heads/main'),
      {
        service: 'cart',
        registry: 'ghcr.io/MiniShop',
        'dry-run': 'true',
        tags: '{service}-{short_sha}',
      },
      { env: docker.env() },
    )
    expect(result.exitCode, result.stdout).toBe(0)
    expect(docker.calls()).toEqual([])
    expect(result.outputs).toMatchObject({
      image: 'ghcr.io/minishop/cart',
      tags: [
        `ghcr.io/minishop/cart:${SHA}`,
        'ghcr.io/minishop/cart:latest',
        `ghcr.io/minishop/cart:cart-${SHA.slice(0, 7)}`,
      ].join('\n'),
      tag: SHA,
      digest: '',
      'image-id': '',
      'image-ref': `ghcr.io/minishop/cart:${SHA}`,
    })
    const metadata = JSON.parse(result.outputs.metadata!)
    expect(metadata).toMatchObject({
      dryRun: true,
      pushed: false,
      context: 'services/cart',
      kind: 'default-branch',
    })
    expect(metadata.labels['org.opencontainers.image.source']).toBe(
      'https://github.com/minishop/user-service',
    )
    expect(result.summary).toContain('<td>cart</td>')
    expect(result.summary).toContain('dry run (nothing built)')
  })

  it("runs through the root action (command: build-and-tag) with this action's defaults", async () => {
    const docker = standInDocker()
    const event = pullRequestEvent('feat/x')
    const result = await runAction('index', {
      inputs: {
        command: 'build-and-tag',
        service: 'cart',
        registry: 'ghcr.io/minishop',
        'dry-run': 'true',
      },
      eventName: event.eventName,
      event: event.payload,
      workspace: serviceWorkspace(),
      env: { ...event.env, ...docker.env() },
    })
    expect(result.exitCode, result.stdout).toBe(0)
    expect(result.outputs.tag).toBe(`feat-x-${PR_HEAD_SHA}`)
    expect(JSON.parse(result.outputs.metadata!)).toMatchObject({
      dryRun: true,
      kind: 'pull-request',
    })
    expect(docker.calls()).toEqual([])
  })

  const hostile: [string, Record<string, string>, string][] = [
    [
      'a service with $(...)',
      { service: '$(touch /tmp/pwned)' },
      'Input service must be one image path component',
    ],
    [
      'a service with backticks',
      { service: '`id`' },
      'Input service must be one image path component',
    ],
    [
      'a service leaving the workspace',
      { service: '../../etc' },
      'Input service must be one image path component',
    ],
    [
      'an absolute context',
      { service: 'cart', context: '/etc' },
      'Input context must be a path inside the workspace',
    ],
    [
      'an image with a shell character',
      { service: 'cart', image: 'x/y;id' },
      'Input image is not a valid image name',
    ],
    ['a template with a backtick', { service: 'cart', tags: 'a`id`' }, 'Input tags:'],
    [
      'half a login',
      { service: 'cart', username: 'bot' },
      'Inputs username and password go together',
    ],
  ]
  it.each(hostile)(
    'refuses %s with one clear error and no docker call',
    async (_name, inputs, message) => {
      const docker = standInDocker()
      const result = await run(pushEvent('refs/heads/main'), inputs, { env: docker.env() })
      expect(result.exitCode).toBe(1)
      expect(result.annotations).toHaveLength(1)
      expect(result.annotations[0]!.message).toContain(message)
      expect(result.annotations[0]!.message).not.toContain('bug')
      expect(docker.calls()).toEqual([])
      expect(result.outputs).toEqual({})
    },
  )
})

describe('build-and-tag: buildx (recording stand-in docker)', () => {
  const cacheEnv = {
    ACTIONS_RUNTIME_TOKEN: 'runtime-token-value',
    ACTIONS_CACHE_URL: 'https://artifactcache.example.test/abc/',
    ACTIONS_RESULTS_URL: 'https://results-receiver.example.test/',
  }

  it('hands buildx exactly: tags, labels, --platform, gha cache, --provenance=false, --metadata-file, --push', async () => {
    const docker = standInDocker()
    const workspace = serviceWorkspace()
    const result = await run(
      pullRequestEvent('feature/Cart-V2'),
      {
        service: 'cart',
        registry: 'ghcr.io/minishop',
        platforms: 'linux/amd64',
        'build-args': 'NODE_ENV=production',
      },
      { workspace, env: { ...docker.env(), ...cacheEnv } },
    )
    expect(result.exitCode, result.stdout + result.stderr).toBe(0)
    const calls = docker.calls()
    expect(calls.map((c) => c.args.slice(0, 2))).toEqual([
      ['buildx', 'version'],
      ['buildx', 'inspect'],
      ['buildx', 'build'],
    ])
    const build = calls[2]!
    const metadata = JSON.parse(result.outputs.metadata!)
    const metadataFile = build.args[build.args.indexOf('--metadata-file') + 1]!
    expect(metadataFile.startsWith(join(result.runnerDir, 'temp'))).toBe(true)
    const ref = `ghcr.io/minishop/cart:feature-cart-v2-${PR_HEAD_SHA}`
    expect(build.args).toEqual([
      'buildx',
      'build',
      '--file',
      join(workspace, 'services/cart/Dockerfile'),
      '--tag',
      ref,
      ...Object.entries(metadata.labels as Record<string, string>).flatMap(([k, v]) => [
        '--label',
        `${k}=${v}`,
      ]),
      '--build-arg',
      'NODE_ENV=production',
      '--platform',
      'linux/amd64',
      '--cache-from',
      'type=gha,scope=cart',
      '--cache-to',
      'type=gha,scope=cart,mode=max',
      '--provenance=false',
      '--metadata-file',
      metadataFile,
      '--push',
      join(workspace, 'services/cart'),
    ])
    // The cache token reaches buildx through its environment, never its argv.
    expect(build.env).toMatchObject(cacheEnv)
    expect(build.args.join(' ')).not.toContain('runtime-token-value')
    expect(Object.keys(metadata.labels)).toEqual([
      'org.opencontainers.image.source',
      'org.opencontainers.image.revision',
      'org.opencontainers.image.created',
      'org.opencontainers.image.version',
      'org.opencontainers.image.title',
    ])
    expect(metadata.labels['org.opencontainers.image.revision']).toBe(PR_HEAD_SHA)
    expect(result.outputs).toMatchObject({
      image: 'ghcr.io/minishop/cart',
      tags: ref,
      tag: `feature-cart-v2-${PR_HEAD_SHA}`,
      digest: STAND_IN_DIGEST,
      'image-id': STAND_IN_CONFIG,
      'image-ref': `ghcr.io/minishop/cart@${STAND_IN_DIGEST}`,
    })
    expect(result.summary).toContain(`<code>${STAND_IN_DIGEST}</code>`)
    expect(result.stdout).toContain('::group::Build ghcr.io/minishop/cart (buildx)')
  })

  it('a fork pull request builds without pushing; load and several platforms reach buildx', async () => {
    const docker = standInDocker()
    const result = await run(
      pullRequestEvent('main', { headRepo: 'someone/user-service' }),
      {
        service: 'orders',
        registry: 'ghcr.io/minishop',
        load: 'true',
        cache: 'registry',
        provenance: 'true',
      },
      { env: docker.env() },
    )
    expect(result.exitCode, result.stdout).toBe(0)
    const build = docker.calls().at(-1)!.args
    expect(build).not.toContain('--push')
    expect(build).toContain('--load')
    expect(build).toContain('--provenance=true')
    expect(build).toContain('type=registry,ref=ghcr.io/minishop/orders:buildcache')
    expect(build).not.toContain('--cache-to')
    expect(result.outputs.digest).toBe('')
    expect(result.outputs['image-id']).toBe(STAND_IN_CONFIG)
    expect(result.annotations.map((a) => a.message)).toContain(
      'pull request from a fork: not pushing (its token cannot write packages); set push: true to override',
    )

    const multi = standInDocker()
    const several = await run(
      pushEvent('refs/heads/main'),
      {
        service: 'orders',
        registry: 'ghcr.io/minishop',
        platforms: 'linux/amd64,linux/arm64',
        cache: 'none',
      },
      { env: multi.env() },
    )
    expect(several.exitCode, several.stdout).toBe(0)
    const args = multi.calls().at(-1)!.args
    expect(args).toContain('linux/amd64,linux/arm64')
    expect(args.some((a) => a.startsWith('--provenance'))).toBe(false)
    expect(args).not.toContain('--cache-from')
  })

  it('without the runner cache token, gha cache is dropped with a notice instead of failing buildx', async () => {
    const docker = standInDocker()
    const result = await run(
      pushEvent('refs/heads/main'),
      { service: 'cart', registry: 'ghcr.io/minishop' },
      { env: docker.env() },
    )
    expect(result.exitCode).toBe(0)
    expect(docker.calls().at(-1)!.args).not.toContain('--cache-from')
    expect(result.annotations.map((a) => a.message).join('\n')).toContain(
      'cache: gha needs the runner cache token',
    )
  })

  it("the docker driver (buildx's default builder) cannot export a cache: built without one, with a notice", async () => {
    const docker = standInDocker()
    const result = await run(
      pushEvent('refs/heads/main'),
      { service: 'cart', registry: 'ghcr.io/minishop', cache: 'registry', builder: 'default' },
      {
        env: {
          ...docker.env({ driver: 'docker' }),
          ACTIONS_RUNTIME_TOKEN: 't',
          ACTIONS_CACHE_URL: 'u',
        },
      },
    )
    expect(result.exitCode, result.stdout).toBe(0)
    expect(docker.calls()[1]!.args).toEqual(['buildx', 'inspect', '--builder', 'default'])
    const build = docker.calls().at(-1)!.args
    expect(build.slice(0, 4)).toEqual(['buildx', 'build', '--builder', 'default'])
    expect(build).not.toContain('--cache-from')
    expect(build).not.toContain('--cache-to')
    expect(result.annotations.map((a) => a.message).join('\n')).toContain(
      'cache: registry needs a buildx builder with the docker-container driver',
    )
  })

  it('logs in with the password on stdin, masked, in a config under RUNNER_TEMP; the post step logs out', async () => {
    const docker = standInDocker()
    const password = 's3cr3t-p@ss'
    const result = await run(
      pushEvent('refs/heads/main'),
      { service: 'cart', registry: 'ghcr.io/minishop', username: 'ci-bot', password },
      { env: docker.env() },
    )
    expect(result.exitCode, result.stdout).toBe(0)
    const calls = docker.calls()
    const login = calls.find((c) => c.args[0] === 'login')!
    expect(login.args).toEqual(['login', 'ghcr.io', '--username', 'ci-bot', '--password-stdin'])
    expect(login.stdin).toBe(password)
    const configDir = login.env.DOCKER_CONFIG!
    expect(configDir.startsWith(join(result.runnerDir, 'temp'))).toBe(true)
    // Every docker call of the step uses the private config.
    for (const call of calls) expect(call.env.DOCKER_CONFIG).toBe(configDir)
    expect(result.stdout).toContain(`::add-mask::${password}`)
    expect(result.stdout.replace(`::add-mask::${password}`, '')).not.toContain(password)
    expect(existsSync(join(configDir, 'config.json'))).toBe(true)

    const post = await result.post()
    expect(post.exitCode, post.stdout).toBe(0)
    const logout = docker.calls().at(-1)!
    expect(logout.args).toEqual(['logout', 'ghcr.io'])
    expect(logout.env.DOCKER_CONFIG).toBe(configDir)
    expect(existsSync(configDir)).toBe(false)
  })

  it('more than one platform without buildx is refused clearly', async () => {
    const docker = standInDocker()
    const result = await run(
      pushEvent('refs/heads/main'),
      { service: 'cart', registry: 'ghcr.io/minishop', platforms: 'linux/amd64,linux/arm64' },
      { env: docker.env({ buildx: false }) },
    )
    expect(result.exitCode).toBe(1)
    expect(result.annotations[0]!.message).toBe(
      'Input platforms: building for linux/amd64, linux/arm64 needs docker buildx, which this runner does not have',
    )
    expect(docker.calls().map((c) => c.args[0])).toEqual(['buildx'])
  })
})

const ready = await dockerReady()

describe.skipIf(!ready && !process.env.CI)(
  'build-and-tag: real docker build and push to 127.0.0.1',
  () => {
    const namespace = uniqueName('build')
    const registry = `${REGISTRY}/${namespace}`
    const cleanup: string[] = []

    afterAll(() => {
      if (cleanup.length > 0) {
        try {
          execFileSync('docker', ['image', 'rm', '--force', ...cleanup], { stdio: 'ignore' })
        } catch {
          // Best effort: the names are unique to this run.
        }
      }
    })

    it('docker and the registry are up (CI fails here instead of skipping)', () => {
      expect(ready, `docker engine or registry ${REGISTRY} not available`).toBe(true)
    })

    it('builds and pushes two services; digest == registry Docker-Content-Digest for every tag; labels on the image', async () => {
      const workspace = serviceWorkspace()
      const events: [string, GitHubEvent, string[]][] = [
        ['cart', pushEvent('refs/heads/main'), [SHA, 'latest', 'cart-run-17']],
        [
          'orders',
          pushEvent('refs/tags/v1.2.3', { created: true }),
          ['1.2.3', SHA, 'latest', 'orders-run-17'],
        ],
      ]
      for (const [service, event, tags] of events) {
        const result = await run(
          event,
          { service, registry, tags: '{service}-run-{run_number}' },
          { workspace },
        )
        expect(result.exitCode, result.stdout + result.stderr).toBe(0)
        const image = `${registry}/${service}`
        cleanup.push(...tags.map((t) => `${image}:${t}`))
        expect(result.outputs.image).toBe(image)
        expect(result.outputs.tags).toBe(tags.map((t) => `${image}:${t}`).join('\n'))
        expect(result.outputs.tag).toBe(SHA)
        const digest = result.outputs.digest!
        expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/)
        for (const tag of tags) {
          expect(await registryDigest(`${namespace}/${service}`, tag), `${image}:${tag}`).toBe(
            digest,
          )
        }
        expect(result.outputs['image-ref']).toBe(`${image}@${digest}`)

        const inspect = JSON.parse(
          execFileSync(
            'docker',
            ['image', 'inspect', '--format', '{{json .}}', `${image}:${SHA}`],
            {
              encoding: 'utf8',
            },
          ),
        )
        expect(result.outputs['image-id']).toBe(inspect.Id)
        expect(inspect.RepoDigests).toContain(`${image}@${digest}`)
        const labels = inspect.Config.Labels as Record<string, string>
        expect(labels).toMatchObject({
          'org.opencontainers.image.source': 'https://github.com/minishop/user-service',
          'org.opencontainers.image.revision': SHA,
          'org.opencontainers.image.version': service === 'orders' ? '1.2.3' : SHA,
          'org.opencontainers.image.title': service,
        })
        expect(Date.parse(labels['org.opencontainers.image.created']!)).not.toBeNaN()
        expect(result.stdout).toContain('docker buildx not found: using docker build + docker push')
        expect(result.summary).toContain(`<code>${digest}</code>`)
        expect(JSON.parse(result.outputs.metadata!)).toMatchObject({
          builder: 'docker',
          pushed: true,
          digest,
        })
      }
    })

    it('a fork pull request with load: builds into the engine, pushes nothing', async () => {
      const result = await run(pullRequestEvent('feat/x', { headRepo: 'someone/user-service' }), {
        service: 'cart',
        registry,
        load: 'true',
      })
      expect(result.exitCode, result.stdout + result.stderr).toBe(0)
      const tag = `feat-x-${PR_HEAD_SHA}`
      const ref = `${registry}/cart:${tag}`
      cleanup.push(ref)
      expect(result.outputs).toMatchObject({ tag, digest: '', 'image-ref': ref })
      const id = execFileSync('docker', ['image', 'inspect', '--format', '{{.Id}}', ref], {
        encoding: 'utf8',
      }).trim()
      expect(result.outputs['image-id']).toBe(id)
      expect(await registryDigest(`${namespace}/cart`, tag)).toBeNull()
      expect(result.summary).toContain('built, not pushed')
    })

    it('a failing build fails the step with docker output and sets no outputs', async () => {
      const workspace = tempDir('build-ws-')
      writeFiles(workspace, { 'services/broken/Dockerfile': 'FROM scratch\nCOPY missing.txt /\n' })
      const result = await run(
        pushEvent('refs/heads/main'),
        { service: 'broken', registry },
        { workspace },
      )
      expect(result.exitCode).toBe(1)
      expect(result.annotations).toHaveLength(1)
      const message = result.annotations[0]!.message
      expect(message).toMatch(
        new RegExp(
          `^docker build of ${registry}/broken failed \\(docker exit code 1\\):\nCOPY failed: .*missing\\.txt`,
        ),
      )
      expect(message).not.toContain('DEPRECATED')
      expect(message).not.toContain('bug in minishop')
      expect(result.outputs).toEqual({})
    })
  },
)
