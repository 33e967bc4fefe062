/**
 * The timeline's arithmetic, shared by the adapters: a round bucket size for
 * a time span, which reasons name a compensation, and the buckets from the
 * per-bucket counts the adapters' GROUP BY passes return.
 */
import { COMPENSATION_WORDS, type Timeline, type TimelineBucket, type TimelineQuery } from '../../../shared/audit'
import type { ProgressFn } from '../store-inspector'
import type { QuotedTables } from './event-rows'
import { query, type Flow } from './flow'
import type { JsonFunctions } from './graph-queries'

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

/** How the timeline's SQL differs by database. */
export interface TimelineSql {
  /** A condition true when `ev."timestamp"` holds an integer (SQLite cells may hold anything). */
  readonly integerTimestamp: string
  readonly json: JsonFunctions
}

const counted = (r: Record<keyof BucketCounts, unknown>): BucketCounts => ({
  b: Number(r.b), actions: Number(r.actions), effects: Number(r.effects), compensations: Number(r.compensations), conflicts: Number(r.conflicts)
})

/**
 * Events per bucket in the requested range (empty buckets included). Passes:
 * the events by seq-no range (progress per chunk), the effects with whether
 * any action carries their trigger (actions = events − effects, exact in a
 * store without events of neither or both kinds, which the integrity check
 * reports), the distinct reasons (classified here), and — only when some
 * reason names a compensation — those actions.
 */
export function* timelineFlow(t: QuotedTables, s: TimelineSql, q: TimelineQuery = {}, onProgress?: ProgressFn): Flow<Timeline> {
  const where = [s.integerTimestamp]
  const params: number[] = []
  if (q.fromTime !== undefined) {
    where.push('ev."timestamp" >= ?')
    params.push(q.fromTime)
  }
  if (q.toTime !== undefined) {
    where.push('ev."timestamp" <= ?')
    params.push(q.toTime)
  }
  const w = where.join(' AND ')
  const [range] = yield* query<{ first: number | null; last: number | null }>(`SELECT min(ev."timestamp") AS "first", max(ev."timestamp") AS "last" FROM ${t.event} ev WHERE ${w}`, params)
  if (range === undefined || range.first === null || range.last === null) return EMPTY_TIMELINE
  const first = Number(range.first)
  const last = Number(range.last)
  const { size, start } = bucketGrid(first, last, q)
  const bucket = 'CAST((ev."timestamp" - CAST(? AS INTEGER)) / CAST(? AS INTEGER) AS INTEGER)'
  const reasons = (yield* query<{ reason: unknown }>(`SELECT DISTINCT "reason" AS "reason" FROM ${t.action}`))
    .map((r) => r.reason)
    .filter((r): r is string => typeof r === 'string' && isCompensation(r))
  const tally = new BucketTally()
  // Events per bucket from the event table alone (its rows are narrow); actions are the events that are not effects.
  const [max] = yield* query<{ n: unknown }>(`SELECT coalesce(max("seq_no"), 0) AS "n" FROM ${t.event}`)
  const maxSeqNo = Number(max.n)
  const eventPass =
    `SELECT ${bucket} AS b, count(*) AS actions, 0 AS effects, 0 AS compensations, 0 AS conflicts ` +
    `FROM ${t.event} ev WHERE ev."seq_no" >= ? AND ev."seq_no" < ? AND ${w} GROUP BY b`
  for (let from = 0; from <= maxSeqNo; from += TIMELINE_CHUNK) {
    for (const r of yield* query<Record<keyof BucketCounts, unknown>>(eventPass, [start, size, from, from + TIMELINE_CHUNK, ...params])) tally.add(counted(r))
    onProgress?.(Math.min(from + TIMELINE_CHUNK, maxSeqNo), maxSeqNo)
  }
  // Only when some reason names a compensation: those actions by bucket.
  if (reasons.length > 0) {
    const compensationPass =
      `SELECT ${bucket} AS b, 0 AS actions, 0 AS effects, count(*) AS compensations, 0 AS conflicts ` +
      `FROM ${t.action} a JOIN ${t.event} ev ON ev."seq_no" = a."seq_no" WHERE ${s.json.textIn('a."reason"')} AND ${w} GROUP BY b`
    for (const r of yield* query<Record<keyof BucketCounts, unknown>>(compensationPass, [start, size, JSON.stringify(reasons), ...params])) tally.add(counted(r))
  }
  const effectPass =
    `SELECT ${bucket} AS b, -count(*) AS actions, count(*) AS effects, 0 AS compensations, ` +
    `sum(CASE WHEN EXISTS (SELECT 1 FROM ${t.trigger} t JOIN ${t.action} x ON x."seq_no" = t."seq_no" ` +
    `WHERE t."trigger_kind" = f."trigger_kind" AND t."trigger_id" = f."trigger_id") THEN 1 ELSE 0 END) AS conflicts ` +
    `FROM ${t.effect} f JOIN ${t.event} ev ON ev."seq_no" = f."seq_no" WHERE ${w} GROUP BY b`
  for (const r of yield* query<Record<keyof BucketCounts, unknown>>(effectPass, [start, size, ...params])) tally.add(counted(r))
  return tally.timeline(first, last, size, start)
}
