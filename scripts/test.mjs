// npm test: lint and format check, build (type-check + bundles, since the
// end-to-end tests run the bundles exactly as a runner does), then vitest.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

const modules = new URL('../node_modules/', import.meta.url).pathname
const steps = [
  ['lint', [join(modules, '@biomejs/biome/bin/biome'), 'check', '.']],
  ['build', ['scripts/build.mjs']],
  ['vitest', [join(modules, 'vitest/vitest.mjs'), 'run', ...process.argv.slice(2)]],
]
for (const [name, args] of steps) {
  console.log(`\n=== npm test: ${name}`)
  const { status } = spawnSync(process.execPath, args, { stdio: 'inherit' })
  if (status !== 0) {
    console.error(`npm test: ${name} failed (exit ${status})`)
    process.exit(status ?? 1)
  }
}
