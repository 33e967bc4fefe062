/**
 * Reading with replay (docs/semantics.md#read-with-replay), as the library's reader queries do: actions
 * from `offset` on, preceded by the earlier actions of every aggregate an
 * effect at or after `offset` reaches through its trigger. The two parts are
 * separate ordered queries (every seq-no of the first is below `offset`, every
 * one of the second at or above it), so their concatenation is in seq-no order
 * without a sort over the whole store.
 */
import type { Queries } from './queries'
import { ACTION_COLUMNS } from './queries'

/** Extra condition on the action alias `a` plus its parameters. */
export interface ActionCriteria {
  readonly sql: string
  readonly params: readonly (string | number)[]
}

/** Criteria for `filter-events-by-aggregates`: any of the (kind, id) cell pairs. */
export function aggregatesCriteria(cells: readonly { kind: string; id: string }[]): ActionCriteria {
  if (cells.length === 0) return { sql: '1 = 0', params: [] }
  return {
    sql: '(' + cells.map(() => '(a."aggregate_kind" = ? AND a."aggregate_id" = ?)').join(' OR ') + ')',
    params: cells.flatMap((c) => [c.kind, c.id])
  }
}

/** Criteria for `filter-events-by-aggregate-kinds`: any of the kind cells. */
export function kindsCriteria(kinds: readonly string[]): ActionCriteria {
  if (kinds.length === 0) return { sql: '1 = 0', params: [] }
  return { sql: `a."aggregate_kind" IN (${kinds.map(() => '?').join(', ')})`, params: [...kinds] }
}

/**
 * `WITH aff AS (…)`: the aggregates an effect at or after the first parameter
 * reaches through a trigger of any of their actions.
 */
function affectedAggregates(queries: Queries): string {
  const { action, effect, trigger } = queries.tables
  return (
    `WITH aff AS (SELECT a."aggregate_kind" AS "aggregate_kind", a."aggregate_id" AS "aggregate_id" ` +
    `FROM ${effect} f JOIN ${trigger} tr ON tr."trigger_kind" = f."trigger_kind" AND tr."trigger_id" = f."trigger_id" ` +
    `JOIN ${action} a ON a."seq_no" = tr."seq_no" WHERE f."seq_no" >= ? GROUP BY a."aggregate_kind", a."aggregate_id")`
  )
}

/** The SQL and parameters of both parts of a replaying read. */
export interface ReplayPlan {
  /** Is there any action below the offset at all? (If not, the replay part is skipped.) */
  readonly anyBefore: { sql: string; params: (string | number)[] }
  readonly replayed: { sql: string; params: (string | number)[] }
  readonly current: { sql: string; params: (string | number)[] }
}

/** Build the queries of a read from `offset`, optionally restricted by `criteria`. */
export function replayPlan(queries: Queries, offset: number, criteria?: ActionCriteria): ReplayPlan {
  const { event, action, trigger } = queries.tables
  const extra = criteria ? ` AND ${criteria.sql}` : ''
  const extraParams = criteria ? [...criteria.params] : []
  const triggerJoin = `LEFT JOIN ${trigger} t ON t."seq_no" = a."seq_no"`
  const select = `SELECT ${ACTION_COLUMNS}, t."trigger_kind" AS "trigger_kind", t."trigger_id" AS "trigger_id"`
  return {
    anyBefore: { sql: `SELECT 1 FROM ${action} a WHERE a."seq_no" < ?${extra} LIMIT 1`, params: [offset, ...extraParams] },
    replayed: {
      sql:
        `${affectedAggregates(queries)} ` +
        `${select} FROM aff JOIN ${action} a ON a."aggregate_kind" = aff."aggregate_kind" AND a."aggregate_id" = aff."aggregate_id" ` +
        `JOIN ${event} ev ON ev."seq_no" = a."seq_no" ${triggerJoin} WHERE a."seq_no" < ?${extra} ORDER BY a."seq_no"`,
      params: [offset, offset, ...extraParams]
    },
    current: {
      sql:
        `${select} FROM ${action} a JOIN ${event} ev ON ev."seq_no" = a."seq_no" ${triggerJoin} ` +
        `WHERE a."seq_no" >= ?${extra} ORDER BY a."seq_no"`,
      params: [offset, ...extraParams]
    }
  }
}

/** Both criteria at once (either may be absent). */
export function bothCriteria(a: ActionCriteria | undefined, b: ActionCriteria | undefined): ActionCriteria | undefined {
  if (a === undefined) return b
  if (b === undefined) return a
  return { sql: `${a.sql} AND ${b.sql}`, params: [...a.params, ...b.params] }
}

/** Criteria for keyset paging over a read: only actions after seq-no `after`. */
export function afterCriteria(after: number | undefined): ActionCriteria | undefined {
  return after === undefined ? undefined : { sql: 'a."seq_no" > ?', params: [after] }
}

/** Counting queries of a read: replayed actions (below the offset) and actions from the offset on. */
export function countPlan(queries: Queries, offset: number, criteria?: ActionCriteria): { replayed: ReplayPlan['current']; current: ReplayPlan['current'] } {
  const { event, action } = queries.tables
  const extra = criteria ? ` AND ${criteria.sql}` : ''
  const extraParams = criteria ? [...criteria.params] : []
  return {
    replayed: {
      sql:
        `${affectedAggregates(queries)} ` +
        `SELECT count(*) AS n FROM aff JOIN ${action} a ON a."aggregate_kind" = aff."aggregate_kind" AND a."aggregate_id" = aff."aggregate_id" ` +
        `JOIN ${event} ev ON ev."seq_no" = a."seq_no" WHERE a."seq_no" < ?${extra}`,
      params: [offset, offset, ...extraParams]
    },
    current: { sql: `SELECT count(*) AS n FROM ${action} a JOIN ${event} ev ON ev."seq_no" = a."seq_no" WHERE a."seq_no" >= ?${extra}`, params: [offset, ...extraParams] }
  }
}
