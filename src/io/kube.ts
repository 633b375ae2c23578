// kind, kubectl, helm and docker for one throwaway cluster: every call goes
// through src/io/exec.ts with an argument array and the cluster's own
// KUBECONFIG; only `kubectl port-forward`, which must outlive the call, is
// spawned directly (still without a shell).
import { spawn } from 'node:child_process'
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs'
import { connect } from 'node:net'
import { join } from 'node:path'
import { UserError } from '../core/errors'
import { hostsToml, type LocalRegistry, registryHostingConfigMap } from '../core/kind-config'
import {
  type CreateClusterOptions,
  helmUpgradeArgs,
  type ImageRef,
  kindCreateArgs,
  type PortForward,
  type Release,
} from '../core/kind-plan'
import { mapLimit } from '../core/map-limit'
import { yaml } from '../core/yaml-lib'
import { CommandError, type ExecOptions, type ExecResult, run } from './exec'
import * as core from './runner'
import type { ToolPaths } from './tools'

export interface Cluster {
  tools: ToolPaths
  name: string
  kubeconfig: string
  namespace: string
  /** docker, for the registry and the image-archive fallback. */
  docker?: string
}

type Tool = 'kind' | 'kubectl' | 'helm' | 'docker'

function binary(cluster: Cluster, tool: Tool): string {
  return tool === 'docker' ? (cluster.docker ?? 'docker') : cluster.tools[tool]
}

/** Runs one tool against this cluster; `echo` streams the command and its output into the log. */
export function tool(
  cluster: Cluster,
  name: Tool,
  args: readonly string[],
  options: ExecOptions & { echo?: boolean } = {},
): Promise<ExecResult> {
  const { echo, ...rest } = options
  return run(binary(cluster, name), args, {
    ...rest,
    silent: !echo,
    env: { KUBECONFIG: cluster.kubeconfig, ...rest.env },
  })
}

/** Re-raises a failed command as what the user sees: the step that failed and the tool's last lines. */
export function explain(step: string, error: unknown): never {
  if (error instanceof CommandError) {
    const detail = (error.result.stderr.trim() || error.result.stdout.trim())
      .split('\n')
      .slice(-15)
      .join('\n')
    throw new UserError(`${step} failed (exit ${error.result.code})${detail ? `:\n${detail}` : ''}`)
  }
  throw error
}

export async function clusterExists(
  cluster: Pick<Cluster, 'tools' | 'name' | 'kubeconfig'>,
): Promise<boolean> {
  const out = await run(cluster.tools.kind, ['get', 'clusters'], { allowFailure: true })
  return out.code === 0 && out.stdout.split('\n').some((line) => line.trim() === cluster.name)
}

export async function exportLogs(cluster: Cluster, dir: string): Promise<ExecResult> {
  mkdirSync(dir, { recursive: true })
  return tool(cluster, 'kind', ['export', 'logs', dir, '--name', cluster.name], {
    allowFailure: true,
  })
}

export async function deleteCluster(cluster: Cluster): Promise<ExecResult> {
  return tool(
    cluster,
    'kind',
    ['delete', 'cluster', '--name', cluster.name, '--kubeconfig', cluster.kubeconfig],
    {
      echo: true,
      allowFailure: true,
    },
  )
}

/**
 * `kind create cluster --retain`; a failed create is exported (its logs under
 * `logsDir/create-attempt-1`) and deleted, then tried once more.
 */
export async function createCluster(
  cluster: Cluster,
  options: Omit<CreateClusterOptions, 'name' | 'kubeconfig'>,
  logsDir: string,
): Promise<void> {
  const args = kindCreateArgs({ ...options, name: cluster.name, kubeconfig: cluster.kubeconfig })
  const first = await tool(cluster, 'kind', args, { echo: true, allowFailure: true })
  if (first.code === 0) return
  core.warning(
    `kind create cluster failed (exit ${first.code}); exporting its logs, deleting the half-made cluster and trying once more`,
  )
  await exportLogs(cluster, join(logsDir, 'create-attempt-1'))
  await deleteCluster(cluster)
  try {
    await tool(cluster, 'kind', args, { echo: true })
  } catch (error) {
    explain('kind create cluster (second attempt)', error)
  }
}

