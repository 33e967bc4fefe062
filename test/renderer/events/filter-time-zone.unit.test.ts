/**
 * The Events filter's time range in the chosen zone: chips, the editor's
 * datetime-local values and what typed values mean, in Asia/Tokyo (+09:00,
 * set through TZ) so that local time and UTC differ.
 */
import { describe, expect, it } from 'vitest'
import { dateTimeIn, dateTimeInput, describeFilter, filterChips, parseDateTimeIn } from '../../../src/renderer/features/events/filters/filter-model'
import { applyField } from '../../../src/renderer/features/events/filters/filter-form'
import { inTimeZone } from '../../helpers/time-zone-env'

const at = (iso: string): number => Date.parse(iso) / 1000
inTimeZone('Asia/Tokyo')

describe('the time filter follows the time-zone setting', () => {
  const from = at('2026-01-05T00:00:00Z')
  const to = at('2026-01-05T15:30:00Z')

  it('writes chips in local time, or in UTC saying so', () => {
    expect(dateTimeIn('local', from)).toBe('2026-01-05 09:00')
    expect(dateTimeIn('utc', from)).toBe('2026-01-05 00:00 UTC')
    expect(filterChips({ fromTime: from, toTime: to })[0].label).toBe('time 2026-01-05 09:00 – 2026-01-06 00:30')
    expect(filterChips({ fromTime: from }, 'utc')[0].label).toBe('time from 2026-01-05 00:00 UTC')
    expect(describeFilter({ toTime: to }, 'utc')).toBe('time up to 2026-01-05 15:30 UTC')
  })

  it('fills the editor with the zone’s wall-clock time and reads typed values back in that zone', () => {
    expect(dateTimeInput('local', from)).toBe('2026-01-05T09:00')
    expect(dateTimeInput('utc', from)).toBe('2026-01-05T00:00')
    expect(dateTimeInput('utc', undefined)).toBe('')
    expect(parseDateTimeIn('local', '2026-01-05T09:00')).toEqual({ ok: true, value: from })
    expect(parseDateTimeIn('utc', '2026-01-05T00:00')).toEqual({ ok: true, value: from })
    expect(parseDateTimeIn('utc', '')).toEqual({ ok: true, value: undefined })
    expect(parseDateTimeIn('utc', 'soon')).toMatchObject({ ok: false })
    for (const zone of ['local', 'utc'] as const) expect(parseDateTimeIn(zone, dateTimeInput(zone, to))).toEqual({ ok: true, value: to })
  })

  it('applies a typed range in the chosen zone', () => {
    expect(applyField({}, 'time', '2026-01-05T00:00', '', 'utc')).toEqual({ ok: true, value: { fromTime: from, toTime: undefined } })
    expect(applyField({}, 'time', '2026-01-05T09:00', '', 'local')).toEqual({ ok: true, value: { fromTime: from, toTime: undefined } })
  })
})
