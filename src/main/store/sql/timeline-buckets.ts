/**
 * The timeline's arithmetic, shared by the adapters: a round bucket size for
 * a time span, which reasons name a compensation, and the buckets from the
 * per-bucket counts the adapters' GROUP BY passes return.
 */
import { COMPENSATION_WORDS, type Timeline, type TimelineBucket, type TimelineQuery } from '../../../shared/audit'

const MINUTE = 60
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** Bucket sizes to choose from, in seconds. */
export const BUCKET_SIZES = [
  1, 5, 15, 30, MINUTE, 5 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 7 * DAY, 30 * DAY, 91 * DAY, 365 * DAY
] as const

/** The smallest round size that covers `[first, last]` in at most `buckets` buckets. */
export function bucketSize(first: number, last: number, buckets: number): number {
  const span = last - first + 1
  for (const size of BUCKET_SIZES) {
    if (Math.floor(last / size) - Math.floor(first / size) + 1 <= buckets) return size
  }
  return Math.max(365 * DAY, Math.ceil(span / buckets))
}

/** Default number of buckets. */
export const DEFAULT_BUCKETS = 60

/** Seq-nos per pass, so long timelines report progress. */
export const TIMELINE_CHUNK = 250_000

/** True when an action's reason (keyword text) names a compensation. */
export function isCompensation(reason: string): boolean {
  const text = reason.toLowerCase()
  return COMPENSATION_WORDS.some((word) => text.includes(word))
}

/** Counts of one bucket (index `b` from the first) from one pass. */
export interface BucketCounts {
  b: number
  actions: number
  effects: number
  compensations: number
  conflicts: number
}

/** The empty timeline (no event in the range). */
export const EMPTY_TIMELINE: Timeline = { bucketSeconds: DAY, buckets: [], firstTime: null, lastTime: null }

/** The bucket size and the first bucket's start for a time range and query. */
export function bucketGrid(first: number, last: number, q: TimelineQuery): { size: number; start: number } {
  const size = bucketSize(first, last, Math.max(1, Math.min(q.buckets ?? DEFAULT_BUCKETS, 500)))
  return { size, start: Math.floor(first / size) * size }
}

/** Adds up the passes' counts per bucket and lays out every bucket of the range (empty ones included). */
export class BucketTally {
  private readonly counts = new Map<number, BucketCounts>()

  add(r: BucketCounts): void {
    const c = this.counts.get(r.b) ?? { b: r.b, actions: 0, effects: 0, compensations: 0, conflicts: 0 }
    c.actions += r.actions
    c.effects += r.effects
    c.compensations += r.compensations
    c.conflicts += r.conflicts
    this.counts.set(r.b, c)
  }

  timeline(first: number, last: number, size: number, start: number): Timeline {
    const count = Math.floor(last / size) - Math.floor(first / size) + 1
    const buckets: TimelineBucket[] = Array.from({ length: count }, (_, i) => {
      const r = this.counts.get(i)
      return {
        from: start + i * size,
        to: start + (i + 1) * size,
        actions: r?.actions ?? 0,
        effects: r?.effects ?? 0,
        conflicts: r?.conflicts ?? 0,
        compensations: r?.compensations ?? 0
      }
    })
    return { bucketSeconds: size, buckets, firstTime: first, lastTime: last }
  }
}
