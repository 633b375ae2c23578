import { defineConfig } from 'vitest/config'

// `npm run bench`: the benchmarks are TypeScript run by vitest (no other TS
// runner is installed), one file at a time, with nothing else on the machine's
// two cores.
export default defineConfig({
  logLevel: 'error',
  test: {
    include: ['bench/**/*.bench.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    reporters: ['verbose'],
    server: { deps: { inline: ['@actions/workflow-parser'] } },
  },
})
