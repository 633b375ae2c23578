import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { manifestDigest, parseChallenge } from '../../src/io/registry'

const DIGEST = `sha256:${'e'.repeat(64)}`
const seen: {
  method: string
  url: string
  authorization: string | undefined
  accept: string | undefined
}[] = []
let port = 0

// A registry that wants a bearer token from its own token service, as ghcr.io does.
const server = createServer((req: IncomingMessage, res) => {
  seen.push({
    method: req.method!,
    url: req.url!,
    authorization: req.headers.authorization,
    accept: req.headers.accept,
  })
  if (req.url!.startsWith('/token')) {
    const expected = `Basic ${Buffer.from('bot:pw').toString('base64')}`
    if (req.headers.authorization !== expected) {
      res.writeHead(401).end()
      return
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token: 'tok' }))
    return
  }
  if (req.headers.authorization !== 'Bearer tok') {
    res
      .writeHead(401, {
        'www-authenticate': `Bearer realm="http://127.0.0.1:${port}/token",service="test-registry",scope="repository:team/app:pull"`,
      })
      .end()
    return
  }
  if (req.url === '/v2/team/app/manifests/v1') {
    res.writeHead(200, { 'docker-content-digest': DIGEST }).end()
    return
  }
  res.writeHead(404).end()
})

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
})
afterAll(() => {
  server.close()
})

describe('manifestDigest', () => {
  it('follows the bearer challenge with the credentials and returns Docker-Content-Digest', async () => {
    seen.length = 0
    expect(
      await manifestDigest(`127.0.0.1:${port}/team/app`, 'v1', { username: 'bot', password: 'pw' }),
    ).toBe(DIGEST)
    expect(seen.map((r) => `${r.method} ${r.url}`)).toEqual([
      'HEAD /v2/team/app/manifests/v1',
      'GET /token?service=test-registry&scope=repository%3Ateam%2Fapp%3Apull',
      'HEAD /v2/team/app/manifests/v1',
    ])
    expect(seen[0]!.accept).toContain('application/vnd.oci.image.index.v1+json')
  })

  it('says what the registry answered', async () => {
    await expect(
      manifestDigest(`127.0.0.1:${port}/team/app`, 'nope', { username: 'bot', password: 'pw' }),
    ).rejects.toThrow(`registry http://127.0.0.1:${port} answered 404 for team/app:nope`)
    await expect(manifestDigest(`127.0.0.1:${port}/team/app`, 'v1')).rejects.toThrow(
      'registry token request to',
    )
  })

  it('parses challenges', () => {
    expect(parseChallenge('Bearer realm="https://ghcr.io/token",service="ghcr.io"')).toEqual({
      scheme: 'bearer',
      params: { realm: 'https://ghcr.io/token', service: 'ghcr.io' },
    })
  })
})
