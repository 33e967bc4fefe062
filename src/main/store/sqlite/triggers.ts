/**
 * The trigger index and the trigger graph over a SQLite store.
 *
 * The library's trigger table has one index, its primary key
 * (trigger_kind, trigger_id, seq_no), and none on seq_no alone: every query
 * here reaches trigger rows through (kind, id), never by seq-no, except one
 * bounded pass (the triggers of one aggregate's actions) that scans the
 * primary-key index once instead of once per action. Measured plans and
 * times are in `docs/audit-queries.md`.
 */
import type Database from 'better-sqlite3'
import type { AuditGraph, GraphFocus, TriggerIndexPage, TriggerIndexQuery, TriggerSummary } from '../../../shared/audit'
import type { Queries } from '../sql/queries'
import { GRAPH_GROUP_CAP } from '../sql/audit-rules'
import { runFlow, type Rows } from '../sql/flow'
import { SQLITE_JSON, triggerGraphFlow } from '../sql/graph-queries'
import { SQLITE_TEXT } from '../sql/text-functions'
import { countTriggersSql, triggerIndexSql, triggerPageLimit } from '../sql/trigger-queries'

export { GRAPH_GROUP_CAP, MAX_TRIGGER_PAGE } from '../sql/audit-rules'

/** One keyset page of trigger identities with their counts. */
export function triggerIndex(db: Database.Database, queries: Queries, q: TriggerIndexQuery): TriggerIndexPage {
  const { sql, params } = triggerIndexSql(queries.tables, SQLITE_TEXT, q)
  const rows = db.prepare(sql).all(...params) as TriggerSummary[]
  const limit = triggerPageLimit(q.limit)
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit }
}

/** Number of distinct trigger identities (carried or named) matching `text`. */
export function countTriggers(db: Database.Database, queries: Queries, text?: string): number {
  const { sql, params } = countTriggersSql(queries.tables, SQLITE_TEXT, text)
  return (db.prepare(sql).get(...params) as { n: number }).n
}

/** The graph around `focus` (see `triggerGraphFlow`); null when the focus effect does not exist. */
export function triggerGraph(db: Database.Database, queries: Queries, focus: GraphFocus, cap = GRAPH_GROUP_CAP): AuditGraph | null {
  return runFlow(triggerGraphFlow(queries.tables, SQLITE_JSON, focus, cap), (step) => db.prepare(step.sql).all(...step.params) as Rows)
}
