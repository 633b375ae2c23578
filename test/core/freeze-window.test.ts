import { describe, expect, it } from 'vitest'
import { activeFreeze, parseFreezeWindows } from '../../src/core/freeze-window'

function frozenAt(spec: string, iso: string): string | undefined {
  return activeFreeze(parseFreezeWindows(spec), new Date(iso))?.window.text
}

describe('freeze windows', () => {
  const weekend = 'Fri 16:00-Mon 08:00 Europe/Berlin'

  it('crosses the week boundary in the window time zone', () => {
    // 2025-06-13 is a Friday; Berlin is UTC+2 in June.
    expect(frozenAt(weekend, '2025-06-13T13:59:00Z')).toBeUndefined() // Fri 15:59 Berlin
    expect(frozenAt(weekend, '2025-06-13T14:00:00Z')).toBe(weekend) // Fri 16:00 Berlin
    expect(frozenAt(weekend, '2025-06-15T12:00:00Z')).toBe(weekend) // Sunday
    expect(frozenAt(weekend, '2025-06-16T05:59:00Z')).toBe(weekend) // Mon 07:59 Berlin
    expect(frozenAt(weekend, '2025-06-16T06:00:00Z')).toBeUndefined() // Mon 08:00 Berlin
    expect(frozenAt(weekend, '2025-06-18T12:00:00Z')).toBeUndefined() // Wednesday
  })

  it('follows daylight saving: 16:00 local stays 16:00 local', () => {
    // 2025-01-10 is a Friday; Berlin is UTC+1 in January.
    expect(frozenAt(weekend, '2025-01-10T14:30:00Z')).toBeUndefined() // 15:30 Berlin
    expect(frozenAt(weekend, '2025-01-10T15:00:00Z')).toBe(weekend) // 16:00 Berlin
  })

  it('reports local time in the window zone', () => {
    const active = activeFreeze(parseFreezeWindows(weekend), new Date('2025-06-14T08:12:00Z'))
    expect(active?.localNow).toBe('Sat 2025-06-14 10:12 Europe/Berlin')
  })

  it('takes several windows, one a line, with comments, and daily windows across midnight', () => {
    const spec = `
      # nights and the weekend
      22:00-06:00 America/New_York
      Sat 00:00-Sun 23:59 UTC  # weekend
    `
    expect(frozenAt(spec, '2025-06-11T03:00:00Z')).toBe('22:00-06:00 America/New_York') // 23:00 NY
    expect(frozenAt(spec, '2025-06-11T09:30:00Z')).toBe('22:00-06:00 America/New_York') // 05:30 NY
    expect(frozenAt(spec, '2025-06-11T10:00:00Z')).toBeUndefined() // 06:00 NY
    expect(frozenAt(spec, '2025-06-14T15:00:00Z')).toBe('Sat 00:00-Sun 23:59 UTC')
  })

  it('takes one-off date ranges; a date alone is the whole day', () => {
    const spec = '2025-12-22 - 2026-01-02 Europe/Berlin'
    expect(frozenAt(spec, '2025-12-21T22:59:00Z')).toBeUndefined() // Dec 21 23:59 Berlin
    expect(frozenAt(spec, '2025-12-21T23:00:00Z')).toBe(spec) // Dec 22 00:00 Berlin
    expect(frozenAt(spec, '2026-01-02T22:59:00Z')).toBe(spec) // Jan 2 23:59 Berlin
    expect(frozenAt(spec, '2026-01-02T23:00:00Z')).toBeUndefined() // Jan 3 00:00 Berlin
    const hours = '2025-06-13 12:00 - 2025-06-13 18:00'
    expect(frozenAt(hours, '2025-06-13T17:59:00Z')).toBe(hours) // UTC by default
    expect(frozenAt(hours, '2025-06-13T18:00:00Z')).toBeUndefined()
  })

  it('accepts full day names and any case', () => {
    expect(frozenAt('friday 16:00-monday 08:00 utc', '2025-06-14T00:00:00Z')).toBeDefined()
  })

  it.each([
    ['Fri 16:00-Mon 08:00 Mars/Olympus', /line 1.*"Mars\/Olympus" is not an IANA time zone/],
    ['Fry 16:00-Mon 08:00', /"Fry" is not a day/],
    ['Fri 25:00-Mon 08:00', /cannot read/],
    ['weekends', /cannot read "weekends"/],
    ['Fri 16:00-Fri 16:00', /starts when it ends/],
    ['2025-02-30 - 2025-03-02', /not a calendar date/],
    ['2025-03-02 - 2025-03-01', /ends before it starts/],
  ])('refuses "%s" naming the input and line', (spec, message) => {
    expect(() => parseFreezeWindows(`\n${spec}`)).toThrow(/^freeze \(line 2\)/)
    expect(() => parseFreezeWindows(spec)).toThrow(message)
  })
})
