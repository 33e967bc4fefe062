/**
 * What only the PostgreSQL adapter has: URLs and their one-sentence errors
 * (never the password), a SELECT-only role, column limits checked before
 * writing, a duplicate key under READ COMMITTED as `:write-conflict`, and
 * creating/detecting the schema. Each case on a fresh database.
 */
import { describe, expect, it } from 'vitest'
import pg from 'pg'
import { edn } from '../../../../src/shared/edn-value'
import { DEFAULT_TABLES } from '../../../../src/shared/domain'
import { canWriteStore, createStore, detectStoreTables, openStore } from '../../../../src/main/store/open-store'
import { StoreError } from '../../../../src/main/store/errors'
import { adminQuery, createDatabase, postgresUrl, type PostgresServer } from '../../../helpers/postgres'
import { describePostgres } from '../../../helpers/postgres-suite'
import { action, effect, id, T } from '../contract/events'
import { collect } from '../contract/adapter'
import { READ_BATCH } from '../../../../src/main/store/postgres/store'

const pgAt = (url: string) => ({ kind: 'postgres' as const, url })

/** Every row of the four tables, in a stable order (to compare a database before and after). */
async function dump(server: PostgresServer, db: string): Promise<string> {
  const out: string[] = []
  for (const table of ['events', 'actions', 'effects', 'triggers']) {
    const { rows } = await adminQuery(server, `SELECT * FROM "${table}" ORDER BY 1, 2, 3`, db)
    out.push(`${table}: ${JSON.stringify(rows)}`)
  }
  return out.join('\n')
}

async function freshStore(server: PostgresServer, prefix: string) {
  const db = await createDatabase(server, prefix)
  const url = postgresUrl(server, db)
  const store = await createStore(pgAt(url))
  return { db, url, store }
}

async function refusal(work: Promise<unknown>): Promise<StoreError> {
  const e = await work.then(() => null, (err: unknown) => err)
  expect(e).toBeInstanceOf(StoreError)
  return e as StoreError
}

