/**
 * The timeline's bucket labels in the chosen zone: the store cuts buckets at
 * UTC boundaries; the labels name them in UTC or in local time (a UTC day
 * that starts at 09:00 in Tokyo says so). The page's zone is set through TZ.
 */
import { describe, expect, it } from 'vitest'
import { bucketLabel, bucketLegend, bucketSpan } from '../../../src/renderer/ui/timeline/buckets'
import { inTimeZone } from '../../helpers/time-zone-env'

const DAY = 86_400
const HOUR = 3_600
const at = (iso: string): number => Date.parse(iso) / 1000

describe('bucket labels in a zone east of UTC (Asia/Tokyo, +09:00)', () => {
  inTimeZone('Asia/Tokyo')

  it('names a UTC day by its date in UTC, and by its local start hour in local time', () => {
    const from = at('2026-01-05T00:00:00Z')
    expect(bucketLabel(from, DAY, 'utc')).toBe('2026-01-05')
    expect(bucketLabel(from, DAY, 'local')).toBe('01-05 09:00')
    expect(bucketLabel(from, 7 * DAY)).toBe('2026-01-05')
  })

  it('names hour, minute and second buckets in the zone', () => {
    const from = at('2026-01-05T14:03:15Z')
    expect(bucketLabel(from, HOUR, 'utc')).toBe('01-05 14:03')
    expect(bucketLabel(from, HOUR, 'local')).toBe('01-05 23:03')
    expect(bucketLabel(from, 15, 'utc')).toBe('14:03:15')
    expect(bucketLabel(from, 15, 'local')).toBe('23:03:15')
    // Crossing midnight in local time changes the date shown.
    expect(bucketLabel(at('2026-01-05T20:00:00Z'), HOUR, 'local')).toBe('01-06 05:00')
  })

  it('spans and legends say which zone they are in', () => {
    const from = at('2026-01-05T00:00:00Z')
    expect(bucketSpan(from, from + DAY, DAY, 'utc')).toBe('2026-01-05 – 2026-01-06 UTC')
    expect(bucketSpan(from, from + DAY, DAY, 'local')).toBe('01-05 09:00 – 01-06 09:00 local time')
    expect(bucketLegend(DAY, 'utc')).toBe('1 day per bar, UTC')
    expect(bucketLegend(15 * 60, 'local')).toBe('15 minutes per bar, local time')
  })

  it('shows a number that is not a time as it is', () => {
    expect(bucketLabel(Number.NaN, DAY, 'local')).toBe('NaN')
    expect(bucketLabel(Number.NaN, DAY, 'utc')).toBe('NaN')
  })
})

describe('bucket labels where local time is UTC', () => {
  inTimeZone('UTC')

  it('gives a local day its date alone, as UTC does', () => {
    const from = at('2026-03-01T00:00:00Z')
    expect(bucketLabel(from, DAY, 'local')).toBe('2026-03-01')
    expect(bucketLabel(from, DAY, 'utc')).toBe('2026-03-01')
  })
})
