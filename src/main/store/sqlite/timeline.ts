/**
 * Events per time bucket: one GROUP BY over the event table (joined to the
 * action and effect tables by primary key), with a round bucket size chosen
 * so the store's time span fits in about the requested number of buckets.
 */
import type Database from 'better-sqlite3'
import { COMPENSATION_WORDS, type Timeline, type TimelineBucket, type TimelineQuery } from '../../../shared/audit'
import type { Queries } from './queries'

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

/** Events per bucket in the requested range (empty buckets included). */
export function timeline(db: Database.Database, queries: Queries, q: TimelineQuery = {}): Timeline {
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
  const w = ` WHERE ${where.join(' AND ')}`
  const range = db.prepare(`SELECT min(ev."timestamp") AS first, max(ev."timestamp") AS last FROM ${event} ev${w}`).get(...params) as {
    first: number | null
    last: number | null
  }
  if (range.first === null || range.last === null) return { bucketSeconds: DAY, buckets: [], firstTime: null, lastTime: null }
  const size = bucketSize(range.first, range.last, Math.max(1, Math.min(q.buckets ?? DEFAULT_BUCKETS, 500)))
  const compensation = COMPENSATION_WORDS.map(() => 'lower(a."reason") LIKE ?').join(' OR ')
  const rows = db
    .prepare(
      `SELECT (ev."timestamp" - CAST(? AS INTEGER)) / CAST(? AS INTEGER) AS b, count(a."seq_no") AS actions, count(f."seq_no") AS effects, ` +
        `sum(a."seq_no" IS NOT NULL AND (${compensation})) AS compensations, ` +
        `sum(f."seq_no" IS NOT NULL AND EXISTS (SELECT 1 FROM ${trigger} t JOIN ${action} x ON x."seq_no" = t."seq_no" ` +
        `WHERE t."trigger_kind" = f."trigger_kind" AND t."trigger_id" = f."trigger_id")) AS conflicts ` +
        `FROM ${event} ev LEFT JOIN ${action} a ON a."seq_no" = ev."seq_no" LEFT JOIN ${effect} f ON f."seq_no" = ev."seq_no"${w} GROUP BY b ORDER BY b`
    )
    .all(Math.floor(range.first / size) * size, size, ...COMPENSATION_WORDS.map((word) => `%${word}%`), ...params) as {
    b: number
    actions: number
    effects: number
    compensations: number
    conflicts: number
  }[]
  const start = Math.floor(range.first / size) * size
  const count = Math.floor(range.last / size) - Math.floor(range.first / size) + 1
  const byIndex = new Map(rows.map((r) => [r.b, r]))
  const buckets: TimelineBucket[] = Array.from({ length: count }, (_, i) => {
    const r = byIndex.get(i)
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
