/**
 * Cross-adapter property: the same random history (batches of actions and
 * effects with triggers over random aggregates and kinds, rebases with stale
 * bases, conflicts, resolved seq-nos and dry runs) applied to a fresh SQLite
 * file and a fresh PostgreSQL schema gives identical rebase results, `read`,
 * `filterAggregates`, `filterAggregateKinds`, `queryConflicts`,
 * `currentSeqNo` — and identical stored cells, row for row. An action's
 * triggers are compared as the set they are (the library reads them into
 * `#{}`): each adapter returns them in the order its query plan meets them.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import fc from 'fast-check'
import pg from 'pg'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createStore, type OpenedStore } from '../../../src/main/store/open-store'
import { identityToEdn } from '../../../src/main/core/domain'
import { printEdn } from '../../../src/main/core/edn'
import { edn, type EdnKeyword, type EdnValue } from '../../../src/shared/edn-value'
import type { ActionEvent, Identity, NewEvent, StoredEvent } from '../../../src/shared/domain'
import { describePostgres } from '../../helpers/postgres-suite'
import { adminQuery, createDatabase, postgresUrl } from '../../helpers/postgres'

const KINDS: EdnKeyword[] = [edn.kw('book'), edn.kw('shop', 'order'), edn.kw('user')]
const TRIGGER_KINDS: EdnKeyword[] = [edn.kw('key'), edn.kw('acme.keys', 'rotation')]

/** Text cells both servers can hold: no NUL (PostgreSQL text cannot), no lone surrogates (not UTF-8). */
const text = fc.string({ unit: 'grapheme', maxLength: 8 }).filter((s) => !s.includes('\u0000'))
const identityId = fc.oneof(
  fc.integer({ min: -3, max: 6 }).map((n) => edn.int(n)),
  fc.constantFrom('a', 'b', 'é 中', 'x"y\\z').map((s) => edn.str(s)),
  fc.constantFrom('6f1c5c8e-0d7b-4a55-9a7e-8d6d1f2f3a4b').map((u) => ({ t: 'uuid', v: u }) as const)
)
const aggregate = fc.record({ kind: fc.constantFrom(...KINDS), id: identityId }) as fc.Arbitrary<Identity>
const trigger = fc.record({ kind: fc.constantFrom(...TRIGGER_KINDS), id: fc.integer({ min: 1, max: 3 }).map((n) => edn.int(n)) }) as fc.Arbitrary<Identity>
const patchValue: fc.Arbitrary<EdnValue> = fc.oneof(
  fc.integer().map((n) => edn.int(n)),
  text.map((s) => edn.str(s)),
  fc.constantFrom(edn.kw('draft'), edn.set([edn.kw('a'), edn.kw('b')]), edn.vec([edn.int(1), edn.str('two')]))
)
const patch = fc
  .tuple(fc.uniqueArray(fc.constantFrom('title', 'price', 'tags', 'n'), { minLength: 1, maxLength: 3 }), fc.array(patchValue, { minLength: 3, maxLength: 3 }), fc.boolean())
  .map(([keys, values, dissoc]) => edn.map([
    [edn.kw('assoc'), edn.map(keys.map((k, i) => [edn.kw(k), values[i]] as const))],
    ...(dissoc ? [[edn.kw('dissoc'), edn.vec([edn.kw('draft')])] as const] : [])
  ]))
/** Whole seconds inside INT (the library's timestamp column), as both adapters store them. */
const timestampMs = fc.integer({ min: 0, max: 2 ** 31 - 1 }).map((s) => s * 1000)
const source = fc.constantFrom(edn.kw('bookstore'), edn.kw('keystore'), edn.kw('svc', 'billing'))

const newEvent: fc.Arbitrary<NewEvent> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      timestampMs, source, patch, aggregate, actor: aggregate,
      reason: fc.constantFrom(edn.kw('create'), edn.kw('update')),
      triggers: fc.uniqueArray(trigger, { maxLength: 2, selector: (t) => `${t.kind.ns}/${t.kind.name} ${String((t.id as { v: bigint }).v)}` })
    }).map(({ timestampMs, source, reason, actor, aggregate, patch, triggers }): NewEvent => ({ type: 'action', timestampMs, source, action: { reason, actor, aggregate, patch }, triggers }))
  },
  {
    weight: 1,
    arbitrary: fc.record({ timestampMs, source, trigger, reason: fc.constantFrom(edn.kw('expired')) })
      .map(({ timestampMs, source, trigger, reason }): NewEvent => ({ type: 'effect', timestampMs, source, effect: { reason, trigger } }))
  }
)
const step = fc.record({
  baseBack: fc.integer({ min: -1, max: 5 }),
  batch: fc.array(newEvent, { minLength: 1, maxLength: 6 }),
  resolved: fc.uniqueArray(fc.integer({ min: 1, max: 20 }), { maxLength: 3 }),
  dry: fc.boolean()
})
const probe = fc.record({
  offset: fc.integer({ min: 0, max: 25 }),
  aggregates: fc.array(aggregate, { minLength: 1, maxLength: 3 }),
  kinds: fc.uniqueArray(fc.constantFrom(...KINDS), { minLength: 1, maxLength: 2 }),
  conflictFor: aggregate
})

