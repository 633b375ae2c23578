import type { BumpTarget } from './bump'
import { UserError } from './errors'
import { renderFileTemplate } from './file-template'
import { parseImageRef } from './image-ref'
import { isKustomization } from './kustomize-images'
import { normalizeRepoPath } from './repo-path'

export interface TargetRequest {
  /** Paths from `files`, globs already expanded. Empty: use fileTemplate. */
  files: string[]
  fileTemplate: string
  services: string[]
  environment: string
  value?: string
  images?: Record<string, unknown>
}

/**
 * Which file gets which value: `files` with `value` (each file once) or with
 * `images` (each file once per service: kustomizations list many images);
 * otherwise `file-template` per service, from `services` or the `images` keys.
 */
export function resolveTargets(request: TargetRequest): BumpTarget[] {
  const images = request.images
  let services = request.services
  if (images) {
    const unknown = services.filter((s) => !(s in images))
    if (unknown.length > 0) {
      throw new UserError(`services ${unknown.join(', ')} have no entry in images`)
    }
    if (services.length === 0) services = Object.keys(images)
  }
  const valueFor = (service: string | undefined): BumpTarget['value'] =>
    images && service !== undefined
      ? { image: parseImageRef(images[service], `images["${service}"]`) }
      : { literal: request.value! }

  if (request.files.length > 0) {
    const paths = request.files.map((f) => normalizeRepoPath(f, 'files'))
    if (!images) return paths.map((path) => ({ path, value: valueFor(undefined) }))
    return paths.flatMap((path) => {
      if (!isKustomization(path) && services.length > 1) {
        throw new UserError(
          `files: ${path} would get ${services.length} images; use file-template for one values file per service, or name kustomization files`,
          { file: path },
        )
      }
      return services.map((service) => ({ path, service, value: valueFor(service) }))
    })
  }
  if (services.length === 0) {
    throw new UserError('Input services is required with file-template (or give files, or images)')
  }
  if (/\{(env|environment)\}/.test(request.fileTemplate) && request.environment === '') {
    throw new UserError(
      `Input environment is required: file-template "${request.fileTemplate}" uses {env}`,
    )
  }
  return services.map((service) => ({
    path: renderFileTemplate(request.fileTemplate, { service, env: request.environment }),
    service,
    value: valueFor(service),
  }))
}
