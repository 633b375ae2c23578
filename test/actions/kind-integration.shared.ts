// Shared by the kind-integration end-to-end tests: dist/kind-integration/index.js
// runs as the runner runs it (main, then post with the saved state), with
// recording stand-ins for kind, kubectl, helm and docker first on PATH.
import { execFileSync } from 'node:child_process'
import { cpSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { expect } from 'vitest'

import type { Stubs } from '../fixtures/kind-stubs'
import { tempDir } from '../harness/git-fixtures'
import { ROOT, type RunOptions, type RunResult, runAction } from '../harness/run-action'

export { portOpen } from '../../src/io/kube'

export const CLUSTER = 'minishop-4242' // minishop-<GITHUB_RUN_ID> of the harness
export const WORK = `$RUNNER/temp/kind-integration/${CLUSTER}`
export const KUBECONFIG = `${WORK}/kubeconfig`
export const DIAG = `${WORK}/diagnostics`

/** A service repository: the sample services, charts and manifests of test/fixtures/e2e. */
export function workspace(): string {
  const dir = tempDir('kind-ws-')
  cpSync(join(ROOT, 'test/fixtures/e2e'), dir, { recursive: true })
  return dir
}

export const DEPLOY = {
  images: 'minishop/catalog:sha-1a2b3c4\nminishop/storefront:sha-1a2b3c4',
  services: 'catalog\nstorefront',
  environment: 'dev',
  manifests: 'manifests',
  namespace: 'shop',
}

export async function main(
  stubs: Stubs,
  inputs: RunOptions['inputs'],
  options: RunOptions = {},
): Promise<RunResult> {
  return runAction('kind-integration', {
    workspace: workspace(),
    ...options,
    env: { ...stubs.env, ...options.env },
    inputs: { tools: 'path', ...inputs },
  })
}

/** The stand-ins' calls as `tool args...`, temp paths made stable. */
export function lines(stubs: Stubs, r: RunResult): string[] {
  return stubs.lines().map((l) => l.replaceAll(r.runnerDir, '$RUNNER'))
}

/** Strings must come in order; an array is a group whose lines may come in any order (parallel steps). */
export function expectSequence(actual: string[], expected: (string | string[])[]): void {
  const flat: string[] = []
  let at = 0
  for (const step of expected) {
    if (typeof step === 'string') {
      flat.push(step)
      at += 1
      continue
    }
    const group = actual.slice(at, at + step.length)
    flat.push(
      ...(JSON.stringify([...group].sort()) === JSON.stringify([...step].sort()) ? group : step),
    )
    at += step.length
  }
  expect(actual).toEqual(flat)
}

export const TOOLS = [
  'kind version',
  'kubectl version --client --output=json',
  'helm version --short',
]
export const CREATE = `kind create cluster --name ${CLUSTER} --config ${WORK}/kind-config.yaml --kubeconfig ${KUBECONFIG} --retain`
export const WAIT_NODES = 'kubectl wait --for=condition=Ready nodes --all --timeout=300s'
export const NAMESPACE = 'kubectl apply --filename -'
export const LOAD = [
  'docker image inspect --format {{.Id}} minishop/catalog:sha-1a2b3c4',
  'docker image inspect --format {{.Id}} minishop/storefront:sha-1a2b3c4',
  `kind load docker-image minishop/catalog:sha-1a2b3c4 --name ${CLUSTER}`,
  `kind load docker-image minishop/storefront:sha-1a2b3c4 --name ${CLUSTER}`,
]
export const HELM = (service: string, timeout = '300s') =>
  `helm upgrade --install ${service} infra/helm-charts/${service} --namespace shop --create-namespace --wait --timeout ${timeout} --values infra/helm-charts/${service}/values-dev.yaml --set-string image.repository=minishop/${service} --set-string image.tag=sha-1a2b3c4 --set-string image.pullPolicy=IfNotPresent`
export const DEPLOY_LINES = [
  'kubectl apply --namespace shop --filename manifests',
  HELM('catalog'),
  HELM('storefront'),
  'kubectl get deployments,statefulsets --namespace shop --output name',
  ['catalog', 'kv-store', 'storefront'].map(
    (d) => `kubectl rollout status deployment.apps/${d} --namespace shop --timeout=300s`,
  ),
]
export const DELETE = `kind delete cluster --name ${CLUSTER} --kubeconfig ${KUBECONFIG}`

export function dockerAvailable(): boolean {
  try {
    execFileSync('docker', ['info'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

/** A port nothing listens on right now, for a port-forward. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}
