import { describe, expect, it } from 'vitest'
import {
  logRequests,
  type PodRow,
  podRows,
  renderSummary,
  SUMMARY_LIMIT,
  type SummaryInput,
  tail,
} from '../../src/core/kind-diagnostics'

// Shapes as `kubectl get pods -A -o json` prints them.
const pods = {
  items: [
    {
      metadata: { name: 'user-service-7d9c-abcde', namespace: 'shop' },
      spec: {
        initContainers: [{ name: 'migrate' }],
        containers: [{ name: 'app' }, { name: 'envoy' }],
      },
      status: {
        phase: 'Running',
        conditions: [{ type: 'Ready', status: 'False', reason: 'ContainersNotReady' }],
        initContainerStatuses: [
          {
            name: 'migrate',
            ready: true,
            restartCount: 0,
            state: { terminated: { reason: 'Completed', exitCode: 0 } },
          },
        ],
        containerStatuses: [
          {
            name: 'app',
            ready: false,
            restartCount: 4,
            state: {
              waiting: {
                reason: 'CrashLoopBackOff',
                message: 'back-off 1m20s restarting failed container=app',
              },
            },
            lastState: { terminated: { reason: 'Error', exitCode: 2 } },
          },
          { name: 'envoy', ready: true, restartCount: 0, state: { running: {} } },
        ],
      },
    },
    {
      metadata: { name: 'order-service-5b6c-fghij', namespace: 'shop' },
      spec: { containers: [{ name: 'app' }] },
      status: {
        phase: 'Pending',
        conditions: [
          {
            type: 'PodScheduled',
            status: 'False',
            reason: 'Unschedulable',
            message: '0/3 nodes are available: insufficient memory.',
          },
        ],
      },
    },
    {
      metadata: { name: 'gateway-1a2b-klmno', namespace: 'shop' },
      spec: { containers: [{ name: 'gateway' }] },
      status: {
        phase: 'Pending',
        conditions: [{ type: 'Ready', status: 'False' }],
        containerStatuses: [
          {
            name: 'gateway',
            ready: false,
            restartCount: 0,
            state: {
              waiting: {
                reason: 'ErrImageNeverPull',
                message: 'Container image "gateway:dev" is not present with pull policy of Never',
              },
            },
          },
        ],
      },
    },
    {
      metadata: { name: 'coredns-7db6-2xk8p', namespace: 'kube-system' },
      spec: { containers: [{ name: 'coredns' }] },
      status: {
        phase: 'Running',
        conditions: [{ type: 'Ready', status: 'True' }],
        containerStatuses: [
          {
            name: 'coredns',
            ready: true,
            restartCount: 1,
            state: { running: {} },
            lastState: { terminated: { reason: 'OOMKilled', exitCode: 137 } },
          },
        ],
      },
    },
    {
      metadata: { name: 'seed-job-xyz', namespace: 'shop' },
      spec: { containers: [{ name: 'seed' }] },
      status: {
        phase: 'Succeeded',
        containerStatuses: [
          {
            name: 'seed',
            ready: false,
            restartCount: 0,
            state: { terminated: { reason: 'Completed', exitCode: 0 } },
          },
        ],
      },
    },
  ],
}

describe('podRows', () => {
  const rows = podRows(JSON.stringify(pods))
  const by = (name: string) => rows.find((r) => r.name.startsWith(name))!

  it('shows what kubectl would: status, readiness, restarts and why', () => {
    expect(by('user-service')).toMatchObject({
      status: 'CrashLoopBackOff',
      ready: false,
      readyCount: '1/2',
      restarts: 4,
      reason: 'CrashLoopBackOff: back-off 1m20s restarting failed container=app',
    })
    expect(by('order-service')).toMatchObject({
      status: 'Pending',
      ready: false,
      readyCount: '0/1',
      reason: 'Unschedulable: 0/3 nodes are available: insufficient memory.',
    })
    expect(by('gateway').reason).toBe(
      'ErrImageNeverPull: Container image "gateway:dev" is not present with pull policy of Never',
    )
    expect(by('coredns')).toMatchObject({
      ready: true,
      restarts: 1,
      reason: 'last: OOMKilled (exit 137)',
    })
    expect(by('seed-job')).toMatchObject({ ready: true, status: 'Succeeded', reason: '' })
  })

  it('puts pods that are not Ready first', () => {
    expect(rows.map((r) => r.ready)).toEqual([false, false, false, true, true])
  })

  it('survives output that is not JSON (a dead API server)', () => {
    expect(podRows('The connection to the server 127.0.0.1:41234 was refused')).toEqual([])
  })

  it('asks for every container log, and the previous run of restarted ones', () => {
    const requests = logRequests([by('user-service')])
    expect(requests.map((r) => r.file)).toEqual([
      'logs/shop/user-service-7d9c-abcde/migrate.log',
      'logs/shop/user-service-7d9c-abcde/app.log',
      'logs/shop/user-service-7d9c-abcde/app.previous.log',
      'logs/shop/user-service-7d9c-abcde/envoy.log',
    ])
    expect(requests.filter((r) => r.previous).map((r) => r.container)).toEqual(['app'])
  })
})

