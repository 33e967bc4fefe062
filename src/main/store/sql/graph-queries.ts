/**
 * SQL of the trigger graph, shared by the adapters. The sets a query starts
 * from (triggers, aggregates, seq-nos) are one JSON-array parameter each,
 * unpacked by the database's own JSON functions.
 */
import type { CellIdentity } from '../../../shared/browse'
import type { AuditGraph, Capped, GraphAction, GraphEffect, GraphFocus } from '../../../shared/audit'
import { GRAPH_GROUP_CAP, graphAggregates, graphReaches, type CarriedRow } from './audit-rules'
import type { QuotedTables } from './event-rows'
import { query, type Flow } from './flow'
import { triggersOfAggregateSql } from './list-queries'

/** How one database unpacks a JSON-array parameter and counts distinct pairs. */
export interface JsonFunctions {
  /** A CTE `name(kind, id)` from one parameter holding a JSON array of `[kind, id]` pairs. */
  pairs(name: string): string
  /** `col` is among the numbers of one parameter holding a JSON array of them. */
  numberIn(col: string): string
  /** `col` is among the texts of one parameter holding a JSON array of them. */
  textIn(col: string): string
  /** The number of distinct (a, b) pairs. */
  countDistinctPairs(a: string, b: string): string
}

/** SQLite's JSON1 functions. */
export const SQLITE_JSON: JsonFunctions = {
  pairs: (name) => `${name}(kind, id) AS (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?))`,
  numberIn: (col) => `${col} IN (SELECT value FROM json_each(?))`,
  textIn: (col) => `${col} IN (SELECT value FROM json_each(?))`,
  countDistinctPairs: (a, b) => `count(DISTINCT json_array(${a}, ${b}))`
}

/** PostgreSQL's json functions (row values count as pairs). */
export const POSTGRES_JSON: JsonFunctions = {
  pairs: (name) => `${name}(kind, id) AS (SELECT p ->> 0, p ->> 1 FROM json_array_elements(CAST(? AS json)) AS p)`,
  numberIn: (col) => `${col} IN (SELECT CAST(v AS bigint) FROM json_array_elements_text(CAST(? AS json)) AS v)`,
  textIn: (col) => `${col} IN (SELECT v FROM json_array_elements_text(CAST(? AS json)) AS v)`,
  countDistinctPairs: (a, b) => `count(DISTINCT (${a}, ${b}))`
}

/** The graph's queries; each takes the trigger pairs (JSON) first. */
export interface GraphQueries {
  /** Actions carrying the triggers, the focus aggregate's (?, ?) first, then by seq-no; limit ?. */
  readonly actions: string
  /** Distinct actions and aggregates carrying the triggers. */
  readonly totals: string
  /** Trigger rows of the triggers on the seq-nos of a JSON array. */
  readonly carries: string
  /** Effects naming the triggers, the focus effect ? first, then by seq-no; limit ?. */
  readonly effects: string
  /** Number of effects naming the triggers. */
  readonly effectTotal: string
  /** Which of the aggregates of a JSON array of pairs carry which of the triggers. */
  readonly carried: string
  /** Actions and aggregates carrying the triggers per aggregate kind, most actions first; limit ?. */
  readonly kinds: string
}

/** The graph's SQL over `t`. */
export function graphQueries(t: QuotedTables, j: JsonFunctions, order = ''): GraphQueries {
  const carrying = (cols: string): string =>
    `WITH ${j.pairs('s')} SELECT ${cols} FROM s JOIN ${t.trigger} t ON t."trigger_kind" = s.kind AND t."trigger_id" = s.id ` +
    `JOIN ${t.action} a ON a."seq_no" = t."seq_no"`
  return {
    actions:
      carrying(
        'DISTINCT a."seq_no" AS "seqNo", a."reason" AS "reason", a."aggregate_kind" AS "kind", a."aggregate_id" AS "id", ' +
          '(a."aggregate_kind" = ? AND a."aggregate_id" = ?) AS "focus"'
      ) + ' ORDER BY "focus" DESC, "seqNo" LIMIT ?',
    kinds:
      carrying('a."aggregate_kind" AS "kind", count(DISTINCT a."seq_no") AS "actions", count(DISTINCT a."aggregate_id") AS "aggregates"') +
      ` GROUP BY a."aggregate_kind" ORDER BY "actions" DESC, a."aggregate_kind"${order} LIMIT ?`,
    totals: carrying(`count(DISTINCT a."seq_no") AS "actions", ${j.countDistinctPairs('a."aggregate_kind"', 'a."aggregate_id"')} AS "aggregates"`),
    carries:
      `WITH ${j.pairs('s')} SELECT t."trigger_kind" AS "kind", t."trigger_id" AS "id", t."seq_no" AS "seqNo" FROM s JOIN ${t.trigger} t ` +
      `ON t."trigger_kind" = s.kind AND t."trigger_id" = s.id WHERE ${j.numberIn('t."seq_no"')}`,
    effects:
      `WITH ${j.pairs('s')} SELECT f."seq_no" AS "seqNo", f."reason" AS "reason", f."trigger_kind" AS "kind", f."trigger_id" AS "id" FROM s ` +
      `JOIN ${t.effect} f ON f."trigger_kind" = s.kind AND f."trigger_id" = s.id ORDER BY (f."seq_no" = ?) DESC, f."seq_no" LIMIT ?`,
    effectTotal: `WITH ${j.pairs('s')} SELECT count(*) AS "n" FROM s JOIN ${t.effect} f ON f."trigger_kind" = s.kind AND f."trigger_id" = s.id`,
    carried:
      `WITH ${j.pairs('s')}, ${j.pairs('g')} SELECT DISTINCT a."aggregate_kind" AS "kind", a."aggregate_id" AS "id", t."trigger_kind" AS "tkind", ` +
      `t."trigger_id" AS "tid" FROM s JOIN ${t.trigger} t ON t."trigger_kind" = s.kind AND t."trigger_id" = s.id ` +
      `JOIN ${t.action} a ON a."seq_no" = t."seq_no" JOIN g ON g.kind = a."aggregate_kind" AND g.id = a."aggregate_id"`
  }
}

