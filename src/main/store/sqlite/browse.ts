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
  EventRowType,
  SuggestableColumn
} from '../../../shared/browse'
import type { Queries } from '../sql/queries'

/** An event row joined with its action and effect rows, every cell as stored. */
export interface RawEventRow {
  seq_no: number
  timestamp: number
  source: string
  a_seq: number | null
  a_reason: string | null
  actor_kind: string | null
  actor_id: string | null
  aggregate_kind: string | null
  aggregate_id: string | null
  patch: string | null
  f_seq: number | null
  f_reason: string | null
  trigger_kind: string | null
  trigger_id: string | null
}

/** Columns of `RawEventRow` over the aliases ev / a / f. */
export const ROW_COLUMNS =
  'ev."seq_no" AS "seq_no", ev."timestamp" AS "timestamp", ev."source" AS "source", ' +
  'a."seq_no" AS "a_seq", a."reason" AS "a_reason", a."actor_kind" AS "actor_kind", a."actor_id" AS "actor_id", ' +
  'a."aggregate_kind" AS "aggregate_kind", a."aggregate_id" AS "aggregate_id", a."patch" AS "patch", ' +
  'f."seq_no" AS "f_seq", f."reason" AS "f_reason", f."trigger_kind" AS "trigger_kind", f."trigger_id" AS "trigger_id"'

/** FROM clause and WHERE conditions for a filter. */
interface FilterSql {
  readonly from: string
  readonly where: string[]
  readonly params: (string | number)[]
}

function needsAction(f: EventFilter): boolean {
  return f.type === 'action' || f.aggregateKind !== undefined || f.aggregate !== undefined || f.actor !== undefined || f.patchText !== undefined
}

/** Translate a filter into SQL on the aliases ev / a / f (and a trigger sub-query). */
export function filterSql(queries: Queries, filter: EventFilter = {}): FilterSql {
  const { event, action, effect, trigger } = queries.tables
  const actionJoin = needsAction(filter) ? 'JOIN' : 'LEFT JOIN'
  const effectJoin = filter.type === 'effect' ? 'JOIN' : 'LEFT JOIN'
  const from =
    `${event} ev ${actionJoin} ${action} a ON a."seq_no" = ev."seq_no" ` +
    `${effectJoin} ${effect} f ON f."seq_no" = ev."seq_no"`
  const where: string[] = []
  const params: (string | number)[] = []
  const add = (sql: string, ...values: (string | number)[]): void => {
    where.push(sql)
    params.push(...values)
  }
  if (filter.aggregateKind !== undefined) add('a."aggregate_kind" = ?', filter.aggregateKind)
  if (filter.aggregate !== undefined) add('a."aggregate_kind" = ? AND a."aggregate_id" = ?', filter.aggregate.kind, filter.aggregate.id)
  if (filter.actor !== undefined) add('a."actor_kind" = ? AND a."actor_id" = ?', filter.actor.kind, filter.actor.id)
  if (filter.reason !== undefined) add('coalesce(a."reason", f."reason") = ?', filter.reason)
  if (filter.source !== undefined) add('ev."source" = ?', filter.source)
  if (filter.trigger !== undefined) {
    // One IN over both indexed sides (trigger table by kind and id, effect table by its trigger index):
    // an OR of the two would make SQLite scan every event.
    const { kind, id } = filter.trigger
    add(
      `ev."seq_no" IN (SELECT t."seq_no" FROM ${trigger} t WHERE t."trigger_kind" = ? AND t."trigger_id" = ? ` +
        `UNION SELECT f2."seq_no" FROM ${effect} f2 WHERE f2."trigger_kind" = ? AND f2."trigger_id" = ?)`,
      kind, id, kind, id
    )
  }
  if (filter.fromTime !== undefined) add('ev."timestamp" >= ?', filter.fromTime)
  if (filter.toTime !== undefined) add('ev."timestamp" <= ?', filter.toTime)
  if (filter.fromSeqNo !== undefined) add('ev."seq_no" >= ?', filter.fromSeqNo)
  if (filter.toSeqNo !== undefined) add('ev."seq_no" <= ?', filter.toSeqNo)
  if (filter.patchText !== undefined && filter.patchText !== '') add('instr(a."patch", ?) > 0', filter.patchText)
  return { from, where, params }
}

