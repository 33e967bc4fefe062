/**
 * The PostgreSQL half of `npm run bench`, on a throwaway cluster the bench
 * starts itself (test/helpers/postgres.ts: initdb into a temp folder, a free
 * port, stopped at the end) — never a mock. Stores are filled set-based
 * (`chunkStatements(…, 'postgres')`: INSERT … SELECT generate_series, the same
 * cells as the SQLite stores) and opened through the adapter factory by URL;
 * the raw baselines are plain `pg` statements on the same rows.
 */
import { performance } from 'node:perf_hooks'
import pg from 'pg'
import { createStore, openStore, type OpenedStore } from '../src/main/store/open-store'
import type { NewEvent } from '../src/shared/domain'
import { adminQuery, createDatabase, postgresBinDir, postgresUrl, startCluster, type RunningCluster } from '../test/helpers/postgres'
import { aggregateCount, chunkStatements, eventRows, random, syntheticEvent } from './generate'
import { alternating, conflictCheck, conflictProbe, fastestAlternating, median } from './timing'
import { readPairInChild } from './read-pair'


/** What the PostgreSQL half measured (ms; medians or best of three). */
export interface PostgresBench {
  readonly appendOurs: number
  readonly appendRaw: number
  readonly readOurs: number
  readonly readRaw: number
  readonly readCount: number
  readonly pageSmall: number
  readonly pageLarge: number
  readonly conflictSmall: number
  readonly conflictLarge: number
  /** The conflict check after `coherence index` (the trigger table's seq_no index). */
  readonly conflictIndexedSmall: number
  readonly conflictIndexedLarge: number
  readonly generated: string[]
}

/** A database on `cluster` holding `events` synthetic events (the SQLite stores' cells), analyzed. */
export async function generatedDatabase(cluster: RunningCluster, events: number): Promise<string> {
  const name = await createDatabase(cluster, `bench_${events}`)
  await (await createStore({ kind: 'postgres', url: postgresUrl(cluster, name) })).close()
  const client = new pg.Client({ connectionString: postgresUrl(cluster, name) })
  await client.connect()
  try {
    const statements = chunkStatements(aggregateCount(events), 'postgres')
    const chunk = 250_000
    for (let from = 0; from < events; from += chunk) {
      const to = Math.min(events, from + chunk)
      await client.query('BEGIN')
      for (const s of statements) if (s.first(from) < to) await client.query(s.sql, [s.first(from), to])
      await client.query('COMMIT')
    }
    await client.query('VACUUM ANALYZE')
  } finally {
    await client.end()
  }
  return name
}

/** 100 batches of 100 events through rebase vs the same rows as raw `pg` inserts, one transaction per batch. */
async function benchAppend(cluster: RunningCluster): Promise<[number, number]> {
  const batches = 100
  const events: NewEvent[] = Array.from({ length: batches * 100 }, (_, i) => syntheticEvent(i, 500))
  const runOurs = async (): Promise<number> => {
    const db = await createDatabase(cluster, 'append_ours')
    const store = await createStore({ kind: 'postgres', url: postgresUrl(cluster, db) })
    const start = performance.now()
    for (let b = 0; b < batches; b++) {
      const r = await store.rebase(b * 100 + 1, events.slice(b * 100, b * 100 + 100))
      if (r.result !== 'ok') throw new Error(`bench rebase ${r.result}`)
    }
    const t = performance.now() - start
    await store.close()
    return t
  }
  const runRaw = async (): Promise<number> => {
    const db = await createDatabase(cluster, 'append_raw')
    await (await createStore({ kind: 'postgres', url: postgresUrl(cluster, db) })).close()
    const client = new pg.Client({ connectionString: postgresUrl(cluster, db) })
    await client.connect()
    const start = performance.now()
    for (let b = 0; b < batches; b++) {
      const rows = events.slice(b * 100, b * 100 + 100).map((ev, i) => eventRows(b * 100 + i + 1, ev))
      const col = (pick: (r: ReturnType<typeof eventRows>) => unknown[][], k: number): unknown[] => rows.flatMap(pick).map((r) => r[k])
      const ev = (r: ReturnType<typeof eventRows>): unknown[][] => [r.event]
      const ac = (r: ReturnType<typeof eventRows>): unknown[][] => (r.action ? [r.action] : [])
      const ef = (r: ReturnType<typeof eventRows>): unknown[][] => (r.effect ? [r.effect] : [])
      const tr = (r: ReturnType<typeof eventRows>): unknown[][] => r.triggers
      await client.query('BEGIN')
      await client.query('INSERT INTO "events" ("seq_no", "timestamp", "source") SELECT * FROM unnest($1::bigint[], $2::int[], $3::text[])', [0, 1, 2].map((k) => col(ev, k)))
      await client.query(
        'INSERT INTO "actions" ("seq_no", "reason", "actor_kind", "actor_id", "aggregate_kind", "aggregate_id", "patch") ' +
          'SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])',
        [0, 1, 2, 3, 4, 5, 6].map((k) => col(ac, k))
      )
      if (rows.some((r) => r.effect)) {
        await client.query('INSERT INTO "effects" ("seq_no", "reason", "trigger_kind", "trigger_id") SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[])', [0, 1, 2, 3].map((k) => col(ef, k)))
      }
      if (rows.some((r) => r.triggers.length > 0)) {
        await client.query('INSERT INTO "triggers" ("trigger_kind", "trigger_id", "seq_no") SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[])', [0, 1, 2].map((k) => col(tr, k)))
      }
      await client.query('COMMIT')
    }
    const t = performance.now() - start
    await client.end()
    return t
  }
  return fastestAlternating(3, runOurs, runRaw)
}

