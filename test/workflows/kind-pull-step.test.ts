// kind-integration.yml's "Pull the images" step is shell, run here as the
// runner runs it (bash -eo pipefail, the step's and the job's env) with a
// recording stand-in for docker: which registry gets which credentials, what
// is pulled and tagged, what the step outputs.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { workflowStep } from '../harness/workflow-step'

const step = workflowStep('.github/workflows/kind-integration.yml', 'integration', 'pull')

const DIGEST = `sha256:${'a'.repeat(64)}`

function pull(images: unknown, env: Record<string, string> = {}) {
  // The step's env as the runner would evaluate it; each test sets the values.
  expect(Object.keys(step.env).sort()).toEqual([
    'DOCKER_CONFIG',
    'GITHUB_TOKEN',
    'IMAGES',
    'REGISTRY',
    'REGISTRY_PASSWORD',
    'REGISTRY_USERNAME',
  ])
  return step.run(
    {
      GITHUB_ACTOR: 'octocat',
      GITHUB_TOKEN: 'ghs_jobtoken',
      DOCKER_CONFIG: join('/nonexistent', 'docker-config'),
      IMAGES: JSON.stringify(images),
      REGISTRY: '',
      REGISTRY_USERNAME: '',
      REGISTRY_PASSWORD: '',
      ...env,
    },
    { stubs: ['docker'] },
  )
}

const SECRETS = { REGISTRY_USERNAME: 'robot', REGISTRY_PASSWORD: 's3cret' }

describe('kind-integration.yml: pulling the images', () => {
  it('one private registry: the secrets log in there, images are pulled by digest and tagged', () => {
    const r = pull(
      {
        orders: { image: 'registry.example.com/shop/orders', tag: 'v2', digest: DIGEST },
        users: { image: 'registry.example.com/shop/users', tag: 'v1' },
      },
      SECRETS,
    )
    expect(r.status, r.stdout + r.stderr).toBe(0)
    expect(r.calls).toEqual([
      'docker login registry.example.com --username robot --password-stdin <password:s3cret>',
      `docker pull --quiet registry.example.com/shop/orders@${DIGEST}`,
      `docker tag registry.example.com/shop/orders@${DIGEST} registry.example.com/shop/orders:v2`,
      'docker pull --quiet registry.example.com/shop/users:v1',
    ])
    expect(r.output).toMatch(
      /^refs<<(EOF_\w+)\nregistry\.example\.com\/shop\/orders:v2\nregistry\.example\.com\/shop\/users:v1\n\1\nservices<<\1\norders\nusers\n\1\n$/,
    )
  })

  it('the secrets go to the registry named, ghcr.io gets the job token, Docker Hub nothing', () => {
    const r = pull(
      {
        orders: { image: 'registry.example.com/shop/orders', tag: 'v2' },
        users: { image: 'ghcr.io/minishop/users', tag: 'v1' },
        proxy: { image: 'nginx', tag: '1.27' },
      },
      { ...SECRETS, REGISTRY: 'registry.example.com' },
    )
    expect(r.status, r.stdout + r.stderr).toBe(0)
    expect(r.calls.filter((c) => c.startsWith('docker login'))).toEqual([
      'docker login registry.example.com --username robot --password-stdin <password:s3cret>',
      'docker login ghcr.io --username octocat --password-stdin <password:ghs_jobtoken>',
    ])
  })

  it.each([
    ['a registry with its namespace, as service-ci.yml takes it', 'ghcr.io/minishop'],
    ['a URL', 'https://ghcr.io'],
  ])('registry given as %s: its host gets the secrets, and no second login', (_name, registry) => {
    const r = pull(
      { users: { image: 'ghcr.io/minishop/users', tag: 'v1' } },
      { ...SECRETS, REGISTRY: registry },
    )
    expect(r.status, r.stdout + r.stderr).toBe(0)
    expect(r.calls.filter((c) => c.startsWith('docker login'))).toEqual([
      'docker login ghcr.io --username robot --password-stdin <password:s3cret>',
    ])
  })

  it('a registry none of the images comes from: refused, the secrets go nowhere', () => {
    const r = pull(
      { users: { image: 'localhost:5000/shop/users', tag: 'v1' } },
      { ...SECRETS, REGISTRY: 'registry.example.com' },
    )
    expect(r.status).toBe(1)
    expect(r.stdout).toContain(
      '::error::registry registry.example.com is registry.example.com, where none of the images comes from (localhost:5000)',
    )
    expect(r.calls).toEqual([])
  })

  it('secrets and several registries, none named: refused before any login', () => {
    const r = pull(
      {
        orders: { image: 'registry.example.com/shop/orders', tag: 'v2' },
        proxy: { image: 'nginx', tag: '1.27' },
      },
      SECRETS,
    )
    expect(r.status).toBe(1)
    expect(r.stdout).toContain(
      '::error::the images come from several registries (docker.io registry.example.com): set the registry input',
    )
    expect(r.calls).toEqual([])
  })

  it('no secrets: only ghcr.io is logged in to, with the job token', () => {
    const r = pull({
      users: { image: 'ghcr.io/minishop/users', tag: 'v1', digest: DIGEST },
      proxy: { image: 'nginx', tag: '1.27' },
    })
    expect(r.status, r.stdout + r.stderr).toBe(0)
    expect(r.calls.filter((c) => c.startsWith('docker login'))).toEqual([
      'docker login ghcr.io --username octocat --password-stdin <password:ghs_jobtoken>',
    ])
  })

  it.each([
    ['not a JSON object', ['not', 'an', 'object']],
    ['empty', {}],
    [
      'a hand-written map of tags (deploy.yml takes those, this step needs images)',
      { users: 'v1.2.3' },
    ],
    ['an entry without a tag', { users: { image: 'ghcr.io/minishop/users' } }],
  ])('images %s: one clear error', (_name, images) => {
    const r = pull(images)
    expect(r.status).toBe(1)
    expect(r.stdout).toContain(
      '::error::input images must be a non-empty JSON object of service -> {image, tag, digest}',
    )
    expect(r.calls).toEqual([])
  })
})
