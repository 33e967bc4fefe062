/**
 * Identities by the start of their printed form (the composer's
 * autocomplete), shared by the adapters: which columns a role uses, the text
 * range conditions a prefix gives, and the rows as known identities.
 */
import type { IdentityRole, KnownIdentity } from '../../../shared/compose'
import { whereClause, type QuotedTables } from './event-rows'

/** The kind and id columns of a role, and the table holding them. */
export function identityColumns(tables: QuotedTables, role: IdentityRole): { table: string; kind: string; id: string } {
  switch (role) {
    case 'aggregate': return { table: tables.action, kind: '"aggregate_kind"', id: '"aggregate_id"' }
    case 'actor': return { table: tables.action, kind: '"actor_kind"', id: '"actor_id"' }
    case 'trigger': return { table: tables.trigger, kind: '"trigger_kind"', id: '"trigger_id"' }
  }
}

/** The upper bound of a text range holding every text that starts with `prefix`. */
const UPPER = '\u{10FFFF}'

/**
 * Conditions (with `?` placeholders) for identities whose printed form
 * `[kind id]` starts with `prefix` (a leading `[` is optional; `:book "D`
 * matches `[:book "Dune"]`). Text ranges (not LIKE) keep the match exact and
 * let the indexes serve it; `order` follows each column (a collation clause
 * on PostgreSQL, so the range is one of code points as on SQLite).
 */
export function prefixConditions(kind: string, id: string, prefix: string, order = ''): { where: string[]; params: string[] } {
  const text = prefix.trimStart().replace(/^\[/, '')
  const space = text.indexOf(' ')
  const where: string[] = []
  const params: string[] = []
  if (space < 0) {
    if (text !== '') {
      where.push(`${kind}${order} >= ? AND ${kind}${order} < ?`)
      params.push(text, text + UPPER)
    }
  } else {
    const idPrefix = text.slice(space + 1).trimStart().replace(/\]$/, '')
    where.push(`${kind} = ?`, `${id}${order} >= ? AND ${id}${order} < ?`)
    params.push(text.slice(0, space), idPrefix, idPrefix + UPPER)
  }
  return { where, params }
}

/** The largest list of identities. */
export const MAX_IDENTITIES = 500

/** A row (kind, id, rows naming it) as a known identity. */
export function toKnownIdentity(row: { kind: string; id: string; count: number }): KnownIdentity {
  return { text: `[${row.kind} ${row.id}]`, cells: { kind: row.kind, id: row.id }, count: row.count }
}

/**
 * The query for up to `limit` identities in `role` whose printed form starts
 * with `prefix`, ordered by kind, then id, with the number of rows naming each.
 */
export function identitiesSql(tables: QuotedTables, q: { role: IdentityRole; prefix: string; limit: number }, order = ''): { sql: string; params: (string | number)[] } {
  const { table, kind, id } = identityColumns(tables, q.role)
  const { where, params } = prefixConditions(kind, id, q.prefix, order)
  const sql =
    `SELECT ${kind} AS "kind", ${id} AS "id", count(*) AS "count" FROM ${table}${whereClause(where)} ` +
    `GROUP BY ${kind}, ${id} ORDER BY ${kind}${order}, ${id}${order} LIMIT ?`
  return { sql, params: [...params, Math.max(1, Math.min(q.limit, MAX_IDENTITIES))] }
}
