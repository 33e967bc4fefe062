/**
 * The real library as the oracle on PostgreSQL (/work/shared/real-lib, or the
 * CLI named by COHERENCE_REAL_LIB): the library writes a database and our CLI
 * reads it byte for byte as the library does, and the other way round; the
 * same rebases give the same results and leave the same cells; `seq-no` and
 * `conflicts` agree. In CI (`CI` set) these never skip; elsewhere they skip,
 * saying so, when java or the library is missing.
 */
import { describe, expect, it } from 'vitest'
import { batchText } from '../../bench/generate'
import { adminQuery, createDatabase, postgresUrl } from '../helpers/postgres'
import { describePostgres } from '../helpers/postgres-suite'
import { missingOracle, real } from '../helpers/real-lib'
import { cli, type CliRun } from './run-cli'

const at = (s: number): string => `#inst "2026-11-28T14:00:${String(s).padStart(2, '0')}Z"`
const action = (s: number, aggregate: string, patch: string, extra = ''): string =>
  `{:timestamp ${at(s)}, :source :bookstore, :action {:reason :create, :actor [:user "alice"], :aggregate ${aggregate}, :patch ${patch}}${extra}}`
const effect = (s: number, trigger: string): string => `{:timestamp ${at(s)}, :source :keystore, :effect {:reason :key-expired, :trigger ${trigger}}}`

/** Rebases (base, resolved, stdin) both writers run in turn: ok, conflicts, stale and future bases, dry, replay. */
const REBASES: { base: number; resolved?: string; dry?: boolean; stdin: string }[] = [
  {
    base: 1,
    stdin: `[${action(0, '[:book "Neuromancer"]', '{:assoc {:author "William Gibson", :tags #{:a :b :c}}}', ', :triggers [[:k 2] [:k 1]]')}
      ${effect(1, '[:k 9]')}
      ${action(2, '[:shop/order #uuid "6f1c5c8e-0d7b-4a55-9a7e-8d6d1f2f3a4b"]', '{:assoc {:lines [1 2.5 3N 4M]}, :dissoc [:draft]}', ', :triggers #{[:k 3] [:acme.keys/rotation "ö😀"]}')}
      ${action(3, '[:user "ünïcødé"]', '{:assoc {:name "x\\"y\\\\z\\n", [:deep :path] true}}')}]`
  },
  { base: 1, stdin: `[${action(4, '[:book "W"]', '{:assoc {:w 1}}')} ${action(5, '[:book "Neuromancer"]', '{:assoc {:a 2}}', ', :triggers [[:k 9]]')}]` },
  { base: 1, resolved: '1', stdin: `[${action(6, '[:book "Neuromancer"]', '{:assoc {:a 3}}', ', :triggers [[:k 1]]')}]` },
  { base: 3, dry: true, stdin: `[${action(7, '[:user "ünïcødé"]', '{:assoc {:n 1}}')}]` },
  { base: 99, stdin: `[${action(8, '[:book "Idoru"]', '{:assoc {:n 1}}')}]` },
  { base: 6, stdin: `[${effect(9, '[:k 1]')} ${effect(10, '[:acme.keys/rotation "ö😀"]')}]` },
  { base: 8, stdin: batchText(250) }
]

/** The reads both sides answer: read with offsets and filters, seq-no, conflicts. */
const READS: string[][] = [
  ['read'],
  ['read', '--offset', '5'],
  ['read', '--offset', '7'],
  ['read', '--offset', '100', '--aggregates', '[[:book "Neuromancer"] [:book 3]]'],
  ['read', '--offset', '200', '--kinds', '[:shop.billing/invoice :user]'],
  ['seq-no'],
  ['conflicts', '--offset', '1', '--aggregate', '[:book "Neuromancer"]'],
  ['conflicts', '--offset', '2', '--aggregate', '[:shop/order #uuid "6f1c5c8e-0d7b-4a55-9a7e-8d6d1f2f3a4b"]'],
  ['conflicts', '--offset', '1', '--aggregate', '[:nothing 1]']
]

type Runner = (args: readonly string[], stdin?: string) => CliRun
const ours: Runner = (args, stdin) => cli(args, stdin)

/** Run `[command, url, ...rest]`. */
const on = (run: Runner, url: string, [command, ...rest]: readonly string[], stdin?: string): CliRun => run([command, url, ...rest], stdin)

function rebaseArgs(r: (typeof REBASES)[number]): string[] {
  return ['rebase', '--base', String(r.base), ...(r.resolved ? ['--resolved', r.resolved] : []), ...(r.dry ? ['--dry'] : [])]
}

/** The library prints `conflicts` as a list, our CLI as a vector (pr-str of a vector); the items must match byte for byte. */
const items = (printed: string): string => printed.trim().replace(/^[([]/, '').replace(/[)\]]$/, '')

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
