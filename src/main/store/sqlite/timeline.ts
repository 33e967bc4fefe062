/**
 * Events per time bucket on SQLite (the shared flow of `sql/timeline-buckets.ts`):
 * GROUP BY passes over the event table (joined to the action and effect
 * tables by primary key), with a round bucket size chosen so the store's time
 * span fits in about the requested number of buckets.
 */
import type Database from 'better-sqlite3'
import type { Timeline, TimelineQuery } from '../../../shared/audit'
import type { ProgressFn } from '../store-inspector'
import type { Queries } from '../sql/queries'
import { timelineFlow, type TimelineSql } from '../sql/timeline-buckets'
import { runFlow, type Rows } from '../sql/flow'
import { SQLITE_JSON } from '../sql/graph-queries'

export { BUCKET_SIZES, DEFAULT_BUCKETS, bucketSize, isCompensation } from '../sql/timeline-buckets'

/** SQLite cells may hold any type: only integer timestamps count. */
const SQLITE_TIMELINE: TimelineSql = { integerTimestamp: 'typeof(ev."timestamp") = \'integer\'', json: SQLITE_JSON }

/** Events per bucket in the requested range (see `timelineFlow`). */
export function timeline(db: Database.Database, queries: Queries, q: TimelineQuery = {}, onProgress?: ProgressFn): Timeline {
  return runFlow(timelineFlow(queries.tables, SQLITE_TIMELINE, q, onProgress), (step) => db.prepare(step.sql).all(...step.params) as Rows)
}
