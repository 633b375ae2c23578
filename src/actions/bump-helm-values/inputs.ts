import { UserError } from '../../core/errors'
import { isCommitSha, isRepositorySlug } from '../../core/git-names'
import { parseKeyPath } from '../../core/key-path'
import * as core from '../../io/runner'
import { getBool, getEnum, getInt, getList, getOptional, getString } from '../common/inputs'

export interface Inputs {
  files: string[]
  fileTemplate: string
  services: string[]
  environment: string
  keys: string[]
  value: string | undefined
  /** The parsed `images` map, service -> raw value. */
  images: Record<string, unknown> | undefined
  digestKey: string | undefined
  imageName: string
  create: boolean
  commit: boolean
  push: boolean
  branch: string | undefined
  repository: string | undefined
  path: string
  token: string | undefined
  commitMessage: string
  author: { name: string; email: string }
  mode: 'push' | 'pull-request'
  pullRequestBranch: string
  commitMethod: 'git' | 'api'
  maxAttempts: number
  dryRun: boolean
  /** Where the images were built from, when not this run's repository and commit. */
  sourceRepository: string | undefined
  sourceCommit: string | undefined
}

export const DEFAULT_MESSAGE = 'Update {services} to {value} in {environment}'
const BOT = {
  name: 'github-actions[bot]',
  email: '41898282+github-actions[bot]@users.noreply.github.com',
}

export function parseAuthor(value: string | undefined): { name: string; email: string } {
  if (value === undefined) return BOT
  const match = /^\s*([^<>]+?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(value)
  if (!match) throw new UserError(`Input author must be "Name <email>", got "${value}"`)
  return { name: match[1]!, email: match[2]! }
}

function getImages(): Record<string, unknown> | undefined {
  const raw = getOptional('images')
  if (raw === undefined) return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch (error) {
    throw new UserError(`Input images is not valid JSON: ${(error as Error).message}`)
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new UserError('Input images must be a JSON object: {"service": "tag or digest", ...}')
  }
  if (Object.keys(parsed).length === 0) throw new UserError('Input images is an empty object')
  return parsed as Record<string, unknown>
}

/** The source inputs: a repository name and a full commit SHA, the repository never alone. */
function checkSource({ sourceRepository: repo, sourceCommit: commit }: Inputs): void {
  if (repo !== undefined && !isRepositorySlug(repo)) {
    throw new UserError(`Input source-repository must be owner/name, got "${repo}"`)
  }
  if (commit !== undefined && !isCommitSha(commit)) {
    throw new UserError(`Input source-commit must be a full commit SHA, got "${commit}"`)
  }
  // A commit means something only in its repository: both, or neither.
  if (repo !== undefined && commit === undefined) {
    throw new UserError(
      'Input source-repository needs source-commit: the commit the images were built from',
    )
  }
  if (commit !== undefined && repo === undefined) {
    throw new UserError(
      'Input source-commit needs source-repository: the repository the images were built from',
    )
  }
}

/** Every input, typed and checked in one place; a rejection names the input. */
export function getInputs(): Inputs {
  const token = getOptional('token')
  if (token) core.setSecret(token)
  const keys = getList('key')
  if (keys.length === 0) keys.push('image.tag')
  for (const key of keys) parseKeyPath(key)
  const digestKey = getOptional('digest-key')
  if (digestKey) parseKeyPath(digestKey)
  const inputs: Inputs = {
    files: getList('files'),
    fileTemplate: getString('file-template') || 'infra/helm-charts/{service}/values-{env}.yaml',
    services: getList('services', { commas: true }),
    environment: getString('environment').trim(),
    keys,
    value: getOptional('value'),
    images: getImages(),
    digestKey,
    imageName: getString('image-name') || '{service}',
    create: getBool('create', false),
    commit: getBool('commit', true),
    push: getBool('push', true),
    branch: getOptional('branch')?.trim(),
    repository: getOptional('repository')?.trim(),
    path: getString('path') || '.',
    token,
    commitMessage: getString('commit-message') || DEFAULT_MESSAGE,
    author: parseAuthor(getOptional('author')),
    mode: getEnum('mode', ['push', 'pull-request'] as const, 'push'),
    pullRequestBranch: getString('pull-request-branch') || 'bump/{env}/{services}',
    commitMethod: getEnum('commit-method', ['git', 'api'] as const, 'git'),
    maxAttempts: getInt('max-attempts', 10, { min: 1, max: 100 }),
    dryRun: getBool('dry-run', false),
    sourceRepository: getOptional('source-repository')?.trim(),
    sourceCommit: getOptional('source-commit')?.trim().toLowerCase(),
  }
  checkSource(inputs)
  if (inputs.value !== undefined && inputs.images !== undefined) {
    throw new UserError('Inputs value and images exclude each other: give one')
  }
  if (inputs.value === undefined && inputs.images === undefined) {
    throw new UserError('Input required and not supplied: value (or images)')
  }
  if (inputs.mode === 'pull-request' && !inputs.commit) {
    throw new UserError('mode: pull-request needs commit: true')
  }
  return inputs
}
