import { readFileSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { PrepareCommit } from '../../src/core/commit-plan'
import { UserError } from '../../src/core/errors'
import { commitAndPush, type GitCommitOptions } from '../../src/io/gitops-commit'
import { cloneOf, commitFiles, git, makeRemote } from '../harness/git-fixtures'

const AUTHOR = {
  name: 'github-actions[bot]',
  email: '41898282+github-actions[bot]@users.noreply.github.com',
}

function options(dir: string, prepare: PrepareCommit, extra: Partial<GitCommitOptions> = {}) {
  return {
    dir,
    branch: 'main',
    author: AUTHOR,
    push: true,
    maxAttempts: 5,
    prepare,
    backoff: { baseMs: 10, maxMs: 50 },
    ...extra,
  } satisfies GitCommitOptions
}

/** Appends a line to a file, computed from what the file holds at the tip. */
function appendLine(path: string, line: string, calls: string[] = []): PrepareCommit {
  return async (read, attempt) => {
    const now = (await read(path)) ?? ''
    calls.push(`${attempt}:${now}`)
    if (now.split('\n').includes(line)) return undefined
    return {
      files: [{ path, content: `${now}${line}\n` }],
      message: `Add ${line}\n\nSource-Commit: abc\n`,
    }
  }
}

describe('commitAndPush', () => {
  it('commits all files in one commit with the given author and pushes', async () => {
    const repo = makeRemote({ 'a.yaml': 'a: 1\n', 'b/c.yaml': 'c: 1\n' })
    const result = await commitAndPush(
      options(repo.clone, async (read) => ({
        files: [
          { path: 'a.yaml', content: (await read('a.yaml'))!.replace('1', '2') },
          { path: 'b/c.yaml', content: (await read('b/c.yaml'))!.replace('1', '2') },
        ],
        message: 'Update a and c\n\nRun-URL: https://example.test/run/1\n',
      })),
    )
    expect(result).toMatchObject({ changed: true, attempts: 1, files: ['a.yaml', 'b/c.yaml'] })
    expect(git(repo.bare, 'rev-parse', 'main')).toBe(result.commit)
    expect(git(repo.bare, 'log', '-1', '--format=%an <%ae>|%cn|%B', 'main').trimEnd()).toBe(
      `${AUTHOR.name} <${AUTHOR.email}>|${AUTHOR.name}|Update a and c\n\nRun-URL: https://example.test/run/1`,
    )
    expect(git(repo.bare, 'show', 'main:b/c.yaml')).toBe('c: 2')
    expect(git(repo.bare, 'rev-list', '--count', 'main')).toBe('2')
    // The checkout follows the pushed commit.
    expect(readFileSync(join(repo.clone, 'a.yaml'), 'utf8')).toBe('a: 2\n')
    expect(git(repo.clone, 'status', '--porcelain')).toBe('')
  })

  it('does nothing when nothing changes', async () => {
    const repo = makeRemote({ 'a.yaml': 'x\n' })
    const before = git(repo.bare, 'rev-parse', 'main')
    const result = await commitAndPush(options(repo.clone, appendLine('a.yaml', 'x')))
    expect(result).toEqual({ changed: false, commit: undefined, attempts: 1, files: [] })
    const same = await commitAndPush(
      options(repo.clone, async (read) => ({
        files: [{ path: 'a.yaml', content: (await read('a.yaml'))! }],
        message: 'm',
      })),
    )
    expect(same.changed).toBe(false)
    expect(git(repo.bare, 'rev-parse', 'main')).toBe(before)
  })

  it('recomputes the change at the new tip after a rejected push', async () => {
    const repo = makeRemote({ 'a.yaml': 'start\n' })
    const other = cloneOf(repo.bare)
    const calls: string[] = []
    const inner = appendLine('a.yaml', 'mine', calls)
    const result = await commitAndPush(
      options(repo.clone, async (read, attempt) => {
        const plan = await inner(read, attempt)
        if (attempt === 1) {
          // Another pipeline pushes between our read and our push.
          commitFiles(other, { 'a.yaml': 'start\ntheirs\n' }, 'theirs')
          git(other, 'push', '-q', 'origin', 'main')
        }
        return plan
      }),
    )
    expect(result.attempts).toBe(2)
    expect(calls).toEqual(['1:start\n', '2:start\ntheirs\n'])
    expect(git(repo.bare, 'show', 'main:a.yaml')).toBe('start\ntheirs\nmine')
    expect(git(repo.bare, 'log', '--format=%s', 'main')).toBe('Add mine\ntheirs\ninitial')
  })

  it('gives up after max-attempts with nothing pushed and the checkout untouched', async () => {
    const repo = makeRemote({ 'a.yaml': 'start\n' })
    const other = cloneOf(repo.bare)
    let n = 0
    const error = await commitAndPush(
      options(
        repo.clone,
        async (read) => {
          commitFiles(other, { 'other.txt': String(n++) }, 'race')
          git(other, 'push', '-q', 'origin', 'main')
          return {
            files: [{ path: 'a.yaml', content: `${await read('a.yaml')}x\n` }],
            message: 'm',
          }
        },
        { maxAttempts: 3 },
      ),
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UserError)
    expect((error as Error).message).toMatch(/rejected 3 times/)
    expect(git(repo.bare, 'show', 'main:a.yaml')).toBe('start')
    expect(git(repo.clone, 'rev-parse', 'main')).toBe(git(repo.clone, 'rev-parse', 'HEAD'))
    expect(git(repo.clone, 'log', '--format=%s', 'main')).toBe('initial')
    expect(git(repo.clone, 'status', '--porcelain')).toBe('')
  })

  it('aborts with nothing written when prepare refuses', async () => {
    const repo = makeRemote({ 'a.yaml': 'a\n' })
    const before = git(repo.bare, 'rev-parse', 'main')
    await expect(
      commitAndPush(
        options(repo.clone, async () => {
          throw new UserError('sealed plan differs')
        }),
      ),
    ).rejects.toThrow('sealed plan differs')
    expect(git(repo.bare, 'rev-parse', 'main')).toBe(before)
    expect(git(repo.clone, 'status', '--porcelain')).toBe('')
  })

  it('refuses to read through a symbolic link', async () => {
    const repo = makeRemote({ 'a.yaml': 'a\n' })
    symlinkSync('/etc', join(repo.clone, 'etc'))
    commitFiles(repo.clone, {}, 'add a link')
    git(repo.clone, 'push', '-q', 'origin', 'main')
    const read = (path: string) =>
      commitAndPush(
        options(repo.clone, async (r) => {
          await r(path)
          return undefined
        }),
      )
    await expect(read('etc/passwd')).rejects.toThrow(/symbolic link/)
    await expect(read('etc')).rejects.toThrow(/symbolic link/)
    await expect(read('../x.yaml')).rejects.toThrow(/outside the workspace/)
    await expect(read('missing.yaml')).resolves.toMatchObject({ changed: false })
  })

  it('push: false commits on the local branch only', async () => {
    const repo = makeRemote({ 'a.yaml': 'a\n' })
    const remoteBefore = git(repo.bare, 'rev-parse', 'main')
    const result = await commitAndPush(
      options(repo.clone, appendLine('a.yaml', 'b'), { push: false }),
    )
    expect(result.changed).toBe(true)
    expect(git(repo.clone, 'rev-parse', 'main')).toBe(result.commit)
    expect(readFileSync(join(repo.clone, 'a.yaml'), 'utf8')).toBe('a\nb\n')
    expect(git(repo.bare, 'rev-parse', 'main')).toBe(remoteBefore)
  })

  it('commits to another branch computed from a base, force-pushed', async () => {
    const repo = makeRemote({ 'a.yaml': 'a\n' })
    const first = await commitAndPush(
      options(repo.clone, appendLine('a.yaml', 'b'), {
        branch: 'bump/dev',
        base: 'main',
        force: true,
      }),
    )
    const second = await commitAndPush(
      options(repo.clone, appendLine('a.yaml', 'c'), {
        branch: 'bump/dev',
        base: 'main',
        force: true,
      }),
    )
    expect(first.changed && second.changed).toBe(true)
    expect(git(repo.bare, 'show', 'bump/dev:a.yaml')).toBe('a\nc')
    expect(git(repo.bare, 'rev-parse', 'bump/dev~1')).toBe(git(repo.bare, 'rev-parse', 'main'))
    // The checked-out main is not touched.
    expect(readFileSync(join(repo.clone, 'a.yaml'), 'utf8')).toBe('a\n')
  })

  it('fails plainly when the branch does not exist on the remote', async () => {
    const repo = makeRemote({ 'a.yaml': 'a\n' })
    await expect(
      commitAndPush(options(repo.clone, appendLine('a.yaml', 'b'), { branch: 'nope' })),
    ).rejects.toThrow(/Branch "nope" does not exist/)
  })
})
