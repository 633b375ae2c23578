import { getList, getOptional, getString } from '../common/inputs'

export interface Inputs {
  servicesDir: string
  config: string | undefined
  sharedPaths: string[]
  base: string | undefined
  head: string | undefined
  path: string
  remote: string
}

export function getInputs(): Inputs {
  return {
    servicesDir: getOptional('services-dir')?.trim() ?? 'services',
    config: getOptional('config')?.trim(),
    sharedPaths: getList('shared-paths'),
    base: getOptional('base')?.trim(),
    head: getOptional('head')?.trim(),
    path: getOptional('path')?.trim() ?? '.',
    remote: getString('remote').trim() || 'origin',
  }
}
