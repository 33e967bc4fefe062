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
import type { CellIdentity } from '../../../shared/browse'
import type {
  AuditGraph,
  Capped,
  GraphAction,
  GraphEffect,
  GraphFocus,
  TriggerIndexPage,
  TriggerIndexQuery,
  TriggerSummary
} from '../../../shared/audit'
import type { Queries } from '../sql/queries'

/** Largest page of the trigger index. */
export const MAX_TRIGGER_PAGE = 1000

/** Nodes shown per group of the graph before the rest is summarised. */
export const GRAPH_GROUP_CAP = 50

type Params = (string | number)[]

/** `instr` over the printed identity, case-insensitive; null without text. */
function textCondition(text: string | undefined, kindCol: string, idCol: string): { sql: string; params: Params } | null {
  if (text === undefined || text.trim() === '') return null
  return { sql: `instr(lower(${kindCol} || ' ' || ${idCol}), lower(?)) > 0`, params: [text.trim()] }
}

/** One keyset page of trigger identities with their counts. */
export function triggerIndex(db: Database.Database, queries: Queries, q: TriggerIndexQuery): TriggerIndexPage {
  const { trigger, effect } = queries.tables
  const limit = Math.max(1, Math.min(q.limit, MAX_TRIGGER_PAGE))
  const sort = q.sort ?? 'identity'
  const text = textCondition(q.text, '"trigger_kind"', '"trigger_id"')
  let rows: TriggerSummary[]
  if (sort === 'identity') {
    // Both sources are read in index order and merged (UNION of two ordered scans): a page costs its rows, not the table.
    const where: string[] = []
    const params: Params = []
    if (q.after) {
      where.push('("trigger_kind", "trigger_id") > (?, ?)')
      params.push(q.after.kind, q.after.id)
    }
    if (text) {
      where.push(text.sql)
      params.push(...text.params)
    }
    const w = where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''
    const sql =
      `WITH ids AS (SELECT "trigger_kind" AS kind, "trigger_id" AS id FROM ${trigger}${w} ` +
      `UNION SELECT "trigger_kind", "trigger_id" FROM ${effect}${w} ORDER BY 1, 2 LIMIT ?) ` +
      `SELECT kind, id, (SELECT count(*) FROM ${trigger} t WHERE t."trigger_kind" = ids.kind AND t."trigger_id" = ids.id) AS actions, ` +
      `(SELECT count(*) FROM ${effect} f WHERE f."trigger_kind" = ids.kind AND f."trigger_id" = ids.id) AS effects ` +
      'FROM ids ORDER BY kind, id'
    rows = db.prepare(sql).all(...params, ...params, limit + 1) as TriggerSummary[]
  } else {
    // Sorting by a count needs every identity's counts: one pass over each covering index, grouped.
    const w = text ? ` WHERE ${text.sql}` : ''
    const textParams = text ? text.params : []
    const column = sort === 'actions' ? 'actions' : 'effects'
    const keyset = q.after ? ` WHERE (${column} < ? OR (${column} = ? AND (kind, id) > (?, ?)))` : ''
    const keyParams = q.after ? [q.after.count, q.after.count, q.after.kind, q.after.id] : []
    const sql =
      `WITH counts AS (SELECT kind, id, sum(actions) AS actions, sum(effects) AS effects FROM (` +
      `SELECT "trigger_kind" AS kind, "trigger_id" AS id, count(*) AS actions, 0 AS effects FROM ${trigger}${w} GROUP BY 1, 2 ` +
      `UNION ALL SELECT "trigger_kind", "trigger_id", 0, count(*) FROM ${effect}${w} GROUP BY 1, 2) GROUP BY kind, id) ` +
      `SELECT kind, id, actions, effects FROM counts${keyset} ORDER BY ${column} DESC, kind, id LIMIT ?`
    rows = db.prepare(sql).all(...textParams, ...textParams, ...keyParams, limit + 1) as TriggerSummary[]
  }
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit }
}

