/**
 * What every PostgreSQL read model here shares: the shared SQL's `?`
 * placeholders numbered for PostgreSQL, numbers from BIGINT and count
 * columns (which node-postgres may hand over as strings), the quoted table
 * names, and the text order that matches SQLite's.
 */
import type { TableNames } from '../../../../shared/domain'
import type { QuotedTables } from '../../sql/event-rows'
import { quoteIdent } from '../../sql/schema'
import type { PgQueries } from '../pg-queries'

import { numbered } from '../../sql/numbered'

/** Run SQL written with `?` placeholders. */
export function run<R>(db: PgQueries, sql: string, params: readonly unknown[] = []): Promise<R[]> {
  return db.query<R>(numbered(sql), [...params])
}

/** The first row of SQL written with `?` placeholders, or undefined. */
export async function first<R>(db: PgQueries, sql: string, params: readonly unknown[] = []): Promise<R | undefined> {
  return (await run<R>(db, sql, params))[0]
}

/** Stream SQL written with `?` placeholders in batches. */
export function stream<R>(db: PgQueries, sql: string, params: readonly unknown[], batchSize = 1000): AsyncIterable<R[]> {
  return db.cursor<R>(numbered(sql), [...params], batchSize)
}

/** A BIGINT, numeric or count value as a number (null stays null). */
export function num(value: unknown): number {
  return typeof value === 'number' ? value : Number(value)
}

/** The four table names, quoted. */
export function quoted(tables: TableNames): QuotedTables {
  return { event: quoteIdent(tables.event), action: quoteIdent(tables.action), effect: quoteIdent(tables.effect), trigger: quoteIdent(tables.trigger) }
}

/**
 * Texts on which collations disagree: punctuation, case, digits, accents,
 * characters beyond the BMP. A database whose default collation orders them
 * as "C" does (by code point, like SQLite) is taken to order everything so.
 */
const ORDER_PROBES = ['"Zed"', ':abc', 'B', 'a', 'A', 'b', '_x', '-x', '1', '10', '2', 'a b', 'ab', 'a-b', 'é', 'e', 'f', 'z', 'ｚ', '\u{1D538}', '\uFFFD', '[', '{', '~']

const orders = new WeakMap<PgQueries, Promise<string>>()

async function detectOrder(db: PgQueries): Promise<string> {
  const rows = await db.query<{ same: boolean }>(
    'SELECT array_agg(s ORDER BY s) = array_agg(s ORDER BY s COLLATE "C") AS same FROM unnest($1::text[]) AS s',
    [ORDER_PROBES]
  )
  return rows[0]?.same === true ? '' : ' COLLATE "C"'
}

/**
 * What to put after a text column in ORDER BY and range conditions so text
 * sorts by code point, as SQLite sorts it: nothing when the database's own
 * collation already does (then the library's indexes serve the order), else
 * ` COLLATE "C"` (the results stay those of SQLite; the order then costs a sort).
 * Asked once per `PgQueries`.
 */
export function textOrder(db: PgQueries): Promise<string> {
  let order = orders.get(db)
  if (order === undefined) {
    order = detectOrder(db)
    orders.set(db, order)
    order.catch(() => orders.delete(db))
  }
  return order
}
