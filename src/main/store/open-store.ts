/**
 * The one place that chooses a store adapter: from a location (an SQLite file
 * path or a PostgreSQL URL) to an `OpenedStore`. Nothing else outside an
 * adapter's folder imports adapter code. Every error names a URL with its
 * password masked.
 */
import type { TableNames } from '../../shared/domain'
import type { StoreLocation } from '../../shared/store-location'
import type { OpenedStore } from './opened-store'
import { canWritePostgres, createPostgresStore, detectPostgresTables, openPostgresStore } from './postgres'
import { createSqliteStore, detectTables, isWritableFile, openSqliteStore } from './sqlite'

export type { OpenedStore } from './opened-store'

/** How to open a store. */
export interface StoreOptions {
  /** Open without write access (the default in the app). */
  readonly readOnly?: boolean
  /** Table names; the library README's defaults when absent. */
  readonly tables?: TableNames
  /** SQLite only: the Electron-ABI better-sqlite3 binding (plain Node uses its own). */
  readonly nativeBinding?: string
  /** SQLite only: run the database's own integrity check first and refuse a damaged store (unlock, `rebase --verify`). */
  readonly verify?: boolean
}

/** How to create a store (it is returned writable). */
export type CreateStoreOptions = Omit<StoreOptions, 'readOnly'>

function sqliteOptions(options: StoreOptions): { nativeBinding?: string } {
  return options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}
}

/**
 * Open an existing store. Refuses (with a StoreError, the store unchanged) a
 * location that is not a store of these tables, one that cannot be reached,
 * and write access to a store that cannot be written.
 */
export async function openStore(location: StoreLocation, options: StoreOptions = {}): Promise<OpenedStore> {
  if (location.kind === 'postgres') return openPostgresStore(location.url, { readOnly: options.readOnly, tables: options.tables })
  return openSqliteStore(location.path, { ...sqliteOptions(options), readOnly: options.readOnly, tables: options.tables, verify: options.verify })
}

/**
 * Create the library's tables at `location` (like `init-schema`) and open the
 * store writable. A location that already is this store is opened as it is;
 * one holding some of the tables, or something else, is refused unchanged.
 */
export async function createStore(location: StoreLocation, options: CreateStoreOptions = {}): Promise<OpenedStore> {
  if (location.kind === 'postgres') return createPostgresStore(location.url, options.tables)
  return createSqliteStore(location.path, options.tables, sqliteOptions(options))
}

/** The table-name sets that form a complete store at `location` (for "which tables?" prompts). */
export async function detectStoreTables(location: StoreLocation, options: Pick<StoreOptions, 'nativeBinding'> = {}): Promise<TableNames[]> {
  if (location.kind === 'postgres') return detectPostgresTables(location.url)
  return detectTables(location.path, sqliteOptions(options))
}

/**
 * True when this process may write to the store at `location` (unlocking is
 * refused otherwise): a writable file, or a role with INSERT on the tables
 * (`tables`, the defaults when absent).
 */
export async function canWriteStore(location: StoreLocation, tables?: TableNames): Promise<boolean> {
  if (location.kind === 'postgres') return canWritePostgres(location.url, tables)
  return Promise.resolve(isWritableFile(location.path))
}
