// Outside a runner there is no GITHUB_* environment: derive what the actions
// read from the local git checkout, so `build-and-tag --dry-run` in a service
// repo shows the tags CI would push for this commit.
import { execFileSync } from 'node:child_process'

function gitIn(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim()
  } catch {
    return undefined
  }
}

/** "owner/name" from a GitHub-style remote URL (https, ssh or scp form), if it has that shape. */
export function repositoryFromUrl(url: string): string | undefined {
  const match = /[/:]([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(url.trim())
  return match ? `${match[1]}/${match[2]}` : undefined
}

export interface LocalContext {
  env: Record<string, string>
  event: Record<string, unknown>
}

export interface LocalContextOptions {
  workspace: string
  eventName?: string
  ref?: string
  sha?: string
  runId?: string
}

export function localContext(options: LocalContextOptions): LocalContext {
  const cwd = options.workspace
  const sha = options.sha ?? gitIn(cwd, ['rev-parse', 'HEAD']) ?? '0'.repeat(40)
  const branch = gitIn(cwd, ['symbolic-ref', '--short', '-q', 'HEAD'])
  const ref = options.ref ?? (branch ? `refs/heads/${branch}` : sha)
  const originHead = gitIn(cwd, ['symbolic-ref', '--short', '-q', 'refs/remotes/origin/HEAD'])
  const defaultBranch = originHead?.replace(/^origin\//, '') ?? branch ?? 'main'
  const remote = gitIn(cwd, ['remote', 'get-url', 'origin'])
  const repository =
    (remote && repositoryFromUrl(remote)) ??
    `local/${cwd.split('/').filter(Boolean).pop() ?? 'repo'}`
  const serverUrl = 'https://github.com'
  const eventName = options.eventName ?? 'push'
  const event: Record<string, unknown> = {
    ref,
    after: sha,
    repository: {
      full_name: repository,
      name: repository.split('/')[1],
      owner: { login: repository.split('/')[0] },
      default_branch: defaultBranch,
      html_url: `${serverUrl}/${repository}`,
    },
    head_commit: { id: sha },
  }
  return {
    event,
    env: {
      GITHUB_SHA: sha,
      GITHUB_REF: ref,
      GITHUB_REF_NAME: ref.replace(/^refs\/(heads|tags)\//, ''),
      GITHUB_REF_TYPE: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
      GITHUB_EVENT_NAME: eventName,
      GITHUB_REPOSITORY: repository,
      GITHUB_REPOSITORY_OWNER: repository.split('/')[0]!,
      GITHUB_SERVER_URL: serverUrl,
      GITHUB_API_URL: process.env.GITHUB_API_URL ?? 'https://api.github.com',
      GITHUB_WORKSPACE: cwd,
      // No run, no run id: a made-up one would put a link to a run that does
      // not exist in the commits' Run-URL trailer.
      ...(options.runId ? { GITHUB_RUN_ID: options.runId } : {}),
      GITHUB_RUN_NUMBER: '0',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_ACTOR: process.env.USER ?? 'local',
      GITHUB_WORKFLOW: 'minishop-actions CLI',
      GITHUB_JOB: 'cli',
      RUNNER_OS:
        process.platform === 'darwin'
          ? 'macOS'
          : process.platform === 'win32'
            ? 'Windows'
            : 'Linux',
      RUNNER_ARCH: process.arch === 'arm64' ? 'ARM64' : 'X64',
    },
  }
}
