/**
 * Events per time bucket: one GROUP BY over the event table (joined to the
 * action and effect tables by primary key), with a round bucket size chosen
 * so the store's time span fits in about the requested number of buckets.
 */
import type Database from 'better-sqlite3'
import { COMPENSATION_WORDS, type Timeline, type TimelineBucket, type TimelineQuery } from '../../../shared/audit'
import type { ProgressFn } from '../store-inspector'
import type { Queries } from '../sql/queries'

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
const CHUNK = 250_000

/** True when an action's reason (keyword text) names a compensation. */
export function isCompensation(reason: string): boolean {
  const text = reason.toLowerCase()
  return COMPENSATION_WORDS.some((word) => text.includes(word))
}

type BucketCounts = { b: number; actions: number; effects: number; compensations: number; conflicts: number }

/**
 * Events per bucket in the requested range (empty buckets included). Passes:
 * the events by seq-no range (progress per chunk), the effects with whether
 * any action carries their trigger (actions = events − effects, exact in a
 * store without events of neither or both kinds, which the integrity check
 * reports), the distinct reasons (classified here), and — only when some
 * reason names a compensation — those actions.
 */
export function timeline(db: Database.Database, queries: Queries, q: TimelineQuery = {}, onProgress?: ProgressFn): Timeline {
  const { event, action, effect, trigger } = queries.tables
  const where = ['typeof(ev."timestamp") = \'integer\'']
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
  const range = db.prepare(`SELECT min(ev."timestamp") AS first, max(ev."timestamp") AS last FROM ${event} ev WHERE ${w}`).get(...params) as {
    first: number | null
    last: number | null
  }
  if (range.first === null || range.last === null) return { bucketSeconds: DAY, buckets: [], firstTime: null, lastTime: null }
  const size = bucketSize(range.first, range.last, Math.max(1, Math.min(q.buckets ?? DEFAULT_BUCKETS, 500)))
  const start = Math.floor(range.first / size) * size
  const bucket = 'CAST((ev."timestamp" - CAST(? AS INTEGER)) / CAST(? AS INTEGER) AS INTEGER)'
  const reasons = (db.prepare(`SELECT DISTINCT "reason" AS reason FROM ${action}`).all() as { reason: string }[])
    .map((r) => r.reason)
    .filter((r) => typeof r === 'string' && isCompensation(r))
  const counts = new Map<number, BucketCounts>()
  const add = (r: BucketCounts): void => {
    const c = counts.get(r.b) ?? { b: r.b, actions: 0, effects: 0, compensations: 0, conflicts: 0 }
    c.actions += r.actions
    c.effects += r.effects
    c.compensations += r.compensations
    c.conflicts += r.conflicts
    counts.set(r.b, c)
  }
  // Events per bucket from the event table alone (its rows are narrow); actions are the events that are not effects.
  const maxSeqNo = (db.prepare(`SELECT coalesce(max("seq_no"), 0) AS n FROM ${event}`).get() as { n: number }).n
  const eventPass = db.prepare(
    `SELECT ${bucket} AS b, count(*) AS actions, 0 AS effects, 0 AS compensations, 0 AS conflicts ` +
      `FROM ${event} ev WHERE ev."seq_no" >= ? AND ev."seq_no" < ? AND ${w} GROUP BY b`
  )
  for (let from = 0; from <= maxSeqNo; from += CHUNK) {
    for (const r of eventPass.all(start, size, from, from + CHUNK, ...params) as BucketCounts[]) add(r)
    onProgress?.(Math.min(from + CHUNK, maxSeqNo), maxSeqNo)
  }
  // Only when some reason names a compensation: those actions by bucket.
  if (reasons.length > 0) {
    const compensationPass = db.prepare(
      `SELECT ${bucket} AS b, 0 AS actions, 0 AS effects, count(*) AS compensations, 0 AS conflicts ` +
        `FROM ${action} a JOIN ${event} ev ON ev."seq_no" = a."seq_no" WHERE a."reason" IN (SELECT value FROM json_each(?)) AND ${w} GROUP BY b`
    )
    for (const r of compensationPass.all(start, size, JSON.stringify(reasons), ...params) as BucketCounts[]) add(r)
  }
  const effectPass = db.prepare(
    `SELECT ${bucket} AS b, -count(*) AS actions, count(*) AS effects, 0 AS compensations, ` +
      `sum(EXISTS (SELECT 1 FROM ${trigger} t JOIN ${action} x ON x."seq_no" = t."seq_no" ` +
      `WHERE t."trigger_kind" = f."trigger_kind" AND t."trigger_id" = f."trigger_id")) AS conflicts ` +
      `FROM ${effect} f JOIN ${event} ev ON ev."seq_no" = f."seq_no" WHERE ${w} GROUP BY b`
  )
  for (const r of effectPass.all(start, size, ...params) as BucketCounts[]) add(r)
  const count = Math.floor(range.last / size) - Math.floor(range.first / size) + 1
  const buckets: TimelineBucket[] = Array.from({ length: count }, (_, i) => {
    const r = counts.get(i)
    return {
      from: start + i * size,
      to: start + (i + 1) * size,
      actions: r?.actions ?? 0,
      effects: r?.effects ?? 0,
      conflicts: r?.conflicts ?? 0,
      compensations: r?.compensations ?? 0
    }
  })
  return { bucketSeconds: size, buckets, firstTime: range.first, lastTime: range.last }
}
