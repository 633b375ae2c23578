import { describe, expect, it } from 'vitest'
import { discoverServices, templatePathspec } from '../../src/core/service-discovery'
import { git, tempDir, writeFiles } from '../harness/git-fixtures'

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

describe('templatePathspec', () => {
  it('is what git matches for every file the template names, glob characters taken literally', () => {
    const dir = tempDir('pathspec-')
    git(dir, 'init', '-q')
    const files = [
      'infra/helm-charts/user-service/values-prod.yaml',
      'infra/helm-charts/order-service/values-prod.yaml',
      'infra/helm-charts/user-service/values-staging.yaml',
      'infra/helm-charts/a/b/values-prod.yaml',
      'charts[1]/web/web-prod.yaml',
      'charts1/api/api-prod.yaml',
      'charts[1]/web/web-prod.yml',
    ]
    writeFiles(dir, Object.fromEntries(files.map((f) => [f, 'a: 1\n'])))
    git(dir, 'add', '-A')
    const matched = (template: string) =>
      git(dir, 'ls-files', '--', templatePathspec(template, 'prod')).split('\n').sort()
    const helm = 'infra/helm-charts/{service}/values-{env}.yaml'
    expect(matched(helm)).toEqual([files[1], files[0]])
    expect(discoverServices(helm, ['prod'], files)).toEqual(['order-service', 'user-service'])
    expect(matched('charts[1]/{service}/{service}-{env}.yaml')).toEqual([
      'charts[1]/web/web-prod.yaml',
    ])
  })
})
