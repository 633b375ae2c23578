// Reads what a registry says a tag points at (its Docker-Content-Digest),
// over the distribution HTTP API, with the token dance registries require.
import { DOCKER_HUB, splitImage } from '../core/image-name'

export interface RegistryCredentials {
  username: string
  password: string
}

const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ')

// A registry that does not answer must not hang the job until its timeout.
const TIMEOUT_MS = 30_000

/** Registries docker itself talks plain HTTP to: loopback only. */
function isLoopback(host: string): boolean {
  const name = host.replace(/:\d+$/, '')
  return name === 'localhost' || name === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(name)
}

/** The API endpoint and repository path of an image (Docker Hub's short names included). */
export function registryEndpoint(image: string): { baseUrl: string; repository: string } {
  const { host, path } = splitImage(image)
  const registry = host === undefined || host === DOCKER_HUB ? 'registry-1.docker.io' : host
  const repository = host === undefined && !path.includes('/') ? `library/${path}` : path
  return { baseUrl: `${isLoopback(registry) ? 'http' : 'https'}://${registry}`, repository }
}

function basic(credentials: RegistryCredentials): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`
}

/** Parses `Bearer realm="...",service="...",scope="..."`. */
export function parseChallenge(header: string): { scheme: string; params: Record<string, string> } {
  const space = header.indexOf(' ')
  const scheme = (space < 0 ? header : header.slice(0, space)).toLowerCase()
  const params: Record<string, string> = {}
  for (const match of header.slice(space + 1).matchAll(/(\w+)="([^"]*)"/g)) {
    params[match[1]!] = match[2]!
  }
  return { scheme, params }
}

async function authorization(
  challenge: string,
  repository: string,
  credentials: RegistryCredentials | undefined,
): Promise<string | undefined> {
  const { scheme, params } = parseChallenge(challenge)
  if (scheme === 'basic') return credentials ? basic(credentials) : undefined
  if (scheme !== 'bearer' || !params.realm) return undefined
  const url = new URL(params.realm)
  if (params.service) url.searchParams.set('service', params.service)
  url.searchParams.set('scope', params.scope ?? `repository:${repository}:pull`)
  const response = await fetch(url, {
    headers: credentials ? { authorization: basic(credentials) } : {},
    signal: AbortSignal.timeout(TIMEOUT_MS),
  })
  if (!response.ok) {
    throw new Error(`registry token request to ${url.origin} answered ${response.status}`)
  }
  const body = (await response.json()) as { token?: string; access_token?: string }
  const token = body.token ?? body.access_token
  return token ? `Bearer ${token}` : undefined
}

/**
 * The digest the registry reports for `image:tag` (its Docker-Content-Digest
 * header on a HEAD of the manifest), or an error saying what it answered.
 */
export async function manifestDigest(
  image: string,
  tag: string,
  credentials?: RegistryCredentials,
): Promise<string> {
  const { baseUrl, repository } = registryEndpoint(image)
  const url = `${baseUrl}/v2/${repository}/manifests/${encodeURIComponent(tag)}`
  const head = (auth?: string) =>
    fetch(url, {
      method: 'HEAD',
      headers: { accept: MANIFEST_TYPES, ...(auth ? { authorization: auth } : {}) },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
  let response = await head()
  const challenge = response.headers.get('www-authenticate')
  if (response.status === 401 && challenge) {
    response = await head(await authorization(challenge, repository, credentials))
  }
  const digest = response.headers.get('docker-content-digest')
  if (!response.ok || !digest) {
    throw new Error(
      `registry ${baseUrl} answered ${response.status} for ${repository}:${tag}${response.ok ? ' without a Docker-Content-Digest header' : ''}`,
    )
  }
  return digest
}
