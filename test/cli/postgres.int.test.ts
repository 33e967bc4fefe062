/**
 * The CLI on PostgreSQL URLs: the README walkthrough gives byte-identical
 * stdout on a URL and on an SQLite file; bad input (unreachable port, wrong
 * password, missing database or table, an over-long id counted in code
 * points, a timestamp in 2040) exits 1 with one line, never the password, and
 * leaves the database's rows as they were.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { adminQuery, createDatabase, postgresUrl, type PostgresServer } from '../helpers/postgres'
import { describePostgres } from '../helpers/postgres-suite'
import { cli, type CliRun } from './run-cli'

const event = (actor: string, aggregate: string, patch: string, extra = ''): string =>
  `{:timestamp #inst "2026-11-28T14:00:00.750-00:00", :source :bookstore, ` +
  `:action {:reason :create, :actor [:user "${actor}"], :aggregate ${aggregate}, :patch {:assoc ${patch}}}${extra}}`

/** The README walkthrough (docs/semantics.md#read-with-replay) as CLI steps after `init`. */
const WALKTHROUGH: { args: string[]; stdin?: string }[] = [
  { args: ['rebase', '--base', '1'], stdin: `[${event('alice', '[:book "Neuromancer"]', '{:author "William Gibson", :genre "SciFi"}')} ${event('alice', '[:book "Count Zero"]', '{:genre "Cyberpunk"}')}]` },
  { args: ['rebase', '--base', '1'], stdin: `[${event('bob', '[:book "Mona Lisa Overdrive"]', '{:genre "Cyberpunk"}')} ${event('bob', '[:book "Neuromancer"]', '{:genre "Cyberpunk"}')}]` },
  { args: ['rebase', '--base', '1', '--resolved', '1'], stdin: `[${event('bob', '[:book "Mona Lisa Overdrive"]', '{:genre "Cyberpunk"}')} ${event('bob', '[:book "Neuromancer"]', '{:genre "Cyberpunk"}')}]` },
  { args: ['rebase', '--base', '2'], stdin: `[${event('alice', '[:receipt 1]', '{:no "avd2dlg3g93fm1osu", :total 100}', ', :triggers #{[:encryption-key 1]}')} ${event('alice', '[:receipt 2]', '{:no "kepf62djsdk8fw21", :total 200}', ', :triggers #{[:encryption-key 2] [:shop "ö😀"]}')}]` },
  { args: ['rebase', '--base', '6'], stdin: '[{:timestamp #inst "2026-11-28T15:00:00Z", :source :keystore, :effect {:reason :key-expired, :trigger [:encryption-key 1]}}]' },
  { args: ['rebase', '--base', '3', '--dry'], stdin: `[${event('carol', '[:book "Count Zero"]', '{:genre "x"}')}]` },
  { args: ['rebase', '--base', '99'], stdin: `[${event('carol', '[:book "Idoru"]', '{:genre "x"}')}]` },
  { args: ['read', '--offset', '6'] },
  { args: ['read'] },
  { args: ['read', '--offset', '7', '--aggregates', '[[:receipt 1] [:book "Neuromancer"]]'] },
  { args: ['read', '--kinds', '[:receipt]'] },
  { args: ['seq-no'] },
  { args: ['conflicts', '--offset', '1', '--aggregate', '[:receipt 1]'] },
  { args: ['conflicts', '--offset', '2', '--aggregate', '[:book "Neuromancer"]'] }
]

/** Run the CLI on `location` (it goes right after the command). */
function on(location: string, step: { args: string[]; stdin?: string }): CliRun {
  const [command, ...rest] = step.args
  return cli([command, location, ...rest], step.stdin)
}

