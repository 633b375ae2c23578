// What a kind-integration run will do, decided from its inputs before any
// command runs: names, durations, images, the Helm releases and their exact
// arguments, port-forwards. Pure, so each rule is unit-tested with plain values.
import { UserError } from './errors'

/** kind names node containers `<cluster>-worker2`: keep them valid, short hostnames. */
export function validateClusterName(name: string): string {
  if (!/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/.test(name) || name.length > 50) {
    throw new UserError(
      `Input cluster-name must be lowercase letters, digits, '-' and '.', start and end alphanumeric, at most 50 characters; got "${name}"`,
    )
  }
  return name
}

/** `90s`, `5m`, `1h30m` or bare seconds -> seconds. */
export function parseDuration(input: string, value: string): number {
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed)
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(trimmed)
  if (!match || trimmed === '') {
    throw new UserError(`Input ${input} must be a duration like 300s, 5m or 1h, got "${value}"`)
  }
  const [, h, m, s] = match
  const seconds = Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Number(s ?? 0)
  if (seconds <= 0) throw new UserError(`Input ${input} must be longer than 0s, got "${value}"`)
  return seconds
}

export interface ImageRef {
  /** As given: what `kind load docker-image` is handed. */
  ref: string
  repository: string
  tag: string
  /** The repository's last path segment: how an image is matched to a service. */
  name: string
}

export function parseImageRef(value: string): ImageRef {
  const ref = value.trim()
  if (ref.includes('@')) {
    throw new UserError(
      `Input images: "${value}" is pinned by digest; give the local image by name:tag (kind loads tagged images from the Docker daemon)`,
    )
  }
  if (
    !/^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(\/[a-z0-9]+([._-][a-z0-9]+)*)*(:[\w][\w.-]{0,127})?$/.test(
      ref,
    )
  ) {
    throw new UserError(`Input images: "${value}" is not an image reference like name:tag`)
  }
  const slash = ref.lastIndexOf('/')
  const colon = ref.lastIndexOf(':')
  const hasTag = colon > slash
  const repository = hasTag ? ref.slice(0, colon) : ref
  const tag = hasTag ? ref.slice(colon + 1) : 'latest'
  return { ref: hasTag ? ref : `${ref}:latest`, repository, tag, name: repository.slice(slash + 1) }
}

export type PortForwardKind = 'svc' | 'pod' | 'deployment' | 'statefulset'

export interface PortForward {
  spec: string
  /** `svc/name`, as kubectl port-forward takes it. */
  target: string
  localPort: number
  remotePort: number
}

const KIND_ALIASES: Record<string, PortForwardKind> = {
  svc: 'svc',
  service: 'svc',
  pod: 'pod',
  deploy: 'deployment',
  deployment: 'deployment',
  sts: 'statefulset',
  statefulset: 'statefulset',
}

/** `svc/name:local:remote` (also pod/, deployment/, statefulset/; bare names are services). */
export function parsePortForward(value: string): PortForward {
  const spec = value.trim()
  const match = /^(?:([a-z]+)\/)?([a-z0-9]([a-z0-9.-]*[a-z0-9])?):(\d{1,5}):(\d{1,5})$/.exec(spec)
  const kind = match ? KIND_ALIASES[match[1] ?? 'svc'] : undefined
  const localPort = Number(match?.[4])
  const remotePort = Number(match?.[5])
  const validPort = (p: number) => Number.isInteger(p) && p >= 1 && p <= 65535
  if (!match || !kind || !validPort(localPort) || !validPort(remotePort)) {
    throw new UserError(
      `Input port-forward: "${value}" must look like svc/name:local-port:remote-port (e.g. svc/user-service:8080:80)`,
    )
  }
  return { spec, target: `${kind}/${match[2]}`, localPort, remotePort }
}

export function parsePortForwards(values: readonly string[]): PortForward[] {
  const forwards = values.map(parsePortForward)
  const seen = new Set<number>()
  for (const f of forwards) {
    if (seen.has(f.localPort)) {
      throw new UserError(`Input port-forward: local port ${f.localPort} is used twice`)
    }
    seen.add(f.localPort)
  }
  return forwards
}

export interface Release {
  /** The Helm release name: the service name, or the chart directory's name. */
  name: string
  /** Chart directory, relative to the workspace as the user wrote it. */
  chart: string
  valuesFiles: string[]
  /** `--set-string` pairs from the image loaded for this service. */
  setStrings: [string, string][]
  image?: ImageRef
}

export interface ReleasePlanInput {
  charts: readonly string[]
  services: readonly string[]
  environment?: string
  images: readonly ImageRef[]
  /** Injected so the plan stays pure: does `<chart>/<file>` exist in the workspace? */
  exists: (path: string) => boolean
}