function rowType(r: RawEventRow): EventRowType {
  if (r.a_seq !== null && r.f_seq !== null) return 'both'
  if (r.a_seq !== null) return 'action'
  if (r.f_seq !== null) return 'effect'
  return 'neither'
}

/** Raw row → EventRow (cells as text). */
export function toEventRow(r: RawEventRow): EventRow {
  return {
    seqNo: r.seq_no,
    timestamp: r.timestamp,
    source: r.source,
    type: rowType(r),
    reason: r.a_reason ?? r.f_reason,
    actorKind: r.actor_kind,
    actorId: r.actor_id,
    aggregateKind: r.aggregate_kind,
    aggregateId: r.aggregate_id,
    patch: r.patch,
    triggerKind: r.trigger_kind,
    triggerId: r.trigger_id
  }
}

function whereClause(conditions: readonly string[]): string {
  return conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : ''
}

/** A keyset page of rows, ascending by seq-no. */
export function pageEvents(db: Database.Database, queries: Queries, query: EventPageQuery): EventPage {
  const f = filterSql(queries, query.filter)
  const limit = Math.max(1, Math.min(query.limit, 5000))
  const backwards = query.before !== undefined && query.after === undefined
  const keyset = backwards ? ['ev."seq_no" < ?'] : query.after !== undefined ? ['ev."seq_no" > ?'] : []
  const keyParams = backwards ? [query.before as number] : query.after !== undefined ? [query.after] : []
  const sql =
    `SELECT ${ROW_COLUMNS} FROM ${f.from}${whereClause([...f.where, ...keyset])} ` +
    `ORDER BY ev."seq_no" ${backwards ? 'DESC' : 'ASC'} LIMIT ?`
  const raw = db.prepare(sql).all(...f.params, ...keyParams, limit + 1) as RawEventRow[]
  const more = raw.length > limit
  const rows = raw.slice(0, limit).map(toEventRow)
  if (backwards) rows.reverse()
  const exists = (cond: string, value: number): boolean =>
    db.prepare(`SELECT 1 FROM ${f.from}${whereClause([...f.where, cond])} LIMIT 1`).get(...f.params, value) !== undefined
  const first = rows[0]?.seqNo
  const last = rows[rows.length - 1]?.seqNo
  return {
    rows,
    hasMoreBefore: backwards ? more : first !== undefined ? exists('ev."seq_no" < ?', first) : query.after !== undefined && exists('ev."seq_no" <= ?', query.after),
    hasMoreAfter: backwards ? (last !== undefined ? exists('ev."seq_no" > ?', last) : exists('ev."seq_no" >= ?', query.before as number)) : more
  }
}

/** One raw row with its trigger rows, or null. */
export function eventRow(db: Database.Database, queries: Queries, seqNo: number): EventRow | null {
  const f = filterSql(queries)
  const raw = db.prepare(`SELECT ${ROW_COLUMNS} FROM ${f.from} WHERE ev."seq_no" = ?`).get(seqNo) as RawEventRow | undefined
  if (raw === undefined) return null
  const triggers = (db.prepare(queries.triggersOf).all(seqNo) as { trigger_kind: string; trigger_id: string }[]).map(
    (t) => [t.trigger_kind, t.trigger_id] as const
  )
  return { ...toEventRow(raw), triggers }
}

