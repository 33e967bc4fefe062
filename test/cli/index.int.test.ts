/**
 * `coherence index FILE|URL`: the one index this tool adds beyond the
 * library's schema (the trigger table on seq_no), only when asked. It says
 * what it did in one sentence, changes nothing the second time, refuses
 * read-only files, roles that may not create it and unreachable servers with
 * one line and nothing changed; `init` and writes never add it; `check` names
 * the command on a large trigger table without it. The real library (the
 * oracle) appends to and reads an indexed store exactly as it does its own.
 */
import { chmodSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { beforeEach, describe, expect, it } from 'vitest'
import { adminQuery, createDatabase, postgresUrl } from '../helpers/postgres'
import { describePostgres } from '../helpers/postgres-suite'
import { cli, fileHash, type CliRun } from './run-cli'
import { REBASES, items, missingOracle, on, ours, real, rebaseArgs } from './real-lib-cases'

const BOOK = '[{:timestamp #inst "2026-11-28T14:00:00Z", :source :bookstore, :action {:reason :create, :actor [:user "alice"], :aggregate [:book "Neuromancer"], :patch {:assoc {:a 1}}}, :triggers [[:k 1]]}]'

/** Exit 1 with one line on stderr and nothing on stdout. */
function expectRefusal(r: CliRun, pattern: RegExp): void {
  expect(r.code).toBe(1)
  expect(r.stdout).toBe('')
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1)
  expect(r.stderr).toMatch(pattern)
}

/** Indexes of the trigger table in a file: name and columns. */
function fileIndexes(path: string, table = 'triggers'): string[] {
  const db = new Database(path, { readonly: true })
  try {
    const names = (db.prepare('SELECT name FROM pragma_index_list(?) ORDER BY name').all(table) as { name: string }[]).map((r) => r.name)
    return names.map((name) => `${name}(${(db.prepare('SELECT name FROM pragma_index_info(?)').all(name) as { name: string }[]).map((c) => c.name).join(',')})`)
  } finally {
    db.close()
  }
}

/** Trigger rows the large-table cases give one action: more than the check's threshold (100 000). */
const MANY_TRIGGERS = 100_001

const missing = missingOracle()
if (missing !== null && process.env.CI) throw new Error(`CI must run the real-library oracle tests, but ${missing}.`)
if (missing !== null) console.warn(`Skipped the real-library oracle on indexed stores: ${missing}.`)

/** The oracle's reads compared on the indexed store (each costs the library 1–2 s). */
const ORACLE_READS: string[][] = [['read'], ['read', '--offset', '5'], ['seq-no'], ['conflicts', '--offset', '1', '--aggregate', '[:book "Neuromancer"]']]

/**
 * The library runs every case of `REBASES` on a plain store and on an indexed
 * one with the same results; then it and our CLI read the indexed store as
 * the library reads the plain one.
 */
function oracleRoundTrip(plain: string, indexed: string): void {
  expect(real(['init', plain]).code).toBe(0)
  expect(real(['init', indexed]).code).toBe(0)
  expect(cli(['index', indexed]).code).toBe(0)
  // The library's own init on an indexed store keeps working (it re-runs its IF NOT EXISTS DDL).
  expect(real(['init', indexed]).code).toBe(0)
  for (const r of REBASES) {
    const expected = on(real, plain, rebaseArgs(r), r.stdin)
    expect(expected.code, expected.stderr).not.toBe(1)
    expect(on(real, indexed, rebaseArgs(r), r.stdin)).toEqual(expected)
  }
  for (const args of ORACLE_READS) {
    const expected = on(real, plain, args)
    expect(expected.code, expected.stderr).toBe(0)
    const compare = (printed: string): string => (args[0] === 'conflicts' ? items(printed) : printed)
    expect(compare(on(real, indexed, args).stdout)).toBe(compare(expected.stdout))
    expect(compare(on(ours, indexed, args).stdout)).toBe(compare(expected.stdout))
  }
}

