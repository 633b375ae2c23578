// src/io/tools.ts in process, against a tools mirror on 127.0.0.1: the
// real @actions/tool-cache downloads, extracts and caches.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { isUserError } from '../../src/core/errors'
import { platformOf, type ToolName } from '../../src/core/kind-tools'
import { installTools } from '../../src/io/tools'
import { setupStubs, toolMirrorFiles } from '../fixtures/kind-stubs'
import { type FileServer, startFileServer } from '../harness/file-server'
import { tempDir } from '../harness/git-fixtures'

const platform = platformOf(process.platform, process.arch)
const versions: Record<ToolName, string> = { kind: 'v0.33.0', kubectl: 'v1.37.0', helm: 'v4.3.0' }
const saved = { ...process.env }
let server: FileServer
let cache: string
let temp: string

beforeAll(async () => {
  server = await startFileServer()
  // tool-cache's own test hook: no 10-20 s pause between retries here.
  Object.assign(globalThis, {
    TEST_DOWNLOAD_TOOL_RETRY_MIN_SECONDS: 0,
    TEST_DOWNLOAD_TOOL_RETRY_MAX_SECONDS: 0,
  })
})
afterAll(() => server.close())
beforeEach(() => {
  cache = tempDir('tool-cache-')
  temp = tempDir('runner-temp-')
  process.env.RUNNER_TOOL_CACHE = cache
  process.env.RUNNER_TEMP = temp
  delete process.env.GITHUB_PATH
  server.requests.length = 0
})
afterEach(() => {
  process.env = { ...saved }
})

/** Serves a mirror of the tools; returns its files (a second call builds another archive). */
function serve(corrupt?: ToolName, v = versions): Record<string, string | Buffer> {
  const files = toolMirrorFiles(platform, v, corrupt)
  for (const [path, body] of Object.entries(files)) server.set(path, body)
  return files
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise
  } catch (error) {
    expect(isUserError(error)).toBe(true)
    return error as Error
  }
  throw new Error('did not fail')
}

const cached = (tool: string) =>
  existsSync(join(cache, tool)) ? readdirSync(join(cache, tool)) : []

