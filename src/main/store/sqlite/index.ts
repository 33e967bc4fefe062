/** The SQLite adapter of the store port (EventStore and StoreInspector); imported only by open-store.ts and its own tests. */
export { openSqliteStore, createSqliteStore, detectTables, isWritableFile, sqliteCopyTarget, type OpenOptions } from './open'
export { SqliteEventStore } from './store'
export { createTableStatements, TABLE_COLUMNS, COLUMN_LENGTHS } from './schema'
export { StoreError, type StoreErrorCode } from '../errors'
