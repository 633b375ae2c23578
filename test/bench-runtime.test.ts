// The benchmarks' runtime (bench/runtime.ts): the node major the actions
// declare, never a silent stand-in.
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { declaredNodeMajor, PINNED_NODE, runnerNode } from '../bench/runtime'

describe('bench runtime', () => {
  it('pins a node release of the major every action declares', () => {
    // Moving the actions to another runtime must move the benchmarks with them.
    expect(declaredNodeMajor()).toBe(24)
    expect(PINNED_NODE.split('.')[0]).toBe(String(declaredNodeMajor()))
  })

  it('runs BENCH_NODE when it is set', () => {
    const runtime = runnerNode({ BENCH_NODE: process.execPath })
    expect(runtime).toEqual({ path: process.execPath, version: process.version })
  })

  it('says so when it cannot fetch the declared node, and runs this one', () => {
    const cache = mkdtempSync(join(tmpdir(), 'bench-node-'))
    const runtime = runnerNode({ npm_execpath: join(cache, 'no-such-npm-cli.js') }, cache)
    expect(runtime.path).toBe(process.execPath)
    if (process.versions.node.startsWith(`${declaredNodeMajor()}.`)) {
      expect(runtime.note).toBeUndefined()
    } else {
      expect(runtime.note).toMatch(
        new RegExp(
          `^node ${PINNED_NODE}, the runners' major, could not be fetched \\(.+\\): measured on ${process.version}$`,
        ),
      )
      // Nothing half-fetched is left for a later run to take.
      expect(
        existsSync(join(cache, `node-${process.platform}-${process.arch}-${PINNED_NODE}`)),
      ).toBe(false)
    }
  })
})
