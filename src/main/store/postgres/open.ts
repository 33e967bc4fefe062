/**
 * Opening and creating PostgreSQL stores. Tables are looked up in the
 * connection's default schema (`current_schema()`, from search_path). Opening
 * validates the four tables (the same rules and sentences as for files) and,
 * for write access, that the role may INSERT into them; it never changes the
 * database. Creating runs the library's DDL (`CREATE … IF NOT EXISTS`) in one
 * transaction.
 */
import type pg from 'pg'
import { DEFAULT_TABLES, type TableNames } from '../../../shared/domain'
import { StoreError } from '../errors'
import { createTableStatements, schemaProblem, tableSetsIn, validateTableNames, type PresentTables } from '../sql/schema'
import { createPool, explainPgError, pgTarget, type PgTarget } from './connection'
import { BEGIN_SNAPSHOT, inTransaction } from './snapshot'
import { PostgresEventStore } from './store'

/** Options for opening a PostgreSQL store. */
export interface PgOpenOptions {
  /** Open without write access: every transaction is READ ONLY. */
  readonly readOnly?: boolean
  /** Table names; the README's defaults when absent. */
  readonly tables?: TableNames
}

/** Every table of the default schema with its columns (only those the role can see). */
async function presentTables(client: pg.PoolClient): Promise<PresentTables> {
  const { rows } = await client.query<{ table_name: string; column_name: string }>(
    'SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position'
  )
  const tables = new Map<string, string[]>()
  for (const r of rows) {
    const columns = tables.get(r.table_name) ?? []
    columns.push(r.column_name)
    tables.set(r.table_name, columns)
  }
  return tables
}

/** True when the role may INSERT into all four tables (in the default schema). */
async function mayInsert(client: pg.PoolClient, tables: TableNames): Promise<boolean> {
  const { rows } = await client.query<{ ok: boolean | null }>(
    `SELECT bool_and(to_regclass(format('%I.%I', current_schema(), t)) IS NOT NULL
       AND has_table_privilege(format('%I.%I', current_schema(), t), 'INSERT')) AS ok FROM unnest($1::text[]) AS t`,
    [[tables.event, tables.action, tables.effect, tables.trigger]]
  )
  return rows[0].ok === true
}

const place = (target: PgTarget) => ({ where: target.shown, noun: 'database' })

/** Run `work` on a short-lived pool for `target` (read-only snapshot), errors explained. */
async function withProbe<T>(target: PgTarget, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const pool = createPool(target, true)
  try {
    return await inTransaction(pool, BEGIN_SNAPSHOT, work)
  } catch (e) {
    throw explainPgError(e, target)
  } finally {
    await pool.end()
  }
}

/**
 * Open an existing store at `url`. Refuses, in one sentence and without
 * changing anything, an unreachable server, a refused login, a missing
 * database, missing tables or other columns, and write access for a role
 * that may not INSERT into the tables.
 */
export async function openPostgresStore(url: string, options: PgOpenOptions = {}): Promise<PostgresEventStore> {
  const tables = options.tables ?? DEFAULT_TABLES
  validateTableNames(tables)
  const target = pgTarget(url)
  const readOnly = options.readOnly ?? false
  return openOnPool(createPool(target, readOnly), target, tables, readOnly)
}

/** Validate the store on `pool` and hand the pool to it; the pool is ended if the store is refused. */
async function openOnPool(pool: pg.Pool, target: PgTarget, tables: TableNames, readOnly: boolean): Promise<PostgresEventStore> {
  try {
    await inTransaction(pool, BEGIN_SNAPSHOT, async (client) => {
      const problem = schemaProblem(await presentTables(client), tables, place(target))
      if (problem !== null) throw problem
      if (!readOnly && !(await mayInsert(client, tables))) {
        throw new StoreError(
          'read-only',
          `User "${target.user}" may not write to the store in ${target.shown} (no INSERT privilege on its tables); open it read-only, or ask the database owner for INSERT.`
        )
      }
    })
  } catch (e) {
    await pool.end()
    throw explainPgError(e, target)
  }
  return new PostgresEventStore(pool, target, tables, readOnly)
}

/** The table-name sets that form a complete store in the database's default schema. */
export async function detectPostgresTables(url: string): Promise<TableNames[]> {
  const target = pgTarget(url)
  return withProbe(target, async (client) => tableSetsIn(await presentTables(client)))
}

/** True when the role may INSERT into the store's tables (unlocking is refused otherwise). */
export async function canWritePostgres(url: string, tables: TableNames = DEFAULT_TABLES): Promise<boolean> {
  const target = pgTarget(url)
  return withProbe(target, (client) => mayInsert(client, tables))
}

/**
 * Create the library's tables (like `init-schema`: `CREATE … IF NOT EXISTS`,
 * one transaction) and open the store writable. A database that already is
 * this store is opened as it is; one holding some of the four tables, or
 * tables of that name with other columns, is refused unchanged.
 */
export async function createPostgresStore(url: string, tables: TableNames = DEFAULT_TABLES): Promise<PostgresEventStore> {
  validateTableNames(tables)
  const target = pgTarget(url)
  const pool = createPool(target, false)
  try {
    await inTransaction(pool, 'BEGIN', async (client) => {
      const present = await presentTables(client)
      const names = [tables.event, tables.action, tables.effect, tables.trigger]
      const existing = names.filter((n) => present.has(n))
      if (existing.length === names.length) {
        const problem = schemaProblem(present, tables, place(target))
        if (problem !== null) throw problem
        return
      }
      if (existing.length > 0) {
        throw new StoreError(
          'already-exists',
          `${target.shown} already has the table${existing.length > 1 ? 's' : ''} ${existing.join(', ')} but not all four; it was left unchanged. Choose other table names or another database.`
        )
      }
      for (const sql of createTableStatements(tables)) await client.query(sql)
    })
  } catch (e) {
    await pool.end()
    throw explainPgError(e, target)
  }
  return openOnPool(pool, target, tables, false)
}
