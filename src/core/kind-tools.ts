// Where kind, kubectl and helm come from for a given OS, architecture and
// version, and how their published SHA-256 sums are read. Pure: the download
// itself lives in src/io/tools.ts.
import { UserError } from './errors'

export type ToolName = 'kind' | 'kubectl' | 'helm'
export const TOOL_NAMES: readonly ToolName[] = ['kind', 'kubectl', 'helm']

export interface Platform {
  os: 'linux' | 'darwin'
  arch: 'amd64' | 'arm64'
}

/** The runner's platform in the names the three projects publish under. */
export function platformOf(nodePlatform: string, nodeArch: string): Platform {
  const os = nodePlatform === 'linux' || nodePlatform === 'darwin' ? nodePlatform : undefined
  const arch = nodeArch === 'x64' ? 'amd64' : nodeArch === 'arm64' ? 'arm64' : undefined
  if (!os || !arch) {
    throw new UserError(
      `kind-integration runs on Linux or macOS runners with amd64 or arm64 CPUs, not ${nodePlatform}/${nodeArch}`,
    )
  }
  return { os, arch }
}

const VERSION = /^v?(\d+)\.(\d+)\.(\d+)(-[0-9A-Za-z.-]+)?$/

/** `0.33.0` or `v0.33.0` -> `v0.33.0`; anything else is the user's typo. */
export function normalizeVersion(input: string, value: string): string {
  const trimmed = value.trim()
  if (!VERSION.test(trimmed)) {
    throw new UserError(`Input ${input} must be a release version like v1.2.3, got "${value}"`)
  }
  return trimmed.startsWith('v') ? trimmed : `v${trimmed}`
}

export interface ToolDownload {
  tool: ToolName
  version: string
  /** The file as published: a binary, or helm's .tar.gz. */
  url: string
  fileName: string
  checksumUrl: string
  /** For archives: the binary's path inside it. */
  archivePath?: string
}

/** The three upstream locations a mirror replaces, tool by tool. */
const UPSTREAM: Record<ToolName, string> = {
  kind: 'https://github.com/kubernetes-sigs/kind/releases/download',
  kubectl: 'https://dl.k8s.io/release',
  helm: 'https://get.helm.sh',
}

/**
 * Official release URLs, or the same paths below `<mirror>/<tool>/`:
 * kind from its GitHub release (`.sha256sum`), kubectl from dl.k8s.io
 * (`.sha256`), helm's archive from get.helm.sh (`.sha256sum`).
 */
export function toolDownload(
  tool: ToolName,
  version: string,
  platform: Platform,
  mirror?: string,
): ToolDownload {
  const base = mirror ? `${mirror.replace(/\/+$/, '')}/${tool}` : UPSTREAM[tool]
  const { os, arch } = platform
  switch (tool) {
    case 'kind': {
      const fileName = `kind-${os}-${arch}`
      const url = `${base}/${version}/${fileName}`
      return { tool, version, url, fileName, checksumUrl: `${url}.sha256sum` }
    }
    case 'kubectl': {
      const url = `${base}/${version}/bin/${os}/${arch}/kubectl`
      return { tool, version, url, fileName: 'kubectl', checksumUrl: `${url}.sha256` }
    }
    case 'helm': {
      const fileName = `helm-${version}-${os}-${arch}.tar.gz`
      const url = `${base}/${fileName}`
      return {
        tool,
        version,
        url,
        fileName,
        checksumUrl: `${url}.sha256sum`,
        archivePath: `${os}-${arch}/helm`,
      }
    }
  }
}

/**
 * The SHA-256 a checksum file gives for `fileName`: either the bare digest
 * (kubectl's `.sha256`) or `sha256sum` lines (`<hex>  <name>`, `*<name>` in
 * binary mode). Returns an error message instead of throwing: the caller
 * knows the URL to name.
 */
export function parseChecksumFile(text: string, fileName: string): string | { error: string } {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
  for (const line of lines) {
    const [digest, name, ...rest] = line.split(/\s+/)
    if (!digest || rest.length > 0 || !/^[0-9a-fA-F]{64}$/.test(digest)) continue
    if (name === undefined && lines.length === 1) return digest.toLowerCase()
    const listed = name?.replace(/^\*/, '').replace(/^.*\//, '')
    if (listed === fileName) return digest.toLowerCase()
  }
  const preview = text.slice(0, 80).replace(/\s+/g, ' ').trim()
  return {
    error: `it holds no SHA-256 for ${fileName}${preview ? ` (it starts "${preview}")` : ' (it is empty)'}`,
  }
}

/** The version a tool reports: `kind v0.33.0 go1.25 linux/amd64`, `v4.3.0+g1b2c3d4`, kubectl's JSON. */
export function parseToolVersion(tool: ToolName, output: string): string | undefined {
  let text = output
  if (tool === 'kubectl') {
    try {
      const parsed = JSON.parse(output) as { clientVersion?: { gitVersion?: string } }
      text = parsed.clientVersion?.gitVersion ?? ''
    } catch {
      // older kubectl prints `Client Version: v1.x.y`: fall through to the text match
    }
  }
  const match = /\bv?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?)/.exec(text)
  return match ? `v${match[1]}` : undefined
}

export type VersionCheck = { ok: true } | { ok: false; severity: 'error' | 'warning' }

/**
 * `tools: path` accepts what the runner has when major.minor match the
 * requested version (a patch apart is a warning): kind minor releases change
 * node images and kubectl's skew policy is counted in minors.
 */
export function compareVersions(found: string, wanted: string): VersionCheck {
  if (found === wanted) return { ok: true }
  const f = VERSION.exec(found)
  const w = VERSION.exec(wanted)
  if (!f || !w) return { ok: false, severity: 'error' }
  if (f[1] !== w[1] || f[2] !== w[2]) return { ok: false, severity: 'error' }
  return { ok: false, severity: 'warning' }
}

/** `tools`: `download`, `path`, or an http(s) mirror base URL. */
export type ToolSource = { mode: 'download' } | { mode: 'path' } | { mode: 'mirror'; url: string }

export function parseToolSource(value: string): ToolSource {
  const trimmed = value.trim()
  if (trimmed === '' || trimmed === 'download') return { mode: 'download' }
  if (trimmed === 'path') return { mode: 'path' }
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    throw new UserError(
      `Input tools must be download, path, or a mirror base URL (https://...), got "${value}"`,
    )
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UserError(`Input tools: a mirror must be an http(s) URL, got "${value}"`)
  }
  if (url.username || url.password) {
    throw new UserError(
      'Input tools: put no credentials in the mirror URL (they would be logged); use a mirror the runner can read without them',
    )
  }
  return { mode: 'mirror', url: trimmed.replace(/\/+$/, '') }
}
