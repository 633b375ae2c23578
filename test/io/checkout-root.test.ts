import {
  appendFileSync,
  chownSync,
  lstatSync,
  mkdirSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { plainCheckoutHead } from '../../src/io/checkout-root'
import { commitFiles, git, makeRemote, tempDir } from '../harness/git-fixtures'

// plainCheckoutHead reads HEAD from the files, as git's files ref store
// does; every answer it gives is held to git's own, and every shape it does
// not know is left to git (undefined).

/** git's answer: HEAD's commit and branch. */
function gitSays(dir: string) {
  const ref = git(dir, 'rev-parse', '--symbolic-full-name', 'HEAD')
  return {
    root: realpathSync(dir),
    head: git(dir, 'rev-parse', 'HEAD'),
    branch: ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined,
  }
}

describe('plainCheckoutHead', () => {
  it('a fresh clone: the branch from HEAD, its commit from the loose ref', () => {
    const { clone } = makeRemote({ 'a.yaml': 'a: 1\n' })
    commitFiles(clone, { 'a.yaml': 'a: 2\n' })
    expect(plainCheckoutHead(clone)).toEqual(gitSays(clone))
    expect(plainCheckoutHead(clone)?.branch).toBe('main')
  })

  it('a branch only packed-refs lists, and a branch name with slashes', () => {
    const { clone } = makeRemote({ 'a.yaml': 'a: 1\n' })
    git(clone, 'checkout', '-q', '-b', 'release/v1.2')
    commitFiles(clone, { 'a.yaml': 'a: 3\n' })
    git(clone, 'pack-refs', '--all', '--prune')
    expect(plainCheckoutHead(clone)).toEqual(gitSays(clone))
    expect(plainCheckoutHead(clone)?.branch).toBe('release/v1.2')
  })

  it('a loose ref wins over an older packed one, as in git', () => {
    const { clone } = makeRemote({ 'a.yaml': 'a: 1\n' })
    git(clone, 'pack-refs', '--all')
    commitFiles(clone, { 'a.yaml': 'a: 4\n' })
    expect(plainCheckoutHead(clone)).toEqual(gitSays(clone))
  })

  it('a detached HEAD: its commit, no branch', () => {
    const { clone } = makeRemote({ 'a.yaml': 'a: 1\n' })
    git(clone, 'checkout', '-q', '--detach')
    expect(plainCheckoutHead(clone)).toEqual({ ...gitSays(clone), branch: undefined })
  })

  it('leaves to git what it does not read itself', () => {
    // An unborn branch: HEAD names a branch with no commit.
    const unborn = join(tempDir('unborn-'), 'repo')
    mkdirSync(unborn)
    git(unborn, 'init', '-q', '--initial-branch=main')
    expect(plainCheckoutHead(unborn)).toBeUndefined()

    // Another ref store (git 2.45's reftable).
    const { clone: reftable } = makeRemote({ 'a.yaml': 'a: 1\n' })
    appendFileSync(join(reftable, '.git/config'), '[extensions]\n\trefStorage = reftable\n')
    expect(plainCheckoutHead(reftable)).toBeUndefined()

    // A branch that is itself a symbolic ref.
    const { clone: symbolic } = makeRemote({ 'a.yaml': 'a: 1\n' })
    git(symbolic, 'symbolic-ref', 'refs/heads/alias', 'refs/heads/main')
    git(symbolic, 'symbolic-ref', 'HEAD', 'refs/heads/alias')
    expect(plainCheckoutHead(symbolic)).toBeUndefined()

    // A HEAD outside refs/heads, or a ref file that holds no object name.
    const { clone: odd } = makeRemote({ 'a.yaml': 'a: 1\n' })
    writeFileSync(join(odd, '.git/HEAD'), 'ref: refs/remotes/origin/main\n')
    expect(plainCheckoutHead(odd)).toBeUndefined()
    writeFileSync(join(odd, '.git/HEAD'), 'ref: refs/heads/main\n')
    writeFileSync(join(odd, '.git/refs/heads/main'), 'not an object name\n')
    expect(plainCheckoutHead(odd)).toBeUndefined()

    // A HEAD that is a symbolic link (core.preferSymlinkRefs): git reads a branch there.
    const { clone: linked } = makeRemote({ 'a.yaml': 'a: 1\n' })
    git(linked, 'config', 'core.preferSymlinkRefs', 'true')
    git(linked, 'checkout', '-q', '-b', 'staging')
    expect(lstatSync(join(linked, '.git/HEAD')).isSymbolicLink()).toBe(true)
    expect(plainCheckoutHead(linked)).toBeUndefined()

    // Branch names git refuses, written into HEAD by hand.
    const { clone: named } = makeRemote({ 'a.yaml': 'a: 1\n' })
    for (const name of ['a//main', './main', '.hidden', 'x@{1}', 'end.', 'main.lock', 'sp ace']) {
      writeFileSync(join(named, '.git/HEAD'), `ref: refs/heads/${name}\n`)
      expect(plainCheckoutHead(named), name).toBeUndefined()
    }

    // Repositories git reads otherwise, or refuses: bare, extensions, another owner.
    const { clone: bareConfig } = makeRemote({ 'a.yaml': 'a: 1\n' })
    git(bareConfig, 'config', 'core.bare', 'true')
    expect(plainCheckoutHead(bareConfig)).toBeUndefined()
    const { clone: extended } = makeRemote({ 'a.yaml': 'a: 1\n' })
    git(extended, 'config', 'extensions.worktreeConfig', 'true')
    expect(plainCheckoutHead(extended)).toBeUndefined()
    if (process.getuid?.() === 0) {
      const { clone: owned } = makeRemote({ 'a.yaml': 'a: 1\n' })
      chownSync(join(owned, '.git'), 65534, 65534)
      expect(plainCheckoutHead(owned)).toBeUndefined()
    }

    // A 64-digit name in a SHA-1 repository.
    const { clone: long } = makeRemote({ 'a.yaml': 'a: 1\n' })
    writeFileSync(join(long, '.git/refs/heads/main'), `${'a'.repeat(64)}\n`)
    expect(plainCheckoutHead(long)).toBeUndefined()

    // Not the root, a shallow clone, GIT_DIR set: plainCheckoutRoot's cases.
    const { bare, clone } = makeRemote({ 'infra/a.yaml': 'a: 1\n' })
    expect(plainCheckoutHead(join(clone, 'infra'))).toBeUndefined()
    expect(plainCheckoutHead(clone, { GIT_DIR: join(clone, '.git') })).toBeUndefined()
    const shallow = join(tempDir('shallow-'), 'repo')
    git(clone, 'clone', '-q', '--depth', '1', `file://${bare}`, shallow)
    expect(plainCheckoutHead(shallow)).toBeUndefined()
    rmSync(join(clone, '.git/refs'), { recursive: true })
    expect(plainCheckoutHead(clone)).toBeUndefined()
  })
})
