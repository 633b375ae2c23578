// The pure rules of the release script: versions, tags, changelog, pinning, arguments.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  changelogSection,
  compareVersions,
  findChangelogSection,
  floatingTags,
  formatVersion,
  insertChangelogSection,
  parseArgs,
  parseVersion,
  pinSelfReferences,
  planVersion,
  releaseTags,
  repositoryFromRemote,
} from '../scripts/release/core.mjs'
import { tempDir } from './harness/git-fixtures'
import { ROOT } from './harness/run-action'

const v = (text: string) => {
  const version = parseVersion(text)
  if (!version) throw new Error(`not semver: ${text}`)
  return version
}

describe('parseVersion', () => {
  it.each([
    '1.2.3',
    'v1.2.3',
    '0.0.0',
    '10.20.30',
    '1.0.0-rc.1',
    '1.0.0-alpha.beta.1',
    '1.0.0+build.5',
  ])('accepts %s', (text) => {
    expect(parseVersion(text)).toBeDefined()
  })

  it.each([
    '',
    '1',
    '1.2',
    'v1.x',
    '01.2.3',
    '1.02.3',
    '1.2.3-',
    '1.2.3-01',
    '1.2.3.4',
    'latest',
    ' v 1.2.3',
  ])('rejects %j', (text) => {
    expect(parseVersion(text)).toBeUndefined()
  })

  it('round-trips through formatVersion', () => {
    expect(formatVersion(v('v1.2.3-rc.1+b.7'))).toBe('1.2.3-rc.1+b.7')
  })
})

describe('compareVersions (semver precedence)', () => {
  const ordered = [
    '1.0.0-alpha',
    '1.0.0-alpha.1',
    '1.0.0-alpha.beta',
    '1.0.0-beta',
    '1.0.0-beta.2',
    '1.0.0-beta.11',
    '1.0.0-rc.1',
    '1.0.0',
    '1.0.1',
    '1.1.0',
    '1.10.0',
    '2.0.0',
  ]
  it('orders the semver.org example list', () => {
    const shuffled = [...ordered].reverse()
    expect(shuffled.sort((a, b) => compareVersions(v(a), v(b)))).toEqual(ordered)
  })

  it('ignores build metadata', () => {
    expect(compareVersions(v('1.0.0+a'), v('1.0.0+b'))).toBe(0)
  })
})

describe('planVersion', () => {
  const tags = ['v1', 'v1.0', 'v1.1', 'v1.0.0', 'v1.1.0', 'v1.1.1-rc.1', 'not-a-version']

  it('names the tag, the last release and the floating tags', () => {
    expect(planVersion('1.2.0', tags)).toMatchObject({
      tag: 'v1.2.0',
      previousTag: 'v1.1.1-rc.1',
      prerelease: false,
      floating: ['v1', 'v1.2'],
    })
    expect(planVersion('v2.0.0-rc.1', tags)).toMatchObject({
      tag: 'v2.0.0-rc.1',
      prerelease: true,
      floating: [],
    })
    expect(planVersion('0.1.0', [])).toMatchObject({ tag: 'v0.1.0', previousTag: undefined })
  })

  it('refuses a version that is not semver', () => {
    expect(() => planVersion('1.2', tags)).toThrow(/"1.2" is not a semver version/)
    expect(() => planVersion('1.2.0+meta', tags)).toThrow(/build metadata/)
  })

  it('refuses a version that is not greater than the last release', () => {
    expect(() => planVersion('1.1.1-rc.1', tags)).toThrow(/v1.1.1-rc.1 already exists/)
    expect(() => planVersion('1.1.0', tags)).toThrow(/already exists/)
    expect(() => planVersion('1.0.5', tags)).toThrow(
      /v1.0.5 is not greater than the last release v1.1.1-rc.1/,
    )
    expect(() => planVersion('1.1.1-beta', tags)).toThrow(/not greater/)
  })

  it('sees only vX.Y.Z tags as releases', () => {
    expect(releaseTags(['v3', 'v2.9', 'v1.0.0', 'release-5', 'v1.0.1']).map((t) => t.tag)).toEqual([
      'v1.0.1',
      'v1.0.0',
    ])
    expect(floatingTags(v('3.4.5'))).toEqual(['v3', 'v3.4'])
  })
})

describe('changelogSection', () => {
  const date = new Date('2026-11-23T10:00:00Z')
  const sha = (n: number) => String(n).repeat(40)

  it('groups Conventional Commits, links commits and the compare', () => {
    const section = changelogSection({
      tag: 'v1.2.0',
      date,
      previousTag: 'v1.1.0',
      repoUrl: 'https://github.com/minishop/actions',
      commits: [
        { sha: sha(1), subject: 'feat(promote): soak gate', author: 'a' },
        { sha: sha(2), subject: 'fix: keep comments <b>', author: 'a' },
        { sha: sha(3), subject: 'feat!: drop node20', author: 'a' },
        { sha: sha(4), subject: 'Tidy the README', author: 'a' },
      ],
    })
    expect(section).toBe(
      [
        '## v1.2.0 (2026-11-23)',
        '',
        '### Breaking changes',
        '',
        `- feat!: drop node20 ([3333333](https://github.com/minishop/actions/commit/${sha(3)}))`,
        '',
        '### Features',
        '',
        `- feat(promote): soak gate ([1111111](https://github.com/minishop/actions/commit/${sha(1)}))`,
        '',
        '### Fixes',
        '',
        `- fix: keep comments \\<b\\> ([2222222](https://github.com/minishop/actions/commit/${sha(2)}))`,
        '',
        '### Changes',
        '',
        `- Tidy the README ([4444444](https://github.com/minishop/actions/commit/${sha(4)}))`,
        '',
        '**Full changelog**: https://github.com/minishop/actions/compare/v1.1.0...v1.2.0',
        '',
      ].join('\n'),
    )
  })

  it('lists plain commits without headings', () => {
    const section = changelogSection({
      tag: 'v0.1.0',
      date,
      commits: [{ sha: sha(5), subject: 'First', author: 'a' }],
    })
    expect(section).toBe('## v0.1.0 (2026-11-23)\n\n- First (5555555)\n')
  })
})

