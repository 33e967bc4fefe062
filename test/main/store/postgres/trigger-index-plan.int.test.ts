/**
 * The conflict check loads the conflicting action with its triggers
 * (`actionBySeqNo`: a LEFT JOIN on the trigger table's seq_no). On the
 * library's schema that lookup scans the trigger table — the one step of the
 * conflict check that is not index-driven; with the index `coherence index`
 * adds it must become an index search, on both adapters (this file: PostgreSQL; SQLite beside the SQLite adapter's tests). The rest of the
 * check (the first conflicting action and effect) must use indexes either way.
 */
import pg from 'pg'
import { expect, it } from 'vitest'
import { createStore } from '../../../../src/main/store/open-store'
import { buildQueries, POSTGRES_DIALECT } from '../../../../src/main/store/sql/queries'
import { firstConflictsSql } from '../../../../src/main/store/postgres/conflicts'
import { numbered } from '../../../../src/main/store/sql/numbered'
import { DEFAULT_TABLES } from '../../../../src/shared/domain'
import { adminQuery, createDatabase, postgresUrl } from '../../../helpers/postgres'
import { describePostgres } from '../../../helpers/postgres-suite'

/** Events: every 20th an action carrying a trigger, every 100th an effect of an earlier trigger; enough rows that a planner prefers an index it has. */
const EVENTS = 20_000

describePostgres('the conflict check\'s plan on PostgreSQL', (server) => {
  async function database(): Promise<string> {
    const db = await createDatabase(server, 'plan')
    await (await createStore({ kind: 'postgres', url: postgresUrl(server, db) })).close()
    await adminQuery(server, `INSERT INTO "events" SELECT i, 1764338400 + i, ':s' FROM generate_series(1, ${EVENTS}) AS i`, db)
    await adminQuery(server, `INSERT INTO "actions" SELECT "seq_no", ':r', ':user', '"a"', ':book', ("seq_no" % 500)::text, '{:assoc {:a 1}}' FROM "events" WHERE "seq_no" % 100 <> 99`, db)
    await adminQuery(server, `INSERT INTO "effects" SELECT "seq_no", ':x', ':k', ("seq_no" - 79)::text FROM "events" WHERE "seq_no" % 100 = 99`, db)
    await adminQuery(server, `INSERT INTO "triggers" SELECT ':k', "seq_no"::text, "seq_no" FROM "events" WHERE "seq_no" % 20 = 0`, db)
    await adminQuery(server, 'ANALYZE', db)
    return db
  }
  /** EXPLAIN of `sql` with its parameters bound (the custom plan the adapter's unnamed statements get). */
  const plan = async (db: string, sql: string, params: unknown[], setup?: string): Promise<string> => {
    const client = new pg.Client({ connectionString: postgresUrl(server, db) })
    await client.connect()
    try {
      if (setup !== undefined) await client.query(setup)
      return (await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params)).rows.map((r) => r['QUERY PLAN']).join('\n')
    } finally {
      await client.end()
    }
  }
  const q = buildQueries(DEFAULT_TABLES, POSTGRES_DIALECT)

  it('scans the trigger table for an action\'s triggers on the library\'s schema, and uses the index once it exists', async () => {
    const db = await database()
    expect(await plan(db, numbered(q.actionBySeqNo), [100])).toMatch(/Seq Scan on triggers t/)
    await adminQuery(server, 'CREATE INDEX IF NOT EXISTS "triggers_seq_no_idx" ON "triggers" ("seq_no"); ANALYZE', db)
    const indexed = await plan(db, numbered(q.actionBySeqNo), [100])
    expect(indexed).toMatch(/Index (Only )?Scan using triggers_seq_no_idx on triggers t|Bitmap Index Scan on triggers_seq_no_idx/)
    expect(indexed).not.toMatch(/Seq Scan/)
  })

  it('can find the first conflicts of a batch through indexes only', async () => {
    const db = await database()
    const { sql, params } = firstConflictsSql(q, [{ kind: ':book', id: '1' }, { kind: ':book', id: '2' }], EVENTS - 1000, [])
    // On tables this small the planner may rightly prefer scans; with scans priced out, a step no
    // index can serve would still be a Seq Scan (on 1 M events the bench store's plan is all index scans).
    const text = await plan(db, sql, params, 'SET enable_seqscan = off')
    expect(text).not.toMatch(/Seq Scan on (actions|effects|triggers)/)
  })
})
