import { UserError } from './errors'

/**
 * Fills `{name}` placeholders of a commit-message template. An unknown
 * placeholder is a UserError naming it, so a typo does not reach history.
 */
export function renderCommitMessage(template: string, vars: Record<string, string>): string {
  return template.replace(/\{([A-Za-z][A-Za-z0-9_-]*)\}/g, (whole, name: string) => {
    const value = vars[name]
    if (value === undefined) {
      throw new UserError(
        `commit-message: unknown placeholder ${whole} (known: ${Object.keys(vars)
          .map((k) => `{${k}}`)
          .join(', ')})`,
      )
    }
    return value
  })
}

const TRAILER_LINE = /^[A-Za-z0-9][A-Za-z0-9-]*: \S/

/**
 * Appends git trailers (`Key: value`, one a line) after a blank line, or to
 * the message's own trailer block when it already ends with one. Values are
 * kept to one line; empty values are left out.
 */
export function withTrailers(message: string, trailers: [string, string][]): string {
  const lines = trailers
    .filter(([, value]) => value.trim() !== '')
    .map(([key, value]) => `${key}: ${value.replace(/\s*\r?\n\s*/g, ' ').trim()}`)
  const body = message.replace(/\s+$/, '')
  if (lines.length === 0) return `${body}\n`
  const paragraphs = body.split(/\n\s*\n/)
  const last = paragraphs[paragraphs.length - 1]!.split('\n')
  const endsWithTrailers = paragraphs.length > 1 && last.every((l) => TRAILER_LINE.test(l))
  return `${body}${endsWithTrailers ? '\n' : '\n\n'}${lines.join('\n')}\n`
}
