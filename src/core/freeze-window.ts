import { UserError } from './errors'

// Freeze windows are wall-clock times in an IANA time zone, compared in that
// zone's local time (via Intl), so "Fri 16:00" stays 16:00 in Berlin across
// daylight-saving changes.

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const
const FULL_DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']

export type FreezeWindow =
  /** Every week: minutes since Monday 00:00; end < start crosses the week boundary. */
  | { kind: 'weekly'; text: string; timeZone: string; start: number; end: number }
  /** Every day: minutes since midnight; end < start crosses midnight. */
  | { kind: 'daily'; text: string; timeZone: string; start: number; end: number }
  /** Once: local `YYYY-MM-DDTHH:MM` bounds, end exclusive. */
  | { kind: 'once'; text: string; timeZone: string; start: string; end: string }

export interface ActiveFreeze {
  window: FreezeWindow
  /** Now, in the window's time zone: `Sat 2025-06-14 10:12 Europe/Berlin`. */
  localNow: string
}

const TIME = String.raw`([01]?\d|2[0-3]):([0-5]\d)`
const DAY = '([A-Za-z]+)'
const DATE = String.raw`(\d{4}-\d{2}-\d{2})`
const WEEKLY = new RegExp(String.raw`^${DAY}\s+${TIME}\s*-\s*${DAY}\s+${TIME}(?:\s+(\S+))?$`)
const DAILY = new RegExp(String.raw`^${TIME}\s*-\s*${TIME}(?:\s+(\S+))?$`)
const ONCE = new RegExp(
  String.raw`^${DATE}(?:\s+${TIME})?\s+-\s+${DATE}(?:\s+${TIME})?(?:\s+(\S+))?$`,
)

/**
 * One window a line (blank lines and `#` comments ignored):
 *   `Fri 16:00-Mon 08:00 Europe/Berlin`   every week, may cross Sunday night
 *   `22:00-06:00 Europe/Berlin`           every day, may cross midnight
 *   `2025-12-22 - 2026-01-02 Europe/Berlin` once; a date alone is that whole day
 *   `2025-12-22 12:00 - 2025-12-22 18:00 UTC`
 * The time zone defaults to UTC.
 */
export function parseFreezeWindows(text: string, source = 'freeze'): FreezeWindow[] {
  const windows: FreezeWindow[] = []
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim()
    if (line === '') return
    windows.push(parseWindow(line, `${source} (line ${index + 1})`))
  })
  return windows
}

function parseWindow(line: string, where: string): FreezeWindow {
  const weekly = WEEKLY.exec(line)
  if (weekly) {
    const [, d1, h1, m1, d2, h2, m2, tz] = weekly
    const timeZone = checkTimeZone(tz ?? 'UTC', where)
    const start = day(d1!, where) * 1440 + Number(h1) * 60 + Number(m1)
    const end = day(d2!, where) * 1440 + Number(h2) * 60 + Number(m2)
    if (start === end) throw new UserError(`${where}: "${line}" starts when it ends`)
    return { kind: 'weekly', text: line, timeZone, start, end }
  }
  const daily = DAILY.exec(line)
  if (daily) {
    const [, h1, m1, h2, m2, tz] = daily
    const timeZone = checkTimeZone(tz ?? 'UTC', where)
    const start = Number(h1) * 60 + Number(m1)
    const end = Number(h2) * 60 + Number(m2)
    if (start === end) throw new UserError(`${where}: "${line}" starts when it ends`)
    return { kind: 'daily', text: line, timeZone, start, end }
  }
  const once = ONCE.exec(line)
  if (once) {
    const [, date1, h1, m1, date2, h2, m2, tz] = once
    const timeZone = checkTimeZone(tz ?? 'UTC', where)
    checkDate(date1!, where)
    checkDate(date2!, where)
    const start = `${date1}T${pad(h1 ?? '0')}:${m1 ?? '00'}`
    // A date without a time is the whole day: the window ends when the next day begins.
    const end = h2 === undefined ? `${nextDay(date2!)}T00:00` : `${date2}T${pad(h2)}:${m2}`
    if (end <= start) throw new UserError(`${where}: "${line}" ends before it starts`)
    return { kind: 'once', text: line, timeZone, start, end }
  }
  throw new UserError(
    `${where}: cannot read "${line}"; write a window as "Fri 16:00-Mon 08:00 Europe/Berlin", "22:00-06:00 UTC" or "2025-12-22 - 2026-01-02 Europe/Berlin"`,
  )
}

function day(name: string, where: string): number {
  const lower = name.toLowerCase()
  let index = DAYS.indexOf(lower as (typeof DAYS)[number])
  if (index < 0) index = FULL_DAYS.indexOf(lower)
  if (index < 0) throw new UserError(`${where}: "${name}" is not a day (Mon, Tue, ... Sun)`)
  return index
}

function checkTimeZone(timeZone: string, where: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone
  } catch {
    throw new UserError(
      `${where}: "${timeZone}" is not an IANA time zone (e.g. Europe/Berlin, America/New_York, UTC)`,
    )
  }
}

function checkDate(date: string, where: string): void {
  const parsed = new Date(`${date}T00:00:00Z`)
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) {
    throw new UserError(`${where}: "${date}" is not a calendar date`)
  }
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}

function pad(hours: string): string {
  return hours.padStart(2, '0')
}

interface WallClock {
  /** 0 = Monday. */
  weekday: number
  date: string
  minutes: number
}

function wallClock(now: Date, timeZone: string): WallClock {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(now)
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? ''
  return {
    weekday: DAY_NAMES.indexOf(get('weekday') as (typeof DAY_NAMES)[number]),
    date: `${get('year')}-${get('month')}-${get('day')}`,
    minutes: Number(get('hour')) * 60 + Number(get('minute')),
  }
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

function within(value: number, start: number, end: number): boolean {
  // end < start: the window wraps around (midnight, or Sunday night).
  return start < end ? value >= start && value < end : value >= start || value < end
}

/** The first window that contains `now`, or undefined. */
export function activeFreeze(windows: FreezeWindow[], now: Date): ActiveFreeze | undefined {
  for (const window of windows) {
    const local = wallClock(now, window.timeZone)
    let inside: boolean
    if (window.kind === 'weekly') {
      inside = within(local.weekday * 1440 + local.minutes, window.start, window.end)
    } else if (window.kind === 'daily') {
      inside = within(local.minutes, window.start, window.end)
    } else {
      const stamp = `${local.date}T${hhmm(local.minutes)}`
      inside = stamp >= window.start && stamp < window.end
    }
    if (inside) {
      const localNow = `${DAY_NAMES[local.weekday]} ${local.date} ${hhmm(local.minutes)} ${window.timeZone}`
      return { window, localNow }
    }
  }
  return undefined
}
