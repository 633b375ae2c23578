import { describe, expect, it } from 'vitest'
import {
  compareVersions,
  normalizeVersion,
  parseChecksumFile,
  parseToolSource,
  parseToolVersion,
  platformOf,
  toolDownload,
} from '../../src/core/kind-tools'

const HEX = 'a'.repeat(64)

describe('toolDownload: official release URLs and checksum files', () => {
  it.each([
    [
      'kind',
      'v0.33.0',
      { os: 'linux', arch: 'amd64' },
      'https://github.com/kubernetes-sigs/kind/releases/download/v0.33.0/kind-linux-amd64',
      'https://github.com/kubernetes-sigs/kind/releases/download/v0.33.0/kind-linux-amd64.sha256sum',
    ],
    [
      'kind',
      'v0.33.0',
      { os: 'darwin', arch: 'arm64' },
      'https://github.com/kubernetes-sigs/kind/releases/download/v0.33.0/kind-darwin-arm64',
      'https://github.com/kubernetes-sigs/kind/releases/download/v0.33.0/kind-darwin-arm64.sha256sum',
    ],
    [
      'kubectl',
      'v1.37.0',
      { os: 'linux', arch: 'arm64' },
      'https://dl.k8s.io/release/v1.37.0/bin/linux/arm64/kubectl',
      'https://dl.k8s.io/release/v1.37.0/bin/linux/arm64/kubectl.sha256',
    ],
    [
      'helm',
      'v4.3.0',
      { os: 'linux', arch: 'amd64' },
      'https://get.helm.sh/helm-v4.3.0-linux-amd64.tar.gz',
      'https://get.helm.sh/helm-v4.3.0-linux-amd64.tar.gz.sha256sum',
    ],
  ] as const)('%s %s %o', (tool, version, platform, url, checksumUrl) => {
    const d = toolDownload(tool, version, platform)
    expect(d.url).toBe(url)
    expect(d.checksumUrl).toBe(checksumUrl)
  })

  it('names the binary inside helm archives', () => {
    expect(toolDownload('helm', 'v4.3.0', { os: 'darwin', arch: 'arm64' }).archivePath).toBe(
      'darwin-arm64/helm',
    )
    expect(
      toolDownload('kind', 'v0.33.0', { os: 'linux', arch: 'amd64' }).archivePath,
    ).toBeUndefined()
  })

  it('keeps each upstream path below <mirror>/<tool>/', () => {
    const linux = { os: 'linux', arch: 'amd64' } as const
    const mirror = 'https://mirror.example.com/k8s-tools/'
    expect(toolDownload('kind', 'v0.33.0', linux, mirror).url).toBe(
      'https://mirror.example.com/k8s-tools/kind/v0.33.0/kind-linux-amd64',
    )
    expect(toolDownload('kubectl', 'v1.37.0', linux, mirror).checksumUrl).toBe(
      'https://mirror.example.com/k8s-tools/kubectl/v1.37.0/bin/linux/amd64/kubectl.sha256',
    )
    expect(toolDownload('helm', 'v4.3.0', linux, mirror).url).toBe(
      'https://mirror.example.com/k8s-tools/helm/helm-v4.3.0-linux-amd64.tar.gz',
    )
  })
})

describe('parseChecksumFile', () => {
  it("reads kubectl's bare digest", () => {
    expect(parseChecksumFile(`${HEX.toUpperCase()}\n`, 'kubectl')).toBe(HEX)
  })
  it('reads the sha256sum line of the named file, text or binary mode', () => {
    const text = `${'b'.repeat(64)}  kind-darwin-amd64\n${HEX} *kind-linux-amd64\n`
    expect(parseChecksumFile(text, 'kind-linux-amd64')).toBe(HEX)
    expect(
      parseChecksumFile(
        `${HEX}  ./dist/helm-v4.3.0-linux-amd64.tar.gz`,
        'helm-v4.3.0-linux-amd64.tar.gz',
      ),
    ).toBe(HEX)
  })
  it('refuses an HTML error page or another file sum, saying what it got', () => {
    expect(parseChecksumFile('<html><body>Not Found</body></html>', 'kubectl')).toEqual({
      error: 'it holds no SHA-256 for kubectl (it starts "<html><body>Not Found</body></html>")',
    })
    expect(parseChecksumFile(`${HEX}  kind-darwin-amd64`, 'kind-linux-amd64')).toHaveProperty(
      'error',
    )
    expect(parseChecksumFile('', 'kind-linux-amd64')).toEqual({
      error: 'it holds no SHA-256 for kind-linux-amd64 (it is empty)',
    })
    expect(parseChecksumFile('abc123', 'kubectl')).toHaveProperty('error')
  })
})

describe('versions', () => {
  it('normalizes to a leading v and names the input on a typo', () => {
    expect(normalizeVersion('kind-version', '0.33.0')).toBe('v0.33.0')
    expect(normalizeVersion('helm-version', 'v4.3.0-rc.1')).toBe('v4.3.0-rc.1')
    expect(() => normalizeVersion('kubectl-version', 'latest')).toThrow(
      'Input kubectl-version must be a release version like v1.2.3, got "latest"',
    )
  })
  it('parses what each tool reports', () => {
    expect(parseToolVersion('kind', 'kind v0.33.0 go1.25.3 linux/amd64')).toBe('v0.33.0')
    expect(parseToolVersion('helm', 'v4.3.0+g8f1e2a3\n')).toBe('v4.3.0')
    expect(parseToolVersion('kubectl', '{"clientVersion":{"gitVersion":"v1.37.0"}}')).toBe(
      'v1.37.0',
    )
    expect(parseToolVersion('kubectl', 'Client Version: v1.36.4')).toBe('v1.36.4')
    expect(parseToolVersion('kind', 'command not found')).toBeUndefined()
  })
  it('accepts a patch apart with a warning, refuses another minor', () => {
    expect(compareVersions('v1.37.0', 'v1.37.0')).toEqual({ ok: true })
    expect(compareVersions('v1.37.2', 'v1.37.0')).toEqual({ ok: false, severity: 'warning' })
    expect(compareVersions('v1.36.4', 'v1.37.0')).toEqual({ ok: false, severity: 'error' })
    expect(compareVersions('v0.32.0', 'v0.33.0')).toEqual({ ok: false, severity: 'error' })
  })
})

describe('parseToolSource and platformOf', () => {
  it('knows download, path and mirror URLs', () => {
    expect(parseToolSource('')).toEqual({ mode: 'download' })
    expect(parseToolSource('download')).toEqual({ mode: 'download' })
    expect(parseToolSource('path')).toEqual({ mode: 'path' })
    expect(parseToolSource('https://mirror.example.com/tools/')).toEqual({
      mode: 'mirror',
      url: 'https://mirror.example.com/tools',
    })
  })
  it('refuses anything else, and credentials in a mirror URL', () => {
    expect(() => parseToolSource('apt')).toThrow(
      'Input tools must be download, path, or a mirror base URL',
    )
    expect(() => parseToolSource('ftp://mirror.example.com')).toThrow('must be an http(s) URL')
    expect(() => parseToolSource('https://user:secret@mirror.example.com')).toThrow(
      'no credentials',
    )
  })
  it('maps Node platforms to release names', () => {
    expect(platformOf('linux', 'x64')).toEqual({ os: 'linux', arch: 'amd64' })
    expect(platformOf('darwin', 'arm64')).toEqual({ os: 'darwin', arch: 'arm64' })
    expect(() => platformOf('win32', 'x64')).toThrow('Linux or macOS runners')
    expect(() => platformOf('linux', 'ia32')).toThrow('amd64 or arm64')
  })
})
