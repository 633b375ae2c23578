// A realistic GitOps repository for the bump-helm-values tests: values files
// with several `tag:` keys (init containers, sidecars, exporters), comments
// after values, CRLF in one file, and a kustomize overlay.

export const SERVICES = [
  'user-service',
  'order-service',
  'product-service',
  'payment-service',
  'notification-service',
  'cart-service',
  'search-service',
  'review-service',
  'shipping-service',
  'inventory-service',
  'auth-service',
  'gateway',
]

export function valuesFile(service: string, tag = '0a1b2c3'): string {
  return `# ${service}: Helm values for dev
replicaCount: 1

image:
  repository: ghcr.io/minishop/${service}
  tag: "${tag}"  # set by CI, do not edit by hand
  pullPolicy: IfNotPresent

initContainers:
  - name: migrate
    image:
      repository: ghcr.io/minishop/${service}-migrations
      tag: "${tag}"

sidecars:
  - name: envoy
    image: {repository: envoyproxy/envoy, tag: v1.29.1}   # pinned

metrics:
  exporter:
    image:
      repository: prom/statsd-exporter
      tag: v0.26.0 # upstream release

resources:
  limits: {cpu: 500m, memory: 256Mi}
`
}

export const KUSTOMIZATION = `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - ../../base
images:
  - name: ghcr.io/minishop/user-service
    newTag: 0a1b2c3 # user-service
  - name: ghcr.io/minishop/order-service
    newTag: 0a1b2c3
    digest: sha256:${'a'.repeat(64)}
`

export function gitopsFiles(services = SERVICES.slice(0, 5)): Record<string, string> {
  const files: Record<string, string> = {}
  for (const service of services) {
    for (const env of ['dev', 'staging', 'prod']) {
      files[`infra/helm-charts/${service}/values-${env}.yaml`] = valuesFile(service)
    }
  }
  files['deployment/k8s/overlays/staging/kustomization.yaml'] = KUSTOMIZATION
  return files
}
