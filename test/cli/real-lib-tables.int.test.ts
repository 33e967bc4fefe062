/**
 * `--tables` names with dashes, against the real library (the oracle,
 * /work/shared/real-lib or COHERENCE_REAL_LIB): HoneySQL turns `-` into `_`
 * in table keywords, so one `--tables` string must name the same tables in
 * both tools — the library writes with dashed names and ours reads with the
 * same string, and the other way round, on SQLite and PostgreSQL. Names that
 * really hold other characters (or a dash, found in a store) still work.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { createStore, detectStoreTables, openStore } from '../../src/main/store/open-store'
import { adminQuery, createDatabase, postgresUrl } from '../helpers/postgres'
import { describePostgres } from '../helpers/postgres-suite'
import { bookEdn } from '../helpers/stores'
import { cli, type CliRun } from './run-cli'

const REAL = process.env.COHERENCE_REAL_LIB ?? '/work/shared/real-lib/coherence'
const hasOracle = existsSync(REAL) && spawnSync('java', ['-version']).status === 0

function real(args: readonly string[], stdin = ''): CliRun {
  const r = spawnSync(REAL, args, { input: stdin, encoding: 'utf8', timeout: 180_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

const DASHED = 'event=my-events,action=my-actions,effect=my--effects,trigger=trig-gers-'
const SNAKE = ['my_events', 'my_actions', 'my__effects', 'trig_gers_']
const BATCH = `[${bookEdn('Neuromancer')} ${bookEdn('Count Zero', 'bob')}]`
const MORE = `[${bookEdn('Idoru', 'carol')}]`

const tmp = (): string => mkdtempSync(join(tmpdir(), 'coherence-dashed-'))

function sqliteTables(file: string): string[] {
  const db = new Database(file, { readonly: true })
  try {
    return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name)
  } finally {
    db.close()
  }
}

/** Writer `a` inits and appends with the dashed names; both read with them; then the other writer appends and both read again. */
function roundTrip(where: string, first: (args: string[], stdin?: string) => CliRun, second: (args: string[], stdin?: string) => CliRun): void {
  const t = ['--tables', DASHED]
  expect(first(['init', where, ...t]).code).toBe(0)
  expect(first(['rebase', where, '--base', '1', ...t], BATCH).code).toBe(0)
  const read = first(['read', where, ...t])
  expect(read.code).toBe(0)
  expect(second(['read', where, ...t])).toMatchObject({ code: 0, stdout: read.stdout })
  expect(second(['rebase', where, '--base', '3', ...t], MORE).code).toBe(0)
  const after = second(['read', where, ...t])
  expect(after.stdout).toContain('Idoru')
  expect(first(['read', where, ...t])).toMatchObject({ code: 0, stdout: after.stdout })
  expect(second(['seq-no', where, ...t]).stdout.trim()).toBe('3')
}

describe('--tables names with dashes', () => {
  it('become underscores in our CLI, so the tables are the library\'s names', () => {
    const file = join(tmp(), 'ours.db')
    expect(cli(['init', file, '--tables', DASHED]).code).toBe(0)
    expect(sqliteTables(file)).toEqual([...SNAKE].sort())
    // The underscored names reach the same store.
    expect(cli(['seq-no', file, '--tables', SNAKE.map((n, i) => `${['event', 'action', 'effect', 'trigger'][i]}=${n}`).join(',')]).stdout).toBe('0\n')
    expect(cli(['init', file, '--help']).stdout).toContain('a dash becomes an underscore, as in the library')
  })

  it('leave other characters alone: a store whose tables hold capitals, $ or a dash found in the file still opens', async () => {
    const dir = tmp()
    const file = join(dir, 'other.db')
    expect(cli(['init', file, '--tables', 'event=Ev$1,action=Act,effect=eff_x,trigger=T$']).code).toBe(0)
    expect(sqliteTables(file)).toEqual(['Act', 'Ev$1', 'T$', 'eff_x'])
    expect(cli(['rebase', file, '--base', '1', '--tables', 'event=Ev$1,action=Act,effect=eff_x,trigger=T$'], BATCH).code).toBe(0)
    // A table really named with a dash (made by some other tool): the app finds it and opens it by its own name.
    const literal = join(dir, 'literal.db')
    const tables = { event: 'my-events', action: 'my-actions', effect: 'my-effects', trigger: 'my-triggers' }
    await (await createStore({ kind: 'sqlite', path: literal }, { tables })).close()
    const found = await detectStoreTables({ kind: 'sqlite', path: literal })
    expect(found).toEqual([tables])
    const store = await openStore({ kind: 'sqlite', path: literal }, { tables: found[0], readOnly: true })
    expect(await store.currentSeqNo()).toBe(0)
    await store.close()
  })
})

describe.skipIf(!hasOracle)('--tables names with dashes against the real library (SQLite)', () => {
  it('the library writes, ours reads with the same string; ours writes, the library reads', () => {
    const dir = tmp()
    roundTrip(join(dir, 'theirs.db'), real, cli)
    expect(sqliteTables(join(dir, 'theirs.db'))).toEqual([...SNAKE].sort())
    roundTrip(join(dir, 'ours.db'), cli, real)
    expect(sqliteTables(join(dir, 'ours.db'))).toEqual([...SNAKE].sort())
  }, 300_000)
})

describePostgres('--tables names with dashes against the real library (PostgreSQL)', (server) => {
  it.skipIf(!hasOracle)('the library writes, ours reads with the same string; ours writes, the library reads', async () => {
    for (const [first, second] of [[real, cli], [cli, real]] as const) {
      const database = await createDatabase(server, 'dashed')
      roundTrip(postgresUrl(server, database), first, second)
      const { rows } = await adminQuery(server, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ", database)
      expect(rows.map((r: { table_name: string }) => r.table_name).sort()).toEqual([...SNAKE].sort())
    }
  }, 300_000)
})
