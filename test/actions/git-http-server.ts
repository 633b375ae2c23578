// A smart-HTTP git server on 127.0.0.1 (git's own http-backend as CGI) that
// demands a token in the Authorization header, as github.com does. It records
// every Authorization header it sees.
import { spawn } from 'node:child_process'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dirname } from 'node:path'

export interface GitHttpServer {
  /** Clone URL of the bare repository. */
  url: string
  authorizations: string[]
  close: () => Promise<void>
}

export async function startGitHttpServer(bare: string, token: string): Promise<GitHttpServer> {
  const root = dirname(bare)
  const name = bare.slice(root.length + 1)
  const expected = `basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`
  const authorizations: string[] = []
  const server = createServer((req, res) => {
    const auth = req.headers.authorization ?? ''
    authorizations.push(auth)
    if (auth.toLowerCase() !== expected.toLowerCase()) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="git"' })
      res.end('unauthorized')
      return
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const cgi = spawn('git', ['http-backend'], {
      env: {
        ...process.env,
        GIT_PROJECT_ROOT: root,
        GIT_HTTP_EXPORT_ALL: '1',
        PATH_INFO: url.pathname,
        QUERY_STRING: url.search.slice(1),
        REQUEST_METHOD: req.method ?? 'GET',
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        REMOTE_USER: 'x-access-token',
        REMOTE_ADDR: '127.0.0.1',
      },
    })
    req.pipe(cgi.stdin)
    let head = Buffer.alloc(0)
    let headersDone = false
    cgi.stdout.on('data', (chunk: Buffer) => {
      if (headersDone) {
        res.write(chunk)
        return
      }
      head = Buffer.concat([head, chunk])
      const end = head.indexOf('\r\n\r\n')
      if (end < 0) return
      headersDone = true
      let status = 200
      const headers: Record<string, string> = {}
      for (const line of head.subarray(0, end).toString().split('\r\n')) {
        const [key, ...rest] = line.split(':')
        const value = rest.join(':').trim()
        if (key!.toLowerCase() === 'status') status = Number(value.split(' ')[0])
        else headers[key!] = value
      }
      res.writeHead(status, headers)
      res.write(head.subarray(end + 4))
    })
    cgi.on('close', () => res.end())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/${name}`,
    authorizations,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
