/**
 * SQL of the list read models that is the same on every database: aggregates
 * and their kinds, column suggestions, the triggers of an aggregate and the
 * causes of a read's replay. `?` placeholders; `order` follows each text
 * column that is sorted or compared by range (empty on SQLite, whose text
 * order is by code point; ` COLLATE "C"` on a PostgreSQL database whose
 * collation orders otherwise).
 */
import type { SuggestableColumn } from '../../../shared/browse'
import { containsIgnoringAsciiCase, idOrderKey, type TextFunctions } from './text-functions'
import { whereClause, type QuotedTables } from './event-rows'

/** The aggregate list's filter and keyset. */
export interface AggregateListQuery {
  readonly kind?: string
  readonly after?: { readonly kind: string; readonly id: string }
  readonly idContains?: string
}

/**
 * Aggregates with their action counts and first and last seq-nos, by kind, then
 * id (integers numerically before the rest, see `idOrderKey`), keyset-paged;
 * the last parameter is the limit.
 */
export function aggregatesSql(t: QuotedTables, fns: TextFunctions, q: AggregateListQuery, order = ''): { sql: string; params: string[] } {
  const where: string[] = []
  const params: string[] = []
  if (q.kind !== undefined) {
    where.push('"aggregate_kind" = ?')
    params.push(q.kind)
  }
  if (q.after !== undefined) {
    // Later kinds, or the same kind with a later id key: the same kind is found through the index.
    const afterKey = idOrderKey(fns, '?', order)
    where.push(`("aggregate_kind"${order} > ? OR ("aggregate_kind" = ? AND (${idOrderKey(fns, '"aggregate_id"', order)}) > (${afterKey})))`)
    params.push(q.after.kind, q.after.kind, ...Array<string>(afterKey.split('?').length - 1).fill(q.after.id))
  }
  if (q.idContains !== undefined && q.idContains !== '') {
    where.push(containsIgnoringAsciiCase(fns, '"aggregate_id"', '?'))
    params.push(q.idContains)
  }
  const sql =
    `SELECT "aggregate_kind" AS "kind", "aggregate_id" AS "id", count(*) AS "actions", min("seq_no") AS "firstSeqNo", max("seq_no") AS "lastSeqNo" ` +
    `FROM ${t.action}${whereClause(where)} GROUP BY "aggregate_kind", "aggregate_id" ORDER BY "aggregate_kind"${order}, ${idOrderKey(fns, '"aggregate_id"', order)} LIMIT ?`
  return { sql, params }
}

/** Distinct aggregate kinds with their number of aggregates. */
export function aggregateKindsSql(t: QuotedTables, order = ''): string {
  return (
    `SELECT "aggregate_kind" AS "kind", count(DISTINCT "aggregate_id") AS "aggregates" FROM ${t.action} ` +
    `GROUP BY "aggregate_kind" ORDER BY "aggregate_kind"${order}`
  )
}

/** Up to `?` distinct cell texts of a column, sorted (reasons and sources of both actions and effects). */
export function distinctValuesSql(t: QuotedTables, column: SuggestableColumn, order = ''): string {
  const sources: Record<SuggestableColumn, string[]> = {
    reason: [`SELECT DISTINCT "reason" AS v FROM ${t.action}`, `SELECT DISTINCT "reason" AS v FROM ${t.effect}`],
    source: [`SELECT DISTINCT "source" AS v FROM ${t.event}`],
    aggregateKind: [`SELECT DISTINCT "aggregate_kind" AS v FROM ${t.action}`],
    actorKind: [`SELECT DISTINCT "actor_kind" AS v FROM ${t.action}`],
    triggerKind: [`SELECT DISTINCT "trigger_kind" AS v FROM ${t.trigger}`, `SELECT DISTINCT "trigger_kind" AS v FROM ${t.effect}`]
  }
  return `SELECT v FROM (${sources[column].join(' UNION ')}) AS u WHERE v IS NOT NULL ORDER BY v${order} LIMIT ?`
}

/**
 * `sql` sorted by `keys` (output column names, text ones followed by
 * `order`): directly when the text order is the database's own, else from a
 * derived table (PostgreSQL sorts DISTINCT and UNION results only by their
 * plain output columns).
 */
export function sortedBy(sql: string, keys: readonly string[], order: string): string {
  return order === '' ? `${sql} ORDER BY ${keys.join(', ')}` : `SELECT * FROM (${sql}) AS d ORDER BY ${keys.join(', ')}`
}

/**
 * The distinct triggers carried by the actions of the aggregate (?, ?): one
 * pass over the trigger key index probing the aggregate's seq-nos (the
 * library's trigger table has no index on seq_no).
 */
export function triggersOfAggregateSql(t: QuotedTables, order = ''): string {
  return sortedBy(
    `SELECT DISTINCT t."trigger_kind" AS "kind", t."trigger_id" AS "id" FROM ${t.trigger} t WHERE t."seq_no" IN ` +
      `(SELECT a."seq_no" FROM ${t.action} a WHERE a."aggregate_kind" = ? AND a."aggregate_id" = ?)`,
    [`"kind"${order}`, `"id"${order}`],
    order
  )
}

/** (aggregate, effect) pairs: each aggregate an effect at or after `?` reaches through a trigger, ordered by aggregate then effect. */
export function replayCausesSql(t: QuotedTables, order = ''): string {
  return sortedBy(
    `SELECT DISTINCT a."aggregate_kind" AS "kind", a."aggregate_id" AS "id", f."seq_no" AS "seq_no" FROM ${t.effect} f ` +
      `JOIN ${t.trigger} t ON t."trigger_kind" = f."trigger_kind" AND t."trigger_id" = f."trigger_id" ` +
      `JOIN ${t.action} a ON a."seq_no" = t."seq_no" WHERE f."seq_no" >= ?`,
    [`"kind"${order}`, `"id"${order}`, '"seq_no"'],
    order
  )
}
