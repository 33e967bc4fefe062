/**
 * A store seeded with one of each kind of integrity problem, written with raw
 * SQL (foreign keys off, so orphans can exist). Used by the check's
 * integration test and the Problems panel's e2e test.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { createStoreFile } from './store-files'

/** Create a store in a new temporary folder and run `rows` (SQL statements) on it; returns its path. */
export async function seededStore(rows: string[], dir = mkdtempSync(join(tmpdir(), 'coherence-check-'))): Promise<string> {
  const path = join(dir, 'store.db')
  await (await createStoreFile(path)).close()
  const db = new Database(path)
  // better-sqlite3 enforces foreign keys by default; orphans need them off.
  db.pragma('foreign_keys = OFF')
  for (const sql of rows) db.exec(sql)
  db.close()
  return path
}

/** A healthy action row pair for seq-no `n`. */
export const healthyAction = (n: number, id = '"Neuromancer"', patch = '{:assoc {:genre "SciFi"}}'): string[] => [
  `INSERT INTO events VALUES (${n}, 1764338400, ':bookstore')`,
  `INSERT INTO actions VALUES (${n}, ':create', ':user', '"alice"', ':book', '${id}', '${patch}')`
]

/** One of each kind of problem (see check.int.test.ts for what each row is). */
export const EVERY_PROBLEM: readonly string[] = [
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
]
