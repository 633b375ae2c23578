// What node is told about dist/: the bundles are ES modules (the @actions/*
// packages are ESM-only; see README, Dependency notes), and no bundle carries
// a path of the machine that built it, which a runner would not have.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from './harness/run-action'

function bundleFiles(dir = join(ROOT, 'dist')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? bundleFiles(join(dir, entry.name))
      : entry.name.endsWith('.js')
        ? [join(dir, entry.name)]
        : [],
  )
}

describe('dist/', () => {
  it('is read by node as ES modules', () => {
    expect(JSON.parse(readFileSync(join(ROOT, 'dist/package.json'), 'utf8'))).toEqual({
      type: 'module',
    })
  })

  it('holds no path of the machine that built it', () => {
    const files = bundleFiles()
    expect(files.length).toBeGreaterThan(10)
    for (const file of files) {
      const code = readFileSync(file, 'utf8')
      expect(code.includes(ROOT), file).toBe(false)
      expect(code, file).not.toMatch(/file:\/\/\//)
    }
  })
})
