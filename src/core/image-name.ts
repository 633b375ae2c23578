// Image names and references, checked against the distribution reference
// grammar before any docker call sees them.
import { UserError } from './errors'

/** One path component of a repository name (lower case). */
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/
const HOST =
  /^(?:localhost|[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::[0-9]{1,5})?$/
const MAX_NAME_LENGTH = 255

export const DOCKER_HUB = 'docker.io'

/**
 * A service name must be one repository path component (`user-service`,
 * `Cart_API`): it names a folder under services/ and the image, so `..`, `/`,
 * spaces and shell characters never get as far as a path or a docker argument.
 */
export function checkServiceName(service: string, input = 'service'): string {
  if (!isServiceName(service)) {
    throw new UserError(
      `Input ${input} must be one image path component (letters, digits, and ., _, - between them), got ${JSON.stringify(service)}`,
    )
  }
  return service
}

export function isServiceName(name: string): boolean {
  return COMPONENT.test(name.toLowerCase()) && name.length <= 128
}

function isHost(component: string): boolean {
  return component.includes('.') || component.includes(':') || component === 'localhost'
}

/** Splits `ghcr.io/minishop/cart` into host and path; the host is undefined for Docker Hub short names. */
export function splitImage(image: string): { host: string | undefined; path: string } {
  const slash = image.indexOf('/')
  if (slash > 0 && isHost(image.slice(0, slash))) {
    return { host: image.slice(0, slash), path: image.slice(slash + 1) }
  }
  return { host: undefined, path: image }
}

function invalid(input: string, value: string, why: string): UserError {
  return new UserError(
    `Input ${input} is not a valid image name (${why}): ${JSON.stringify(value)}`,
  )
}

/** Lower-cases and checks a name prefix (`ghcr.io/MiniShop`) or a full image name. */
export function normalizeImageName(value: string, input: string, allowHostOnly = false): string {
  const name = value.trim().toLowerCase().replace(/\/+$/, '')
  if (name === '') throw invalid(input, value, 'empty')
  const { host, path } =
    allowHostOnly && !name.includes('/') && isHost(name)
      ? { host: name, path: '' }
      : splitImage(name)
  if (host !== undefined && !HOST.test(host))
    throw invalid(input, value, `bad registry host "${host}"`)
  if (path === '' && !(allowHostOnly && host !== undefined)) {
    throw invalid(input, value, 'no repository path')
  }
  if (path !== '') {
    for (const component of path.split('/')) {
      if (component.includes(':') || component.includes('@')) {
        throw invalid(input, value, `no tag or digest here, tags come from the tags input`)
      }
      if (!COMPONENT.test(component)) {
        throw invalid(input, value, `path component "${component}"`)
      }
    }
  }
  if (name.length > MAX_NAME_LENGTH) throw invalid(input, value, `longer than ${MAX_NAME_LENGTH}`)
  return name
}

/** The image a service builds to: `image` when given, else `<registry>/<service>`, lower case. */
export function imageFor(
  service: string,
  registry: string | undefined,
  image: string | undefined,
): string {
  if (image !== undefined) return normalizeImageName(image, 'image')
  const prefix = registry === undefined ? undefined : normalizeImageName(registry, 'registry', true)
  return normalizeImageName(
    prefix ? `${prefix}/${service}` : service,
    prefix ? 'registry' : 'service',
  )
}

/** The registry an image lives in (what `docker login` needs). */
export function registryHost(image: string): string {
  return splitImage(image).host ?? DOCKER_HUB
}

export function imageRef(image: string, tag: string): string {
  return `${image}:${tag}`
}
