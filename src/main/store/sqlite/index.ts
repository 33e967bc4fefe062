/** The SQLite adapter of the EventStore interface. */
export { openSqliteStore, createSqliteStore, detectTables, isWritableFile, type OpenOptions } from './open'
export { SqliteEventStore } from './store'
export { createTableStatements, TABLE_COLUMNS, COLUMN_LENGTHS } from './schema'
export { StoreError, type StoreErrorCode } from '../errors'
