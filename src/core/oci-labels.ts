// OCI image labels: every image says where it came from.
import { UserError } from './errors'

export interface OciLabelSource {
  /** https://github.com/owner/name */
  source: string
  revision: string
  /** RFC 3339 build time. */
  created: string
  version: string
  title: string
}

export function ociLabels(from: OciLabelSource): Record<string, string> {
  return {
    'org.opencontainers.image.source': from.source,
    'org.opencontainers.image.revision': from.revision,
    'org.opencontainers.image.created': from.created,
    'org.opencontainers.image.version': from.version,
    'org.opencontainers.image.title': from.title,
  }
}

const LABEL_KEY = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/
const BUILD_ARG_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/

/**
 * `KEY=value` lines (the `labels` and `build-args` inputs). The value may
 * contain `=`; a line without one, or a key outside the grammar, names the
 * input and the line.
 */
export function parseKeyValues(
  lines: readonly string[],
  input: 'labels' | 'build-args',
): Record<string, string> {
  const keyPattern = input === 'labels' ? LABEL_KEY : BUILD_ARG_KEY
  const result: Record<string, string> = {}
  for (const line of lines) {
    const eq = line.indexOf('=')
    const key = eq < 0 ? line : line.slice(0, eq).trim()
    if (eq < 0 || !keyPattern.test(key)) {
      throw new UserError(
        `Input ${input}: each line must be KEY=value with KEY matching ${keyPattern.source}, got ${JSON.stringify(line)}`,
      )
    }
    result[key] = line.slice(eq + 1)
  }
  return result
}
