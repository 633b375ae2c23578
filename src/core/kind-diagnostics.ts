// What a failed kind-integration run shows: the pods (phase, restarts, reason)
// from `kubectl get pods -A -o json`, which of them to describe and whose logs
// to fetch, and the job summary, kept under GitHub's 1 MiB step-summary limit
// (above it GitHub drops the whole summary).

export interface PodRow {
  namespace: string
  name: string
  /** The pod phase, or what kubectl's STATUS column would show (CrashLoopBackOff, ...). */
  status: string
  phase: string
  ready: boolean
  readyCount: string
  restarts: number
  reason: string
  containers: ContainerRef[]
}

export interface ContainerRef {
  name: string
  restarts: number
  init: boolean
}

interface ContainerStatus {
  name?: string
  ready?: boolean
  restartCount?: number
  state?: Record<string, { reason?: string; message?: string; exitCode?: number } | undefined>
  lastState?: Record<string, { reason?: string; message?: string; exitCode?: number } | undefined>
}

interface PodJson {
  metadata?: { name?: string; namespace?: string; deletionTimestamp?: string }
  spec?: { containers?: { name: string }[]; initContainers?: { name: string }[] }
  status?: {
    phase?: string
    reason?: string
    message?: string
    conditions?: { type?: string; status?: string; reason?: string; message?: string }[]
    containerStatuses?: ContainerStatus[]
    initContainerStatuses?: ContainerStatus[]
  }
}

function firstLine(text: string | undefined): string {
  return (text ?? '').split('\n')[0]!.trim()
}

function containerReason(c: ContainerStatus): string | undefined {
  const waiting = c.state?.waiting
  if (waiting?.reason)
    return [waiting.reason, firstLine(waiting.message)].filter(Boolean).join(': ')
  const terminated = c.state?.terminated
  if (terminated?.reason && terminated.reason !== 'Completed') {
    return `${terminated.reason} (exit ${terminated.exitCode ?? '?'})`
  }
  const last = c.lastState?.terminated
  if (last?.reason && (c.restartCount ?? 0) > 0) {
    return `last: ${last.reason} (exit ${last.exitCode ?? '?'})`
  }
  return undefined
}

/** Why a pod with no container to blame is not Ready: unschedulable first, then the Ready condition. */
function conditionReason(
  conditions: { type?: string; status?: string; reason?: string; message?: string }[],
): string {
  const failing = conditions.filter((c) => c.status === 'False' && (c.reason || c.message))
  const best = failing.find((c) => c.type === 'PodScheduled') ?? failing[0]
  return best ? [best.reason, firstLine(best.message)].filter(Boolean).join(': ') : ''
}

/** Rows for every pod of `kubectl get pods -A -o json`, sorted not-Ready first. */
export function podRows(podsJson: string): PodRow[] {
  let items: PodJson[]
  try {
    items = (JSON.parse(podsJson) as { items?: PodJson[] }).items ?? []
  } catch {
    return []
  }
  const rows = items.map((pod): PodRow => {
    const status = pod.status ?? {}
    const main = status.containerStatuses ?? []
    const init = status.initContainerStatuses ?? []
    const phase = status.phase ?? 'Unknown'
    const readyCondition = status.conditions?.find((c) => c.type === 'Ready')
    const ready = phase === 'Succeeded' || readyCondition?.status === 'True'
    const restarts = [...main, ...init].reduce((n, c) => n + (c.restartCount ?? 0), 0)
    const waitingReason = [...init, ...main]
      .map((c) => c.state?.waiting?.reason)
      .find((r) => r && r !== 'PodInitializing' && r !== 'ContainerCreating')
    const reason =
      [...init, ...main].map(containerReason).find(Boolean) ||
      [status.reason, firstLine(status.message)].filter(Boolean).join(': ') ||
      (ready ? '' : conditionReason(status.conditions ?? []))
    const statusText = pod.metadata?.deletionTimestamp
      ? 'Terminating'
      : (waitingReason ?? status.reason ?? phase)
    const specContainers = [
      ...(pod.spec?.initContainers ?? []).map((c) => ({ name: c.name, init: true })),
      ...(pod.spec?.containers ?? []).map((c) => ({ name: c.name, init: false })),
    ]
    const restartsOf = (name: string) =>
      [...main, ...init].find((c) => c.name === name)?.restartCount ?? 0
    return {
      namespace: pod.metadata?.namespace ?? '',
      name: pod.metadata?.name ?? '',
      status: statusText,
      phase,
      ready,
      readyCount: `${main.filter((c) => c.ready).length}/${pod.spec?.containers?.length ?? main.length}`,
      restarts,
      reason,
      containers: specContainers.map((c) => ({ ...c, restarts: restartsOf(c.name) })),
    }
  })
  return rows.sort(
    (a, b) =>
      Number(a.ready) - Number(b.ready) ||
      a.namespace.localeCompare(b.namespace) ||
      a.name.localeCompare(b.name),
  )
}

/** One `kubectl logs` call per container, plus `--previous` for restarted ones. */
export interface LogRequest {
  namespace: string
  pod: string
  container: string
  previous: boolean
  /** Relative path under the diagnostics directory. */
  file: string
}

export function logRequests(rows: readonly PodRow[]): LogRequest[] {
  const requests: LogRequest[] = []
  for (const row of rows) {
    for (const c of row.containers) {
      const base = `logs/${row.namespace}/${row.name}/${c.name}`
      requests.push({
        namespace: row.namespace,
        pod: row.name,
        container: c.name,
        previous: false,
        file: `${base}.log`,
      })
      if (c.restarts > 0) {
        requests.push({
          namespace: row.namespace,
          pod: row.name,
          container: c.name,
          previous: true,
          file: `${base}.previous.log`,
        })
      }
    }
  }
  return requests
}

