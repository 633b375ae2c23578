import { UserError } from './errors'
import { normalizeRepoPath } from './repo-path'

const SAFE_COMPONENT = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/

function component(name: string, value: string): string {
  if (!SAFE_COMPONENT.test(value) || value.includes('..')) {
    throw new UserError(
      `${name} "${value}" cannot be used in a file path (letters, digits, ".", "_" and "-" only)`,
    )
  }
  return value
}

/**
 * `infra/helm-charts/{service}/values-{env}.yaml` -> a repository-relative
 * path. `{environment}` is a synonym of `{env}`. UserError on an unknown
 * placeholder, on a service or environment that is not a safe path component
 * (no `/`, no `..`), and on a result outside the repository.
 */
export function renderFileTemplate(
  template: string,
  vars: { service: string; env: string },
): string {
  const rendered = template.replace(/\{([^{}]*)\}/g, (whole, name: string) => {
    if (name === 'service') return component('service', vars.service)
    if (name === 'env' || name === 'environment') return component('environment', vars.env)
    throw new UserError(
      `file-template "${template}": unknown placeholder ${whole} (use {service} and {env})`,
    )
  })
  return normalizeRepoPath(rendered, `file-template "${template}"`)
}
