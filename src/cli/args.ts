import type { ActionSpec } from '../actions/metadata.generated'

/** A mistake in how the CLI was called: exit code 2, with the flag named. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

export interface ParsedArgs {
  /** Action inputs by their action.yml names. Repeated flags join with newlines (list inputs). */
  inputs: Record<string, string>
  /** CLI-only flags (`--json`, `--help`, ...), by name. */
  flags: Record<string, string | true>
  positional: string[]
}

export interface ArgSpec {
  /** The action whose inputs become `--kebab-case` flags. */
  action?: ActionSpec
  /** CLI-only flags: name -> takes a value? */
  flags: Record<string, { value: boolean; description: string }>
  /** Flags that are shorthands for one input value (`--plan` -> mode=plan). */
  aliases?: Record<string, { input: string; value: string; description: string }>
}

function closest(name: string, candidates: string[]): string | undefined {
  // Cheap "did you mean": same prefix or a one-character edit away is enough here.
  return candidates.find(
    (c) => c.startsWith(name) || name.startsWith(c) || editDistance(c, name) <= 2,
  )
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1))
      previous = current
    }
  }
  return row[b.length]!
}

/** True for inputs that read "true"/"false" (their default says so). */
function isBooleanInput(spec: ActionSpec, name: string): boolean {
  const d = spec.inputs[name]?.default
  return d === 'true' || d === 'false'
}

export function parseArgs(argv: readonly string[], spec: ArgSpec): ParsedArgs {
  const result: ParsedArgs = { inputs: {}, flags: {}, positional: [] }
  const inputNames = Object.keys(spec.action?.inputs ?? {})
  const known = [...inputNames, ...Object.keys(spec.flags), ...Object.keys(spec.aliases ?? {})]
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--') {
      result.positional.push(...argv.slice(i + 1))
      break
    }
    if (!arg.startsWith('--')) {
      if (arg.startsWith('-') && arg !== '-') {
        if (arg === '-h') {
          result.flags.help = true
          continue
        }
        throw new UsageError(`Unknown option ${arg}`)
      }
      result.positional.push(arg)
      continue
    }
    const eq = arg.indexOf('=')
    let name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2)
    let inline: string | undefined = eq >= 0 ? arg.slice(eq + 1) : undefined
    const takeValue = (): string => {
      if (inline !== undefined) return inline
      const next = argv[i + 1]
      if (next === undefined || (next.startsWith('--') && next.length > 2)) {
        throw new UsageError(`Option --${name} needs a value`)
      }
      i++
      return next
    }

    const alias = spec.aliases?.[name]
    if (alias) {
      if (inline !== undefined) throw new UsageError(`Option --${name} takes no value`)
      const existing = result.inputs[alias.input]
      if (existing !== undefined && existing !== alias.value) {
        throw new UsageError(
          `Options --${name} and ${alias.input}=${existing} contradict each other`,
        )
      }
      result.inputs[alias.input] = alias.value
      continue
    }
    const flag = spec.flags[name]
    if (flag) {
      result.flags[name] = flag.value ? takeValue() : true
      continue
    }
    // `--no-push` sets a boolean input to false.
    if (name.startsWith('no-') && spec.action && isBooleanInput(spec.action, name.slice(3))) {
      if (inline !== undefined) throw new UsageError(`Option --${name} takes no value`)
      result.inputs[name.slice(3)] = 'false'
      continue
    }
    if (spec.action?.inputs[name]) {
      let value: string
      if (isBooleanInput(spec.action, name)) {
        const next = argv[i + 1]
        if (inline === undefined && next !== undefined && /^(true|false)$/.test(next)) {
          inline = next
          i++
        }
        value = inline ?? 'true'
      } else {
        value = takeValue()
      }
      const previous = result.inputs[name]
      result.inputs[name] = previous === undefined ? value : `${previous}\n${value}`
      continue
    }
    const suggestion = closest(name, known)
    name = `--${name}`
    throw new UsageError(
      `Unknown option ${name}${suggestion ? ` (did you mean --${suggestion}?)` : ''}`,
    )
  }
  return result
}
