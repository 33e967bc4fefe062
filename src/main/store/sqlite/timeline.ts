/**
 * Events per time bucket: one GROUP BY over the event table (joined to the
 * action and effect tables by primary key), with a round bucket size chosen
 * so the store's time span fits in about the requested number of buckets.
 */
import type Database from 'better-sqlite3'
import type { Timeline, TimelineQuery } from '../../../shared/audit'
import type { ProgressFn } from '../store-inspector'
import type { Queries } from '../sql/queries'
import { BucketTally, EMPTY_TIMELINE, TIMELINE_CHUNK, bucketGrid, isCompensation, type BucketCounts } from '../sql/timeline-buckets'

export { BUCKET_SIZES, DEFAULT_BUCKETS, bucketSize, isCompensation } from '../sql/timeline-buckets'

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
  if (range.first === null || range.last === null) return EMPTY_TIMELINE
  const { size, start } = bucketGrid(range.first, range.last, q)
  const bucket = 'CAST((ev."timestamp" - CAST(? AS INTEGER)) / CAST(? AS INTEGER) AS INTEGER)'
  const reasons = (db.prepare(`SELECT DISTINCT "reason" AS reason FROM ${action}`).all() as { reason: string }[])
    .map((r) => r.reason)
    .filter((r) => typeof r === 'string' && isCompensation(r))
  const tally = new BucketTally()
  const add = (r: BucketCounts): void => tally.add(r)
  // Events per bucket from the event table alone (its rows are narrow); actions are the events that are not effects.
  const maxSeqNo = (db.prepare(`SELECT coalesce(max("seq_no"), 0) AS n FROM ${event}`).get() as { n: number }).n
  const eventPass = db.prepare(
    `SELECT ${bucket} AS b, count(*) AS actions, 0 AS effects, 0 AS compensations, 0 AS conflicts ` +
      `FROM ${event} ev WHERE ev."seq_no" >= ? AND ev."seq_no" < ? AND ${w} GROUP BY b`
  )
  for (let from = 0; from <= maxSeqNo; from += TIMELINE_CHUNK) {
    for (const r of eventPass.all(start, size, from, from + TIMELINE_CHUNK, ...params) as BucketCounts[]) add(r)
    onProgress?.(Math.min(from + TIMELINE_CHUNK, maxSeqNo), maxSeqNo)
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
  return tally.timeline(range.first, range.last, size, start)
}
