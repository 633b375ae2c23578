// minishop-actions: the actions' own adapters, run locally. Same names and
// options as the action inputs (`--kebab-case`), exit codes 0 (done),
// 1 (refused or failed, with the reason), 2 (usage).
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { ACTION_METADATA } from '../actions/metadata.generated'
import { type ArgSpec, parseArgs, UsageError } from './args'
import { runDemo } from './demo'
import { localContext } from './local-context'
import { runLocally } from './local-runner'
import { createReporter } from './reporter'

export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  isTTY: boolean
  env: NodeJS.ProcessEnv
  cwd: string
}

/** CLI command -> action, with flags that are shorthands for an input value. */
const COMMANDS: Record<string, { action: string; aliases?: ArgSpec['aliases']; summary?: string }> =
  {
    'build-and-tag': { action: 'build-and-tag' },
    'detect-changes': { action: 'detect-changes' },
    bump: { action: 'bump-helm-values' },
    'bump-helm-values': { action: 'bump-helm-values' },
    promote: {
      action: 'promote',
      aliases: {
        plan: {
          input: 'mode',
          value: 'plan',
          description: 'show what would be promoted (mode: plan)',
        },
        apply: { input: 'mode', value: 'apply', description: 'promote (mode: apply)' },
        rollback: { input: 'mode', value: 'rollback', description: 'roll back (mode: rollback)' },
      },
    },
    'kind-integration': { action: 'kind-integration' },
  }

const COMMON_FLAGS: ArgSpec['flags'] = {
  help: { value: false, description: 'show this help' },
  json: {
    value: false,
    description: 'print one JSON object (outputs, errors, exitCode) on stdout',
  },
  verbose: { value: false, description: 'also show debug lines' },
  workspace: {
    value: true,
    description: 'the repository to work in (default: the current directory)',
  },
  'event-name': { value: true, description: 'the GitHub event to act as (default: push)' },
  event: { value: true, description: 'a GitHub event payload JSON file to act on' },
  ref: { value: true, description: 'the git ref to act as (default: the checked-out branch)' },
  sha: { value: true, description: 'the commit to act as (default: HEAD)' },
  'source-repository': {
    value: true,
    description:
      'owner/name of the repository the change comes from (default: from the origin remote)',
  },
}

/**
 * The CLI-only flags of a command. An action input of the same name wins:
 * `bump --source-repository` is bump-helm-values' input (what its commit
 * records), not the run's repository.
 */
function flagsOf(command: { action: string }): ArgSpec['flags'] {
  const all = command.action === 'promote' ? { ...COMMON_FLAGS, ...PROMOTE_FLAGS } : COMMON_FLAGS
  const inputs = ACTION_METADATA[command.action]?.inputs ?? {}
  return Object.fromEntries(Object.entries(all).filter(([name]) => !(name in inputs)))
}

const PROMOTE_FLAGS: ArgSpec['flags'] = {
  'approved-by': {
    value: true,
    description: 'who approved, when no GitHub run exists (recorded in the commit as Approved-by)',
  },
}

/** Inputs whose defaults differ outside a runner. */
const LOCAL_DEFAULTS: Record<string, Record<string, string>> = {
  // A laptop or a self-hosted box already has its tools; the CLI never downloads them.
  'kind-integration': { tools: 'path' },
}

function usage(): string {
  const names = Object.keys(COMMANDS).filter((c) => c !== 'bump-helm-values')
  return [
    'Usage: minishop-actions <command> [options]',
    '',
    "Commands (each takes its action's inputs as --kebab-case options):",
    ...names.map(
      (n) => `  ${n.padEnd(18)} ${ACTION_METADATA[COMMANDS[n]!.action]?.description ?? ''}`,
    ),
    '  demo               run the whole pipeline locally against throwaway repos (--keep to keep them)',
    '',
    'Run `minishop-actions <command> --help` for its options.',
    'Exit codes: 0 done, 1 refused or failed (the reason is printed), 2 usage error.',
  ].join('\n')
}

function wrap(text: string, indent: number, width = 100): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ')
  const lines: string[] = []
  let line = ''
  for (const word of words) {
    if (line && line.length + word.length + 1 > width - indent) {
      lines.push(line)
      line = word
    } else {
      line = line ? `${line} ${word}` : word
    }
  }
  if (line) lines.push(line)
  return lines.join(`\n${' '.repeat(indent)}`)
}

