// A static download server on 127.0.0.1 for tests of code that fetches
// release files (tool binaries, archives, checksum files). Records every
// request; a path can answer with a status, or a sequence of answers (a
// transient 503 before the file, for retry tests).
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export type Served = string | Buffer | { status: number; body?: string }

export interface FileServer {
  url: string
  /** Request paths, in order. */
  requests: string[]
  /** Serves `body` at `path`; an array is answered one entry per request, the last one repeating. */
  set: (path: string, body: Served | Served[]) => void
  close: () => Promise<void>
}

export async function startFileServer(
  files: Record<string, Served | Served[]> = {},
): Promise<FileServer> {
  const table = new Map<string, Served[]>()
  const set = (path: string, body: Served | Served[]) =>
    table.set(path, Array.isArray(body) ? [...body] : [body])
  for (const [path, body] of Object.entries(files)) set(path, body)
  const requests: string[] = []
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
    requests.push(path)
    const queue = table.get(path)
    const answer = queue
      ? queue.length > 1
        ? queue.shift()!
        : queue[0]!
      : { status: 404, body: '<html>404 Not Found</html>' }
    if (typeof answer === 'string' || Buffer.isBuffer(answer)) {
      res.writeHead(200, { 'content-type': 'application/octet-stream' })
      res.end(answer)
    } else {
      res.writeHead(answer.status, { 'content-type': 'text/html' })
      res.end(answer.body ?? '')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    set,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
