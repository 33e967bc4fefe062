/** Labels and cluster markers of the timeline (pure: unit tested). */
import type { TimelineBucket } from '../../../shared/audit'
import { formatTimeIn, timeZoneName, type TimeZone } from '../format'

const MINUTE = 60
const HOUR = 3600
const DAY = 86400

/** How many clusters are marked at most. */
export const MAX_CLUSTERS = 3

/** `1 day`, `15 minutes`, … for a bucket size in seconds. */
export function bucketSizeText(seconds: number): string {
  const unit = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`
  if (seconds % DAY === 0) return seconds === 7 * DAY ? '1 week' : unit(seconds / DAY, 'day')
  if (seconds % HOUR === 0) return unit(seconds / HOUR, 'hour')
  if (seconds % MINUTE === 0) return unit(seconds / MINUTE, 'minute')
  return unit(seconds, 'second')
}

/**
 * A bucket's start as short as its size allows, in `zone`: `2026-01-05`,
 * `01-05 14:00`, `14:03:15`. The store cuts buckets at UTC boundaries, so a
 * day that starts at another hour in local time names that hour too
 * (`01-05 09:00`) rather than pretending to be a local day.
 */
export function bucketLabel(from: number, size: number, zone: TimeZone = 'utc'): string {
  const text = formatTimeIn(zone, from)
  if (!/^\d{4}-/.test(text)) return text
  if (size >= DAY && text.slice(11, 19) === '00:00:00') return text.slice(0, 10)
  if (size >= MINUTE) return `${text.slice(5, 10)} ${text.slice(11, 16)}`
  return text.slice(11, 19)
}

/** `2026-01-05 – 2026-01-06 UTC`: a bucket's span for its tooltip, in `zone`. */
export function bucketSpan(from: number, to: number, size: number, zone: TimeZone): string {
  return `${bucketLabel(from, size, zone)} – ${bucketLabel(to, size, zone)} ${zone === 'utc' ? 'UTC' : 'local time'}`
}

/** The legend's note: `1 day per bar, local time` (the bars start at UTC boundaries whatever the zone). */
export function bucketLegend(size: number, zone: TimeZone): string {
  return `${bucketSizeText(size)} per bar, ${zone === 'utc' ? 'UTC' : `${timeZoneName(zone)} time`}`
}

/**
 * Indexes of the buckets where conflicts and compensations cluster: the
 * (at most `MAX_CLUSTERS`) buckets with the most of them, when that is at
 * least twice the average over buckets that have any — or every bucket with
 * any when there are no more than `MAX_CLUSTERS` of those.
 */
export function clusterBuckets(buckets: readonly TimelineBucket[]): number[] {
  const marks = buckets.map((b, i) => ({ i, n: b.conflicts + b.compensations })).filter((m) => m.n > 0)
  if (marks.length <= MAX_CLUSTERS) return marks.map((m) => m.i)
  const mean = marks.reduce((s, m) => s + m.n, 0) / marks.length
  return marks
    .filter((m) => m.n >= 2 * mean)
    .sort((a, b) => b.n - a.n || a.i - b.i)
    .slice(0, MAX_CLUSTERS)
    .map((m) => m.i)
    .sort((a, b) => a - b)
}
