// Installs kind, kubectl and helm: from their official release URLs or a
// mirror through @actions/tool-cache (HTTP errors fail, transient ones are
// retried by tool-cache), each verified against its published SHA-256 before
// anything is cached, and cached under the tool's own name and version.
// `tools: path` uses what is on PATH and checks the versions found.
import { createHash } from 'node:crypto'
import {
  accessSync,
  chmodSync,
  constants,
  createReadStream,
  existsSync,
  readFileSync,
  rmSync,
} from 'node:fs'
import { delimiter, dirname, join } from 'node:path'
import * as tc from '@actions/tool-cache'
import { UserError } from '../core/errors'
import {
  compareVersions,
  type Platform,
  parseChecksumFile,
  parseToolVersion,
  TOOL_NAMES,
  type ToolDownload,
  type ToolName,
  type ToolSource,
  toolDownload,
} from '../core/kind-tools'
import { run } from './exec'
import * as core from './runner'

/** Absolute paths of the three binaries. */
export type ToolPaths = Record<ToolName, string>

export interface InstallRequest {
  source: ToolSource
  versions: Record<ToolName, string>
  platform: Platform
  /** tool-cache's architecture key (os.arch()). */
  cacheArch?: string
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

async function download(url: string, what: string): Promise<string> {
  try {
    return await tc.downloadTool(url)
  } catch (error) {
    const detail =
      error instanceof tc.HTTPError
        ? `HTTP ${error.httpStatusCode}`
        : error instanceof Error
          ? error.message
          : String(error)
    throw new UserError(`Downloading ${what} from ${url} failed: ${detail}`)
  }
}

/** Downloads one published file and its checksum; returns the verified file or throws, leaving nothing behind. */
export async function downloadVerified(d: ToolDownload): Promise<string> {
  const label = `${d.tool} ${d.version}`
  const sumsFile = await download(d.checksumUrl, `the SHA-256 of ${label}`)
  const parsed = parseChecksumFile(readFileSync(sumsFile, 'utf8'), d.fileName)
  rmSync(sumsFile, { force: true })
  if (typeof parsed !== 'string') {
    throw new UserError(
      `The checksum file ${d.checksumUrl} of ${label} is unusable: ${parsed.error}`,
    )
  }
  const file = await download(d.url, label)
  const actual = await sha256File(file)
  if (actual !== parsed) {
    rmSync(file, { force: true })
    throw new UserError(
      `${label} from ${d.url} failed its SHA-256 check: ${d.checksumUrl} says ${parsed}, the download is ${actual}. ` +
        'Nothing was installed or cached. If this is a mirror, it serves a different file than the release.',
    )
  }
  core.info(`${label}: ${d.url} (sha256 ${actual} verified)`)
  return file
}

/** Turns a verified download into a tool-cache entry; returns the binary's path. */
async function cacheVerified(d: ToolDownload, file: string, arch: string): Promise<string> {
  if (d.archivePath) {
    const extracted = await tc.extractTar(file)
    rmSync(file, { force: true })
    const binary = join(extracted, d.archivePath)
    if (!existsSync(binary)) {
      throw new UserError(`${d.tool} ${d.version}: ${d.url} has no ${d.archivePath} inside`)
    }
    chmodSync(binary, 0o755)
    const dir = await tc.cacheDir(dirname(binary), d.tool, d.version, arch)
    return join(dir, d.tool)
  }
  chmodSync(file, 0o755)
  const dir = await tc.cacheFile(file, d.tool, d.tool, d.version, arch)
  rmSync(file, { force: true })
  return join(dir, d.tool)
}

async function installDownloaded(request: InstallRequest, mirror?: string): Promise<ToolPaths> {
  const arch = request.cacheArch ?? process.arch
  const paths: Partial<ToolPaths> = {}
  const missing: ToolDownload[] = []
  for (const tool of TOOL_NAMES) {
    const version = request.versions[tool]
    const cached = tc.find(tool, version, arch)
    if (cached && existsSync(join(cached, tool))) {
      core.info(`${tool} ${version}: from the tool cache (${cached})`)
      paths[tool] = join(cached, tool)
    } else {
      missing.push(toolDownload(tool, version, request.platform, mirror))
    }
  }
  // Every download is verified before any is cached: one bad file caches nothing.
  const settled = await Promise.allSettled(missing.map((d) => downloadVerified(d)))
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected')
  if (failed) {
    for (const s of settled) if (s.status === 'fulfilled') rmSync(s.value, { force: true })
    throw failed.reason
  }
  for (const [i, d] of missing.entries()) {
    paths[d.tool] = await cacheVerified(
      d,
      (settled[i] as PromiseFulfilledResult<string>).value,
      arch,
    )
  }
  return paths as ToolPaths
}

/** The first executable `name` on PATH. */
export function which(name: string, path = process.env.PATH ?? ''): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue
    const candidate = join(dir, name)
    try {
      accessSync(candidate, constants.X_OK)
      return candidate
    } catch {
      // not here
    }
  }
  return undefined
}

const VERSION_ARGS: Record<ToolName, string[]> = {
  kind: ['version'],
  kubectl: ['version', '--client', '--output=json'],
  helm: ['version', '--short'],
}

async function usePath(request: InstallRequest): Promise<ToolPaths> {
  const paths: Partial<ToolPaths> = {}
  const problems: string[] = []
  for (const tool of TOOL_NAMES) {
    const path = which(tool)
    if (!path) {
      problems.push(`${tool} is not on PATH`)
      continue
    }
    paths[tool] = path
    const wanted = request.versions[tool]
    const out = await run(path, VERSION_ARGS[tool], { allowFailure: true })
    const found = parseToolVersion(tool, out.stdout)
    if (!found) {
      problems.push(
        `${path} did not report a version (${out.stderr.trim() || out.stdout.trim() || `exit ${out.code}`})`,
      )
      continue
    }
    const check = compareVersions(found, wanted)
    core.info(`${tool} ${found}: ${path}`)
    if (check.ok) continue
    const message = `${tool} on PATH is ${found}, ${tool}-version asks for ${wanted}`
    if (check.severity === 'error') problems.push(message)
    else core.warning(`${message} (same minor version: using it)`)
  }
  if (problems.length > 0) {
    throw new UserError(
      `tools: path: ${problems.join('; ')}. Install the requested versions, set the *-version inputs to what the runner has, or use tools: download.`,
    )
  }
  return paths as ToolPaths
}

export async function installTools(request: InstallRequest): Promise<ToolPaths> {
  const { source } = request
  if (source.mode === 'path') return usePath(request)
  const paths = await installDownloaded(request, source.mode === 'mirror' ? source.url : undefined)
  // Later steps (and the test command) find the same binaries.
  for (const dir of new Set(Object.values(paths).map((p) => dirname(p)))) core.addPath(dir)
  return paths
}