/** Number of distinct trigger identities (carried or named) matching `text`. */
export function countTriggers(db: Database.Database, queries: Queries, text?: string): number {
  const { trigger, effect } = queries.tables
  const cond = textCondition(text, '"trigger_kind"', '"trigger_id"')
  const w = cond ? ` WHERE ${cond.sql}` : ''
  const p = cond ? cond.params : []
  const sql = `SELECT count(*) AS n FROM (SELECT "trigger_kind", "trigger_id" FROM ${trigger}${w} UNION SELECT "trigger_kind", "trigger_id" FROM ${effect}${w})`
  return (db.prepare(sql).get(...p, ...p) as { n: number }).n
}

const json = (value: unknown): string => JSON.stringify(value)

/** SQL for a CTE `s(kind, id)` from a JSON array of `[kind, id]` pairs. */
const PAIRS = (name: string): string =>
  `${name}(kind, id) AS (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?))`

const sameIdentity = (a: CellIdentity, b: CellIdentity): boolean => a.kind === b.kind && a.id === b.id

/** The trigger set a focus starts from (capped), its total, and the focus effect; null when the focus does not exist. */
function triggerSet(db: Database.Database, queries: Queries, focus: GraphFocus, cap: number): Capped<CellIdentity> | null {
  const { action, effect, trigger } = queries.tables
  if (focus.type === 'trigger') return { items: [{ kind: focus.kind, id: focus.id }], total: 1 }
  if (focus.type === 'effect') {
    const row = db.prepare(`SELECT "trigger_kind" AS kind, "trigger_id" AS id FROM ${effect} WHERE "seq_no" = ?`).get(focus.seqNo) as CellIdentity | undefined
    return row ? { items: [row], total: 1 } : null
  }
  // The triggers of one aggregate's actions: one pass over the trigger key index, probing the aggregate's seq-nos.
  const rows = db
    .prepare(
      `SELECT DISTINCT t."trigger_kind" AS kind, t."trigger_id" AS id FROM ${trigger} t WHERE t."seq_no" IN ` +
        `(SELECT a."seq_no" FROM ${action} a WHERE a."aggregate_kind" = ? AND a."aggregate_id" = ?) ORDER BY 1, 2`
    )
    .all(focus.kind, focus.id) as CellIdentity[]
  return { items: rows.slice(0, cap), total: rows.length }
}

/**
 * The graph around `focus`: its triggers, the actions carrying them, those
 * actions' aggregates and the effects naming the triggers, each group capped
 * at `cap`; null when the focus effect does not exist.
 */