/** kind's own `--wait` covers only the control plane and merely warns on timeout. */
export async function waitForNodes(cluster: Cluster, timeoutSeconds: number): Promise<void> {
  try {
    await tool(
      cluster,
      'kubectl',
      ['wait', '--for=condition=Ready', 'nodes', '--all', `--timeout=${timeoutSeconds}s`],
      {
        echo: true,
      },
    )
  } catch (error) {
    explain(`Waiting ${timeoutSeconds}s for every node to be Ready`, error)
  }
}

/** Starts the registry container (kind's recipe), unless it already runs. */
export async function startRegistry(
  cluster: Cluster,
  registry: LocalRegistry,
  image: string,
): Promise<void> {
  const running = await tool(
    cluster,
    'docker',
    ['inspect', '--format', '{{.State.Running}}', registry.container],
    {
      allowFailure: true,
    },
  )
  if (running.code === 0 && running.stdout.trim() === 'true') {
    core.info(`Registry container ${registry.container} already runs`)
    return
  }
  if (running.code === 0)
    await tool(cluster, 'docker', ['rm', '--force', registry.container], { allowFailure: true })
  try {
    await tool(
      cluster,
      'docker',
      [
        'run',
        '--detach',
        '--restart=always',
        '--publish',
        `127.0.0.1:${registry.port}:5000`,
        '--network',
        'bridge',
        '--name',
        registry.container,
        image,
      ],
      { echo: true },
    )
  } catch (error) {
    explain(`Starting the local registry ${registry.container} (${image})`, error)
  }
}

/** hosts.toml on every node, the registry on the `kind` network, and the KEP-1755 ConfigMap. */
export async function wireRegistry(cluster: Cluster, registry: LocalRegistry): Promise<void> {
  const hosts = hostsToml(registry)
  try {
    const nodes = (await tool(cluster, 'kind', ['get', 'nodes', '--name', cluster.name])).stdout
      .split('\n')
      .map((n) => n.trim())
      .filter(Boolean)
    for (const node of nodes) {
      await tool(cluster, 'docker', ['exec', node, 'mkdir', '-p', hosts.dir], { echo: true })
      await tool(
        cluster,
        'docker',
        ['exec', '--interactive', node, 'cp', '/dev/stdin', hosts.file],
        {
          echo: true,
          input: hosts.content,
        },
      )
    }
    const connected = await tool(
      cluster,
      'docker',
      ['inspect', '--format', '{{json .NetworkSettings.Networks.kind}}', registry.container],
      { allowFailure: true },
    )
    if (connected.stdout.trim() === 'null' || connected.stdout.trim() === '') {
      await tool(cluster, 'docker', ['network', 'connect', 'kind', registry.container], {
        echo: true,
      })
    }
    await tool(cluster, 'kubectl', ['apply', '--filename', '-'], {
      echo: true,
      input: registryHostingConfigMap(registry),
    })
  } catch (error) {
    explain('Wiring the local registry into the nodes', error)
  }
}

export async function ensureNamespace(cluster: Cluster): Promise<void> {
  const manifest = yaml().stringify({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: cluster.namespace },
  })
  try {
    await tool(cluster, 'kubectl', ['apply', '--filename', '-'], { echo: true, input: manifest })
  } catch (error) {
    explain(`Creating namespace ${cluster.namespace}`, error)
  }
}

/** What happened to one image: lines for the log, or the reason it could not be loaded. */
export interface LoadResult {
  image: string
  log: string[]
  error?: string
}

