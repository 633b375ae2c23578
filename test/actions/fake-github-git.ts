// The GitHub endpoints bump-helm-values uses, served by startFakeGitHub and
// backed by a real bare repository: GraphQL (branch head, file reads,
// default branch, createCommitOnBranch with expectedHeadOid, updateRefs with
// beforeOid), git refs (update, create, delete) and pull requests. Commits the fake makes are real commits in the bare repo.
import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { tempDir } from '../harness/git-fixtures'
import { type FakeGitHub, type RecordedRequest, startFakeGitHub } from '../harness/github-api'

function sh(bare: string, args: string[], input?: string, env: Record<string, string> = {}) {
  return execFileSync('git', args, {
    cwd: bare,
    input,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  }).trim()
}

function tryRev(bare: string, ref: string): string | undefined {
  try {
    return sh(bare, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])
  } catch {
    return undefined
  }
}

interface PullRequest {
  number: number
  head: { ref: string }
  base: { ref: string }
  title: string
  body: string
  html_url: string
  state: string
}

interface Variables {
  ref: string
  file: string
  dir: string
  input: {
    branch: { branchName: string }
    expectedHeadOid: string
    message: { headline: string; body: string }
    fileChanges: { additions: { path: string; contents: string }[] }
  }
}

export interface FakeGitHubGit extends FakeGitHub {
  pulls: PullRequest[]
  /** Called before each createCommitOnBranch is checked: lets a test move the branch. */
  beforeCommit: ((attempt: number) => void) | undefined
  /** Answer tree listings as GitHub does for a tree too large to list whole. */
  treesTruncated: boolean
  /** Called before each updateRefs is checked: lets a test move a branch first. */
  beforeRefUpdate: (() => void) | undefined
  /** Called after a createCommitOnBranch landed, with its commit: lets a test move the branch on. */
  afterCommit: ((oid: string) => void) | undefined
  /** When set, createCommitOnBranch answers with this GraphQL error and commits nothing. */
  commitError: { type: string; message: string } | undefined
  mutations: RecordedRequest[]
}

const REPOSITORY_ID = 'R_kgDOminishop'

