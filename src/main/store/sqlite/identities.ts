/**
 * Identities the store knows in one role (aggregate, actor, trigger), found
 * by the start of their printed form — for autocomplete in the composer.
 */
import type Database from 'better-sqlite3'
import type { IdentityRole, KnownIdentity } from '../../../shared/compose'
import type { Queries } from '../sql/queries'

/** The kind and id columns of a role, and the table holding them. */
function columnsOf(queries: Queries, role: IdentityRole): { table: string; kind: string; id: string } {
  switch (role) {
    case 'aggregate': return { table: queries.tables.action, kind: '"aggregate_kind"', id: '"aggregate_id"' }
    case 'actor': return { table: queries.tables.action, kind: '"actor_kind"', id: '"actor_id"' }
    case 'trigger': return { table: queries.tables.trigger, kind: '"trigger_kind"', id: '"trigger_id"' }
  }
}

/** The upper bound of a text range holding every text that starts with `prefix`. */
const UPPER = '\u{10FFFF}'

/**
 * Up to `limit` identities in `role` whose printed form `[kind id]` starts with
 * `prefix` (a leading `[` is optional; `:book "D` matches `[:book "Dune"]`),
 * ordered by kind, then id, with the number of rows naming each. Text ranges
 * (not LIKE) keep the match exact and let the aggregate and trigger indexes serve it.
 */
export function identitiesByPrefix(
  db: Database.Database,
  queries: Queries,
  q: { role: IdentityRole; prefix: string; limit: number }
): KnownIdentity[] {
  const { table, kind, id } = columnsOf(queries, q.role)
  const text = q.prefix.trimStart().replace(/^\[/, '')
  const space = text.indexOf(' ')
  const where: string[] = []
  const params: string[] = []
  if (space < 0) {
    if (text !== '') {
      where.push(`${kind} >= ? AND ${kind} < ?`)
      params.push(text, text + UPPER)
    }
  } else {
    const idPrefix = text.slice(space + 1).trimStart().replace(/\]$/, '')
    where.push(`${kind} = ?`, `${id} >= ? AND ${id} < ?`)
    params.push(text.slice(0, space), idPrefix, idPrefix + UPPER)
  }
  const sql =
    `SELECT ${kind} AS kind, ${id} AS id, count(*) AS count FROM ${table}` +
    `${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} GROUP BY ${kind}, ${id} ORDER BY ${kind}, ${id} LIMIT ?`
  const rows = db.prepare(sql).all(...params, Math.max(1, Math.min(q.limit, 500))) as { kind: string; id: string; count: number }[]
  return rows.map((row) => ({ text: `[${row.kind} ${row.id}]`, cells: { kind: row.kind, id: row.id }, count: row.count }))
}
