/**
 * Browsing queries over raw rows: keyset pages (never OFFSET), counts,
 * aggregate lists. Rows keep every cell as text so broken stores still display.
 */
import type Database from 'better-sqlite3'
import type {
  AggregateSummary,
  CellIdentity,
  EventFilter,
  EventPage,
  EventPageQuery,
  EventRow,
  SuggestableColumn
} from '../../../shared/browse'
import type { Queries } from '../sql/queries'
import { runFlow, type Rows } from '../sql/flow'
import { SQLITE_TEXT } from '../sql/text-functions'
import { aggregateKindsSql, aggregatesSql, distinctValuesSql, triggersOfAggregateSql } from '../sql/list-queries'
import {
  ROW_COLUMNS,
  TriggerRowMerger,
  filterSql as sharedFilterSql,
  pageEventsFlow,
  pageLimit,
  sortedTriggers,
  toEventRow,
  whereClause,
  type FilterSql,
  type RawEventRow,
  type RawRowWithTrigger,
  type SeqNoBound
} from '../sql/event-rows'

/** The filter as SQLite SQL on the aliases ev / a / f (with `bound`, the joins carry the seq-no range too). */
export function filterSql(queries: Queries, filter: EventFilter = {}, bound?: SeqNoBound): FilterSql {
  return sharedFilterSql(queries.tables, SQLITE_TEXT, filter, bound)
}


/**
 * A keyset page of rows, ascending by seq-no (see `pageEventsFlow`): the same
 * statement as on PostgreSQL, range on the joins included — SQLite's plan stays
 * a seq-no range search on events with one index probe per joined row.
 */
export function pageEvents(db: Database.Database, queries: Queries, query: EventPageQuery): EventPage {
  return runFlow(pageEventsFlow((bound) => filterSql(queries, query.filter, bound), query), (step) => db.prepare(step.sql).all(...step.params) as Rows)
}

/** One raw row with its trigger rows, or null. */
export function eventRow(db: Database.Database, queries: Queries, seqNo: number): EventRow | null {
  const f = filterSql(queries)
  const raw = db.prepare(`SELECT ${ROW_COLUMNS} FROM ${f.from} WHERE ev."seq_no" = ?`).get(seqNo) as RawEventRow | undefined
  if (raw === undefined) return null
  const triggers = (db.prepare(queries.triggersOf).all(seqNo) as { trigger_kind: string; trigger_id: string }[]).map(
    (t) => [t.trigger_kind, t.trigger_id] as const
  )
  return { ...toEventRow(raw), triggers: sortedTriggers(triggers) }
}

/**
 * Every row matching `filter`, ascending, each action with its trigger rows,
 * from one statement (SQLite builds one automatic index on the trigger table's
 * seq-no for it, instead of one scan per row or page). Streams; holds one row.
 */
export function* streamRows(db: Database.Database, queries: Queries, filter?: EventFilter): Generator<EventRow> {
  const f = filterSql(queries, filter)
  const sql =
    `SELECT ${ROW_COLUMNS}, t."trigger_kind" AS "t_kind", t."trigger_id" AS "t_id" FROM ${f.from} ` +
    `LEFT JOIN ${queries.tables.trigger} t ON t."seq_no" = a."seq_no"${whereClause(f.where)} ORDER BY ev."seq_no"`
  const merger = new TriggerRowMerger()
  for (const raw of db.prepare(sql).iterate(...f.params) as Iterable<RawRowWithTrigger>) {
    const done = merger.push(raw)
    if (done !== null) yield done
  }
  const last = merger.flush()
  if (last !== null) yield last
}

/** Number of events matching the filter. */
export function countEvents(db: Database.Database, queries: Queries, filter?: EventFilter): number {
  const f = filterSql(queries, filter)
  const row = db.prepare(`SELECT count(*) AS n FROM ${f.from}${whereClause(f.where)}`).get(...f.params) as { n: number }
  return row.n
}

/** Aggregates with action counts, in (kind, id) cell order, keyset-paged. */
export function aggregates(
  db: Database.Database,
  queries: Queries,
  q: { kind?: string; after?: CellIdentity; idContains?: string; limit: number }
): AggregateSummary[] {
  const { sql, params } = aggregatesSql(queries.tables, SQLITE_TEXT, q)
  return db.prepare(sql).all(...params, pageLimit(q.limit)) as AggregateSummary[]
}

/** Distinct aggregate kinds with their number of aggregates. */
export function aggregateKinds(db: Database.Database, queries: Queries): { kind: string; aggregates: number }[] {
  return db.prepare(aggregateKindsSql(queries.tables)).all() as { kind: string; aggregates: number }[]
}

/** Raw action rows of one aggregate, ascending, up to `upTo` inclusive. */
export function aggregateHistory(db: Database.Database, queries: Queries, aggregate: CellIdentity, upTo?: number): EventRow[] {
  const f = filterSql(queries, { aggregate, ...(upTo !== undefined ? { toSeqNo: upTo } : {}) })
  const raw = db.prepare(`SELECT ${ROW_COLUMNS} FROM ${f.from}${whereClause(f.where)} ORDER BY ev."seq_no"`).all(...f.params) as RawEventRow[]
  return raw.map(toEventRow)
}

/** Up to `limit` distinct cell texts of a column, sorted (reasons and sources of both actions and effects). */
export function distinctValues(db: Database.Database, queries: Queries, column: SuggestableColumn, limit: number): string[] {
  const bounded = Math.max(1, Math.min(limit, 1000))
  return (db.prepare(distinctValuesSql(queries.tables, column)).all(bounded) as { v: string }[]).map((r) => r.v)
}

/** The distinct triggers carried by any action on `aggregate` (see `triggersOfAggregateSql`). */
export function triggersOfAggregate(db: Database.Database, queries: Queries, aggregate: CellIdentity): CellIdentity[] {
  return db.prepare(triggersOfAggregateSql(queries.tables)).all(aggregate.kind, aggregate.id) as CellIdentity[]
}
