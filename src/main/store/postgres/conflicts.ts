/**
 * The rebase conflict check for a whole batch in one round trip: for every
 * aggregate of the batch, the earliest stored event from the base on (not
 * resolved) that conflicts with it — an action on it, or an effect whose
 * trigger one of its actions carries — exactly the per-aggregate queries of
 * `../sql/queries` (`firstConflictingAction`, `firstConflictingEffect`), run
 * as correlated subqueries over the batch's aggregates.
 */
import type { CellIdentity } from '../../../shared/browse'
import type { Queries } from '../sql/queries'

/** The SQL and parameters: one row per aggregate (`n`, 1-based), with the conflicting seq-no or null. */
export function firstConflictsSql(queries: Queries, aggregates: readonly CellIdentity[], base: number, resolved: readonly number[]): { sql: string; params: unknown[] } {
  const { action, effect, trigger } = queries.tables
  const notResolved = (col: string): string => `${col} <> ALL($4::bigint[])`
  return {
    sql:
      `SELECT g.n::int AS n, least(` +
      `(SELECT min(a."seq_no") FROM ${action} a WHERE a."aggregate_kind" = g.kind AND a."aggregate_id" = g.id AND a."seq_no" >= $3 AND ${notResolved('a."seq_no"')}), ` +
      `(SELECT min(f."seq_no") FROM ${effect} f WHERE f."seq_no" >= $3 AND ${notResolved('f."seq_no"')} ` +
      `AND EXISTS (SELECT 1 FROM ${trigger} t JOIN ${action} a ON a."seq_no" = t."seq_no" ` +
      'WHERE t."trigger_kind" = f."trigger_kind" AND t."trigger_id" = f."trigger_id" AND a."aggregate_kind" = g.kind AND a."aggregate_id" = g.id))' +
      `) AS seq_no FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS g(kind, id, n)`,
    params: [aggregates.map((c) => c.kind), aggregates.map((c) => c.id), base, [...resolved]]
  }
}
