import { UserError } from '../../core/errors'
import * as core from '../../io/runner'

// Typed input getters: every rejection names the input, so a user sees which
// line of their workflow to fix.

export function getString(name: string, options: { required?: boolean } = {}): string {
  const value = core.getInput(name)
  if (options.required && value === '') {
    throw new UserError(`Input required and not supplied: ${name}`)
  }
  return value
}

export function getOptional(name: string): string | undefined {
  const value = core.getInput(name)
  return value === '' ? undefined : value
}

const TRUE = new Set(['true', 'True', 'TRUE', 'yes', '1', 'on'])
const FALSE = new Set(['false', 'False', 'FALSE', 'no', '0', 'off'])

export function getBool(name: string, fallback: boolean): boolean {
  const value = core.getInput(name)
  if (value === '') return fallback
  if (TRUE.has(value)) return true
  if (FALSE.has(value)) return false
  throw new UserError(`Input ${name} must be true or false, got "${value}"`)
}

/** One item a line (or comma separated); blank lines and `#` comments dropped. */
export function getList(name: string, options: { commas?: boolean } = {}): string[] {
  return splitList(core.getInput(name), options.commas ?? false)
}

export function splitList(value: string, commas: boolean): string[] {
  const lines = value.split(/\r?\n/)
  const items = commas ? lines.flatMap((line) => line.split(',')) : lines
  return items.map((item) => item.trim()).filter((item) => item !== '' && !item.startsWith('#'))
}

export function getInt(
  name: string,
  fallback: number,
  range: { min?: number; max?: number } = {},
): number {
  const value = core.getInput(name)
  if (value === '') return fallback
  if (!/^-?\d+$/.test(value)) {
    throw new UserError(`Input ${name} must be a whole number, got "${value}"`)
  }
  const n = Number(value)
  if ((range.min !== undefined && n < range.min) || (range.max !== undefined && n > range.max)) {
    throw new UserError(
      `Input ${name} must be between ${range.min ?? '-∞'} and ${range.max ?? '∞'}, got ${n}`,
    )
  }
  return n
}

export function getEnum<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const value = core.getInput(name)
  if (value === '') return fallback
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UserError(`Input ${name} must be one of ${allowed.join(', ')}, got "${value}"`)
  }
  return value as T
}

export function getJson<T = unknown>(name: string): T | undefined {
  const value = core.getInput(name)
  if (value === '') return undefined
  try {
    return JSON.parse(value) as T
  } catch (error) {
    throw new UserError(`Input ${name} is not valid JSON: ${(error as Error).message}`)
  }
}
