/**
 * Identities in one role (aggregate, actor, trigger) by the start of their
 * printed form, on PostgreSQL — for autocomplete in the composer. Text
 * ranges in code-point order (see `sql/identity-prefix.ts`).
 */
import type { KnownIdentity } from '../../../../shared/compose'
import type { TableNames } from '../../../../shared/domain'
import type { IdentityPrefixQuery } from '../../store-inspector'
import { identitiesSql, toKnownIdentity } from '../../sql/identity-prefix'
import type { PgQueries } from '../pg-queries'
import { num, quoted, run, textOrder } from './run'

/** Up to `limit` identities in `role` whose printed form starts with `prefix`, by kind then id, with the rows naming each. */
export async function identitiesByPrefix(db: PgQueries, tables: TableNames, q: IdentityPrefixQuery): Promise<KnownIdentity[]> {
  const { sql, params } = identitiesSql(quoted(tables), q, await textOrder(db))
  const rows = await run<{ kind: string; id: string; count: unknown }>(db, sql, params)
  return rows.map((r) => toKnownIdentity({ kind: r.kind, id: r.id, count: num(r.count) }))
}
