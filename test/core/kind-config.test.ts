import { describe, expect, it } from 'vitest'
import YAML from 'yaml'
import { isUserError } from '../../src/core/errors'
import {
  CONFIG_PATH_PATCH,
  hostsToml,
  kindConfig,
  registryHostingConfigMap,
} from '../../src/core/kind-config'

const registry = { container: 'ci-registry', port: 5001 }

function thrown(fn: () => unknown): {
  message: string
  file?: string
  line?: number
  column?: number
} {
  try {
    fn()
  } catch (error) {
    if (isUserError(error)) return error
    throw error
  }
  throw new Error('did not throw')
}

describe('kindConfig', () => {
  it('makes one control-plane and N workers', () => {
    expect(YAML.parse(kindConfig({ workers: 2 }).yaml)).toEqual({
      kind: 'Cluster',
      apiVersion: 'kind.x-k8s.io/v1alpha4',
      nodes: [{ role: 'control-plane' }, { role: 'worker' }, { role: 'worker' }],
    })
    expect(YAML.parse(kindConfig({ workers: 0 }).yaml).nodes).toEqual([{ role: 'control-plane' }])
  })

  it('turns on containerd config_path for the registry (hosts.toml), never registry.mirrors', () => {
    const config = kindConfig({ workers: 1, registry })
    expect(YAML.parse(config.yaml).containerdConfigPatches).toEqual([CONFIG_PATH_PATCH])
    expect(config.yaml).toContain('config_path = "/etc/containerd/certs.d"')
    expect(config.yaml).not.toContain('mirrors')
  })

  it("keeps the user's config, comments included, and appends the registry patch", () => {
    const text = [
      'kind: Cluster',
      'apiVersion: kind.x-k8s.io/v1alpha4',
      '# three workers for the search service',
      'nodes:',
      '  - role: control-plane',
      '    extraPortMappings:',
      '      - containerPort: 30080',
      '        hostPort: 8080',
      '  - role: worker',
      'containerdConfigPatches:',
      '  - |-',
      '    [plugins."io.containerd.grpc.v1.cri".containerd]',
      '      snapshotter = "overlayfs"',
      '',
    ].join('\n')
    const config = kindConfig({ workers: 2, userConfig: { path: 'ci/kind.yaml', text }, registry })
    const parsed = YAML.parse(config.yaml)
    expect(config.yaml).toContain('# three workers for the search service')
    expect(parsed.nodes).toHaveLength(2)
    expect(parsed.nodes[0].extraPortMappings).toEqual([{ containerPort: 30080, hostPort: 8080 }])
    expect(parsed.containerdConfigPatches).toHaveLength(2)
    expect(parsed.containerdConfigPatches[1]).toBe(CONFIG_PATH_PATCH)
    expect(config.warnings).toEqual([])
  })

  it('refuses a registry.mirrors patch next to the registry, pointing at the line', () => {
    const text = [
      'kind: Cluster',
      'apiVersion: kind.x-k8s.io/v1alpha4',
      'containerdConfigPatches:',
      '  - |-',
      '    [plugins."io.containerd.grpc.v1.cri".registry.mirrors."localhost:5001"]',
      '      endpoint = ["http://kind-registry:5000"]',
    ].join('\n')
    const error = thrown(() =>
      kindConfig({ workers: 2, userConfig: { path: 'kind.yaml', text }, registry }),
    )
    expect(error.message).toContain('uses registry.mirrors, which containerd 2')
    expect(error).toMatchObject({ file: 'kind.yaml', line: 4 })
    // Without the registry it is the user's business, but worth a warning.
    expect(
      kindConfig({ workers: 2, userConfig: { path: 'kind.yaml', text } }).warnings,
    ).toHaveLength(1)
  })

  it('names the file, line and column of a broken or foreign config', () => {
    const broken = thrown(() =>
      kindConfig({
        workers: 2,
        userConfig: { path: 'kind.yaml', text: 'kind: Cluster\nnodes: [\n' },
      }),
    )
    expect(broken.message).toMatch(/^kind\.yaml is not valid YAML/)
    expect(broken.file).toBe('kind.yaml')
    expect(broken.line).toBeGreaterThan(1)
    const foreign = thrown(() =>
      kindConfig({
        workers: 2,
        userConfig: { path: 'k.yaml', text: 'kind: Pod\napiVersion: v1\n' },
      }),
    )
    expect(foreign.message).toBe(
      'k.yaml must say kind: Cluster and apiVersion: kind.x-k8s.io/v1alpha4 (got Pod / v1)',
    )
    expect(foreign).toMatchObject({ line: 1, column: 1 })
  })
})

describe('registry wiring', () => {
  it("writes hosts.toml for localhost:<port> pointing at the registry container, as kind's recipe", () => {
    expect(hostsToml(registry)).toEqual({
      dir: '/etc/containerd/certs.d/localhost:5001',
      file: '/etc/containerd/certs.d/localhost:5001/hosts.toml',
      content: '[host."http://ci-registry:5000"]\n',
    })
  })
  it('documents the registry in kube-public (KEP-1755)', () => {
    const cm = YAML.parse(registryHostingConfigMap(registry))
    expect(cm.metadata).toEqual({ name: 'local-registry-hosting', namespace: 'kube-public' })
    expect(YAML.parse(cm.data['localRegistryHosting.v1'])).toEqual({
      host: 'localhost:5001',
      help: 'https://kind.sigs.k8s.io/docs/user/local-registry/',
    })
  })
})