async function loadImage(
  cluster: Cluster,
  image: ImageRef,
  tempDir: string,
  index: number,
): Promise<LoadResult> {
  const log: string[] = []
  const say = (r: ExecResult, what: string) =>
    log.push(`$ ${what}`, ...`${r.stdout}${r.stderr}`.trim().split('\n').filter(Boolean))
  const present = await tool(
    cluster,
    'docker',
    ['image', 'inspect', '--format', '{{.Id}}', image.ref],
    {
      allowFailure: true,
    },
  )
  if (present.code !== 0) {
    return {
      image: image.ref,
      log,
      error: `${image.ref} is not in the runner's Docker image store: build or pull it first`,
    }
  }
  const direct = await tool(
    cluster,
    'kind',
    ['load', 'docker-image', image.ref, '--name', cluster.name],
    {
      allowFailure: true,
    },
  )
  say(direct, `kind load docker-image ${image.ref}`)
  if (direct.code === 0) return { image: image.ref, log }
  // The containerd image store of newer Docker breaks `kind load docker-image`; an archive always works.
  const archive = join(tempDir, `image-${index}.tar`)
  try {
    const saved = await tool(cluster, 'docker', ['save', '--output', archive, image.ref], {
      allowFailure: true,
    })
    say(saved, `docker save --output ${archive} ${image.ref}`)
    if (saved.code !== 0) return { image: image.ref, log, error: `docker save ${image.ref} failed` }
    const loaded = await tool(
      cluster,
      'kind',
      ['load', 'image-archive', archive, '--name', cluster.name],
      {
        allowFailure: true,
      },
    )
    say(loaded, `kind load image-archive ${archive}`)
    if (loaded.code !== 0)
      return { image: image.ref, log, error: `kind load image-archive ${image.ref} failed` }
    return { image: image.ref, log }
  } finally {
    rmSync(archive, { force: true })
  }
}

/** Loads every image into every node, in parallel; one error lists all images that failed. */
export async function loadImages(
  cluster: Cluster,
  images: readonly ImageRef[],
  tempDir: string,
): Promise<void> {
  mkdirSync(tempDir, { recursive: true })
  const results = await mapLimit(images, 4, (image, i) => loadImage(cluster, image, tempDir, i))
  for (const r of results) core.info(r.log.length > 0 ? r.log.join('\n') : r.image)
  const failed = results.filter((r) => r.error)
  if (failed.length > 0) {
    throw new UserError(
      `Loading images into the cluster failed:\n${failed.map((r) => `- ${r.error}`).join('\n')}`,
    )
  }
}

export async function applyManifests(
  cluster: Cluster,
  paths: readonly string[],
  cwd: string,
): Promise<void> {
  for (const path of paths) {
    if (!existsSync(join(cwd, path))) throw new UserError(`Input manifests: ${path} does not exist`)
    try {
      await tool(
        cluster,
        'kubectl',
        ['apply', '--namespace', cluster.namespace, '--filename', path],
        {
          echo: true,
          cwd,
        },
      )
    } catch (error) {
      explain(`kubectl apply --filename ${path}`, error)
    }
  }
}

/** Charts that declare dependencies need them vendored before install. */
function needsDependencyBuild(chartDir: string): boolean {
  try {
    const chart = yaml().parse(readFileSync(join(chartDir, 'Chart.yaml'), 'utf8')) as {
      dependencies?: unknown[]
    }
    return (chart.dependencies?.length ?? 0) > 0 && !existsSync(join(chartDir, 'charts'))
  } catch {
    return false
  }
}

export async function installRelease(
  cluster: Cluster,
  release: Release,
  timeoutSeconds: number,
  cwd: string,
): Promise<void> {
  try {
    if (needsDependencyBuild(join(cwd, release.chart))) {
      await tool(cluster, 'helm', ['dependency', 'build', release.chart], { echo: true, cwd })
    }
    await tool(cluster, 'helm', helmUpgradeArgs(release, cluster.namespace, timeoutSeconds), {
      echo: true,
      cwd,
    })
  } catch (error) {
    explain(`helm upgrade --install ${release.name} (${release.chart})`, error)
  }
}

export async function applyKustomize(cluster: Cluster, dir: string, cwd: string): Promise<void> {
  if (!existsSync(join(cwd, dir))) throw new UserError(`Input kustomize: ${dir} does not exist`)
  try {
    await tool(cluster, 'kubectl', ['apply', '--kustomize', dir], { echo: true, cwd })
  } catch (error) {
    explain(`kubectl apply --kustomize ${dir}`, error)
  }
}

/**
 * `kubectl rollout status` for every Deployment and StatefulSet of the
 * namespace, all at once, so together they finish within one wait-timeout.
 */
