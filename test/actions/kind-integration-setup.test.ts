// kind-integration's setup paths: tools from a mirror (right and wrong
// checksums), image loading, kustomize, kind config files, input errors.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import YAML from 'yaml'
import { platformOf } from '../../src/core/kind-tools'
import { setupStubs, toolMirrorFiles } from '../fixtures/kind-stubs'
import { startFileServer } from '../harness/file-server'
import { tempDir, writeFiles } from '../harness/git-fixtures'
import { ROOT } from '../harness/run-action'
import {
  CLUSTER,
  CREATE,
  DEPLOY,
  dockerAvailable,
  lines,
  main,
  WORK,
  workspace,
} from './kind-integration.shared'

describe('kind-integration: tools from a mirror', () => {
  const platform = platformOf(process.platform, process.arch)
  const versions = { kind: 'v0.33.0', kubectl: 'v1.37.0', helm: 'v4.3.0' }

  it('downloads and verifies kind, kubectl and helm, caches them, and runs the cached binaries', async () => {
    const server = await startFileServer(toolMirrorFiles(platform, versions))
    const stubs = setupStubs({ tools: ['docker'] })
    try {
      const r = await main(stubs, {
        tools: `${server.url}/`,
        'test-command': 'kind version && helm version --short',
      })
      expect(r.exitCode).toBe(0)
      const cache = join(r.runnerDir, 'tool-cache')
      const via = new Set(
        stubs
          .calls()
          .filter((c) => c.tool !== 'docker')
          .map((c) => c.via),
      )
      expect([...via].sort()).toEqual([
        join(cache, 'helm/4.3.0', process.arch, 'helm'),
        join(cache, 'kind/0.33.0', process.arch, 'kind'),
        join(cache, 'kubectl/1.37.0', process.arch, 'kubectl'),
      ])
      // On PATH for the test command and later steps.
      expect(readFileSync(join(r.runnerDir, 'path-main'), 'utf8')).toContain(
        join(cache, 'kind/0.33.0', process.arch),
      )
      expect(r.stdout).toContain('kind v0.33.0 go1.25.3')
      expect(r.stdout).toMatch(/kubectl v1\.37\.0: .*\/kubectl \(sha256 [0-9a-f]{64} verified\)/)
    } finally {
      await server.close()
    }
  })

  it('stops at a wrong checksum with a clear error, caching and creating nothing', async () => {
    const server = await startFileServer(toolMirrorFiles(platform, versions, 'kubectl'))
    const stubs = setupStubs({ tools: ['docker'] })
    try {
      const r = await main(stubs, { tools: server.url })
      expect(r.exitCode).toBe(1)
      expect(r.outputs.result).toBe('failed')
      expect(r.annotations.map((a) => a.message)).toEqual([
        expect.stringMatching(
          /^kubectl v1\.37\.0 from http:\/\/127\.0\.0\.1:\d+\/kubectl\/v1\.37\.0\/bin\/\w+\/\w+\/kubectl failed its SHA-256 check: .* says [0-9a-f]{64}, the download is [0-9a-f]{64}\. Nothing was installed or cached\./,
        ),
      ])
      const cache = join(r.runnerDir, 'tool-cache')
      expect(existsSync(cache) ? readdirSync(cache) : []).toEqual([])
      expect(stubs.calls()).toEqual([])
      const post = await r.post()
      expect(post.exitCode).toBe(0)
      expect(post.stdout).toContain('created no cluster')
    } finally {
      await server.close()
    }
  })
})

