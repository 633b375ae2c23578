#!/usr/bin/env node
// @ts-check
// npm run release -- <version> [--dry-run] [--pin-self-references]
//
// Refuses a dirty tree, a stale dist/, a version that is not semver or not
// greater than the last release, a branch behind its remote; then writes the
// CHANGELOG.md section, commits it, tags vX.Y.Z (annotated), moves vX and
// vX.Y, pushes branch and tags in one atomic push, and creates the GitHub
// release. A failed push restores the local branch and tags. The rules live in
// scripts/release/core.mjs; this file does the IO in order.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  changelogSection,
  findChangelogSection,
  formatVersion,
  insertChangelogSection,
  parseArgs,
  parseVersion,
  pinSelfReferences,
  planVersion,
  ReleaseError,
  repositoryFromRemote,
  USAGE,
  UsageError,
} from './release/core.mjs'
import {
  commitsIn,
  git,
  gitOut,
  isAncestor,
  remoteBranch,
  remoteTags,
  revParse,
  staleBuildOutput,
} from './release/git.mjs'
import { releaseRequest, sendReleaseRequest } from './release/github.mjs'

/** @param {string} line */
const log = (line) => console.log(line)

/**
 * @param {string[]} argv
 * @param {NodeJS.ProcessEnv} env
 */
