// The docker CLI: buildx detection, build, push, login/logout, inspect.
// Every call is an argument array through src/io/exec.ts: no shell.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { run } from './exec'

export interface DockerOptions {
  /** A DOCKER_CONFIG directory (set after a login, so credentials stay in RUNNER_TEMP). */
  configDir?: string
  /** Extra environment for this call. */
  env?: Record<string, string>
  /** Echo the command and stream its output to the log. */
  verbose?: boolean
}

function dockerEnv(options: DockerOptions): Record<string, string> | undefined {
  const env = { ...options.env }
  if (options.configDir) env.DOCKER_CONFIG = options.configDir
  return Object.keys(env).length > 0 ? env : undefined
}

export function docker(args: readonly string[], options: DockerOptions = {}) {
  return run('docker', args, { env: dockerEnv(options), silent: !options.verbose })
}

/** Whether `docker buildx` is there (Debian's docker.io has no buildx). */
export async function hasBuildx(options: DockerOptions = {}): Promise<boolean> {
  try {
    const result = await run('docker', ['buildx', 'version'], {
      env: dockerEnv(options),
      allowFailure: true,
    })
    return result.code === 0
  } catch {
    return false
  }
}

/**
 * The driver of a buildx builder (`docker`, `docker-container`, ...). The
 * plain `docker` driver cannot export a build cache.
 */
export async function buildxDriver(
  builder: string | undefined,
  options: DockerOptions = {},
): Promise<string | undefined> {
  const args = ['buildx', 'inspect', ...(builder ? ['--builder', builder] : [])]
  const result = await run('docker', args, { env: dockerEnv(options), allowFailure: true })
  return result.code === 0 ? /^Driver:\s+(\S+)/m.exec(result.stdout)?.[1] : undefined
}

/**
 * A private DOCKER_CONFIG under `parent` (RUNNER_TEMP) for a login: a copy
 * of the user's config.json without credential stores, so the password is
 * written only there, and links to the user's buildx builders and CLI plugins.
 */
export function privateDockerConfig(parent: string, host: string): string {
  const source = process.env.DOCKER_CONFIG || join(homedir(), '.docker')
  const dir = join(parent, `docker-config-${process.pid}-${Date.now()}`)
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  let config: Record<string, unknown> = {}
  const sourceFile = join(source, 'config.json')
  if (existsSync(sourceFile)) {
    try {
      config = JSON.parse(readFileSync(sourceFile, 'utf8')) as Record<string, unknown>
    } catch {
      config = {}
    }
  }
  delete config.credsStore
  const helpers = config.credHelpers as Record<string, unknown> | undefined
  if (helpers) delete helpers[host]
  writeFileSync(join(dir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 })
  if (existsSync(source)) {
    for (const entry of readdirSync(source)) {
      if (entry !== 'config.json') symlinkSync(join(source, entry), join(dir, entry))
    }
  }
  return dir
}

export async function login(
  host: string,
  username: string,
  password: string,
  configDir: string,
): Promise<void> {
  await run('docker', ['login', host, '--username', username, '--password-stdin'], {
    env: { DOCKER_CONFIG: configDir },
    input: password,
  })
}

export async function logout(host: string, configDir: string): Promise<void> {
  await run('docker', ['logout', host], { env: { DOCKER_CONFIG: configDir }, allowFailure: true })
}

/** `docker push` of one reference; returns the digest docker printed, if any. */
export async function push(ref: string, options: DockerOptions = {}): Promise<string | undefined> {
  const result = await docker(['push', ref], { ...options, verbose: true })
  return /digest: (sha256:[0-9a-f]{64})/.exec(result.stdout)?.[1]
}

export interface ImageInspection {
  id: string
  labels: Record<string, string>
  repoDigests: string[]
}

export async function inspectImage(
  ref: string,
  options: DockerOptions = {},
): Promise<ImageInspection> {
  const result = await docker(['image', 'inspect', '--format', '{{json .}}', ref], options)
  const json = JSON.parse(result.stdout) as {
    Id: string
    Config?: { Labels?: Record<string, string> | null }
    RepoDigests?: string[] | null
  }
  return { id: json.Id, labels: json.Config?.Labels ?? {}, repoDigests: json.RepoDigests ?? [] }
}
