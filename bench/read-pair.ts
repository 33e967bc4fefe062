/**
 * read(1) through our store vs the raw SELECT of the same rows, timed in a
 * process of its own — as `coherence read` runs — so that neither side pays
 * for what earlier measurements left on the bench's heap (the SQLite half's
 * stores, Chromium harness and batches shift the garbage collector's work onto
 * whichever side allocates more). The parent (`readPairInChild`) starts this
 * file with the same Node flags (tsx's loader) and reads one JSON line.
 *
 *   tsx bench/read-pair.ts sqlite FILE
 *   tsx bench/read-pair.ts postgres URL
 */
import { spawnSync } from 'node:child_process'
import Database from 'better-sqlite3'
import pg from 'pg'
import { openStore } from '../src/main/store/open-store'
import { openSqliteStore } from '../src/main/store/sqlite'
import { buildQueries, POSTGRES_DIALECT } from '../src/main/store/sql/queries'
import { numbered } from '../src/main/store/sql/numbered'
import { replayPlan } from '../src/main/store/sql/replay'
import { DEFAULT_TABLES } from '../src/shared/domain'
import { alternating } from './timing'

/** What one read pair measured: medians in ms, and how many actions read(1) gave. */
export interface ReadPair {
  readonly ours: number
  readonly raw: number
  readonly count: number
}

/** The raw side: the replay plan's statement for offset 1, every row fetched as an array. */
async function rawSelect(kind: 'sqlite' | 'postgres', target: string): Promise<{ run: () => unknown; close: () => Promise<void> }> {
  const plan = replayPlan(buildQueries(DEFAULT_TABLES, kind === 'postgres' ? POSTGRES_DIALECT : undefined), 1)
  if (kind === 'sqlite') {
    const db = new Database(target, { readonly: true })
    const run = (): number => {
      let n = 0
      for (const _ of db.prepare(plan.current.sql).raw().iterate(...plan.current.params)) n++
      return n
    }
    return { run, close: async () => void db.close() }
  }
  const client = new pg.Client({ connectionString: target })
  await client.connect()
  return {
    run: () => client.query({ text: numbered(plan.current.sql), values: plan.current.params, rowMode: 'array' }),
    close: () => client.end()
  }
}

/** Time read(1) against the raw SELECT, alternately, 15 runs each after one untimed run of each. */
async function measure(kind: 'sqlite' | 'postgres', target: string): Promise<ReadPair> {
  const store = kind === 'sqlite' ? await openSqliteStore(target, { readOnly: true }) : await openStore({ kind: 'postgres', url: target }, { readOnly: true })
  const raw = await rawSelect(kind, target)
  let count = 0
  const readAll = async (): Promise<void> => {
    count = 0
    for await (const _ of store.read(1)) count++
  }
  // One untimed run of each side first: the first runs of a fresh process compile the code they
  // call, which would fall on whichever side runs first and on the side with more code.
  await readAll()
  await raw.run()
  const [ours, rawMs] = await alternating(15, readAll, raw.run)
  await raw.close()
  await store.close()
  return { ours, raw: rawMs, count }
}

/** Run the read pair in a fresh process (same Node flags as this one) and return what it measured. */
export function readPairInChild(kind: 'sqlite' | 'postgres', target: string): ReadPair {
  const child = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, kind, target], { encoding: 'utf8' })
  if (child.status !== 0) throw new Error(`the read pair for ${kind} failed: ${child.stderr.trim()}`)
  return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '') as ReadPair
}

if (process.argv[1] === import.meta.filename) {
  const [kind, target] = process.argv.slice(2)
  if ((kind !== 'sqlite' && kind !== 'postgres') || target === undefined) throw new Error('usage: read-pair.ts sqlite FILE | postgres URL')
  measure(kind, target).then((pair) => console.log(JSON.stringify(pair)), (e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e))
    process.exit(1)
  })
}
