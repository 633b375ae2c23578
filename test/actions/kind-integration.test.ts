// kind-integration end to end: passing and failing runs, each asserting the
// exact commands in order and what a user sees (outputs, files, summary).
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import YAML from 'yaml'
import { listFiles } from '../../src/io/zip'
import { setupStubs } from '../fixtures/kind-stubs'
import {
  type FakeArtifactService,
  readZip,
  startFakeArtifactService,
} from '../harness/artifact-service'
import { runAction } from '../harness/run-action'
import {
  CLUSTER,
  CREATE,
  DELETE,
  DEPLOY,
  DEPLOY_LINES,
  DIAG,
  expectSequence,
  freePort,
  HELM,
  KUBECONFIG,
  LOAD,
  lines,
  main,
  NAMESPACE,
  portOpen,
  TOOLS,
  WAIT_NODES,
  workspace,
} from './kind-integration.shared'

describe('kind-integration: a passing run', () => {
  it('creates the cluster, wires the registry, loads images, deploys, tests, and the post step deletes it', async () => {
    const stubs = setupStubs()
    const [store, catalog] = [await freePort(), await freePort()]
    const r = await main(stubs, {
      ...DEPLOY,
      registry: true,
      'port-forward': `svc/storefront:${store}:80\nsvc/catalog:${catalog}:80`,
      'test-command': `echo "namespace=$NAMESPACE cluster=$KIND_CLUSTER_NAME registry=$KIND_REGISTRY kubeconfig=$KUBECONFIG"\ncurl -fsS http://127.0.0.1:${store}/\ncurl -fsS http://127.0.0.1:${catalog}/`,
    })
    expect(r.stderr).toBe('')
    expect(r.exitCode).toBe(0)
    const kubeconfig = KUBECONFIG.replace('$RUNNER', r.runnerDir)
    expect(r.outputs).toEqual({
      'cluster-name': CLUSTER,
      result: 'passed',
      kubeconfig,
      registry: 'localhost:5001',
    })
    const hosts = (node: string) => [
      `docker exec ${node} mkdir -p /etc/containerd/certs.d/localhost:5001`,
      `docker exec --interactive ${node} cp /dev/stdin /etc/containerd/certs.d/localhost:5001/hosts.toml`,
    ]
    expectSequence(lines(stubs, r), [
      ...TOOLS,
      `docker inspect --format {{.State.Running}} ${CLUSTER}-registry`,
      `docker run --detach --restart=always --publish 127.0.0.1:5001:5000 --network bridge --name ${CLUSTER}-registry registry:3`,
      CREATE,
      WAIT_NODES,
      `kind get nodes --name ${CLUSTER}`,
      ...hosts(`${CLUSTER}-control-plane`),
      ...hosts(`${CLUSTER}-worker`),
      ...hosts(`${CLUSTER}-worker2`),
      `docker inspect --format {{json .NetworkSettings.Networks.kind}} ${CLUSTER}-registry`,
      `docker network connect kind ${CLUSTER}-registry`,
      'kubectl apply --filename -',
      NAMESPACE,
      LOAD,
      ...DEPLOY_LINES,
      `kubectl port-forward --namespace shop --address 127.0.0.1 svc/storefront ${store}:80`,
      `kubectl port-forward --namespace shop --address 127.0.0.1 svc/catalog ${catalog}:80`,
    ])

    const calls = stubs.calls()
    // containerd's hosts.toml, not registry.mirrors; the KEP-1755 ConfigMap; the namespace.
    expect(calls.filter((c) => c.args.includes('/dev/stdin')).map((c) => c.stdin)).toEqual(
      Array(3).fill(`[host."http://${CLUSTER}-registry:5000"]\n`),
    )
    const applied = calls
      .filter((c) => c.args.join(' ') === 'apply --filename -')
      .map((c) => YAML.parse(c.stdin!))
    expect(applied[0]).toMatchObject({
      kind: 'ConfigMap',
      metadata: { name: 'local-registry-hosting' },
    })
    expect(applied[1]).toEqual({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } })
    const config = YAML.parse(
      readFileSync(join(r.runnerDir, 'temp/kind-integration', CLUSTER, 'kind-config.yaml'), 'utf8'),
    )
    expect(config.nodes).toEqual([
      { role: 'control-plane' },
      { role: 'worker' },
      { role: 'worker' },
    ])
    expect(config.containerdConfigPatches[0]).toContain('config_path = "/etc/containerd/certs.d"')
    // Every kubectl and helm call talks to this cluster only.
    for (const c of calls.filter((c) => c.tool === 'kubectl' || c.tool === 'helm').slice(2)) {
      expect(c.kubeconfig).toBe(kubeconfig)
    }

    // The test command saw the cluster and reached both services through their port-forwards.
    expect(r.stdout).toContain(
      `namespace=shop cluster=${CLUSTER} registry=localhost:5001 kubeconfig=${kubeconfig}`,
    )
    expect(r.stdout).toContain('forwarded svc/storefront port 80')
    expect(r.stdout).toContain('forwarded svc/catalog port 80')
    expect(await portOpen(store)).toBe(false) // stopped once the test ran
    expect(readFileSync(join(r.runnerDir, 'env-main'), 'utf8')).toContain(kubeconfig)
    expect(r.stdout).toMatch(/::group::Create kind cluster minishop-4242\n/)
    expect(r.summary).toContain(
      '## ✅ kind-integration passed: cluster `minishop-4242`, namespace `shop`',
    )
    expect(r.summary).toContain(
      '| catalog | `infra/helm-charts/catalog` | `minishop/catalog:sha-1a2b3c4` |',
    )

    const before = stubs.calls().length
    const post = await r.post()
    expect(post.exitCode).toBe(0)
    expect(lines(stubs, post).slice(before)).toEqual([
      'kind get clusters',
      DELETE,
      `docker rm --force ${CLUSTER}-registry`,
    ])
    expect(stubs.state().clusters).toEqual({})
    expect(stubs.state().containers).toEqual({})
    expect(post.annotations).toEqual([])
  })

  it('runs through the root action too, with the defaults of actions/kind-integration/action.yml', async () => {
    const stubs = setupStubs()
    const r = await runAction('index', {
      workspace: workspace(),
      env: stubs.env,
      inputs: { command: 'kind-integration', tools: 'path', 'test-command': 'kubectl get nodes' },
    })
    expect(r.exitCode).toBe(0)
    expect(r.outputs.result).toBe('passed')
    expectSequence(lines(stubs, r), [
      ...TOOLS,
      CREATE,
      WAIT_NODES,
      'kubectl apply --filename -',
      'kubectl get deployments,statefulsets --namespace default --output name',
      'kubectl get nodes',
    ])
    const post = await r.post()
    expect(post.exitCode).toBe(0)
    expect(lines(stubs, post).slice(-2)).toEqual(['kind get clusters', DELETE])
  })
})

