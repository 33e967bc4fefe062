/** Labels and cluster markers of the timeline (pure: unit tested). */
import type { TimelineBucket } from '../../../shared/audit'

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

/** A bucket's start as short as its size allows, in UTC: `2026-01-05`, `01-05 14:00`, `14:03:15`. */
export function bucketLabel(from: number, size: number): string {
  const iso = new Date(from * 1000).toISOString()
  if (size >= DAY) return iso.slice(0, 10)
  if (size >= MINUTE) return `${iso.slice(5, 10)} ${iso.slice(11, 16)}`
  return iso.slice(11, 19)
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
