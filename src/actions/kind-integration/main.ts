// kind-integration: a throwaway kind cluster for one run, the services
// deployed from their real charts, the test command, diagnostics on failure,
// and (post step) cleanup that never fails the job.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { isUserError, UserError } from '../../core/errors'
import { kindConfig, type LocalRegistry, registryHost } from '../../core/kind-config'
import { renderSummary, type SummaryInput, tail } from '../../core/kind-diagnostics'
import { planReleases, type Release, wantsDiagnostics } from '../../core/kind-plan'
import { platformOf } from '../../core/kind-tools'
import { artifactServiceAvailable, uploadDirectory } from '../../io/artifact'
import {
  applyKustomize,
  applyManifests,
  type Cluster,
  clusterExists,
  createCluster,
  deleteCluster,
  ensureNamespace,
  installRelease,
  loadImages,
  runTestCommand,
  type StartedForward,
  startPortForward,
  startRegistry,
  stopProcess,
  tool,
  waitForNodes,
  waitForRollouts,
  wireRegistry,
} from '../../io/kube'
import { collectDiagnostics, type Diagnostics } from '../../io/kube-diagnostics'
import * as core from '../../io/runner'
import { installTools } from '../../io/tools'
import { load, save } from '../common/state'
import { type Inputs, readInputs } from './inputs'

/** Names of the values main leaves for the post step. */
const S = {
  cluster: 'cluster',
  kind: 'kind',
  kubectl: 'kubectl',
  helm: 'helm',
  kubeconfig: 'kubeconfig',
  namespace: 'namespace',
  keep: 'keep-cluster',
  diagnostics: 'diagnostics',
  diagnosticsDir: 'diagnostics-dir',
  artifact: 'artifact-name',
  upload: 'upload-diagnostics',
  registry: 'registry-container',
  releases: 'releases',
  forwards: 'port-forward-pids',
  reachable: 'cluster-reachable',
  finished: 'main-finished',
} as const

function workspaceHas(workspace: string) {
  return (path: string) => existsSync(join(workspace, path))
}

async function uploadDiagnostics(
  name: string,
  dir: string,
  enabled: boolean,
): Promise<{ name: string; url?: string } | undefined> {
  if (!enabled) return undefined
  if (!artifactServiceAvailable()) {
    core.info(
      `No artifact service on this runner (ACTIONS_RUNTIME_TOKEN/ACTIONS_RESULTS_URL unset): the diagnostics stay in ${dir} (output diagnostics-path)`,
    )
    return undefined
  }
  try {
    const artifact = await uploadDirectory(name, dir)
    core.info(
      `Uploaded diagnostics as artifact ${name} (${artifact.size} bytes, sha256 ${artifact.digest})`,
    )
    return { name, ...(artifact.url ? { url: artifact.url } : {}) }
  } catch (error) {
    core.warning(
      `Uploading the diagnostics artifact ${name} failed: ${error instanceof Error ? error.message : String(error)}. The files are in ${dir} (output diagnostics-path): upload them with actions/upload-artifact.`,
    )
    return undefined
  }
}

