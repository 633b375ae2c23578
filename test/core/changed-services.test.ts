import { describe, expect, it } from 'vitest'
import {
  changedServices,
  changeRange,
  discoverServices,
  matrixOf,
  type ServiceDefinition,
} from '../../src/core/changed-services'
import { eventContext } from '../../src/core/event-context'
import { parseServicesConfig } from '../../src/core/services-config'
import {
  BEFORE,
  type GitHubEvent,
  GROUP_BASE_SHA,
  GROUP_HEAD_SHA,
  mergeGroupEvent,
  PR_BASE_SHA,
  PR_HEAD_SHA,
  pullRequestEvent,
  pushEvent,
  SHA,
  workflowDispatchEvent,
  ZEROS,
} from '../fixtures/github-events'

const ctxOf = (event: GitHubEvent) => eventContext(event.env, event.payload)

describe('changeRange', () => {
  it.each([
    [
      'push',
      pushEvent('refs/heads/main'),
      { kind: 'diff', base: BEFORE, head: SHA, mergeBase: false },
    ],
    [
      'all-zeros before',
      pushEvent('refs/heads/main', { before: ZEROS }),
      { kind: 'all', head: SHA },
    ],
    [
      'first push of a branch',
      pushEvent('refs/heads/x', { created: true }),
      { kind: 'all', reason: 'first push of refs/heads/x' },
    ],
    ['deleted branch', pushEvent('refs/heads/x', { deleted: true }), { kind: 'none' }],
    [
      'pull request',
      pullRequestEvent('feature'),
      { kind: 'diff', base: PR_BASE_SHA, head: PR_HEAD_SHA, mergeBase: true },
    ],
    [
      'merge group',
      mergeGroupEvent('main'),
      {
        kind: 'diff',
        base: GROUP_BASE_SHA,
        head: GROUP_HEAD_SHA,
        mergeBase: false,
        reason: 'merge group into main',
      },
    ],
    [
      'workflow_dispatch',
      workflowDispatchEvent('main'),
      { kind: 'all', reason: 'a workflow_dispatch event has no base to compare with' },
    ],
  ])('%s', (_name, event, expected) => {
    expect(changeRange(ctxOf(event))).toMatchObject(expected)
  })

  it('base and head inputs override the event', () => {
    expect(
      changeRange(ctxOf(workflowDispatchEvent('main')), { base: 'origin/main', head: 'HEAD' }),
    ).toEqual({
      kind: 'diff',
      base: 'origin/main',
      head: 'HEAD',
      mergeBase: true,
      reason: 'base input',
    })
  })
})

const services: ServiceDefinition[] = discoverServices(
  [
    'services/cart/Dockerfile',
    'services/cart/app.py',
    'services/orders/Dockerfile',
    'services/My Service/Dockerfile',
    'services/notes/README.md',
    'services/nested/deeper/Dockerfile',
    'other/x/Dockerfile',
  ],
  './services/',
).services

describe('changedServices', () => {
  it('discovers folders with a Dockerfile, and leaves out names that cannot be images', () => {
    expect(services.map((s) => s.name)).toEqual(['cart', 'orders'])
    expect(discoverServices(['services/My Service/Dockerfile'], 'services').ignored).toEqual([
      'My Service',
    ])
  })

  it('services-dir "." (or "./"): services are folders at the root', () => {
    const files = [
      'web/Dockerfile',
      'api/Dockerfile',
      'api/src/x.py',
      'docs/README.md',
      'Dockerfile',
    ]
    for (const dir of ['.', './', '']) {
      expect(discoverServices(files, dir).services).toEqual([
        { name: 'api', context: 'api', dockerfile: 'api/Dockerfile', paths: [] },
        { name: 'web', context: 'web', dockerfile: 'web/Dockerfile', paths: [] },
      ])
    }
  })

  it('matches files under each context, dotfiles included', () => {
    const result = changedServices(services, ['services/cart/.env.example', 'README.md'], [])
    expect(result.changed.map((c) => [c.service.name, c.because])).toEqual([
      ['cart', ['services/cart/.env.example']],
    ])
  })

  it('a prefix is not a folder: services/cart-legacy is not services/cart', () => {
    expect(changedServices(services, ['services/cart-legacy/x'], []).changed).toEqual([])
  })

  it('shared paths and "all"', () => {
    expect(
      changedServices(services, ['.github/workflows/ci.yml'], ['.github/**']).changed,
    ).toHaveLength(2)
    expect(changedServices(services, 'all', []).changed).toHaveLength(2)
  })

  it('matrix', () => {
    expect(matrixOf(services.slice(0, 1))).toEqual({
      include: [
        { service: 'cart', context: 'services/cart', dockerfile: 'services/cart/Dockerfile' },
      ],
    })
  })
})

describe('parseServicesConfig', () => {
  const parse = (text: string) =>
    parseServicesConfig(text, 'services.yml', { root: '/repo', servicesDir: 'services' })

  it('reads names and full entries', () => {
    expect(
      parse(
        'services:\n  - cart\n  - name: api\n    context: ./src/api/\n    dockerfile: docker/api.Dockerfile\n',
      ),
    ).toEqual({
      services: [
        {
          name: 'cart',
          context: 'services/cart',
          dockerfile: 'services/cart/Dockerfile',
          paths: [],
        },
        { name: 'api', context: 'src/api', dockerfile: 'docker/api.Dockerfile', paths: [] },
      ],
      sharedPaths: [],
    })
  })

  it.each([
    ['services: [a, a]\n', 'service "a" is listed twice', 1, 15],
    [
      'services:\n  - name: x\n    context: ../../etc\n',
      '"../../etc" leaves the repository',
      3,
      14,
    ],
    ['services:\n  - name: x\n    image: y\n', 'unknown key "image" for service "x"', 3, 5],
    [
      'services:\n  - nme: cart\n    context: src/cart\n',
      'a service entry needs "name" (it has "nme", "context"; known: name, context, dockerfile, paths)',
      2,
      5,
    ],
    ['servics: []\n', 'unknown key "servics"', 1, 1],
    ['services: {a: 1}\n', '`services` must be a list', 1, 11],
    ['services:\n  - x\nshared-paths: libs\n', 'shared-paths must be a list', 3, 15],
    ['services: [\n', 'services.yml', 2, 1],
  ])('%j: %s at %i:%i', (text, message, line, column) => {
    try {
      parse(text)
      expect.unreachable()
    } catch (error) {
      expect((error as Error).message).toContain(message)
      expect(error).toMatchObject({ file: 'services.yml', line, column })
    }
  })
})
