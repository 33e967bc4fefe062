/** The PostgreSQL adapter of the store port (EventStore and StoreInspector); imported only by open-store.ts and its own tests. */
export { openPostgresStore, createPostgresStore, detectPostgresTables, canWritePostgres, type PgOpenOptions } from './open'
export { PostgresEventStore } from './store'
export type { PgQueries } from './pg-queries'
