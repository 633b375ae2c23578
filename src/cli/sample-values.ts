// Realistic Helm values files for the demo and the benchmarks: the main
// image first, then sidecars, exporters and init containers with `tag:` keys
// of their own (what a blind `sed s|tag:.*|` would clobber), comments after
// values, and filler. Deterministic, so every run sees the same files.

export const MINISHOP_SERVICES = [
  'user-service',
  'product-service',
  'order-service',
  'payment-service',
  'notification-service',
]

/** A small deterministic PRNG (mulberry32), so every run benchmarks the same files. */
export function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * A Helm values file of about `lines` lines: the main image first, then
 * sidecars, exporters and init containers with `tag:` keys of their own,
 * comments (also after values), and filler resources/env blocks.
 */
export function valuesFile(service: string, lines: number, rand = random(lines)): string {
  const out: string[] = [
    `# Values for ${service}`,
    '# Managed by minishop/actions: image.tag is bumped by CI.',
    'replicaCount: 2',
    '',
    'image:',
    `  repository: ghcr.io/minishop/${service}`,
    '  tag: "1.0.0" # bumped by CI',
    '  pullPolicy: IfNotPresent',
    '',
    'metrics:',
    '  exporter:',
    '    image:',
    '      repository: prom/statsd-exporter',
    '      tag: v0.26.0 # pinned',
    '',
    'initContainers:',
    '  - name: migrate',
    `    image: ghcr.io/minishop/${service}-migrations`,
    '    tag: "42"',
    '',
    'sidecars:',
    '  - name: envoy',
    '    image:',
    '      repository: envoyproxy/envoy',
    '      tag: v1.30.1',
  ]
  let block = 0
  while (out.length < lines) {
    block++
    out.push('', `# block ${block}: settings generated for the benchmark`, `extra${block}:`)
    out.push(`  enabled: ${rand() < 0.5}`)
    out.push(`  replicas: ${Math.floor(rand() * 10)}`)
    out.push(
      '  resources:',
      '    limits:',
      `      cpu: ${Math.floor(rand() * 1000)}m`,
      `      memory: ${Math.floor(rand() * 512)}Mi`,
    )
    out.push('  env:')
    for (let i = 0; i < 4; i++)
      out.push(`    - name: VAR_${block}_${i}`, `      value: "${Math.floor(rand() * 1e6)}"`)
    out.push(`  annotations: { team: shop, tier: "${block % 3}" }`)
  }
  return `${out.slice(0, Math.max(lines, 25)).join('\n')}\n`
}