async function main(argv, env) {
  const args = parseArgs(argv)
  if (args.help) {
    log(USAGE)
    return
  }
  const root = git(process.cwd(), ['rev-parse', '--show-toplevel'], {
    allowFailure: true,
  }).stdout.trim()
  if (!root) throw new ReleaseError(`${process.cwd()} is not a git checkout`)
  const token = env.GITHUB_TOKEN || env.GH_TOKEN || ''
  const apiUrl = env.GITHUB_API_URL || 'https://api.github.com'
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
  const remoteUrl = git(root, ['remote', 'get-url', args.remote], {
    allowFailure: true,
  }).stdout.trim()
  if (!remoteUrl) throw new ReleaseError(`there is no git remote "${args.remote}" to push to`)
  const repository = args.repository || env.GITHUB_REPOSITORY || repositoryFromRemote(remoteUrl)
  if (!repository) {
    throw new ReleaseError(
      `cannot tell the GitHub repository from the remote URL ${remoteUrl}: pass --repository owner/name`,
    )
  }
  if (!args.dryRun && !token) {
    throw new ReleaseError('GITHUB_TOKEN (or GH_TOKEN) is needed to create the GitHub release')
  }
  if (args.releaseOnly)
    return releaseOnly(root, args.version, { apiUrl, repository, token, dryRun: args.dryRun })

  // --- refusals: nothing has been written yet -------------------------------
  const branch = git(root, ['symbolic-ref', '--short', '-q', 'HEAD'], {
    allowFailure: true,
  }).stdout.trim()
  if (!branch) throw new ReleaseError('HEAD is detached: check out the branch to release from')
  const dirty = gitOut(root, ['status', '--porcelain'])
  if (dirty) {
    throw new ReleaseError(`the working tree is not clean; commit or stash first:\n${dirty}`)
  }
  const onRemote = remoteTags(root, args.remote)
  const localTags = gitOut(root, ['tag', '--list']).split('\n').filter(Boolean)
  const plan = planVersion(args.version, [...new Set([...localTags, ...onRemote.keys()])])
  const remoteHead = remoteBranch(root, args.remote, branch)
  if (remoteHead && !isAncestor(root, remoteHead, 'HEAD')) {
    throw new ReleaseError(
      `${args.remote}/${branch} has commits this checkout lacks: pull (git pull --ff-only) and try again`,
    )
  }
  if (plan.previousTag && !revParse(root, `refs/tags/${plan.previousTag}`)) {
    throw new ReleaseError(
      `the last release ${plan.previousTag} is not here: git fetch --tags and try again`,
    )
  }
  const commits = commitsIn(root, plan.previousTag ? `${plan.previousTag}..HEAD` : 'HEAD')
  if (commits.length === 0) {
    throw new ReleaseError(`nothing to release: no commits since ${plan.previousTag}`)
  }
  const stale = staleBuildOutput(root, log)
  if (stale.length > 0) {
    throw new ReleaseError(
      `dist/ (or another build output) differs from a fresh build of HEAD: run npm run build and commit\n${stale.join('\n')}`,
    )
  }

  // --- what the release will do ----------------------------------------------
  const repoUrl = `${serverUrl}/${repository}`
  const section = changelogSection({
    tag: plan.tag,
    date: new Date(),
    commits,
    previousTag: plan.previousTag,
    repoUrl,
  })
  const changelogPath = join(root, 'CHANGELOG.md')
  const changelog = insertChangelogSection(
    existsSync(changelogPath) ? readFileSync(changelogPath, 'utf8') : undefined,
    section,
  )
  const pins = args.pinSelfReferences ? pinnedWorkflows(root, repository, plan.tag) : []
  const request = releaseRequest({
    apiUrl,
    repository,
    tag: plan.tag,
    body: section,
    prerelease: plan.prerelease,
  })
  const pushRefs = [
    `refs/heads/${branch}:refs/heads/${branch}`,
    `refs/tags/${plan.tag}:refs/tags/${plan.tag}`,
    ...plan.floating.map((tag) => `+refs/tags/${tag}:refs/tags/${tag}`),
  ]

  log(
    `\nRelease ${plan.tag} of ${repository} from ${branch} (${commits.length} commits since ${plan.previousTag ?? 'the beginning'})`,
  )
  log(`\n--- CHANGELOG.md: new section\n${section}---`)
  log(`commit "Release ${plan.tag}" (CHANGELOG.md) on ${branch}`)
  if (args.pinSelfReferences) {
    if (pins.length === 0) log('pin self-references: no "uses: $/..." to pin')
    for (const pin of pins)
      log(
        `pin ${pin.count} self-reference(s) in ${pin.path} to ${repository}/...@${plan.tag} (tagged commit only, not ${branch})`,
      )
  }
  log(`tag ${plan.tag} (annotated)`)
  for (const tag of plan.floating) {
    const now = onRemote.get(tag)
    log(`move ${tag}: ${now ? now.slice(0, 12) : '(new)'} -> ${plan.tag}`)
  }
  if (plan.prerelease) log('pre-release: vX and vX.Y stay where they are')
  log(`push (atomic): git push --atomic ${args.remote} ${pushRefs.join(' ')}`)
  log(`GitHub release: ${request.method} ${request.url}\n${JSON.stringify(request.body, null, 2)}`)

  if (args.dryRun) {
    log('\ndry run: nothing was written, tagged, pushed or created')
    return
  }

  // --- do it -----------------------------------------------------------------
  const before = {
    head: gitOut(root, ['rev-parse', 'HEAD']),
    tags: new Map(
      [plan.tag, ...plan.floating].map((tag) => [tag, revParse(root, `refs/tags/${tag}`)]),
    ),
  }
  try {
    writeFileSync(changelogPath, changelog)
    git(root, ['add', '--', 'CHANGELOG.md'])
    git(root, ['commit', '-q', '--no-verify', '-m', `Release ${plan.tag}`])
    let target = gitOut(root, ['rev-parse', 'HEAD'])
    if (pins.length > 0) target = pinnedCommit(root, branch, plan.tag, pins)
    const message = `${plan.tag}\n\n${section}`
    git(root, ['tag', '-a', '--cleanup=verbatim', '-F', '-', plan.tag, target], { input: message })
    for (const tag of plan.floating) {
      git(root, [
        'tag',
        '-f',
        '-a',
        '--cleanup=verbatim',
        '-m',
        `${tag}: latest is ${plan.tag}`,
        tag,
        target,
      ])
    }
    git(root, ['push', '--atomic', '--quiet', args.remote, ...pushRefs])
  } catch (error) {
    restore(root, branch, before)
    throw new ReleaseError(
      `${error instanceof Error ? error.message : String(error)}\nnothing was pushed; ${branch} and the tags are back where they were`,
    )
  }
  log(`pushed ${branch}, ${plan.tag}${plan.floating.map((t) => `, ${t}`).join('')}`)
  const created = await sendReleaseRequest(request, token, { log }).catch((error) => {
    throw new ReleaseError(
      `${error.message}\nthe tags are pushed; create the release with: npm run release -- ${plan.tag} --release-only`,
    )
  })
  log(`created the GitHub release ${created.html_url ?? plan.tag}`)
}