describe('kind-integration: a failing test command', () => {
  let service: FakeArtifactService
  beforeAll(async () => {
    service = await startFakeArtifactService()
  })
  afterAll(() => service.close())

  it('gathers diagnostics, uploads them as one artifact, fails with result=failed, and post deletes the cluster', async () => {
    const stubs = setupStubs({ pods: ['crashloop:storefront'] })
    const r = await main(
      stubs,
      {
        ...DEPLOY,
        'artifact-name': 'kind-diagnostics',
        'test-command': 'echo "checking orders"\nexit 3',
      },
      { env: service.env },
    )
    expect(r.exitCode).toBe(1)
    const diag = DIAG.replace('$RUNNER', r.runnerDir)
    expect(r.outputs).toMatchObject({ result: 'failed', 'diagnostics-path': diag })
    expect(r.annotations.filter((a) => a.level === 'error').map((a) => a.message)).toEqual([
      'test-command failed with exit code 3\nDiagnostics: artifact kind-diagnostics; the job summary shows the pods and their logs.',
    ])

    const pod = (name: string, ns: string, container: string, previous = false) =>
      `kubectl logs ${name} --namespace ${ns} --container ${container} --timestamps --limit-bytes=2097152${previous ? ' --previous' : ''} --request-timeout=30s`
    expectSequence(lines(stubs, r), [
      ...TOOLS,
      CREATE,
      WAIT_NODES,
      NAMESPACE,
      LOAD,
      ...DEPLOY_LINES,
      'kubectl get nodes --output wide --request-timeout=30s',
      'kubectl describe nodes --request-timeout=30s',
      'kubectl get all --all-namespaces --output wide --request-timeout=30s',
      'kubectl get events --all-namespaces --sort-by=.metadata.creationTimestamp --request-timeout=30s',
      'kubectl get pods --all-namespaces --output json --request-timeout=30s',
      'kubectl describe pod storefront-5d4f8b7c9-10q7zt --namespace shop --request-timeout=30s',
      [
        pod('storefront-5d4f8b7c9-10q7zt', 'shop', 'storefront'),
        pod('storefront-5d4f8b7c9-10q7zt', 'shop', 'storefront', true),
        pod('catalog-5d4f8b7c9-7q7zt', 'shop', 'catalog'),
        pod('kv-store-5d4f8b7c9-8q7zt', 'shop', 'kv-store'),
        pod('coredns-7db6d8ff4d-2xk8p', 'kube-system', 'coredns'),
        pod(`etcd-${CLUSTER}-control-plane`, 'kube-system', 'etcd'),
        pod(`kube-apiserver-${CLUSTER}-control-plane`, 'kube-system', 'kube-apiserver'),
        pod('kindnet-ax7q2', 'kube-system', 'kindnet-cni'),
        pod('kindnet-bx7q2', 'kube-system', 'kindnet-cni'),
        pod('kindnet-cx7q2', 'kube-system', 'kindnet-cni'),
        pod(
          'local-path-provisioner-57c5987fd4-k9m2s',
          'local-path-storage',
          'local-path-provisioner',
        ),
      ],
      'helm status catalog --namespace shop',
      'helm status storefront --namespace shop',
      'helm list --all-namespaces --all',
      `kind export logs ${DIAG}/kind --name ${CLUSTER}`,
    ])

    // The files a reviewer downloads.
    const files = readdirSync(diag, { recursive: true }).map(String).sort()
    for (const file of [
      'nodes.txt',
      'nodes-describe.txt',
      'resources.txt',
      'events.txt',
      'pods.json',
      'describe/shop/storefront-5d4f8b7c9-10q7zt.txt',
      'logs/shop/storefront-5d4f8b7c9-10q7zt/storefront.previous.log',
      'logs/kube-system/coredns-7db6d8ff4d-2xk8p/coredns.log',
      'helm/catalog.txt',
      'helm/list.txt',
      `kind/${CLUSTER}-worker2/kubelet.log`,
      'test-output.log',
      'summary.md',
    ]) {
      expect(files).toContain(file)
    }
    expect(readFileSync(join(diag, 'test-output.log'), 'utf8')).toContain('checking orders')

    // One artifact with all of it, and the summary that says why without downloading it.
    expect(service.calls.map((c) => [c.method, c.body.name])).toEqual([
      ['CreateArtifact', 'kind-diagnostics'],
      ['FinalizeArtifact', 'kind-diagnostics'],
    ])
    const zipped = readZip(service.uploads[0]!.body)
    expect([...zipped.keys()]).toEqual(listFiles(diag))
    expect(
      zipped.get('logs/shop/storefront-5d4f8b7c9-10q7zt/storefront.previous.log')?.toString(),
    ).toContain('panic: dial tcp 10.96.0.10:5432')
    expect(r.summary).toContain(
      '## ❌ kind-integration failed: cluster `minishop-4242`, namespace `shop`',
    )
    expect(r.summary).toContain('**What failed:** test-command failed with exit code 3')
    expect(r.summary).toContain(
      'artifact [`kind-diagnostics`](https://github.com/minishop/user-service/actions/runs/4242/artifacts/987654)',
    )
    expect(r.summary).toContain(
      '| ❌ | shop | storefront-5d4f8b7c9-10q7zt | CrashLoopBackOff | 0/1 | 5 | CrashLoopBackOff: back-off 2m40s restarting failed container=storefront |',
    )
    expect(r.summary).toContain('panic: dial tcp 10.96.0.10:5432: connect: connection refused')
    expect(r.summary).toContain('checking orders')
    expect(Buffer.byteLength(r.summary)).toBeLessThan(1024 * 1024)

    const before = stubs.calls().length
    const post = await r.post()
    expect(post.exitCode).toBe(0)
    expect(lines(stubs, post).slice(before)).toEqual(['kind get clusters', DELETE])
  })

  it('gathers nothing with diagnostics: never, and still fails', async () => {
    const stubs = setupStubs()
    const r = await main(stubs, { diagnostics: 'never', 'test-command': 'false' })
    expect(r.exitCode).toBe(1)
    expect(r.outputs.result).toBe('failed')
    expect(r.outputs['diagnostics-path']).toBeUndefined()
    expect(lines(stubs, r).at(-1)).toBe(
      'kubectl get deployments,statefulsets --namespace default --output name',
    )
  })
})

