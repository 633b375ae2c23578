// The shell steps that carry images from service-ci.yml's build legs to its
// `images` output, and from there into deploy.yml's bump, run as a runner
// runs them: what one step writes is what the next one reads.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { workflowStep } from '../harness/workflow-step'

const record = workflowStep('.github/workflows/service-ci.yml', 'build', 'Record the image')
const collect = workflowStep('.github/workflows/service-ci.yml', 'collect', 'join')
const select = workflowStep('.github/workflows/deploy.yml', 'deploy', 'images')

const DIGEST = (c: string) => `sha256:${c.repeat(64)}`

/** What a build leg records for one service, as build-and-tag's outputs. */
function recorded(service: string, tag: string, digest: string) {
  const image = `ghcr.io/minishop/${service}`
  const r = record.run({
    SERVICE: service,
    IMAGE: image,
    TAG: tag,
    TAGS: `${image}:${tag}\n${image}:latest\n`,
    DIGEST: digest,
    IMAGE_REF: `${image}@${digest}`,
  })
  expect(r.status, r.stderr).toBe(0)
  return readFileSync(join(r.runnerTemp, 'minishop-image', `${service}.json`), 'utf8')
}

/** GITHUB_OUTPUT's `name=value` lines. */
function outputs(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  )
}

// The tests supply every value the steps' env reads, and no other.
it('the steps read the env the tests supply', () => {
  expect(Object.keys(record.env).sort()).toEqual([
    'DIGEST',
    'IMAGE',
    'IMAGE_REF',
    'SERVICE',
    'TAG',
    'TAGS',
  ])
  expect(Object.keys(collect.env)).toEqual([])
  expect(Object.keys(select.env).sort()).toEqual(['FIELD', 'IMAGES'])
})

describe('service-ci.yml: from build legs to the images output', () => {
  it('each leg records its image; collect joins them into one object, with a summary', () => {
    const files = {
      'users.json': recorded('users', 'sha-1a2b3c4', DIGEST('a')),
      'orders.json': recorded('orders', 'sha-1a2b3c4', DIGEST('b')),
    }
    expect(JSON.parse(files['users.json'])).toEqual({
      users: {
        image: 'ghcr.io/minishop/users',
        tag: 'sha-1a2b3c4',
        digest: DIGEST('a'),
        'image-ref': `ghcr.io/minishop/users@${DIGEST('a')}`,
        tags: ['ghcr.io/minishop/users:sha-1a2b3c4', 'ghcr.io/minishop/users:latest'],
      },
    })
    // download-artifact with merge-multiple puts every leg's file in one folder.
    const r = collect.run(
      {},
      {
        before: (temp) => {
          const dir = join(temp, 'minishop-images')
          mkdirSync(dir)
          for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
        },
      },
    )
    expect(r.status, r.stderr).toBe(0)
    const images = JSON.parse(outputs(r.output).images!)
    expect(Object.keys(images).sort()).toEqual(['orders', 'users'])
    expect(images.orders.digest).toBe(DIGEST('b'))
    expect(r.summary).toContain(`| users | \`sha-1a2b3c4\` | \`${DIGEST('a')}\` |`)
  })

  it('a leg that pushed nothing (a fork pull request) shows no digest in the summary', () => {
    const file = recorded('users', 'pr-7', '')
    const r = collect.run(
      {},
      {
        before: (temp) => {
          mkdirSync(join(temp, 'minishop-images'))
          writeFileSync(join(temp, 'minishop-images', 'users.json'), file)
        },
      },
    )
    expect(r.status, r.stderr).toBe(0)
    expect(r.summary).toContain('| users | `pr-7` | (not pushed) |')
  })

  it('no service changed (no artifacts): images is {}', () => {
    const r = collect.run({})
    expect(r.status, r.stderr).toBe(0)
    expect(outputs(r.output)).toEqual({ images: '{}' })
  })
})

describe('deploy.yml: the values bump-helm-values writes', () => {
  const images = {
    users: { image: 'ghcr.io/minishop/users', tag: 'sha-1a2b3c4', digest: DIGEST('a') },
    orders: { image: 'ghcr.io/minishop/orders', tag: 'sha-5d6e7f8', digest: DIGEST('b') },
  }

  it.each([
    ['tag', { users: 'sha-1a2b3c4', orders: 'sha-5d6e7f8' }],
    ['digest', { users: DIGEST('a'), orders: DIGEST('b') }],
  ])('image-field %s', (field, expected) => {
    const r = select.run({ IMAGES: JSON.stringify(images), FIELD: field })
    expect(r.status, r.stdout).toBe(0)
    expect(JSON.parse(outputs(r.output).values!)).toEqual(expected)
    expect(outputs(r.output).count).toBe('2')
  })

  it('plain strings pass through (an images map written by hand)', () => {
    const r = select.run({ IMAGES: '{"users":"v1.2.3"}', FIELD: 'tag' })
    expect(r.status, r.stdout).toBe(0)
    expect(outputs(r.output)).toEqual({ values: '{"users":"v1.2.3"}', count: '1' })
  })

  it.each([
    [
      'images not an object',
      { IMAGES: '["users"]', FIELD: 'tag' },
      'input images must be a JSON object',
    ],
    [
      'an unknown field',
      { IMAGES: '{}', FIELD: 'sha' },
      'input image-field must be tag, digest or image-ref, got: sha',
    ],
    [
      'a service without that field',
      {
        IMAGES: JSON.stringify({ users: { tag: 'v1' }, orders: { tag: 'v2', digest: '' } }),
        FIELD: 'digest',
      },
      'no digest in images for: users orders',
    ],
  ])('%s: one clear error, no output', (_name, env, message) => {
    const r = select.run(env)
    expect(r.status).toBe(1)
    expect(r.stdout).toContain(`::error::${message}`)
    expect(r.output).toBe('')
  })
})
