/**
 * The conflict check loads the conflicting action with its triggers
 * (`actionBySeqNo`: a LEFT JOIN on the trigger table's seq_no). On the
 * library's schema that lookup scans the trigger table — the one step of the
 * conflict check that is not index-driven; with the index `coherence index`
 * adds it must become an index search, on both adapters (this file: SQLite; PostgreSQL beside the adapter's tests). The rest of the
 * check (the first conflicting action and effect) must use indexes either way.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { createStore } from '../../../../src/main/store/open-store'
import { buildQueries } from '../../../../src/main/store/sql/queries'
import { DEFAULT_TABLES } from '../../../../src/shared/domain'

/** Events: every 20th an action carrying a trigger, every 100th an effect of an earlier trigger; enough rows that a planner prefers an index it has. */
const EVENTS = 20_000

describe('the conflict check\'s plan on SQLite', () => {
  async function store(): Promise<Database.Database> {
    const path = join(mkdtempSync(join(tmpdir(), 'coherence-plan-')), 'plan.db')
    await (await createStore({ kind: 'sqlite', path })).close()
    const db = new Database(path)
    db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${EVENTS})
      INSERT INTO "events" SELECT i, 1764338400 + i, ':s' FROM n`)
    db.exec(`INSERT INTO "actions" SELECT "seq_no", ':r', ':user', '"a"', ':book', CAST("seq_no" % 500 AS TEXT), '{:assoc {:a 1}}' FROM "events" WHERE "seq_no" % 100 <> 99`)
    db.exec(`INSERT INTO "effects" SELECT "seq_no", ':x', ':k', CAST("seq_no" - 79 AS TEXT) FROM "events" WHERE "seq_no" % 100 = 99`)
    db.exec(`INSERT INTO "triggers" SELECT ':k', CAST("seq_no" AS TEXT), "seq_no" FROM "events" WHERE "seq_no" % 20 = 0`)
    db.exec('ANALYZE')
    return db
  }
  const plan = (db: Database.Database, sql: string, params: unknown[]): string =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n')
  const q = buildQueries(DEFAULT_TABLES)

  it('scans the trigger table for an action\'s triggers on the library\'s schema, and searches the index once it exists', async () => {
    const db = await store()
    expect(plan(db, q.actionBySeqNo, [100])).toMatch(/^SCAN t\b/m)
    db.exec('CREATE INDEX IF NOT EXISTS "triggers_seq_no_idx" ON "triggers" ("seq_no")')
    const indexed = plan(db, q.actionBySeqNo, [100])
    expect(indexed).toMatch(/^SEARCH t USING INDEX triggers_seq_no_idx \(seq_no=\?\)/m)
    expect(indexed).not.toMatch(/^SCAN/m)
    db.close()
  })

  it('finds the first conflicting action and effect through indexes only', async () => {
    const db = await store()
    for (const sql of [q.firstConflictingAction, q.firstConflictingEffect]) {
      const params = sql === q.firstConflictingAction ? [':book', '1', 100, '[]'] : [100, '[]', ':book', '1']
      const steps = plan(db, sql, params).split('\n').filter((s) => /^(SCAN|SEARCH)/.test(s))
      expect(steps.filter((s) => s.startsWith('SCAN') && !s.includes('json_each'))).toEqual([])
    }
    db.close()
  })
})
