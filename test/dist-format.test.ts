// The bundles are CommonJS (see README, Dependency notes): node starts them
// faster than ESM. Webpack, under ncc, would turn an `import.meta.url` into the
// build machine's path in CommonJS output, and a bundle that node read as ESM
// would not run at all: both are caught here rather than on a runner.
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
  it('is read by node as CommonJS', () => {
    expect(JSON.parse(readFileSync(join(ROOT, 'dist/package.json'), 'utf8'))).toEqual({
      type: 'commonjs',
    })
  })

  it('holds no ESM-only syntax and no path of the machine that built it', () => {
    const files = bundleFiles()
    expect(files.length).toBeGreaterThan(10)
    for (const file of files) {
      const code = readFileSync(file, 'utf8')
      expect(code, file).not.toMatch(/import\.meta|file:\/\/\//)
      expect(code.includes(ROOT), file).toBe(false)
    }
  })
})