/**
 * One keyset page of 200 through the inspector's own method (`pageEvents`:
 * the page plus one row more, then the probe for rows before it, in one
 * read-only snapshot) and one conflict check (dry rebase), both through the
 * adapter the factory opens by URL.
 */
async function benchPaging(cluster: RunningCluster, db: string, events: number): Promise<[number, number]> {
  const store = await openStore({ kind: 'postgres', url: postgresUrl(cluster, db) })
  const rnd = random(3)
  const page = await median(21, () => store.pageEvents({ limit: 200, after: Math.floor(rnd() * (events - 200)) }))
  const conflict = await conflictCheck(store, events)
  await store.close()
  return [page, conflict]
}

/**
 * `coherence index`'s index added to both databases (as the CLI adds it), then
 * one conflict check on each, timed alternately: [small, large].
 */
async function benchIndexedConflicts(cluster: RunningCluster, smallDb: string, largeDb: string, small: number, large: number): Promise<[number, number]> {
  const open = async (db: string): Promise<OpenedStore> => {
    const store = await openStore({ kind: 'postgres', url: postgresUrl(cluster, db) })
    await store.addTriggerSeqNoIndex()
    await adminQuery(cluster, 'ANALYZE', db)
    return store
  }
  const smallStore = await open(smallDb)
  const largeStore = await open(largeDb)
  const times = await alternating(21, await conflictProbe(smallStore, small), await conflictProbe(largeStore, large))
  await smallStore.close()
  await largeStore.close()
  return times
}

/** Run the PostgreSQL measurements on a cluster of its own; null (with the reason printed) without PostgreSQL. */
export async function benchPostgres(small: number, large: number): Promise<PostgresBench | null> {
  const binDir = postgresBinDir()
  if (binDir === null) {
    console.log('PostgreSQL benchmarks skipped: no /usr/lib/postgresql/*/bin/initdb (set PG_BIN).')
    return null
  }
  const cluster = await startCluster(binDir)
  try {
    const generated: string[] = []
    const fill = async (events: number): Promise<string> => {
      process.stdout.write(`PostgreSQL: generating ${events} events … `)
      const start = performance.now()
      const db = await generatedDatabase(cluster, events)
      const seconds = (performance.now() - start) / 1000
      process.stdout.write(`done in ${seconds.toFixed(0)} s\n`)
      generated.push(`PostgreSQL ${events} events: generated in ${seconds.toFixed(0)} s (throwaway cluster on port ${cluster.port})`)
      return db
    }
    const smallDb = await fill(small)
    // Read first, while the server is idle: loading the large store leaves it writing back for a while.
    const read = readPairInChild('postgres', postgresUrl(cluster, smallDb))
    const [readOurs, readRaw, readCount] = [read.ours, read.raw, read.count]
    const largeDb = await fill(large)
    const [appendOurs, appendRaw] = await benchAppend(cluster)
    const [pageSmall, conflictSmall] = await benchPaging(cluster, smallDb, small)
    const [pageLarge, conflictLarge] = await benchPaging(cluster, largeDb, large)
    const [conflictIndexedSmall, conflictIndexedLarge] = await benchIndexedConflicts(cluster, smallDb, largeDb, small, large)
    return { appendOurs, appendRaw, readOurs, readRaw, readCount, pageSmall, pageLarge, conflictSmall, conflictLarge, conflictIndexedSmall, conflictIndexedLarge, generated }
  } finally {
    cluster.stop()
  }
}
