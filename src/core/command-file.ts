/**
 * Parses the runner's GITHUB_OUTPUT / GITHUB_STATE file format: `name=value`
 * lines and heredoc blocks (`name<<DELIMITER` ... `DELIMITER`) for values
 * that span lines.
 */
export function parseCommandFile(text: string): Record<string, string> {
  const result: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (line === '') continue
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delimiter] = heredoc
      const value: string[] = []
      i++
      while (i < lines.length && lines[i] !== delimiter) value.push(lines[i++]!)
      if (i >= lines.length) throw new Error(`Unterminated heredoc for ${name} in command file`)
      result[name!] = value.join('\n')
      continue
    }
    const eq = line.indexOf('=')
    if (eq < 0) throw new Error(`Malformed command file line: ${line}`)
    result[line.slice(0, eq)] = line.slice(eq + 1)
  }
  return result
}
