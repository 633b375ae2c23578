// Tag rules: which tags an image gets for an event, and the user's templates.
import { UserError } from './errors'
import type { EventContext } from './event-context'
import { isCommitSha } from './git-names'
import { parseReleaseTag, type ReleaseVersion } from './semver'
import { branchSlug, isValidTag, MAX_TAG_LENGTH, TAG_PATTERN, truncateSlug } from './tag-grammar'

export type TagKind =
  | 'default-branch'
  | 'branch'
  | 'pull-request'
  | 'release'
  | 'prerelease'
  | 'git-tag'
  | 'commit'

export type LatestMode = 'auto' | 'true' | 'false'

export interface TagRuleOptions {
  service: string
  /** Extra tag templates, one per entry (the `tags` input). */
  templates: readonly string[]
  /** Apply the default rules (false: only the templates). */
  defaults: boolean
  latest: LatestMode
}

export interface TagSet {
  /** Every tag, in order, without duplicates. */
  tags: string[]
  /** The tag that names exactly this build (what a GitOps repo should point at). */
  immutable: string
  kind: TagKind
  /** The release version for `vX.Y.Z` tags. */
  version: ReleaseVersion | undefined
  /** Why templates were skipped (a placeholder with no value for this event). */
  notes: string[]
}

type Vars = Record<string, string | undefined>

export const TEMPLATE_PLACEHOLDERS = [
  'sha',
  'short_sha',
  'branch',
  'semver',
  'major',
  'minor',
  'patch',
  'service',
  'run_number',
  'pr_number',
] as const

function kindOf(ctx: EventContext, version: ReleaseVersion | undefined): TagKind {
  if (ctx.tag !== undefined) {
    if (!version) return 'git-tag'
    return version.prerelease === undefined ? 'release' : 'prerelease'
  }
  if (ctx.prHead) return 'pull-request'
  if (ctx.branch === undefined) return 'commit'
  return ctx.branch === ctx.defaultBranch ? 'default-branch' : 'branch'
}

/** `<slug>-<sha>`, the slug cut so the whole tag fits while the SHA survives. */
function slugWithSha(name: string, sha: string): string {
  const slug = truncateSlug(branchSlug(name), MAX_TAG_LENGTH - sha.length - 1)
  return `${slug}-${sha}`
}

/**
 * Renders one template. Returns undefined when a placeholder has no value for
 * this event ({semver} on a branch push): that template does not apply.
 */
export function renderTemplate(template: string, vars: Vars): string | undefined {
  const names = [...template.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]!)
  for (const name of names) {
    if (!(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name)) {
      throw new UserError(
        `Input tags: unknown placeholder {${name}} in "${template}" (known: ${TEMPLATE_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')})`,
      )
    }
    if (vars[name] === undefined) return undefined
  }
  const fill = (branch: string) =>
    template.replace(/\{([^{}]*)\}/g, (_, name: string) =>
      name === 'branch' ? branch : vars[name]!,
    )
  let tag = fill(vars.branch ?? '')
  // A long branch gives way so the rest of the tag (the SHA) survives.
  const branchCount = names.filter((n) => n === 'branch').length
  if (tag.length > MAX_TAG_LENGTH && branchCount > 0) {
    const fixed = fill('').length
    const room = Math.floor((MAX_TAG_LENGTH - fixed) / branchCount)
    if (room >= 1) tag = fill(truncateSlug(vars.branch!, room))
  }
  if (!isValidTag(tag)) {
    throw new UserError(
      `Input tags: "${template}" gives "${tag.length > 140 ? `${tag.slice(0, 140)}...` : tag}", which is not a valid image tag (${TAG_PATTERN.source})`,
    )
  }
  return tag
}

export function computeTags(ctx: EventContext, options: TagRuleOptions): TagSet {
  const sha = ctx.sha.toLowerCase()
  if (!isCommitSha(sha)) {
    throw new UserError(`The commit to build is not a full commit SHA: "${ctx.sha}" (GITHUB_SHA)`)
  }
  const version = ctx.tag !== undefined ? parseReleaseTag(ctx.tag) : undefined
  const kind = kindOf(ctx, version)
  const defaults: string[] = []
  let immutable = sha
  switch (kind) {
    case 'default-branch':
      defaults.push(sha)
      break
    case 'branch':
    case 'pull-request':
      immutable = slugWithSha(ctx.branch!, sha)
      defaults.push(immutable)
      break
    case 'release':
    case 'prerelease':
      defaults.push(version!.tag, sha)
      break
    case 'git-tag':
      defaults.push(truncateSlug(branchSlug(ctx.tag!), MAX_TAG_LENGTH), sha)
      break
    case 'commit':
      defaults.push(sha)
      break
  }
  const moveLatest =
    options.latest === 'true' ||
    (options.latest === 'auto' &&
      options.defaults &&
      (kind === 'default-branch' || kind === 'release'))
  if (moveLatest) defaults.push('latest')

  const vars: Vars = {
    sha,
    short_sha: sha.slice(0, 7),
    branch: ctx.branch === undefined ? undefined : branchSlug(ctx.branch),
    semver: version?.tag,
    major: version === undefined ? undefined : String(version.major),
    minor: version === undefined ? undefined : String(version.minor),
    patch: version === undefined ? undefined : String(version.patch),
    service: options.service.toLowerCase(),
    run_number: String(ctx.runNumber),
    pr_number: ctx.prNumber === undefined ? undefined : String(ctx.prNumber),
  }
  const notes: string[] = []
  const extra: string[] = []
  for (const template of options.templates) {
    const tag = renderTemplate(template, vars)
    if (tag === undefined) notes.push(`tag template "${template}" does not apply to this event`)
    else extra.push(tag)
  }

  const tags = [...new Set([...(options.defaults ? defaults : []), ...extra])]
  if (tags.length === 0) {
    throw new UserError(
      'No tags to apply: default-tags is false and no template in tags applies to this event',
    )
  }
  // Without the defaults, the first tag that names the commit is the immutable one.
  if (!options.defaults) immutable = tags.find((t) => t.includes(sha.slice(0, 7))) ?? tags[0]!
  return { tags, immutable, kind, version, notes }
}
