/**
 * The library README's walkthrough (the worked example in docs/semantics.md#read-with-replay), end to end on a
 * real file: through the store API, and through the CLI with its printed EDN.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { edn } from '../../../src/shared/edn-value'
import type { Identity, NewEvent } from '../../../src/shared/domain'
import { createStoreFile } from '../../helpers/store-files'
import { cli } from '../../cli/run-cli'

const T = Date.UTC(2026, 10, 28, 14)
const user = (name: string): Identity => ({ kind: edn.kw('user'), id: edn.str(name) })
const book = (title: string): Identity => ({ kind: edn.kw('book'), id: edn.str(title) })
const assoc = (...pairs: [string, string | number][]) =>
  edn.map([[edn.kw('assoc'), edn.map(pairs.map(([k, v]) => [edn.kw(k), typeof v === 'number' ? edn.int(v) : edn.str(v)] as const))]])
const act = (reason: string, actor: string, aggregate: Identity, patch: ReturnType<typeof assoc>, triggers: Identity[] = []): NewEvent => ({
  type: 'action', timestampMs: T, source: edn.kw('bookstore'),
  action: { reason: edn.kw(reason), actor: user(actor), aggregate, patch }, triggers
})
const key = (n: number): Identity => ({ kind: edn.kw('encryption-key'), id: edn.int(n) })
const receipt = (n: number): Identity => ({ kind: edn.kw('receipt'), id: edn.int(n) })

describe('README walkthrough', () => {
  it('through the store API', async () => {
    const store = await createStoreFile(join(mkdtempSync(join(tmpdir(), 'coherence-walk-')), 'test.db'))
    const alice = await store.rebase(1, [
      act('create', 'alice', book('Neuromancer'), assoc(['author', 'William Gibson'], ['genre', 'SciFi'])),
      act('create', 'alice', book('Count Zero'), assoc(['author', 'William Gibson'], ['genre', 'Cyberpunk']))
    ])
    expect(alice.result === 'ok' && alice.events.map((e) => e.seqNo)).toEqual([1, 2])

    const bobBatch = [
      act('create', 'bob', book('Mona Lisa Overdrive'), assoc(['author', 'William Gibson'], ['genre', 'Cyberpunk'])),
      act('create', 'bob', book('Neuromancer'), assoc(['author', 'William Gibson'], ['genre', 'Cyberpunk']))
    ]
    const bob = await store.rebase(1, bobBatch)
    expect(bob.result).toBe('conflict')
    if (bob.result !== 'conflict') throw new Error('expected a conflict')
    expect(bob.events.map((e) => e.seqNo)).toEqual([3])
    expect(bob.conflict.ours.seqNo).toBe(4)
    expect(bob.conflict.theirs).toMatchObject({ seqNo: 1, type: 'action', action: { actor: user('alice'), aggregate: book('Neuromancer') } })
    expect(await store.currentSeqNo()).toBe(2)

    const retry = await store.rebase(1, [bobBatch[0], act('update', 'bob', book('Neuromancer'), assoc(['genre', 'Cyberpunk']))], { resolved: [1] })
    expect(retry.result === 'ok' && retry.events.map((e) => e.seqNo)).toEqual([3, 4])

    const receipts = await store.rebase(2, [
      act('payment', 'alice', receipt(1), assoc(['no', 'avd2dlg3g93fm1osu'], ['total', 100]), [key(1)]),
      act('payment', 'alice', receipt(2), assoc(['no', 'kepf62djsdk8fw21'], ['total', 200]), [key(2)])
    ])
    expect(receipts.result === 'ok' && receipts.events.map((e) => e.seqNo)).toEqual([5, 6])

    const expired = await store.rebase(6, [{ type: 'effect', timestampMs: T, source: edn.kw('keystore'), effect: { reason: edn.kw('key-expired'), trigger: key(1) } }])
    expect(expired.result === 'ok' && expired.events.map((e) => e.seqNo)).toEqual([7])

    const read: [number, Identity][] = []
    for await (const e of store.read(6)) read.push([e.seqNo, e.action.aggregate])
    expect(read).toEqual([[5, receipt(1)], [6, receipt(2)]])
    expect((await store.replayCauses(6))).toEqual([{ aggregate: { kind: ':receipt', id: '1' }, effects: [7] }])
    expect((await store.queryConflicts(1, receipt(1))).map((e) => e.seqNo)).toEqual([5, 7])
    await store.close()
  })

  it('through the CLI, with the EDN it prints', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'coherence-walk-cli-')), 'test.db')
    const ts = '#inst "2026-11-28T14:00:00.000-00:00"'
    const ev = (reason: string, actor: string, aggregate: string, patch: string, triggers = ''): string =>
      `{:timestamp ${ts}, :source :bookstore, :action {:reason :${reason}, :actor [:user "${actor}"], :aggregate ${aggregate}, :patch ${patch}}${triggers}}`
    expect(cli(['init', file]).code).toBe(0)
    expect(cli(['rebase', file, '--base', '1'], `[${ev('create', 'alice', '[:book "Neuromancer"]', '{:assoc {:author "William Gibson", :genre "SciFi"}}')} ${ev('create', 'alice', '[:book "Count Zero"]', '{:assoc {:author "William Gibson", :genre "Cyberpunk"}}')}]`).code).toBe(0)
    const mona = ev('create', 'bob', '[:book "Mona Lisa Overdrive"]', '{:assoc {:author "William Gibson", :genre "Cyberpunk"}}')
    const conflict = cli(['rebase', file, '--base', '1'], `[${mona} ${ev('create', 'bob', '[:book "Neuromancer"]', '{:assoc {:author "William Gibson", :genre "Cyberpunk"}}')}]`)
    expect(conflict.code).toBe(2)
    expect(conflict.stdout).toBe(
      `{:result :conflict, :events [{:timestamp ${ts}, :source :bookstore, :action {:reason :create, :actor [:user "bob"], :aggregate [:book "Mona Lisa Overdrive"], :patch {:assoc {:author "William Gibson", :genre "Cyberpunk"}}}, :seq-no 3}], ` +
        `:conflict {:ours {:timestamp ${ts}, :source :bookstore, :action {:reason :create, :actor [:user "bob"], :aggregate [:book "Neuromancer"], :patch {:assoc {:author "William Gibson", :genre "Cyberpunk"}}}, :seq-no 4}, ` +
        `:theirs {:seq-no 1, :timestamp ${ts}, :source :bookstore, :action {:reason :create, :actor [:user "alice"], :aggregate [:book "Neuromancer"], :patch {:assoc {:author "William Gibson", :genre "SciFi"}}}}}}\n`
    )
    expect(cli(['rebase', file, '--base', '1', '--resolved', '1'], `[${mona} ${ev('update', 'bob', '[:book "Neuromancer"]', '{:assoc {:genre "Cyberpunk"}}')}]`).stdout).toMatch(/^\{:result :ok, :events \[\{:timestamp .*, :seq-no 3\} \{:timestamp .*, :seq-no 4\}\]\}\n$/)
    expect(cli(['rebase', file, '--base', '2'], `[${ev('payment', 'alice', '[:receipt 1]', '{:assoc {:no "avd2dlg3g93fm1osu", :total 100}}', ', :triggers [[:encryption-key 1]]')} ${ev('payment', 'alice', '[:receipt 2]', '{:assoc {:no "kepf62djsdk8fw21", :total 200}}', ', :triggers [[:encryption-key 2]]')}]`).code).toBe(0)
    expect(cli(['rebase', file, '--base', '6'], `[{:timestamp ${ts}, :source :keystore, :effect {:reason :key-expired, :trigger [:encryption-key 1]}}]`).stdout).toBe(
      `{:result :ok, :events [{:timestamp ${ts}, :source :keystore, :effect {:reason :key-expired, :trigger [:encryption-key 1]}, :seq-no 7}]}\n`
    )
    expect(cli(['read', file, '--offset', '6']).stdout).toBe(
      `[{:seq-no 5, :timestamp ${ts}, :source :bookstore, :action {:reason :payment, :actor [:user "alice"], :aggregate [:receipt 1], :patch {:assoc {:no "avd2dlg3g93fm1osu", :total 100}}}, :triggers #{[:encryption-key 1]}} ` +
        `{:seq-no 6, :timestamp ${ts}, :source :bookstore, :action {:reason :payment, :actor [:user "alice"], :aggregate [:receipt 2], :patch {:assoc {:no "kepf62djsdk8fw21", :total 200}}}, :triggers #{[:encryption-key 2]}}]\n`
    )
    expect(cli(['seq-no', file]).stdout).toBe('7\n')
  })
})
