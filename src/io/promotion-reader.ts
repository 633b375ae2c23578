import type { ReadFile } from '../core/commit-plan'
import { isUserError, UserError } from '../core/errors'
import { renderFileTemplate } from '../core/file-template'
import { mapLimit } from '../core/map-limit'
import { sourceFromTrailers } from '../core/promotion-message'
import {
  type PlanChange,
  type PromotionMode,
  type PromotionPlan,
  promotionChanges,
  type ServiceValues,
} from '../core/promotion-plan'
import { discoverServices, templatePathspec } from '../core/service-discovery'
import { readScalar } from '../core/yaml-edit'
import { BlobReader } from './git-blobs'
import { GitOpsHistory } from './gitops-history'

// Reads a promotion plan at one GitOps commit: the values of each service in
// `from` and `to` and, from the history, where each value came from. The same
// function computes the plan shown to reviewers and, at apply time, the plan
// at the branch tip that must match it.

export interface PlanRequest {
  dir: string
  env?: Record<string, string>
  mode: PromotionMode
  from?: string
  to: string
  /** Empty: every service with a values file for both environments. */
  services: string[]
  fileTemplate: string
  key: string
  /** Further keys that get the same value. */
  alsoSet?: string[]
  /** Promote: the value to promote (must be what `from` runs); rollback: the value to put back. */
  toValue?: string
}

/**
 * Files of one commit, through one `git cat-file --batch` (`blobs`, which the
 * plan's history reads through too). Each file is read once: the plan reads
 * the values, then the edits read the same files.
 */
export function readerAt(
  dir: string,
  ref: string,
  env: Record<string, string> = {},
): { read: ReadFile; blobs: BlobReader; close: () => void } {
  const blobs = new BlobReader(dir, env)
  const files = new Map<string, Promise<string | undefined>>()
  const read = (path: string) => {
    let text = files.get(path)
    if (!text) {
      text = blobs.read(`${ref}:${path}`).then((bytes) => bytes?.toString('utf8'))
      files.set(path, text)
    }
    return text
  }
  return { read, blobs, close: () => blobs.close() }
}

function readValue(
  text: string | undefined,
  file: string,
  key: string,
  service: string,
  tip: string,
): string {
  if (text === undefined) {
    throw new UserError(`${service}: ${file} does not exist (at ${tip.slice(0, 12)})`, { file })
  }
  const value = readScalar(text, key, file)
  if (value === undefined) throw new UserError(`${file}: key "${key}" does not exist`, { file })
  return value
}

/** The services with a values file for each of `envs` among `paths` (the files at the tip). */
function servicesIn(req: PlanRequest, envs: string[], paths: string[]): string[] {
  const services = discoverServices(req.fileTemplate, envs, paths)
  if (services.length === 0) {
    throw new UserError(
      `No service has a values file for ${envs.join(' and ')} (file-template ${req.fileTemplate})`,
    )
  }
  return services
}

/**
 * The plan at `tip`, its files read through `read`. `blobs`: a running reader
 * of the repository for the history's old versions (else it starts its own).
 */
export async function readPlan(
  req: PlanRequest,
  tip: string,
  read: ReadFile,
  blobs?: BlobReader,
): Promise<PromotionPlan> {
  return req.mode === 'rollback'
    ? readRollback(req, tip, read, blobs)
    : readPromotion(req, tip, read, blobs)
}

/** Starts every read at once (one round trip, not one per file); failures surface when awaited. */
function readAll(read: ReadFile, files: string[]): Map<string, Promise<string | undefined>> {
  const texts = new Map<string, Promise<string | undefined>>()
  for (const file of files) {
    const text = read(file)
    text.catch(() => {})
    texts.set(file, text)
  }
  return texts
}

/** The paths, or undefined when one does not render (its UserError is for later). */
function renderable(paths: () => string[]): string[] | undefined {
  try {
    return paths()
  } catch (error) {
    if (isUserError(error)) return undefined
    throw error
  }
}

