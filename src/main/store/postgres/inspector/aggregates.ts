/**
 * Aggregates on PostgreSQL: the keyset-paged list with action counts, the
 * kinds, one aggregate's history and the triggers its actions carry — the
 * shared SQL of `sql/list-queries.ts` in code-point text order.
 */
import type { AggregateSummary, CellIdentity, EventRow } from '../../../../shared/browse'
import type { TableNames } from '../../../../shared/domain'
import type { AggregateQuery } from '../../store-inspector'
import { ROW_COLUMNS, numericRow, pageLimit, toEventRow, whereClause, type RawEventRow } from '../../sql/event-rows'
import { aggregateKindsSql, aggregatesSql, triggersOfAggregateSql } from '../../sql/list-queries'
import { POSTGRES_TEXT } from '../../sql/text-functions'
import type { PgQueries } from '../pg-queries'
import { pgFilter } from './browse'
import { num, quoted, run, textOrder } from './run'

/** Aggregates with action counts, in (kind, id) cell order, keyset-paged. */
export async function aggregates(db: PgQueries, tables: TableNames, q: AggregateQuery): Promise<AggregateSummary[]> {
  const { sql, params } = aggregatesSql(quoted(tables), POSTGRES_TEXT, q, await textOrder(db))
  const rows = await run<AggregateSummary>(db, sql, [...params, pageLimit(q.limit)])
  return rows.map((r) => ({ kind: r.kind, id: r.id, actions: num(r.actions), firstSeqNo: num(r.firstSeqNo), lastSeqNo: num(r.lastSeqNo) }))
}

/** Distinct aggregate kinds with their number of aggregates. */
export async function aggregateKinds(db: PgQueries, tables: TableNames): Promise<{ kind: string; aggregates: number }[]> {
  const rows = await run<{ kind: string; aggregates: unknown }>(db, aggregateKindsSql(quoted(tables), await textOrder(db)))
  return rows.map((r) => ({ kind: r.kind, aggregates: num(r.aggregates) }))
}

/** Raw action rows of one aggregate, ascending, up to `upTo` inclusive. */
export async function aggregateHistory(db: PgQueries, tables: TableNames, aggregate: CellIdentity, upTo?: number): Promise<EventRow[]> {
  const f = pgFilter(tables, { aggregate, ...(upTo !== undefined ? { toSeqNo: upTo } : {}) })
  const raw = await run<RawEventRow>(db, `SELECT ${ROW_COLUMNS} FROM ${f.from}${whereClause(f.where)} ORDER BY ev."seq_no"`, f.params)
  return raw.map((r) => toEventRow(numericRow(r)))
}

/** The distinct triggers carried by any action on `aggregate`, in (kind, id) order. */
export async function triggersOfAggregate(db: PgQueries, tables: TableNames, aggregate: CellIdentity): Promise<CellIdentity[]> {
  const rows = await run<CellIdentity>(db, triggersOfAggregateSql(quoted(tables), await textOrder(db)), [aggregate.kind, aggregate.id])
  return rows.map((r) => ({ kind: r.kind, id: r.id }))
}
