import { describe, expect, it } from 'vitest'
import { parseArgs, UsageError } from '../../src/cli/args'

const action = {
  description: 'x',
  inputs: {
    key: { description: 'key', default: 'image.tag' },
    push: { description: 'push', default: 'true' },
    'dry-run': { description: 'dry', default: 'false' },
    files: { description: 'files' },
    mode: { description: 'mode', default: 'plan' },
  },
  outputs: {},
}
const spec = {
  action,
  flags: { json: { value: false, description: '' }, workspace: { value: true, description: '' } },
  aliases: { apply: { input: 'mode', value: 'apply', description: '' } },
}

describe('CLI argument parsing', () => {
  it('maps --kebab-case options to the action inputs of the same name', () => {
    expect(
      parseArgs(['--key', 'a.b', '--files=x.yaml', '--json', '--workspace', '/w'], spec),
    ).toEqual({
      inputs: { key: 'a.b', files: 'x.yaml' },
      flags: { json: true, workspace: '/w' },
      positional: [],
    })
  })

  it('takes boolean inputs bare, with true/false, or as --no-<input>', () => {
    expect(parseArgs(['--dry-run'], spec).inputs).toEqual({ 'dry-run': 'true' })
    expect(parseArgs(['--dry-run', 'false'], spec).inputs).toEqual({ 'dry-run': 'false' })
    expect(parseArgs(['--no-push'], spec).inputs).toEqual({ push: 'false' })
  })

  it('joins a repeated option into a list input, one item a line', () => {
    expect(parseArgs(['--files', 'a.yaml', '--files', 'b.yaml'], spec).inputs.files).toBe(
      'a.yaml\nb.yaml',
    )
  })

  it('turns shorthand flags into their input value', () => {
    expect(parseArgs(['--apply'], spec).inputs).toEqual({ mode: 'apply' })
    expect(() => parseArgs(['--apply', '--mode', 'plan'], spec)).not.toThrow()
  })

  it('names an unknown option and suggests the closest one', () => {
    expect(() => parseArgs(['--kye', 'x'], spec)).toThrow(
      new UsageError('Unknown option --kye (did you mean --key?)'),
    )
    expect(() => parseArgs(['--zzzzzz'], spec)).toThrow(new UsageError('Unknown option --zzzzzz'))
  })

  it('refuses an option that needs a value and has none', () => {
    expect(() => parseArgs(['--key'], spec)).toThrow(new UsageError('Option --key needs a value'))
    expect(() => parseArgs(['--key', '--json'], spec)).toThrow(
      new UsageError('Option --key needs a value'),
    )
  })
})
