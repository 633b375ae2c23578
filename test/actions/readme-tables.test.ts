import { describe, expect, it } from 'vitest'
import YAML from 'yaml'
import { read } from '../harness/repo-files'

// The action READMEs document every input and output of their action.yml.
describe.each(['build-and-tag', 'detect-changes'])('actions/%s/README.md', (name) => {
  const action = YAML.parse(read(`actions/${name}/action.yml`))
  const readme = read(`actions/${name}/README.md`)

  it('has a table row for every input and output', () => {
    for (const key of [...Object.keys(action.inputs), ...Object.keys(action.outputs)]) {
      expect(readme, key).toMatch(new RegExp(`^\\| \`${key}\` +\\|`, 'm'))
    }
  })

  it('is linked from the root README', () => {
    expect(read('README.md')).toContain(`(actions/${name}/README.md)`)
  })
})
