// Runs a build plan: buildx when present, else the classic builder plus one
// `docker push` per tag with the digest read back from the registry.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BuildPlan } from '../../core/build-plan'
import { buildxArgs, classicBuildArgs, parseBuildxMetadata } from '../../core/docker-args'
import { UserError } from '../../core/errors'
import { buildxDriver, docker, hasBuildx, push } from '../../io/docker'
import { CommandError } from '../../io/exec'
import { manifestDigest, type RegistryCredentials } from '../../io/registry'
import * as core from '../../io/runner'

export interface BuildResult {
  builder: 'buildx' | 'docker'
  digest: string | undefined
  imageId: string | undefined
  /** Registry digest of every pushed tag (all equal to `digest`). */
  pushed: Record<string, string>
}

export interface BuildEnvironment {
  tempDir: string
  configDir: string | undefined
  credentials: RegistryCredentials | undefined
}

/**
 * A failing docker build or push is the user's to fix (their Dockerfile,
 * their credentials), not a bug of ours: report docker's own words plainly.
 */
async function dockerStep<T>(what: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step()
  } catch (error) {
    if (!(error instanceof CommandError)) throw error
    const detail = (error.result.stderr.trim() || error.result.stdout.trim())
      .split('\n')
      .filter(
        (line) =>
          !/^\s*(DEPRECATED: The legacy builder|BuildKit is currently disabled|environment-variable\.|Install the buildx component|https:\/\/docs\.docker\.com\/go\/buildx)/.test(
            line,
          ),
      )
      .filter((line) => line.trim() !== '')
      .slice(-15)
      .join('\n')
    throw new UserError(
      `${what} failed (docker exit code ${error.result.code})${detail ? `:\n${detail}` : ''}`,
    )
  }
}

/** The runner gives a JavaScript action its cache token; buildx's gha cache needs it. */
function ghaCacheAvailable(): boolean {
  return Boolean(
    process.env.ACTIONS_RUNTIME_TOKEN &&
      (process.env.ACTIONS_CACHE_URL || process.env.ACTIONS_RESULTS_URL),
  )
}

async function withBuildx(plan: BuildPlan, env: BuildEnvironment): Promise<BuildResult> {
  const metadataFile = join(env.tempDir, `build-metadata-${process.pid}-${Date.now()}.json`)
  let gha = ghaCacheAvailable()
  let buildPlan = plan
  if (plan.cache !== 'none') {
    const driver = await buildxDriver(plan.builder, { configDir: env.configDir })
    if (driver === 'docker') {
      // buildx's default builder on a runner: it would fail on --cache-to.
      core.notice(
        `cache: ${plan.cache} needs a buildx builder with the docker-container driver (docker/setup-buildx-action); the current builder uses the docker driver: building without it`,
      )
      buildPlan = { ...plan, cache: 'none' }
    } else if (plan.cache === 'gha' && !gha) {
      core.notice(
        'cache: gha needs the runner cache token (ACTIONS_RUNTIME_TOKEN), which this step did not get: building without a cache',
      )
    }
  }
  gha = gha && buildPlan.cache === 'gha'
  await core.group(`Build ${plan.image} (buildx)`, () =>
    dockerStep(`docker buildx build of ${plan.image}`, () =>
      docker(buildxArgs(buildPlan, { metadataFile }, gha), {
        configDir: env.configDir,
        verbose: true,
      }),
    ),
  )
  let metadata = { digest: undefined, imageId: undefined } as ReturnType<typeof parseBuildxMetadata>
  try {
    metadata = parseBuildxMetadata(readFileSync(metadataFile, 'utf8'))
  } catch {
    // No metadata file: buildx without an exporter writes none.
  }
  if (plan.push && !metadata.digest) {
    throw new Error(
      `buildx pushed ${plan.image} but its metadata file has no containerimage.digest`,
    )
  }
  const pushed: Record<string, string> = {}
  if (plan.push && metadata.digest) for (const tag of plan.tags) pushed[tag] = metadata.digest
  return {
    builder: 'buildx',
    digest: plan.push ? metadata.digest : undefined,
    imageId: metadata.imageId,
    pushed,
  }
}

async function withClassicBuilder(plan: BuildPlan, env: BuildEnvironment): Promise<BuildResult> {
  if (plan.platforms.length > 1) {
    throw new UserError(
      `Input platforms: building for ${plan.platforms.join(', ')} needs docker buildx, which this runner does not have`,
    )
  }
  if (plan.cache !== 'none') {
    core.info(
      `cache: ${plan.cache} needs docker buildx; the classic builder uses the engine's layer cache`,
    )
  }
  if (plan.provenance !== undefined && plan.provenance !== 'false') {
    core.notice(
      `provenance: ${plan.provenance} needs docker buildx; building without an attestation`,
    )
  }
  const iidFile = join(env.tempDir, `build-iid-${process.pid}-${Date.now()}`)
  // DOCKER_BUILDKIT=0: a CLI without buildx would otherwise refuse to build.
  const options = { configDir: env.configDir, env: { DOCKER_BUILDKIT: '0' }, verbose: true }
  await core.group(`Build ${plan.image} (docker build)`, () =>
    dockerStep(`docker build of ${plan.image}`, () =>
      docker(classicBuildArgs(plan, { iidFile }), options),
    ),
  )
  const imageId = readFileSync(iidFile, 'utf8').trim() || undefined
  const pushed: Record<string, string> = {}
  if (!plan.push) return { builder: 'docker', digest: undefined, imageId, pushed }

  await core.group(`Push ${plan.refs.length} tag(s) of ${plan.image}`, async () => {
    for (let i = 0; i < plan.refs.length; i++) {
      const tag = plan.tags[i]!
      const printed = await dockerStep(`docker push of ${plan.refs[i]}`, () =>
        push(plan.refs[i]!, { configDir: env.configDir }),
      )
      let digest: string
      try {
        digest = await manifestDigest(plan.image, tag, env.credentials)
      } catch (error) {
        if (!printed) throw error
        core.warning(
          `Could not read ${plan.image}:${tag} back from the registry (${(error as Error).message}); using the digest docker push printed`,
        )
        digest = printed
      }
      if (printed && printed !== digest) {
        throw new Error(
          `${plan.refs[i]}: docker push printed ${printed} but the registry reports ${digest} (another push raced this one?)`,
        )
      }
      pushed[tag] = digest
      core.info(`${plan.refs[i]} -> ${digest}`)
    }
  })
  const digests = new Set(Object.values(pushed))
  if (digests.size !== 1) {
    throw new Error(
      `The tags of ${plan.image} point at different digests in the registry: ${JSON.stringify(pushed)}`,
    )
  }
  return { builder: 'docker', digest: [...digests][0], imageId, pushed }
}

export async function buildImage(plan: BuildPlan, env: BuildEnvironment): Promise<BuildResult> {
  const buildx = await hasBuildx({ configDir: env.configDir })
  core.info(
    buildx ? 'Using docker buildx' : 'docker buildx not found: using docker build + docker push',
  )
  return buildx ? withBuildx(plan, env) : withClassicBuilder(plan, env)
}
