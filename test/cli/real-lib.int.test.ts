/**
 * `coherence rebase` prints the result map byte for byte as the real library
 * returns it (the library run through /work/shared/real-lib/coherence, or the
 * CLI named by COHERENCE_REAL_LIB): events as given with :seq-no added after
 * their keys, :triggers as given, :theirs as the store holds it.
 */
import { existsSync, mkdtempSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli } from './run-cli'

const REAL = process.env.COHERENCE_REAL_LIB ?? '/work/shared/real-lib/coherence'

function real(args: readonly string[], stdin = ''): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(REAL, args, { input: stdin, encoding: 'utf8', timeout: 120_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

const at = (s: number): string => `#inst "2026-11-28T14:00:0${s}Z"`
const BATCH = `[
 {:timestamp ${at(0)}, :source :bookstore, :action {:reason :create, :actor [:user "alice"], :aggregate [:book "Neuromancer"], :patch {:assoc {:author "William Gibson"}}}, :triggers [[:k 2] [:k 1]]}
 {:source :keystore :timestamp ${at(1)} :effect {:trigger [:k 1] :reason :expired}}
 {:timestamp ${at(2)}, :source :bookstore, :action {:reason :create, :actor [:user "bob"], :aggregate [:book "X"], :patch {:assoc {:a 1}}, :note "extra"}, :triggers #{[:k 3] [:k 4]} :extra 1}
 {:timestamp ${at(3)}, :source :s, :action {:reason :r, :actor [:u 1], :aggregate [:book "Y"], :patch {:dissoc [:a]}}, :a 1, :b 2, :c 3, :d 4}
 {:timestamp ${at(4)}, :source :s, :action {:reason :r, :actor [:u 1], :aggregate [:book "Z"], :patch {:dissoc [:a]}}, :a 1, :b 2, :c 3}
]`
const CONFLICTING = `[{:timestamp ${at(5)}, :source :s, :action {:reason :r, :actor [:u 2], :aggregate [:book "W"], :patch {:assoc {:w 1}}}}
 {:timestamp ${at(6)}, :source :s, :action {:reason :update, :actor [:u 2], :aggregate [:book "Neuromancer"], :patch {:assoc {:a 2}}}, :triggers [[:k 9]]}]`

describe.skipIf(!existsSync(REAL))('rebase output against the real library', () => {
  it('prints :ok and :conflict results byte for byte as the library does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'coherence-real-'))
    const theirs = join(dir, 'real.db')
    const ours = join(dir, 'ours.db')
    expect(real(['init', theirs]).code).toBe(0)
    expect(cli(['init', ours]).code).toBe(0)
    const cases: [string, string][] = [['1', BATCH], ['1', CONFLICTING], ['6', CONFLICTING.replace(':book "Neuromancer"', ':book "V"')]]
    for (const [base, input] of cases) {
      const expected = real(['rebase', theirs, '--base', base], input)
      const actual = cli(['rebase', ours, '--base', base], input)
      expect(actual.stdout).toBe(expected.stdout)
      expect(actual.code).toBe(expected.code)
    }
    expect(cli(['read', ours]).stdout).toBe(real(['read', theirs]).stdout)
  }, 300_000)
})