/** An action's triggers are a set (the library reads them into `#{}`); the order rows arrive in is the plan's. */
const byPrinted = (a: Identity, b: Identity): number => {
  const x = printEdn(identityToEdn(a))
  const y = printEdn(identityToEdn(b))
  return x < y ? -1 : x > y ? 1 : 0
}

async function collect(events: AsyncIterable<ActionEvent>): Promise<ActionEvent[]> {
  const all: ActionEvent[] = []
  for await (const e of events) all.push({ ...e, triggers: [...e.triggers].sort(byPrinted) })
  return all
}

/** Everything a caller can observe through the EventStore port for one probe. */
async function observe(store: OpenedStore, p: typeof probe extends fc.Arbitrary<infer T> ? T : never): Promise<unknown> {
  const conflicts = (await store.queryConflicts(p.offset, p.conflictFor)).map((e): StoredEvent => (e.type === 'action' ? { ...e, triggers: [...e.triggers].sort(byPrinted) } : e))
  return {
    seqNo: await store.currentSeqNo(),
    read: await collect(store.read(p.offset)),
    readFrom1: await collect(store.read(1)),
    aggregates: await collect(store.filterAggregates(p.offset, p.aggregates)),
    kinds: await collect(store.filterAggregateKinds(p.offset, p.kinds)),
    conflicts
  }
}

const TABLE_ORDER: [string, string][] = [
  ['events', 'seq_no'],
  ['actions', 'seq_no'],
  ['effects', 'seq_no'],
  ['triggers', 'seq_no, trigger_kind, trigger_id']
]

/** Every stored cell, as text, in a fixed order. */
function sqliteCells(path: string): string[][][] {
  const db = new Database(path, { readonly: true })
  try {
    return TABLE_ORDER.map(([table, order]) => (db.prepare(`SELECT * FROM "${table}" ORDER BY ${order}`).raw().all() as unknown[][]).map((row) => row.map(String)))
  } finally {
    db.close()
  }
}

async function postgresCells(client: pg.Client, schema: string): Promise<string[][][]> {
  const tables: string[][][] = []
  for (const [table, order] of TABLE_ORDER) {
    const r = await client.query<unknown[]>({ text: `SELECT * FROM "${schema}"."${table}" ORDER BY ${order}`, rowMode: 'array' })
    tables.push(r.rows.map((row) => row.map(String)))
  }
  return tables
}

describePostgres('SQLite and PostgreSQL agree on random histories', (server) => {
  let dir = ''
  let database = ''
  let admin: pg.Client
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'coherence-cross-'))
    database = await createDatabase(server, 'cross')
    admin = new pg.Client({ connectionString: postgresUrl(server, database) })
    await admin.connect()
  })
  afterAll(async () => {
    await admin?.end()
    rmSync(dir, { recursive: true, force: true })
  })

  let run = 0
  it('gives identical rebase results, reads, filters, conflicts, seq-nos and cells (40 histories)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), fc.array(probe, { minLength: 1, maxLength: 3 }), async (steps, probes) => {
        const n = ++run
        const path = join(dir, `store-${n}.db`)
        const schema = `cross_${n}`
        await adminQuery(server, `CREATE SCHEMA ${schema}`, database)
        const url = `${postgresUrl(server, database)}?options=${encodeURIComponent(`-c search_path=${schema}`)}`
        const lite = await createStore({ kind: 'sqlite', path })
        const post = await createStore({ kind: 'postgres', url })
        try {
          for (const s of steps) {
            const base = Math.max(1, (await lite.currentSeqNo()) + 1 - s.baseBack)
            const options = { resolved: s.resolved, dry: s.dry }
            const expected = await lite.rebase(base, s.batch, options)
            expect(await post.rebase(base, s.batch, options)).toEqual(expected)
          }
          for (const p of probes) expect(await observe(post, p)).toEqual(await observe(lite, p))
        } finally {
          await lite.close()
          await post.close()
        }
        expect(await postgresCells(admin, schema)).toEqual(sqliteCells(path))
      }),
      { numRuns: 40 }
    )
  }, 120_000)
})
