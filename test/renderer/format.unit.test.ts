import { describe, expect, it } from 'vitest'
import { formatBadgeCount } from '../../src/renderer/ui/format'

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