export const DEFAULT_CHART_TEMPLATE = 'infra/helm-charts/{service}'

function releaseName(name: string, source: string): string {
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name) || name.length > 53) {
    throw new UserError(
      `${source}: "${name}" is not a valid Helm release name (lowercase letters, digits and '-', at most 53 characters)`,
    )
  }
  return name
}

function join(dir: string, file: string): string {
  return `${dir.replace(/\/+$/, '')}/${file}`
}

/**
 * The Helm releases to install: each chart directory, or the `{service}`
 * template expanded for every service; `values-<environment>.yaml` on top of
 * the chart's values.yaml; and the image the run loaded for that service
 * (matched by its repository's last segment) set as image.repository/tag.
 */
export function planReleases(input: ReleasePlanInput): Release[] {
  const { services, environment, images } = input
  const charts =
    input.charts.length === 0 && services.length > 0 ? [DEFAULT_CHART_TEMPLATE] : input.charts
  const entries: { name: string; chart: string; source: string }[] = []
  for (const chart of charts) {
    if (chart.includes('{service}')) {
      if (services.length === 0) {
        throw new UserError(`Input charts: "${chart}" uses {service}, but input services is empty`)
      }
      for (const service of services) {
        entries.push({
          name: service,
          chart: chart.replaceAll('{service}', service),
          source: 'Input services',
        })
      }
    } else {
      const base = chart.replace(/\/+$/, '').split('/').pop() ?? chart
      entries.push({ name: base, chart, source: 'Input charts' })
    }
  }
  if (services.length > 0 && !charts.some((c) => c.includes('{service}'))) {
    throw new UserError(
      'Input services needs a charts template with {service}, e.g. infra/helm-charts/{service}',
    )
  }
  const names = new Set<string>()
  return entries.map(({ name, chart, source }) => {
    releaseName(name, source)
    if (names.has(name)) throw new UserError(`${source}: release "${name}" is listed twice`)
    names.add(name)
    if (!input.exists(join(chart, 'Chart.yaml'))) {
      throw new UserError(
        `${source}: no Helm chart at ${chart} (${join(chart, 'Chart.yaml')} does not exist)`,
      )
    }
    const valuesFiles: string[] = []
    if (environment) {
      const file = join(chart, `values-${environment}.yaml`)
      if (!input.exists(file)) {
        throw new UserError(
          `Input environment: ${file} does not exist (environment: ${environment})`,
        )
      }
      valuesFiles.push(file)
    }
    const matching = images.filter((i) => i.name === name)
    if (matching.length > 1) {
      throw new UserError(
        `Input images: ${matching.map((i) => i.ref).join(' and ')} both match service ${name}; load one image per service`,
      )
    }
    const image = matching[0]
    // Loaded images exist only on the nodes: a chart's `Always` pull policy would fail them.
    const setStrings: [string, string][] = image
      ? [
          ['image.repository', image.repository],
          ['image.tag', image.tag],
          ['image.pullPolicy', 'IfNotPresent'],
        ]
      : []
    return { name, chart, valuesFiles, setStrings, ...(image ? { image } : {}) }
  })
}

/** `helm upgrade --install` for one release: waits for its resources within the timeout. */
export function helmUpgradeArgs(
  release: Release,
  namespace: string,
  timeoutSeconds: number,
): string[] {
  return [
    'upgrade',
    '--install',
    release.name,
    release.chart,
    '--namespace',
    namespace,
    '--create-namespace',
    '--wait',
    '--timeout',
    `${timeoutSeconds}s`,
    ...release.valuesFiles.flatMap((f) => ['--values', f]),
    ...release.setStrings.flatMap(([k, v]) => ['--set-string', `${k}=${v}`]),
  ]
}

export interface CreateClusterOptions {
  name: string
  configPath: string
  kubeconfig: string
  nodeImage?: string
}

/** `--retain` keeps the node containers of a failed create, so its logs can still be exported. */
export function kindCreateArgs(o: CreateClusterOptions): string[] {
  return [
    'create',
    'cluster',
    '--name',
    o.name,
    '--config',
    o.configPath,
    '--kubeconfig',
    o.kubeconfig,
    '--retain',
    ...(o.nodeImage ? ['--image', o.nodeImage] : []),
  ]
}

export type DiagnosticsMode = 'on-failure' | 'always' | 'never'

export function wantsDiagnostics(mode: DiagnosticsMode, failed: boolean): boolean {
  return mode === 'always' || (mode === 'on-failure' && failed)
}

/** A run's default artifact name, unique per job and cluster (v4 artifacts are unique per run). */
export function defaultArtifactName(job: string, cluster: string, attempt: string): string {
  const base = `kind-diagnostics-${job ? `${job}-` : ''}${cluster}`
  return attempt && attempt !== '1' ? `${base}-attempt-${attempt}` : base
}
