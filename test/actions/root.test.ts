import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import YAML from 'yaml'
import { read } from '../harness/repo-files'
import { ROOT, runAction } from '../harness/run-action'

describe('root action (dist/index.js)', () => {
  it('refuses a missing command, naming the input and the choices', async () => {
    const result = await runAction('index')
    expect(result.exitCode).toBe(1)
    expect(result.annotations.map((a) => a.message)).toEqual([
      'Input required and not supplied: command (one of build-and-tag, detect-changes, bump-helm-values, kind-integration, promote)',
    ])
  })

  it('refuses an unknown command', async () => {
    const result = await runAction('index', { inputs: { command: 'deploy-everything' } })
    expect(result.exitCode).toBe(1)
    expect(result.annotations[0]?.message).toMatch(
      /^Input command must be one of .* got "deploy-everything"$/,
    )
  })

  it('describes a shared input as each action means it (registry, images, config, push)', () => {
    const root = YAML.parse(read('action.yml'))
    const names = [
      'build-and-tag',
      'bump-helm-values',
      'detect-changes',
      'kind-integration',
      'promote',
    ]
    for (const name of names) {
      const own = YAML.parse(read(`actions/${name}/action.yml`))
      for (const [input, spec] of Object.entries(
        own.inputs as Record<string, { description: string }>,
      )) {
        // Each action's own words are there, after the actions they are for.
        expect(root.inputs[input].description, `${name}: ${input}`).toMatch(
          new RegExp(
            `\\(([^)]*, )?${name}(, [^)]*)?\\) ${spec.description
              .trim()
              .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
              .replace(/\s+/g, '\\s+')}`,
          ),
        )
      }
    }
  })

  it('is generated from actions/*/action.yml and up to date', () => {
    execFileSync(process.execPath, [join(ROOT, 'scripts/gen-actions.mjs'), '--check'])
    const root = YAML.parse(read('action.yml'))
    expect(root.runs).toEqual({
      using: 'node24',
      main: 'dist/index.js',
      post: 'dist/index.js',
      'post-if': 'always()',
    })
    for (const name of [
      'build-and-tag',
      'detect-changes',
      'bump-helm-values',
      'kind-integration',
      'promote',
    ]) {
      const action = YAML.parse(read(`actions/${name}/action.yml`))
      expect(action.runs.using).toBe('node24')
      expect(action.runs.main).toBe(`../../dist/${name}/index.js`)
      for (const input of Object.keys(action.inputs ?? {}))
        expect(root.inputs).toHaveProperty(input)
      for (const output of Object.keys(action.outputs ?? {}))
        expect(root.outputs).toHaveProperty(output)
    }
  })
})