async function readPromotion(req: PlanRequest, tip: string, read: ReadFile, blobs?: BlobReader) {
  const from = req.from!
  const envs = [from, req.to]
  let services = req.services
  let discovered: GitOpsHistory | undefined
  if (services.length === 0) {
    // The services are found in the history itself: one `git log` over
    // every file the template can name in `from` and `to`. The files at the
    // tip are those whose newest change left them in place.
    discovered = await GitOpsHistory.load(
      req.dir,
      tip,
      envs.map((env) => templatePathspec(req.fileTemplate, env)),
      req.env,
      blobs,
    )
    services = servicesIn(req, envs, discovered.presentFiles())
  }
  const fileOf = (service: string, env: string) =>
    renderFileTemplate(req.fileTemplate, { service, env })
  // Named services: their history's `git log` runs while the values are
  // read and parsed. (A path that does not render fails in the loop, in its
  // turn.) All files are asked for at once.
  const early = renderable(() => services.flatMap((s) => [fileOf(s, from), fileOf(s, req.to)]))
  const loading =
    discovered || !early ? undefined : GitOpsHistory.load(req.dir, tip, early, req.env, blobs)
  loading?.catch(() => {})
  const texts = readAll(read, early ?? [])
  const textOf = (file: string) => texts.get(file) ?? read(file)
  const values: ServiceValues[] = []
  for (const service of services) {
    const fromFile = fileOf(service, from)
    const toFile = fileOf(service, req.to)
    values.push({
      service,
      fromFile,
      toFile,
      fromValue: readValue(await textOf(fromFile), fromFile, req.key, service, tip),
      toValue: readValue(await textOf(toFile), toFile, req.key, service, tip),
    })
  }
  const { changes, unchanged } = promotionChanges(values, req.toValue)
  const files = values.flatMap((v) => [v.fromFile, v.toFile])
  const history =
    discovered ?? (await (loading ?? GitOpsHistory.load(req.dir, tip, files, req.env, blobs)))
  try {
    // Services' histories side by side: their reads share cat-file's round
    // trips (bounded: a merged change costs a `git log` of its own).
    await mapLimit(changes, 8, async (c) => {
      const origin = await history.valueOrigin(c.fromFile!, req.key, c.target)
      if (origin) {
        c.liveSince = origin.time
        c.liveSinceRef = origin.commit
        c.source = sourceFromTrailers(origin.trailers, c.service)
      }
      await previousSource(history, c, req.key)
    })
  } finally {
    history.close()
  }
  return plan(req, history.headOf(files) ?? tip, changes, unchanged)
}

async function previousSource(history: GitOpsHistory, c: PlanChange, key: string) {
  if (c.current === undefined) return
  const origin = await history.valueOrigin(c.file, key, c.current)
  if (origin) c.previousSource = sourceFromTrailers(origin.trailers, c.service)
}

async function readRollback(req: PlanRequest, tip: string, read: ReadFile, blobs?: BlobReader) {
  const changes: PlanChange[] = []
  const unchanged: string[] = []
  const files = req.services.map((service) => ({
    service,
    file: renderFileTemplate(req.fileTemplate, { service, env: req.to }),
  }))
  const paths = files.map((f) => f.file)
  const texts = readAll(read, paths)
  const history = await GitOpsHistory.load(req.dir, tip, paths, req.env, blobs)
  try {
    for (const { service, file } of files) {
      const current = readValue(await texts.get(file), file, req.key, service, tip)
      // The promotion that brought the current value (rollbacks skipped, so
      // rolling back twice goes further back instead of undoing the rollback).
      const brought = await history.valueOrigin(file, req.key, current, { skipRollbacks: true })
      let target = req.toValue
      if (target === undefined) {
        if (!brought || brought.previous === undefined) {
          throw new UserError(
            `${service}: the GitOps history of ${file} has no value before ${current}, so there is nothing to roll back to (give to-value)`,
            { file },
          )
        }
        target = brought.previous
      }
      if (target === current) {
        unchanged.push(service)
        continue
      }
      const change: PlanChange = { service, file, current, target }
      const ran = await history.valueOrigin(file, req.key, target)
      change.targetRanInTo = ran !== undefined
      if (ran) {
        change.liveSince = ran.time
        change.liveSinceRef = ran.commit
        change.source = sourceFromTrailers(ran.trailers, service)
      }
      await previousSource(history, change, req.key)
      changes.push(change)
    }
  } finally {
    history.close()
  }
  return plan(req, history.headOf(paths) ?? tip, changes, unchanged)
}

function plan(
  req: PlanRequest,
  head: string,
  changes: PlanChange[],
  unchanged: string[],
): PromotionPlan {
  return {
    mode: req.mode,
    ...(req.mode === 'rollback' ? {} : { from: req.from }),
    to: req.to,
    key: req.key,
    ...(req.alsoSet?.length ? { alsoSet: req.alsoSet } : {}),
    head,
    changes,
    unchanged,
  }
}