describe('kind-integration: a rollout that does not finish', () => {
  it('fails naming the workload and the timeout, runs no test, gathers diagnostics', async () => {
    const stubs = setupStubs({
      fail: ['kubectl rollout status deployment.apps/storefront'],
      pods: ['crashloop:storefront'],
    })
    const r = await main(stubs, {
      ...DEPLOY,
      'wait-timeout': '2m',
      'port-forward': 'svc/storefront:18090:80',
      'test-command': 'echo should not run',
      'upload-diagnostics': false,
    })
    expect(r.exitCode).toBe(1)
    expect(r.outputs.result).toBe('failed')
    expect(r.annotations.find((a) => a.level === 'error')?.message).toMatch(
      /^Rollout did not finish within 120s \(wait-timeout\):\n- deployment\.apps\/storefront: error: timed out waiting for the condition\nDiagnostics: \/.*\/diagnostics; the job summary/,
    )
    const all = lines(stubs, r)
    expect(all).toContain('kubectl wait --for=condition=Ready nodes --all --timeout=120s')
    expect(all).toContain(HELM('storefront', '120s'))
    expect(all.filter((l) => l.startsWith('kubectl rollout status')).sort()).toEqual(
      ['catalog', 'kv-store', 'storefront'].map(
        (d) => `kubectl rollout status deployment.apps/${d} --namespace shop --timeout=120s`,
      ),
    )
    expect(all.some((l) => l.includes('port-forward'))).toBe(false)
    expect(r.stdout).not.toContain('should not run')
    expect(all).toContain('kubectl get pods --all-namespaces --output json --request-timeout=30s')
    expect(r.summary).toContain(
      'deployment.apps/storefront: error: timed out waiting for the condition',
    )
  })
})

