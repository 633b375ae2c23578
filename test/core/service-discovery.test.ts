import { describe, expect, it } from 'vitest'
import { discoverServices } from '../../src/core/service-discovery'

describe('discoverServices', () => {
  const paths = [
    'infra/helm-charts/user-service/values-dev.yaml',
    'infra/helm-charts/user-service/values-staging.yaml',
    'infra/helm-charts/user-service/values-prod.yaml',
    'infra/helm-charts/order-service/values-staging.yaml',
    'infra/helm-charts/order-service/values-prod.yaml',
    'infra/helm-charts/new-service/values-dev.yaml',
    'infra/helm-charts/user-service/Chart.yaml',
    'infra/helm-charts/a/b/values-prod.yaml',
  ]

  it('finds every service with a file for each environment', () => {
    const template = 'infra/helm-charts/{service}/values-{env}.yaml'
    expect(discoverServices(template, ['staging', 'prod'], paths)).toEqual([
      'order-service',
      'user-service',
    ])
    expect(discoverServices(template, ['dev', 'staging'], paths)).toEqual(['user-service'])
  })

  it('takes a template that names the service twice', () => {
    const template = 'apps/{service}/{env}/{service}.values.yaml'
    const files = ['apps/web/prod/web.values.yaml', 'apps/web/prod/api.values.yaml']
    expect(discoverServices(template, ['prod'], files)).toEqual(['web'])
  })
})
