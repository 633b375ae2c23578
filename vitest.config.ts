import { defineConfig } from 'vitest/config'

export default defineConfig({
  // Quiet the parser's missing-sourcemap warnings; errors still show.
  logLevel: 'error',
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Real git, docker and child processes: keep the 2-core machine responsive.
    pool: 'forks',
    maxWorkers: 2,
    // The workflow parser imports its JSON schemas without import attributes,
    // which Node rejects; let Vite transform it instead.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
  },
})