function describeFailure(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** What the run got to: what diagnostics and the post step can rely on. */
interface Progress {
  reachable: boolean
  installed: string[]
  forwards: StartedForward[]
  testOutput?: string
}

/** Everything decided from the inputs before any download or command. */
interface Plan {
  inputs: Inputs
  releases: Release[]
  kindConfig: string
  registry?: LocalRegistry
  /** RUNNER_TEMP/kind-integration/<cluster>: config, kubeconfig, diagnostics. */
  work: string
}

function plan(): Plan {
  const inputs = readInputs()
  const exists = workspaceHas(inputs.workspace)
  const releases = planReleases({
    charts: inputs.charts,
    services: inputs.services,
    ...(inputs.environment ? { environment: inputs.environment } : {}),
    images: inputs.images,
    exists,
  })
  if (inputs.config && !exists(inputs.config)) {
    throw new UserError(`Input config: ${inputs.config} does not exist`)
  }
  // Every path is checked before minutes go into tools and a cluster.
  for (const path of inputs.manifests) {
    if (!exists(path)) throw new UserError(`Input manifests: ${path} does not exist`)
  }
  if (inputs.kustomize && !exists(inputs.kustomize)) {
    throw new UserError(`Input kustomize: ${inputs.kustomize} does not exist`)
  }
  if (inputs.testCommand && !existsSync(inputs.workingDirectory)) {
    throw new UserError(`Input working-directory: ${inputs.workingDirectory} does not exist`)
  }
  if (inputs.portForwards.length > 0 && !inputs.testCommand) {
    core.warning(
      'Input port-forward is set but test-command is empty: the forwards are only available to the test command',
    )
  }
  const registry: LocalRegistry | undefined = inputs.registry
    ? { container: `${inputs.clusterName}-registry`, port: inputs.registryPort }
    : undefined
  const userConfig = inputs.config
    ? { path: inputs.config, text: readFileSync(join(inputs.workspace, inputs.config), 'utf8') }
    : undefined
  const config = kindConfig({
    workers: inputs.workers,
    ...(userConfig ? { userConfig } : {}),
    ...(registry ? { registry } : {}),
  })
  for (const warning of config.warnings) core.warning(warning)
  const temp = process.env.RUNNER_TEMP || join(inputs.workspace, '.kind-integration')
  return {
    inputs,
    releases,
    kindConfig: config.yaml,
    ...(registry ? { registry } : {}),
    work: join(temp, 'kind-integration', inputs.clusterName),
  }
}

/** Everything between "tools are installed" and "the test command ran". */
async function deployAndTest(plan: Plan, cluster: Cluster, progress: Progress): Promise<void> {
  const { inputs, registry, work } = plan
  const timeout = inputs.waitTimeoutSeconds
  if (registry) {
    save(S.registry, registry.container)
    await core.group(`Start local registry ${registryHost(registry)}`, () =>
      startRegistry(cluster, registry, inputs.registryImage),
    )
  }
  await core.group(`Create kind cluster ${cluster.name}`, async () => {
    await createCluster(
      cluster,
      {
        configPath: join(work, 'kind-config.yaml'),
        ...(inputs.nodeImage ? { nodeImage: inputs.nodeImage } : {}),
      },
      join(work, 'diagnostics'),
    )
    await waitForNodes(cluster, timeout)
  })
  progress.reachable = true
  save(S.reachable, 'true')
  core.exportVariable('KUBECONFIG', cluster.kubeconfig)
  if (registry)
    await core.group('Wire the local registry into the nodes', () =>
      wireRegistry(cluster, registry),
    )
  await core.group(`Namespace ${cluster.namespace}`, () => ensureNamespace(cluster))
  if (inputs.images.length > 0) {
    await core.group(`Load ${inputs.images.length} image(s) into the nodes`, () =>
      loadImages(cluster, inputs.images, join(work, 'images')),
    )
  }
  if (inputs.manifests.length > 0) {
    await core.group('Apply manifests', () =>
      applyManifests(cluster, inputs.manifests, inputs.workspace),
    )
  }
  for (const release of plan.releases) {
    await core.group(`Install ${release.name} (${release.chart})`, async () => {
      progress.installed.push(release.name)
      save(S.releases, JSON.stringify(progress.installed))
      await installRelease(cluster, release, timeout, inputs.workspace)
    })
  }
  if (inputs.kustomize) {
    const dir = inputs.kustomize
    await core.group(`Apply ${dir}`, () => applyKustomize(cluster, dir, inputs.workspace))
  }
  await core.group(`Wait for rollouts in ${cluster.namespace}`, () =>
    waitForRollouts(cluster, timeout),
  )
  if (inputs.portForwards.length > 0) {
    await core.group('Port-forwards', async () => {
      for (const forward of inputs.portForwards) {
        progress.forwards.push(await startPortForward(cluster, forward, join(work, 'diagnostics')))
        save(S.forwards, JSON.stringify(progress.forwards.map((f) => f.pid)))
      }
    })
  }
  if (inputs.testCommand) {
    core.info(`Running the test command in ${inputs.workingDirectory}`)
    if (!existsSync(inputs.workingDirectory)) {
      throw new UserError(`Input working-directory: ${inputs.workingDirectory} does not exist`)
    }
    const test = await runTestCommand(inputs.testCommand, inputs.workingDirectory, {
      KUBECONFIG: cluster.kubeconfig,
      NAMESPACE: cluster.namespace,
      KIND_CLUSTER_NAME: cluster.name,
      ...(registry ? { KIND_REGISTRY: registryHost(registry) } : {}),
    })
    progress.testOutput = test.output
    if (test.code !== 0) throw new UserError(`test-command failed with exit code ${test.code}`)
  }
}

export async function run(): Promise<void> {
  const p = plan()
  const { inputs, work } = p
  core.setOutput('cluster-name', inputs.clusterName)
  core.setOutput('result', 'failed') // until the test passes: a crash leaves it failed
  mkdirSync(work, { recursive: true })
  const kubeconfig = join(work, 'kubeconfig')
  const diagnosticsDir = join(work, 'diagnostics')
  core.setOutput('kubeconfig', kubeconfig)
  if (p.registry) core.setOutput('registry', registryHost(p.registry))
  writeFileSync(join(work, 'kind-config.yaml'), p.kindConfig)

  const tools = await core.group('Install kind, kubectl and helm', () =>
    installTools({
      source: inputs.tools,
      versions: inputs.versions,
      platform: platformOf(process.platform, process.arch),
    }),
  )
  const cluster: Cluster = {
    tools,
    name: inputs.clusterName,
    kubeconfig,
    namespace: inputs.namespace,
  }
  // From here on the post step can clean up, whatever happens to main.
  save(S.cluster, cluster.name)
  save(S.kind, tools.kind)
  save(S.kubectl, tools.kubectl)
  save(S.helm, tools.helm)
  save(S.kubeconfig, kubeconfig)
  save(S.namespace, cluster.namespace)
  save(S.keep, String(inputs.keepCluster))
  save(S.diagnostics, inputs.diagnostics)
  save(S.diagnosticsDir, diagnosticsDir)
  save(S.artifact, inputs.artifactName)
  save(S.upload, String(inputs.uploadDiagnostics))

  const progress: Progress = { reachable: false, installed: [], forwards: [] }
  let failure: unknown
  try {
    await deployAndTest(p, cluster, progress)
  } catch (error) {
    failure = error
  } finally {
    for (const f of progress.forwards) stopProcess(f.pid)
  }
  const result = failure === undefined ? 'passed' : 'failed'
  core.setOutput('result', result)

  let diagnostics: Diagnostics | undefined
  let artifact: { name: string; url?: string } | undefined
  if (wantsDiagnostics(inputs.diagnostics, failure !== undefined)) {
    diagnostics = await core.group('Diagnostics', () =>
      collectDiagnostics(cluster, diagnosticsDir, {
        clusterReachable: progress.reachable,
        releases: progress.installed,
        ...(progress.testOutput !== undefined ? { testOutput: progress.testOutput } : {}),
      }),
    )
    core.setOutput('diagnostics-path', diagnosticsDir)
  }
  const summaryInput: SummaryInput = {
    result,
    cluster: cluster.name,
    namespace: cluster.namespace,
    ...(failure !== undefined ? { failure: describeFailure(failure) } : {}),
    releases: p.releases.map((r) => ({
      name: r.name,
      chart: r.chart,
      ...(r.image ? { image: r.image.ref } : {}),
    })),
    pods: diagnostics?.pods ?? [],
    details: diagnostics?.details ?? [],
    warnings: diagnostics?.warnings ?? [],
    ...(inputs.testCommand ? { testCommand: inputs.testCommand } : {}),
    ...(failure !== undefined && progress.testOutput
      ? { testOutputTail: tail(progress.testOutput) }
      : {}),
    ...(diagnostics ? { diagnosticsPath: diagnosticsDir } : {}),
  }
  if (diagnostics) {
    writeFileSync(join(diagnosticsDir, 'summary.md'), renderSummary(summaryInput))
    artifact = await uploadDiagnostics(
      inputs.artifactName,
      diagnosticsDir,
      inputs.uploadDiagnostics,
    )
  }
  await core.summary
    .addRaw(renderSummary({ ...summaryInput, ...(artifact ? { artifact } : {}) }))
    .write()
  save(S.finished, 'true')
  if (failure !== undefined) {
    if (!isUserError(failure)) throw failure
    throw new UserError(
      `${failure.message}${diagnostics ? `\nDiagnostics: ${artifact ? `artifact ${artifact.name}` : diagnosticsDir}; the job summary shows the pods and their logs.` : ''}`,
    )
  }
}

/** Stops the port-forwards, gathers diagnostics if main never finished, deletes the cluster. Never fails the job. */
export async function post(): Promise<void> {
  const name = load(S.cluster)
  if (!name) {
    core.info('kind-integration created no cluster: nothing to clean up')
    return
  }
  const pids = JSON.parse(load(S.forwards) || '[]') as number[]
  for (const pid of pids) if (stopProcess(pid)) core.info(`Stopped port-forward (pid ${pid})`)
  const cluster: Cluster = {
    tools: {
      kind: load(S.kind) || 'kind',
      kubectl: load(S.kubectl) || 'kubectl',
      helm: load(S.helm) || 'helm',
    },
    name,
    kubeconfig: load(S.kubeconfig),
    namespace: load(S.namespace) || 'default',
  }
  const exists = await clusterExists(cluster)
  const mode = load(S.diagnostics)
  if (load(S.finished) !== 'true' && exists && (mode === 'on-failure' || mode === 'always')) {
    const dir = load(S.diagnosticsDir)
    core.warning(
      'The main step did not finish (cancelled or crashed): gathering diagnostics before deleting the cluster',
    )
    const diagnostics = await core.group('Diagnostics of the interrupted run', () =>
      collectDiagnostics(cluster, dir, {
        clusterReachable: load(S.reachable) === 'true',
        releases: JSON.parse(load(S.releases) || '[]') as string[],
      }),
    )
    const artifact = await uploadDiagnostics(load(S.artifact), dir, load(S.upload) !== 'false')
    const summary = renderSummary({
      result: 'failed',
      cluster: cluster.name,
      namespace: cluster.namespace,
      failure:
        'The main step did not finish (cancelled or crashed); these diagnostics were gathered by the post step.',
      releases: [],
      pods: diagnostics.pods,
      details: diagnostics.details,
      warnings: diagnostics.warnings,
      diagnosticsPath: dir,
      ...(artifact ? { artifact } : {}),
    })
    writeFileSync(join(dir, 'summary.md'), summary)
    await core.summary.addRaw(summary).write()
  }
  if (load(S.keep) === 'true') {
    core.info(`keep-cluster: leaving cluster ${name} running (KUBECONFIG ${cluster.kubeconfig})`)
    return
  }
  if (exists) {
    const deleted = await deleteCluster(cluster)
    if (deleted.code !== 0)
      core.warning(
        `kind delete cluster ${name} failed (exit ${deleted.code}): ${deleted.stderr.trim()}`,
      )
  } else {
    core.info(`Cluster ${name} is already gone`)
  }
  const registry = load(S.registry)
  if (registry)
    await tool(cluster, 'docker', ['rm', '--force', registry], { echo: true, allowFailure: true })
}