describePostgres('PostgreSQL adapter specifics', (server) => {
  describe('connecting', () => {
    it('says in one sentence, without the password, when the server cannot be reached, the login is refused, or the database is missing', async () => {
      const db = await createDatabase(server, 'connect')
      const unreachable = await refusal(openStore(pgAt(`postgresql://postgres:sekrit@127.0.0.1:1/${db}`)))
      expect(unreachable.code).toBe('unreachable')
      expect(unreachable.message).toMatch(/^The PostgreSQL server at 127\.0\.0\.1:1 cannot be reached/)

      const wrong = await refusal(openStore(pgAt(postgresUrl(server, db, { user: 'postgres', password: 'sekrit-wrong' }))))
      expect(wrong.code).toBe('auth')
      expect(wrong.message).toContain('postgresql://postgres:***@')

      const missing = await refusal(openStore(pgAt(postgresUrl(server, 'no_such_db', { user: 'postgres', password: server.password }))))
      expect(missing.code).toBe('not-found')
      expect(missing.message).toMatch(/database "no_such_db" does not exist/)

      const noTables = await refusal(openStore(pgAt(postgresUrl(server, db))))
      expect(noTables.code).toBe('not-a-store')
      for (const e of [unreachable, wrong, missing, noTables]) {
        expect(e.message).not.toContain('sekrit')
        expect(e.message).not.toContain(server.password)
        expect(e.message.split('\n')).toHaveLength(1)
      }
    })

    it('fills what the URL leaves out from PGHOST, PGPORT, PGUSER, PGPASSWORD and PGDATABASE', async () => {
      const { db, store } = await freshStore(server, 'env')
      await store.close()
      const saved = { ...process.env }
      Object.assign(process.env, { PGHOST: server.host, PGPORT: String(server.port), PGUSER: server.user, PGPASSWORD: server.password, PGDATABASE: db })
      try {
        const s = await openStore(pgAt('postgresql://'), { readOnly: true })
        expect(await s.currentSeqNo()).toBe(0)
        await s.close()
      } finally {
        for (const k of ['PGHOST', 'PGPORT', 'PGUSER', 'PGPASSWORD', 'PGDATABASE']) {
          if (saved[k] === undefined) delete process.env[k]
          else process.env[k] = saved[k]
        }
      }
    })
  })

  describe('schema', () => {
    it('creates the library tables idempotently, detects them, and refuses a database with only some of them', async () => {
      const { db, url, store } = await freshStore(server, 'schema')
      await store.rebase(1, [action(id('book', 1))])
      await store.close()
      await (await createStore(pgAt(url))).close() // IF NOT EXISTS: the store is opened as it is
      expect(await detectStoreTables(pgAt(url))).toEqual([DEFAULT_TABLES])
      const { rows } = await adminQuery(server, `SELECT indexname FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1`, db)
      expect(rows.map((r) => r.indexname)).toEqual(expect.arrayContaining(['actions_aggregate_idx', 'effects_trigger_idx']))

      const partial = await createDatabase(server, 'partial')
      await adminQuery(server, 'CREATE TABLE events (seq_no BIGINT PRIMARY KEY)', partial)
      const refused = await refusal(createStore(pgAt(postgresUrl(server, partial))))
      expect(refused.code).toBe('already-exists')
      expect((await adminQuery(server, `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`, partial)).rows[0].n).toBe(1)
    })
  })

  describe('a role with SELECT only', () => {
    it('reads, gives the seq-no and conflicts in READ ONLY transactions; may not write; rebase is refused and nothing is written', async () => {
      const { db, store } = await freshStore(server, 'reader')
      await store.rebase(1, [action(id('book', 1), 1, [id('key', 1)]), effect(id('key', 1))])
      await store.close()
      const role = `reader_${process.pid}`
      await adminQuery(server, `DROP ROLE IF EXISTS ${role}; CREATE ROLE ${role} LOGIN PASSWORD 'readerpw'`)
      await adminQuery(server, `GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${role}`, db)
      const url = postgresUrl(server, db, { user: role, password: 'readerpw' })
      const before = await dump(server, db)

      expect(await canWriteStore(pgAt(url))).toBe(false)
      const refused = await refusal(openStore(pgAt(url), { readOnly: false }))
      expect(refused.code).toBe('read-only')
      expect(refused.message).not.toContain('readerpw')

      const ro = await openStore(pgAt(url), { readOnly: true })
      expect(await ro.currentSeqNo()).toBe(2)
      expect((await collect(ro.read(2))).map((e) => e.seqNo)).toEqual([1])
      expect((await ro.queryConflicts(1, id('book', 1))).map((e) => e.seqNo)).toEqual([1, 2])
      await expect(ro.rebase(3, [action(id('book', 2))])).rejects.toMatchObject({ code: 'read-only' })
      await ro.close()
      expect(await dump(server, db)).toBe(before)
    })
  })

  describe('column limits, checked before anything is written', () => {
    it('counts characters as code points: a 48-emoji string id fits VARCHAR(50), a 49-emoji one is refused naming the event and field', async () => {
      const { db, store } = await freshStore(server, 'limits')
      const emoji = (n: number) => '\u{1F600}'.repeat(n)
      expect((await store.rebase(1, [action(id('book', emoji(48)))])).result).toBe('ok')
      const before = await dump(server, db)
      const e = await refusal(store.rebase(2, [action(id('book', 1)), action(id('book', emoji(49)))]))
      expect(e.code).toBe('invalid-cell')
      expect(e.message).toMatch(/^Event 2: the aggregate_id cell is 51 characters long/)
      expect(await dump(server, db)).toBe(before)
      await store.close()
    })

    it('refuses a patch over 10 000 characters and a timestamp after 2038-01-19T03:14:07Z', async () => {
      const { db, store } = await freshStore(server, 'limits2')
      const before = await dump(server, db)
      const big = { ...action(id('book', 1)), action: { ...(action(id('book', 1)) as { action: object }).action, patch: edn.map([[edn.kw('assoc'), edn.map([[edn.kw('v'), edn.str('x'.repeat(10_000))]])]]) } }
      const tooBig = await refusal(store.rebase(1, [big as never]))
      expect(tooBig.message).toMatch(/^Event 1: the patch cell is \d+ characters long/)
      const late = await refusal(store.rebase(1, [action(id('book', 1)), effect(id('key', 1), Date.UTC(2040, 0, 1))]))
      expect(late.message).toMatch(/^Event 2: the timestamp 2040-01-01T00:00:00Z does not fit/)
      expect(await refusal(store.rebase(1, [action(id('book', 1), 1, [], Date.UTC(2038, 0, 19, 3, 14, 8))]))).toMatchObject({ code: 'invalid-cell' })
      expect((await store.rebase(1, [action(id('book', 1), 1, [], Date.UTC(2038, 0, 19, 3, 14, 7))])).result).toBe('ok')
      expect(before).toMatch(/events: \[\]/)
      await store.close()
    })
  })

  it('refuses U+0000 and lone surrogates in a cell (PostgreSQL text cannot hold them), naming the event and field; nothing is written', async () => {
    const { db, store } = await freshStore(server, 'nul')
    const before = await dump(server, db)
    const e = await refusal(store.rebase(1, [effect(id('key', 1)), action(id('book', 'a\u0000b'))]))
    expect(e.message).toMatch(/^Event 2: the aggregate_id cell holds the character U\+0000/)
    const lone = await refusal(store.rebase(1, [action(id('book', 'a\ud800'))]))
    expect(lone.message).toMatch(/^Event 1: the aggregate_id cell holds a lone surrogate \(U\+D800\)/)
    expect(await dump(server, db)).toBe(before)
    await store.close()
  })

  it('a read stopped early, with the next cursor batch already asked for, frees its connection (more stops than the pool has connections)', async () => {
    const { db, store } = await freshStore(server, 'pg_early_stop')
    const events = 2 * READ_BATCH + 500
    await adminQuery(server, `INSERT INTO "events" SELECT i, 1764338400 + i, ':s' FROM generate_series(1, ${events}) AS i`, db)
    await adminQuery(server, `INSERT INTO "actions" SELECT "seq_no", ':r', ':user', '"a"', ':book', ("seq_no" % 50)::text, '{:assoc {:a 1}}' FROM "events"`, db)
    for (const stopAt of [1, READ_BATCH - 1, READ_BATCH, READ_BATCH + 1, 2 * READ_BATCH - 1, events - 1]) {
      let n = 0
      for await (const _ of store.read(1)) if (++n >= stopAt) break
      expect(n).toBe(stopAt)
    }
    expect((await collect(store.read(1))).length).toBe(events)
    expect(await store.currentSeqNo()).toBe(events)
    await store.close()
  })

  it('a read whose connection is cut mid-stream ends with one sentence, not a hang or a crash, after the events before it; the store reads again', async () => {
    const { db, store } = await freshStore(server, 'pg_cut_read')
    const events = 4 * READ_BATCH
    await adminQuery(server, `INSERT INTO "events" SELECT i, 1764338400 + i, ':s' FROM generate_series(1, ${events}) AS i`, db)
    await adminQuery(server, `INSERT INTO "actions" SELECT "seq_no", ':r', ':user', '"a"', ':book', ("seq_no" % 50)::text, '{:assoc {:a 1}}' FROM "events"`, db)
    let n = 0
    const failure = await (async () => {
      for await (const _ of store.read(1)) {
        if (++n === 10) await adminQuery(server, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${db}' AND pid <> pg_backend_pid()`)
      }
    })().then(() => null, (e: unknown) => e)
    expect(failure).toBeInstanceOf(StoreError)
    expect((failure as StoreError).message).toMatch(/^The (PostgreSQL server at .* is shutting down or restarting|connection to the PostgreSQL server at .* was lost); nothing half-written was kept/)
    expect(n).toBeGreaterThanOrEqual(10)
    expect(n).toBeLessThan(events)
    expect((await collect(store.read(1))).length).toBe(events)
    await store.close()
  })

  it('a cell that is not EDN, past the first cursor batch, ends a read with invalid-cell after the events before it, and frees its connection (more failures than the pool has connections)', async () => {
    const { db, store } = await freshStore(server, 'pg_bad_cell')
    const bad = READ_BATCH + 345
    await adminQuery(server, `INSERT INTO "events" SELECT i, 1764338400 + i, ':s' FROM generate_series(1, ${READ_BATCH + 500}) AS i`, db)
    await adminQuery(server, `INSERT INTO "actions" SELECT "seq_no", ':r', ':user', '"a"', ':book', ("seq_no" % 50)::text, CASE WHEN "seq_no" = ${bad} THEN '{:assoc' ELSE '{:assoc {:a 1}}' END FROM "events"`, db)
    for (let attempt = 0; attempt < 6; attempt++) {
      let n = 0
      const failure = await (async () => {
        for await (const _ of store.read(1)) n++
      })().then(() => null, (e: unknown) => e)
      expect(failure).toBeInstanceOf(StoreError)
      expect(failure).toMatchObject({ code: 'invalid-cell', message: expect.stringMatching(new RegExp(`^The cell at seq-no ${bad}, actions\\.patch is not valid EDN`)) })
      expect(n).toBe(bad - 2) // the action before the bad row waits for the next row (it could carry another trigger of it), and that row is the bad one
    }
    expect(await store.currentSeqNo()).toBe(READ_BATCH + 500)
    await store.close()
  })

  describe('two writers under READ COMMITTED', () => {
    it('a writer that loses the seq-no to a concurrent commit gets :write-conflict, not an error, and writes nothing', async () => {
      const { db, url, store } = await freshStore(server, 'race')
      const other = new pg.Client({ connectionString: url })
      await other.connect()
      try {
        await other.query('BEGIN')
        await other.query(`INSERT INTO events VALUES (1, ${T / 1000}, ':other')`)
        const pending = store.rebase(1, [action(id('book', 1)), action(id('book', 2))]) // reads max 0, then waits on seq-no 1
        await new Promise((resolve) => setTimeout(resolve, 300))
        await other.query('COMMIT')
        const result = await pending
        expect(result.result).toBe('write-conflict')
      } finally {
        await other.end()
      }
      expect(await store.currentSeqNo()).toBe(1)
      expect((await adminQuery(server, 'SELECT count(*)::int AS n FROM actions', db)).rows[0].n).toBe(0)
      await store.close()
    })
  })
})
