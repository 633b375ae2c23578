// Gathers what explains a failed run into one directory: nodes, every
// resource, events by time, `describe` of pods not Ready, the logs of every
// container (and of the previous run of restarted ones), Helm release status
// and `kind export logs`. Every command may fail (the cluster may be half
// made): its error goes into the file instead, and gathering goes on.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { type FailingPodDetail, logRequests, type PodRow, podRows } from '../core/kind-diagnostics'
import { mapLimit } from '../core/map-limit'
import type { ExecResult } from './exec'
import { type Cluster, exportLogs, tool } from './kube'
import * as core from './runner'

export interface Diagnostics {
  dir: string
  pods: PodRow[]
  details: FailingPodDetail[]
  warnings: string[]
  files: string[]
}

/** A diagnostics call must not hang on a dead API server. */
const REQUEST_TIMEOUT = '--request-timeout=30s'
const LOG_LIMIT = String(2 * 1024 * 1024)

function write(dir: string, file: string, text: string, files: string[]): void {
  const path = join(dir, file)
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, text)
  files.push(file)
}

function asText(r: ExecResult): string {
  const parts = [r.stdout]
  if (r.stderr.trim()) parts.push(`--- stderr ---\n${r.stderr}`)
  if (r.code !== 0) parts.push(`--- exit code ${r.code} ---\n`)
  return parts.join('\n')
}

function safe(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, '_')
}

export interface CollectOptions {
  /** False when the cluster never came up: only kind's logs are worth exporting. */
  clusterReachable: boolean
  releases: readonly string[]
  testOutput?: string
}

export async function collectDiagnostics(
  cluster: Cluster,
  dir: string,
  options: CollectOptions,
): Promise<Diagnostics> {
  mkdirSync(dir, { recursive: true })
  const files: string[] = []
  const kubectl = async (file: string, args: string[]) => {
    const r = await tool(cluster, 'kubectl', [...args, REQUEST_TIMEOUT], { allowFailure: true })
    write(dir, file, asText(r), files)
    return r
  }
  let pods: PodRow[] = []
  let warnings: string[] = []
  const details: FailingPodDetail[] = []
  if (options.testOutput !== undefined) write(dir, 'test-output.log', options.testOutput, files)
  if (options.clusterReachable) {
    await kubectl('nodes.txt', ['get', 'nodes', '--output', 'wide'])
    await kubectl('nodes-describe.txt', ['describe', 'nodes'])
    await kubectl('resources.txt', ['get', 'all', '--all-namespaces', '--output', 'wide'])
    const events = await kubectl('events.txt', [
      'get',
      'events',
      '--all-namespaces',
      '--sort-by=.metadata.creationTimestamp',
    ])
    warnings = events.stdout.split('\n').filter((l) => /\sWarning\s/.test(l))
    const podsJson = await tool(
      cluster,
      'kubectl',
      ['get', 'pods', '--all-namespaces', '--output', 'json', REQUEST_TIMEOUT],
      {
        allowFailure: true,
      },
    )
    write(dir, 'pods.json', podsJson.code === 0 ? podsJson.stdout : asText(podsJson), files)
    pods = podsJson.code === 0 ? podRows(podsJson.stdout) : []
    const notReady = pods.filter((p) => !p.ready)
    await mapLimit(notReady, 4, (p) =>
      kubectl(`describe/${safe(p.namespace)}/${safe(p.name)}.txt`, [
        'describe',
        'pod',
        p.name,
        '--namespace',
        p.namespace,
      ]),
    )
    const requests = logRequests(pods)
    await mapLimit(requests, 4, (l) =>
      kubectl(l.file, [
        'logs',
        l.pod,
        '--namespace',
        l.namespace,
        '--container',
        l.container,
        '--timestamps',
        `--limit-bytes=${LOG_LIMIT}`,
        ...(l.previous ? ['--previous'] : []),
      ]),
    )
    for (const row of notReady) {
      const mine = requests.filter((l) => l.namespace === row.namespace && l.pod === row.name)
      const best =
        mine.find((l) => l.previous) ??
        mine.find((l) => {
          const c = row.containers.find((x) => x.name === l.container)
          return c !== undefined && !c.init
        }) ??
        mine[0]
      const path = best ? join(dir, best.file) : undefined
      details.push({
        row,
        logTail: path && existsSync(path) ? readFileSync(path, 'utf8') : '',
        ...(best ? { logFile: best.file } : {}),
      })
    }
    for (const release of options.releases) {
      const r = await tool(cluster, 'helm', ['status', release, '--namespace', cluster.namespace], {
        allowFailure: true,
      })
      write(dir, `helm/${safe(release)}.txt`, asText(r), files)
    }
    if (options.releases.length > 0) {
      const r = await tool(cluster, 'helm', ['list', '--all-namespaces', '--all'], {
        allowFailure: true,
      })
      write(dir, 'helm/list.txt', asText(r), files)
    }
  }
  const exported = await exportLogs(cluster, join(dir, 'kind'))
  if (exported.code !== 0) write(dir, 'kind-export-logs.txt', asText(exported), files)
  const notReady = pods.filter((p) => !p.ready).length
  core.info(
    `${dir}: ${files.length} files and kind's node logs; ${pods.length} pods, ${notReady} not Ready, ${warnings.length} warning events`,
  )
  return { dir, pods, details, warnings, files }
}
