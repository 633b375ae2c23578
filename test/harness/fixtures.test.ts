import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cloneOf, commitFiles, git, makeRemote } from './git-fixtures'
import { startFakeGitHub } from './github-api'

describe('git fixtures', () => {
  it('makes a bare remote and clones that push to it', () => {
    const repo = makeRemote({ 'a.txt': 'one\n' })
    const other = cloneOf(repo.bare)
    const sha = commitFiles(other, { 'a.txt': 'two\n' }, 'second')
    git(other, 'push', '-q', 'origin', 'main')
    git(repo.clone, 'pull', '-q')
    expect(git(repo.clone, 'rev-parse', 'HEAD')).toBe(sha)
    expect(readFileSync(join(repo.clone, 'a.txt'), 'utf8')).toBe('two\n')
  })
})

describe('fake GitHub API', () => {
  it('routes by method and path parameters and records every request', async () => {
    const api = await startFakeGitHub({
      'GET /repos/:owner/:repo': (_req, p) => ({ body: { full_name: `${p.owner}/${p.repo}` } }),
    })
    try {
      const ok = await fetch(`${api.url}/repos/minishop/gitops`)
      expect(await ok.json()).toEqual({ full_name: 'minishop/gitops' })
      const missing = await fetch(`${api.url}/nope`, { method: 'POST', body: '{"a":1}' })
      expect(missing.status).toBe(404)
      expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
        'GET /repos/minishop/gitops',
        'POST /nope',
      ])
      expect(api.requests[1]?.body).toEqual({ a: 1 })
    } finally {
      await api.close()
    }
  })
})
