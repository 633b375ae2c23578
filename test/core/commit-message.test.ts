import { describe, expect, it } from 'vitest'
import { renderCommitMessage, withTrailers } from '../../src/core/commit-message'
import { renderFileTemplate } from '../../src/core/file-template'

describe('renderCommitMessage', () => {
  it('fills placeholders and refuses unknown ones', () => {
    expect(
      renderCommitMessage('Update {services} to {value} in {environment}', {
        services: 'user-service',
        value: 'abc1234',
        environment: 'dev',
      }),
    ).toBe('Update user-service to abc1234 in dev')
    expect(() => renderCommitMessage('Update {servcies}', { services: 'a' })).toThrow(
      /unknown placeholder \{servcies\}/,
    )
  })
})

describe('withTrailers', () => {
  it('adds a trailer block after a blank line', () => {
    expect(
      withTrailers('Update a\n', [
        ['Source-Repository', 'minishop/user-service'],
        ['Source-Commit', 'abc'],
        ['Empty', ''],
      ]),
    ).toBe('Update a\n\nSource-Repository: minishop/user-service\nSource-Commit: abc\n')
  })
  it('joins an existing trailer block', () => {
    expect(
      withTrailers('Subject\n\nBody text.\n\nSigned-off-by: A <a@x>', [['Run-URL', 'u']]),
    ).toBe('Subject\n\nBody text.\n\nSigned-off-by: A <a@x>\nRun-URL: u\n')
  })
})

describe('renderFileTemplate', () => {
  it('renders a path inside the repository', () => {
    expect(
      renderFileTemplate('infra/helm-charts/{service}/values-{env}.yaml', {
        service: 'user-service',
        env: 'dev',
      }),
    ).toBe('infra/helm-charts/user-service/values-dev.yaml')
  })
  it.each([
    ['{service}/values.yaml', '../x', 'dev', /cannot be used in a file path/],
    ['{service}/values.yaml', 'a/b', 'dev', /cannot be used in a file path/],
    ['../{service}.yaml', 'a', 'dev', /outside the workspace/],
    ['/etc/{service}.yaml', 'a', 'dev', /outside the workspace/],
    ['{svc}.yaml', 'a', 'dev', /unknown placeholder \{svc\}/],
  ])('refuses %s with %s', (template, service, env, message) => {
    expect(() => renderFileTemplate(template, { service, env })).toThrow(message)
  })
})