describe('CHANGELOG.md', () => {
  it('is created with a header, and new sections go above older ones', () => {
    const first = insertChangelogSection(undefined, '## v1.0.0 (2026-01-01)\n\n- a\n')
    expect(first).toMatch(/^# Changelog\n/)
    const second = insertChangelogSection(first, '## v1.1.0 (2026-02-01)\n\n- b\n')
    expect(second.indexOf('## v1.1.0')).toBeLessThan(second.indexOf('## v1.0.0'))
    expect(findChangelogSection(second, 'v1.0.0')).toBe('## v1.0.0 (2026-01-01)\n\n- a\n')
    expect(findChangelogSection(second, 'v1.1.0')).toBe('## v1.1.0 (2026-02-01)\n\n- b\n')
    expect(findChangelogSection(second, 'v9.9.9')).toBeUndefined()
  })
})

describe('pinSelfReferences', () => {
  it('pins $/ references and nothing else', () => {
    const workflow = [
      'jobs:',
      '  a:',
      '    steps:',
      '      - uses: $/actions/bump-helm-values',
      '      - id: x',
      "        uses: '$/actions/promote'",
      '      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2',
      '      - uses: ./actions/local',
      '      - run: echo "uses: $/actions/not-a-step"',
      '',
    ].join('\n')
    const { text, count } = pinSelfReferences(workflow, 'minishop/actions', 'v1.2.0')
    expect(count).toBe(2)
    expect(text).toContain('      - uses: minishop/actions/actions/bump-helm-values@v1.2.0\n')
    expect(text).toContain("        uses: 'minishop/actions/actions/promote@v1.2.0'\n")
    expect(text).toContain('./actions/local')
    expect(text).toContain('echo "uses: $/actions/not-a-step"')
  })
})

describe('arguments and remotes', () => {
  it('parses the command line', () => {
    expect(parseArgs(['1.2.0', '--dry-run', '--pin-self-references'])).toMatchObject({
      version: '1.2.0',
      dryRun: true,
      pinSelfReferences: true,
      remote: 'origin',
    })
    expect(parseArgs(['--repository', 'o/n', 'v2.0.0', '--remote', 'up'])).toMatchObject({
      version: 'v2.0.0',
      repository: 'o/n',
      remote: 'up',
    })
    expect(parseArgs(['--help']).help).toBe(true)
    expect(() => parseArgs([])).toThrow(/version is missing/)
    expect(() => parseArgs(['1.0.0', '2.0.0'])).toThrow(/one version/)
    expect(() => parseArgs(['1.0.0', '--force'])).toThrow(/unknown option --force/)
    expect(() => parseArgs(['1.0.0', '--repository'])).toThrow(/needs a value/)
    expect(() => parseArgs(['1.0.0', '--repository', 'x'])).toThrow(/owner\/name/)
  })

  it.each([
    ['https://github.com/minishop/actions.git', 'minishop/actions'],
    ['https://github.example.com/minishop/actions', 'minishop/actions'],
    ['git@github.com:minishop/actions.git', 'minishop/actions'],
    ['ssh://git@github.com/minishop/actions.git', 'minishop/actions'],
    ['/tmp/remote.git', undefined],
  ])('reads the repository of %s', (url, repository) => {
    expect(repositoryFromRemote(url)).toBe(repository)
  })
})

describe('the release script itself', () => {
  it('type-checks (JSDoc, // @ts-check) and its core.d.mts is the one tsc generates', () => {
    // The root tsconfig leaves JavaScript out (allowJs would change the ncc
    // bundles), so the script has its own; tests see core.mjs through core.d.mts.
    const out = tempDir('release-types-')
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
    const project = join(ROOT, 'scripts/release/tsconfig.json')
    execFileSync(
      process.execPath,
      [tsc, '-p', project, '--noEmit', 'false', '--declaration'].concat([
        '--emitDeclarationOnly',
        '--outDir',
        out,
      ]),
    )
    expect(
      readFileSync(join(ROOT, 'scripts/release/core.d.mts'), 'utf8'),
      `regenerate: npx tsc -p ${project} --noEmit false --declaration --emitDeclarationOnly --outDir /tmp/d && cp /tmp/d/release/core.d.mts scripts/release/`,
    ).toBe(readFileSync(join(out, 'release/core.d.mts'), 'utf8'))
  })
})
