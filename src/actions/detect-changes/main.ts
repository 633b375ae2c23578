import { existsSync, readFileSync } from 'node:fs'
import {
  type ChangeResult,
  changedServices,
  changeRange,
  discoverServices,
  matrixOf,
  type ServiceDefinition,
} from '../../core/changed-services'
import { UserError } from '../../core/errors'
import { eventContext } from '../../core/event-context'
import { parseServicesConfig } from '../../core/services-config'
import { resolveInWorkspace, workspaceRelative } from '../../core/workspace-path'
import { readEventPayload } from '../../io/event-payload'
import { git } from '../../io/git'
import { changedFiles, ensureCommits, mergeBase, treeFiles } from '../../io/git-changes'
import * as core from '../../io/runner'
import { getInputs } from './inputs'

const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/
// A revision a user may name: never an option (`--upload-pack=...`).
const REVISION = /^[A-Za-z0-9_][A-Za-z0-9_./^~@{}-]*$/

function checkRevision(value: string | undefined, input: string): void {
  if (value !== undefined && (!REVISION.test(value) || value.includes('..'))) {
    throw new UserError(
      `Input ${input} must be a commit SHA or a ref name, got ${JSON.stringify(value)}`,
    )
  }
}

async function resolveCommit(
  rev: string,
  cwd: string,
  remote: string,
  input: string,
): Promise<string> {
  if (SHA.test(rev)) {
    await ensureCommits([rev], { cwd, remote, log: core.info })
    return rev
  }
  const result = await git(
    ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`],
    {
      cwd,
      allowFailure: true,
    },
  )
  if (result.code !== 0)
    throw new UserError(`Input ${input}: "${rev}" is not a commit in this clone`)
  return result.stdout.trim()
}

async function repositoryRoot(dir: string): Promise<string> {
  const result = await git(['rev-parse', '--show-toplevel'], { cwd: dir, allowFailure: true })
  if (!existsSync(dir) || result.code !== 0) {
    throw new UserError(`Input path: ${dir} is not a git checkout (run actions/checkout first)`)
  }
  return result.stdout.trim()
}

function setOutputs(
  changed: ServiceDefinition[],
  all: ServiceDefinition[],
  base: string,
  head: string,
) {
  core.setOutput('services', JSON.stringify(changed.map((s) => s.name)))
  core.setOutput('matrix', JSON.stringify(matrixOf(changed)))
  core.setOutput('any-changed', changed.length > 0 ? 'true' : 'false')
  core.setOutput('all-services', JSON.stringify(all.map((s) => s.name)))
  core.setOutput('base', base)
  core.setOutput('head', head)
}

async function writeSummary(all: ServiceDefinition[], result: ChangeResult, reason: string) {
  const why = new Map(result.changed.map((c) => [c.service.name, c.because]))
  await core.summary
    .addHeading('detect-changes', 3)
    .addRaw(`<p>${reason}: ${result.changed.length} of ${all.length} service(s) changed</p>`, true)
    .addTable([
      [
        { data: 'service', header: true },
        { data: 'changed', header: true },
        { data: 'because', header: true },
      ],
      ...all.map((s) => [
        s.name,
        why.has(s.name) ? 'yes' : 'no',
        (why.get(s.name) ?? []).map((f) => `<code>${f}</code>`).join('<br>'),
      ]),
    ])
    .write()
}

export async function run(): Promise<void> {
  const inputs = getInputs()
  checkRevision(inputs.base, 'base')
  checkRevision(inputs.head, 'head')
  checkRevision(inputs.remote, 'remote')
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd()
  const repo = await repositoryRoot(resolveInWorkspace(workspace, inputs.path, 'path'))
  const servicesDir = workspaceRelative(
    repo,
    resolveInWorkspace(repo, inputs.servicesDir, 'services-dir'),
  )
  const ctx = eventContext(process.env, readEventPayload())
  const range = changeRange(ctx, { base: inputs.base, head: inputs.head })
  core.info(
    `Range: ${range.kind === 'diff' ? `${range.base}..${range.head}` : range.kind} (${range.reason})`,
  )

  if (range.kind === 'none') {
    core.notice(`No services to build: ${range.reason}`)
    setOutputs([], [], '', '')
    return
  }
  const options = { cwd: repo, remote: inputs.remote, log: core.info }
  const head = await resolveCommit(range.head || 'HEAD', repo, inputs.remote, 'head')

  let services: ServiceDefinition[]
  const sharedPaths = [...inputs.sharedPaths]
  if (inputs.config !== undefined) {
    const file = resolveInWorkspace(repo, inputs.config, 'config')
    if (!existsSync(file))
      throw new UserError(`Input config: ${inputs.config} does not exist in ${repo}`)
    const config = parseServicesConfig(
      readFileSync(file, 'utf8'),
      workspaceRelative(workspace, file),
      {
        root: repo,
        servicesDir,
      },
    )
    services = config.services
    sharedPaths.push(...config.sharedPaths)
  } else {
    const found = discoverServices(await treeFiles(head, repo), servicesDir)
    for (const name of found.ignored) {
      core.warning(
        `${servicesDir}/${name} has a Dockerfile but "${name}" cannot be an image name: left out`,
      )
    }
    services = found.services
  }
  core.info(`Services: ${services.map((s) => s.name).join(', ') || '(none)'}`)

  let result: ChangeResult
  let base = ''
  if (range.kind === 'all') {
    result = changedServices(services, 'all', sharedPaths)
  } else {
    const from = await resolveCommit(range.base, repo, inputs.remote, 'base')
    base = range.mergeBase ? await mergeBase(from, head, options) : from
    const files = await core.group(
      `Files changed ${base.slice(0, 12)}..${head.slice(0, 12)}`,
      async () => {
        const list = await changedFiles(base, head, repo)
        for (const file of list) core.info(file)
        return list
      },
    )
    result = changedServices(services, files, sharedPaths)
    if (result.shared.length > 0)
      core.info(`Shared path changed (${result.shared[0]}): every service`)
  }
  const changed = result.changed.map((c) => c.service)
  core.info(`Changed: ${changed.map((s) => s.name).join(', ') || '(none)'}`)
  setOutputs(changed, services, base, head)
  await writeSummary(services, result, range.reason)
}