const json = (value: unknown): string => JSON.stringify(value)

/** The trigger set a focus starts from (capped) and its total; null when the focus effect does not exist. */
function* triggerSet(t: QuotedTables, focus: GraphFocus, cap: number, order: string): Flow<Capped<CellIdentity> | null> {
  if (focus.type === 'trigger') return { items: [{ kind: focus.kind, id: focus.id }], total: 1 }
  if (focus.type === 'effect') {
    const rows = yield* query<CellIdentity>(`SELECT "trigger_kind" AS "kind", "trigger_id" AS "id" FROM ${t.effect} WHERE "seq_no" = ?`, [focus.seqNo])
    return rows.length > 0 ? { items: [{ kind: rows[0].kind, id: rows[0].id }], total: 1 } : null
  }
  // The triggers of one aggregate's actions: one pass over the trigger key index, probing the aggregate's seq-nos.
  const rows = yield* query<CellIdentity>(triggersOfAggregateSql(t, order), [focus.kind, focus.id])
  return { items: rows.slice(0, cap).map((r) => ({ kind: r.kind, id: r.id })), total: rows.length }
}

/**
 * The graph around `focus`: its triggers, the actions carrying them, those
 * actions' aggregates and the effects naming the triggers, each group capped
 * at `cap`; null when the focus effect does not exist. Edges come in a fixed
 * order: carries by trigger (as listed), then seq-no; reaches by effect, then
 * aggregate (as listed).
 */
export function* triggerGraphFlow(t: QuotedTables, j: JsonFunctions, focus: GraphFocus, cap = GRAPH_GROUP_CAP, order = ''): Flow<AuditGraph | null> {
  const q = graphQueries(t, j, order)
  const set = yield* triggerSet(t, focus, cap, order)
  if (set === null) return null
  const pairs = json(set.items.map((x) => [x.kind, x.id]))
  const focusAggregate = focus.type === 'aggregate' ? [focus.kind, focus.id] : ['', '']
  const actionRows = yield* query<{ seqNo: unknown; reason: string; kind: string; id: string }>(q.actions, [pairs, ...focusAggregate, cap])
  const actions: GraphAction[] = actionRows.map((r) => ({ seqNo: Number(r.seqNo), reason: r.reason, aggregate: { kind: r.kind, id: r.id } }))
  const [totals] = yield* query<{ actions: unknown; aggregates: unknown }>(q.totals, [pairs])
  const aggregates = graphAggregates(focus, actions)
  const kindRows = yield* query<{ kind: string; actions: unknown; aggregates: unknown }>(q.kinds, [pairs, cap])
  const kinds = kindRows.map((r) => ({ kind: r.kind, actions: Number(r.actions), aggregates: Number(r.aggregates) }))

  const carryRows = yield* query<{ kind: string; id: string; seqNo: unknown }>(q.carries, [pairs, json(actions.map((a) => a.seqNo))])
  const triggerIndex = (kind: string, id: string): number => set.items.findIndex((x) => x.kind === kind && x.id === id)
  const carries = carryRows
    .map((r) => ({ trigger: { kind: r.kind, id: r.id }, seqNo: Number(r.seqNo) }))
    .sort((a, b) => triggerIndex(a.trigger.kind, a.trigger.id) - triggerIndex(b.trigger.kind, b.trigger.id) || a.seqNo - b.seqNo)

  const focusEffect = focus.type === 'effect' ? focus.seqNo : -1
  const effectRows = yield* query<{ seqNo: unknown; reason: string; kind: string; id: string }>(q.effects, [pairs, focusEffect, cap])
  const effects: GraphEffect[] = effectRows.map((r) => ({ seqNo: Number(r.seqNo), reason: r.reason, trigger: { kind: r.kind, id: r.id } }))
  const [effectTotal] = yield* query<{ n: unknown }>(q.effectTotal, [pairs])

  // Which shown aggregates carry which trigger (through any of their actions): the effects naming it reach them.
  const carried = yield* query<CarriedRow>(q.carried, [pairs, json(aggregates.map((g) => [g.kind, g.id]))])
  const aggregateIndex = (c: CarriedRow): number => aggregates.findIndex((g) => g.kind === c.kind && g.id === c.id)
  const reaches = graphReaches(effects, [...carried].sort((a, b) => aggregateIndex(a) - aggregateIndex(b)))
  return {
    focus,
    triggers: set,
    actions: { items: actions, total: Number(totals.actions) },
    aggregates: { items: aggregates, total: Math.max(Number(totals.aggregates), aggregates.length) },
    effects: { items: effects, total: Number(effectTotal.n) },
    carries,
    reaches,
    kinds
  }
}
