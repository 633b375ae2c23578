// @ts-check
// The pure rules of a release: versions, tags, the changelog, the Enterprise
// Server pinning of the library's own references. No IO: release.mjs reads
// git and the API, this module decides.

/**
 * @typedef {{ major: number, minor: number, patch: number, prerelease: string[], build: string }} Version
 * @typedef {{ sha: string, subject: string, author: string }} Commit
 */

export class ReleaseError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message)
    this.name = 'ReleaseError'
  }
}

// semver.org's grammar: no leading zeros, dot-separated pre-release identifiers.
const NUMBER = '0|[1-9]\\d*'
const IDENT = `(?:${NUMBER}|\\d*[A-Za-z-][0-9A-Za-z-]*)`
const SEMVER = new RegExp(
  `^(${NUMBER})\\.(${NUMBER})\\.(${NUMBER})(?:-(${IDENT}(?:\\.${IDENT})*))?(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?$`,
)

/**
 * `1.2.3`, `v1.2.3`, `1.2.3-rc.1`: the version, or undefined when it is not semver.
 * @param {string} text
 * @returns {Version | undefined}
 */
export function parseVersion(text) {
  const match = SEMVER.exec(text.trim().replace(/^v/, ''))
  if (!match) return undefined
  return {
    major: Number(match[1]),
    minor: Number(match[2]),
    patch: Number(match[3]),
    prerelease: match[4] ? match[4].split('.') : [],
    build: match[5] ?? '',
  }
}

/** @param {Version} v */
export function formatVersion(v) {
  const pre = v.prerelease.length ? `-${v.prerelease.join('.')}` : ''
  return `${v.major}.${v.minor}.${v.patch}${pre}${v.build ? `+${v.build}` : ''}`
}

/**
 * semver precedence: negative when a < b, 0 when equal (build metadata ignored).
 * @param {Version} a
 * @param {Version} b
 */
export function compareVersions(a, b) {
  for (const key of /** @type {const} */ (['major', 'minor', 'patch'])) {
    if (a[key] !== b[key]) return a[key] - b[key]
  }
  // A pre-release sorts before its release.
  if (!a.prerelease.length || !b.prerelease.length) {
    return (b.prerelease.length ? 1 : 0) - (a.prerelease.length ? 1 : 0)
  }
  const n = Math.max(a.prerelease.length, b.prerelease.length)
  for (let i = 0; i < n; i++) {
    const x = a.prerelease[i]
    const y = b.prerelease[i]
    if (x === undefined) return -1
    if (y === undefined) return 1
    if (x === y) continue
    const xNum = /^\d+$/.test(x)
    const yNum = /^\d+$/.test(y)
    if (xNum && yNum) return Number(x) - Number(y)
    if (xNum !== yNum) return xNum ? -1 : 1
    return x < y ? -1 : 1
  }
  return 0
}

/**
 * The release tags among `tags` (`v1.2.3`, not the floating `v1`/`v1.2`), highest first.
 * @param {string[]} tags
 * @returns {{ tag: string, version: Version }[]}
 */
export function releaseTags(tags) {
  return tags
    .filter((tag) => /^v\d+\.\d+\.\d+/.test(tag))
    .map((tag) => ({ tag, version: parseVersion(tag) }))
    .filter(/** @returns {t is { tag: string, version: Version }} */ (t) => t.version !== undefined)
    .sort((a, b) => compareVersions(b.version, a.version))
}

/**
 * Checks the requested version against the last release and names its tags.
 * @param {string} requested
 * @param {string[]} existingTags
 */
export function planVersion(requested, existingTags) {
  const version = parseVersion(requested)
  if (!version || requested.trim() === '') {
    throw new ReleaseError(
      `"${requested}" is not a semver version (MAJOR.MINOR.PATCH, e.g. 1.4.0 or 2.0.0-rc.1)`,
    )
  }
  if (version.build) {
    throw new ReleaseError(
      `"${requested}": build metadata (+${version.build}) has no place in a release tag`,
    )
  }
  const tag = `v${formatVersion(version)}`
  const previous = releaseTags(existingTags)[0]
  if (existingTags.includes(tag)) {
    throw new ReleaseError(`${tag} already exists`)
  }
  if (previous && compareVersions(version, previous.version) <= 0) {
    throw new ReleaseError(
      `${tag} is not greater than the last release ${previous.tag}; releases only move forward`,
    )
  }
  return {
    version,
    tag,
    previousTag: previous?.tag,
    prerelease: version.prerelease.length > 0,
    floating: floatingTags(version),
  }
}

