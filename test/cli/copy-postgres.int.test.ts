/**
 * `coherence copy` between a file and a real PostgreSQL server: file →
 * PostgreSQL → file gives byte-identical cells (and storage classes) and the
 * same `coherence read`; a copy into a database that already holds rows, or
 * one that fails half-way, leaves the database without a trace of it.
 */
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { describePostgres } from '../helpers/postgres-suite'
import { adminQuery, createDatabase, postgresUrl } from '../helpers/postgres'
import { appendEvents, makeWalkthroughStore, tempDir } from '../helpers/stores'
import { cli } from './run-cli'
import { cellDump } from '../helpers/cell-dump'

const T = '#inst "2026-11-28T14:00:00.000-00:00"'

let dir: ReturnType<typeof tempDir>
beforeEach(() => {
  dir = tempDir('copy-pg')
})
afterEach(() => dir.remove())

describePostgres('coherence copy with PostgreSQL', (server) => {
  it('file → PostgreSQL → file: byte-identical cells, the same read', async () => {
    const from = await makeWalkthroughStore(dir.path)
    await appendEvents(from, [
      `{:timestamp ${T}, :source :studio, :action {:reason :pay, :actor [:user "zoë"], :aggregate [:receipt 3], :patch {:assoc {:total 5.5M, :note "ünïcödé ✓ \\"q\\""}}}, :triggers #{[:encryption-key 3] [:order 9]}}`,
      `{:timestamp ${T}, :source :studio, :effect {:reason :expired, :trigger [:order 9]}}`
    ])
    const url = postgresUrl(server, await createDatabase(server, 'copy'))
    const there = cli(['copy', from, url])
    expect(there.stderr).toBe('')
    expect(there.code).toBe(0)
    expect(cli(['seq-no', url]).stdout).toBe('9\n')
    const back = join(dir.path, 'back.db')
    const again = cli(['copy', url, back])
    expect(again.stderr).toBe('')
    expect(again.code).toBe(0)
    expect(cellDump(back)).toEqual(cellDump(from))
    expect(cli(['read', back]).stdout).toBe(cli(['read', from]).stdout)
    expect(cli(['check', back]).code).toBe(0)
  }, 120_000)

  it('refuses a database whose store holds rows, and leaves no tables when a copy fails', async () => {
    const from = await makeWalkthroughStore(dir.path)
    const url = postgresUrl(server, await createDatabase(server, 'copy_refuse'))
    expect(cli(['copy', from, url]).code).toBe(0)
    const refused = cli(['copy', from, url])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/^coherence: .* is not empty \(\w+ holds rows\), so it was left unchanged; a copy goes only into an empty store\.\n$/)
    expect(cli(['seq-no', url]).stdout).toBe('7\n')

    // A cell PostgreSQL cannot hold (bytes that are not UTF-8) stops the copy: the new tables go with it.
    const db = new Database(from)
    db.prepare('UPDATE actions SET patch = ? WHERE seq_no = 2').run(Buffer.from([0xff, 0xfe]))
    db.close()
    const empty = await createDatabase(server, 'copy_fail')
    const failed = cli(['copy', from, postgresUrl(server, empty)])
    expect(failed.code).toBe(1)
    expect(failed.stderr).toMatch(/^coherence: The action row of seq-no 2 holds bytes that are not UTF-8.*Nothing was written\.\n$/)
    const tables = await adminQuery(server, "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'", empty)
    expect(tables.rows[0].n).toBe(0)
  }, 120_000)
})
