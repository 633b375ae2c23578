import { describe, expect, it } from 'vitest'
import { isCommitSha, isRepositorySlug } from '../../src/core/git-names'

describe('git names', () => {
  it('a commit SHA is 40 hex digits, or 64 (SHA-256), lower case', () => {
    expect(isCommitSha('a'.repeat(40))).toBe(true)
    expect(isCommitSha('0123456789abcdef'.repeat(4))).toBe(true)
    for (const no of [
      'a'.repeat(39),
      'a'.repeat(41),
      'a'.repeat(63),
      'A'.repeat(40),
      `${'a'.repeat(40)}\n`,
      'main',
      '',
    ])
      expect(isCommitSha(no), JSON.stringify(no)).toBe(false)
  })

  it('a repository is owner/name', () => {
    expect(isRepositorySlug('minishop/user-service')).toBe(true)
    expect(isRepositorySlug('Mini.Shop/repo_1')).toBe(true)
    for (const no of ['minishop', 'a/b/c', '/b', 'a/', 'a b/c', 'https://github.com/a/b', ''])
      expect(isRepositorySlug(no), JSON.stringify(no)).toBe(false)
  })
})
