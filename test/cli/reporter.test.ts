import { describe, expect, it } from 'vitest'
import { createReporter } from '../../src/cli/reporter'

function capture(tty: boolean) {
  const out: string[] = []
  const err: string[] = []
  let t = 0
  const reporter = createReporter({
    tty,
    verbose: false,
    log: (s) => out.push(s),
    logError: (s) => err.push(s),
    now: () => t,
  })
  return { reporter, out, err, advance: (ms: number) => (t += ms) }
}

describe('CLI reporter', () => {
  it('shows groups as progress lines with elapsed time, and plain log lines, when not a terminal', () => {
    const { reporter, out, advance } = capture(false)
    reporter.write('::group::Build user-service\nstep 1\n')
    advance(1500)
    reporter.write('::endgroup::\ndone\n')
    reporter.flush()
    expect(out.join('')).toBe('▶ Build user-service\n  step 1\n✓ Build user-service (1.5s)\ndone\n')
  })

  it('sends errors with their file and line to stderr and keeps them for --json', () => {
    const { reporter, err } = capture(false)
    reporter.write('::error file=values.yaml,line=3,col=7::Key image.tag not found%0Asecond line\n')
    reporter.flush()
    expect(err.join('')).toBe('error: Key image.tag not found\nsecond line (values.yaml:3:7)\n')
    expect(reporter.errors).toEqual(['Key image.tag not found\nsecond line (values.yaml:3:7)'])
  })

  it('masks secrets registered with add-mask in everything it prints', () => {
    const { reporter, out } = capture(false)
    reporter.write('::add-mask::s3cr3t\ntoken is s3cr3t\n')
    reporter.flush()
    expect(out.join('')).toBe('token is ***\n')
  })

  it('redraws the group line in place on a terminal', () => {
    const { reporter, out, advance } = capture(true)
    reporter.write('::group::Push\n')
    advance(2000)
    reporter.write('::endgroup::\n')
    reporter.flush()
    expect(out.join('')).toBe('▶ Push (0.0s, 0.0s total)\r✓ Push (2.0s)\x1b[K\n')
  })
})
