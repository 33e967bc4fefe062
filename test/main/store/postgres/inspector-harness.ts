/**
 * For comparing the PostgreSQL read models with SQLite's on the same rows:
 * SQLite stores of the SQLite contract factory (`sqliteAdapter`), their
 * rows copied into a fresh PostgreSQL database with the library's DDL, a
 * `PgQueries` over one client (pg + pg-cursor), and the PostgreSQL inspector
 * functions bound as a `StoreInspector`.
 */
import Database from 'better-sqlite3'
import pg from 'pg'
import Cursor from 'pg-cursor'
import { DEFAULT_TABLES, type TableNames } from '../../../../src/shared/domain'
import type { OpenedStore } from '../../../../src/main/store/open-store'
import type { StoreInspector } from '../../../../src/main/store/store-inspector'
import type { PgQueries } from '../../../../src/main/store/postgres/pg-queries'
import * as inspector from '../../../../src/main/store/postgres/inspector'
import { locationOf } from '../sqlite/sqlite-adapter'
import { createDatabase, postgresUrl, type PostgresServer } from '../../../helpers/postgres'

/** The library's DDL on PostgreSQL, as issue #12 gives it (table names substituted). */
export function libraryDdl(t: TableNames): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS "${t.event}" (seq_no BIGINT PRIMARY KEY NOT NULL, timestamp INT NOT NULL, source VARCHAR(50) NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS "${t.action}" (seq_no BIGINT PRIMARY KEY NOT NULL, reason VARCHAR(50) NOT NULL, actor_kind VARCHAR(50) NOT NULL, ` +
      `actor_id VARCHAR(50) NOT NULL, aggregate_kind VARCHAR(50) NOT NULL, aggregate_id VARCHAR(50) NOT NULL, patch VARCHAR(10000) NOT NULL, ` +
      `FOREIGN KEY (seq_no) REFERENCES "${t.event}" (seq_no) ON DELETE CASCADE)`,
    `CREATE INDEX IF NOT EXISTS "${t.action}_aggregate_idx" ON "${t.action}" (aggregate_kind, aggregate_id)`,
    `CREATE TABLE IF NOT EXISTS "${t.effect}" (seq_no BIGINT PRIMARY KEY NOT NULL, reason VARCHAR(50) NOT NULL, trigger_kind VARCHAR(50) NOT NULL, ` +
      `trigger_id VARCHAR(50) NOT NULL, FOREIGN KEY (seq_no) REFERENCES "${t.event}" (seq_no) ON DELETE CASCADE)`,
    `CREATE INDEX IF NOT EXISTS "${t.effect}_trigger_idx" ON "${t.effect}" (trigger_kind, trigger_id)`,
    `CREATE TABLE IF NOT EXISTS "${t.trigger}" (trigger_kind VARCHAR(50) NOT NULL, trigger_id VARCHAR(50) NOT NULL, seq_no BIGINT NOT NULL, ` +
      `PRIMARY KEY (trigger_kind, trigger_id, seq_no), FOREIGN KEY (seq_no) REFERENCES "${t.event}" (seq_no) ON DELETE CASCADE)`
  ]
}

/** The file of a store made by `sqliteAdapter` (the SQLite contract factory). */
export function pathOf(store: OpenedStore): string {
  const location = locationOf(store)
  if (location.kind !== 'sqlite') throw new Error('not a SQLite store')
  return location.path
}

/** A client on a new database; `options` go to CREATE DATABASE (e.g. an ICU locale). */
export async function freshDatabase(server: PostgresServer, prefix: string, options = ''): Promise<pg.Client> {
  let name: string
  if (options === '') {
    name = await createDatabase(server, prefix)
  } else {
    name = `${prefix}_${process.pid}_${Date.now()}`
    const admin = new pg.Client({ connectionString: postgresUrl(server, 'postgres') })
    await admin.connect()
    try {
      await admin.query(`CREATE DATABASE "${name}" ${options}`)
    } finally {
      await admin.end()
    }
  }
  const client = new pg.Client({ connectionString: postgresUrl(server, name) })
  await client.connect()
  return client
}

/**
 * Copy every row of the SQLite file at `path` into `client`'s database under
 * the library's DDL, in rowid order (so physical order is the order written).
 * Foreign keys are not enforced while copying (replica role), so damaged
 * stores come over as they are.
 */
export async function copyStore(path: string, client: pg.Client, tables: TableNames = DEFAULT_TABLES): Promise<void> {
  for (const sql of libraryDdl(tables)) await client.query(sql)
  const file = new Database(path, { readonly: true })
  try {
    await client.query('BEGIN')
    await client.query('SET LOCAL session_replication_role = replica')
    for (const role of ['event', 'action', 'effect', 'trigger'] as const) {
      const rows = file.prepare(`SELECT * FROM "${tables[role]}" ORDER BY rowid`).raw().all() as unknown[][]
      const columns = file.prepare(`SELECT * FROM "${tables[role]}"`).columns().map((c) => c.name)
      for (let i = 0; i < rows.length; i += 500) {
        const chunk = rows.slice(i, i + 500)
        const values = chunk.map((row, r) => `(${row.map((_, c) => `$${r * row.length + c + 1}`).join(', ')})`).join(', ')
        await client.query(`INSERT INTO "${tables[role]}" (${columns.join(', ')}) VALUES ${values}`, chunk.flat())
      }
    }
    await client.query('COMMIT')
  } catch (e) {
    await client.query('ROLLBACK')
    throw e
  } finally {
    file.close()
  }
}

/** `PgQueries` over one client, as the store provides it (without the snapshot transaction). */
export function clientQueries(client: pg.Client): PgQueries {
  return {
    async query<R>(sql: string, params: unknown[] = []): Promise<R[]> {
      return (await client.query(sql, params)).rows as R[]
    },
    async *cursor<R>(sql: string, params: unknown[], batchSize: number): AsyncIterable<R[]> {
      const cursor = client.query(new Cursor<R>(sql, params))
      try {
        for (let rows = await cursor.read(batchSize); rows.length > 0; rows = await cursor.read(batchSize)) yield rows
      } finally {
        await cursor.close()
      }
    }
  }
}

/** The PostgreSQL inspector functions bound to one database and table set. */
export function pgInspector(db: PgQueries, t: TableNames): StoreInspector {
  return {
    pageEvents: (q) => inspector.pageEvents(db, t, q),
    eventRow: (n) => inspector.eventRow(db, t, n),
    streamEvents: (f) => inspector.streamEvents(db, t, f),
    countEvents: (f) => inspector.countEvents(db, t, f),
    counts: () => inspector.counts(db, t),
    countRead: (o, s) => inspector.countRead(db, t, o, s),
    replayCauses: (o) => inspector.replayCauses(db, t, o),
    aggregates: (q) => inspector.aggregates(db, t, q),
    aggregateKinds: () => inspector.aggregateKinds(db, t),
    identitiesByPrefix: (q) => inspector.identitiesByPrefix(db, t, q),
    aggregateHistory: (a, u) => inspector.aggregateHistory(db, t, a, u),
    triggerIndex: (q) => inspector.triggerIndex(db, t, q),
    countTriggers: (x) => inspector.countTriggers(db, t, x),
    triggerGraph: (f, c) => inspector.triggerGraph(db, t, f, c),
    blastRadius: (e, o) => inspector.blastRadius(db, t, e, o),
    blastReadSizes: (e, o) => inspector.blastReadSizes(db, t, e, o),
    timeline: (q, p) => inspector.timeline(db, t, q, p),
    triggersOfAggregate: (a) => inspector.triggersOfAggregate(db, t, a),
    distinctValues: (c, l) => inspector.distinctValues(db, t, c, l),
    check: (p) => inspector.check(db, t, p),
    dataVersion: () => inspector.dataVersion(db, t)
  }
}
