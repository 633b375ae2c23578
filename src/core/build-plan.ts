// Everything build-and-tag will do, decided and checked before any docker
// call: a hostile input fails here, not halfway through a push.
import { UserError } from './errors'
import type { EventContext } from './event-context'
import { checkServiceName, imageFor, imageRef, registryHost } from './image-name'
import { ociLabels, parseKeyValues } from './oci-labels'
import { computeTags, type LatestMode, type TagKind } from './tags'
import { resolveInWorkspace, workspaceRelative } from './workspace-path'

export type CacheMode = 'gha' | 'registry' | 'none'
export type PushMode = 'auto' | 'true' | 'false'

export interface BuildRequest {
  service: string
  context: string | undefined
  dockerfile: string | undefined
  registry: string | undefined
  image: string | undefined
  tags: readonly string[]
  defaultTags: boolean
  latest: LatestMode
  push: PushMode
  load: boolean
  dryRun: boolean
  buildArgs: readonly string[]
  labels: readonly string[]
  platforms: readonly string[]
  target: string | undefined
  pull: boolean
  cache: CacheMode
  /** auto | true | false | mode=min | mode=max */
  provenance: string
  builder: string | undefined
}

export interface BuildPlan {
  service: string
  image: string
  /** Bare tags, in order. */
  tags: string[]
  /** Full references, `image:tag`, in the order of `tags`. */
  refs: string[]
  /** The immutable tag (the one a GitOps repo should pin). */
  tag: string
  kind: TagKind
  version: string | undefined
  push: boolean
  load: boolean
  dryRun: boolean
  /** Absolute paths, and the same relative to the workspace for logs. */
  context: string
  dockerfile: string
  contextPath: string
  dockerfilePath: string
  labels: Record<string, string>
  buildArgs: Record<string, string>
  platforms: string[]
  target: string | undefined
  pull: boolean
  cache: CacheMode
  /** The value for buildx's --provenance, or undefined to leave buildx's default. */
  provenance: string | undefined
  builder: string | undefined
  registry: string
  /** What a user should know: why push is off, which templates were skipped. */
  notes: string[]
}

export interface PlanEnvironment {
  workspace: string
  /** RFC 3339 build time, for the created label. */
  now: string
  /** Whether a directory exists (for the default context). */
  isDirectory: (path: string) => boolean
}

const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/
const TARGET = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/
const BUILDER = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/
const PROVENANCE = new Set(['auto', 'true', 'false', 'mode=min', 'mode=max'])

function checkPattern(value: string | undefined, pattern: RegExp, input: string): void {
  if (value !== undefined && !pattern.test(value)) {
    throw new UserError(`Input ${input} must match ${pattern.source}, got ${JSON.stringify(value)}`)
  }
}

export function planBuild(
  request: BuildRequest,
  ctx: EventContext,
  env: PlanEnvironment,
): BuildPlan {
  const service = checkServiceName(request.service)
  const image = imageFor(service, request.registry, request.image)
  const notes: string[] = []

  const defaultContext = `services/${service}`
  const contextInput =
    request.context ??
    (env.isDirectory(resolveInWorkspace(env.workspace, defaultContext, 'service'))
      ? defaultContext
      : '.')
  const context = resolveInWorkspace(env.workspace, contextInput, 'context')
  const dockerfile = resolveInWorkspace(
    request.dockerfile === undefined ? context : env.workspace,
    request.dockerfile ?? 'Dockerfile',
    'dockerfile',
  )
  // A dockerfile given relative to the context must still be in the workspace.
  resolveInWorkspace(env.workspace, dockerfile, 'dockerfile')

  for (const platform of request.platforms) checkPattern(platform, PLATFORM, 'platforms')
  checkPattern(request.target, TARGET, 'target')
  checkPattern(request.builder, BUILDER, 'builder')
  if (!PROVENANCE.has(request.provenance)) {
    throw new UserError(
      `Input provenance must be one of ${[...PROVENANCE].join(', ')}, got ${JSON.stringify(request.provenance)}`,
    )
  }
  if (request.load && request.platforms.length > 1) {
    throw new UserError(
      `Input load: the Docker engine cannot load an image for ${request.platforms.length} platforms; build one platform to load it`,
    )
  }

  const tagSet = computeTags(ctx, {
    service,
    templates: request.tags,
    defaults: request.defaultTags,
    latest: request.latest,
  })
  notes.push(...tagSet.notes)

  let push = request.push !== 'false'
  if (request.push === 'auto' && ctx.isFork) {
    push = false
    notes.push(
      'pull request from a fork: not pushing (its token cannot write packages); set push: true to override',
    )
  }

  // `cart` alone would be Docker Hub's library/cart, which no one but Docker can push to.
  if (push && !request.dryRun && !image.includes('/')) {
    throw new UserError(
      `Nowhere to push "${image}": set registry (e.g. ghcr.io/minishop) or image, or push: false`,
    )
  }

  const version = tagSet.version?.tag ?? tagSet.immutable
  const labels = {
    ...ociLabels({
      source: `${ctx.serverUrl}/${ctx.repository}`,
      revision: ctx.sha.toLowerCase(),
      created: env.now,
      version,
      title: service,
    }),
    ...parseKeyValues(request.labels, 'labels'),
  }

  return {
    service,
    image,
    tags: tagSet.tags,
    refs: tagSet.tags.map((tag) => imageRef(image, tag)),
    tag: tagSet.immutable,
    kind: tagSet.kind,
    version: tagSet.version?.tag,
    push,
    load: request.load,
    dryRun: request.dryRun,
    context,
    dockerfile,
    contextPath: workspaceRelative(env.workspace, context),
    dockerfilePath: workspaceRelative(env.workspace, dockerfile),
    labels,
    buildArgs: parseKeyValues(request.buildArgs, 'build-args'),
    platforms: [...request.platforms],
    target: request.target,
    pull: request.pull,
    cache: request.cache,
    provenance:
      request.provenance === 'auto'
        ? request.platforms.length <= 1
          ? 'false'
          : undefined
        : request.provenance,
    builder: request.builder,
    registry: registryHost(image),
    notes,
  }
}
