import { rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { type BuildPlan, planBuild } from '../../core/build-plan'
import { eventContext } from '../../core/event-context'
import { login, logout, privateDockerConfig } from '../../io/docker'
import { readEventPayload } from '../../io/event-payload'
import * as core from '../../io/runner'
import { load, save } from '../common/state'
import { type BuildResult, buildImage } from './build'
import { getInputs } from './inputs'

const STATE_CONFIG_DIR = 'dockerConfigDir'
const STATE_REGISTRY = 'loginRegistry'

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

function outputsOf(plan: BuildPlan, result: BuildResult | undefined) {
  const digest = result?.digest
  return {
    image: plan.image,
    tags: plan.refs.join('\n'),
    tag: plan.tag,
    digest: digest ?? '',
    'image-id': result?.imageId ?? '',
    'image-ref': digest ? `${plan.image}@${digest}` : `${plan.image}:${plan.tag}`,
    metadata: JSON.stringify({
      service: plan.service,
      image: plan.image,
      tags: plan.tags,
      refs: plan.refs,
      tag: plan.tag,
      kind: plan.kind,
      version: plan.version ?? null,
      digest: digest ?? null,
      imageId: result?.imageId ?? null,
      imageRef: digest ? `${plan.image}@${digest}` : `${plan.image}:${plan.tag}`,
      pushed: result ? Object.keys(result.pushed).length > 0 : false,
      loaded: result ? plan.load || result.builder === 'docker' : false,
      dryRun: plan.dryRun,
      builder: result?.builder ?? null,
      context: plan.contextPath,
      dockerfile: plan.dockerfilePath,
      platforms: plan.platforms,
      labels: plan.labels,
    }),
  }
}

async function writeSummary(plan: BuildPlan, result: BuildResult | undefined): Promise<void> {
  const status = plan.dryRun
    ? 'dry run (nothing built)'
    : result?.digest
      ? 'pushed'
      : plan.load || result?.builder === 'docker'
        ? 'built, not pushed'
        : 'built'
  await core.summary
    .addHeading(`build-and-tag: ${plan.service}`, 3)
    .addTable([
      [
        { data: 'service', header: true },
        { data: 'tags', header: true },
        { data: 'digest', header: true },
      ],
      [
        plan.service,
        plan.refs.map((ref) => `<code>${ref}</code>`).join('<br>'),
        result?.digest ? `<code>${result.digest}</code>` : status,
      ],
    ])
    .write()
}

export async function run(): Promise<void> {
  const inputs = getInputs()
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd()
  const ctx = eventContext(process.env, readEventPayload())
  const plan = planBuild(inputs, ctx, {
    workspace,
    now: new Date().toISOString(),
    isDirectory,
  })

  core.startGroup(`Plan for ${plan.service}`)
  core.info(`image:      ${plan.image}`)
  core.info(`tags:       ${plan.tags.join(' ')}  (${plan.kind})`)
  core.info(`immutable:  ${plan.tag}`)
  core.info(`context:    ${plan.contextPath}`)
  core.info(`dockerfile: ${plan.dockerfilePath}`)
  core.info(`push: ${plan.push}  load: ${plan.load}  dry-run: ${plan.dryRun}`)
  core.endGroup()
  for (const note of plan.notes) core.notice(note)

  let result: BuildResult | undefined
  if (!plan.dryRun) {
    const tempDir = process.env.RUNNER_TEMP || tmpdir()
    let configDir: string | undefined
    if (inputs.username !== undefined && inputs.password !== undefined) {
      configDir = privateDockerConfig(tempDir, plan.registry)
      save(STATE_CONFIG_DIR, configDir)
      save(STATE_REGISTRY, plan.registry)
      await core.group(`Log in to ${plan.registry}`, () =>
        login(plan.registry, inputs.username!, inputs.password!, configDir!),
      )
    }
    const credentials =
      inputs.username !== undefined && inputs.password !== undefined
        ? { username: inputs.username, password: inputs.password }
        : undefined
    result = await buildImage(plan, { tempDir, configDir, credentials })
  }

  for (const [name, value] of Object.entries(outputsOf(plan, result))) core.setOutput(name, value)
  await writeSummary(plan, result)
}

/** Logs out of the registry and removes the private docker config holding the credentials. */
export async function post(): Promise<void> {
  const configDir = load(STATE_CONFIG_DIR)
  if (!configDir) return
  await logout(load(STATE_REGISTRY), configDir)
  rmSync(configDir, { recursive: true, force: true })
  core.info(`Logged out of ${load(STATE_REGISTRY)}`)
}
