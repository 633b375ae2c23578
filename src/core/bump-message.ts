import type { BumpTarget, FileResult } from './bump'
import { renderCommitMessage, withTrailers } from './commit-message'
import { refValue } from './image-ref'

export interface MessageContext {
  template: string
  environment: string
  keys: string[]
  targets: BumpTarget[]
  results: FileResult[]
  trailers: [string, string][]
}

function shown(target: BumpTarget): string {
  return 'literal' in target.value ? target.value.literal : refValue(target.value.image)
}

/** Subject and body of a bump commit: the template, every change listed, then the trailers. */
export function bumpMessage(c: MessageContext): string {
  const changed = new Set(c.results.map((r) => r.path))
  const targets = c.targets.filter((t) => changed.has(t.path))
  const services = [...new Set(targets.map((t) => t.service).filter((s) => s !== undefined))]
  const values = [...new Set(targets.map(shown))]
  let template = c.template
  // Without an environment, the default template's " in {environment}" would dangle.
  if (c.environment === '') template = template.replace(/ in \{(environment|env)\}/, '')
  const subject = renderCommitMessage(template, {
    services: services.length > 0 ? services.join(', ') : [...changed].join(', '),
    value: values.length === 1 ? values[0]! : 'new images',
    environment: c.environment,
    env: c.environment,
    files: [...changed].join(', '),
    key: c.keys.join(', '),
  })
  const lines = c.results.flatMap((r) =>
    r.changes.map((ch) => `- ${r.path}: ${ch.key} ${ch.old ?? '(new)'} -> ${ch.new || '""'}`),
  )
  return withTrailers(`${subject.trim()}\n\n${lines.join('\n')}`, c.trailers)
}
