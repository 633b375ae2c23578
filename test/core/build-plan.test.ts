import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { type BuildRequest, planBuild } from '../../src/core/build-plan'
import { buildxArgs, classicBuildArgs, parseBuildxMetadata } from '../../src/core/docker-args'
import { eventContext } from '../../src/core/event-context'
import { imageFor, normalizeImageName, registryHost } from '../../src/core/image-name'
import { registryEndpoint } from '../../src/io/registry'
import {
  type GitHubEvent,
  PR_HEAD_SHA,
  pullRequestEvent,
  pushEvent,
  SHA,
} from '../fixtures/github-events'
import { tempDir } from '../harness/git-fixtures'

const workspace = tempDir('plan-')
mkdirSync(join(workspace, 'services/cart'), { recursive: true })

const request: BuildRequest = {
  service: 'cart',
  context: undefined,
  dockerfile: undefined,
  registry: 'ghcr.io/MiniShop',
  image: undefined,
  tags: [],
  defaultTags: true,
  latest: 'auto',
  push: 'auto',
  load: false,
  dryRun: false,
  buildArgs: [],
  labels: [],
  platforms: [],
  target: undefined,
  pull: false,
  cache: 'gha',
  provenance: 'auto',
  builder: undefined,
}

function plan(
  overrides: Partial<BuildRequest> = {},
  event: GitHubEvent = pushEvent('refs/heads/main'),
) {
  const env = {
    GITHUB_REPOSITORY: 'minishop/user-service',
    GITHUB_SERVER_URL: 'https://github.com',
    ...event.env,
  }
  return planBuild({ ...request, ...overrides }, eventContext(env, event.payload), {
    workspace,
    now: '2026-01-02T03:04:05.000Z',
    isDirectory: (path) => path === join(workspace, 'services/cart'),
  })
}

