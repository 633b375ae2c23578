// kind-integration's inputs, read and checked in one place: a bad value fails
// before any download or cluster, naming the input.
import { isAbsolute, join } from 'node:path'
import { UserError } from '../../core/errors'
import {
  type DiagnosticsMode,
  defaultArtifactName,
  type ImageRef,
  type PortForward,
  parseDuration,
  parseImageRef,
  parsePortForwards,
  validateClusterName,
} from '../../core/kind-plan'
import {
  normalizeVersion,
  parseToolSource,
  type ToolName,
  type ToolSource,
} from '../../core/kind-tools'
import { validateArtifactName } from '../../io/artifact'
import { getBool, getEnum, getInt, getList, getOptional, getString } from '../common/inputs'
import { ACTION_DEFAULTS } from '../defaults.generated'

export interface Inputs {
  clusterName: string
  /** A kind config file, relative to the workspace. */
  config?: string
  workers: number
  nodeImage?: string
  versions: Record<ToolName, string>
  tools: ToolSource
  images: ImageRef[]
  registry: boolean
  registryPort: number
  registryImage: string
  charts: string[]
  services: string[]
  environment?: string
  kustomize?: string
  manifests: string[]
  namespace: string
  waitTimeoutSeconds: number
  testCommand?: string
  /** Absolute: where the test command runs and relative paths are read. */
  workspace: string
  workingDirectory: string
  portForwards: PortForward[]
  diagnostics: DiagnosticsMode
  artifactName: string
  uploadDiagnostics: boolean
  keepCluster: boolean
}

/** The pinned versions live in action.yml alone; the runner applies them, and so does this for other callers. */
function version(input: string): string {
  return normalizeVersion(
    input,
    getString(input) || (ACTION_DEFAULTS['kind-integration']?.[input] ?? ''),
  )
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/

export function readInputs(env: NodeJS.ProcessEnv = process.env): Inputs {
  const workspace = env.GITHUB_WORKSPACE || process.cwd()
  const clusterName = validateClusterName(
    getString('cluster-name') || `minishop-${env.GITHUB_RUN_ID ?? 'local'}`,
  )
  const namespace = getString('namespace') || 'default'
  if (!DNS_LABEL.test(namespace) || namespace.length > 63) {
    throw new UserError(
      `Input namespace must be a valid Kubernetes namespace name, got "${namespace}"`,
    )
  }
  const environment = getOptional('environment')
  if (environment !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(environment)) {
    throw new UserError(
      `Input environment must be a name like dev or staging, got "${environment}"`,
    )
  }
  const charts = getList('charts')
  const services = getList('services', { commas: true })
  const kustomize = getOptional('kustomize')
  if (kustomize && (charts.length > 0 || services.length > 0)) {
    throw new UserError(
      'Inputs kustomize and charts/services are alternatives: deploy with one of them',
    )
  }
  const images = getList('images').map(parseImageRef)
  const testCommand = getOptional('test-command')
  const workingDirectory = getString('working-directory') || '.'
  const artifactName = validateArtifactName(
    getString('artifact-name') ||
      defaultArtifactName(env.GITHUB_JOB ?? '', clusterName, env.GITHUB_RUN_ATTEMPT ?? '1'),
  )
  return {
    clusterName,
    config: getOptional('config'),
    workers: getInt('workers', 2, { min: 0, max: 10 }),
    nodeImage: getOptional('node-image'),
    versions: {
      kind: version('kind-version'),
      kubectl: version('kubectl-version'),
      helm: version('helm-version'),
    },
    tools: parseToolSource(getString('tools')),
    images,
    registry: getBool('registry', false),
    registryPort: getInt('registry-port', 5001, { min: 1, max: 65535 }),
    registryImage: getString('registry-image') || 'registry:3',
    charts,
    services,
    environment,
    kustomize,
    manifests: getList('manifests'),
    namespace,
    waitTimeoutSeconds: parseDuration('wait-timeout', getString('wait-timeout') || '5m'),
    testCommand,
    workspace,
    workingDirectory: isAbsolute(workingDirectory)
      ? workingDirectory
      : join(workspace, workingDirectory),
    portForwards: parsePortForwards(getList('port-forward')),
    diagnostics: getEnum('diagnostics', ['on-failure', 'always', 'never'] as const, 'on-failure'),
    artifactName,
    uploadDiagnostics: getBool('upload-diagnostics', true),
    keepCluster: getBool('keep-cluster', false),
  }
}
