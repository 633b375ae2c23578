// What node is told about dist/: the bundles are ES modules (the @actions/*
// packages are ESM-only; see README, Dependency notes), and no bundle carries
// a path of the machine that built it, which a runner would not have.
import { execFileSync } from 'node:child_process'
import { cpSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from './harness/git-fixtures'
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
  it('is read by node as ES modules, with #yaml naming the yaml parser file', () => {
    expect(JSON.parse(readFileSync(join(ROOT, 'dist/package.json'), 'utf8'))).toEqual({
      type: 'module',
      imports: { '#yaml': './lib/yaml.cjs' },
    })
  })

  it('loads the yaml parser from dist/lib alone, wherever dist/ is, and no bundle embeds it', () => {
    // A copy of dist/ with no node_modules anywhere above it, as on a runner.
    const copy = join(tempDir('dist-copy-'), 'dist')
    cpSync(join(ROOT, 'dist'), copy, { recursive: true })
    for (const bundle of ['promote/index.js', 'cli/index.js', 'index.js']) {
      const script = `const r = require('node:module').createRequire(${JSON.stringify(join(copy, bundle))}); const y = r('#yaml'); process.stdout.write(r.resolve('#yaml') + ' ' + JSON.stringify(y.parse('a: [1, {b: c}]')))`
      const out = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', cwd: copy })
      expect(out, bundle).toBe(`${join(copy, 'lib/yaml.cjs')} {"a":[1,{"b":"c"}]}`)
    }
    // The parser's own code (one of its messages) is in dist/lib/yaml.cjs only.
    const PARSER_MESSAGE = 'Implicit keys need to be on a single line'
    const withParser = bundleFiles().filter((f) => readFileSync(f, 'utf8').includes(PARSER_MESSAGE))
    expect(withParser.map((f) => f.slice(ROOT.length + 1))).toEqual([])
    expect(readFileSync(join(ROOT, 'dist/lib/yaml.cjs'), 'utf8')).toContain(PARSER_MESSAGE)
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