describe('planBuild', () => {
  it('defaults: image from registry + service, lower case; context services/<service>; OCI labels', () => {
    const p = plan()
    expect(p.image).toBe('ghcr.io/minishop/cart')
    expect(p.refs).toEqual([`ghcr.io/minishop/cart:${SHA}`, 'ghcr.io/minishop/cart:latest'])
    expect(p.tag).toBe(SHA)
    expect(p.context).toBe(join(workspace, 'services/cart'))
    expect(p.dockerfile).toBe(join(workspace, 'services/cart/Dockerfile'))
    expect(p.registry).toBe('ghcr.io')
    expect(p.push).toBe(true)
    expect(p.provenance).toBe('false')
    expect(p.labels).toEqual({
      'org.opencontainers.image.source': 'https://github.com/minishop/user-service',
      'org.opencontainers.image.revision': SHA,
      'org.opencontainers.image.created': '2026-01-02T03:04:05.000Z',
      'org.opencontainers.image.version': SHA,
      'org.opencontainers.image.title': 'cart',
    })
  })

  it('context falls back to the workspace when services/<service> does not exist', () => {
    const p = plan({ service: 'search' })
    expect(p.contextPath).toBe('.')
    expect(p.dockerfilePath).toBe('Dockerfile')
  })

  it('a release labels its version; user labels extend and override', () => {
    const p = plan(
      { labels: ['team=checkout', 'org.opencontainers.image.title=Cart'] },
      pushEvent('refs/tags/v1.4.0'),
    )
    expect(p.labels['org.opencontainers.image.version']).toBe('1.4.0')
    expect(p.labels['org.opencontainers.image.title']).toBe('Cart')
    expect(p.labels.team).toBe('checkout')
  })

  it('push: auto is off for a fork pull request, with a note; push: true overrides', () => {
    const fork = pullRequestEvent('main', { headRepo: 'someone/user-service' })
    const p = plan({}, fork)
    expect(p.push).toBe(false)
    expect(p.notes[0]).toMatch(/^pull request from a fork: not pushing/)
    expect(plan({ push: 'true' }, fork).push).toBe(true)
    expect(plan({}, pullRequestEvent('feat')).push).toBe(true)
  })

  it('provenance: auto is buildx default for several platforms; explicit values pass through', () => {
    expect(plan({ platforms: ['linux/amd64', 'linux/arm64'] }).provenance).toBeUndefined()
    expect(plan({ provenance: 'mode=max' }).provenance).toBe('mode=max')
    expect(() => plan({ provenance: 'yes please' })).toThrow(/Input provenance must be one of/)
  })

  const refused: [string, Partial<BuildRequest>, RegExp][] = [
    ['service with ..', { service: '..' }, /Input service must be one image path component/],
    ['service with a slash', { service: 'a/b' }, /Input service/],
    ['service with $(...)', { service: '$(id)' }, /Input service/],
    ['service with backticks', { service: '`id`' }, /Input service/],
    ['service with a space', { service: 'cart api' }, /Input service/],
    ['service with unicode', { service: 'cärt' }, /Input service/],
    ['service with a newline', { service: 'cart\nx' }, /Input service/],
    [
      'absolute context outside',
      { context: '/etc' },
      /Input context must be a path inside the workspace/,
    ],
    ['context climbing out', { context: '../../..' }, /Input context must be a path inside/],
    [
      'dockerfile climbing out',
      { dockerfile: '../Dockerfile' },
      /Input dockerfile must be a path inside/,
    ],
    [
      'image with a tag',
      { image: 'ghcr.io/x/y:latest' },
      /Input image is not a valid image name \(no tag or digest/,
    ],
    ['image with a digest', { image: `x/y@sha256:${'a'.repeat(64)}` }, /Input image/],
    [
      'image with ..',
      { image: 'ghcr.io/../etc' },
      /Input image is not a valid image name \(path component/,
    ],
    ['image with a shell character', { image: 'ghcr.io/a;b' }, /Input image/],
    ['registry with a bad host', { registry: 'ghcr$.io/x' }, /Input registry/],
    [
      'a build-arg without =',
      { buildArgs: ['NOPE'] },
      /Input build-args: each line must be KEY=value/,
    ],
    ['a label with a bad key', { labels: ['$(x)=1'] }, /Input labels/],
    ['a bad platform', { platforms: ['linux/amd64;id'] }, /Input platforms must match/],
    ['a bad target', { target: '--push' }, /Input target must match/],
    [
      'a push with nowhere to push to',
      { registry: undefined },
      /^Nowhere to push "cart": set registry/,
    ],
    [
      'load of several platforms',
      { load: true, platforms: ['linux/amd64', 'linux/arm64'] },
      /Input load/,
    ],
  ]
  it.each(refused)('refuses %s before anything runs', (_name, overrides, message) => {
    expect(() => plan(overrides)).toThrow(message)
  })

  it('without a registry, a build that does not push is fine', () => {
    expect(plan({ registry: undefined, push: 'false' }).image).toBe('cart')
    expect(plan({ registry: undefined, dryRun: true }).refs[0]).toBe(`cart:${SHA}`)
  })

  it('without a registry, a build that does not push is fine', () => {
    expect(plan({ registry: undefined, push: 'false' }).image).toBe('cart')
    expect(plan({ registry: undefined, dryRun: true }).refs[0]).toBe(`cart:${SHA}`)
  })

  it('a dockerfile relative to the workspace when given', () => {
    const p = plan({ dockerfile: 'docker/cart.Dockerfile' })
    expect(p.dockerfilePath).toBe('docker/cart.Dockerfile')
  })
})

describe('image names', () => {
  it.each([
    ['ghcr.io/MiniShop/Cart', 'ghcr.io/minishop/cart'],
    ['127.0.0.1:5000/a/b', '127.0.0.1:5000/a/b'],
    ['localhost/x', 'localhost/x'],
    ['minishop/cart', 'minishop/cart'],
    ['a__b/c-d.e', 'a__b/c-d.e'],
  ])('%s -> %s', (value, name) => {
    expect(normalizeImageName(value, 'image')).toBe(name)
  })

  it('the registry may be a bare host', () => {
    expect(imageFor('Cart', '127.0.0.1:5000', undefined)).toBe('127.0.0.1:5000/cart')
    expect(imageFor('cart', undefined, undefined)).toBe('cart')
    expect(registryHost('minishop/cart')).toBe('docker.io')
    expect(registryHost('ghcr.io/minishop/cart')).toBe('ghcr.io')
  })

  it('registry API endpoints: loopback over http, Docker Hub short names under library/', () => {
    expect(registryEndpoint('127.0.0.1:5000/a/b')).toEqual({
      baseUrl: 'http://127.0.0.1:5000',
      repository: 'a/b',
    })
    expect(registryEndpoint('ghcr.io/minishop/cart')).toEqual({
      baseUrl: 'https://ghcr.io',
      repository: 'minishop/cart',
    })
    expect(registryEndpoint('nginx')).toEqual({
      baseUrl: 'https://registry-1.docker.io',
      repository: 'library/nginx',
    })
  })
})

describe('docker argv', () => {
  it('buildx: push, gha cache scoped per service, provenance off, metadata file', () => {
    const p = plan({ buildArgs: ['NODE_ENV=production'], platforms: ['linux/amd64'] })
    expect(buildxArgs(p, { metadataFile: '/tmp/m.json' }, true)).toEqual([
      'buildx',
      'build',
      '--file',
      join(workspace, 'services/cart/Dockerfile'),
      '--tag',
      `ghcr.io/minishop/cart:${SHA}`,
      '--tag',
      'ghcr.io/minishop/cart:latest',
      ...Object.entries(p.labels).flatMap(([k, v]) => ['--label', `${k}=${v}`]),
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
      '/tmp/m.json',
      '--push',
      join(workspace, 'services/cart'),
    ])
  })

  it('buildx: registry cache is only written when pushing; load; no gha without the token', () => {
    const pr = plan(
      { cache: 'registry', push: 'false', load: true, builder: 'ci' },
      pullRequestEvent('feat'),
    )
    const args = buildxArgs(pr, { metadataFile: '/m' }, true)
    expect(args.slice(0, 4)).toEqual(['buildx', 'build', '--builder', 'ci'])
    expect(args).toContain(`ghcr.io/minishop/cart:feat-${PR_HEAD_SHA}`)
    expect(args).toContain('--cache-from')
    expect(args).toContain('type=registry,ref=ghcr.io/minishop/cart:buildcache')
    expect(args).not.toContain('--cache-to')
    expect(args).not.toContain('--push')
    expect(args.at(-2)).toBe('--load')
    expect(buildxArgs(plan(), { metadataFile: '/m' }, false)).not.toContain('--cache-from')
  })

  it('classic builder: tags, labels, iidfile, context last', () => {
    const p = plan({ target: 'runtime', pull: true, platforms: ['linux/arm64'] })
    const args = classicBuildArgs(p, { iidFile: '/tmp/iid' })
    expect(args[0]).toBe('build')
    expect(args.slice(-6)).toEqual([
      '--pull',
      '--platform',
      'linux/arm64',
      '--iidfile',
      '/tmp/iid',
      join(workspace, 'services/cart'),
    ])
    expect(args).toContain('--target')
    expect(args).not.toContain('--push')
  })

  it('reads buildx metadata', () => {
    const digest = `sha256:${'a'.repeat(64)}`
    const config = `sha256:${'b'.repeat(64)}`
    expect(
      parseBuildxMetadata(
        JSON.stringify({ 'containerimage.digest': digest, 'containerimage.config.digest': config }),
      ),
    ).toEqual({ digest, imageId: config })
    expect(parseBuildxMetadata('not json')).toEqual({ digest: undefined, imageId: undefined })
  })
})
