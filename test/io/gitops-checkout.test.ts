import { mkdirSync, realpathSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { describeCheckout } from '../../src/io/gitops-checkout'
import { commitFiles, git, makeRemote, tempDir } from '../harness/git-fixtures'

describe('describeCheckout (one git process for root, shallowness, HEAD and branch)', () => {
  it('answers from a subdirectory of a branch checkout', async () => {
    const { clone } = makeRemote({ 'infra/a.yaml': 'a: 1\n' })
    const head = git(clone, 'rev-parse', 'HEAD')
    expect(await describeCheckout(join(clone, 'infra'))).toEqual({
      root: realpathSync(clone),
      shallow: false,
      head,
      branch: 'main',
    })
  })

  it('tells a detached HEAD and a shallow clone', async () => {
    const { bare, clone } = makeRemote({ 'a.yaml': 'a: 1\n' })
    commitFiles(clone, { 'a.yaml': 'a: 2\n' })
    git(clone, 'push', '-q', 'origin', 'main')
    const shallow = join(tempDir('shallow-'), 'repo')
    git(clone, 'clone', '-q', '--depth', '1', `file://${bare}`, shallow)
    git(shallow, 'checkout', '-q', '--detach')
    expect(await describeCheckout(shallow)).toMatchObject({
      shallow: true,
      head: git(clone, 'rev-parse', 'HEAD'),
      branch: undefined,
    })
  })

  it('has no answer outside a checkout or on an unborn branch (callers then ask one at a time)', async () => {
    const outside = tempDir('not-git-')
    expect(await describeCheckout(outside)).toBeUndefined()
    const unborn = join(tempDir('unborn-'), 'repo')
    mkdirSync(unborn)
    git(unborn, 'init', '-q', '--initial-branch=main')
    expect(await describeCheckout(unborn)).toBeUndefined()
  })
})
