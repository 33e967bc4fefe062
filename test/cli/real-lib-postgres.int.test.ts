/**
 * The real library as the oracle on PostgreSQL (/work/shared/real-lib, or the
 * CLI named by COHERENCE_REAL_LIB): the library writes a database and our CLI
 * reads it byte for byte as the library does, and the other way round; the
 * same rebases give the same results and leave the same cells; `seq-no` and
 * `conflicts` agree. In CI (`CI` set) these never skip; elsewhere they skip,
 * saying so, when java or the library is missing.
 */
import { describe, expect, it } from 'vitest'
import { adminQuery, createDatabase, postgresUrl } from '../helpers/postgres'
import { describePostgres } from '../helpers/postgres-suite'
import { READS, REBASES, items, missingOracle, on, ours, real, rebaseArgs } from './real-lib-cases'

/** Every stored cell of a database, as text, in a fixed order. */
async function cells(server: Parameters<typeof adminQuery>[0], database: string): Promise<unknown[]> {
  const orders: [string, string][] = [['events', 'seq_no'], ['actions', 'seq_no'], ['effects', 'seq_no'], ['triggers', 'seq_no, trigger_kind, trigger_id']]
  const all: unknown[] = []
  for (const [table, order] of orders) all.push((await adminQuery(server, `SELECT * FROM "${table}" ORDER BY ${order}`, database)).rows)
  return all
}

const missing = missingOracle()
if (missing !== null && process.env.CI) throw new Error(`CI must run the real-library oracle tests on PostgreSQL, but ${missing}.`)
if (missing !== null) console.warn(`Skipped the real-library oracle on PostgreSQL: ${missing}.`)

describePostgres('the real library and our CLI on one PostgreSQL server', (server) => {
  describe.skipIf(missing !== null)('as each other\'s oracle', () => {
    it('library writes, we read identically; we write, the library reads identically; same rebase results and cells', async () => {
      const libDb = await createDatabase(server, 'oracle_lib')
      const ourDb = await createDatabase(server, 'oracle_ours')
      const libUrl = postgresUrl(server, libDb)
      const ourUrl = postgresUrl(server, ourDb)
      expect(real(['init', libUrl])).toMatchObject({ code: 0 })
      expect(ours(['init', ourUrl]).code).toBe(0)

      for (const r of REBASES) {
        const theirs = on(real, libUrl, rebaseArgs(r), r.stdin)
        const mine = on(ours, ourUrl, rebaseArgs(r), r.stdin)
        expect(theirs.code, theirs.stderr).not.toBe(1)
        expect({ code: mine.code, stdout: mine.stdout }).toEqual({ code: theirs.code, stdout: theirs.stdout })
      }
      expect(await cells(server, ourDb)).toEqual(await cells(server, libDb))

      for (const args of READS) {
        const expected = on(real, libUrl, args)
        expect(expected.code, expected.stderr).toBe(0)
        const compare = (printed: string): string => (args[0] === 'conflicts' ? items(printed) : printed)
        // The library's store read by us, and our store read by the library.
        expect(compare(on(ours, libUrl, args).stdout)).toBe(compare(expected.stdout))
        // The cells are already equal, so the library re-reads our database only for the whole read, seq-no and one conflict list (each call costs it 1–2 s).
        if (args.length <= 1 || args[4] === '[:book "Neuromancer"]') expect(compare(on(real, ourUrl, args).stdout)).toBe(compare(expected.stdout))
      }
    }, 600_000)
  })
})
