// A local stand-in for the GitHub REST (and GraphQL) API on 127.0.0.1: tests
// register the endpoints the code under test uses, point GITHUB_API_URL at
// it, and assert on the recorded requests (paths, bodies, count).
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RecordedRequest {
  method: string
  path: string
  query: URLSearchParams
  headers: IncomingMessage['headers']
  body: unknown
}

export interface Reply {
  status?: number
  body?: unknown
  headers?: Record<string, string>
}

export type Handler = (
  request: RecordedRequest,
  params: Record<string, string>,
) => Reply | Promise<Reply>

export interface FakeGitHub {
  url: string
  requests: RecordedRequest[]
  /** Adds or replaces a route: `GET /repos/:owner/:repo/actions/runs/:run_id/approvals`. */
  on: (route: string, handler: Handler | Reply) => void
  close: () => Promise<void>
}

function compile(route: string): { method: string; regex: RegExp; names: string[] } {
  const [method, path] = route.split(' ') as [string, string]
  const names: string[] = []
  const pattern = path
    .split('/')
    .map((part) => {
      if (part.startsWith(':')) {
        names.push(part.slice(1))
        return '([^/]+)'
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    })
    .join('/')
  return { method, regex: new RegExp(`^${pattern}$`), names }
}

export async function startFakeGitHub(
  routes: Record<string, Handler | Reply> = {},
): Promise<FakeGitHub> {
  const table: {
    route: string
    method: string
    regex: RegExp
    names: string[]
    handler: Handler | Reply
  }[] = []
  const on = (route: string, handler: Handler | Reply): void => {
    const existing = table.findIndex((r) => r.route === route)
    const entry = { route, ...compile(route), handler }
    if (existing >= 0) table[existing] = entry
    else table.push(entry)
  }
  for (const [route, handler] of Object.entries(routes)) on(route, handler)

  const requests: RecordedRequest[] = []
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const raw = Buffer.concat(chunks).toString('utf8')
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    let body: unknown = raw
    try {
      body = raw ? JSON.parse(raw) : undefined
    } catch {
      // keep the raw text
    }
    const request: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
    }
    requests.push(request)
    for (const route of table) {
      if (route.method !== request.method) continue
      const match = route.regex.exec(request.path)
      if (!match) continue
      const params = Object.fromEntries(
        route.names.map((n, i) => [n, decodeURIComponent(match[i + 1]!)]),
      )
      try {
        const reply =
          typeof route.handler === 'function' ? await route.handler(request, params) : route.handler
        res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers })
        res.end(reply.body === undefined ? '' : JSON.stringify(reply.body))
      } catch (error) {
        res.writeHead(500, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ message: String(error) }))
      }
      return
    }
    res.writeHead(404, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ message: `Not Found: ${request.method} ${request.path}` }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    on,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
