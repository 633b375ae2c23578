import type { BuildRequest, CacheMode, PushMode } from '../../core/build-plan'
import { UserError } from '../../core/errors'
import type { LatestMode } from '../../core/tags'
import * as core from '../../io/runner'
import { getBool, getEnum, getList, getOptional, getString } from '../common/inputs'

export interface Inputs extends BuildRequest {
  username: string | undefined
  password: string | undefined
}

export function getInputs(): Inputs {
  const password = getOptional('password')
  // Mask before anything can fail and print it.
  if (password !== undefined) core.setSecret(password)
  const username = getOptional('username')
  if ((username === undefined) !== (password === undefined)) {
    throw new UserError('Inputs username and password go together: give both or neither')
  }
  return {
    service: getString('service', { required: true }).trim(),
    context: getOptional('context')?.trim(),
    dockerfile: getOptional('dockerfile')?.trim(),
    registry: getOptional('registry')?.trim(),
    image: getOptional('image')?.trim(),
    tags: getList('tags'),
    defaultTags: getBool('default-tags', true),
    latest: getEnum<LatestMode>('latest', ['auto', 'true', 'false'], 'auto'),
    push: getEnum<PushMode>('push', ['auto', 'true', 'false'], 'auto'),
    load: getBool('load', false),
    dryRun: getBool('dry-run', false),
    buildArgs: getList('build-args'),
    labels: getList('labels'),
    platforms: getList('platforms', { commas: true }),
    target: getOptional('target')?.trim(),
    pull: getBool('pull', false),
    cache: getEnum<CacheMode>('cache', ['gha', 'registry', 'none'], 'gha'),
    provenance: getOptional('provenance')?.trim() ?? 'auto',
    builder: getOptional('builder')?.trim(),
    username,
    password,
  }
}