describe('kind-integration: cluster creation fails', () => {
  it('exports the logs of the failed create, deletes it, and retries once', async () => {
    const stubs = setupStubs({ fail: ['kind create cluster #1'] })
    const r = await main(stubs, { 'test-command': 'true' })
    expect(r.exitCode).toBe(0)
    expect(r.outputs.result).toBe('passed')
    expectSequence(lines(stubs, r), [
      ...TOOLS,
      CREATE,
      `kind export logs ${DIAG}/create-attempt-1 --name ${CLUSTER}`,
      DELETE,
      CREATE,
      WAIT_NODES,
      NAMESPACE,
      'kubectl get deployments,statefulsets --namespace default --output name',
    ])
    expect(r.annotations.map((a) => a.message)).toEqual([
      'kind create cluster failed (exit 1); exporting its logs, deleting the half-made cluster and trying once more',
    ])
    expect(
      existsSync(
        join(
          r.runnerDir,
          'temp/kind-integration',
          CLUSTER,
          'diagnostics/create-attempt-1/kind-version.txt',
        ),
      ),
    ).toBe(true)
  })

  it('fails after the second attempt, with kind’s error and its logs, and post deletes what is left', async () => {
    const stubs = setupStubs({ fail: ['kind create cluster'] })
    const r = await main(stubs, { 'test-command': 'true' })
    expect(r.exitCode).toBe(1)
    expect(r.outputs.result).toBe('failed')
    expect(r.annotations.find((a) => a.level === 'error')?.message).toContain(
      'kind create cluster (second attempt) failed (exit 1):\nERROR: failed to create cluster: failed to join node with kubeadm',
    )
    expect(lines(stubs, r)).toEqual([
      ...TOOLS,
      CREATE,
      `kind export logs ${DIAG}/create-attempt-1 --name ${CLUSTER}`,
      DELETE,
      CREATE,
      // The API server never came up: kind's node logs are all there is to gather.
      `kind export logs ${DIAG}/kind --name ${CLUSTER}`,
    ])
    expect(r.summary).toContain('**What failed:** kind create cluster (second attempt) failed')
    const post = await r.post()
    expect(post.exitCode).toBe(0)
    expect(lines(stubs, post).slice(-2)).toEqual(['kind get clusters', DELETE])
  })
})
