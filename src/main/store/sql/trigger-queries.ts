/**
 * SQL of the trigger index and its count, shared by the adapters (`?`
 * placeholders; `order` after each sorted or range-compared text column, see
 * `list-queries.ts`).
 */
import type { TriggerIndexQuery } from '../../../shared/audit'
import { MAX_TRIGGER_PAGE } from './audit-rules'
import type { QuotedTables } from './event-rows'
import { containsIgnoringAsciiCase, type TextFunctions } from './text-functions'

type Params = (string | number)[]

/** Case-insensitive containment over the printed identity `kind id`; null without text. */
function textCondition(fns: TextFunctions, text: string | undefined): { sql: string; params: Params } | null {
  if (text === undefined || text.trim() === '') return null
  return { sql: containsIgnoringAsciiCase(fns, `"trigger_kind" || ' ' || "trigger_id"`, '?'), params: [text.trim()] }
}

/** The rows a page asks for: one more than it shows, to know whether there are more. */
export function triggerPageLimit(limit: number): number {
  return Math.max(1, Math.min(limit, MAX_TRIGGER_PAGE))
}

/**
 * One keyset page of trigger identities (carried or named) with their action
 * and effect counts (`limit + 1` rows at most). `perSide` takes the page's
 * first identities from each table on its own (an ordered DISTINCT that stops
 * at the limit) before merging them: PostgreSQL does not merge a UNION of two
 * ordered scans as SQLite does, and would otherwise read both tables whole.
 */
export function triggerIndexSql(t: QuotedTables, fns: TextFunctions, q: TriggerIndexQuery, order = '', perSide = false): { sql: string; params: Params } {
  const limit = triggerPageLimit(q.limit)
  const sort = q.sort ?? 'identity'
  const text = textCondition(fns, q.text)
  if (sort === 'identity') {
    // Both sources are read in index order and merged (UNION of two ordered scans): a page costs its rows, not the table.
    const where: string[] = []
    const params: Params = []
    if (q.after) {
      where.push(`("trigger_kind"${order}, "trigger_id"${order}) > (?, ?)`)
      params.push(q.after.kind, q.after.id)
    }
    if (text) {
      where.push(text.sql)
      params.push(...text.params)
    }
    const w = where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''
    if (perSide && order === '') {
      const side = (table: string, alias: string): string =>
        `SELECT * FROM (SELECT DISTINCT "trigger_kind" AS kind, "trigger_id" AS id FROM ${table}${w} ORDER BY 1, 2 LIMIT ?) AS ${alias}`
      const sql =
        `WITH ids AS (SELECT kind, id FROM (${side(t.trigger, 's1')} UNION ${side(t.effect, 's2')}) AS u ORDER BY kind, id LIMIT ?) ` +
        `SELECT kind, id, (SELECT count(*) FROM ${t.trigger} t WHERE t."trigger_kind" = ids.kind AND t."trigger_id" = ids.id) AS actions, ` +
        `(SELECT count(*) FROM ${t.effect} f WHERE f."trigger_kind" = ids.kind AND f."trigger_id" = ids.id) AS effects ` +
        'FROM ids ORDER BY kind, id'
      return { sql, params: [...params, limit + 1, ...params, limit + 1, limit + 1] }
    }
    const union = `SELECT "trigger_kind" AS kind, "trigger_id" AS id FROM ${t.trigger}${w} UNION SELECT "trigger_kind", "trigger_id" FROM ${t.effect}${w}`
    const ids = order === '' ? `${union} ORDER BY 1, 2 LIMIT ?` : `SELECT * FROM (${union}) AS u ORDER BY kind${order}, id${order} LIMIT ?`
    const sql =
      `WITH ids AS (${ids}) ` +
      `SELECT kind, id, (SELECT count(*) FROM ${t.trigger} t WHERE t."trigger_kind" = ids.kind AND t."trigger_id" = ids.id) AS actions, ` +
      `(SELECT count(*) FROM ${t.effect} f WHERE f."trigger_kind" = ids.kind AND f."trigger_id" = ids.id) AS effects ` +
      `FROM ids ORDER BY kind${order}, id${order}`
    return { sql, params: [...params, ...params, limit + 1] }
  }
  // Sorting by a count needs every identity's counts: one pass over each covering index, grouped.
  const w = text ? ` WHERE ${text.sql}` : ''
  const textParams = text ? text.params : []
  const column = sort === 'actions' ? 'actions' : 'effects'
  const keyset = q.after ? ` WHERE (${column} < ? OR (${column} = ? AND (kind${order}, id${order}) > (?, ?)))` : ''
  const keyParams = q.after ? [q.after.count, q.after.count, q.after.kind, q.after.id] : []
  const sql =
    `WITH counts AS (SELECT kind, id, sum(actions) AS actions, sum(effects) AS effects FROM (` +
    `SELECT "trigger_kind" AS kind, "trigger_id" AS id, count(*) AS actions, 0 AS effects FROM ${t.trigger}${w} GROUP BY 1, 2 ` +
    `UNION ALL SELECT "trigger_kind", "trigger_id", 0, count(*) FROM ${t.effect}${w} GROUP BY 1, 2) AS c GROUP BY kind, id) ` +
    `SELECT kind, id, actions, effects FROM counts${keyset} ORDER BY ${column} DESC, kind${order}, id${order} LIMIT ?`
  return { sql, params: [...textParams, ...textParams, ...keyParams, limit + 1] }
}

/** Number of distinct trigger identities (carried or named) matching `text`. */
export function countTriggersSql(t: QuotedTables, fns: TextFunctions, text?: string): { sql: string; params: Params } {
  const cond = textCondition(fns, text)
  const w = cond ? ` WHERE ${cond.sql}` : ''
  const p = cond ? cond.params : []
  return {
    sql: `SELECT count(*) AS n FROM (SELECT "trigger_kind", "trigger_id" FROM ${t.trigger}${w} UNION SELECT "trigger_kind", "trigger_id" FROM ${t.effect}${w}) AS u`,
    params: [...p, ...p]
  }
}
