// The CLI as a user runs it: the bundled dist/cli/index.js in a child process.
import { describe, expect, it } from 'vitest'
import { cli } from '../harness/cli'

describe('minishop-actions CLI', () => {
  it('prints usage with every command and exits 2 without a command', () => {
    const result = cli([])
    expect(result.code).toBe(2)
    for (const command of [
      'build-and-tag',
      'detect-changes',
      'bump',
      'promote',
      'kind-integration',
      'demo',
    ]) {
      expect(result.stderr).toContain(`  ${command} `)
    }
  })

  it('--help exits 0 and lists the action inputs as options', () => {
    const result = cli(['--help'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('Usage: minishop-actions <command>')
    const bump = cli(['bump', '--help'])
    expect(bump.code).toBe(0)
    expect(bump.stdout).toContain('--json')
    // Every command takes --help, the demo too.
    const demo = cli(['demo', '--help'])
    expect(demo.code).toBe(0)
    expect(demo.stdout).toContain('Usage: minishop-actions demo [--keep] [--no-docker]')
  })

  it('exits 2 and names an unknown command or option', () => {
    const command = cli(['deploy-all'])
    expect(command.code).toBe(2)
    expect(command.stderr).toContain('Unknown command "deploy-all"')
    const option = cli(['bump', '--nope'])
    expect(option.code).toBe(2)
    expect(option.stderr).toContain('minishop-actions bump: Unknown option --nope')
  })
})
