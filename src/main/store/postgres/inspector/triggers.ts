/**
 * The trigger index and the trigger graph on PostgreSQL: the shared SQL of
 * `sql/trigger-queries.ts` and the graph flow of `sql/graph-queries.ts`, in
 * code-point text order. Trigger rows are reached through the primary key
 * (kind, id, seq_no), never by seq-no alone (the library has no such index).
 */
import type { AuditGraph, GraphFocus, TriggerIndexPage, TriggerIndexQuery, TriggerSummary } from '../../../../shared/audit'
import type { TableNames } from '../../../../shared/domain'
import { GRAPH_GROUP_CAP } from '../../sql/audit-rules'
import { POSTGRES_JSON, triggerGraphFlow } from '../../sql/graph-queries'
import { POSTGRES_TEXT } from '../../sql/text-functions'
import { countTriggersSql, triggerIndexSql, triggerPageLimit } from '../../sql/trigger-queries'
import type { PgQueries } from '../pg-queries'
import { runPg } from './flows'
import { first, num, quoted, run, textOrder } from './run'

/** One keyset page of trigger identities with their counts. */
export async function triggerIndex(db: PgQueries, tables: TableNames, q: TriggerIndexQuery): Promise<TriggerIndexPage> {
  const { sql, params } = triggerIndexSql(quoted(tables), POSTGRES_TEXT, q, await textOrder(db), true)
  const rows = await run<TriggerSummary>(db, sql, params)
  const limit = triggerPageLimit(q.limit)
  return {
    rows: rows.slice(0, limit).map((r) => ({ kind: r.kind, id: r.id, actions: num(r.actions), effects: num(r.effects) })),
    hasMore: rows.length > limit
  }
}

/** Number of distinct trigger identities (carried or named) whose printed `kind id` contains `text`. */
export async function countTriggers(db: PgQueries, tables: TableNames, text?: string): Promise<number> {
  const { sql, params } = countTriggersSql(quoted(tables), POSTGRES_TEXT, text)
  return num((await first<{ n: unknown }>(db, sql, params))?.n ?? 0)
}

/** The graph around `focus`, capped per group; null for an unknown effect. */
export async function triggerGraph(db: PgQueries, tables: TableNames, focus: GraphFocus, cap = GRAPH_GROUP_CAP): Promise<AuditGraph | null> {
  return runPg(db, triggerGraphFlow(quoted(tables), POSTGRES_JSON, focus, cap, await textOrder(db)))
}
