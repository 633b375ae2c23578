// The optional services file of detect-changes:
//
//   services:
//     - cart                      # services/cart, services/cart/Dockerfile
//     - name: api
//       context: src/api
//       dockerfile: src/api/Dockerfile
//       paths: [proto/api/**]     # also rebuild api when these change
//   shared-paths:
//     - libs/common/**
import type { Node, YAMLMap } from 'yaml'
import type { ServiceDefinition } from './changed-services'
import { UserError } from './errors'
import { isServiceName } from './image-name'
import { resolveInWorkspace, workspaceRelative } from './workspace-path'
import { isMap, isScalar, isSeq, yaml } from './yaml-lib'

export interface ServicesConfig {
  services: ServiceDefinition[]
  sharedPaths: string[]
}

export function parseServicesConfig(
  text: string,
  file: string,
  options: { root: string; servicesDir: string },
): ServicesConfig {
  const lineCounter = new (yaml().LineCounter)()
  const doc = yaml().parseDocument(text, { lineCounter, prettyErrors: false })
  const fail = (message: string, node?: Node | null, offset?: number): never => {
    const at = offset ?? node?.range?.[0]
    const pos = at === undefined ? undefined : lineCounter.linePos(at)
    throw new UserError(`${file}: ${message}`, { file, line: pos?.line, column: pos?.col })
  }
  const [error] = doc.errors
  if (error) fail(error.message.split('\n')[0]!, undefined, error.pos[0])
  if (!isMap(doc.contents)) fail('must be a mapping with a `services` list', doc.contents)
  const root = doc.contents as YAMLMap
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : ''
    if (key !== 'services' && key !== 'shared-paths') {
      fail(`unknown key "${key}" (known: services, shared-paths)`, pair.key as Node)
    }
  }

  const strings = (node: unknown, what: string): string[] => {
    if (node === undefined || node === null) return []
    if (!isSeq(node)) return fail(`${what} must be a list`, node as Node)
    return node.items.map((item) =>
      isScalar(item) && typeof item.value === 'string' && item.value.trim() !== ''
        ? item.value.trim()
        : fail(`${what} entries must be non-empty strings`, item as Node),
    )
  }
  const inRepo = (value: string, node: Node) => {
    try {
      return workspaceRelative(options.root, resolveInWorkspace(options.root, value, 'config'))
    } catch {
      return fail(`"${value}" leaves the repository`, node)
    }
  }

  const servicesNode = root.get('services', true) as Node | undefined
  if (!isSeq(servicesNode)) return fail('`services` must be a list', servicesNode ?? root)
  const seen = new Set<string>()
  const services = servicesNode.items.map((item): ServiceDefinition => {
    const entry = isMap(item) ? item : undefined
    const nameNode = (entry ? entry.get('name', true) : item) as Node | undefined
    if (entry && nameNode === undefined) {
      // A misspelt `name:` would otherwise read as an empty name.
      const keys = entry.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : '?'))
      fail(
        `a service entry needs "name" (it has ${keys.map((k) => `"${k}"`).join(', ')}; known: name, context, dockerfile, paths)`,
        item as Node,
      )
    }
    const name = isScalar(nameNode) ? String(nameNode.value ?? '') : ''
    if (!isServiceName(name)) {
      fail(
        `service name must be one image path component, got ${JSON.stringify(name)}`,
        nameNode ?? (item as Node),
      )
    }
    if (seen.has(name)) fail(`service "${name}" is listed twice`, nameNode)
    seen.add(name)
    for (const pair of entry?.items ?? []) {
      const key = isScalar(pair.key) ? String(pair.key.value) : ''
      if (!['name', 'context', 'dockerfile', 'paths'].includes(key)) {
        fail(
          `unknown key "${key}" for service "${name}" (known: name, context, dockerfile, paths)`,
          pair.key as Node,
        )
      }
    }
    const field = (key: string) => {
      const node = entry?.get(key, true) as Node | undefined
      if (node === undefined) return undefined
      if (!isScalar(node) || typeof node.value !== 'string') fail(`${key} must be a string`, node)
      return inRepo(String((node as { value: string }).value), node)
    }
    const context = field('context') ?? `${options.servicesDir.replace(/\/+$/, '')}/${name}`
    return {
      name,
      context,
      dockerfile: field('dockerfile') ?? (context === '.' ? 'Dockerfile' : `${context}/Dockerfile`),
      paths: strings(entry?.get('paths', true), `paths of "${name}"`),
    }
  })
  return { services, sharedPaths: strings(root.get('shared-paths', true), 'shared-paths') }
}
