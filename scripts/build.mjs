// npm run build: generate the root action.yml, type-check, bundle every entry
// with ncc into dist/. The output must be byte-identical run to run, because
// CI rebuilds dist/ and fails on any diff (check-dist).
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
const ncc = require('@vercel/ncc')
const esbuild = require('esbuild')
const root = new URL('..', import.meta.url).pathname
const only = process.argv.slice(2)

const entries = [{ name: 'index', input: 'src/index.ts', out: 'dist/index.js' }]
for (const name of readdirSync(join(root, 'src/actions'))) {
  if (existsSync(join(root, 'src/actions', name, 'index.ts'))) {
    entries.push({ name, input: `src/actions/${name}/index.ts`, out: `dist/${name}/index.js` })
  }
}
if (existsSync(join(root, 'src/cli/index.ts'))) {
  entries.push({ name: 'cli', input: 'src/cli/index.ts', out: 'dist/cli/index.js' })
}

execFileSync(process.execPath, [join(root, 'scripts/gen-actions.mjs')], { stdio: 'inherit' })
if (!only.includes('--no-typecheck')) {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '--noEmit', '-p', root], {
    stdio: 'inherit',
  })
}

const selected = only.filter((a) => !a.startsWith('--'))
if (selected.length === 0) rmSync(join(root, 'dist'), { recursive: true, force: true })
mkdirSync(join(root, 'dist'), { recursive: true })
// ESM bundles: @actions/* 3+ are ESM-only. `#yaml`: see YAML below.
writeFileSync(
  join(root, 'dist/package.json'),
  `${JSON.stringify({ type: 'module', imports: { '#yaml': './lib/yaml.cjs' } }, null, 2)}\n`,
)

/**
 * The `yaml` package is one file of its own, dist/lib/yaml.cjs, that every
 * bundle requires as `#yaml` (dist/package.json's imports) when it first
 * needs the full parser (src/core/yaml-lib.ts). Inside a bundle it was half
 * of the entry file (about 115 KB), and node compiles all of an entry file
 * before running any of it: about 2.5 ms of every start-up, for a parser
 * that ordinary values files never reach. A chunk cannot be loaded
 * synchronously, and the parser's callers are synchronous: hence a plain
 * CommonJS file. `#yaml` resolves only to this file (never to a
 * node_modules folder of wherever dist/ is checked out).
 */
const YAML = { specifier: '#yaml', out: 'dist/lib/yaml.cjs' }

function buildYaml() {
  const pkg = require('yaml/package.json')
  const licence = readFileSync(join(dirname(require.resolve('yaml')), '../LICENSE'), 'utf8')
  const { outputFiles } = esbuild.buildSync({
    entryPoints: [require.resolve('yaml')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'es2022',
    minify: true,
    keepNames: true,
    charset: 'utf8',
    write: false,
    outfile: YAML.out,
    banner: { js: `/*! yaml ${pkg.version} (${pkg.license})\n${licence.trim()}\n*/` },
  })
  mkdirSync(join(root, dirname(YAML.out)), { recursive: true })
  writeFileSync(join(root, YAML.out), outputFiles[0].contents)
}
buildYaml()

/**
 * ncc minifies an entry's own file, not the chunks it loads on demand (the
 * GitHub client with undici is 1.2 MB as ncc leaves it, 0.6 MB minified).
 * Every job downloads this repository, dist/ included, and a run that loads
 * a chunk compiles it: both shrink. Names are kept (`keepNames`), as code
 * may read a class's or function's name; licence comments stay.
 */
const CHUNK = /^\d+\.index\.js$/

function minifyChunk(source, file) {
  const { code } = esbuild.transformSync(source.toString('utf8'), {
    minify: true,
    keepNames: true,
    format: 'esm',
    target: 'es2022',
    charset: 'utf8',
    sourcefile: file,
  })
  return code
}

for (const entry of entries) {
  if (selected.length > 0 && !selected.includes(entry.name)) continue
  const started = Date.now()
  const { code, assets } = await ncc(join(root, entry.input), {
    minify: true,
    sourceMap: false,
    license: 'licenses.txt',
    quiet: true,
    target: 'es2022',
    // ncc's build cache is shared by every build of the same entry path and
    // does not record its options: a cache left by a CommonJS build once made
    // an ESM-mode build emit a mix of both. Every build starts clean.
    cache: false,
    externals: { yaml: YAML.specifier },
  })
  const outDir = dirname(join(root, entry.out))
  // A bundle's folder holds only what this build wrote (no stale chunks).
  if (entry.name !== 'index') rmSync(outDir, { recursive: true, force: true })
  mkdirSync(outDir, { recursive: true })
  // The CLI keeps its shebang and is executable, for `bin` in package.json.
  writeFileSync(join(root, entry.out), code, { mode: code.startsWith('#!') ? 0o755 : 0o644 })
  for (const [file, asset] of Object.entries(assets)) {
    if (file === 'package.json') continue
    // The root bundle shares dist/ with the others' folders: only its license
    // file needs a name of its own; chunks keep theirs (the bundle loads them by name).
    const target =
      entry.name === 'index' && file === 'licenses.txt'
        ? join(outDir, 'root-licenses.txt')
        : join(outDir, file)
    mkdirSync(dirname(target), { recursive: true })
    writeFileSync(target, CHUNK.test(file) ? minifyChunk(asset.source, file) : asset.source)
  }
  const kib = (Buffer.byteLength(code) / 1024).toFixed(0)
  console.log(`${entry.out}  ${kib} KiB  ${Date.now() - started} ms`)
}
