import { describe, expect, it } from 'vitest'
import {
  approverIdentity,
  isRollbackCommit,
  promotionBody,
  promotionSubject,
  promotionTrailers,
  sourceFromTrailers,
} from '../../src/core/promotion-message'
import type { PlanChange, PromotionPlan } from '../../src/core/promotion-plan'
import { makeChange, makePlan } from './promotion.fixtures'

const SHA1 = '1'.repeat(40)
const SHA2 = '2'.repeat(40)

function change(service: string, extra: Partial<PlanChange> = {}): PlanChange {
  return makeChange({ service, source: { repository: 'minishop/shop', commit: SHA1 }, ...extra })
}

function plan(changes: PlanChange[], mode: 'promote' | 'rollback' = 'promote'): PromotionPlan {
  return makePlan(changes, mode === 'rollback' ? { mode, from: undefined } : {})
}

describe('promotion commit message', () => {
  it('names the services, or counts them when there are many', () => {
    expect(promotionSubject(plan([change('user-service'), change('order-service')]))).toBe(
      'Promote to prod: user-service 1.1.0, order-service 1.1.0',
    )
    const many = ['a', 'b', 'c', 'd'].map((s) => change(s))
    expect(promotionSubject(plan(many))).toBe('Promote to prod: 4 services from staging')
    expect(promotionSubject(plan([change('user-service')], 'rollback'))).toBe(
      'Roll back prod: user-service 1.0.0 -> 1.1.0',
    )
    expect(promotionBody(plan([change('user-service')]))).toBe(
      'Promoted from staging to prod:\n- user-service: 1.0.0 -> 1.1.0 (infra/helm-charts/user-service/values-prod.yaml)',
    )
  })

  it('records the audit trail in trailers', () => {
    const trailers = promotionTrailers({
      plan: plan([change('user-service'), change('order-service')]),
      digest: 'sha256:abc',
      environment: 'prod',
      approvals: [
        {
          login: 'alice',
          userId: 7,
          state: 'approved',
          comment: 'LGTM,\nship it',
          environments: ['prod'],
        },
        { login: 'bob', userId: 8, state: 'approved', comment: '', environments: ['staging'] },
      ],
      overrideFreeze: 'INC-42',
      runUrl: 'https://github.com/minishop/shop/actions/runs/1',
      serverUrl: 'https://github.com',
    })
    expect(trailers).toEqual([
      ['Promotion-Mode', 'promote'],
      ['Promoted-From', 'staging'],
      ['Plan-Digest', 'sha256:abc'],
      ['Service-Source', `user-service minishop/shop@${SHA1}`],
      ['Service-Source', `order-service minishop/shop@${SHA1}`],
      ['Source-Repository', 'minishop/shop'],
      ['Source-Commit', SHA1],
      ['Approved-by', 'alice <7+alice@users.noreply.github.com>'],
      ['Approval-Comment', 'alice: LGTM, ship it'],
      ['Freeze-Override', 'INC-42'],
      ['Run-URL', 'https://github.com/minishop/shop/actions/runs/1'],
    ])
  })

  it('leaves out the plain source trailers when services come from different commits', () => {
    const trailers = promotionTrailers({
      plan: plan([
        change('a'),
        change('b', { source: { repository: 'minishop/shop', commit: SHA2 } }),
      ]),
      digest: 'sha256:abc',
      environment: 'prod',
      approvals: [],
      serverUrl: 'https://ghe.example.com',
    })
    expect(trailers.map(([k]) => k)).toEqual([
      'Promotion-Mode',
      'Promoted-From',
      'Plan-Digest',
      'Service-Source',
      'Service-Source',
    ])
  })

  it('reads a source back: per service first, then the plain trailers', () => {
    const trailers: [string, string][] = [
      ['Service-Source', `a minishop/a@${SHA1}`],
      ['Service-Source', `b minishop/b@${SHA2}`],
      ['Source-Repository', 'minishop/shop'],
      ['Source-Commit', SHA2],
    ]
    expect(sourceFromTrailers(trailers, 'b')).toEqual({ repository: 'minishop/b', commit: SHA2 })
    expect(sourceFromTrailers(trailers, 'c')).toEqual({ repository: 'minishop/shop', commit: SHA2 })
    expect(sourceFromTrailers([], 'c')).toBeUndefined()
    expect(isRollbackCommit([['Promotion-Mode', 'rollback']])).toBe(true)
    expect(isRollbackCommit([['Promotion-Mode', 'promote']])).toBe(false)
  })

  it('writes approvers as GitHub no-reply identities, on Enterprise Server too', () => {
    const a = { login: 'alice', userId: 7, state: 'approved', comment: '', environments: [] }
    expect(approverIdentity(a, 'https://ghe.example.com/')).toBe(
      'alice <7+alice@users.noreply.ghe.example.com>',
    )
  })
})
