/**
 * Raw event rows and the event filter as SQL, shared by the SQLite and the
 * PostgreSQL adapter: the same columns, the same joins, the same conditions,
 * with `?` placeholders (the PostgreSQL adapter numbers them) and the few
 * dialect differences behind `TextFunctions`.
 */
import type { EventFilter, EventPage, EventPageQuery, EventRow, EventRowType } from '../../../shared/browse'
import { query, type Flow } from './flow'
import type { TextFunctions } from './text-functions'

/** The four tables' quoted names. */
export interface QuotedTables {
  readonly event: string
  readonly action: string
  readonly effect: string
  readonly trigger: string
}

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
export interface FilterSql {
  readonly from: string
  readonly where: string[]
  readonly params: (string | number)[]
}

function needsAction(f: EventFilter): boolean {
  return f.type === 'action' || f.aggregateKind !== undefined || f.aggregate !== undefined || f.actor !== undefined || f.patchText !== undefined
}

/** A range of seq-nos a query reads (`ev."seq_no" op value`). */
export interface SeqNoBound {
  readonly op: '<' | '<=' | '>' | '>='
  readonly value: number
}

/**
 * Translate a filter into SQL on the aliases ev / a / f (and a trigger
 * sub-query). With `bound`, the action and effect joins carry the same
 * seq-no range as the events (PostgreSQL derives only equalities across a
 * join, so without it a merge join would read those tables from their start).
 */
export function filterSql(tables: QuotedTables, text: TextFunctions, filter: EventFilter = {}, bound?: SeqNoBound): FilterSql {
  const { event, action, effect, trigger } = tables
  const actionJoin = needsAction(filter) ? 'JOIN' : 'LEFT JOIN'
  const effectJoin = filter.type === 'effect' ? 'JOIN' : 'LEFT JOIN'
  const range = (alias: string): string => (bound === undefined ? '' : ` AND ${alias}."seq_no" ${bound.op} ?`)
  const from =
    `${event} ev ${actionJoin} ${action} a ON a."seq_no" = ev."seq_no"${range('a')} ` +
    `${effectJoin} ${effect} f ON f."seq_no" = ev."seq_no"${range('f')}`
  const where: string[] = []
  const params: (string | number)[] = bound === undefined ? [] : [bound.value, bound.value]
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
    // an OR of the two would make the database scan every event.
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
  if (filter.patchText !== undefined && filter.patchText !== '') add(text.contains('a."patch"', '?'), filter.patchText)
  return { from, where, params }
}

/** A raw row with its seq-nos as numbers (a driver may hand BIGINT columns over as strings). */
export function numericRow<R extends RawEventRow>(r: R): R {
  return { ...r, seq_no: Number(r.seq_no), a_seq: r.a_seq === null ? null : Number(r.a_seq), f_seq: r.f_seq === null ? null : Number(r.f_seq) }
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

/** ` WHERE a AND b`, or nothing without conditions. */
export function whereClause(conditions: readonly string[]): string {
  return conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : ''
}

/** The largest page of events. */
export const MAX_EVENT_PAGE = 5000

/** How many rows a page query asks for (one more than it shows, to know whether there are more). */
export function pageLimit(limit: number): number {
  return Math.max(1, Math.min(limit, MAX_EVENT_PAGE))
}

/** Compare texts by code point (as SQLite's BINARY collation and PostgreSQL's "C" order UTF-8 text). */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i) as number
    const y = b.codePointAt(i) as number
    if (x !== y) return x - y
    if (x > 0xffff) i++
  }
  return a.length - b.length
}

/**
 * An action's trigger rows in one defined order, by kind, then id, in code
 * points (the trigger table's key order): the rows come back in whatever
 * order the database's plan meets them, and the library treats them as a set.
 */
export function sortedTriggers(triggers: readonly (readonly [string, string])[]): (readonly [string, string])[] {
  return [...triggers].sort((x, y) => compareCodePoints(x[0], y[0]) || compareCodePoints(x[1], y[1]))
}

/** Rows of one event's stream merged: its first row with every trigger row after it. */
export interface RawRowWithTrigger extends RawEventRow {
  t_kind: string | null
  t_id: string | null
}

/**
 * Merges the rows of one statement ordered by seq-no (an event row per trigger
 * row of its action) into EventRows with their triggers (`sortedTriggers`), holding one event:
 * `push` returns the previous event once a row of the next one arrives,
 * `flush` the last one.
 */
export class TriggerRowMerger {
  private current: EventRow | null = null
  private triggers: (readonly [string, string])[] = []

  push(raw: RawRowWithTrigger): EventRow | null {
    let done: EventRow | null = null
    if (this.current !== null && this.current.seqNo !== raw.seq_no) done = this.flush()
    if (this.current === null) {
      this.current = toEventRow(raw)
      this.triggers = []
    }
    if (raw.t_kind !== null && raw.t_id !== null) this.triggers.push([raw.t_kind, raw.t_id])
    return done
  }

  flush(): EventRow | null {
    const done = this.current === null ? null : { ...this.current, triggers: sortedTriggers(this.triggers) }
    this.current = null
    return done
  }
}

/**
 * A keyset page of rows matching a filter, ascending by seq-no: the rows
 * after `after` (or before `before`, read backwards), one more than the page
 * to know whether there are more that way, and one probe for the other way.
 * `filter` gives the filter's SQL for a seq-no range (it may use the range in
 * its joins, see `filterSql`).
 */
export function* pageEventsFlow(filter: (bound?: SeqNoBound) => FilterSql, q: EventPageQuery): Flow<EventPage> {
  const limit = pageLimit(q.limit)
  const backwards = q.before !== undefined && q.after === undefined
  const bound: SeqNoBound | undefined = backwards ? { op: '<', value: q.before as number } : q.after !== undefined ? { op: '>', value: q.after } : undefined
  const f = filter(bound)
  const keyset = bound === undefined ? [] : [`ev."seq_no" ${bound.op} ?`]
  const sql =
    `SELECT ${ROW_COLUMNS} FROM ${f.from}${whereClause([...f.where, ...keyset])} ` +
    `ORDER BY ev."seq_no" ${backwards ? 'DESC' : 'ASC'} LIMIT ?`
  const raw = yield* query<RawEventRow>(sql, [...f.params, ...(bound === undefined ? [] : [bound.value]), limit + 1])
  const more = raw.length > limit
  const rows = raw.slice(0, limit).map((r) => toEventRow(numericRow(r)))
  if (backwards) rows.reverse()
  function* exists(op: SeqNoBound['op'], value: number): Flow<boolean> {
    const g = filter({ op, value })
    return (yield* query(`SELECT 1 AS one FROM ${g.from}${whereClause([...g.where, `ev."seq_no" ${op} ?`])} LIMIT 1`, [...g.params, value])).length > 0
  }
  const first = rows[0]?.seqNo
  const last = rows[rows.length - 1]?.seqNo
  let hasMoreBefore = more
  let hasMoreAfter = more
  if (!backwards) {
    if (first !== undefined) hasMoreBefore = yield* exists('<', first)
    else hasMoreBefore = q.after !== undefined && (yield* exists('<=', q.after))
  } else {
    hasMoreAfter = last !== undefined ? yield* exists('>', last) : yield* exists('>=', q.before as number)
  }
  return { rows, hasMoreBefore, hasMoreAfter }
}