/** Every row of the four tables, ordered (to prove the database unchanged). */
async function dump(server: PostgresServer, db: string): Promise<string> {
  const parts: string[] = []
  for (const table of ['events', 'actions', 'effects', 'triggers']) {
    const exists = (await adminQuery(server, `SELECT to_regclass('public.${table}') IS NOT NULL AS ok`, db)).rows[0].ok
    parts.push(exists ? JSON.stringify((await adminQuery(server, `SELECT * FROM "${table}" ORDER BY 1, 2, 3`, db)).rows) : '-')
  }
  return parts.join('\n')
}

/** Exit 1 with exactly one line on stderr that never shows the password. */
function expectOneLineRefusal(r: CliRun, pattern: RegExp, password: string): void {
  expect(r.code).toBe(1)
  expect(r.stdout).toBe('')
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1)
  expect(r.stderr).toMatch(pattern)
  expect(r.stderr).not.toContain(password)
  expect(r.stderr).not.toMatch(/\n\s+at /)
}

describePostgres('coherence CLI on a PostgreSQL URL', (server) => {
  it('runs the README walkthrough with stdout byte-identical to the same on an SQLite file', async () => {
    const url = postgresUrl(server, await createDatabase(server, 'cli_walk'))
    const file = join(mkdtempSync(join(tmpdir(), 'coherence-cli-pg-')), 'shop.db')
    const initUrl = cli(['init', url])
    expect(initUrl).toMatchObject({ code: 0, stderr: '' })
    expect(initUrl.stdout).toBe(`Created the store ${url.replace(`:${server.password}@`, ':***@')} (tables events, actions, effects, triggers).\n`)
    expect(initUrl.stdout).not.toContain(server.password)
    expect(cli(['init', file]).code).toBe(0)
    const codes: number[] = []
    for (const step of WALKTHROUGH) {
      const viaFile = on(file, step)
      const viaUrl = on(url, step)
      expect({ step: step.args.join(' '), code: viaUrl.code, stdout: viaUrl.stdout, stderr: viaUrl.stderr })
        .toEqual({ step: step.args.join(' '), code: viaFile.code, stdout: viaFile.stdout, stderr: viaFile.stderr })
      codes.push(viaUrl.code ?? -1)
    }
    // The walkthrough's outcomes: ok, conflict, ok, ok, ok, dry ok, invalid-seq-no, then the reads.
    expect(codes).toEqual([0, 2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0])
    expect(on(url, { args: ['read', '--offset', '6'] }).stdout).toContain(':triggers #{[:encryption-key 1]}')
  })

  it('refuses an unreachable port, a wrong password, a missing database and a missing table in one line, database unchanged', async () => {
    const db = await createDatabase(server, 'cli_bad')
    const url = postgresUrl(server, db)
    expect(cli(['init', url]).code).toBe(0)
    expect(on(url, WALKTHROUGH[0]).code).toBe(0)
    const before = await dump(server, db)
    const password = server.password
    for (const command of [['seq-no'], ['read'], ['rebase', '--base', '3']]) {
      const stdin = command[0] === 'rebase' ? WALKTHROUGH[0].stdin : undefined
      const run = (location: string): CliRun => on(location, { args: command, stdin })
      expectOneLineRefusal(run(`postgresql://postgres:${password}@127.0.0.1:1/${db}`), /^coherence: The PostgreSQL server at 127\.0\.0\.1:1 cannot be reached/, password)
      expectOneLineRefusal(run(postgresUrl(server, db, { user: 'postgres', password: 'not-the-password' })), /refused the login of user "postgres".*postgres:\*\*\*@/, 'not-the-password')
      expectOneLineRefusal(run(postgresUrl(server, 'no_such_database')), /database "no_such_database" does not exist/, password)
      expectOneLineRefusal(run(`${url.slice(0, url.lastIndexOf('/'))}/postgres`), /has no coherence tables named events, actions, effects, triggers/, password)
      expectOneLineRefusal(on(url, { args: [...command, '--tables', 'event=events,action=actions,effect=effects,trigger=gone'], stdin }), /is missing the table "gone" \(trigger\)/, password)
    }
    expect(await dump(server, db)).toBe(before)
  })

  it('refuses values the columns cannot hold, naming the event and field; nothing is written', async () => {
    const db = await createDatabase(server, 'cli_limits')
    const url = postgresUrl(server, db)
    expect(cli(['init', url]).code).toBe(0)
    const emoji = (n: number): string => '😀'.repeat(n)
    // "😀"×48 printed with its quotes is 50 code points (98 UTF-16 units): it fits VARCHAR(50).
    expect(on(url, { args: ['rebase', '--base', '1'], stdin: `[${event('a', `[:book "${emoji(48)}"]`, '{:v 1}')}]` }).code).toBe(0)
    const before = await dump(server, db)
    const tooLong = on(url, { args: ['rebase', '--base', '2'], stdin: `[${event('a', '[:book 1]', '{:v 1}')} ${event('a', `[:book "${emoji(49)}"]`, '{:v 1}')}]` })
    expectOneLineRefusal(tooLong, /^coherence: Event 2: the aggregate_id cell is 51 characters long, but the column actions\.aggregate_id holds at most 50/, server.password)
    const late = on(url, { args: ['rebase', '--base', '2'], stdin: '[{:timestamp #inst "2040-01-01T00:00:00Z", :source :s, :effect {:reason :r, :trigger [:k 1]}}]' })
    expectOneLineRefusal(late, /^coherence: Event 1: the timestamp 2040-01-01T00:00:00Z does not fit the column events\.timestamp/, server.password)
    expect(await dump(server, db)).toBe(before)
    // The same batch on an SQLite file is written, with a notice: SQLite does not enforce the lengths.
    const file = join(mkdtempSync(join(tmpdir(), 'coherence-cli-pg-')), 'limits.db')
    expect(cli(['init', file]).code).toBe(0)
    const onFile = on(file, { args: ['rebase', '--base', '1'], stdin: `[${event('a', `[:book "${emoji(49)}"]`, '{:v 1}')}]` })
    expect(onFile.code).toBe(0)
    expect(onFile.stderr).toMatch(/notice: Event 1: the aggregate_id cell is 51 characters long/)
  })

  it('runs read, seq-no and conflicts for a role with SELECT only, and refuses its rebase in one line with nothing written', async () => {
    const db = await createDatabase(server, 'cli_reader')
    const url = postgresUrl(server, db)
    expect(cli(['init', url]).code).toBe(0)
    expect(on(url, WALKTHROUGH[0]).code).toBe(0)
    const role = `cli_reader_${process.pid}`
    await adminQuery(server, `DROP ROLE IF EXISTS ${role}; CREATE ROLE ${role} LOGIN PASSWORD 'pw-of-reader'`)
    await adminQuery(server, `GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${role}`, db)
    const readerUrl = postgresUrl(server, db, { user: role, password: 'pw-of-reader' })
    const before = await dump(server, db)
    for (const step of [{ args: ['read'] }, { args: ['seq-no'] }, { args: ['conflicts', '--offset', '1', '--aggregate', '[:book "Neuromancer"]'] }]) {
      expect(on(readerUrl, step)).toEqual(on(url, step))
    }
    expectOneLineRefusal(on(readerUrl, { args: ['rebase', '--base', '3'], stdin: WALKTHROUGH[0].stdin }), /may not write to the store in postgresql:\/\/cli_reader_\d+:\*\*\*@/, 'pw-of-reader')
    expect(await dump(server, db)).toBe(before)
  })

  describe('check', () => {
    it('masks the password in what it prints', async () => {
      const url = postgresUrl(server, await createDatabase(server, 'cli_check'))
      expect(cli(['init', url]).code).toBe(0)
      const r = cli(['check', url])
      expect(r.stdout + r.stderr).not.toContain(server.password)
      expect((r.stdout + r.stderr).trimEnd().split('\n').length).toBeGreaterThan(0)
    })
  })
})