function row(i: number, ready = true): PodRow {
  return {
    namespace: 'shop',
    name: `pod-${i}`,
    status: ready ? 'Running' : 'CrashLoopBackOff',
    phase: 'Running',
    ready,
    readyCount: ready ? '1/1' : '0/1',
    restarts: ready ? 0 : 3,
    reason: ready ? '' : 'CrashLoopBackOff',
    containers: [{ name: 'app', restarts: 0, init: false }],
  }
}

const base: SummaryInput = {
  result: 'failed',
  cluster: 'minishop-4242',
  namespace: 'shop',
  failure: 'test-command failed with exit code 1',
  releases: [
    { name: 'user-service', chart: 'infra/helm-charts/user-service', image: 'user-service:sha-1' },
  ],
  pods: [row(1, false), row(2)],
  details: [
    {
      row: row(1, false),
      logTail: 'starting\npanic: boom',
      logFile: 'logs/shop/pod-1/app.previous.log',
    },
  ],
  warnings: ['shop 10s Warning BackOff pod/pod-1 Back-off restarting failed container'],
  diagnosticsPath: '/runner/temp/diagnostics',
}

describe('renderSummary', () => {
  it('shows the result, the failure, the pods table and the failing pod logs', () => {
    const md = renderSummary({
      ...base,
      artifact: {
        name: 'kind-diagnostics',
        url: 'https://github.com/o/r/actions/runs/1/artifacts/9',
      },
    })
    expect(md).toContain('## ❌ kind-integration failed: cluster `minishop-4242`, namespace `shop`')
    expect(md).toContain('**What failed:** test-command failed with exit code 1')
    expect(md).toContain(
      'artifact [`kind-diagnostics`](https://github.com/o/r/actions/runs/1/artifacts/9)',
    )
    expect(md).toContain('| ❌ | shop | pod-1 | CrashLoopBackOff | 0/1 | 3 | CrashLoopBackOff |')
    expect(md).toContain('| ✅ | shop | pod-2 | Running | 1/1 | 0 |  |')
    expect(md).toContain('<details><summary>shop/pod-1: CrashLoopBackOff</summary>')
    expect(md).toContain('```text\nstarting\npanic: boom\n```')
    expect(md).toContain('Warning BackOff pod/pod-1')
  })

  it('escapes table cells and code fences from the cluster', () => {
    const evil = { ...row(3, false), reason: 'a | b\n<script>', name: 'pod|3' }
    const md = renderSummary({
      ...base,
      pods: [evil],
      details: [{ row: evil, logTail: '```\nhi' }],
    })
    expect(md).toContain('| pod\\|3 |')
    expect(md).toContain('a \\| b &lt;script>')
    expect(md).not.toMatch(/\n```\nhi/)
  })

  it('stays under GitHub’s 1 MiB limit however big the cluster', () => {
    const many = Array.from({ length: 5000 }, (_, i) => row(i, i % 2 === 0))
    const huge = 'x'.repeat(5000)
    const md = renderSummary({
      ...base,
      pods: many,
      details: many
        .slice(0, 100)
        .map((r) => ({ row: r, logTail: Array.from({ length: 500 }, () => huge).join('\n') })),
      warnings: Array.from({ length: 10000 }, () => huge),
    })
    expect(Buffer.byteLength(md)).toBeLessThan(1024 * 1024)
    expect(md).toContain('… and 4800 more pods in the diagnostics')
    expect(Buffer.byteLength(renderSummary(base, 400))).toBeLessThanOrEqual(400)
    expect(renderSummary(base, 400)).toContain('Summary cut to stay under GitHub')
    expect(SUMMARY_LIMIT).toBeLessThan(1024 * 1024)
  })

  it('tails long logs with a count of what was left out', () => {
    const text = Array.from({ length: 100 }, (_, i) => `line ${i}`).join('\n')
    expect(tail(text, 3)).toBe('… 97 earlier lines\nline 97\nline 98\nline 99')
  })

  it('says passed plainly', () => {
    const md = renderSummary({
      ...base,
      result: 'passed',
      failure: undefined,
      pods: [],
      details: [],
      warnings: [],
      diagnosticsPath: undefined,
    })
    expect(md).toContain('## ✅ kind-integration passed')
    expect(md).not.toContain('What failed')
  })
})
