import { UserError } from './errors'

const UNIT_MS: Record<string, number> = {
  w: 7 * 24 * 3600_000,
  d: 24 * 3600_000,
  h: 3600_000,
  m: 60_000,
  s: 1000,
}

/**
 * `24h`, `90m`, `2d`, `1d12h`, `1h 30m`, `1w`, `0` -> milliseconds. Units are
 * required (a bare `24` could mean hours or minutes), each at most once and
 * largest first, so a typo cannot silently change the meaning.
 */
export function parseDuration(text: string, source = 'duration'): number {
  const value = text.trim()
  if (value === '0') return 0
  const compact = value.replace(/\s+/g, '')
  const parts = [...compact.matchAll(/(\d+)([wdhms])/g)]
  const order = 'wdhms'
  let last = -1
  let total = 0
  let consumed = 0
  for (const [whole, amount, unit] of parts) {
    const rank = order.indexOf(unit!)
    if (rank <= last) {
      throw new UserError(
        `${source} must list each unit once, largest first (e.g. 1d12h), got "${text}"`,
      )
    }
    last = rank
    total += Number(amount) * UNIT_MS[unit!]!
    consumed += whole.length
  }
  if (parts.length === 0 || consumed !== compact.length) {
    throw new UserError(
      `${source} must be a duration such as 24h, 90m, 2d or 1d12h (units w, d, h, m, s), got "${text}"`,
    )
  }
  return total
}

/** 93_600_000 -> `1d 2h`; minutes are the finest unit shown unless the span is shorter. */
export function formatDuration(ms: number): string {
  if (ms < 0) return `-${formatDuration(-ms)}`
  if (ms < 60_000) return `${Math.floor(ms / 1000)}s`
  const minutes = Math.floor(ms / 60_000)
  const d = Math.floor(minutes / 1440)
  const h = Math.floor((minutes % 1440) / 60)
  const m = minutes % 60
  const parts: string[] = []
  if (d) parts.push(`${d}d`)
  if (h) parts.push(`${h}h`)
  if (m) parts.push(`${m}m`)
  return parts.join(' ')
}