export async function waitForRollouts(cluster: Cluster, timeoutSeconds: number): Promise<string[]> {
  let names: string[]
  try {
    const out = await tool(cluster, 'kubectl', [
      'get',
      'deployments,statefulsets',
      '--namespace',
      cluster.namespace,
      '--output',
      'name',
    ])
    names = out.stdout
      .split('\n')
      .map((n) => n.trim())
      .filter(Boolean)
      .sort()
  } catch (error) {
    explain(`Listing the Deployments and StatefulSets of namespace ${cluster.namespace}`, error)
  }
  const results = await mapLimit(names, 8, (name) =>
    tool(
      cluster,
      'kubectl',
      ['rollout', 'status', name, '--namespace', cluster.namespace, `--timeout=${timeoutSeconds}s`],
      {
        allowFailure: true,
      },
    ),
  )
  const failed: string[] = []
  for (const [i, r] of results.entries()) {
    core.info(`${names[i]}: ${(r.stdout + r.stderr).trim().split('\n').pop() ?? ''}`)
    if (r.code !== 0)
      failed.push(`${names[i]}: ${(r.stderr.trim() || r.stdout.trim()).split('\n').pop()}`)
  }
  if (failed.length > 0) {
    throw new UserError(
      `Rollout did not finish within ${timeoutSeconds}s (wait-timeout):\n${failed.map((f) => `- ${f}`).join('\n')}`,
    )
  }
  return names
}

/** Whether something accepts TCP connections on 127.0.0.1:<port>. */
export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

export interface StartedForward {
  spec: string
  pid: number
  log: string
}

/**
 * Starts `kubectl port-forward` in the background (its own process group, so
 * it can outlive this step if main dies and the post step can still stop it)
 * and waits until the local port accepts connections.
 */
export async function startPortForward(
  cluster: Cluster,
  forward: PortForward,
  logDir: string,
  readySeconds = 60,
): Promise<StartedForward> {
  mkdirSync(logDir, { recursive: true })
  const log = join(logDir, `port-forward-${forward.localPort}.log`)
  const fd = openSync(log, 'a')
  const args = [
    'port-forward',
    '--namespace',
    cluster.namespace,
    '--address',
    '127.0.0.1',
    forward.target,
    `${forward.localPort}:${forward.remotePort}`,
  ]
  core.info(`[command]${cluster.tools.kubectl} ${args.join(' ')}`)
  const child = spawn(cluster.tools.kubectl, args, {
    detached: true,
    stdio: ['ignore', fd, fd],
    env: { ...process.env, KUBECONFIG: cluster.kubeconfig },
  })
  closeSync(fd)
  let exited: number | null = null
  child.on('exit', (code) => {
    exited = code ?? 1
  })
  child.unref()
  const pid = child.pid
  const deadline = Date.now() + readySeconds * 1000
  while (pid !== undefined && exited === null && Date.now() < deadline) {
    if (await portOpen(forward.localPort)) return { spec: forward.spec, pid, log }
    await new Promise((r) => setTimeout(r, 200))
  }
  if (pid !== undefined) stopProcess(pid)
  const output = existsSync(log)
    ? readFileSync(log, 'utf8').trim().split('\n').slice(-10).join('\n')
    : ''
  throw new UserError(
    `port-forward ${forward.spec} ${exited !== null ? `exited (${exited})` : `did not listen on 127.0.0.1:${forward.localPort} within ${readySeconds}s`}${output ? `:\n${output}` : ''}`,
  )
}

function isPortForward(pid: number): boolean {
  const cmdline = `/proc/${pid}/cmdline`
  if (!existsSync('/proc/self')) return true
  try {
    return readFileSync(cmdline, 'utf8').includes('port-forward')
  } catch {
    return false
  }
}

/** Stops a background process we started (and only it: the pid must still be a port-forward). */
export function stopProcess(pid: number): boolean {
  if (!isPortForward(pid)) return false
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, 'SIGTERM')
      return true
    } catch {
      // not a group leader, or gone already
    }
  }
  return false
}

export interface TestRun {
  code: number
  output: string
}

/**
 * The workflow author's own `test-command`, as a `run:` step would: bash with
 * the command as one argument. No other input is ever put into it; the
 * cluster reaches it through the environment (KUBECONFIG, NAMESPACE, ...).
 */
export async function runTestCommand(
  command: string,
  cwd: string,
  env: Record<string, string>,
): Promise<TestRun> {
  const result = await run('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', command], {
    cwd,
    env,
    silent: false,
    allowFailure: true,
  })
  return {
    code: result.code,
    output: `${result.stdout}${result.stderr ? `\n${result.stderr}` : ''}`,
  }
}
