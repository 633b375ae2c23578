import { describe, expect, it } from 'vitest'
import {
  defaultArtifactName,
  helmUpgradeArgs,
  kindCreateArgs,
  parseDuration,
  parseImageRef,
  parsePortForward,
  parsePortForwards,
  planReleases,
  validateClusterName,
  wantsDiagnostics,
} from '../../src/core/kind-plan'

const charts = new Set([
  'infra/helm-charts/user-service/Chart.yaml',
  'infra/helm-charts/user-service/values-dev.yaml',
  'infra/helm-charts/order-service/Chart.yaml',
  'infra/helm-charts/order-service/values-dev.yaml',
  'deploy/gateway/Chart.yaml',
])
const exists = (path: string) => charts.has(path)

describe('planReleases', () => {
  it('expands the {service} template, applies values-<env>.yaml and the loaded image', () => {
    const releases = planReleases({
      charts: ['infra/helm-charts/{service}'],
      services: ['user-service', 'order-service'],
      environment: 'dev',
      images: [parseImageRef('ghcr.io/minishop/user-service:sha-1a2b3c4')],
      exists,
    })
    expect(releases).toEqual([
      {
        name: 'user-service',
        chart: 'infra/helm-charts/user-service',
        valuesFiles: ['infra/helm-charts/user-service/values-dev.yaml'],
        setStrings: [
          ['image.repository', 'ghcr.io/minishop/user-service'],
          ['image.tag', 'sha-1a2b3c4'],
          ['image.pullPolicy', 'IfNotPresent'],
        ],
        image: parseImageRef('ghcr.io/minishop/user-service:sha-1a2b3c4'),
      },
      {
        name: 'order-service',
        chart: 'infra/helm-charts/order-service',
        valuesFiles: ['infra/helm-charts/order-service/values-dev.yaml'],
        setStrings: [],
      },
    ])
  })

  it('defaults the chart template to infra/helm-charts/{service} and takes plain chart directories', () => {
    expect(
      planReleases({ charts: [], services: ['user-service'], images: [], exists })[0]?.chart,
    ).toBe('infra/helm-charts/user-service')
    expect(planReleases({ charts: ['deploy/gateway/'], services: [], images: [], exists })).toEqual(
      [{ name: 'gateway', chart: 'deploy/gateway/', valuesFiles: [], setStrings: [] }],
    )
    expect(planReleases({ charts: [], services: [], images: [], exists })).toEqual([])
  })

  it('names what is missing or wrong', () => {
    expect(() =>
      planReleases({ charts: ['infra/{service}'], services: [], images: [], exists }),
    ).toThrow('Input charts: "infra/{service}" uses {service}, but input services is empty')
    expect(() =>
      planReleases({ charts: ['deploy/gateway'], services: ['user-service'], images: [], exists }),
    ).toThrow('Input services needs a charts template with {service}')
    expect(() =>
      planReleases({ charts: [], services: ['payment-service'], images: [], exists }),
    ).toThrow(
      'Input services: no Helm chart at infra/helm-charts/payment-service (infra/helm-charts/payment-service/Chart.yaml does not exist)',
    )
    expect(() =>
      planReleases({
        charts: ['deploy/gateway'],
        services: [],
        environment: 'staging',
        images: [],
        exists,
      }),
    ).toThrow(
      'Input environment: deploy/gateway/values-staging.yaml does not exist (environment: staging)',
    )
    expect(() =>
      planReleases({ charts: [], services: ['User_Service'], images: [], exists }),
    ).toThrow('"User_Service" is not a valid Helm release name')
    expect(() =>
      planReleases({
        charts: [],
        services: ['user-service'],
        images: [parseImageRef('user-service:a'), parseImageRef('ghcr.io/x/user-service:b')],
        exists,
      }),
    ).toThrow(
      'Input images: user-service:a and ghcr.io/x/user-service:b both match service user-service',
    )
  })

  it('builds the exact helm upgrade --install arguments', () => {
    const [release] = planReleases({
      charts: [],
      services: ['user-service'],
      environment: 'dev',
      images: [parseImageRef('user-service:1.10')],
      exists,
    })
    expect(helmUpgradeArgs(release!, 'shop', 300)).toEqual([
      'upgrade',
      '--install',
      'user-service',
      'infra/helm-charts/user-service',
      '--namespace',
      'shop',
      '--create-namespace',
      '--wait',
      '--timeout',
      '300s',
      '--values',
      'infra/helm-charts/user-service/values-dev.yaml',
      '--set-string',
      'image.repository=user-service',
      '--set-string',
      'image.tag=1.10',
      '--set-string',
      'image.pullPolicy=IfNotPresent',
    ])
  })
})

