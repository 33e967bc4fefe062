/** Actions and effects per time bucket on PostgreSQL: the shared flow of `sql/timeline-buckets.ts`. */
import type { Timeline, TimelineQuery } from '../../../../shared/audit'
import type { TableNames } from '../../../../shared/domain'
import type { ProgressFn } from '../../store-inspector'
import { POSTGRES_JSON } from '../../sql/graph-queries'
import { timelineFlow, type TimelineSql } from '../../sql/timeline-buckets'
import type { PgQueries } from '../pg-queries'
import { runPg } from './flows'
import { quoted } from './run'

/** The timestamp column is INT NOT NULL: every row counts. */
const POSTGRES_TIMELINE: TimelineSql = { integerTimestamp: 'TRUE', json: POSTGRES_JSON }

/** Actions, effects, conflicts and compensations per round time bucket, with progress per pass over the events. */
export function timeline(db: PgQueries, tables: TableNames, query?: TimelineQuery, onProgress?: ProgressFn): Promise<Timeline> {
  return runPg(db, timelineFlow(quoted(tables), POSTGRES_TIMELINE, query, onProgress))
}
