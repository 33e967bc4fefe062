/**
 * The PostgreSQL read models (src/main/store/postgres/inspector) against the
 * SQLite adapter on the same rows: stores written through SQLite's `rebase`
 * (or seeded with every integrity problem), copied row by row into a real
 * PostgreSQL database with the library's DDL, and every `StoreInspector`
 * method compared — also on a database whose collation is not code-point
 * order (ICU en-US) — plus the change counter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type pg from 'pg'
import { edn } from '../../../../src/shared/edn-value'
import { DEFAULT_TABLES, type NewEvent, type TableNames } from '../../../../src/shared/domain'
import type { OpenedStore } from '../../../../src/main/store/opened-store'
import { openStore } from '../../../../src/main/store/open-store'
import * as inspector from '../../../../src/main/store/postgres/inspector'
import { describePostgres } from '../../../helpers/postgres-suite'
import { EVERY_PROBLEM, seededStore } from '../../../helpers/problem-store'
import { action, effect, id, T } from '../contract/events'
import { manyStore, walkthroughStore } from '../contract/inspector-stores'
import { sqliteAdapter } from '../sqlite/sqlite-adapter'
import { clientQueries, copyStore, freshDatabase, pathOf, pgInspector } from './inspector-harness'
import { compareInspectors } from './inspector-comparison'

const HOUR = 3_600_000

/** Actions on ids whose code-point and linguistic orders differ, several triggers, compensations, effects on carried and uncarried triggers, days apart. */
function variedEvents(): NewEvent[] {
  const aggregates = [
    id('book', 'Alpha'), id('book', 'zeta'), id('book', 'B'), id('book', 'a'), id('book', 'é'), id('book', 10), id('book', 9),
    id('Book', 'x'), id('order', 1), id('order', 'Ünï "quoted"'), id('a-kind', '_u')
  ]
  const keys = [id('key', 1), id('key', 2), id('Key', 'A'), id('key', 'é')]
  const events: NewEvent[] = []
  for (let i = 0; i < 70; i++) {
    const at = T + i * 5 * HOUR
    if (i % 8 === 7) {
      events.push(effect(i % 16 === 15 ? id('key', 99) : keys[i % keys.length], at))
      continue
    }
    const triggers = i % 3 === 0 ? [keys[i % keys.length]] : i % 7 === 0 ? [keys[0], keys[2]] : []
    const event = action(aggregates[i % aggregates.length], i, triggers, at)
    if (event.type === 'action' && i % 10 === 4) {
      events.push({ ...event, action: { ...event.action, reason: edn.kw(i % 20 === 4 ? 'revert-order' : 'Refund') } })
    } else {
      events.push(event)
    }
  }
  return events
}

/** A SQLite store holding `events` (reopened read-only); its path via `pathOf`. */
async function sqliteStore(events: NewEvent[], tables?: TableNames): Promise<OpenedStore> {
  const writer = await sqliteAdapter.create(tables)
  try {
    if (events.length > 0) {
      const result = await writer.rebase(1, events)
      if (result.result !== 'ok') throw new Error(`rebase gave ${result.result}`)
    }
    return await sqliteAdapter.reopenReadOnly(writer)
  } finally {
    await writer.close()
  }
}