function commandHelp(name: string): string {
  const command = COMMANDS[name]!
  const spec = ACTION_METADATA[command.action]!
  const option = (flag: string, text: string): string => `  ${flag.padEnd(28)} ${wrap(text, 31)}`
  const lines = [
    `Usage: minishop-actions ${name} [options]`,
    '',
    wrap(spec.description, 0),
    '',
    'Options:',
  ]
  for (const [alias, a] of Object.entries(command.aliases ?? {}))
    lines.push(option(`--${alias}`, a.description))
  for (const [input, i] of Object.entries(spec.inputs)) {
    if (input === 'mode' && command.aliases) continue
    const boolean = i.default === 'true' || i.default === 'false'
    const flag = boolean
      ? `--${input}${i.default === 'true' ? `, --no-${input}` : ''}`
      : `--${input} <value>`
    const local = LOCAL_DEFAULTS[command.action]?.[input]
    const dflt = local ?? i.default
    const suffix = i.required
      ? ' (required)'
      : dflt !== undefined && dflt !== '' && !dflt.includes('${{')
        ? ` (default: ${dflt})`
        : ''
    lines.push(option(flag, `${i.description}${suffix}`))
  }
  for (const [flag, f] of Object.entries(flagsOf(command)))
    lines.push(option(`--${flag}${f.value ? ' <value>' : ''}`, f.description))
  lines.push('', 'List inputs take the option once per item (--tags a --tags b).')
  if (Object.keys(spec.outputs).length > 0) {
    lines.push('', 'Outputs (printed on success; --json for scripts):')
    for (const [output, o] of Object.entries(spec.outputs))
      lines.push(option(output, o.description))
  }
  return lines.join('\n')
}

function printOutputs(outputs: Record<string, string>, out: (t: string) => void): void {
  for (const [name, value] of Object.entries(outputs)) {
    if (value.includes('\n')) out(`${name}:\n${value.replace(/^/gm, '  ')}\n`)
    else out(`${name}: ${value}\n`)
  }
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    ;(name === undefined ? io.stderr : io.stdout)(`${usage()}\n`)
    return name === undefined ? 2 : 0
  }
  if (name === 'demo') {
    return runDemo(rest, io)
  }
  const command = COMMANDS[name]
  if (!command) {
    io.stderr(`Unknown command "${name}"\n\n${usage()}\n`)
    return 2
  }
  const action = ACTION_METADATA[command.action]!
  const flags = flagsOf(command)
  let parsed: ReturnType<typeof parseArgs>
  try {
    parsed = parseArgs(rest, { action, flags, aliases: command.aliases })
    if (parsed.positional.length > 0)
      throw new UsageError(`Unexpected argument "${parsed.positional[0]}"`)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    io.stderr(
      `minishop-actions ${name}: ${error.message}\nRun \`minishop-actions ${name} --help\` for its options.\n`,
    )
    return 2
  }
  if (parsed.flags.help) {
    io.stdout(`${commandHelp(name)}\n`)
    return 0
  }

  const json = parsed.flags.json === true
  const workspace = resolve(io.cwd, String(parsed.flags.workspace ?? '.'))
  const context = localContext({
    workspace,
    eventName: parsed.flags['event-name'] as string | undefined,
    ref: parsed.flags.ref as string | undefined,
    sha: parsed.flags.sha as string | undefined,
  })
  let event = context.event
  if (typeof parsed.flags.event === 'string') {
    try {
      event = JSON.parse(readFileSync(resolve(io.cwd, parsed.flags.event), 'utf8'))
    } catch (error) {
      io.stderr(
        `minishop-actions ${name}: --event ${parsed.flags.event}: ${(error as Error).message}\n`,
      )
      return 2
    }
  }
  const inputs = { ...LOCAL_DEFAULTS[command.action], ...parsed.inputs }
  // A token from the environment, as gh and most CLIs take it; never required for local-only work.
  const token = io.env.GITHUB_TOKEN ?? io.env.GH_TOKEN
  if (inputs.token === undefined && token && action.inputs.token) inputs.token = token
  const env: Record<string, string> = { ...context.env }
  if (typeof parsed.flags['source-repository'] === 'string') {
    env.GITHUB_REPOSITORY = parsed.flags['source-repository']
    env.GITHUB_REPOSITORY_OWNER = parsed.flags['source-repository'].split('/')[0] ?? ''
  }
  if (typeof parsed.flags['approved-by'] === 'string') {
    env.MINISHOP_LOCAL_APPROVED_BY = parsed.flags['approved-by']
  }

  const reporter = createReporter({
    tty: io.isTTY && !json,
    log: json ? io.stderr : io.stdout,
    logError: io.stderr,
    verbose: parsed.flags.verbose === true,
  })
  const result = await runLocally({ command: command.action, inputs, env, event, reporter })
  if (json) {
    io.stdout(
      `${JSON.stringify({ command: command.action, ok: result.exitCode === 0, exitCode: result.exitCode === 0 ? 0 : 1, outputs: result.outputs, errors: reporter.errors }, null, 2)}\n`,
    )
  } else if (result.exitCode === 0) {
    printOutputs(result.outputs, io.stdout)
  }
  return result.exitCode === 0 ? 0 : 1
}