/**
 * The tags that follow the newest release: `v1` and `v1.2`. A pre-release
 * moves none (a caller on @v1 must never get a release candidate).
 * @param {Version} version
 */
export function floatingTags(version) {
  if (version.prerelease.length) return []
  return [`v${version.major}`, `v${version.major}.${version.minor}`]
}

const KINDS = [
  { title: 'Breaking changes', test: /^[a-z]+(\([^)]*\))?!:|BREAKING CHANGE/ },
  { title: 'Features', test: /^feat(\([^)]*\))?:/ },
  { title: 'Fixes', test: /^fix(\([^)]*\))?:/ },
]

/**
 * The changelog section of a release: the commits since the last tag, grouped
 * when they follow Conventional Commits, with a link to the full compare.
 * @param {{ tag: string, date: Date, commits: Commit[], previousTag?: string, repoUrl?: string }} options
 */
export function changelogSection({ tag, date, commits, previousTag, repoUrl }) {
  const day = date.toISOString().slice(0, 10)
  const lines = [`## ${tag} (${day})`, '']
  /** @type {Map<string, Commit[]>} */
  const groups = new Map()
  for (const commit of commits) {
    const kind = KINDS.find((k) => k.test.test(commit.subject))?.title ?? 'Changes'
    groups.set(kind, [...(groups.get(kind) ?? []), commit])
  }
  const order = [...KINDS.map((k) => k.title), 'Changes'].filter((title) => groups.has(title))
  const single = order.length === 1 && order[0] === 'Changes'
  for (const title of order) {
    if (!single) lines.push(`### ${title}`, '')
    for (const commit of groups.get(title) ?? []) {
      const sha = commit.sha.slice(0, 7)
      const ref = repoUrl ? `[${sha}](${repoUrl}/commit/${commit.sha})` : sha
      lines.push(`- ${escapeMarkdown(commit.subject)} (${ref})`)
    }
    lines.push('')
  }
  if (commits.length === 0) lines.push('No changes.', '')
  if (repoUrl && previousTag) {
    lines.push(`**Full changelog**: ${repoUrl}/compare/${previousTag}...${tag}`, '')
  }
  return lines.join('\n')
}

