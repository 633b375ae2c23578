import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { ROOT } from './run-action'

function yamlIn(dir: string): string[] {
  const abs = join(ROOT, dir)
  if (!existsSync(abs)) return []
  return readdirSync(abs)
    .filter((f) => f.endsWith('.yml') || f.endsWith('.yaml'))
    .sort()
    .map((f) => join(dir, f))
}

/** Every workflow of the repository: published reusable ones, internal CI, caller templates. */
export function workflowFiles(): string[] {
  return [...yamlIn('.github/workflows'), ...yamlIn('workflows')]
}

/** The root action.yml and every actions/<name>/action.yml. */
export function actionFiles(): string[] {
  const names = readdirSync(join(ROOT, 'actions')).sort()
  return ['action.yml', ...names.map((n) => join('actions', n, 'action.yml'))].filter((f) =>
    existsSync(join(ROOT, f)),
  )
}

export function read(file: string): string {
  return readFileSync(join(ROOT, file), 'utf8')
}

export function rel(file: string): string {
  return relative(ROOT, file)
}
