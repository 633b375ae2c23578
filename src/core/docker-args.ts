// The exact argv handed to docker for a plan: one place, table-tested.
import type { BuildPlan } from './build-plan'

function common(plan: BuildPlan): string[] {
  const args = ['--file', plan.dockerfile]
  for (const ref of plan.refs) args.push('--tag', ref)
  for (const [key, value] of Object.entries(plan.labels)) args.push('--label', `${key}=${value}`)
  for (const [key, value] of Object.entries(plan.buildArgs)) {
    args.push('--build-arg', `${key}=${value}`)
  }
  if (plan.target !== undefined) args.push('--target', plan.target)
  if (plan.pull) args.push('--pull')
  return args
}

/** Cache flags; `gha` only when the runner handed this action its cache token. */
export function cacheArgs(plan: BuildPlan, ghaAvailable: boolean): string[] {
  if (plan.cache === 'gha' && ghaAvailable) {
    // One scope per service: without it every service overwrites the others' cache.
    const scope = `scope=${plan.service}`
    return ['--cache-from', `type=gha,${scope}`, '--cache-to', `type=gha,${scope},mode=max`]
  }
  if (plan.cache === 'registry') {
    const ref = `ref=${plan.image}:buildcache`
    const args = ['--cache-from', `type=registry,${ref}`]
    // Writing the cache is a push: not for a run that must not push.
    if (plan.push) args.push('--cache-to', `type=registry,${ref},mode=max`)
    return args
  }
  return []
}

export function buildxArgs(
  plan: BuildPlan,
  files: { metadataFile: string },
  ghaAvailable: boolean,
): string[] {
  const args = ['buildx', 'build']
  if (plan.builder !== undefined) args.push('--builder', plan.builder)
  args.push(...common(plan))
  if (plan.platforms.length > 0) args.push('--platform', plan.platforms.join(','))
  args.push(...cacheArgs(plan, ghaAvailable))
  if (plan.provenance !== undefined) args.push(`--provenance=${plan.provenance}`)
  args.push('--metadata-file', files.metadataFile)
  if (plan.push) args.push('--push')
  if (plan.load) args.push('--load')
  args.push(plan.context)
  return args
}

/** The classic builder (no buildx): builds into the local engine; pushing is separate. */
export function classicBuildArgs(plan: BuildPlan, files: { iidFile: string }): string[] {
  const args = ['build', ...common(plan)]
  if (plan.platforms.length === 1) args.push('--platform', plan.platforms[0]!)
  args.push('--iidfile', files.iidFile, plan.context)
  return args
}

export interface BuildxMetadata {
  /** The pushed manifest (or index) digest. */
  digest: string | undefined
  /** The image config digest: the local image ID. */
  imageId: string | undefined
}

const DIGEST = /^sha256:[0-9a-f]{64}$/

/** Reads buildx's --metadata-file JSON. */
export function parseBuildxMetadata(text: string): BuildxMetadata {
  let json: Record<string, unknown>
  try {
    json = JSON.parse(text) as Record<string, unknown>
  } catch {
    return { digest: undefined, imageId: undefined }
  }
  const pick = (key: string) => {
    const value = json[key]
    return typeof value === 'string' && DIGEST.test(value) ? value : undefined
  }
  return { digest: pick('containerimage.digest'), imageId: pick('containerimage.config.digest') }
}