describe('parsing inputs', () => {
  it('parses image references', () => {
    expect(parseImageRef('localhost:5001/minishop/user-service:sha-1')).toEqual({
      ref: 'localhost:5001/minishop/user-service:sha-1',
      repository: 'localhost:5001/minishop/user-service',
      tag: 'sha-1',
      name: 'user-service',
    })
    expect(parseImageRef('user-service')).toMatchObject({
      ref: 'user-service:latest',
      tag: 'latest',
    })
    expect(() => parseImageRef('user-service@sha256:abc')).toThrow('pinned by digest')
    expect(() => parseImageRef('User Service')).toThrow('is not an image reference')
  })

  it('parses port-forward specs', () => {
    expect(parsePortForward('svc/user-service:8080:80')).toEqual({
      spec: 'svc/user-service:8080:80',
      target: 'svc/user-service',
      localPort: 8080,
      remotePort: 80,
    })
    expect(parsePortForward('postgres:15432:5432').target).toBe('svc/postgres')
    expect(parsePortForward('deploy/api:9000:9000').target).toBe('deployment/api')
    expect(parsePortForward('sts/nats:4222:4222').target).toBe('statefulset/nats')
    for (const bad of [
      'svc/api:8080',
      'svc/api:0:80',
      'svc/api:8080:99999',
      'ingress/api:1:2',
      'svc/api;rm -rf /:1:2',
    ]) {
      expect(() => parsePortForward(bad)).toThrow('must look like svc/name:local-port:remote-port')
    }
    expect(() => parsePortForwards(['svc/a:8080:80', 'svc/b:8080:81'])).toThrow(
      'local port 8080 is used twice',
    )
  })

  it('parses durations', () => {
    expect(parseDuration('wait-timeout', '5m')).toBe(300)
    expect(parseDuration('wait-timeout', '1h30m')).toBe(5400)
    expect(parseDuration('wait-timeout', '90s')).toBe(90)
    expect(parseDuration('wait-timeout', '120')).toBe(120)
    expect(() => parseDuration('wait-timeout', '5 minutes')).toThrow(
      'Input wait-timeout must be a duration like 300s, 5m or 1h, got "5 minutes"',
    )
    expect(() => parseDuration('wait-timeout', '0s')).toThrow('longer than 0s')
  })

  it('validates cluster names', () => {
    expect(validateClusterName('minishop-4242')).toBe('minishop-4242')
    expect(() => validateClusterName('Minishop')).toThrow('Input cluster-name must be lowercase')
    expect(() => validateClusterName('a'.repeat(51))).toThrow('at most 50 characters')
  })
})

describe('kind create, diagnostics mode, artifact name', () => {
  it('always creates with --retain', () => {
    expect(
      kindCreateArgs({
        name: 'ci',
        configPath: '/t/kind.yaml',
        kubeconfig: '/t/kubeconfig',
        nodeImage: 'kindest/node:v1.37.0',
      }),
    ).toEqual([
      'create',
      'cluster',
      '--name',
      'ci',
      '--config',
      '/t/kind.yaml',
      '--kubeconfig',
      '/t/kubeconfig',
      '--retain',
      '--image',
      'kindest/node:v1.37.0',
    ])
  })
  it('gathers diagnostics as asked', () => {
    expect(wantsDiagnostics('on-failure', true)).toBe(true)
    expect(wantsDiagnostics('on-failure', false)).toBe(false)
    expect(wantsDiagnostics('always', false)).toBe(true)
    expect(wantsDiagnostics('never', true)).toBe(false)
  })
  it('names the artifact per job, cluster and re-run attempt', () => {
    expect(defaultArtifactName('integration', 'minishop-4242', '1')).toBe(
      'kind-diagnostics-integration-minishop-4242',
    )
    expect(defaultArtifactName('integration', 'minishop-4242', '2')).toBe(
      'kind-diagnostics-integration-minishop-4242-attempt-2',
    )
  })
})
