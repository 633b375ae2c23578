// npm run demo, as a newcomer runs it: the whole pipeline, then its final table.
import { describe, expect, it } from 'vitest'
import { cli } from '../harness/cli'

describe('npm run demo', () => {
  it('runs the pipeline end to end and ends with every service x environment', () => {
    const result = cli(['demo'], { timeoutMs: 170_000 })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const out = result.stdout
    // Real builds when the local engine and registry answer (CI starts both), tags only otherwise.
    expect(out).toMatch(/build-and-tag: (real builds pushed to the local registry|tags only)/)
    expect(out).toContain(
      '    Refused: nothing was written.\n    approval: No one approved the prod environment',
    )
    expect(out).toContain('the GitOps remote is unchanged')

    const table = out.slice(out.indexOf('Where every service runs now'))
    const rows = Object.fromEntries(
      table
        .split('\n')
        .filter((l) => /^ {2}[a-z]+-service /.test(l))
        .map((l) => {
          const [service, ...values] = l.trim().split(/\s+/)
          return [service, values]
        }),
    )
    const build = rows['user-service']?.[0]
    expect(build).toMatch(/^[0-9a-f]{12}$/)
    expect(rows).toEqual({
      'user-service': [build, build, build],
      'product-service': [build, build, build],
      'order-service': [build, build, build],
      'payment-service': [build, build, '1.4.2'],
      'notification-service': [build, build, build],
    })
    const log = out
      .slice(out.indexOf('git log --oneline'))
      .split('\n')
      .filter((l) => /^ {4}[0-9a-f]{7} /.test(l))
    expect(log.map((l) => l.trim().slice(8))).toEqual([
      expect.stringMatching(/^Roll back prod: payment-service [0-9a-f]{40} -> 1\.4\.2$/),
      'Promote to prod: 5 services from staging',
      'Promote to staging: 5 services from dev',
      expect.stringMatching(/^Update user-service, .* in dev$/),
      'Initial charts: every service at 1.4.2',
    ])
    expect(out).toMatch(/Done in \d+\.\d+s\./)
  })
})