export interface FailingPodDetail {
  row: PodRow
  /** The last lines of the most telling log (previous run of a crashing container, else current). */
  logTail: string
  logFile?: string
}

export interface SummaryInput {
  result: 'passed' | 'failed'
  cluster: string
  namespace: string
  /** What failed, in one or a few lines. */
  failure?: string
  releases: readonly { name: string; chart: string; image?: string }[]
  pods: readonly PodRow[]
  details: readonly FailingPodDetail[]
  /** The last warning events, oldest first. */
  warnings: readonly string[]
  testCommand?: string
  testOutputTail?: string
  diagnosticsPath?: string
  artifact?: { name: string; url?: string }
}

/** GitHub rejects a step summary above 1 MiB; stay well clear of it. */
export const SUMMARY_LIMIT = 1024 * 1024 - 32 * 1024
const MAX_POD_ROWS = 200
const MAX_DETAILS = 15
const MAX_TAIL_LINES = 40
const MAX_LINE = 400

function cell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ')
    .replace(/</g, '&lt;')
}

function fence(text: string): string {
  const body = text.replace(/```/g, '`\u200b``')
  return `\n\`\`\`text\n${body}\n\`\`\`\n`
}

/** The last `lines` lines of `text`, each cut to a readable width. */
export function tail(text: string, lines = MAX_TAIL_LINES): string {
  const all = text.replace(/\s+$/, '').split(/\r?\n/)
  const kept = all.slice(-lines).map((l) => (l.length > MAX_LINE ? `${l.slice(0, MAX_LINE)} …` : l))
  return (all.length > lines ? [`… ${all.length - lines} earlier lines`, ...kept] : kept).join('\n')
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}

/**
 * The job summary: result, releases, a table of pods (phase, restarts,
 * reason), and for each failing pod its reason and log tail, so a reviewer
 * sees why without downloading the artifact. Sections past `limit` bytes are
 * left out with a note saying where the rest is.
 */
export function renderSummary(input: SummaryInput, limit = SUMMARY_LIMIT): string {
  const icon = input.result === 'passed' ? '✅' : '❌'
  const sections: string[] = []
  sections.push(
    `## ${icon} kind-integration ${input.result}: cluster \`${input.cluster}\`, namespace \`${input.namespace}\`\n`,
  )
  if (input.failure)
    sections.push(`\n**What failed:** ${input.failure.trim().split('\n').join('  \n')}\n`)
  if (input.artifact || input.diagnosticsPath) {
    const where = input.artifact
      ? input.artifact.url
        ? `artifact [\`${input.artifact.name}\`](${input.artifact.url})`
        : `artifact \`${input.artifact.name}\``
      : `\`${input.diagnosticsPath}\` on the runner`
    sections.push(
      `\nFull diagnostics (nodes, resources, events, describe, logs, Helm, kind logs): ${where}\n`,
    )
  }
  if (input.releases.length > 0) {
    const rows = input.releases.map(
      (r) =>
        `| ${cell(r.name)} | \`${cell(r.chart)}\` | ${r.image ? `\`${cell(r.image)}\`` : '(chart default)'} |`,
    )
    sections.push(`\n| release | chart | image |\n| --- | --- | --- |\n${rows.join('\n')}\n`)
  }
  if (input.pods.length > 0) {
    const shown = input.pods.slice(0, MAX_POD_ROWS)
    const rows = shown.map(
      (p) =>
        `| ${p.ready ? '✅' : '❌'} | ${cell(p.namespace)} | ${cell(p.name)} | ${cell(p.status)} | ${p.readyCount} | ${p.restarts} | ${cell(p.reason)} |`,
    )
    const more =
      input.pods.length > shown.length
        ? `\n\n… and ${input.pods.length - shown.length} more pods in the diagnostics\n`
        : '\n'
    sections.push(
      `\n### Pods\n\n|  | namespace | pod | phase | ready | restarts | reason |\n| --- | --- | --- | --- | --- | --- | --- |\n${rows.join('\n')}${more}`,
    )
  }
  for (const d of input.details.slice(0, MAX_DETAILS)) {
    const title = `${d.row.namespace}/${d.row.name}: ${d.row.reason || d.row.status}`
    const log = d.logTail
      ? `${d.logFile ? `\`${d.logFile}\`:\n` : ''}${fence(tail(d.logTail))}`
      : '\n(no logs)\n'
    sections.push(`\n<details><summary>${cell(title)}</summary>\n\n${log}\n</details>\n`)
  }
  if (input.warnings.length > 0) {
    sections.push(
      `\n<details><summary>Last warning events</summary>\n${fence(tail(input.warnings.join('\n'), 30))}\n</details>\n`,
    )
  }
  if (input.testCommand !== undefined && input.testOutputTail) {
    sections.push(
      `\n<details><summary>Test command output (last lines)</summary>\n${fence(tail(input.testOutputTail))}\n</details>\n`,
    )
  }
  let out = ''
  for (const [i, section] of sections.entries()) {
    const note = `\n_Summary cut to stay under GitHub's 1 MiB limit: ${sections.length - i} more sections are in the diagnostics._\n`
    if (byteLength(out) + byteLength(section) + byteLength(note) > limit) {
      out += note
      break
    }
    out += section
  }
  return out
}
