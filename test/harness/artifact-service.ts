// A local stand-in for the runner's artifact service (results service twirp
// API + the signed blob URL) on 127.0.0.1, and a zip reader to check what was
// uploaded. Point ACTIONS_RESULTS_URL/ACTIONS_RUNTIME_TOKEN at it via `env`.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { crc32, inflateRawSync } from 'node:zlib'

export interface FakeArtifactService {
  url: string
  env: { ACTIONS_RUNTIME_TOKEN: string; ACTIONS_RESULTS_URL: string }
  /** Twirp calls: method name and JSON body. */
  calls: { method: string; body: Record<string, unknown>; authorization?: string }[]
  /** Blob uploads: headers and raw bytes. */
  uploads: { headers: Record<string, string | string[] | undefined>; body: Buffer }[]
  /** Makes CreateArtifact answer with this HTTP status (e.g. 409 for a duplicate name). */
  failCreate: (status: number | undefined) => void
  close: () => Promise<void>
}

const SERVICE = '/twirp/github.actions.results.api.v1.ArtifactService/'

/** A runtime token as the runner's: a JWT whose `scp` carries the run and job backend ids. */
export function runtimeToken(run = 'run-backend-1', job = 'job-backend-2'): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ scp: `Actions.ExampleScope Actions.Results:${run}:${job}` })}.sig`
}

export async function startFakeArtifactService(): Promise<FakeArtifactService> {
  const calls: FakeArtifactService['calls'] = []
  const uploads: FakeArtifactService['uploads'] = []
  let createStatus: number | undefined
  let url = ''
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const body = Buffer.concat(chunks)
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(value))
    }
    if (req.method === 'POST' && path.startsWith(SERVICE)) {
      const method = path.slice(SERVICE.length)
      calls.push({
        method,
        body: JSON.parse(body.toString('utf8')),
        authorization: req.headers.authorization,
      })
      if (method === 'CreateArtifact') {
        if (createStatus)
          return json(createStatus, {
            code: 'already_exists',
            msg: 'an artifact with this name already exists on the workflow run',
          })
        return json(200, { ok: true, signed_upload_url: `${url}/blob/artifact.zip?sig=test` })
      }
      if (method === 'FinalizeArtifact') return json(200, { ok: true, artifact_id: '987654' })
      return json(404, { code: 'bad_route' })
    }
    if (req.method === 'PUT' && path === '/blob/artifact.zip') {
      uploads.push({ headers: req.headers, body })
      res.writeHead(201)
      return res.end()
    }
    json(404, { code: 'not_found' })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    env: { ACTIONS_RUNTIME_TOKEN: runtimeToken(), ACTIONS_RESULTS_URL: `${url}/` },
    calls,
    uploads,
    failCreate: (status) => {
      createStatus = status
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

/** Reads a zip through its central directory, checking every entry's CRC-32. */
export function readZip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  if (end < 0) throw new Error('no end of central directory')
  const count = zip.readUInt16LE(end + 10)
  let at = zip.readUInt32LE(end + 16)
  const files = new Map<string, Buffer>()
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry ${i}`)
    const method = zip.readUInt16LE(at + 10)
    const crc = zip.readUInt32LE(at + 16)
    const size = zip.readUInt32LE(at + 20)
    const nameLength = zip.readUInt16LE(at + 28)
    const extra = zip.readUInt16LE(at + 30)
    const comment = zip.readUInt16LE(at + 32)
    const offset = zip.readUInt32LE(at + 42)
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength)
    const dataAt = offset + 30 + zip.readUInt16LE(offset + 26) + zip.readUInt16LE(offset + 28)
    const raw = zip.subarray(dataAt, dataAt + size)
    const data = method === 8 ? inflateRawSync(raw) : Buffer.from(raw)
    if (crc32(data) >>> 0 !== crc) throw new Error(`CRC mismatch in ${name}`)
    files.set(name, data)
    at += 46 + nameLength + extra + comment
  }
  return files
}