/** @param {string} text */
function escapeMarkdown(text) {
  // Subjects are text, not markup: an `<img>` or a stray `*` must show as written.
  return text.replace(/([\\`*_<>[\]])/g, '\\$1')
}

const CHANGELOG_HEADER = '# Changelog\n\nEvery release of minishop/actions, newest first.\n'

/**
 * CHANGELOG.md with `section` added above the previous release.
 * @param {string | undefined} existing
 * @param {string} section
 */
export function insertChangelogSection(existing, section) {
  const text = existing && existing.trim() !== '' ? existing : CHANGELOG_HEADER
  const at = text.search(/^## /m)
  const body = section.endsWith('\n') ? section : `${section}\n`
  if (at < 0) return `${text.replace(/\n*$/, '\n\n')}${body}`
  return `${text.slice(0, at)}${body}\n${text.slice(at)}`
}

/**
 * The section of `tag` in a CHANGELOG.md (for the GitHub release body).
 * @param {string} changelog
 * @param {string} tag
 */
export function findChangelogSection(changelog, tag) {
  const lines = changelog.split('\n')
  const start = lines.findIndex((line) => line.startsWith(`## ${tag} `) || line === `## ${tag}`)
  if (start < 0) return undefined
  let end = lines.findIndex((line, i) => i > start && line.startsWith('## '))
  if (end < 0) end = lines.length
  return `${lines.slice(start, end).join('\n').trimEnd()}\n`
}

/**
 * GitHub Enterprise Server without `$/`: the published workflows' references to
 * this library's own actions (and workflows) are pinned to the release tag.
 * @param {string} text a workflow file
 * @param {string} repository owner/name of this library
 * @param {string} tag
 * @returns {{ text: string, count: number }}
 */
export function pinSelfReferences(text, repository, tag) {
  let count = 0
  const pinned = text.replace(
    /^(\s*(?:-\s+)?uses:\s*)(["']?)\$\/([^\s"'#]+)\2/gm,
    (_match, prefix, quote, path) => {
      count++
      return `${prefix}${quote}${repository}/${path}@${tag}${quote}`
    },
  )
  return { text: pinned, count }
}

/**
 * owner/name of a GitHub remote URL (https, ssh or scp-like), or undefined.
 * @param {string} url
 */
export function repositoryFromRemote(url) {
  const match =
    /^(?:https?:\/\/[^/]+\/|ssh:\/\/[^/]+\/|[^@/\s]+@[^:/\s]+:)([^/\s]+)\/([^/\s]+?)(?:\.git)?\/?$/.exec(
      url.trim(),
    )
  return match ? `${match[1]}/${match[2]}` : undefined
}

export const USAGE = `Usage: npm run release -- <version> [options]

Cuts a release of this library: checks the tree (clean, dist/ fresh, version
semver and greater than the last release), writes the CHANGELOG.md section from
the commits since the last tag, commits it, creates the annotated tag vX.Y.Z,
moves vX and vX.Y to it, pushes branch and tags atomically, and creates the
GitHub release.

Options:
  --dry-run               print everything it would do; change nothing
  --pin-self-references   GitHub Enterprise Server without $/ support: in the
                          tagged commit, rewrite the reusable workflows'
                          "uses: $/..." to "<repository>/...@vX.Y.Z"
  --release-only          only create the GitHub release of an existing tag
                          (after a failed API call)
  --repository <o/n>      the GitHub repository (default: GITHUB_REPOSITORY,
                          else the origin remote's URL)
  --remote <name>         the git remote to push to (default: origin)
  -h, --help              this help

Environment: GITHUB_TOKEN (or GH_TOKEN) to create the release; GITHUB_API_URL
and GITHUB_SERVER_URL for GitHub Enterprise Server.`

/**
 * @typedef {{ version: string, dryRun: boolean, pinSelfReferences: boolean, releaseOnly: boolean,
 *   repository: string | undefined, remote: string, help: boolean }} ReleaseArgs
 */

/**
 * @param {string[]} argv
 * @returns {ReleaseArgs}
 */
export function parseArgs(argv) {
  /** @type {ReleaseArgs} */
  const args = {
    version: '',
    dryRun: false,
    pinSelfReferences: false,
    releaseOnly: false,
    repository: undefined,
    remote: 'origin',
    help: false,
  }
  const positional = []
  for (let i = 0; i < argv.length; i++) {
    const arg = /** @type {string} */ (argv[i])
    const value = () => {
      const next = argv[++i]
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${arg} needs a value`)
      return next
    }
    if (arg === '--dry-run') args.dryRun = true
    else if (arg === '--pin-self-references') args.pinSelfReferences = true
    else if (arg === '--release-only') args.releaseOnly = true
    else if (arg === '--repository') args.repository = value()
    else if (arg === '--remote') args.remote = value()
    else if (arg === '-h' || arg === '--help') args.help = true
    else if (arg.startsWith('-') && !/^-?v?\d/.test(arg))
      throw new UsageError(`unknown option ${arg}`)
    else positional.push(arg)
  }
  if (args.help) return args
  if (positional.length !== 1) {
    throw new UsageError(
      positional.length ? `one version, got ${positional.join(' ')}` : 'the version is missing',
    )
  }
  args.version = /** @type {string} */ (positional[0])
  if (args.repository !== undefined && !/^[\w.-]+\/[\w.-]+$/.test(args.repository)) {
    throw new UsageError(`--repository must be owner/name, got "${args.repository}"`)
  }
  return args
}

export class UsageError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message)
    this.name = 'UsageError'
  }
}
