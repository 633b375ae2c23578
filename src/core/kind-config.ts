// The kind cluster config and the local-registry wiring, following kind's own
// recipe (site/static/examples/kind-with-registry.sh): containerd reads
// /etc/containerd/certs.d/<host>/hosts.toml, never a `registry.mirrors` patch,
// which containerd 2 node images reject next to `config_path`.
import type { Document, LineCounter, YAMLMap } from 'yaml'
import { UserError } from './errors'
import { isMap, isScalar, isSeq, yaml } from './yaml-lib'

export const KIND_API_VERSION = 'kind.x-k8s.io/v1alpha4'
export const CERTS_DIR = '/etc/containerd/certs.d'

/** Kept for node images older than kind v0.27, which did not set config_path themselves. */
export const CONFIG_PATH_PATCH = `[plugins."io.containerd.grpc.v1.cri".registry]
  config_path = "${CERTS_DIR}"`

export interface LocalRegistry {
  /** The container's name on the `kind` network: what the nodes pull from. */
  container: string
  /** The host port on 127.0.0.1; images are pushed to and referenced as `localhost:<port>/...`. */
  port: number
}

export function registryHost(registry: LocalRegistry): string {
  return `localhost:${registry.port}`
}

/** Where each node's hosts.toml goes, and what it says. */
export function hostsToml(registry: LocalRegistry): { dir: string; file: string; content: string } {
  const dir = `${CERTS_DIR}/${registryHost(registry)}`
  return {
    dir,
    file: `${dir}/hosts.toml`,
    content: `[host."http://${registry.container}:5000"]\n`,
  }
}

/** KEP-1755's ConfigMap, so in-cluster tools can discover the registry. */
export function registryHostingConfigMap(registry: LocalRegistry): string {
  return yaml().stringify({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'local-registry-hosting', namespace: 'kube-public' },
    data: {
      'localRegistryHosting.v1': `host: "${registryHost(registry)}"\nhelp: "https://kind.sigs.k8s.io/docs/user/local-registry/"\n`,
    },
  })
}

export interface KindConfigOptions {
  /** Workers beside the one control-plane node, when no config file is given. */
  workers: number
  /** The user's own config file, as text, and its path for error messages. */
  userConfig?: { path: string; text: string }
  registry?: LocalRegistry
}

export interface KindConfig {
  yaml: string
  /** Non-fatal findings worth a warning annotation. */
  warnings: string[]
}

function fail(
  message: string,
  path: string,
  offset: number | undefined,
  lines: LineCounter,
): never {
  const pos = offset === undefined ? undefined : lines.linePos(offset)
  throw new UserError(message, { file: path, line: pos?.line, column: pos?.col })
}

/**
 * The config handed to `kind create cluster --config`: the user's file
 * (validated, otherwise untouched) or 1 control-plane + N workers, plus the
 * containerd patch when a local registry is wired in.
 */
export function kindConfig(options: KindConfigOptions): KindConfig {
  const warnings: string[] = []
  let doc: Document
  if (options.userConfig) {
    const { path, text } = options.userConfig
    const lines = new (yaml().LineCounter)()
    doc = yaml().parseDocument(text, { lineCounter: lines, prettyErrors: false })
    const [error] = doc.errors
    if (error) fail(`${path} is not valid YAML: ${error.message}`, path, error.pos[0], lines)
    const root = doc.contents
    if (!isMap(root)) fail(`${path} must be a kind Cluster config (a YAML mapping)`, path, 0, lines)
    const kind = root.get('kind')
    const apiVersion = root.get('apiVersion')
    if (kind !== 'Cluster' || apiVersion !== KIND_API_VERSION) {
      fail(
        `${path} must say kind: Cluster and apiVersion: ${KIND_API_VERSION} (got ${String(kind)} / ${String(apiVersion)})`,
        path,
        root.range?.[0],
        lines,
      )
    }
    const patches = root.get('containerdConfigPatches', true)
    if (patches !== undefined && !isSeq(patches)) {
      fail(`${path}: containerdConfigPatches must be a list`, path, root.range?.[0], lines)
    }
    const mirrors = patches?.items.find((item) =>
      String(isScalar(item) ? item.value : '').includes('registry.mirrors'),
    )
    if (mirrors) {
      const message = `${path}: a containerdConfigPatches entry uses registry.mirrors, which containerd 2 (kind v0.27+ node images) rejects next to config_path; configure mirrors with hosts.toml files under ${CERTS_DIR} instead`
      if (options.registry) fail(message, path, (mirrors as { range?: number[] }).range?.[0], lines)
      warnings.push(message)
    }
  } else {
    doc = new (yaml().Document)({
      kind: 'Cluster',
      apiVersion: KIND_API_VERSION,
      nodes: [
        { role: 'control-plane' },
        ...Array.from({ length: options.workers }, () => ({ role: 'worker' })),
      ],
    })
  }
  if (options.registry) {
    const root = doc.contents as YAMLMap
    const existing = root.get('containerdConfigPatches', true)
    const patch = doc.createNode(CONFIG_PATH_PATCH)
    if (isSeq(existing)) existing.items.push(patch)
    else root.set('containerdConfigPatches', doc.createNode([CONFIG_PATH_PATCH]))
  }
  return { yaml: doc.toString({ lineWidth: 0 }), warnings }
}
