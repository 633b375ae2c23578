import { describe, expect, it } from 'vitest'
import { planDigest } from '../../src/core/plan-digest'
import { promotionEdits } from '../../src/core/promotion-edits'
import { makeChange, makePlan } from './promotion.fixtures'

const FILE = 'infra/helm-charts/user-service/values-prod.yaml'
const VALUES = `image:
  tag: "1.0.0" # app
initContainers:
  - name: migrate
    image:
      tag: '1.0.0'
sidecars:
  - name: envoy
    image: {tag: v1.29.1}
`

describe('promotionEdits', () => {
  it('sets the value at the key and every also-set key, touching nothing else', () => {
    const plan = makePlan([makeChange({ file: FILE })], {
      alsoSet: ['initContainers[name=migrate].image.tag'],
    })
    const [edit] = promotionEdits(plan, new Map([[FILE, VALUES]]))
    expect(edit!.after).toBe(
      VALUES.replace('tag: "1.0.0" # app', 'tag: "1.1.0" # app').replace(
        "tag: '1.0.0'",
        "tag: '1.1.0'",
      ),
    )
    // The also-set keys are part of what is sealed.
    expect(planDigest(plan)).not.toBe(planDigest(makePlan([makeChange({ file: FILE })])))
  })

  it('refuses an also-set key the file does not have, naming file and key', () => {
    const plan = makePlan([makeChange({ file: FILE })], { alsoSet: ['worker.image.tag'] })
    expect(() => promotionEdits(plan, new Map([[FILE, VALUES]]))).toThrow(
      /values-prod\.yaml.*worker\.image\.tag/,
    )
  })
})
