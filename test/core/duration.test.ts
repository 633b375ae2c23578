import { describe, expect, it } from 'vitest'
import { formatDuration, parseDuration } from '../../src/core/duration'

const H = 3600_000

describe('parseDuration', () => {
  it.each([
    ['24h', 24 * H],
    ['90m', 90 * 60_000],
    ['2d', 48 * H],
    ['1d12h', 36 * H],
    ['1h 30m', 1.5 * H],
    ['1w', 7 * 24 * H],
    ['45s', 45_000],
    ['0', 0],
    [' 3h ', 3 * H],
  ])('%s', (text, ms) => {
    expect(parseDuration(text)).toBe(ms)
  })

  it.each(['24', 'h', '1.5h', '24 hours', '-1h', '1h1h', '30m1h', '1x', ''])(
    'refuses "%s", naming the input',
    (text) => {
      expect(() => parseDuration(text, 'min-soak')).toThrow(/^min-soak must/)
    },
  )
})

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [59_000, '59s'],
    [90 * 60_000, '1h 30m'],
    [26 * H, '1d 2h'],
    [3 * 24 * H + 5 * 60_000, '3d 5m'],
  ])('%d ms -> %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text)
  })
})
