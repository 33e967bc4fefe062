/**
 * The cases the real library (the oracle) and our CLI both run: rebases with
 * conflicts, stale and future bases, dry runs and replay, then reads, seq-no
 * and conflicts. Shared by the oracle tests on PostgreSQL and on indexed stores.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { batchText } from '../../bench/generate'
import { cli, type CliRun } from './run-cli'

export const REAL = process.env.COHERENCE_REAL_LIB ?? '/work/shared/real-lib/coherence'

export function real(args: readonly string[], stdin = ''): CliRun {
  const r = spawnSync(REAL, args, { input: stdin, encoding: 'utf8', timeout: 180_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** Why the oracle cannot run here, or null when it can. */
export function missingOracle(): string | null {
  if (!existsSync(REAL)) return `the real library's CLI ${REAL} is missing (set COHERENCE_REAL_LIB)`
  if (spawnSync('java', ['-version'], { encoding: 'utf8' }).status !== 0) return 'java is not installed (apt-get install default-jre-headless clojure; see /work/shared/real-lib/README.md)'
  return null
}

const at = (s: number): string => `#inst "2026-11-28T14:00:${String(s).padStart(2, '0')}Z"`
const action = (s: number, aggregate: string, patch: string, extra = ''): string =>
  `{:timestamp ${at(s)}, :source :bookstore, :action {:reason :create, :actor [:user "alice"], :aggregate ${aggregate}, :patch ${patch}}${extra}}`
const effect = (s: number, trigger: string): string => `{:timestamp ${at(s)}, :source :keystore, :effect {:reason :key-expired, :trigger ${trigger}}}`

/** Rebases (base, resolved, stdin) both writers run in turn: ok, conflicts, stale and future bases, dry, replay. */
export const REBASES: { base: number; resolved?: string; dry?: boolean; stdin: string }[] = [
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
export const READS: string[][] = [
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

export type Runner = (args: readonly string[], stdin?: string) => CliRun
export const ours: Runner = (args, stdin) => cli(args, stdin)

/** Run `[command, url, ...rest]`. */
export const on = (run: Runner, url: string, [command, ...rest]: readonly string[], stdin?: string): CliRun => run([command, url, ...rest], stdin)

export function rebaseArgs(r: (typeof REBASES)[number]): string[] {
  return ['rebase', '--base', String(r.base), ...(r.resolved ? ['--resolved', r.resolved] : []), ...(r.dry ? ['--dry'] : [])]
}

/** The library prints `conflicts` as a list, our CLI as a vector (pr-str of a vector); the items must match byte for byte. */
export const items = (printed: string): string => printed.trim().replace(/^[([]/, '').replace(/[)\]]$/, '')