/** A row of `streamRows`' statement: the event row plus at most one of its action's trigger rows. */
interface RawRowWithTrigger extends RawEventRow {
  t_kind: string | null
  t_id: string | null
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
  let current: EventRow | null = null
  let triggers: (readonly [string, string])[] = []
  for (const raw of db.prepare(sql).iterate(...f.params) as Iterable<RawRowWithTrigger>) {
    if (current !== null && current.seqNo !== raw.seq_no) {
      yield { ...current, triggers }
      current = null
    }
    if (current === null) {
      current = toEventRow(raw)
      triggers = []
    }
    if (raw.t_kind !== null && raw.t_id !== null) triggers.push([raw.t_kind, raw.t_id])
  }
  if (current !== null) yield { ...current, triggers }
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
  const where: string[] = []
  const params: (string | number)[] = []
  if (q.kind !== undefined) {
    where.push('"aggregate_kind" = ?')
    params.push(q.kind)
  }
  if (q.after !== undefined) {
    where.push('("aggregate_kind", "aggregate_id") > (?, ?)')
    params.push(q.after.kind, q.after.id)
  }
  if (q.idContains !== undefined && q.idContains !== '') {
    where.push('instr(lower("aggregate_id"), lower(?)) > 0')
    params.push(q.idContains)
  }
  const sql =
    `SELECT "aggregate_kind" AS kind, "aggregate_id" AS id, count(*) AS actions, min("seq_no") AS firstSeqNo, max("seq_no") AS lastSeqNo ` +
    `FROM ${queries.tables.action}${whereClause(where)} GROUP BY "aggregate_kind", "aggregate_id" ORDER BY "aggregate_kind", "aggregate_id" LIMIT ?`
  return db.prepare(sql).all(...params, Math.max(1, Math.min(q.limit, 5000))) as AggregateSummary[]
}

/** Distinct aggregate kinds with their number of aggregates. */
export function aggregateKinds(db: Database.Database, queries: Queries): { kind: string; aggregates: number }[] {
  return db
    .prepare(
      `SELECT "aggregate_kind" AS kind, count(DISTINCT "aggregate_id") AS aggregates FROM ${queries.tables.action} GROUP BY "aggregate_kind" ORDER BY "aggregate_kind"`
    )
    .all() as { kind: string; aggregates: number }[]
}

/** Raw action rows of one aggregate, ascending, up to `upTo` inclusive. */
export function aggregateHistory(db: Database.Database, queries: Queries, aggregate: CellIdentity, upTo?: number): EventRow[] {
  const f = filterSql(queries, { aggregate, ...(upTo !== undefined ? { toSeqNo: upTo } : {}) })
  const raw = db.prepare(`SELECT ${ROW_COLUMNS} FROM ${f.from}${whereClause(f.where)} ORDER BY ev."seq_no"`).all(...f.params) as RawEventRow[]
  return raw.map(toEventRow)
}

/** Up to `limit` distinct cell texts of a column, sorted (reasons and sources of both actions and effects). */
export function distinctValues(db: Database.Database, queries: Queries, column: SuggestableColumn, limit: number): string[] {
  const { event, action, effect, trigger } = queries.tables
  const bounded = Math.max(1, Math.min(limit, 1000))
  const sources: Record<SuggestableColumn, string[]> = {
    reason: [`SELECT DISTINCT "reason" AS v FROM ${action}`, `SELECT DISTINCT "reason" AS v FROM ${effect}`],
    source: [`SELECT DISTINCT "source" AS v FROM ${event}`],
    aggregateKind: [`SELECT DISTINCT "aggregate_kind" AS v FROM ${action}`],
    actorKind: [`SELECT DISTINCT "actor_kind" AS v FROM ${action}`],
    triggerKind: [`SELECT DISTINCT "trigger_kind" AS v FROM ${trigger}`, `SELECT DISTINCT "trigger_kind" AS v FROM ${effect}`]
  }
  const sql = `SELECT v FROM (${sources[column].join(' UNION ')}) WHERE v IS NOT NULL ORDER BY v LIMIT ?`
  return (db.prepare(sql).all(bounded) as { v: string }[]).map((r) => r.v)
}

/**
 * The distinct triggers carried by any action on `aggregate` (one pass over
 * the trigger table probing the aggregate's seq-nos: the library's trigger
 * table has no index on seq_no).
 */
export function triggersOfAggregate(db: Database.Database, queries: Queries, aggregate: CellIdentity): CellIdentity[] {
  const { action, trigger } = queries.tables
  return db
    .prepare(
      `SELECT DISTINCT t."trigger_kind" AS kind, t."trigger_id" AS id FROM ${trigger} t WHERE t."seq_no" IN ` +
        `(SELECT a."seq_no" FROM ${action} a WHERE a."aggregate_kind" = ? AND a."aggregate_id" = ?) ORDER BY 1, 2`
    )
    .all(aggregate.kind, aggregate.id) as CellIdentity[]
}
