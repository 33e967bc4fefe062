/**
 * Browsing on PostgreSQL: keyset pages of raw event rows (never OFFSET), one
 * row with its triggers, a filtered stream through a cursor, filtered counts
 * and column suggestions — the shared filter SQL of `sql/event-rows.ts`.
 */
import type { EventFilter, EventPage, EventPageQuery, EventRow, SuggestableColumn } from '../../../../shared/browse'
import type { TableNames } from '../../../../shared/domain'
import {
  ROW_COLUMNS,
  TriggerRowMerger,
  filterSql,
  numericRow,
  pageEventsFlow,
  sortedTriggers,
  toEventRow,
  whereClause,
  type RawEventRow,
  type SeqNoBound,
  type RawRowWithTrigger
} from '../../sql/event-rows'
import { POSTGRES_TEXT } from '../../sql/text-functions'
import { distinctValuesSql } from '../../sql/list-queries'
import type { PgQueries } from '../pg-queries'
import { runPg } from './flows'
import { first, num, quoted, run, stream, textOrder } from './run'

/** The filter as PostgreSQL SQL (with `?` placeholders) on the aliases ev / a / f. */
export function pgFilter(tables: TableNames, filter?: EventFilter, bound?: SeqNoBound): ReturnType<typeof filterSql> {
  return filterSql(quoted(tables), POSTGRES_TEXT, filter, bound)
}

/** A keyset page of rows, ascending by seq-no (see `pageEventsFlow`). */
export function pageEvents(db: PgQueries, tables: TableNames, query: EventPageQuery): Promise<EventPage> {
  return runPg(db, pageEventsFlow((bound) => pgFilter(tables, query.filter, bound), query))
}

/** The trigger rows of one seq-no (a scan: the library's trigger table has no index on seq_no). */
function triggersOfSql(tables: TableNames): string {
  return `SELECT "trigger_kind" AS trigger_kind, "trigger_id" AS trigger_id FROM ${quoted(tables).trigger} WHERE "seq_no" = ?`
}

/** One raw row with its trigger rows, or null. */
export async function eventRow(db: PgQueries, tables: TableNames, seqNo: number): Promise<EventRow | null> {
  const f = pgFilter(tables)
  const raw = await first<RawEventRow>(db, `SELECT ${ROW_COLUMNS} FROM ${f.from} WHERE ev."seq_no" = ?`, [seqNo])
  if (raw === undefined) return null
  const triggers = (await run<{ trigger_kind: string; trigger_id: string }>(db, triggersOfSql(tables), [seqNo])).map(
    (t) => [t.trigger_kind, t.trigger_id] as const
  )
  return { ...toEventRow(numericRow(raw)), triggers: sortedTriggers(triggers) }
}

/** Rows a stream fetches per round trip. */
const STREAM_BATCH = 2000

/**
 * Every row matching `filter`, ascending, each action with its trigger rows
 * (`sortedTriggers`), from one statement through a cursor; holds one batch.
 * The trigger table has no index on seq-no, so PostgreSQL hashes it once for
 * the statement.
 */
export async function* streamEvents(db: PgQueries, tables: TableNames, filter?: EventFilter): AsyncGenerator<EventRow> {
  const f = pgFilter(tables, filter)
  const sql =
    `SELECT ${ROW_COLUMNS}, t."trigger_kind" AS "t_kind", t."trigger_id" AS "t_id" FROM ${f.from} ` +
    `LEFT JOIN ${quoted(tables).trigger} t ON t."seq_no" = a."seq_no"${whereClause(f.where)} ORDER BY ev."seq_no"`
  const merger = new TriggerRowMerger()
  for await (const batch of stream<RawRowWithTrigger>(db, sql, f.params, STREAM_BATCH)) {
    for (const raw of batch) {
      const done = merger.push(numericRow(raw))
      if (done !== null) yield done
    }
  }
  const last = merger.flush()
  if (last !== null) yield last
}

/** Number of events matching the filter. */
export async function countEvents(db: PgQueries, tables: TableNames, filter?: EventFilter): Promise<number> {
  const f = pgFilter(tables, filter)
  const row = await first<{ n: unknown }>(db, `SELECT count(*) AS n FROM ${f.from}${whereClause(f.where)}`, f.params)
  return num(row?.n ?? 0)
}

/** Up to `limit` distinct cell texts of a column, sorted by code point (reasons and sources of both actions and effects). */
export async function distinctValues(db: PgQueries, tables: TableNames, column: SuggestableColumn, limit: number): Promise<string[]> {
  const bounded = Math.max(1, Math.min(limit, 1000))
  return (await run<{ v: string }>(db, distinctValuesSql(quoted(tables), column, await textOrder(db)), [bounded])).map((r) => r.v)
}