/**
 * The published workflows with their `uses: $/...` pinned to the release tag.
 * @param {string} root
 * @param {string} repository
 * @param {string} tag
 */
function pinnedWorkflows(root, repository, tag) {
  const dir = join(root, '.github/workflows')
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => {
      const path = `.github/workflows/${name}`
      return { path, ...pinSelfReferences(readFileSync(join(root, path), 'utf8'), repository, tag) }
    })
    .filter((pin) => pin.count > 0)
}

/**
 * A commit on top of the release commit, on no branch, with the pinned
 * workflows: the tags point at it, the branch keeps `$/`.
 * @param {string} root
 * @param {string} branch
 * @param {string} tag
 * @param {{ path: string, text: string }[]} pins
 */
function pinnedCommit(root, branch, tag, pins) {
  git(root, ['checkout', '-q', '--detach'])
  for (const pin of pins) writeFileSync(join(root, pin.path), pin.text)
  git(root, ['add', '--', ...pins.map((pin) => pin.path)])
  git(root, [
    'commit',
    '-q',
    '--no-verify',
    '-m',
    `${tag}: pin the library's own references to ${tag}\n\nFor GitHub Enterprise Server, which has no $/ self-references.`,
  ])
  const target = gitOut(root, ['rev-parse', 'HEAD'])
  git(root, ['checkout', '-q', branch])
  return target
}

/**
 * @param {string} root
 * @param {string} branch
 * @param {{ head: string, tags: Map<string, string | undefined> }} before
 */
function restore(root, branch, before) {
  git(root, ['checkout', '-q', '-f', branch], { allowFailure: true })
  git(root, ['reset', '-q', '--hard', before.head], { allowFailure: true })
  for (const [tag, object] of before.tags) {
    if (object) git(root, ['update-ref', `refs/tags/${tag}`, object], { allowFailure: true })
    else git(root, ['update-ref', '-d', `refs/tags/${tag}`], { allowFailure: true })
  }
}

/**
 * Creates the GitHub release of a tag that is already pushed (after a failed API call).
 * @param {string} root
 * @param {string} requested
 * @param {{ apiUrl: string, repository: string, token: string, dryRun: boolean }} options
 */
async function releaseOnly(root, requested, { apiUrl, repository, token, dryRun }) {
  const version = parseVersion(requested)
  if (!version) throw new ReleaseError(`"${requested}" is not a semver version`)
  const tag = `v${formatVersion(version)}`
  if (!revParse(root, `refs/tags/${tag}`)) throw new ReleaseError(`there is no tag ${tag} here`)
  const changelog = git(root, ['show', `${tag}:CHANGELOG.md`], { allowFailure: true }).stdout
  const body = findChangelogSection(changelog, tag)
  if (!body) throw new ReleaseError(`CHANGELOG.md at ${tag} has no section for ${tag}`)
  const request = releaseRequest({
    apiUrl,
    repository,
    tag,
    body,
    prerelease: version.prerelease.length > 0,
  })
  log(`GitHub release: ${request.method} ${request.url}\n${JSON.stringify(request.body, null, 2)}`)
  if (dryRun) {
    log('\ndry run: nothing was created')
    return
  }
  const created = await sendReleaseRequest(request, token, { log })
  log(`created the GitHub release ${created.html_url ?? tag}`)
}

main(process.argv.slice(2), process.env).catch((error) => {
  if (error instanceof UsageError) {
    console.error(`release: ${error.message}\n\n${USAGE}`)
    process.exitCode = 2
  } else if (error instanceof ReleaseError) {
    console.error(`release: ${error.message}`)
    process.exitCode = 1
  } else {
    console.error(error)
    process.exitCode = 1
  }
})