export async function startFakeGitHubGit(bare: string, slug: string): Promise<FakeGitHubGit> {
  const [owner, repo] = slug.split('/') as [string, string]
  const pulls: PullRequest[] = []
  const mutations: RecordedRequest[] = []
  const fake = (await startFakeGitHub()) as FakeGitHubGit
  fake.pulls = pulls
  fake.mutations = mutations
  fake.beforeCommit = undefined
  fake.afterCommit = undefined
  fake.beforeRefUpdate = undefined
  fake.treesTruncated = false
  fake.commitError = undefined

  const graphql = (request: RecordedRequest) => {
    const { query, variables } = request.body as { query: string; variables: Variables }
    if (query.includes('createCommitOnBranch')) {
      mutations.push(request)
      fake.beforeCommit?.(mutations.length)
      if (fake.commitError) return { body: { data: null, errors: [fake.commitError] } }
      const input = variables.input
      const branch = input.branch.branchName
      const head = tryRev(bare, `refs/heads/${branch}`)
      if (head !== input.expectedHeadOid) {
        return {
          body: {
            data: null,
            errors: [
              {
                type: 'STALE_DATA',
                message: `Expected branch to point to "${input.expectedHeadOid}" but it did not. Pull and try again.`,
              },
            ],
          },
        }
      }
      const scratch = tempDir('fake-index-')
      const env = { GIT_INDEX_FILE: join(scratch, 'index') }
      sh(bare, ['read-tree', head!], undefined, env)
      for (const addition of input.fileChanges.additions) {
        const blob = sh(
          bare,
          ['hash-object', '-w', '--stdin'],
          Buffer.from(addition.contents, 'base64').toString('utf8'),
        )
        sh(
          bare,
          ['update-index', '--add', '--cacheinfo', `100644,${blob},${addition.path}`],
          undefined,
          env,
        )
      }
      const tree = sh(bare, ['write-tree'], undefined, env)
      rmSync(scratch, { recursive: true, force: true })
      const message = `${input.message.headline}\n\n${input.message.body}`
      const oid = sh(bare, ['commit-tree', tree, '-p', head!, '-F', '-'], message, {
        GIT_AUTHOR_NAME: 'octocat',
        GIT_AUTHOR_EMAIL: 'octocat@users.noreply.github.com',
        GIT_COMMITTER_NAME: 'GitHub',
        GIT_COMMITTER_EMAIL: 'noreply@github.com',
      })
      sh(bare, ['update-ref', `refs/heads/${branch}`, oid, head!])
      fake.afterCommit?.(oid)
      return {
        body: {
          data: {
            createCommitOnBranch: {
              commit: { oid, url: `https://github.com/${slug}/commit/${oid}` },
            },
          },
        },
      }
    }
    if (query.includes('updateRefs')) {
      mutations.push(request)
      fake.beforeRefUpdate?.()
      // Atomic: every update's beforeOid must hold (zeros: the ref must not
      // exist), or nothing changes. GitHub answers a failed check with a
      // generic error.
      const updates = (
        request.body as {
          variables: {
            input: {
              repositoryId: string
              refUpdates: { name: string; beforeOid: string; afterOid: string }[]
            }
          }
        }
      ).variables.input
      if (updates.repositoryId !== REPOSITORY_ID) {
        return { body: { data: null, errors: [{ message: 'Could not resolve to a node' }] } }
      }
      const zero = '0'.repeat(40)
      for (const u of updates.refUpdates) {
        if ((tryRev(bare, u.name) ?? zero) !== u.beforeOid) {
          return {
            body: {
              data: null,
              errors: [{ message: 'Something went wrong while executing your query.' }],
            },
          }
        }
      }
      for (const u of updates.refUpdates) {
        if (u.afterOid === zero) sh(bare, ['update-ref', '-d', u.name])
        else sh(bare, ['update-ref', u.name, u.afterOid])
      }
      return { body: { data: { updateRefs: { clientMutationId: null } } } }
    }
    if (query.includes('repositoryId: repository')) {
      return { body: { data: { repositoryId: { id: REPOSITORY_ID } } } }
    }
    if (query.includes('defaultBranchRef')) {
      return { body: { data: { repository: { defaultBranchRef: { name: 'main' } } } } }
    }
    if (query.includes('ref(qualifiedName')) {
      const oid = tryRev(bare, variables.ref)
      return { body: { data: { repository: { ref: oid ? { target: { oid } } : null } } } }
    }
    if (query.includes('file: object')) {
      let file: unknown = null
      try {
        const text = execFileSync('git', ['cat-file', 'blob', variables.file], {
          cwd: bare,
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        })
        file = { __typename: 'Blob', text, isBinary: false }
      } catch {
        file = null
      }
      let dir: unknown = null
      try {
        const listing = sh(bare, ['ls-tree', variables.dir])
        dir = {
          entries: listing
            .split('\n')
            .filter(Boolean)
            .map((line) => {
              const [meta, name] = line.split('\t') as [string, string]
              const [mode, type] = meta.split(' ') as [string, string]
              return { name, mode: Number.parseInt(mode, 8), type }
            }),
        }
      } catch {
        dir = null
      }
      return { body: { data: { repository: { file, dir } } } }
    }
    return { status: 400, body: { message: `fake GraphQL does not know: ${query}` } }
  }

  fake.on('POST /graphql', graphql)
  const setRef = (ref: string, sha: string) => {
    sh(bare, ['update-ref', `refs/${ref}`, sha])
    return { body: { ref: `refs/${ref}`, object: { sha } } }
  }
  fake.on(`PATCH /repos/${owner}/${repo}/git/refs/:ref`, (request, params) => {
    const ref = params.ref!
    if (!tryRev(bare, `refs/${ref}`))
      return { status: 422, body: { message: 'Reference does not exist' } }
    return setRef(ref, (request.body as { sha: string }).sha)
  })
  fake.on(`DELETE /repos/${owner}/${repo}/git/refs/:ref`, (_request, params) => {
    const ref = `refs/${params.ref!}`
    if (!tryRev(bare, ref)) return { status: 422, body: { message: 'Reference does not exist' } }
    sh(bare, ['update-ref', '-d', ref])
    return { status: 204 }
  })
  // A commit's whole tree (recursive=1), as REST lists it: blobs, trees and submodules.
  fake.on(`GET /repos/${owner}/${repo}/git/trees/:sha`, (request, params) => {
    if (request.query.get('recursive') === null) {
      return { status: 400, body: { message: 'the fake serves recursive trees only' } }
    }
    let listing: string
    try {
      listing = sh(bare, ['ls-tree', '-r', '-t', '-z', params.sha!])
    } catch {
      return { status: 404, body: { message: 'Not Found' } }
    }
    const tree = listing
      .split('\0')
      .filter(Boolean)
      .map((line) => {
        const [meta, path] = line.split('\t') as [string, string]
        const [mode, type, sha] = meta.split(' ') as [string, string, string]
        return { path, mode, type, sha }
      })
    return { body: { sha: params.sha, tree, truncated: fake.treesTruncated } }
  })
  fake.on(`POST /repos/${owner}/${repo}/git/refs`, (request) => {
    const { ref, sha } = request.body as { ref: string; sha: string }
    if (tryRev(bare, ref)) return { status: 422, body: { message: 'Reference already exists' } }
    return { status: 201, ...setRef(ref.replace(/^refs\//, ''), sha) }
  })
  fake.on(`GET /repos/${owner}/${repo}/pulls`, (request) => {
    const head = request.query.get('head')?.split(':')[1]
    const base = request.query.get('base')
    return {
      body: pulls.filter(
        (p) =>
          p.state === 'open' && (!head || p.head.ref === head) && (!base || p.base.ref === base),
      ),
    }
  })
  fake.on(`POST /repos/${owner}/${repo}/pulls`, (request) => {
    const body = request.body as { head: string; base: string; title: string; body: string }
    if (pulls.some((p) => p.state === 'open' && p.head.ref === body.head)) {
      return { status: 422, body: { message: 'A pull request already exists' } }
    }
    const number = pulls.length + 1
    const pr: PullRequest = {
      number,
      head: { ref: body.head },
      base: { ref: body.base },
      title: body.title,
      body: body.body,
      html_url: `https://github.com/${slug}/pull/${number}`,
      state: 'open',
    }
    pulls.push(pr)
    return { status: 201, body: pr }
  })
  fake.on(`PATCH /repos/${owner}/${repo}/pulls/:number`, (request, params) => {
    const pr = pulls.find((p) => p.number === Number(params.number))
    if (!pr) return { status: 404, body: { message: 'Not Found' } }
    Object.assign(pr, request.body as object)
    return { body: pr }
  })
  return fake
}
