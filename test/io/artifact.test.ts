import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  artifactServiceAvailable,
  backendIds,
  uploadDirectory,
  validateArtifactName,
} from '../../src/io/artifact'
import { listFiles, zipDirectory } from '../../src/io/zip'
import {
  type FakeArtifactService,
  readZip,
  runtimeToken,
  startFakeArtifactService,
} from '../harness/artifact-service'
import { tempDir, writeFiles } from '../harness/git-fixtures'

function diagnosticsDir(): string {
  const dir = tempDir('diagnostics-')
  writeFiles(dir, {
    'pods.json': '{"items":[]}',
    'logs/shop/user-service-7d9c/app.previous.log': 'panic: boom\n'.repeat(1000),
    'kind/minishop-4242-control-plane/kubelet.log': 'I1123 kubelet started\n',
    'summary.md': '## ❌ kind-integration failed — ünïcode\n',
  })
  return dir
}

describe('zipDirectory', () => {
  it('zips every file with its relative path, readable by a zip reader', () => {
    const dir = diagnosticsDir()
    writeFileSync(join(dir, 'empty.txt'), '')
    const zip = zipDirectory(dir)
    const files = readZip(zip)
    expect([...files.keys()]).toEqual(listFiles(dir))
    expect([...files.keys()]).toEqual([
      'empty.txt',
      'kind/minishop-4242-control-plane/kubelet.log',
      'logs/shop/user-service-7d9c/app.previous.log',
      'pods.json',
      'summary.md',
    ])
    expect(files.get('summary.md')?.toString()).toBe('## ❌ kind-integration failed — ünïcode\n')
    expect(zip.length).toBeLessThan(2000) // deflated
    let unzip = true
    try {
      execFileSync('unzip', ['-v'], { stdio: 'ignore' })
    } catch {
      unzip = false
    }
    if (unzip) {
      const file = join(tempDir('zip-'), 'd.zip')
      writeFileSync(file, zip)
      expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toContain(
        'No errors detected',
      )
    }
  })
})

describe('uploadDirectory (artifact service v4 protocol)', () => {
  let service: FakeArtifactService
  beforeAll(async () => {
    service = await startFakeArtifactService()
  })
  afterAll(() => service.close())

  it('creates the artifact, PUTs the zip to the signed URL and finalizes it with size and SHA-256', async () => {
    const dir = diagnosticsDir()
    const env = {
      ...service.env,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'minishop/user-service',
      GITHUB_RUN_ID: '4242',
    }
    const uploaded = await uploadDirectory('kind-diagnostics-test', dir, env)
    const [upload] = service.uploads
    const digest = createHash('sha256').update(upload!.body).digest('hex')
    expect(uploaded).toEqual({
      id: '987654',
      size: upload!.body.length,
      digest,
      url: 'https://github.com/minishop/user-service/actions/runs/4242/artifacts/987654',
    })
    expect(service.calls).toEqual([
      {
        method: 'CreateArtifact',
        authorization: `Bearer ${service.env.ACTIONS_RUNTIME_TOKEN}`,
        body: {
          workflow_run_backend_id: 'run-backend-1',
          workflow_job_run_backend_id: 'job-backend-2',
          name: 'kind-diagnostics-test',
          version: 4,
        },
      },
      {
        method: 'FinalizeArtifact',
        authorization: `Bearer ${service.env.ACTIONS_RUNTIME_TOKEN}`,
        body: {
          workflow_run_backend_id: 'run-backend-1',
          workflow_job_run_backend_id: 'job-backend-2',
          name: 'kind-diagnostics-test',
          size: String(upload!.body.length),
          hash: `sha256:${digest}`,
        },
      },
    ])
    expect(upload!.headers['x-ms-blob-type']).toBe('BlockBlob')
    expect(readZip(upload!.body).get('pods.json')?.toString()).toBe('{"items":[]}')
  })

  it('says why a refused upload failed (a name used twice)', async () => {
    service.failCreate(409)
    await expect(
      uploadDirectory('kind-diagnostics-test', diagnosticsDir(), service.env),
    ).rejects.toThrow(/^CreateArtifact failed: HTTP 409 .*already exists/)
    service.failCreate(undefined)
  })

  it('reads the backend ids from the runtime token and knows when there is no service', () => {
    expect(backendIds(runtimeToken('r1', 'j2'))).toEqual({ run: 'r1', job: 'j2' })
    expect(() => backendIds('not.a.jwt')).toThrow('no Actions.Results scope')
    expect(artifactServiceAvailable({})).toBe(false)
    expect(artifactServiceAvailable(service.env)).toBe(true)
    expect(() => validateArtifactName('kind/diagnostics')).toThrow('is not a valid artifact name')
  })
})