export function triggerGraph(db: Database.Database, queries: Queries, focus: GraphFocus, cap = GRAPH_GROUP_CAP): AuditGraph | null {
  const { action, effect, trigger } = queries.tables
  const set = triggerSet(db, queries, focus, cap)
  if (set === null) return null
  const pairs = json(set.items.map((t) => [t.kind, t.id]))
  const carrying = `WITH ${PAIRS('s')} SELECT %COLS% FROM s JOIN ${trigger} t ON t."trigger_kind" = s.kind AND t."trigger_id" = s.id JOIN ${action} a ON a."seq_no" = t."seq_no"`
  const with_ = (cols: string): string => carrying.replace('%COLS%', cols)

  const focusAggregate = focus.type === 'aggregate' ? [focus.kind, focus.id] : ['', '']
  const actionRows = db
    .prepare(
      with_('DISTINCT a."seq_no" AS seqNo, a."reason" AS reason, a."aggregate_kind" AS kind, a."aggregate_id" AS id') +
        ' ORDER BY (a."aggregate_kind" = ? AND a."aggregate_id" = ?) DESC, a."seq_no" LIMIT ?'
    )
    .all(pairs, ...focusAggregate, cap) as { seqNo: number; reason: string; kind: string; id: string }[]
  const actions: GraphAction[] = actionRows.map((r) => ({ seqNo: r.seqNo, reason: r.reason, aggregate: { kind: r.kind, id: r.id } }))
  const totals = db
    .prepare(with_('count(DISTINCT a."seq_no") AS actions, count(DISTINCT json_array(a."aggregate_kind", a."aggregate_id")) AS aggregates'))
    .get(pairs) as { actions: number; aggregates: number }

  const aggregates: CellIdentity[] = []
  if (focus.type === 'aggregate') aggregates.push({ kind: focus.kind, id: focus.id })
  for (const a of actions) if (!aggregates.some((g) => sameIdentity(g, a.aggregate))) aggregates.push(a.aggregate)

  const seqNos = json(actions.map((a) => a.seqNo))
  const carries = (
    db
      .prepare(
        `WITH ${PAIRS('s')} SELECT t."trigger_kind" AS kind, t."trigger_id" AS id, t."seq_no" AS seqNo FROM s JOIN ${trigger} t ` +
          `ON t."trigger_kind" = s.kind AND t."trigger_id" = s.id WHERE t."seq_no" IN (SELECT value FROM json_each(?))`
      )
      .all(pairs, seqNos) as { kind: string; id: string; seqNo: number }[]
  ).map((r) => ({ trigger: { kind: r.kind, id: r.id }, seqNo: r.seqNo }))

  const focusEffect = focus.type === 'effect' ? focus.seqNo : -1
  const effectRows = db
    .prepare(
      `WITH ${PAIRS('s')} SELECT f."seq_no" AS seqNo, f."reason" AS reason, f."trigger_kind" AS kind, f."trigger_id" AS id FROM s ` +
        `JOIN ${effect} f ON f."trigger_kind" = s.kind AND f."trigger_id" = s.id ORDER BY (f."seq_no" = ?) DESC, f."seq_no" LIMIT ?`
    )
    .all(pairs, focusEffect, cap) as { seqNo: number; reason: string; kind: string; id: string }[]
  const effects: GraphEffect[] = effectRows.map((r) => ({ seqNo: r.seqNo, reason: r.reason, trigger: { kind: r.kind, id: r.id } }))
  const effectTotal = (
    db.prepare(`WITH ${PAIRS('s')} SELECT count(*) AS n FROM s JOIN ${effect} f ON f."trigger_kind" = s.kind AND f."trigger_id" = s.id`).get(pairs) as { n: number }
  ).n

  // Which shown aggregates carry which trigger (through any of their actions): the effects naming it reach them.
  const carried = db
    .prepare(
      `WITH ${PAIRS('s')}, ${PAIRS('g')} SELECT DISTINCT a."aggregate_kind" AS kind, a."aggregate_id" AS id, t."trigger_kind" AS tkind, ` +
        `t."trigger_id" AS tid FROM s JOIN ${trigger} t ON t."trigger_kind" = s.kind AND t."trigger_id" = s.id ` +
        `JOIN ${action} a ON a."seq_no" = t."seq_no" JOIN g ON g.kind = a."aggregate_kind" AND g.id = a."aggregate_id"`
    )
    .all(pairs, json(aggregates.map((g) => [g.kind, g.id]))) as { kind: string; id: string; tkind: string; tid: string }[]
  const reaches: { aggregate: CellIdentity; effect: number }[] = []
  for (const e of effects) {
    for (const c of carried) {
      if (c.tkind === e.trigger.kind && c.tid === e.trigger.id) reaches.push({ aggregate: { kind: c.kind, id: c.id }, effect: e.seqNo })
    }
  }
  return {
    focus,
    triggers: set,
    actions: { items: actions, total: totals.actions },
    aggregates: { items: aggregates, total: Math.max(totals.aggregates, aggregates.length) },
    effects: { items: effects, total: effectTotal },
    carries,
    reaches
  }
}
