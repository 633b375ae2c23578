import { renderFileTemplate } from './file-template'

// The default service list: every service that has a values file in each of
// the given environments, found by matching the repository's paths against
// the file template (rendered by the shared renderer, so the two agree).

const PLACEHOLDER = 'x0service0x'
const NAME = '([A-Za-z0-9_][A-Za-z0-9_.-]*)'

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function templatePattern(template: string, env: string): RegExp {
  const parts = renderFileTemplate(template, { service: PLACEHOLDER, env }).split(PLACEHOLDER)
  // The first {service} captures the name; any later one must repeat it.
  const body = parts
    .map((part, i) => (i === 0 ? '' : i === 1 ? NAME : '\\1') + escapeRegExp(part))
    .join('')
  return new RegExp(`^${body}$`)
}

/**
 * A git pathspec (glob magic) for every file the template can name in `env`:
 * each {service} becomes `*`, one path component, as a service name is. It
 * matches all that discoverServices accepts, and perhaps more, so a history
 * read with it before the tree is listed covers every service found then.
 */
export function templatePathspec(template: string, env: string): string {
  const parts = renderFileTemplate(template, { service: PLACEHOLDER, env }).split(PLACEHOLDER)
  return `:(glob)${parts.map((part) => part.replace(/[*?[\]\\]/g, '\\$&')).join('*')}`
}

/** Services with a file for every environment, sorted. */
export function discoverServices(template: string, envs: string[], paths: string[]): string[] {
  let found: Set<string> | undefined
  for (const env of envs) {
    const pattern = templatePattern(template, env)
    const services = new Set<string>()
    for (const path of paths) {
      const match = pattern.exec(path)
      if (match?.[1] && !match[1].includes('..')) services.add(match[1])
    }
    found = found ? new Set([...found].filter((s) => services.has(s))) : services
  }
  return [...(found ?? [])].sort()
}