describe('coherence index on an SQLite file', () => {
  let dir: string
  let store: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'coherence-index-'))
    store = join(dir, 'shop.db')
  })

  it('adds the index in one sentence, and the second time changes nothing and says so', () => {
    expect(cli(['init', store]).code).toBe(0)
    expect(cli(['rebase', store, '--base', '1'], BOOK).code).toBe(0)
    expect(fileIndexes(store)).toEqual(['sqlite_autoindex_triggers_1(trigger_kind,trigger_id,seq_no)'])
    const first = cli(['index', store])
    expect(first).toEqual({ code: 0, stderr: '', stdout: `Created the index "triggers_seq_no_idx" on "triggers" ("seq_no") in ${store}; conflict checks now find an action's triggers through it.\n` })
    expect(fileIndexes(store)).toEqual(['sqlite_autoindex_triggers_1(trigger_kind,trigger_id,seq_no)', 'triggers_seq_no_idx(seq_no)'])
    const before = fileHash(store)
    expect(cli(['index', store])).toEqual({ code: 0, stderr: '', stdout: `"triggers" in ${store} already has an index on "seq_no" ("triggers_seq_no_idx"); nothing changed.\n` })
    expect(fileHash(store)).toBe(before)
    expect(cli(['read', store]).stdout).toMatch(/^\[\{:seq-no 1, .*:triggers #\{\[:k 1\]\}\}\]\n$/)
  })

  it('is never added by init or by writes, and follows --tables', () => {
    const tables = 'event=ev,action=ac,effect=ef,trigger=tr'
    expect(cli(['init', store, '--tables', tables]).code).toBe(0)
    expect(cli(['rebase', store, '--base', '1', '--tables', tables], BOOK).code).toBe(0)
    expect(fileIndexes(store, 'tr')).toEqual(['sqlite_autoindex_tr_1(trigger_kind,trigger_id,seq_no)'])
    expect(cli(['index', store, '--tables', tables]).stdout).toMatch(/^Created the index "tr_seq_no_idx" on "tr" \("seq_no"\)/)
    expect(fileIndexes(store, 'tr')).toContain('tr_seq_no_idx(seq_no)')
  })

  it('refuses a read-only file, a missing file, a file that is not a store and unknown options, changing nothing', () => {
    expect(cli(['init', store]).code).toBe(0)
    chmodSync(store, 0o444)
    const before = fileHash(store)
    expectRefusal(cli(['index', store]), /is read-only/)
    expect(fileHash(store)).toBe(before)
    const absent = join(dir, 'absent.db')
    expectRefusal(cli(['index', absent]), /does not exist/)
    expect(existsSync(absent)).toBe(false)
    const text = join(dir, 'notes.db')
    writeFileSync(text, 'not a database at all, just some text that is long enough to look like a file')
    const textBefore = fileHash(text)
    expect(cli(['index', text]).code).toBe(1)
    expect(fileHash(text)).toBe(textBefore)
    // Usage errors add the usual hint to --help.
    expect(cli(['index', store, '--force'])).toMatchObject({ code: 1, stdout: '', stderr: `coherence: Unknown option '--force'.\nRun "coherence index --help" for usage.\n` })
    expect(cli(['index'])).toMatchObject({ code: 1, stdout: '', stderr: expect.stringMatching(/^coherence: FILE is missing\./) as unknown })
    expect(fileHash(store)).toBe(before)
  })

  it('check notes a missing index on a large trigger table with the command to run, and stops once it is added', () => {
    expect(cli(['init', store]).code).toBe(0)
    expect(cli(['rebase', store, '--base', '1'], BOOK).code).toBe(0)
    const db = new Database(store)
    db.prepare(
      `INSERT INTO "triggers" WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n WHERE i < ${MANY_TRIGGERS}) SELECT ':k', CAST(i AS TEXT), 1 FROM n`
    ).run()
    db.close()
    const before = cli(['check', store])
    expect(before).toEqual({
      code: 0,
      stderr: '',
      stdout:
        `notice: Table "triggers" has ${MANY_TRIGGERS.toLocaleString('en-US')} rows and no index on seq_no, so every conflict check that finds a conflict scans it; add one with: coherence index ${store}\n` +
        `${store}: healthy (1 notice).\n`
    })
    expect(cli(['index', store]).code).toBe(0)
    expect(cli(['check', store])).toEqual({ code: 0, stderr: '', stdout: `${store}: healthy.\n` })
  })

  it.skipIf(missing !== null)('the real library appends to and reads an indexed store as it does its own, and we read it the same', () => {
    oracleRoundTrip(join(dir, 'plain.db'), store)
    expect(fileIndexes(store)).toContain('triggers_seq_no_idx(seq_no)')
  }, 600_000)
})

describePostgres('coherence index on PostgreSQL', (server) => {
  /** The trigger table's indexes and their definitions. */
  const indexes = async (db: string): Promise<string[]> =>
    (await adminQuery(server, `SELECT indexdef FROM pg_indexes WHERE tablename = 'triggers' ORDER BY indexname`, db)).rows.map((r: { indexdef: string }) => r.indexdef)

  /** A role that may log in, with `grants` on the store's tables. */
  async function role(db: string, name: string, grants: string): Promise<string> {
    const user = `${name}_${process.pid}`
    await adminQuery(server, `DROP ROLE IF EXISTS ${user}; CREATE ROLE ${user} LOGIN PASSWORD 'pw-${name}'`)
    await adminQuery(server, `GRANT ${grants} ON ALL TABLES IN SCHEMA public TO ${user}`, db)
    return postgresUrl(server, db, { user, password: `pw-${name}` })
  }

  it('adds the index in one sentence (password masked), and the second time changes nothing and says so', async () => {
    const db = await createDatabase(server, 'index_add')
    const url = postgresUrl(server, db)
    expect(cli(['init', url]).code).toBe(0)
    expect(cli(['rebase', url, '--base', '1'], BOOK).code).toBe(0)
    expect(await indexes(db)).toEqual(['CREATE UNIQUE INDEX triggers_pkey ON public.triggers USING btree (trigger_kind, trigger_id, seq_no)'])
    const first = cli(['index', url])
    expect(first.code).toBe(0)
    expect(first.stdout).toMatch(/^Created the index "triggers_seq_no_idx" on "triggers" \("seq_no"\) in postgresql:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/index_add\w*; conflict checks now find an action's triggers through it\.\n$/)
    expect(first.stdout + first.stderr).not.toContain(server.password)
    expect(await indexes(db)).toContain('CREATE INDEX triggers_seq_no_idx ON public.triggers USING btree (seq_no)')
    const second = cli(['index', url])
    expect(second.code).toBe(0)
    expect(second.stdout).toMatch(/^"triggers" in postgresql:\/\/postgres:\*\*\*@.* already has an index on "seq_no" \("triggers_seq_no_idx"\); nothing changed\.\n$/)
    expect(await indexes(db)).toHaveLength(2)
  })

  it('refuses a SELECT-only role, a role that may write but not own the table, an unreachable server and a missing table, changing nothing', async () => {
    const db = await createDatabase(server, 'index_refused')
    const url = postgresUrl(server, db)
    expect(cli(['init', url]).code).toBe(0)
    const reader = await role(db, 'index_reader', 'SELECT')
    expectRefusal(cli(['index', reader]), /may not write to the store/)
    const writer = await role(db, 'index_writer', 'SELECT, INSERT')
    expectRefusal(cli(['index', writer]), /may not create an index on "triggers" .*only the table's owner may\); nothing changed/)
    expect(cli(['index', writer]).stderr).not.toContain('pw-index_writer')
    expect(await indexes(db)).toHaveLength(1)
    const closed = postgresUrl({ ...server, port: 1 }, db)
    expectRefusal(cli(['index', closed]), /cannot be reached/)
    const empty = postgresUrl(server, await createDatabase(server, 'index_empty'))
    expect(cli(['index', empty]).code).toBe(1)
  })

  it('check notes a missing index on a large trigger table with the command to run (no password), and stops once it is added', async () => {
    const db = await createDatabase(server, 'index_check')
    const url = postgresUrl(server, db)
    expect(cli(['init', url]).code).toBe(0)
    expect(cli(['rebase', url, '--base', '1'], BOOK).code).toBe(0)
    await adminQuery(server, `INSERT INTO "triggers" SELECT ':k', i::text, 1 FROM generate_series(2, ${MANY_TRIGGERS}) AS i`, db)
    const shownUrl = url.replace(`:${server.password}@`, '@')
    const before = cli(['check', url])
    expect(before.code).toBe(0)
    expect(before.stdout).toContain(`notice: Table "triggers" has ${MANY_TRIGGERS.toLocaleString('en-US')} rows and no index on seq_no, so every conflict check that finds a conflict scans it; add one with: coherence index ${shownUrl}\n`)
    expect(before.stdout).toMatch(/: healthy \(1 notice\)\.\n$/)
    expect(before.stdout).not.toContain(server.password)
    expect(cli(['index', url]).code).toBe(0)
    const after = cli(['check', url])
    expect(after.code).toBe(0)
    expect(after.stdout).toMatch(/^postgresql:\/\/\S+: healthy\.\n$/)
  })

  it.skipIf(missing !== null)('the real library appends to and reads an indexed database as it does its own, and we read it the same', async () => {
    const plain = postgresUrl(server, await createDatabase(server, 'index_oracle_plain'))
    const db = await createDatabase(server, 'index_oracle')
    oracleRoundTrip(plain, postgresUrl(server, db))
    expect(await indexes(db)).toContain('CREATE INDEX triggers_seq_no_idx ON public.triggers USING btree (seq_no)')
  }, 600_000)
})
