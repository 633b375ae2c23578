// kind-integration's post step: after a crash of main, when the cluster is
// already gone, with keep-cluster, and when main never made a cluster.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { setupStubs } from '../fixtures/kind-stubs'
import {
  CLUSTER,
  DELETE,
  DEPLOY,
  DIAG,
  freePort,
  lines,
  main,
  portOpen,
} from './kind-integration.shared'

describe('kind-integration: the post step', () => {
  it('after main crashed mid-test: stops the port-forwards, gathers diagnostics, deletes the cluster', async () => {
    const stubs = setupStubs()
    const port = await freePort()
    const r = await main(stubs, {
      ...DEPLOY,
      'port-forward': `svc/storefront:${port}:80`,
      // The runner's view of a crash: the main process dies while the test runs.
      'test-command': 'kill -KILL "$PPID"',
    })
    expect(r.exitCode).not.toBe(0)
    expect(r.state['main-finished']).toBeUndefined()
    expect(await portOpen(port)).toBe(true) // orphaned with main

    const before = stubs.calls().length
    const post = await r.post()
    expect(post.exitCode).toBe(0)
    expect(post.stdout).toMatch(/Stopped port-forward \(pid \d+\)/)
    expect(await portOpen(port)).toBe(false)
    expect(post.annotations).toEqual([
      {
        level: 'warning',
        properties: '',
        message:
          'The main step did not finish (cancelled or crashed): gathering diagnostics before deleting the cluster',
      },
    ])
    const after = lines(stubs, post).slice(before)
    expect(after[0]).toBe('kind get clusters')
    expect(after).toContain('kubectl get pods --all-namespaces --output json --request-timeout=30s')
    expect(after.slice(-5)).toEqual([
      'helm status catalog --namespace shop',
      'helm status storefront --namespace shop',
      'helm list --all-namespaces --all',
      `kind export logs ${DIAG}/kind --name ${CLUSTER}`,
      DELETE,
    ])
    expect(post.summary).toContain('The main step did not finish (cancelled or crashed)')
    expect(post.summary).toContain('| ✅ | shop | storefront-')
    expect(
      existsSync(join(r.runnerDir, 'temp/kind-integration', CLUSTER, 'diagnostics/pods.json')),
    ).toBe(true)
  })

  it('never fails when the cluster is already gone, and keeps it with keep-cluster', async () => {
    const stubs = setupStubs()
    const r = await main(stubs, {})
    expect(r.exitCode).toBe(0)
    const first = await r.post()
    const second = await r.post()
    expect(second.exitCode).toBe(0)
    expect(second.stdout).toContain(`Cluster ${CLUSTER} is already gone`)
    expect(second.annotations).toEqual([])
    expect(first.exitCode).toBe(0)

    const kept = setupStubs()
    const k = await main(kept, { 'keep-cluster': true })
    const post = await k.post()
    expect(post.exitCode).toBe(0)
    expect(lines(kept, post).slice(-1)).toEqual(['kind get clusters'])
    expect(Object.keys(kept.state().clusters)).toEqual([CLUSTER])
  })

  it('does nothing when main failed before any cluster', async () => {
    const stubs = setupStubs()
    const r = await main(stubs, { 'port-forward': 'svc/api:8080' })
    expect(r.exitCode).toBe(1)
    expect(r.annotations[0]?.message).toBe(
      'Input port-forward: "svc/api:8080" must look like svc/name:local-port:remote-port (e.g. svc/user-service:8080:80)',
    )
    const post = await r.post()
    expect(post.exitCode).toBe(0)
    expect(post.stdout).toContain('created no cluster: nothing to clean up')
    expect(stubs.calls()).toEqual([])
  })
})
