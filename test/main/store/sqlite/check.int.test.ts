/**
 * The integrity check on real files: a store seeded with one of each kind of
 * problem lists each exactly once, a healthy store lists none, and the check
 * never changes the file.
 */
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { createSqliteStore, openSqliteStore } from '../../../../src/main/store/sqlite'

const hash = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex')

async function seededStore(rows: string[]): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'coherence-check-')), 'store.db')
  await (await createSqliteStore(path)).close()
  const db = new Database(path)
  // better-sqlite3 enforces foreign keys by default; orphans need them off.
  db.pragma('foreign_keys = OFF')
  for (const sql of rows) db.exec(sql)
  db.close()
  return path
}

const healthyAction = (n: number, id = '"Neuromancer"', patch = '{:assoc {:genre "SciFi"}}'): string[] => [
  `INSERT INTO events VALUES (${n}, 1764338400, ':bookstore')`,
  `INSERT INTO actions VALUES (${n}, ':create', ':user', '"alice"', ':book', '${id}', '${patch}')`
]

describe('integrity check', () => {
  it('finds nothing in a healthy store', async () => {
    const path = await seededStore([
      ...healthyAction(1),
      `INSERT INTO triggers VALUES (':key', '1', 1)`,
      `INSERT INTO events VALUES (2, 1764338400, ':keystore')`,
      `INSERT INTO effects VALUES (2, ':key-expired', ':key', '1')`
    ])
    const store = await openSqliteStore(path, { readOnly: true })
    expect(await store.check()).toEqual([])
    await store.close()
  })

  it('lists each kind of problem exactly once and leaves the file byte-identical', async () => {
    const path = await seededStore([
      ...healthyAction(1),
      // 2: patch that is not EDN
      ...healthyAction(2, '"Count Zero"', '{:assoc {:genre "Cyberpunk"'),
      // 3: EDN not printed as Clojure prints it (no comma between entries)
      ...healthyAction(3, '"Idoru"', '{:assoc {:genre "SciFi" :year 1996}}'),
      // 4: an id of the wrong type
      ...healthyAction(4, ':idoru'),
      // 5: a patch the library's spec rejects
      ...healthyAction(5, '"Virtual Light"', '{:a 1}'),
      // 6: neither action nor effect
      `INSERT INTO events VALUES (6, 1764338400, ':bookstore')`,
      // 7: both action and effect
      ...healthyAction(7, '"Zero History"'),
      `INSERT INTO effects VALUES (7, ':key-expired', ':key', '1')`,
      // 8: effect whose trigger no action carries
      `INSERT INTO events VALUES (8, 1764338400, ':keystore')`,
      `INSERT INTO effects VALUES (8, ':key-expired', ':key', '99')`,
      // 10 (gap at 9): trigger attached to an effect
      `INSERT INTO events VALUES (10, 1764338400, ':keystore')`,
      `INSERT INTO effects VALUES (10, ':key-expired', ':key', '1')`,
      `INSERT INTO triggers VALUES (':key', '1', 1)`,
      `INSERT INTO triggers VALUES (':key', '2', 10)`,
      // orphans: action, effect and trigger rows without events
      `INSERT INTO actions VALUES (20, ':create', ':user', '"alice"', ':book', '"x"', '{:assoc {:a 1}}')`,
      `INSERT INTO effects VALUES (21, ':key-expired', ':key', '1')`,
      `INSERT INTO triggers VALUES (':key', '3', 22)`
    ])
    const before = hash(path)
    const store = await openSqliteStore(path, { readOnly: true })
    const progress: [number, number][] = []
    const problems = await store.check((done, total) => progress.push([done, total]))
    await store.close()
    expect(hash(path)).toBe(before)

    const byCode = (code: string) => problems.filter((p) => p.code === code)
    for (const code of [
      'invalid-edn', 'not-canonical', 'invalid-patch', 'event-without-body', 'event-with-both', 'effect-trigger-unused',
      'trigger-without-action', 'orphan-action', 'orphan-effect', 'orphan-trigger', 'seq-no-gap'
    ]) {
      expect(byCode(code), code).toHaveLength(1)
    }
    expect(byCode('invalid-edn')[0]).toMatchObject({ seqNo: 2, table: 'actions', column: 'patch', severity: 'error' })
    expect(byCode('not-canonical')[0].message).toContain('Clojure prints {:assoc {:genre "SciFi", :year 1996}}')
    expect(byCode('invalid-value').map((p) => [p.seqNo, p.column])).toEqual([[4, 'aggregate_id']])
    expect(byCode('invalid-patch')[0].seqNo).toBe(5)
    expect(byCode('seq-no-gap')[0]).toMatchObject({ seqNo: 10, severity: 'notice', message: 'Seq-no 9 is missing (the library allows gaps).' })
    expect(byCode('effect-trigger-unused')[0].seqNo).toBe(8)
    expect(byCode('orphan-trigger')[0].seqNo).toBe(22)
    expect(progress.at(-1)).toEqual([9, 9])
  })

  it('refuses to open a store whose tables have other columns, leaving it unchanged', async () => {
    const path = await seededStore(['ALTER TABLE actions ADD COLUMN note TEXT'])
    const before = hash(path)
    await expect(openSqliteStore(path, { readOnly: true })).rejects.toMatchObject({
      code: 'wrong-columns',
      message: expect.stringContaining('has other columns note')
    })
    expect(hash(path)).toBe(before)
  })
})
