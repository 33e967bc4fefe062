/**
 * Identities the store knows in one role (aggregate, actor, trigger), found
 * by the start of their printed form — for autocomplete in the composer.
 */
import type Database from 'better-sqlite3'
import type { IdentityRole, KnownIdentity } from '../../../shared/compose'
import type { Queries } from '../sql/queries'
import { identitiesSql, toKnownIdentity } from '../sql/identity-prefix'

/** Up to `limit` identities in `role` whose printed form `[kind id]` starts with `prefix` (see `prefixConditions`). */
export function identitiesByPrefix(
  db: Database.Database,
  queries: Queries,
  q: { role: IdentityRole; prefix: string; limit: number }
): KnownIdentity[] {
  const { sql, params } = identitiesSql(queries.tables, q)
  return (db.prepare(sql).all(...params) as { kind: string; id: string; count: number }[]).map(toKnownIdentity)
}
