import { parseDuration } from '../../core/duration'
import { UserError } from '../../core/errors'
import { type FreezeWindow, parseFreezeWindows } from '../../core/freeze-window'
import { parseKeyPath } from '../../core/key-path'
import { normalizeDigest } from '../../core/plan-digest'
import { isProduction } from '../../core/promotion-plan'
import * as core from '../../io/runner'
import { parseAuthor } from '../bump-helm-values/inputs'
import { getBool, getEnum, getInt, getList, getOptional, getString } from '../common/inputs'

export type Mode = 'plan' | 'apply' | 'rollback'

export interface Inputs {
  mode: Mode
  from: string | undefined
  to: string
  services: string[]
  fileTemplate: string
  /** The promoted key: compared, read from history. */
  key: string
  /** Further keys set to the same value. */
  alsoSet: string[]
  stages: string[]
  minSoakMs: number
  minSoakText: string | undefined
  soakSource: 'git' | 'deployments'
  requiredChecks: string[]
  freeze: FreezeWindow[]
  overrideFreeze: string | undefined
  requireApproval: boolean
  /** The GitHub Environment of the apply job: approvals and deployments. */
  githubEnvironment: string
  planDigest: string | undefined
  toValue: string | undefined
  deployments: boolean
  environmentUrl: string | undefined
  dryRun: boolean
  push: boolean
  branch: string | undefined
  repository: string | undefined
  path: string
  token: string | undefined
  commitMessage: string | undefined
  author: { name: string; email: string }
  /** git: commit in the checkout and push; api: GraphQL createCommitOnBranch (history still read from the checkout). */
  commitMethod: 'git' | 'api'
  maxAttempts: number
}

function environment(name: 'from' | 'to'): string | undefined {
  const value = getOptional(name)?.trim()
  if (value !== undefined && !/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(value)) {
    throw new UserError(
      `Input ${name} must be an environment name (letters, digits, ".", "_", "-"), got "${value}"`,
    )
  }
  return value
}

/** Every input, typed and checked in one place; a rejection names the input. */
export function getInputs(): Inputs {
  const token = getOptional('token')
  if (token) core.setSecret(token)
  const mode = getEnum('mode', ['plan', 'apply', 'rollback'] as const, 'plan')
  const to = environment('to')
  if (!to) throw new UserError('Input required and not supplied: to')
  const from = environment('from')
  if (mode !== 'rollback' && !from) throw new UserError('Input required and not supplied: from')
  if (from && from.toLowerCase() === to.toLowerCase()) {
    throw new UserError(
      `Inputs from and to are both "${to}": promote from one environment to another`,
    )
  }
  const keys = getList('key')
  if (keys.length === 0) keys.push('image.tag')
  for (const key of keys) parseKeyPath(key)
  const services = getList('services', { commas: true })
  if (mode === 'rollback' && services.length === 0) {
    throw new UserError('mode rollback needs services: name the services to roll back')
  }
  const approval = getEnum('require-approval', ['auto', 'true', 'false'] as const, 'auto')
  const githubEnvironment = getOptional('github-environment')?.trim() || to
  const digest = getOptional('plan-digest')
  const soak = getOptional('min-soak')
  const inputs: Inputs = {
    mode,
    from: mode === 'rollback' ? undefined : from,
    to,
    services: [...new Set(services)],
    fileTemplate: getString('file-template') || 'infra/helm-charts/{service}/values-{env}.yaml',
    key: keys[0]!,
    alsoSet: keys.slice(1),
    stages: getList('stages', { commas: true }),
    minSoakMs: soak === undefined ? 0 : parseDuration(soak, 'Input min-soak'),
    minSoakText: soak?.trim(),
    soakSource: getEnum('soak-source', ['git', 'deployments'] as const, 'git'),
    requiredChecks: [...new Set(getList('required-checks', { commas: true }))],
    freeze: parseFreezeWindows(getString('freeze'), 'Input freeze'),
    overrideFreeze: getOptional('override-freeze')?.trim() || undefined,
    requireApproval:
      approval === 'auto'
        ? isProduction(to) || isProduction(githubEnvironment)
        : approval === 'true',
    githubEnvironment,
    planDigest: digest === undefined ? undefined : normalizeDigest(digest, 'Input plan-digest'),
    toValue: getOptional('to-value')?.trim() || undefined,
    deployments: getBool('deployments', true),
    environmentUrl: getOptional('environment-url'),
    dryRun: getBool('dry-run', false),
    push: getBool('push', true),
    branch: getOptional('branch')?.trim(),
    repository: getOptional('repository')?.trim(),
    path: getString('path') || '.',
    token,
    commitMessage: getOptional('commit-message'),
    author: parseAuthor(getOptional('author')),
    commitMethod: getEnum('commit-method', ['git', 'api'] as const, 'git'),
    maxAttempts: getInt('max-attempts', 10, { min: 1, max: 100 }),
  }
  if (inputs.stages.length === 0) inputs.stages = ['dev', 'staging', 'prod']
  const writes = inputs.mode !== 'plan' && !inputs.dryRun
  if (writes && inputs.commitMethod === 'api' && !inputs.push) {
    throw new UserError(
      'Input push is false, but commit-method api commits on GitHub and cannot commit locally only: use dry-run: true to write nothing',
    )
  }
  if (writes && inputs.requireApproval && !inputs.planDigest) {
    throw new UserError(
      `Input plan-digest is required when approval is required (to: ${to}): pass the digest the plan job printed, so reviewers approve exactly what is applied`,
    )
  }
  return inputs
}

/**
 * "Now", for soak and freeze windows. MINISHOP_NOW (an ISO time) exists for
 * tests and demos that need a fixed clock; a runner never sets it.
 */
export function now(): Date {
  const fixed = process.env.MINISHOP_NOW
  if (!fixed) return new Date()
  const date = new Date(fixed)
  if (Number.isNaN(date.getTime())) {
    throw new UserError(`MINISHOP_NOW must be an ISO 8601 time, got "${fixed}"`)
  }
  return date
}