describe('kind-integration: images and deploy variants', () => {
  it('falls back to docker save + kind load image-archive when kind load docker-image fails', async () => {
    const stubs = setupStubs({ fail: ['kind load docker-image minishop/catalog'] })
    const r = await main(stubs, { images: DEPLOY.images })
    expect(r.exitCode).toBe(0)
    const all = lines(stubs, r)
    const archive = `${WORK}/images/image-0.tar`
    expect(
      all.filter((l) => l.includes('minishop/catalog') || l.includes('image-archive')),
    ).toEqual([
      'docker image inspect --format {{.Id}} minishop/catalog:sha-1a2b3c4',
      `kind load docker-image minishop/catalog:sha-1a2b3c4 --name ${CLUSTER}`,
      `docker save --output ${archive} minishop/catalog:sha-1a2b3c4`,
      `kind load image-archive ${archive} --name ${CLUSTER}`,
    ])
    expect(all).toContain(
      `kind load docker-image minishop/storefront:sha-1a2b3c4 --name ${CLUSTER}`,
    )
    expect(existsSync(archive.replace('$RUNNER', r.runnerDir))).toBe(false)
  })

  it('names an image that is not in the Docker image store', async () => {
    const stubs = setupStubs({
      fail: ['docker image inspect --format {{.Id}} minishop/storefront'],
    })
    const r = await main(stubs, DEPLOY)
    expect(r.exitCode).toBe(1)
    expect(r.annotations.find((a) => a.level === 'error')?.message).toMatch(
      /^Loading images into the cluster failed:\n- minishop\/storefront:sha-1a2b3c4 is not in the runner's Docker image store: build or pull it first\n/,
    )
  })

  it('saves a real image with the real docker for the archive fallback', async (ctx) => {
    if (!dockerAvailable()) {
      if (process.env.CI)
        throw new Error('docker is required in CI (bash scripts/start-services.sh)')
      ctx.skip()
    }
    const context = tempDir('image-')
    writeFiles(context, {
      Dockerfile: 'FROM scratch\nCOPY hello.txt /hello.txt\n',
      'hello.txt': 'hello\n',
    })
    const image = `minishop-kind-test/catalog:${Date.now()}`
    execFileSync('docker', ['build', '--quiet', '--tag', image, context], { stdio: 'ignore' })
    try {
      const stubs = setupStubs({
        tools: ['kind', 'kubectl', 'helm'],
        fail: ['kind load docker-image'],
      })
      const r = await main(stubs, { images: image })
      expect(r.exitCode).toBe(0)
      // The kind stand-in refuses an archive without an image manifest: this one came from docker save.
      expect(stubs.lines().filter((l) => l.startsWith('kind load image-archive'))).toHaveLength(1)
    } finally {
      execFileSync('docker', ['image', 'rm', '--force', image], { stdio: 'ignore' })
    }
  })

  it('applies a kustomize overlay instead of charts and waits for what it deploys', async () => {
    const stubs = setupStubs()
    const ws = workspace()
    writeFiles(ws, {
      'deployment/k8s/overlays/local/kustomization.yaml': 'resources:\n  - api.yaml\n',
      'deployment/k8s/overlays/local/api.yaml':
        'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: nats\n  namespace: shop\nspec: {}\n',
    })
    const r = await main(
      stubs,
      { kustomize: 'deployment/k8s/overlays/local', namespace: 'shop' },
      { workspace: ws },
    )
    expect(r.exitCode).toBe(0)
    expect(lines(stubs, r).slice(-3)).toEqual([
      'kubectl apply --kustomize deployment/k8s/overlays/local',
      'kubectl get deployments,statefulsets --namespace shop --output name',
      'kubectl rollout status statefulset.apps/nats --namespace shop --timeout=300s',
    ])
  })

  it('uses a kind config file from the repository, with the registry patch added', async () => {
    const stubs = setupStubs()
    const ws = workspace()
    writeFiles(ws, {
      'ci/kind.yaml':
        'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n  - role: control-plane\n  - role: worker\n',
    })
    const r = await main(
      stubs,
      { config: 'ci/kind.yaml', registry: true, 'node-image': 'kindest/node:v1.36.4' },
      { workspace: ws },
    )
    expect(r.exitCode).toBe(0)
    expect(lines(stubs, r)).toContain(`${CREATE} --image kindest/node:v1.36.4`)
    const config = YAML.parse(
      readFileSync(join(r.runnerDir, 'temp/kind-integration', CLUSTER, 'kind-config.yaml'), 'utf8'),
    )
    expect(config.nodes).toHaveLength(2)
    expect(config.containerdConfigPatches).toHaveLength(1)
    await r.post()
  })

  it('refuses bad inputs before downloading or creating anything', async () => {
    const cases: [Record<string, string>, string][] = [
      [
        { kustomize: 'k8s', services: 'catalog' },
        'Inputs kustomize and charts/services are alternatives',
      ],
      [{ services: 'payments' }, 'Input services: no Helm chart at infra/helm-charts/payments'],
      [
        { 'wait-timeout': 'soon' },
        'Input wait-timeout must be a duration like 300s, 5m or 1h, got "soon"',
      ],
      [{ config: 'missing.yaml' }, 'Input config: missing.yaml does not exist'],
      [{ kustomize: 'k8s/overlays/dev' }, 'Input kustomize: k8s/overlays/dev does not exist'],
      [
        { manifests: 'test/integration/dependencies.yaml' },
        'Input manifests: test/integration/dependencies.yaml does not exist',
      ],
      [
        { 'test-command': 'make e2e', 'working-directory': 'no-such-dir' },
        'Input working-directory: ',
      ],
      [
        { diagnostics: 'sometimes' },
        'Input diagnostics must be one of on-failure, always, never, got "sometimes"',
      ],
    ]
    for (const [inputs, message] of cases) {
      const stubs = setupStubs()
      const r = await main(stubs, inputs)
      expect(r.exitCode).toBe(1)
      expect(r.annotations[0]?.message).toContain(message)
      expect(stubs.calls()).toEqual([])
    }
  })
})

// The fixtures the repository's real-cluster workflow deploys must stay deployable.
describe('test/fixtures/e2e', () => {
  it('has a chart per sample service using .Values.image.repository/tag, and a dev values file', () => {
    for (const service of ['catalog', 'storefront']) {
      const chart = join(ROOT, 'test/fixtures/e2e/infra/helm-charts', service)
      expect(YAML.parse(readFileSync(join(chart, 'Chart.yaml'), 'utf8'))).toMatchObject({
        apiVersion: 'v2',
        name: service,
      })
      expect(YAML.parse(readFileSync(join(chart, 'values-dev.yaml'), 'utf8'))).toMatchObject({
        environment: 'dev',
      })
      expect(readFileSync(join(chart, 'templates/deployment.yaml'), 'utf8')).toContain(
        'image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"',
      )
      const dockerfile = readFileSync(
        join(ROOT, 'test/fixtures/e2e/services', service, 'Dockerfile'),
        'utf8',
      )
      expect(dockerfile).toMatch(/^FROM \S+@sha256:[0-9a-f]{64}$/m)
    }
    execFileSync('bash', ['-n', join(ROOT, 'test/fixtures/e2e/tests/smoke.sh')])
  })
})
