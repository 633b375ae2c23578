// Uploads one directory as a workflow artifact through the runner's artifact
// service (the v4 protocol actions/upload-artifact uses): CreateArtifact,
// one PUT of the zip to the signed blob URL, FinalizeArtifact with its size and
// SHA-256. Only where the runner provides ACTIONS_RUNTIME_TOKEN and
// ACTIONS_RESULTS_URL, which it does for JavaScript actions.
import { createHash } from 'node:crypto'
import { UserError } from '../core/errors'
import { zipDirectory } from './zip'

const SERVICE = '/twirp/github.actions.results.api.v1.ArtifactService'

export interface ArtifactEnv {
  ACTIONS_RUNTIME_TOKEN?: string
  ACTIONS_RESULTS_URL?: string
  GITHUB_SERVER_URL?: string
  GITHUB_REPOSITORY?: string
  GITHUB_RUN_ID?: string
}

export interface UploadedArtifact {
  id: string
  size: number
  digest: string
  url?: string
}

/** Whether this runner offers the artifact service at all. */
export function artifactServiceAvailable(env: ArtifactEnv = process.env): boolean {
  return Boolean(env.ACTIONS_RUNTIME_TOKEN && env.ACTIONS_RESULTS_URL)
}

/** The run and job backend ids from the runtime token's `Actions.Results:<run>:<job>` scope. */
export function backendIds(token: string): { run: string; job: string } {
  const payload = token.split('.')[1]
  let scp = ''
  try {
    scp = String(JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')).scp ?? '')
  } catch {
    // handled below
  }
  for (const scope of scp.split(' ')) {
    const [name, run, job, ...rest] = scope.split(':')
    if (name === 'Actions.Results' && run && job && rest.length === 0) return { run, job }
  }
  throw new Error('the runtime token carries no Actions.Results scope')
}

export function validateArtifactName(name: string): string {
  if (name === '' || /["':<>|*?\r\n\\/]/.test(name)) {
    throw new UserError(
      `Input artifact-name: "${name}" is not a valid artifact name (no " : < > | * ? \\ / or line breaks)`,
    )
  }
  return name
}

async function withRetry<T>(
  what: string,
  attempt: () => Promise<Response>,
  read: (r: Response) => Promise<T>,
): Promise<T> {
  let last = ''
  for (let i = 1; i <= 3; i++) {
    try {
      const response = await attempt()
      if (response.ok) return await read(response)
      last = `HTTP ${response.status} ${(await response.text()).slice(0, 300)}`
      if (response.status < 500 && response.status !== 429 && response.status !== 408) break
    } catch (error) {
      last = error instanceof Error ? error.message : String(error)
    }
    if (i < 3) await new Promise((r) => setTimeout(r, 1000 * i))
  }
  throw new Error(`${what} failed: ${last}`)
}

async function twirp<T>(env: ArtifactEnv, method: string, body: object): Promise<T> {
  const url = new URL(`${SERVICE}/${method}`, env.ACTIONS_RESULTS_URL).href
  return withRetry(
    method,
    () =>
      fetch(url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${env.ACTIONS_RUNTIME_TOKEN}`,
          'content-type': 'application/json',
          'user-agent': 'minishop-actions/kind-integration',
        },
        body: JSON.stringify(body),
      }),
    async (r) => (await r.json()) as T,
  )
}

/** Zips `dir` and uploads it as artifact `name`. */
export async function uploadDirectory(
  name: string,
  dir: string,
  env: ArtifactEnv = process.env,
): Promise<UploadedArtifact> {
  if (!artifactServiceAvailable(env)) throw new Error('the runner offers no artifact service here')
  const ids = backendIds(env.ACTIONS_RUNTIME_TOKEN!)
  const zip = zipDirectory(dir)
  const digest = createHash('sha256').update(zip).digest('hex')
  const request = { workflow_run_backend_id: ids.run, workflow_job_run_backend_id: ids.job, name }
  const created = await twirp<{ ok?: boolean; signed_upload_url?: string }>(env, 'CreateArtifact', {
    ...request,
    version: 4,
  })
  if (!created.ok || !created.signed_upload_url) {
    throw new Error(
      `CreateArtifact refused artifact ${name} (does an artifact of that name exist already?)`,
    )
  }
  const uploadUrl = created.signed_upload_url
  await withRetry(
    'Uploading the zip',
    () =>
      fetch(uploadUrl, {
        method: 'PUT',
        headers: { 'x-ms-blob-type': 'BlockBlob', 'content-type': 'zip' },
        body: zip,
      }),
    async () => undefined,
  )
  const finalized = await twirp<{ ok?: boolean; artifact_id?: string | number }>(
    env,
    'FinalizeArtifact',
    {
      ...request,
      size: String(zip.length),
      hash: `sha256:${digest}`,
    },
  )
  if (!finalized.ok) throw new Error(`FinalizeArtifact refused artifact ${name}`)
  const id = String(finalized.artifact_id ?? '')
  const url =
    id && env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
      ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}/artifacts/${id}`
      : undefined
  return { id, size: zip.length, digest, ...(url ? { url } : {}) }
}
