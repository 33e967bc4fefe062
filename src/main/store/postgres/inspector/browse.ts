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
  pageLimit,
  sortedTriggers,
  toEventRow,
  whereClause,
  type RawEventRow,
  type RawRowWithTrigger
} from '../../sql/event-rows'
import { POSTGRES_TEXT } from '../../sql/text-functions'
import { distinctValuesSql } from '../../sql/list-queries'
import type { PgQueries } from '../pg-queries'
import { first, num, numOrNull, quoted, run, stream, textOrder } from './run'

/** A raw row with its seq-nos as numbers. */
export function rawRow<R extends RawEventRow>(r: R): R {
  return { ...r, seq_no: num(r.seq_no), a_seq: numOrNull(r.a_seq), f_seq: numOrNull(r.f_seq) }
}

/** The filter as PostgreSQL SQL (with `?` placeholders) on the aliases ev / a / f. */
export function pgFilter(tables: TableNames, filter?: EventFilter): ReturnType<typeof filterSql> {
  return filterSql(quoted(tables), POSTGRES_TEXT, filter)
}

/** A keyset page of rows, ascending by seq-no. */
export async function pageEvents(db: PgQueries, tables: TableNames, query: EventPageQuery): Promise<EventPage> {
  const f = pgFilter(tables, query.filter)
  const limit = pageLimit(query.limit)
  const backwards = query.before !== undefined && query.after === undefined
  const keyset = backwards ? ['ev."seq_no" < ?'] : query.after !== undefined ? ['ev."seq_no" > ?'] : []
  const keyParams = backwards ? [query.before as number] : query.after !== undefined ? [query.after] : []
  const sql =
    `SELECT ${ROW_COLUMNS} FROM ${f.from}${whereClause([...f.where, ...keyset])} ` +
    `ORDER BY ev."seq_no" ${backwards ? 'DESC' : 'ASC'} LIMIT ?`
  const raw = await run<RawEventRow>(db, sql, [...f.params, ...keyParams, limit + 1])
  const more = raw.length > limit
  const rows = raw.slice(0, limit).map((r) => toEventRow(rawRow(r)))
  if (backwards) rows.reverse()
  const exists = async (cond: string, value: number): Promise<boolean> =>
    (await first(db, `SELECT 1 AS one FROM ${f.from}${whereClause([...f.where, cond])} LIMIT 1`, [...f.params, value])) !== undefined
  const firstSeqNo = rows[0]?.seqNo
  const last = rows[rows.length - 1]?.seqNo
  const hasMoreBefore = backwards
    ? more
    : firstSeqNo !== undefined ? await exists('ev."seq_no" < ?', firstSeqNo) : query.after !== undefined && (await exists('ev."seq_no" <= ?', query.after))
  const hasMoreAfter = backwards
    ? last !== undefined ? await exists('ev."seq_no" > ?', last) : await exists('ev."seq_no" >= ?', query.before as number)
    : more
  return { rows, hasMoreBefore, hasMoreAfter }
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
  return { ...toEventRow(rawRow(raw)), triggers: sortedTriggers(triggers) }
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
      const done = merger.push(rawRow(raw))
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
