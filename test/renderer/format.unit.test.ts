import { describe, expect, it } from 'vitest'
import { formatBadgeCount, formatTimeIn, otherZoneTitle, timeZoneName } from '../../src/renderer/ui/format'

describe('badge counts', () => {
  it('are exact with grouping up to 99,999, then shortened without being clipped', () => {
    expect(formatBadgeCount(0)).toBe('0')
    expect(formatBadgeCount(9_999)).toBe('9,999')
    expect(formatBadgeCount(10_000)).toBe('10,000')
    expect(formatBadgeCount(12_345)).toBe('12,345')
    expect(formatBadgeCount(99_999)).toBe('99,999')
    expect(formatBadgeCount(123_456)).toBe('123 K')
    expect(formatBadgeCount(1_234_567)).toBe('1.2 M')
    expect(formatBadgeCount(1_299_999)).toBe('1.2 M')
    expect(formatBadgeCount(45_600_000)).toBe('45.6 M')
    expect(formatBadgeCount(3_400_000_000)).toBe('3.4 B')
  })
})

describe('times in the chosen zone', () => {
  // 2026-01-05 09:07:00 UTC; the local form depends on the machine's zone, so it is derived from Date's own getters.
  const seconds = Date.UTC(2026, 0, 5, 9, 7, 0) / 1000
  const d = new Date(seconds * 1000)
  const pad = (n: number): string => String(n).padStart(2, '0')
  const local = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`

  it('shows UTC with a Z and the local time on hover', () => {
    expect(formatTimeIn('utc', seconds)).toBe('2026-01-05 09:07:00Z')
    expect(otherZoneTitle('utc', seconds)).toBe(`Local ${local}`)
    expect(timeZoneName('utc')).toBe('UTC')
  })

  it('shows local time without a Z and UTC on hover', () => {
    expect(formatTimeIn('local', seconds)).toBe(local)
    expect(otherZoneTitle('local', seconds)).toBe('UTC 2026-01-05 09:07:00Z')
    expect(timeZoneName('local')).toBe('local')
  })

  it('differ by the machine offset, and a bad number is shown as it is', () => {
    const offsetMinutes = d.getTimezoneOffset()
    const asUtc = Date.parse(`${local.replace(' ', 'T')}Z`) / 1000
    expect(seconds - asUtc).toBe(offsetMinutes * 60)
    expect(formatTimeIn('utc', Number.NaN)).toBe('NaN')
    expect(formatTimeIn('local', Number.NaN)).toBe('NaN')
  })
})
