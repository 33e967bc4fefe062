/**
 * Opening and creating SQLite stores. Opening validates the file and its
 * tables before anything else, and never changes the file: no journal-mode
 * change, no DDL, no repair — except that a writable open lets SQLite roll
 * back a hot journal left by an interrupted write, as every SQLite client does.
 */
import { accessSync, constants, existsSync, statSync, writeFileSync, unlinkSync } from 'node:fs'
import type { TableNames } from '../../../shared/domain'
import { DEFAULT_TABLES } from '../../../shared/domain'
import { StoreError, explainSqliteError } from '../errors'
import { assertLooksLikeSqlite, openConnection, type ConnectionOptions } from './connection'
import { assertUndamaged } from './integrity'
import { createTableStatements, detectTableSets, listTables, validateSchema, validateTableNames } from './schema'
import { SqliteEventStore } from './store'

/** Options for opening a store. */
export interface OpenOptions extends ConnectionOptions {
  /** Open without write access (the default in the app). */
  readonly readOnly?: boolean
  /** Table names; the README's defaults when absent. */
  readonly tables?: TableNames
  /** Run SQLite's `quick_check` first and refuse a damaged file (unlock, `rebase --verify`). */
  readonly verify?: boolean
}

/** True when the file can be written by this process (permission bits and access check). */
export function isWritableFile(path: string): boolean {
  try {
    accessSync(path, constants.W_OK)
    // root passes access checks on 0444 files; honour the bits the owner set.
    return (statSync(path).mode & 0o222) !== 0
  } catch {
    return false
  }
}

/**
 * Open an existing store. Refuses (with a StoreError and an unchanged file) a
 * missing file, a file that is not SQLite, a database without the four tables
 * or with other columns, and a locked file.
 */
export async function openSqliteStore(path: string, options: OpenOptions = {}): Promise<SqliteEventStore> {
  const tables = options.tables ?? DEFAULT_TABLES
  validateTableNames(tables)
  const { empty } = assertLooksLikeSqlite(path)
  if (empty) {
    throw new StoreError('not-a-store', `${path} is an empty file, not a coherence store. Create a new store instead.`)
  }
  const readOnly = options.readOnly ?? false
  if (!readOnly && !isWritableFile(path)) {
    throw new StoreError('read-only', `${path} is read-only, so it cannot be opened for writing. Open it read-only, or copy it somewhere writable.`)
  }
  // A connection that may write rolls back a hot journal (an interrupted write) as it opens;
  // validating on it writes nothing else. A read-only one reports the journal instead.
  const db = openConnection(path, readOnly, options)
  try {
    validateSchema(db, tables, path)
    if (options.verify) assertUndamaged(db, path)
  } catch (e) {
    db.close()
    throw explainSqliteError(e, path)
  }
  return new SqliteEventStore(db, path, tables, readOnly, options)
}

/** The table-name sets that form a complete store in the file (for "which tables?" prompts). */
export async function detectTables(path: string, options: ConnectionOptions = {}): Promise<TableNames[]> {
  const { empty } = assertLooksLikeSqlite(path)
  if (empty) return []
  const db = openConnection(path, true, options)
  try {
    return detectTableSets(db)
  } catch (e) {
    throw explainSqliteError(e, path)
  } finally {
    db.close()
  }
}

/**
 * Create the library's tables (like `init-schema`). A new file is created; an
 * existing SQLite database gets the tables only if it has none of them (one
 * that already is this store is opened as it is); anything else is refused.
 */
export async function createSqliteStore(path: string, tables: TableNames = DEFAULT_TABLES, options: ConnectionOptions = {}): Promise<SqliteEventStore> {
  validateTableNames(tables)
  const isNew = !existsSync(path)
  if (isNew) {
    try {
      writeFileSync(path, '', { flag: 'wx' })
    } catch (e) {
      throw new StoreError('read-only', `${path} cannot be created (${(e as Error).message}). Choose a folder you can write to.`)
    }
  } else {
    assertLooksLikeSqlite(path)
    if (!isWritableFile(path)) throw new StoreError('read-only', `${path} is read-only; the tables cannot be created in it.`)
    const probe = openConnection(path, true, options)
    try {
      const present = new Set(listTables(probe))
      const names = [tables.event, tables.action, tables.effect, tables.trigger]
      const existing = names.filter((n) => present.has(n))
      if (existing.length === names.length) {
        validateSchema(probe, tables, path)
      } else if (existing.length > 0) {
        throw new StoreError(
          'already-exists',
          `${path} already has the table${existing.length > 1 ? 's' : ''} ${existing.join(', ')} but not all four; it was left unchanged. Choose other table names or another file.`
        )
      }
    } finally {
      probe.close()
    }
  }
  try {
    const db = openConnection(path, false, options)
    try {
      db.transaction(() => {
        for (const sql of createTableStatements(tables)) db.exec(sql)
      }).immediate()
    } finally {
      db.close()
    }
  } catch (e) {
    if (isNew) unlinkSync(path)
    throw explainSqliteError(e, path)
  }
  return openSqliteStore(path, { ...options, tables, readOnly: false })
}

/** Whether a copy may go to `path`: absent, empty (a zero-byte file or an SQLite file without tables), or why not. */
export function sqliteCopyTarget(path: string): 'absent' | 'empty' | { readonly problem: string } {
  if (!existsSync(path)) return 'absent'
  let looks: { empty: boolean }
  try {
    looks = assertLooksLikeSqlite(path)
  } catch (e) {
    if (e instanceof StoreError) return { problem: `${path} already exists and is not an empty SQLite file, so it was left unchanged; a copy goes only to a new file or an empty one.` }
    throw e
  }
  if (looks.empty) return 'empty'
  const db = openConnection(path, true, {})
  try {
    const tables = listTables(db)
    return tables.length === 0 ? 'empty' : { problem: `${path} is not empty (it has the table${tables.length > 1 ? 's' : ''} ${tables.slice(0, 4).join(', ')}${tables.length > 4 ? ', …' : ''}), so it was left unchanged; a copy goes only to a new file or an empty one.` }
  } finally {
    db.close()
  }
}