describePostgres('PostgreSQL inspector: the same results as SQLite', (server) => {
  const clients: pg.Client[] = []
  const stores: OpenedStore[] = []

  /** Copy a SQLite store into a new database (with CREATE DATABASE `options`) and compare every method. */
  async function compare(sqlite: OpenedStore, options = '', tables: TableNames = DEFAULT_TABLES): Promise<pg.Client> {
    stores.push(sqlite)
    const client = await freshDatabase(server, 'inspector', options)
    clients.push(client)
    await copyStore(pathOf(sqlite), client, tables)
    await compareInspectors(sqlite, pgInspector(clientQueries(client), tables))
    return client
  }

  afterAll(async () => {
    for (const c of clients) await c.end()
    for (const s of stores) await s.close()
  })

  it('the library walkthrough (seq-nos 1–7)', async () => {
    await compare(await walkthroughStore(sqliteAdapter))
  })

  it('a store whose trigger groups exceed the caps (203 events)', async () => {
    await compare(await manyStore(sqliteAdapter))
  })

  it('a varied store: mixed-case, accented and numeric ids, several triggers per action, compensations, uncarried effects', async () => {
    await compare(await sqliteStore(variedEvents()))
  })

  it('the varied store with the library test suite`s table names', async () => {
    const tables = { event: 'event', action: 'action', effect: 'effect', trigger: 'trigger' }
    await compare(await sqliteStore(variedEvents(), tables), '', tables)
  })

  it('an empty store', async () => {
    await compare(await sqliteStore([]))
  })

  it('a store with every integrity problem (orphans, gaps, undecodable and non-canonical cells, both and neither bodies)', async () => {
    const path = await seededStore([...EVERY_PROBLEM])
    const sqlite = await openStore({ kind: 'sqlite', path }, { readOnly: true })
    stores.push(sqlite)
    const client = await freshDatabase(server, 'inspector_problems')
    clients.push(client)
    await copyStore(path, client)
    const pgi = pgInspector(clientQueries(client), DEFAULT_TABLES)
    const problems = await pgi.check()
    expect(problems).toEqual(await sqlite.check())
    const codes = new Set(problems.map((p) => p.code))
    for (const code of ['orphan-action', 'orphan-effect', 'orphan-trigger', 'seq-no-gap', 'event-without-body', 'event-with-both', 'trigger-without-action', 'effect-trigger-unused', 'invalid-edn', 'not-canonical']) {
      expect(codes, code).toContain(code)
    }
    await compareInspectors(sqlite, pgi)
  })

  it('warns of a missing library index, as SQLite does', async () => {
    const sqlite = await sqliteStore(variedEvents())
    stores.push(sqlite)
    const client = await freshDatabase(server, 'inspector_noindex')
    clients.push(client)
    await copyStore(pathOf(sqlite), client)
    const before = await inspector.check(clientQueries(client), DEFAULT_TABLES)
    expect(before.filter((p) => p.code === 'schema')).toEqual([])
    await client.query('DROP INDEX "actions_aggregate_idx"')
    const problems = await inspector.check(clientQueries(client), DEFAULT_TABLES)
    expect(problems.filter((p) => p.code === 'schema').map((p) => p.message)).toEqual([
      'Table "actions" has no index on (aggregate_kind, aggregate_id); conflict checks and replay will scan the whole table.'
    ])
    expect(problems.slice(1)).toEqual(before)
  })

  describe('on a database whose collation is not code-point order (ICU en-US)', () => {
    let icu = true
    beforeAll(async () => {
      const client = await freshDatabase(server, 'inspector_icu_probe', "TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'").catch(() => null)
      icu = client !== null
      if (client) {
        // The probe: this database sorts "B" before "a" only under COLLATE "C".
        const { rows } = await client.query<{ s: string[] }>(`SELECT array_agg(s ORDER BY s) AS s FROM unnest(ARRAY['B', 'a']) AS s`)
        expect(rows[0].s).toEqual(['a', 'B'])
        await client.end()
      }
    })

    it('still sorts, pages and matches prefixes in code-point order, as SQLite', async (ctx) => {
      if (!icu) ctx.skip()
      await compare(await sqliteStore(variedEvents()), "TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'")
    })
  })

  it('changes the data version when events are appended or deleted, and not when a batch is rolled back', async () => {
    const sqlite = await sqliteStore(variedEvents().slice(0, 5))
    stores.push(sqlite)
    const client = await freshDatabase(server, 'inspector_version')
    clients.push(client)
    await copyStore(pathOf(sqlite), client)
    const db = clientQueries(client)
    const v0 = await inspector.dataVersion(db, DEFAULT_TABLES)
    expect(await inspector.dataVersion(db, DEFAULT_TABLES)).toBe(v0)
    await client.query('BEGIN')
    await client.query(`INSERT INTO events VALUES (6, 1, ':x')`)
    await client.query('ROLLBACK')
    expect(await inspector.dataVersion(db, DEFAULT_TABLES)).toBe(v0)
    await client.query(`INSERT INTO events VALUES (6, 1, ':x')`)
    const v1 = await inspector.dataVersion(db, DEFAULT_TABLES)
    expect(v1).not.toBe(v0)
    // A deletion in the middle (no seq-no changes) shows through the server's statistics, once they arrive.
    await client.query('DELETE FROM events WHERE seq_no = 3')
    await client.query('SELECT pg_stat_force_next_flush()')
    const v2 = await inspector.dataVersion(db, DEFAULT_TABLES)
    expect([v0, v1]).not.toContain(v2)
  })
})