describe('installTools from a mirror', () => {
  it('downloads, verifies and caches each tool under its own version, then reuses the cache', async () => {
    serve()
    const paths = await installTools({
      source: { mode: 'mirror', url: `${server.url}/` },
      versions,
      platform,
    })
    expect(paths).toEqual({
      kind: join(cache, 'kind', '0.33.0', process.arch, 'kind'),
      kubectl: join(cache, 'kubectl', '1.37.0', process.arch, 'kubectl'),
      helm: join(cache, 'helm', '4.3.0', process.arch, 'helm'),
    })
    for (const path of Object.values(paths)) expect(statSync(path).mode & 0o111).not.toBe(0)
    expect(process.env.PATH?.split(':').slice(0, 3).sort()).toEqual(
      Object.values(paths)
        .map((p) => join(p, '..'))
        .sort(),
    )
    const first = server.requests.length
    expect(first).toBe(6) // three files, three checksum files

    await installTools({ source: { mode: 'mirror', url: server.url }, versions, platform })
    expect(server.requests.length).toBe(first)

    // Another kubectl is fetched even though kind's version did not change.
    serve(undefined, { ...versions, kubectl: 'v1.36.4' })
    await installTools({
      source: { mode: 'mirror', url: server.url },
      versions: { ...versions, kubectl: 'v1.36.4' },
      platform,
    })
    expect(server.requests.slice(first)).toEqual([
      `/kubectl/v1.36.4/bin/${platform.os}/${platform.arch}/kubectl.sha256`,
      `/kubectl/v1.36.4/bin/${platform.os}/${platform.arch}/kubectl`,
    ])
    expect(cached('kubectl').sort()).toEqual(['1.36.4', '1.37.0'])
    expect(existsSync(join(cache, 'kubectl', '1.36.4', `${process.arch}.complete`))).toBe(true)
  })

  it('stops on a checksum mismatch with a clear error, and caches nothing at all', async () => {
    serve('kubectl')
    const error = await failure(
      installTools({ source: { mode: 'mirror', url: server.url }, versions, platform }),
    )
    expect(error.message).toMatch(
      new RegExp(
        `^kubectl v1\\.37\\.0 from ${server.url}/kubectl/v1\\.37\\.0/bin/${platform.os}/${platform.arch}/kubectl failed its SHA-256 check: .*kubectl\\.sha256 says [0-9a-f]{64}, the download is [0-9a-f]{64}\\. Nothing was installed or cached\\.`,
      ),
    )
    expect(readdirSync(cache)).toEqual([])
    expect(readdirSync(temp)).toEqual([]) // no verified-but-uncached leftovers either
  })

  it('fails on an HTTP error instead of saving the error page, without retrying a 404', async () => {
    serve()
    const kindPath = `/kind/v0.33.0/kind-${platform.os}-${platform.arch}`
    server.set(kindPath, { status: 404, body: '<html>Not Found</html>' })
    const error = await failure(
      installTools({ source: { mode: 'mirror', url: server.url }, versions, platform }),
    )
    expect(error.message).toBe(
      `Downloading kind v0.33.0 from ${server.url}${kindPath} failed: HTTP 404`,
    )
    expect(server.requests.filter((p) => p === kindPath)).toHaveLength(1)
    expect(readdirSync(cache)).toEqual([])
  })

  it('refuses a checksum file that holds no sum for the file', async () => {
    serve()
    server.set(
      `/kind/v0.33.0/kind-${platform.os}-${platform.arch}.sha256sum`,
      '<!doctype html><p>Sign in</p>',
    )
    const error = await failure(
      installTools({ source: { mode: 'mirror', url: server.url }, versions, platform }),
    )
    expect(error.message).toContain(
      `.sha256sum of kind v0.33.0 is unusable: it holds no SHA-256 for kind-${platform.os}-${platform.arch}`,
    )
  })

  it('retries transient errors (a 503, then the file)', async () => {
    // The served archive itself: building it again can differ (tar and gzip
    // record times), and its published SHA-256 is of this one.
    const helmPath = `/helm/helm-v4.3.0-${platform.os}-${platform.arch}.tar.gz`
    const helm = serve()[helmPath]!
    server.set(helmPath, [{ status: 503, body: 'Service Unavailable' }, helm])
    const paths = await installTools({
      source: { mode: 'mirror', url: server.url },
      versions,
      platform,
    })
    expect(server.requests.filter((p) => p === helmPath)).toHaveLength(2)
    expect(existsSync(paths.helm)).toBe(true)
  })
})

describe('installTools with tools: path', () => {
  it('uses what is on PATH when the versions match', async () => {
    const stubs = setupStubs({ tools: ['kind', 'kubectl', 'helm'] })
    Object.assign(process.env, stubs.env)
    const paths = await installTools({ source: { mode: 'path' }, versions, platform })
    expect(paths).toEqual({
      kind: join(stubs.bin, 'kind'),
      kubectl: join(stubs.bin, 'kubectl'),
      helm: join(stubs.bin, 'helm'),
    })
    expect(stubs.lines()).toEqual([
      'kind version',
      'kubectl version --client --output=json',
      'helm version --short',
    ])
  })

  it('refuses another minor version and a missing tool, in one error', async () => {
    const stubs = setupStubs({ tools: ['kind', 'kubectl'] })
    // No helm anywhere on this PATH (node and the shell's tools still are).
    const PATH = [stubs.bin, dirname(process.execPath), '/usr/bin', '/bin'].join(':')
    Object.assign(process.env, stubs.env, { KIND_STUB_VERSION_KUBECTL: 'v1.35.2', PATH })
    const error = await failure(installTools({ source: { mode: 'path' }, versions, platform }))
    expect(error.message).toBe(
      'tools: path: kubectl on PATH is v1.35.2, kubectl-version asks for v1.37.0; helm is not on PATH. Install the requested versions, set the *-version inputs to what the runner has, or use tools: download.',
    )
  })

  it('accepts another patch release with a warning', async () => {
    const stubs = setupStubs({ tools: ['kind', 'kubectl', 'helm'] })
    Object.assign(process.env, stubs.env, { KIND_STUB_VERSION_HELM: 'v4.3.1' })
    const paths = await installTools({ source: { mode: 'path' }, versions, platform })
    expect(paths.helm).toBe(join(stubs.bin, 'helm'))
  })
})
