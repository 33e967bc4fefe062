/**
 * The library's schema on SQLite: the file's tables and columns (read-only
 * PRAGMA queries), checked by the shared rules of `../sql/schema`; opening
 * never changes anything.
 */
import type Database from 'better-sqlite3'
import type { TableNames } from '../../../shared/domain'
import { schemaProblem, tableSetsIn, type PresentTables } from '../sql/schema'

export { TABLE_COLUMNS, COLUMN_LENGTHS, quoteIdent, validateTableNames, createTableStatements } from '../sql/schema'

/** Names of the tables in the file (main schema). */
export function listTables(db: Database.Database): string[] {
  const rows = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).all() as { name: string }[]
  return rows.map((r) => r.name)
}

function columnsOf(db: Database.Database, table: string): string[] {
  const rows = db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]
  return rows.map((r) => r.name)
}

/** Every table in the file with its columns. */
function presentTables(db: Database.Database): PresentTables {
  return new Map(listTables(db).map((name) => [name, columnsOf(db, name)]))
}

/** Table-name sets present in the file: the defaults, the library tests' names, and any set that fits by shape. */
export function detectTableSets(db: Database.Database): TableNames[] {
  return tableSetsIn(presentTables(db))
}

/**
 * Check that the four tables exist with exactly the library's columns.
 * Throws a StoreError naming what is missing or different; reads only.
 */
export function validateSchema(db: Database.Database, tables: TableNames, path: string): void {
  const problem = schemaProblem(presentTables(db), tables, { where: path, noun: 'file' })
  if (problem !== null) throw problem
}
