import { describe, expect, it } from 'vitest'
import {
  type DeploymentRecord,
  deploymentEvidence,
  isProduction,
  promotionChanges,
} from '../../src/core/promotion-plan'

function d(
  id: number,
  service: string | undefined,
  value: string | undefined,
  state?: string,
  sha = 's1',
): DeploymentRecord {
  return {
    id,
    createdAt: `2025-06-0${id}T09:00:00Z`,
    sha,
    payload: { ...(service ? { service } : {}), ...(value ? { value } : {}) },
    state,
  }
}

describe('promotion plan', () => {
  it('candidates are the services whose values differ', () => {
    const values = [
      { service: 'a', fromFile: 'a/s', toFile: 'a/p', fromValue: '2', toValue: '1' },
      { service: 'b', fromFile: 'b/s', toFile: 'b/p', fromValue: '1', toValue: '1' },
    ]
    const { changes, unchanged } = promotionChanges(values)
    expect(changes).toEqual([
      { service: 'a', file: 'a/p', current: '1', target: '2', fromFile: 'a/s', fromValue: '2' },
    ])
    expect(unchanged).toEqual(['b'])
    // An explicit value is the target everywhere it differs (the stage gate judges it).
    expect(promotionChanges(values, '3').changes.map((c) => [c.service, c.target])).toEqual([
      ['a', '3'],
      ['b', '3'],
    ])
  })

  it('approval is required by default for production environments only', () => {
    expect(['prod', 'production', 'eu-prod', 'Production'].map(isProduction)).toEqual([
      true,
      true,
      true,
      true,
    ])
    expect(['staging', 'dev', 'preprod-test', 'products'].map(isProduction)).toEqual([
      false,
      false,
      false,
      false,
    ])
  })
})

describe('deploymentEvidence', () => {
  it('live since the oldest of the unbroken run of successful deployments of the candidate', () => {
    const list = [
      d(4, 'user', '2', 'success'),
      d(3, 'order', '9', 'success'),
      d(2, 'user', '2', 'inactive'),
      d(1, 'user', '1', 'success'),
    ]
    expect(deploymentEvidence(list, 'user', '2', undefined)).toEqual({
      state: 'success',
      since: '2025-06-02T09:00:00Z',
      ref: 'deployment 2',
    })
  })

  it('the newest deployment of the service must be the candidate, and have succeeded', () => {
    expect(deploymentEvidence([d(2, 'user', '3', 'success')], 'user', '2', undefined).state).toBe(
      'of 3',
    )
    expect(deploymentEvidence([d(2, 'user', '2', 'failure')], 'user', '2', undefined).state).toBe(
      'failure',
    )
    expect(deploymentEvidence([d(2, 'user', '2')], 'user', '2', undefined).state).toBe(
      'without a status',
    )
    expect(deploymentEvidence([], 'user', '2', undefined).state).toBeUndefined()
  })

  it('counts a deployment without a payload by its commit', () => {
    const foreign = [d(2, undefined, undefined, 'success', 'abc')]
    expect(deploymentEvidence(foreign, 'user', '2', 'abc').state).toBe('success')
    expect(deploymentEvidence(foreign, 'user', '2', 'def').state).toBeUndefined()
  })
})
